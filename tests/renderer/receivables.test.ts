// 账龄分析 against a fake core: the totals row is the server's totals and equals the sum of the rows shown, a new as-of
// date asks the server again, a rep's row drills to that rep's customers and a customer's row to its open documents;
// the money panel on the customer page; the 窜货预警 list's filters and its link to the order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { RouterView } from 'vue-router';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore, type Handler } from './fakeCore';
import type { AgingRow } from '@shared/contract/receivables';
import { formatFen } from '@shared/money';
import { agingView, freshAgingView } from '@/views/receivables/agingState';
import { lastMonthEnd, monthAgo, monthRange, quarterRange, todayYmd, yearRange } from '@/views/receivables/dates';
import AccountPanel from '@/views/receivables/AccountPanel.vue';

const SLOW = 120_000;
let wrapper: VueWrapper | undefined;
let pinia: Pinia;
let router: Router;

const row = (
  key: number,
  name: string,
  notDueFen: number,
  bucketsFen: number[],
  prepaymentFen = 0,
  extra: Partial<AgingRow> = {},
): AgingRow => {
  const overdueFen = bucketsFen.reduce((a, b) => a + b, 0);
  return {
    key,
    code: key ? `C${key}` : '',
    name,
    hasChildren: false,
    notDueFen,
    bucketsFen,
    totalFen: notDueFen + overdueFen,
    overdueFen,
    prepaymentFen,
    ...extra,
  };
};

const customers: AgingRow[] = [
  row(1, '北京华众商贸', 100_000, [50_000, 0, 0, 0, 0]),
  row(2, '郑州百货大楼', -20_000, [0, 0, 0, 0, 0], 20_000),
  row(3, '开封东方超市', 0, [0, 30_000, 0, 0, 12_345]),
];
const reps: AgingRow[] = [
  row(7, '李娜', 80_000, [50_000, 30_000, 0, 0, 12_345], 0, { code: 'R007' }),
  row(0, '', 0, [0, 0, 0, 0, 0], 20_000, { notDueFen: -20_000, totalFen: -20_000 }),
];

function totalsOf(rows: AgingRow[]) {
  const sum = (f: (r: AgingRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    notDueFen: sum((r) => r.notDueFen),
    bucketsFen: [0, 1, 2, 3, 4].map((i) => sum((r) => r.bucketsFen[i]!)),
    totalFen: sum((r) => r.totalFen),
    overdueFen: sum((r) => r.overdueFen),
    prepaymentFen: sum((r) => r.prepaymentFen),
  };
}

function aging(input: { asOf: string; groupBy: string; repId?: number }) {
  const rows = input.groupBy === 'rep' ? reps : customers;
  return { asOf: input.asOf, groupBy: input.groupBy, bucketEdges: [30, 60, 90, 180], rows, total: rows.length, totals: totalsOf(rows) };
}

const base: Record<string, Handler> = {
  'reps.list': () => ({ rows: [], total: 0 }),
  'regions.tree': () => [],
  'teams.list': () => [],
  'dealers.list': () => ({ rows: [], total: 0 }),
  'customers.list': () => ({ rows: [], total: 0 }),
};

const Host = defineComponent({ render: () => h(RouterView) });

async function mountAt(path: string) {
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  wrapper = mount(Host, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await settle();
  return wrapper;
}

const settle = async (ms = 60) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
/** Waits (up to 10 s) until `ok()` holds: a route's screen loads lazily, the first time slowly. */
async function until(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await settle(50);
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const bodyRows = () => Array.from(document.querySelectorAll('[data-test="aging-table"] .el-table__body-wrapper tbody tr'));
const footerCells = () =>
  Array.from(document.querySelectorAll('[data-test="aging-table"] .el-table__footer-wrapper td')).map((c) => text(c));
const headerCells = () =>
  Array.from(document.querySelectorAll('[data-test="aging-table"] .el-table__header-wrapper th')).map((c) => text(c));

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  pinia = createPinia();
  setActivePinia(pinia);
  Object.assign(agingView, freshAgingView());
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('账龄分析', () => {
  it('shows each bucket, and a totals row that equals the sum of the rows shown', { timeout: SLOW }, async () => {
    const core = fakeCore({ ...base, 'receivables.aging': aging });
    await mountAt('/receivables/aging');
    expect(core.rejected).toEqual([]);
    expect(core.of('receivables.aging')[0]!.input).toEqual({ asOf: todayYmd(), groupBy: 'customer', page: 1, pageSize: 50 });
    expect(headerCells().slice(0, 10)).toEqual([
      '客户',
      '未到期',
      '1–30天',
      '31–60天',
      '61–90天',
      '91–180天',
      '180天以上',
      '逾期合计',
      '预收',
      '余额合计',
    ]);
    const rows = bodyRows();
    expect(rows).toHaveLength(3);
    expect(text(rows[0]!.querySelector('td:nth-child(1)'))).toBe('北京华众商贸C1');
    // the sum of each money column over the rows on screen
    const sums = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((col) =>
      rows.reduce((a, r) => {
        const cell = text(r.querySelector(`td:nth-child(${col})`)).replace(/,/g, '');
        return a + (cell ? Math.round(Number(cell) * 100) : 0);
      }, 0),
    );
    const footer = footerCells();
    expect(footer[0]).toBe('合计（3 行）');
    expect(footer.slice(1, 10)).toEqual(sums.map((f) => formatFen(f)));
    expect(footer[9]).toBe('1,723.45');
  });

  it('a new as-of date asks the server again, from the quick picks and the date field', { timeout: SLOW }, async () => {
    const core = fakeCore({ ...base, 'receivables.aging': aging });
    await mountAt('/receivables/aging');
    (document.querySelector('[data-test="aging-month-ago"]') as HTMLElement).click();
    await settle();
    expect(core.of('receivables.aging').at(-1)!.input.asOf).toBe(monthAgo(todayYmd()));
    expect(router.currentRoute.value.query.asOf).toBe(monthAgo(todayYmd()));
    (document.querySelector('[data-test="aging-last-month-end"]') as HTMLElement).click();
    await settle();
    expect(core.of('receivables.aging').at(-1)!.input.asOf).toBe(lastMonthEnd(todayYmd()));
    // the address carries the date: opening it asks for that date
    await router.push('/receivables/aging?asOf=2025-06-30&groupBy=rep');
    await settle();
    expect(core.of('receivables.aging').at(-1)!.input).toMatchObject({ asOf: '2025-06-30', groupBy: 'rep' });
    expect(core.rejected).toEqual([]);
  });

  it(
    'a rep’s row drills to that rep’s customers; a customer’s row to its open documents as of the same date',
    { timeout: SLOW },
    async () => {
      const core = fakeCore({
        ...base,
        'receivables.aging': aging,
        'customers.get': ({ id }: { id: number }) => ({ id, name: '北京华众商贸' }),
        'export.xlsx': () => ({ fileName: '账龄分析_截至2025-06-30.xlsx', base64: 'UEsDBA==', rowCount: 3 }),
        'receivables.documents': ({ asOf }: { asOf: string }) => ({
          rows: [
            {
              receivableId: 11,
              kind: 'order',
              sourceId: 5,
              docNo: 'XS-20250501-001',
              date: '2025-05-01',
              dueDate: '2025-05-31',
              amountFen: 120_000,
              paidFen: 20_000,
              unpaidFen: 100_000,
              overdueDays: 30,
              bucket: 1,
              repName: '李娜',
            },
            {
              receivableId: 12,
              kind: 'opening',
              sourceId: 2,
              docNo: 'QC-20250101-001',
              date: '2025-01-01',
              dueDate: '2025-02-01',
              amountFen: 50_000,
              paidFen: 0,
              unpaidFen: 50_000,
              overdueDays: 149,
              bucket: 4,
              repName: null,
            },
          ],
          total: 2,
          unpaidFen: 150_000,
          prepaymentFen: 5_000,
          bucketEdges: [30, 60, 90, 180],
          asOf,
        }),
      });
      await mountAt('/receivables/aging?asOf=2025-06-30&groupBy=rep');
      const rows = bodyRows();
      expect(text(rows[1]!.querySelector('td:nth-child(1)'))).toBe('（无）');
      // the row without a rep cannot be drilled
      expect((rows[1]!.querySelector('[data-test="aging-open"]') as HTMLButtonElement).disabled).toBe(true);
      (rows[0]!.querySelector('[data-test="aging-open"]') as HTMLElement).click();
      await settle();
      expect(router.currentRoute.value.query).toMatchObject({ groupBy: 'customer', repId: '7', asOf: '2025-06-30' });
      expect(core.of('receivables.aging').at(-1)!.input).toEqual({
        asOf: '2025-06-30',
        groupBy: 'customer',
        repId: 7,
        page: 1,
        pageSize: 50,
      });
      // 导出: the rows as the screen asks for them, every page
      (document.querySelector('[data-test="export-button"]') as HTMLElement).click();
      await settle();
      expect(core.of('export.xlsx').map((c) => c.input)).toEqual([
        { entity: 'aging', filters: { asOf: '2025-06-30', groupBy: 'customer', repId: 7 } },
      ]);

      // ↓ then Enter on the table opens the first customer's documents
      const panel = document.querySelector('[data-test="aging-panel"]') as HTMLElement;
      panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      await settle(20);
      panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await until(() => document.querySelector('[data-test="documents-table"] tbody tr') !== null);
      expect(router.currentRoute.value.path).toBe('/receivables/customers/1');
      expect(core.of('receivables.documents').at(-1)!.input).toEqual({ customerId: 1, asOf: '2025-06-30' });
      expect(text(document.querySelector('[data-test="documents-title"]'))).toBe('北京华众商贸 · 未结单据');
      const docRows = Array.from(document.querySelectorAll('[data-test="documents-table"] .el-table__body-wrapper tbody tr')).map((r) =>
        Array.from(r.querySelectorAll('td')).map((c) => text(c)),
      );
      expect(docRows[0]).toEqual([
        'XS-20250501-001',
        '销售',
        '2025-05-01',
        '2025-05-31',
        '1,200.00',
        '200.00',
        '1,000.00',
        '30',
        '1–30天',
        '李娜',
      ]);
      expect(docRows[1]!.slice(0, 2)).toEqual(['QC-20250101-001', '期初应收']);
      expect(docRows[1]![8]).toBe('91–180天');
      expect(text(document.querySelector('[data-test="documents-balance"]'))).toBe('余额 ¥1,450.00');
      const foot = Array.from(document.querySelectorAll('[data-test="documents-table"] .el-table__footer-wrapper td')).map((c) => text(c));
      expect(foot.slice(4, 7)).toEqual(['1,700.00', '200.00', '1,500.00']);

      // and from there the statement of the month up to that date
      (document.querySelector('[data-test="documents-statement"]') as HTMLElement).click();
      await until(() => router.currentRoute.value.path === '/statements');
      expect(router.currentRoute.value.path).toBe('/statements');
      expect(router.currentRoute.value.query).toMatchObject({ customerId: '1', from: monthRange('2025-06-30')[0], to: '2025-06-30' });
    },
  );
});

describe('the quick picks’ dates', () => {
  it('上月末, 一个月前 (a shorter month takes its last day), month, quarter and year ranges', () => {
    expect(lastMonthEnd('2025-03-15')).toBe('2025-02-28');
    expect(lastMonthEnd('2025-01-01')).toBe('2024-12-31');
    expect(monthAgo('2025-03-31')).toBe('2025-02-28');
    expect(monthAgo('2024-03-31')).toBe('2024-02-29');
    expect(monthAgo('2025-01-15')).toBe('2024-12-15');
    expect(monthRange('2025-02-10')).toEqual(['2025-02-01', '2025-02-28']);
    expect(monthRange('2025-01-10', -1)).toEqual(['2024-12-01', '2024-12-31']);
    expect(quarterRange('2025-08-10')).toEqual(['2025-07-01', '2025-09-30']);
    expect(yearRange('2025-08-10')).toEqual(['2025-01-01', '2025-12-31']);
  });
});

describe('账龄分析 by region', () => {
  it('a region with sub-regions opens them one level down; a region without opens its customers', { timeout: SLOW }, async () => {
    const regions = [
      row(20, '河南省', 0, [10_000, 0, 0, 0, 0], 0, { code: '', hasChildren: true }),
      row(21, '开封市', 5_000, [0, 0, 0, 0, 0], 0, { code: '', hasChildren: false }),
    ];
    const core = fakeCore({
      ...base,
      'receivables.aging': (input: { asOf: string; groupBy: string }) =>
        input.groupBy === 'region'
          ? { asOf: input.asOf, groupBy: 'region', bucketEdges: [30, 60, 90, 180], rows: regions, total: 2, totals: totalsOf(regions) }
          : aging(input),
    });
    await mountAt('/receivables/aging?asOf=2025-06-30&groupBy=region');
    (bodyRows()[0]!.querySelector('[data-test="aging-open"]') as HTMLElement).click();
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ groupBy: 'region', regionId: '20' });
    expect(core.of('receivables.aging').at(-1)!.input).toMatchObject({ groupBy: 'region', regionId: 20 });
    (bodyRows()[1]!.querySelector('[data-test="aging-open"]') as HTMLElement).click();
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ groupBy: 'customer', regionId: '21' });
    expect(core.of('receivables.aging').at(-1)!.input).toEqual({
      asOf: '2025-06-30',
      groupBy: 'customer',
      regionId: 21,
      page: 1,
      pageSize: 50,
    });
    // the 客户明细 link goes straight to a region's customers, sub-regions or not
    await router.push('/receivables/aging?asOf=2025-06-30&groupBy=region');
    await settle();
    (bodyRows()[0]!.querySelector('[data-test="aging-customers"]') as HTMLElement).click();
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ groupBy: 'customer', regionId: '20' });
    expect(core.rejected).toEqual([]);
  });
});

describe('往来账 on the customer page', () => {
  it('balance, overdue, prepayment, credit used against the limit, last sale and collection', { timeout: SLOW }, async () => {
    fakeCore({
      'receivables.balance': ({ customerId }: { customerId: number }) => ({
        customerId,
        asOf: todayYmd(),
        balanceFen: 450_000,
        owedFen: 450_000,
        overdueFen: 120_000,
        prepaymentFen: 0,
        creditLimitFen: 500_000,
        creditLeftFen: 50_000,
        lastOrderDate: '2025-06-20',
        lastOrderFen: 88_800,
        lastCollectionDate: null,
        lastCollectionFen: null,
      }),
    });
    router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/customers/9');
    wrapper = mount(AccountPanel, { props: { customerId: 9 }, global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
    await settle();
    const get = (id: string) => text(document.querySelector(`[data-test="${id}"]`));
    expect(get('account-balance')).toBe('¥4,500.00');
    expect(get('account-overdue')).toBe('¥1,200.00');
    expect(get('account-prepayment')).toBe('¥0.00');
    expect(get('account-credit')).toContain('¥4,500.00 / ¥5,000.00');
    expect(get('account-credit-left')).toBe('可用额度 ¥500.00');
    expect(document.querySelector('[data-test="account-credit-bar"] .el-progress-bar__inner')!.getAttribute('style')).toContain(
      'width: 90%',
    );
    expect(get('account-last-order')).toBe('2025-06-20 · ¥888.00');
    expect(get('account-last-collection')).toBe('—');
    (document.querySelector('[data-test="account-documents"]') as HTMLElement).click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/receivables/customers/9');
  });
});

describe('窜货预警', () => {
  it('sends the period and dealer to the server and shows the rows with their total', { timeout: SLOW }, async () => {
    const core = fakeCore({
      ...base,
      'channelConflicts.list': () => ({
        rows: [
          {
            orderId: 41,
            docNo: 'XS-20250612-003',
            date: '2025-06-12',
            dealerId: 3,
            dealerCode: 'D003',
            dealerName: '郑州宏达商贸',
            customerId: 9,
            customerCode: 'C009',
            customerName: '开封东方超市',
            regionId: 12,
            regionPath: '华中 › 河南省 › 开封市',
            repName: '李娜',
            amountFen: 1_234_500,
          },
        ],
        total: 1,
        sumFen: 1_234_500,
      }),
    });
    await mountAt('/channel-conflicts');
    expect(core.of('channelConflicts.list')[0]!.input).toEqual({ page: 1, pageSize: 50 });
    expect(text(document.querySelector('[data-test="conflict-sum"]'))).toBe('合计 ¥12,345.00（1 单）');
    const cells = Array.from(document.querySelectorAll('[data-test="conflict-table"] tbody tr td')).map((c) => text(c));
    expect(cells.slice(0, 7)).toEqual([
      '2025-06-12',
      'XS-20250612-003',
      '郑州宏达商贸',
      '开封东方超市',
      '华中 › 河南省 › 开封市',
      '12,345.00',
      '李娜',
    ]);
    expect(core.rejected).toEqual([]);
  });
});
