// AuditLog.vue against a fake core: paging, entity filter, and the human-readable change description.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore } from './fakeCore';
import AuditLog from '@/views/audit/AuditLog.vue';
import { type AuditEntry } from '@shared/contract';

// newest first, as the core returns them
const entries: AuditEntry[] = [
  {
    id: 5,
    at: '2025-03-02T06:30:00.000Z',
    operator: '王会计',
    operatorId: 3,
    action: 'update',
    entity: 'customer',
    entityId: 12,
    before: {
      name: '华联超市',
      creditLimitFen: 500000,
      grade: 'C',
      regionId: 358,
      regionPath: ['华中', '河南省', '郑州市', '开发区片区'],
      lifecycle: 'first',
    },
    after: {
      name: '华联超市',
      creditLimitFen: 800000,
      grade: 'B',
      regionId: 12,
      regionPath: ['华中', '河南省', '郑州市', '金水片区'],
      lifecycle: 'loyal',
    },
  },
  {
    id: 4,
    at: '2025-03-02T05:00:00.000Z',
    operator: '管理员',
    operatorId: null,
    action: 'delete',
    entity: 'region',
    entityId: 9,
    before: { id: 9, name: '江宁片区', code: '' },
    after: null,
  },
  {
    id: 3,
    at: '2025-03-01T09:15:00.000Z',
    operator: '管理员',
    operatorId: null,
    action: 'update',
    entity: 'region',
    entityId: 2,
    before: { name: '苏南', code: 'SN' },
    after: { name: '苏南片区', code: 'SN' },
  },
  {
    id: 2,
    at: '2025-03-01T08:10:00.000Z',
    operator: '管理员',
    operatorId: null,
    action: 'create',
    entity: 'team',
    entityId: 1,
    before: null,
    after: { name: '华东一组' },
  },
  {
    id: 1,
    at: '2025-03-01T08:00:00.000Z',
    operator: '管理员',
    operatorId: null,
    action: 'initialize',
    entity: 'settings',
    entityId: null,
    before: null,
    after: { companyName: '华众商贸' },
  },
  {
    id: 0,
    at: '2025-02-28T07:00:00.000Z',
    operator: '系统',
    operatorId: null,
    action: 'import',
    entity: 'customers',
    entityId: null,
    before: null,
    after: { fileName: 'a.xlsx', mode: 'update', total: 3, created: 1, updated: 1, skipped: 0, rejected: 1 },
  },
];

function listAudit(inp: { page?: number; pageSize?: number; entity?: string }) {
  const all = entries.filter((e) => !inp.entity || e.entity === inp.entity);
  const size = inp.pageSize ?? 50;
  const page = inp.page ?? 1;
  // pretend there are many more rows so paging is possible
  return { rows: all.slice((page - 1) * size, page * size), total: inp.entity ? all.length : 120 };
}

// ---------- mounting ----------
let wrapper: VueWrapper | undefined;
let router: Router;

async function mountView() {
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/audit');
  await router.isReady();
  wrapper = mount(AuditLog, { global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const rows = (w: VueWrapper) => w.findAll('[data-test="audit-table"] .el-table__body-wrapper tr.el-table__row');
function cells(w: VueWrapper, i: number): string[] {
  const row = rows(w)[i];
  if (!row) throw new Error(`no row ${i}`);
  return row.findAll('td').map((td) => td.text());
}
const messages = () => Array.from(document.querySelectorAll('.el-message')).map((m) => m.textContent ?? '');

// times are shown in the office's local time: pin the zone so the expected text can be written out
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});
beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('AuditLog', () => {
  it('loads the first page and describes each change in Chinese, newest first', async () => {
    const core = fakeCore({ 'audit.list': listAudit });
    const w = await mountView();

    expect(core.rejected).toEqual([]);
    expect(core.of('audit.list').map((c) => c.input)).toEqual([{ page: 1, pageSize: 50 }]);
    expect(rows(w)).toHaveLength(6);

    expect(cells(w, 0)).toEqual([
      '2025-03-02 14:30',
      '王会计',
      '修改',
      '客户',
      '12',
      '信用额度：¥5,000.00 → ¥8,000.00；客户等级：C → B；所属区域：华中 › 河南省 › 郑州市 › 开发区片区 → 华中 › 河南省 › 郑州市 › 金水片区；生命周期：首次购买 → 忠诚',
    ]);
    // a delete has no "after": the record's name is shown instead of an empty cell
    expect(cells(w, 1)).toEqual(['2025-03-02 13:00', '管理员', '删除', '区域', '9', '名称：江宁片区']);
    expect(cells(w, 2)[5]).toBe('名称：苏南 → 苏南片区');
    expect(cells(w, 3).slice(2)).toEqual(['新建', '团队', '1', '名称：华东一组']);
    expect(cells(w, 4).slice(2, 5)).toEqual(['初始化', '设置', '']);
    expect(cells(w, 5).slice(1)).toEqual([
      '系统',
      '导入',
      '客户',
      '',
      '从「a.xlsx」读入 3 行：新增 1 行，更新 1 行，跳过 0 行，拒绝 1 行（更新已有编码）',
    ]);
    expect(w.find('[data-test="audit-total"]').text()).toContain('120');
  });

  it('filters by entity and goes back to page 1', async () => {
    const core = fakeCore({ 'audit.list': listAudit });
    const w = await mountView();

    await w.find('.el-pagination .btn-next').trigger('click');
    await flushPromises();
    expect(core.of('audit.list').at(-1)!.input).toEqual({ page: 2, pageSize: 50 });

    const select = w.find('[data-test="audit-entity"]');
    await select.find('.el-select__wrapper').trigger('click');
    await flushPromises();
    const listId = select.find('input[role="combobox"]').attributes('aria-controls')!;
    const option = Array.from(document.getElementById(listId)!.querySelectorAll<HTMLElement>('.el-select-dropdown__item')).find(
      (o) => o.textContent?.trim() === '区域',
    )!;
    expect(
      Array.from(document.getElementById(listId)!.querySelectorAll('.el-select-dropdown__item')).map((o) => o.textContent?.trim()),
    ).toEqual([
      '客户',
      '经销商',
      '产品',
      '产品分类',
      '区域',
      '业务员',
      '团队',
      '客户策略卡',
      '客户月评卡',
      '市场反映',
      '客诉',
      '销售费用',
      '数据导入',
      '设置',
      '演示数据',
    ]);
    option.click();
    await flushPromises();

    expect(core.rejected).toEqual([]);
    expect(core.of('audit.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, entity: 'region' });
    expect(rows(w)).toHaveLength(2);
    expect(rows(w).every((r) => r.text().includes('区域'))).toBe(true);
  });

  it('opens the customer from its id', async () => {
    fakeCore({ 'audit.list': listAudit, 'customers.get': () => ({}) });
    const w = await mountView();
    await rows(w)[0]!.find('.sd-link').trigger('click');
    // the route's component is lazy-loaded, so the navigation settles a little later
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers/12'), { timeout: 5000 });
  });

  it('shows entity names in English when switched', async () => {
    fakeCore({ 'audit.list': listAudit });
    i18n.global.locale.value = 'en';
    const w = await mountView();
    expect(cells(w, 1)[3]).toBe('Region');
    expect(w.find('[data-test="audit-table"] th').text()).toBe('Time');
    expect(cells(w, 0).slice(2)).toEqual([
      'Updated',
      'Customer',
      '12',
      'Credit limit: ¥5,000.00 → ¥8,000.00; Grade: C → B; Region: 华中 › 河南省 › 郑州市 › 开发区片区 → 华中 › 河南省 › 郑州市 › 金水片区; Lifecycle: First purchase → Loyal',
    ]);
    expect(cells(w, 1).slice(1)).toEqual(['Administrator', 'Deleted', 'Region', '9', 'Name: 江宁片区']);
    expect(cells(w, 3).slice(2)).toEqual(['Created', 'Team', '1', 'Name: 华东一组']);
    expect(cells(w, 4).slice(2, 4)).toEqual(['Set up', 'Settings']);
    expect(cells(w, 5).slice(1)).toEqual([
      'System',
      'Imported',
      'Customers',
      '',
      '3 rows from a.xlsx: 1 new, 1 updated, 0 skipped, 1 rejected (update existing codes)',
    ]);
    // the app's own words (action, record type): nothing in Chinese; a person's name such as 王会计 is data
    const own = rows(w).flatMap((_, i) => cells(w, i).slice(2, 4));
    expect(own.filter((text) => /[\u4e00-\u9fff]/.test(text))).toEqual([]);
  });

  it('filters by operator: a signed-in operator by id, the system by name; the operators are asked for on opening', async () => {
    const core = fakeCore({
      'audit.list': listAudit,
      'operators.list': () => ({
        rows: [
          {
            id: 3,
            name: '王会计',
            role: 'clerk',
            repId: null,
            repName: null,
            active: true,
            lockedUntil: null,
            hasSignature: false,
            createdAt: '',
            updatedAt: '',
          },
        ],
        total: 1,
      }),
    });
    const w = await mountView();
    expect(core.of('operators.list')).toHaveLength(0);
    const pick = async (label: string) => {
      const select = w.find('[data-test="audit-operator"]');
      await select.find('.el-select__wrapper').trigger('click');
      await flushPromises();
      const listId = select.find('input[role="combobox"]').attributes('aria-controls')!;
      const options = Array.from(document.getElementById(listId)!.querySelectorAll<HTMLElement>('.el-select-dropdown__item'));
      expect(options.map((o) => o.textContent?.trim())).toEqual(['王会计', '系统', '管理员']);
      options.find((o) => o.textContent?.trim() === label)!.click();
      await flushPromises();
    };
    await pick('王会计');
    expect(core.rejected).toEqual([]);
    expect(core.of('audit.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, operatorId: 3 });
    await pick('系统');
    expect(core.of('audit.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, operator: '系统' });
    expect(core.of('operators.list')).toHaveLength(1);
  });

  it('校验: an intact log says how many entries were checked', async () => {
    const core = fakeCore({
      'audit.list': listAudit,
      'audit.verify': () => ({
        ok: true,
        checked: 120,
        broken: 0,
        pending: 0,
        lastId: 120,
        threads: 1,
        formsChecked: 12,
        brokenForms: [],
        ms: 35,
      }),
    });
    const w = await mountView();
    await w.find('[data-test="audit-verify"]').trigger('click');
    await flushPromises();
    expect(core.of('audit.verify')).toHaveLength(1);
    const result = document.querySelector('[data-test="audit-verify-result"]')!;
    expect(result.textContent).toContain('审计日志完整：已校验 120 条记录');
    expect(document.querySelector('[data-test="audit-verify-dialog"]')!.textContent).toContain('已签核的表单 12 份，内容与签核时一致');
    expect(result.querySelector('.el-alert--success')).not.toBeNull();
    expect(document.querySelector('[data-test="audit-verify-first"]')).toBeNull();
  });

  it('校验: a broken log names the first broken entry, the entries cut from the end and the changed forms', async () => {
    fakeCore({
      'audit.list': listAudit,
      'audit.verify': () => ({
        ok: false,
        checked: 119,
        broken: 2,
        pending: 0,
        lastId: 119,
        threads: 1,
        firstBroken: {
          id: 41,
          at: '2025-03-01T09:15:00.000Z',
          operator: '王会计',
          action: 'update',
          entity: 'customer',
          entityId: 12,
          reason: 'unlinked',
          missingIds: { from: 40, to: 40 },
        },
        tailMissing: { afterId: 119, lastIssuedId: 121 },
        formsChecked: 40,
        brokenForms: [{ form: 'dailyReport', id: 5, repName: '李娜', date: '2025-02-28' }],
        ms: 40,
      }),
    });
    const w = await mountView();
    await w.find('[data-test="audit-verify"]').trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-test="audit-verify-result"] .el-alert--error')).not.toBeNull();
    const first = document.querySelector('[data-test="audit-verify-first"]')!.textContent!.replace(/\s+/g, ' ');
    expect(first).toContain('第一处异常：第 41 条');
    expect(first).toContain('2025-03-01 17:15 · 王会计 · 修改 · 客户 #12');
    expect(first).toContain('该条之前的第 40 条记录已被删除');
    expect(first).toContain('共 2 处异常');
    expect(document.querySelector('[data-test="audit-verify-tail"]')!.textContent).toContain('日志末尾第 119 条之后的 2 条记录已被删除');
    expect(document.querySelector('[data-test="audit-verify-forms"]')!.textContent!.replace(/\s+/g, ' ')).toContain(
      '2025-02-28 · 李娜 · 销售报告',
    );

    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(document.querySelector('[data-test="audit-verify-first"]')!.textContent).toContain('entry #40 before it was deleted');
  });

  it('shows a load error', async () => {
    fakeCore({
      'audit.list': () => {
        throw { code: 'INTERNAL', message: '无法连接到本机服务，请确认程序仍在运行' };
      },
    });
    await mountView();
    expect(messages().join()).toContain('无法连接到本机服务');
  });
});
