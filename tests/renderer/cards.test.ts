// Customer detail tabs (策略卡, 月评卡), the merge dialog and the duplicate finder against a contract-checking fake core.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { ElMessageBox } from 'element-plus';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore, type Handler } from './fakeCore';
import CustomerDetail from '@/views/customers/CustomerDetail.vue';
import DuplicateFinder from '@/views/customers/DuplicateFinder.vue';
import type { CustomerDetail as Detail, CustomerListRow, DuplicateGroup, Input, MonthlyEvaluation, StrategyCard } from '@shared/contract';

function customer(id: number, name: string, extra: Partial<Detail> = {}): Detail {
  return {
    id,
    code: `C${String(id).padStart(6, '0')}`,
    name,
    shortName: '',
    type: 'retail',
    regionId: 3,
    regionPath: ['华北', '北京市'],
    address: '',
    phone: '010-8888-6666',
    industry: '',
    scale: null,
    source: null,
    repId: 1,
    repName: '赵磊',
    dealerId: 4,
    dealerName: '北京恒信商贸',
    grade: 'A',
    lifecycle: 'loyal',
    creditLimitFen: 500_000,
    paymentTermDays: 30,
    tags: [],
    notes: '',
    mergedIntoId: null,
    archived: false,
    archivedAt: null,
    createdAt: '2024-05-01T02:00:00.000Z',
    updatedAt: '2025-03-01T02:00:00.000Z',
    contacts: [{ id: 11, name: '刘洋', title: '', phone: '139-1111-2222', email: '', wechat: '', isPrimary: true }],
    ...extra,
  };
}

const huazhong = customer(1, '北京华众商贸有限公司');
const dup = customer(5, '北京华众商贸商行', { createdAt: '2025-02-01T02:00:00.000Z', contacts: [], dealerId: null, dealerName: null });

const card: StrategyCard = {
  customerId: 1,
  goals: '年销售额 50 万元',
  approach: '季度拜访',
  decisionMakers: '张总',
  competitors: '',
  updatedAt: '2025-03-01T03:00:00.000Z',
  updatedBy: '管理员',
  actions: [
    { id: 21, dueDate: '2025-03-10', action: '送样品', owner: '李娜', done: false, doneAt: null },
    { id: 22, dueDate: '2025-03-12', action: '约见张总', owner: '', done: true, doneAt: '2025-03-02T03:00:00.000Z' },
  ],
};

const evaluations: MonthlyEvaluation[] = [
  {
    id: 31,
    customerId: 1,
    month: '2025-02',
    purchaseScore: 4,
    paymentScore: 5,
    cooperationScore: 3,
    potentialScore: 4,
    comment: '回款及时',
    evaluator: '王强',
    updatedAt: '2025-03-01T03:00:00.000Z',
  },
];

const listRow = (c: Detail): CustomerListRow => ({
  id: c.id,
  code: c.code,
  name: c.name,
  shortName: '',
  type: c.type,
  regionId: c.regionId,
  regionName: '北京市',
  regionPath: ['华北', '北京市'],
  repId: c.repId,
  repName: c.repName,
  dealerId: null,
  dealerName: null,
  phone: c.phone,
  primaryContact: null,
  grade: c.grade,
  lifecycle: c.lifecycle,
  creditLimitFen: c.creditLimitFen,
  paymentTermDays: c.paymentTermDays,
  tags: [],
  archived: c.archived,
  updatedAt: c.updatedAt,
});

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  const byId: Record<number, Detail> = { 1: huazhong, 5: dup };
  return {
    'customers.get': (inp: { id: number }) => {
      const c = byId[inp.id];
      if (!c) throw { code: 'NOT_FOUND', message: `客户不存在（编号 ${inp.id}）` };
      return c;
    },
    'audit.list': () => ({
      rows: [
        {
          id: 9,
          at: '2025-03-01T03:00:00.000Z',
          operator: '管理员',
          action: 'merge',
          entity: 'customer',
          entityId: 1,
          before: { code: 'C000007', name: '华众老档案' },
          after: { contacts: 2, tags: 1, strategyActions: 0, evaluations: 1, evaluationsKept: 0 },
        },
      ],
      total: 1,
    }),
    'strategyCards.get': () => card,
    'strategyCards.save': (inp: Input<'strategyCards.save'>) => ({
      ...card,
      ...inp,
      actions: (inp.actions ?? []).map((a, i) => ({ id: 100 + i, doneAt: null, owner: '', done: false, ...a })),
    }),
    'monthlyEvaluations.list': () => evaluations,
    'monthlyEvaluations.save': (inp: Input<'monthlyEvaluations.save'>) => ({
      id: 99,
      comment: '',
      updatedAt: '2025-03-01T03:00:00.000Z',
      ...inp,
    }),
    'customers.list': (inp: { search?: string }) => {
      const rows = inp.search === 'bjhz' ? [listRow(huazhong), listRow(dup)] : [];
      return { rows, total: rows.length };
    },
    'customers.merge': (inp: { survivorId: number; mergedId: number }) => ({
      ...inp,
      moved: { contacts: 1, tags: 0, strategyActions: 2, evaluations: 1, evaluationsKept: 1 },
    }),
    ...extra,
  };
}

// ---------- mounting and DOM helpers ----------
let wrapper: VueWrapper | undefined;
let router: Router;

async function mountView(component: any, path: string, props: Record<string, unknown> = {}) {
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  wrapper = mount(component, { props, global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const settle = async (ms = 0) => {
  await flushPromises();
  if (ms) await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
const messages = () => Array.from(document.querySelectorAll('.el-message')).map((m) => m.textContent ?? '');
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);

async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await flushPromises();
}
async function type(el: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
  if (!el) throw new Error('no input');
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
}
async function openTab(name: string) {
  await click($(`#tab-${name}`));
  await settle();
}
function ctrlS() {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('customer detail', () => {
  it('shows the serving dealer, the contacts tab first, and a merge row in words in 变更记录', async () => {
    const core = fakeCore(handlers());
    const w = await mountView(CustomerDetail, '/customers/1', { id: 1 });
    expect(w.find('[data-test="customer-descriptions"]').text()).toContain('配送经销商');
    expect(w.find('[data-test="customer-descriptions"]').text()).toContain('北京恒信商贸');
    expect(w.find('[data-test="detail-contacts"]').text()).toContain('刘洋');
    const tabs = w.findAll('.el-tabs__item').map((x) => x.text());
    expect(tabs).toEqual(['联系人 (1)', '客户策略卡', '客户月评卡', '满意度', '生命周期', '变更记录']);
    // the cards load only when their tab is opened
    expect(core.of('strategyCards.get')).toHaveLength(0);
    await openTab('history');
    expect(w.find('[data-test="detail-history"]').text()).toContain('合并了「C000007 华众老档案」：联系人 2、标签 1、策略行动 0、月评卡 1');
    expect(w.find('[data-test="merged-banner"]').exists()).toBe(false);
    expect(core.rejected).toEqual([]);
  });

  it('a merged customer shows a banner linking to the survivor, and nothing can be edited', async () => {
    const merged = customer(5, '北京华众商贸商行', { mergedIntoId: 1, archived: true, archivedAt: '2025-03-01T04:00:00.000Z' });
    fakeCore(handlers({ 'customers.get': (inp: { id: number }) => (inp.id === 5 ? merged : huazhong) }));
    const w = await mountView(CustomerDetail, '/customers/5', { id: 5 });
    const banner = w.find('[data-test="merged-banner"]');
    expect(banner.text()).toContain('该客户已合并到');
    expect(banner.text()).toContain('C000001 北京华众商贸有限公司');
    for (const button of ['detail-edit', 'detail-merge', 'detail-archive', 'detail-restore']) {
      expect(w.find(`[data-test="${button}"]`).exists(), button).toBe(false);
    }
    await openTab('strategy');
    expect(w.find('[data-test="strategy-card"]').exists()).toBe(true);
    expect(w.find('[data-test="strategy-save"]').exists()).toBe(false);
    expect(w.find('[data-test="action-add"]').exists()).toBe(false);
    expect(w.find('textarea[data-test="strategy-goals"]').attributes('disabled')).toBeDefined();
    await openTab('evaluations');
    expect(w.find('[data-test="evaluation-add"]').exists()).toBe(false);

    await click(w.find('[data-test="merged-link"]').element);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers/1'));
  });
});

describe('strategy card panel', () => {
  it('shows the card, and 保存 sends the texts with the action list (kept ids, new rows without id, removed rows gone)', async () => {
    const core = fakeCore(handlers());
    const w = await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('strategy');
    expect(core.of('strategyCards.get').map((c) => c.input)).toEqual([{ customerId: 1 }]);
    expect(w.find<HTMLTextAreaElement>('textarea[data-test="strategy-goals"]').element.value).toBe('年销售额 50 万元');
    expect(w.find('[data-test="strategy-updated"]').text()).toContain('管理员');
    expect($<HTMLInputElement>('input[data-test="action-text-0"]')!.value).toBe('送样品');
    expect($<HTMLInputElement>('input[data-test="action-owner-0"]')!.value).toBe('李娜');
    expect(w.find('[data-test="strategy-actions"]').text()).toContain('完成于 2025-03-02');

    await type($('textarea[data-test="strategy-goals"]'), '年销售额 80 万元');
    await type($('textarea[data-test="strategy-competitors"]'), '某某商贸');
    await type($('input[data-test="action-owner-0"]'), '赵敏');
    await click($('[data-test="action-done-0"] input') ?? $('[data-test="action-done-0"]'));
    await click($('[data-test="action-delete-1"]'));
    await click($('[data-test="action-add"]'));
    await type($('input[data-test="action-text-1"]'), '送报价单');
    await click($('button[data-test="strategy-save"]'));
    await settle();

    expect(core.rejected).toEqual([]);
    const sent = core.of('strategyCards.save').map((c) => c.input);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      customerId: 1,
      goals: '年销售额 80 万元',
      approach: '季度拜访',
      decisionMakers: '张总',
      competitors: '某某商贸',
    });
    expect(sent[0].actions).toEqual([
      { id: 21, dueDate: '2025-03-10', action: '送样品', owner: '赵敏', done: true },
      { dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), action: '送报价单', owner: '', done: false },
    ]);
    expect(messages().join()).toContain('已保存');
  });

  it('a new action without text is not sent; Ctrl+S saves once it is filled in', async () => {
    const core = fakeCore(handlers());
    await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('strategy');
    await click($('[data-test="action-add"]'));
    await click($('button[data-test="strategy-save"]'));
    await settle(150);
    expect(core.of('strategyCards.save')).toHaveLength(0);
    expect(document.querySelector('[data-test="strategy-actions"] .el-form-item__error')?.textContent).toContain('行动内容：必填');

    await type($('input[data-test="action-text-2"]'), '回访');
    ctrlS();
    await settle();
    expect(core.of('strategyCards.save')).toHaveLength(1);
    expect(core.of('strategyCards.save')[0]!.input.actions.at(-1)).toMatchObject({ action: '回访' });
    expect(core.rejected).toEqual([]);
  });

  it('Ctrl+S on another tab does not save the card', async () => {
    const core = fakeCore(handlers());
    await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('strategy');
    await openTab('contacts');
    ctrlS();
    await settle();
    expect(core.of('strategyCards.save')).toHaveLength(0);
  });

  it('shows a server error', async () => {
    fakeCore(
      handlers({
        'strategyCards.save': () => {
          throw { code: 'CONFLICT', message: '客户：「北京华众商贸有限公司」已归档，请先恢复再修改', field: 'customerId' };
        },
      }),
    );
    await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('strategy');
    await click($('button[data-test="strategy-save"]'));
    await settle();
    expect(messages().join()).toContain('已归档，请先恢复再修改');
  });
});

describe('monthly evaluation panel', () => {
  const thisMonth = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  };
  const rateItems = (key: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-test="rate-${key}"] .el-rate__item`));

  it('lists the months with their scores and total', async () => {
    const core = fakeCore(handlers());
    const w = await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('evaluations');
    expect(core.of('monthlyEvaluations.list').map((c) => c.input)).toEqual([{ customerId: 1 }]);
    const table = w.find('[data-test="evaluation-table"]');
    expect(table.text()).toContain('2025-02');
    expect(table.text()).toContain('回款及时');
    expect(table.text()).toContain('王强');
    expect(table.find('[data-test="evaluation-total"]').text()).toBe('16');
  });

  it('新增月评 sends the four scores, the month and 管理员 as the default evaluator', async () => {
    const core = fakeCore(handlers());
    await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('evaluations');
    await click($('[data-test="evaluation-add"]'));
    await settle();
    expect($<HTMLInputElement>('input[data-test="evaluation-evaluator"]')!.value).toBe('管理员');

    // without scores nothing is sent
    await click($('button[data-test="evaluation-save"]'));
    await settle(150);
    expect(core.of('monthlyEvaluations.save')).toHaveLength(0);
    expect($('[data-test="evaluation-form"]')!.textContent).toContain('请为四项逐一评分');

    await click(rateItems('purchaseScore')[3]);
    await click(rateItems('paymentScore')[4]);
    await click(rateItems('cooperationScore')[1]);
    await click(rateItems('potentialScore')[2]);
    await type($('textarea[data-test="evaluation-comment"]'), '进货稳定');
    await click($('button[data-test="evaluation-save"]'));
    await settle();

    expect(core.rejected).toEqual([]);
    expect(core.of('monthlyEvaluations.save').map((c) => c.input)).toEqual([
      {
        customerId: 1,
        month: thisMonth(),
        purchaseScore: 4,
        paymentScore: 5,
        cooperationScore: 2,
        potentialScore: 3,
        comment: '进货稳定',
        evaluator: '管理员',
      },
    ]);
    expect(messages().join()).toContain('已保存');
    expect(core.of('monthlyEvaluations.list')).toHaveLength(2); // reloaded
  });

  it('编辑 sends the id and the changed score; a month clash from the core is shown', async () => {
    const core = fakeCore(
      handlers({
        'monthlyEvaluations.save': () => {
          throw { code: 'CONFLICT', message: '月份：该客户 2025-02 的月评卡已经存在，请直接修改那一张', field: 'month' };
        },
      }),
    );
    await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('evaluations');
    await click($('[data-test="evaluation-edit"]'));
    await settle();
    await click(rateItems('cooperationScore')[4]);
    await click($('button[data-test="evaluation-save"]'));
    await settle();
    expect(core.of('monthlyEvaluations.save').map((c) => c.input)).toEqual([
      {
        id: 31,
        customerId: 1,
        month: '2025-02',
        purchaseScore: 4,
        paymentScore: 5,
        cooperationScore: 5,
        potentialScore: 4,
        comment: '回款及时',
        evaluator: '王强',
      },
    ]);
    expect(messages().join()).toContain('2025-02 的月评卡已经存在');
    expect(core.rejected).toEqual([]);
  });
});

describe('merge dialog', () => {
  /** The options of the remote select (its dropdown is teleported; the input names it in aria-controls). */
  function options(): HTMLElement[] {
    const input = $('[data-test="merge-dialog"] input[role="combobox"]')!;
    const listId = input.getAttribute('aria-controls')!;
    return Array.from(document.getElementById(listId)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item') ?? []);
  }

  it('searches the other customer on the server, compares both, and merges into the chosen survivor', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const core = fakeCore(handlers());
    const w = await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await click(w.find('[data-test="detail-merge"]').element);
    await settle();
    expect($('[data-test="merge-dialog"]')).not.toBeNull();
    // nothing to merge yet
    expect($<HTMLButtonElement>('button[data-test="merge-submit"]')!.disabled).toBe(true);

    const input = $<HTMLInputElement>('[data-test="merge-dialog"] input[role="combobox"]')!;
    await click(input.closest('.el-select')!.querySelector('.el-select__wrapper'));
    await type(input, 'bjhz');
    await settle(400); // the remote search is debounced
    expect(core.of('customers.list').at(-1)!.input).toEqual({ search: 'bjhz', pageSize: 20, archived: 'all' });
    // the customer itself is not offered
    expect(options().map((o) => o.textContent)).toEqual([expect.stringContaining('C000005 北京华众商贸商行')]);
    await click(options()[0]);
    await settle();

    const compare = $('[data-test="merge-compare"]')!.textContent!;
    for (const text of ['C000001', 'C000005', '北京华众商贸商行', '华北 › 北京市', '赵磊', '2024-05-01', '2025-02-01'])
      expect(compare).toContain(text);
    expect($('[data-test="merge-role-1"]')!.textContent).toBe('保留');
    expect($('[data-test="merge-role-5"]')!.textContent).toBe('并入后归档');
    expect($('[data-test="merge-warning"]')!.textContent).toContain('「北京华众商贸商行」将被归档');

    // keep the other one instead
    await click($('[data-test="merge-keep-5"] input') ?? $('[data-test="merge-keep-5"]'));
    expect($('[data-test="merge-role-5"]')!.textContent).toBe('保留');
    await click($('button[data-test="merge-submit"]'));
    await settle();

    expect(confirm).toHaveBeenCalledOnce();
    expect(String(confirm.mock.calls[0]![0])).toContain('「北京华众商贸有限公司」到「北京华众商贸商行」');
    expect(core.of('customers.merge').map((c) => c.input)).toEqual([{ survivorId: 5, mergedId: 1 }]);
    expect(messages().join()).toContain('已合并');
    expect(messages().join()).toContain('1 张同月月评卡保留在被合并的客户上');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers/5'));
    expect(core.rejected).toEqual([]);
  });

  it('keeping the customer on screen reloads it and its cards in place', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const core = fakeCore(handlers({ 'customers.list': () => ({ rows: [listRow(dup)], total: 1 }) }));
    const w = await mountView(CustomerDetail, '/customers/1', { id: 1 });
    await openTab('strategy');
    await click(w.find('[data-test="detail-merge"]').element);
    await settle();
    const input = $<HTMLInputElement>('[data-test="merge-dialog"] input[role="combobox"]')!;
    await click(input.closest('.el-select')!.querySelector('.el-select__wrapper'));
    await type(input, '华众');
    await settle(400);
    await click(options()[0]);
    await settle();
    const gets = core.of('customers.get').length;
    await click($('button[data-test="merge-submit"]'));
    await settle();
    expect(core.of('customers.merge').map((c) => c.input)).toEqual([{ survivorId: 1, mergedId: 5 }]);
    expect(router.currentRoute.value.fullPath).toBe('/customers/1');
    expect(core.of('customers.get').length).toBeGreaterThan(gets);
    expect(core.of('strategyCards.get')).toHaveLength(2);
  });
});

describe('duplicate finder', () => {
  const groups: DuplicateGroup[] = [
    {
      key: '01088886666',
      reason: 'phone',
      customers: [
        {
          id: 1,
          code: 'C000001',
          name: '北京华众商贸有限公司',
          phone: '010-8888-6666',
          regionName: '北京市',
          regionPath: ['华北', '北京市'],
          repName: '赵磊',
          archived: false,
          createdAt: '2024-05-01T02:00:00.000Z',
        },
        {
          id: 5,
          code: 'C000005',
          name: '北京华众商贸商行',
          phone: '01088886666',
          regionName: null,
          regionPath: [],
          repName: null,
          archived: false,
          createdAt: '2025-02-01T02:00:00.000Z',
        },
        {
          id: 6,
          code: 'C000006',
          name: '华众二店',
          phone: '010 8888 6666',
          regionName: null,
          regionPath: [],
          repName: null,
          archived: true,
          createdAt: '2025-02-02T02:00:00.000Z',
        },
      ],
    },
    {
      key: '北京华众商贸',
      reason: 'name',
      customers: [
        {
          id: 1,
          code: 'C000001',
          name: '北京华众商贸有限公司',
          phone: '010-8888-6666',
          regionName: '北京市',
          regionPath: ['华北', '北京市'],
          repName: '赵磊',
          archived: false,
          createdAt: '2024-05-01T02:00:00.000Z',
        },
        {
          id: 5,
          code: 'C000005',
          name: '北京华众商贸商行',
          phone: '01088886666',
          regionName: null,
          regionPath: [],
          repName: null,
          archived: false,
          createdAt: '2025-02-01T02:00:00.000Z',
        },
      ],
    },
  ];
  const duplicateHandlers = (extra: Record<string, Handler> = {}) =>
    handlers({ 'customers.duplicateGroups': () => ({ groups, total: 23 }), ...extra });

  it('renders the groups of page 1 with their members, and pages on the server', async () => {
    const core = fakeCore(duplicateHandlers());
    const w = await mountView(DuplicateFinder, '/customers/duplicates');
    expect(core.of('customers.duplicateGroups').map((c) => c.input)).toEqual([{ page: 1, pageSize: 20, includeArchived: false }]);
    const rendered = w.findAll('[data-test="duplicate-group"]');
    expect(rendered).toHaveLength(2);
    expect(rendered[0]!.text()).toContain('同电话');
    expect(rendered[0]!.text()).toContain('01088886666');
    expect(rendered[0]!.text()).toContain('3 个客户');
    expect(rendered[0]!.findAll('tr.el-table__row')).toHaveLength(3);
    expect(rendered[0]!.text()).toContain('已归档');
    expect(rendered[1]!.text()).toContain('同名');
    expect(rendered[1]!.text()).toContain('北京华众商贸');
    // the oldest member is the default survivor: it has no 合并 button
    expect(rendered[0]!.findAll('tr.el-table__row')[0]!.find('[data-test="duplicate-merge"]').exists()).toBe(false);
    expect(rendered[0]!.findAll('[data-test="duplicate-merge"]')).toHaveLength(2);
    expect(w.find('[data-test="duplicates-total"]').text()).toContain('23');

    await w.find('[data-test="duplicates-archived"]').trigger('click');
    await settle();
    expect(core.of('customers.duplicateGroups').at(-1)!.input).toEqual({ page: 1, pageSize: 20, includeArchived: true });
    await click(w.find('.el-pager li:nth-child(2)').element);
    await settle();
    expect(core.of('customers.duplicateGroups').at(-1)!.input).toEqual({ page: 2, pageSize: 20, includeArchived: true });

    await click(rendered[1]!.findAll('[data-test="duplicate-view"]')[1]!.element);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers/5'));
    expect(core.rejected).toEqual([]);
  });

  it('合并 opens the dialog preselected with the oldest as survivor, merges, and reloads the groups', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const core = fakeCore(duplicateHandlers());
    const w = await mountView(DuplicateFinder, '/customers/duplicates');
    await click(w.findAll('[data-test="duplicate-group"]')[1]!.find('[data-test="duplicate-merge"]').element);
    await settle();
    // both sides are given: no search box
    expect($('[data-test="merge-dialog"] input[role="combobox"]')).toBeNull();
    expect(
      core
        .of('customers.get')
        .map((c) => c.input.id)
        .sort(),
    ).toEqual([1, 5]);
    expect($('[data-test="merge-role-1"]')!.textContent).toBe('保留');
    expect($('[data-test="merge-role-5"]')!.textContent).toBe('并入后归档');
    const loads = core.of('customers.duplicateGroups').length;
    await click($('button[data-test="merge-submit"]'));
    await settle();
    expect(core.of('customers.merge').map((c) => c.input)).toEqual([{ survivorId: 1, mergedId: 5 }]);
    expect(core.of('customers.duplicateGroups').length).toBe(loads + 1);
    expect(router.currentRoute.value.fullPath).toBe('/customers/duplicates');
    expect(core.rejected).toEqual([]);
  });

  it('cancelling the confirmation merges nothing', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    const core = fakeCore(duplicateHandlers());
    const w = await mountView(DuplicateFinder, '/customers/duplicates');
    await click(w.find('[data-test="duplicate-merge"]').element);
    await settle();
    await click($('button[data-test="merge-submit"]'));
    await settle();
    expect(core.of('customers.merge')).toHaveLength(0);
  });

  it('says so when there are no duplicates', async () => {
    fakeCore(handlers({ 'customers.duplicateGroups': () => ({ groups: [], total: 0 }) }));
    const w = await mountView(DuplicateFinder, '/customers/duplicates');
    expect(w.text()).toContain('没有发现疑似重复的客户');
  });
});
