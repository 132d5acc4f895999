// Dealer list, form and detail (+ the serving-dealer picker on the customer form) against a fake core.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useLookupsStore } from '@/stores/lookups';
import { fakeCore, type Handler } from './fakeCore';
import DealerList from '@/views/dealers/DealerList.vue';
import DealerForm from '@/views/dealers/DealerForm.vue';
import DealerDetail from '@/views/dealers/DealerDetail.vue';
import CustomerForm from '@/views/customers/CustomerForm.vue';
import { dealerListState, freshState } from '@/views/dealers/listState';
import type { CustomerDetail, DealerDetail as Detail, DealerListRow, RegionNode, Rep } from '@shared/contract';

function dealer(id: number, name: string, extra: Partial<DealerListRow> = {}): DealerListRow {
  return {
    id,
    code: `D${String(id).padStart(4, '0')}`,
    name,
    shortName: '',
    channelType: 'dealer',
    tier: 1,
    contactName: '刘洋',
    phone: '025-88886666',
    territoryIds: [],
    territoryNames: [],
    territoryPaths: [],
    contractStart: null,
    contractEnd: null,
    contractDaysLeft: null,
    depositFen: 0,
    creditLimitFen: 0,
    repId: null,
    repName: null,
    status: 'active',
    customerCount: 0,
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...extra,
  };
}

const hengxin = dealer(1, '南京恒信商贸有限公司', {
  channelType: 'agent',
  tier: 2,
  territoryIds: [2, 3],
  territoryNames: ['江苏省', '北京市'],
  territoryPaths: [
    ['华东', '江苏省'],
    ['华北', '北京市'],
  ],
  contractStart: '2025-01-01',
  contractEnd: '2025-06-25',
  contractDaysLeft: 10,
  depositFen: 5_000_050,
  creditLimitFen: 12_345_600,
  repId: 1,
  repName: '张伟',
  customerCount: 42,
});
const ended = dealer(2, '苏州万家批发部', { contractEnd: '2025-06-12', contractDaysLeft: -3 });
const later = dealer(3, '杭州利达贸易', { contractEnd: '2026-01-01', contractDaysLeft: 200 });
const gone = dealer(4, '无锡旧合作商行', { contractEnd: '2025-06-12', contractDaysLeft: -3, status: 'terminated' });

function detailOf(row: DealerListRow, extra: Partial<Detail> = {}): Detail {
  return {
    ...row,
    address: '南京市鼓楼区中山路 1 号',
    notes: '年度返利 2%',
    accountCustomerId: null,
    territories: row.territoryIds.map((id, i) => ({ id, name: row.territoryNames[i]!, path: paths[id]! })),
    createdAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}
const paths: Record<number, string[]> = { 1: ['华东'], 2: ['华东', '江苏省'], 3: ['华北', '北京市'], 4: ['华东', '江苏省', '南京市'] };

function node(id: number, parentId: number | null, name: string, level: number, initials: string, children: RegionNode[] = []): RegionNode {
  return { id, parentId, name, code: '', level, sortOrder: 0, customerCount: 0, initials, children };
}
const regionTree = (): RegionNode[] => [
  node(1, null, '华东', 1, 'hd', [node(2, 1, '江苏省', 2, 'jss', [node(4, 2, '南京市', 3, 'njs')])]),
  node(5, null, '华北', 1, 'hb', [node(3, 5, '北京市', 2, 'bjs')]),
];
const zhang: Rep = {
  id: 1,
  code: 'R001',
  name: '张伟',
  phone: '',
  teamId: null,
  teamName: null,
  supervisorId: null,
  supervisorName: null,
  hireDate: null,
  active: true,
  regionIds: [],
  regionNames: [],
  regionPaths: [],
  customerCount: 0,
  initials: 'zw',
  pinyin: 'zhangwei',
};

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'dealers.list': () => ({ rows: [hengxin, ended, later, gone], total: 4 }),
    'regions.tree': regionTree,
    'reps.list': () => ({ rows: [zhang], total: 1 }),
    'teams.list': () => [],
    'customers.tags': () => [],
    'audit.list': () => ({ rows: [], total: 0 }),
    ...extra,
  };
}

let wrapper: VueWrapper | undefined;
let pinia: Pinia;

async function mountAt(path: string, component: any, props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  await useLookupsStore(pinia).loadAll();
  wrapper = mount(component, { props, global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150));
  await flushPromises();
};

async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await flushPromises();
}

/** The options of one Element Plus select (its dropdown is teleported; the input names it in aria-controls). */
function optionsOf(select: Element): HTMLElement[] {
  const listId = select.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
  return Array.from(document.getElementById(listId)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item') ?? []);
}
async function pickOption(select: Element, text: string) {
  await click(select.querySelector('.el-select__wrapper'));
  await click(optionsOf(select).find((o) => o.textContent?.trim().startsWith(text)));
}
const selectOf = (testId: string) => document.querySelector(`[data-test="${testId}"]`)!.closest('.el-select')!;

function ctrlS() {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  pinia = createPinia();
  setActivePinia(pinia);
  Object.assign(dealerListState, freshState());
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('DealerList', () => {
  const listCalls = (core: ReturnType<typeof fakeCore>) => core.of('dealers.list');
  const lastList = (core: ReturnType<typeof fakeCore>) => listCalls(core).at(-1)!.input;
  const rows = (w: VueWrapper) => w.findAll('[data-test="dealer-table"] .el-table__body-wrapper tr.el-table__row');

  it('loads page 1 from the server and renders the columns, money in yuan', async () => {
    localStorage.clear();
    const core = fakeCore(handlers());
    const { wrapper: w } = await mountAt('/dealers', DealerList);
    expect(core.rejected).toEqual([]);
    expect(listCalls(core).map((c) => c.input)).toEqual([{ page: 1, pageSize: 50, expiringOnly: false }]);
    const first = rows(w)[0]!.text();
    for (const cell of ['南京恒信商贸有限公司', '代理商', '二级', '¥123,456.00', '张伟', '42', '合作中']) expect(first).toContain(cell);
    // code, contact, phone and deposit are chosen in 列, so the list fits 1280 px in both languages
    for (const cell of ['D0001', '刘洋', '025-88886666', '¥50,000.50']) expect(first).not.toContain(cell);
    expect(
      rows(w)[0]!
        .findAll('.sd-tag')
        .map((tg) => tg.text()),
    ).toEqual(expect.arrayContaining(['江苏省', '北京市']));
    expect(w.find('[data-test="dealer-total"]').text()).toBe('共 4 条');
  });

  it('highlights contracts of active dealers ending within 30 days or already ended', async () => {
    fakeCore(handlers());
    const { wrapper: w } = await mountAt('/dealers', DealerList);
    const cell = (i: number) => rows(w)[i]!.find('[data-test^="expiry"]');
    expect(cell(0).attributes('data-test')).toBe('expiry-warn');
    expect(cell(0).classes()).toContain('expiry-warn');
    expect(cell(0).text()).toContain('2025-06-25');
    expect(cell(0).text()).toContain('剩 10 天');
    expect(cell(1).attributes('data-test')).toBe('expiry-warn');
    expect(cell(1).text()).toContain('已到期');
    expect(cell(2).attributes('data-test')).toBe('expiry');
    expect(cell(2).text()).toBe('2026-01-01');
    // a terminated dealer's old contract is not an alarm
    expect(cell(3).attributes('data-test')).toBe('expiry');
    expect(cell(3).text()).not.toContain('已到期');
  });

  it('sends search, filters and the 仅看即将到期 switch to dealers.list', async () => {
    const core = fakeCore(handlers());
    const { wrapper: w } = await mountAt('/dealers', DealerList);

    const search = w.find('input[data-test="dealer-search"]');
    await search.setValue(' njhx ');
    await search.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    expect(lastList(core)).toEqual({ page: 1, pageSize: 50, expiringOnly: false, search: 'njhx' });

    await w.find('[data-test="dealer-f-expiring"]').trigger('click');
    await flushPromises();
    expect(lastList(core)).toMatchObject({ expiringOnly: true, search: 'njhx' });

    await pickOption(selectOf('dealer-f-channel'), '代理商');
    await flushPromises();
    expect(lastList(core)).toMatchObject({ channelType: ['agent'] });
    await pickOption(selectOf('dealer-f-status'), '暂停');
    expect(lastList(core)).toMatchObject({ status: ['suspended'] });
    await pickOption(selectOf('dealer-f-tier'), '二级');
    expect(lastList(core)).toMatchObject({ tier: [2] });
    await pickOption(selectOf('dealer-f-rep'), '张伟');
    expect(lastList(core)).toEqual({
      page: 1,
      pageSize: 50,
      expiringOnly: true,
      search: 'njhx',
      channelType: ['agent'],
      status: ['suspended'],
      tier: [2],
      repId: 1,
    });
    expect(core.rejected).toEqual([]);
  });

  it('sorting a column sends the server sort field', async () => {
    const core = fakeCore(handlers());
    const { wrapper: w } = await mountAt('/dealers', DealerList);
    const header = (label: string) => w.findAll('[data-test="dealer-table"] th').find((th) => th.text().includes(label))!;
    await header('合同到期').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'contractEnd', order: 'asc' });
    await header('合同到期').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'contractEnd', order: 'desc' });
    await header('经销商名称').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'name', order: 'asc' });
    await header('客户数').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'customerCount', order: 'asc' });
    expect(core.rejected).toEqual([]);
  });

  it('the name opens the detail page and 编辑 the form', async () => {
    fakeCore(handlers());
    const { wrapper: w, router } = await mountAt('/dealers', DealerList);
    await rows(w)[0]!.find('[data-test="dealer-link"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/dealers/1');
    await rows(w)[1]!.find('[data-test="dealer-edit"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/dealers/2/edit');
  });
});

describe('DealerForm', () => {
  async function typeInto(testId: string, value: string) {
    await wrapper!.find(`input[data-test="${testId}"]`).setValue(value);
  }

  it('does not save without a name, and names the field', async () => {
    const core = fakeCore(handlers());
    const { wrapper: w } = await mountAt('/dealers/new', DealerForm);
    await w.find('[data-test="dealer-save"]').trigger('click');
    await settle();
    expect(core.of('dealers.save')).toHaveLength(0);
    expect(w.text()).toContain('经销商名称：必填');
  });

  it('sends the typed fields with amounts in fen, territory ids and dates', async () => {
    const core = fakeCore(handlers({ 'dealers.save': () => ({ id: 7, code: 'D0007' }) }));
    const { wrapper: w, router } = await mountAt('/dealers/new', DealerForm);
    await typeInto('f-name', ' 南京恒信商贸有限公司 ');
    await typeInto('f-code', 'NJ-01');
    await typeInto('f-shortName', '恒信');
    await typeInto('f-contact', '刘洋');
    await typeInto('f-phone', '025-8888-6666');
    await typeInto('f-address', '南京市鼓楼区中山路 1 号');
    await typeInto('f-deposit', '¥5,000.50');
    await typeInto('f-credit', '120000');
    await pickOption(selectOf('f-channel'), '代理商');
    await click(w.findAll('[data-test="f-tier"] label').find((l) => l.text() === '二级')!.element);
    await pickOption(selectOf('f-rep'), '张伟');
    await pickOption(selectOf('f-territory'), '南京市');
    await pickOption(selectOf('f-territory'), '华北');
    for (const [testId, date] of [
      ['f-contract-start', '2025-01-01'],
      ['f-contract-end', '2025-12-31'],
    ] as const) {
      const el = w.find(`[data-test="${testId}"]`);
      const input = el.element.tagName === 'INPUT' ? el : el.find('input');
      await input.setValue(date);
      await input.trigger('change');
      await flushPromises();
    }
    await w.find('[data-test="dealer-save"]').trigger('click');
    await settle();

    expect(core.rejected).toEqual([]);
    expect(core.of('dealers.save').map((c) => c.input)).toEqual([
      {
        code: 'NJ-01',
        name: '南京恒信商贸有限公司',
        shortName: '恒信',
        channelType: 'agent',
        tier: 2,
        contactName: '刘洋',
        phone: '025-8888-6666',
        address: '南京市鼓楼区中山路 1 号',
        territoryRegionIds: [4, 5],
        contractStart: '2025-01-01',
        contractEnd: '2025-12-31',
        depositFen: 500_050,
        creditLimitFen: 12_000_000,
        repId: 1,
        status: 'active',
        notes: '',
      },
    ]);
    expect(router.currentRoute.value.fullPath).toBe('/dealers/7');
  });

  it('picking a region greys out and drops the regions inside it', async () => {
    fakeCore(handlers());
    await mountAt('/dealers/new', DealerForm);
    const select = selectOf('f-territory');
    await pickOption(select, '南京市');
    await pickOption(select, '华东');
    const tags = Array.from(select.querySelectorAll('.el-tag')).map((tg) => tg.textContent?.trim());
    expect(tags).toEqual(['华东']);
    const jiangsu = optionsOf(select).find((o) => o.textContent?.startsWith('江苏省'))!;
    expect(jiangsu.classList.contains('is-disabled')).toBe(true);
  });

  it('edit loads the dealer, Ctrl+S sends it back unchanged with its id', async () => {
    const core = fakeCore(handlers({ 'dealers.get': () => detailOf(hengxin), 'dealers.save': () => ({ id: 1, code: 'D0001' }) }));
    const { wrapper: w } = await mountAt('/dealers/1/edit', DealerForm, { id: 1 });
    expect((w.find('input[data-test="f-name"]').element as HTMLInputElement).value).toBe('南京恒信商贸有限公司');
    expect((w.find('input[data-test="f-deposit"]').element as HTMLInputElement).value).toBe('50000.50');
    expect(w.find('[data-test="dealer-form"]').text()).toContain('华东 › 江苏省');
    ctrlS();
    await settle();
    expect(core.rejected).toEqual([]);
    expect(core.of('dealers.save').map((c) => c.input)).toEqual([
      {
        id: 1,
        code: 'D0001',
        name: '南京恒信商贸有限公司',
        shortName: '',
        channelType: 'agent',
        tier: 2,
        contactName: '刘洋',
        phone: '025-88886666',
        address: '南京市鼓楼区中山路 1 号',
        territoryRegionIds: [2, 3],
        contractStart: '2025-01-01',
        contractEnd: '2025-06-25',
        depositFen: 5_000_050,
        creditLimitFen: 12_345_600,
        repId: 1,
        status: 'active',
        notes: '年度返利 2%',
      },
    ]);
  });

  it('refuses an end date before the start date before calling the server', async () => {
    const core = fakeCore(handlers({ 'dealers.get': () => detailOf(hengxin, { contractEnd: '2024-12-31' }) }));
    const { wrapper: w } = await mountAt('/dealers/1/edit', DealerForm, { id: 1 });
    await w.find('[data-test="dealer-save"]').trigger('click');
    await settle();
    expect(core.of('dealers.save')).toHaveLength(0);
    expect(w.text()).toContain('合同到期：不能早于合同开始日期');
  });

  it('shows a server error next to its field', async () => {
    fakeCore(
      handlers({
        'dealers.save': () => {
          throw { code: 'REFERENCE', message: '授权区域：引用的记录不存在（编号 9）', field: 'territoryRegionIds.0' };
        },
      }),
    );
    const { wrapper: w } = await mountAt('/dealers/new', DealerForm);
    await typeInto('f-name', '甲');
    await w.find('[data-test="dealer-save"]').trigger('click');
    await settle();
    expect(document.body.textContent).toContain('授权区域：引用的记录不存在（编号 9）');
    const item = w.find('[data-test="f-territory"]').element.closest('.el-form-item')!;
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('引用的记录不存在');
  });
});

describe('DealerDetail', () => {
  it('shows the dealer with territory paths, and its customers from customers.list', async () => {
    const customerRow = {
      id: 11,
      code: 'C000011',
      name: '鼓楼便利店',
      shortName: '',
      type: 'retail',
      regionId: 4,
      regionName: '南京市',
      repId: 1,
      repName: '张伟',
      dealerId: 1,
      dealerName: '南京恒信商贸有限公司',
      phone: '025-1',
      primaryContact: null,
      grade: 'B',
      lifecycle: 'repeat',
      creditLimitFen: 100,
      paymentTermDays: 30,
      tags: [],
      archived: false,
      updatedAt: '2025-06-01T00:00:00.000Z',
    };
    const core = fakeCore(
      handlers({ 'dealers.get': () => detailOf(hengxin), 'customers.list': () => ({ rows: [customerRow], total: 61 }) }),
    );
    const { wrapper: w } = await mountAt('/dealers/1', DealerDetail, { id: 1 });
    expect(core.rejected).toEqual([]);
    expect(w.find('[data-test="detail-title"]').text()).toBe('南京恒信商贸有限公司');
    const territory = w.find('[data-test="detail-territory"]').text();
    expect(territory).toContain('华东 › 江苏省');
    expect(territory).toContain('华北 › 北京市');
    expect(w.find('[data-test="detail-contract"]').text()).toContain('剩 10 天');
    expect(w.find('[data-test="dealer-descriptions"]').text()).toContain('¥50,000.50');
    expect(core.of('customers.list').map((c) => c.input)).toEqual([
      { dealerId: 1, page: 1, pageSize: 20, sort: { field: 'name', order: 'asc' } },
    ]);
    expect(w.find('[data-test="dealer-customers"]').text()).toContain('鼓楼便利店');
    expect(w.find('[data-test="dealer-customers-total"]').text()).toBe('共 61 条');
    expect(core.of('audit.list').at(-1)!.input).toMatchObject({ entity: 'dealer', entityId: 1 });
  });
});

describe('serving dealer on the customer form', () => {
  const customer: CustomerDetail = {
    id: 5,
    code: 'C000005',
    name: '鼓楼便利店',
    shortName: '',
    type: 'retail',
    regionId: null,
    regionPath: [],
    address: '',
    phone: '',
    industry: '',
    scale: null,
    source: null,
    repId: null,
    repName: null,
    dealerId: 1,
    dealerName: '南京恒信商贸有限公司',
    grade: 'C',
    lifecycle: 'prospect',
    creditLimitFen: 0,
    paymentTermDays: 30,
    tags: [],
    notes: '',
    mergedIntoId: null,
    archived: false,
    archivedAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    contacts: [],
  };

  it('shows the current dealer by name, searches the server by pinyin and saves the picked dealerId', async () => {
    const core = fakeCore(
      handlers({
        'customers.get': () => customer,
        'customers.findDuplicates': () => [],
        'customers.save': () => ({ id: 5, code: 'C000005' }),
        'dealers.list': (input: { search?: string }) =>
          input.search === 'szwj' ? { rows: [ended], total: 1 } : { rows: [hengxin, ended], total: 2 },
      }),
    );
    const { wrapper: w } = await mountAt('/customers/5/edit', CustomerForm, { id: 5 });
    const select = selectOf('f-dealer');
    expect(select.textContent).toContain('南京恒信商贸有限公司');
    expect(core.of('dealers.list')).toHaveLength(0); // nothing fetched until the picker is used

    await click(select.querySelector('.el-select__wrapper'));
    const input = w.find('[data-test="f-dealer"] input');
    await input.setValue('szwj');
    await new Promise((r) => setTimeout(r, 400)); // remote search waits for a typing pause
    await flushPromises();
    expect(core.of('dealers.list').at(-1)!.input).toMatchObject({ search: 'szwj', status: ['active'] });
    const option = optionsOf(select).find((o) => o.textContent?.includes('苏州万家批发部'));
    expect(option?.textContent).toContain('D0002');
    await click(option);
    await w.find('[data-test="customer-save"]').trigger('click');
    await settle();
    expect(core.rejected).toEqual([]);
    expect(core.of('customers.save').at(-1)!.input).toMatchObject({ id: 5, dealerId: 2 });
  });

  it('a new customer saves dealerId null unless a dealer is picked', async () => {
    const core = fakeCore(handlers({ 'customers.findDuplicates': () => [], 'customers.save': () => ({ id: 8, code: 'C000008' }) }));
    const { wrapper: w } = await mountAt('/customers/new', CustomerForm);
    await w.find('input[data-test="f-name"]').setValue('新客户');
    await w.find('[data-test="customer-save"]').trigger('click');
    await settle();
    expect(core.rejected).toEqual([]);
    expect(core.of('customers.save').at(-1)!.input).toMatchObject({ name: '新客户', dealerId: null });
  });
});
