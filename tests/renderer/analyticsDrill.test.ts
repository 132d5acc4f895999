// Drill-down from 总览 and 销售分析 to the lists behind a card or a bar, on the dashboard's period and filters; the
// order and collection lists opened from such a link ask the core with those filters and show each one by name as a
// tag whose × removes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Output } from '@shared/contract';
import { mountAt, settle, unmountAll } from './dailyFormsFixtures';
import { dashboardChoice, initialChoice } from '@/views/analytics/analyticsState';

const charts = vi.hoisted(() => ({ live: [] as Array<{ el: HTMLElement; click?: (p: { dataIndex: number }) => void }> }));
vi.mock('@/charts/echarts', () => ({
  createChart: (el: HTMLElement) => {
    const c: (typeof charts.live)[number] = { el };
    charts.live.push(c);
    return {
      setOption: () => undefined,
      on: (_event: string, fn: (p: { dataIndex: number }) => void) => (c.click = fn),
      resize: () => undefined,
      dispose: () => undefined,
    };
  },
}));

const SLOW = { timeout: 120_000 };
// the first visit to a list loads its route component
const NAV = { timeout: 20_000 };
const chartOf = (testId: string) => charts.live.find((c) => c.el.closest(`[data-test="${testId}"]`))!;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const periods = {
  kind: 'month' as const,
  current: MARCH,
  lastYear: { from: '2025-03-01', to: '2025-03-31' },
  previous: { from: '2026-02-01', to: '2026-02-28' },
};
const fig = (value: number) => ({ value, lastYear: value, previous: value, yoyBp: 0, momBp: 0 });

const overview = (collections: boolean): Output<'analytics.overview'> => ({
  periods,
  salesFen: 100_00,
  collectionsFen: collections ? 50_00 : null,
  grossProfitFen: 30_00,
  receivableFen: 80_00,
  overdueFen: 12_00,
  newCustomers: 2,
  sales: fig(100_00),
  collections: collections ? fig(50_00) : null,
  grossProfit: fig(30_00),
  receivable: fig(80_00),
  overdue: fig(12_00),
  newCustomersCompared: fig(2),
  grossMarginBp: 3000,
  targets: { period: '2026-03', asOf: '2026-03-20', workingDays: 22, workingDaysElapsed: 14, rows: [] },
});

const slice = (salesFen: number) => ({ salesFen, grossProfitFen: 0, shareBp: null, lastYearFen: 0, yoyBp: null });
const sales: Output<'analytics.sales'> = {
  periods,
  salesFen: 1000_00,
  grossProfitFen: 250_00,
  monthlyTrend: {
    year: 2026,
    months: [
      { month: '2026-01', thisYearFen: 300_00, lastYearFen: 200_00, yoyBp: 5000 },
      { month: '2026-02', thisYearFen: 0, lastYearFen: 100_00, yoyBp: -10000 },
      { month: '2026-03', thisYearFen: 700_00, lastYearFen: 400_00, yoyBp: 7500 },
      { month: '2026-04', thisYearFen: null, lastYearFen: 400_00, yoyBp: null },
    ],
  },
  byRegion: {
    parentId: null,
    rows: [
      { id: 1, name: '华东区', hasChildren: true, ...slice(500_00) },
      { id: 2, name: '华北区', hasChildren: false, ...slice(200_00) },
      { id: 0, name: '未分区域', hasChildren: false, ...slice(300_00) },
    ],
  },
  byChannelType: [
    { channelType: 'dealer', ...slice(600_00) },
    { channelType: 'direct', ...slice(400_00) },
  ],
  byDealer: {
    topN: 1,
    rows: [{ dealerId: 5, dealerCode: 'D05', dealerName: '郑州恒达商贸', ...slice(400_00) }],
    othersFen: 200_00,
    othersCount: 3,
    directFen: 400_00,
  },
  byCategory: { parentId: null, rows: [{ id: 3, name: '饮料', hasChildren: false, ...slice(1000_00) }] },
  abc: { cutoffsBp: { a: 7000, b: 9000 }, rows: [], classes: [] },
  repRanking: [{ rank: 1, repId: 2, repCode: 'R02', repName: '李娜', teamName: '郑州一组', ...slice(600_00) }],
};

const handlers = {
  'analytics.overview': (input: { filters?: { productCategoryId?: number } }) => overview(!input.filters?.productCategoryId),
  'analytics.sales': () => sales,
  'productCategories.tree': () => [
    { id: 3, parentId: null, name: '饮料', level: 1, sortOrder: 0, productCount: 1, pinyin: '', initials: '', children: [] },
  ],
  'regions.tree': () => [
    { id: 1, parentId: null, name: '华东区', level: 1, path: '/1/', children: [] },
    { id: 2, parentId: null, name: '华北区', level: 1, path: '/2/', children: [] },
  ],
  'dealers.get': () => ({ id: 5, name: '郑州恒达商贸' }),
  'orders.list': () => ({ rows: [], total: 0, sumFen: 0 }),
  'collections.list': () => ({ rows: [], total: 0, sumFen: 0 }),
  'receivables.aging': (input: { asOf: string; groupBy: string }) => ({
    asOf: input.asOf,
    groupBy: input.groupBy,
    bucketEdges: [30, 60, 90, 180],
    rows: [],
    total: 0,
    totals: { notDueFen: 0, bucketsFen: [0, 0, 0, 0, 0], totalFen: 0, overdueFen: 0, prepaymentFen: 0 },
  }),
};

beforeEach(() => {
  setActivePinia(createPinia());
  Object.assign(dashboardChoice, initialChoice(new Date(2026, 2, 20)));
  charts.live.length = 0;
});
afterEach(unmountAll);

const query = (app: { router: { currentRoute: { value: { path: string; query: unknown } } } }) => ({
  path: app.router.currentRoute.value.path,
  query: app.router.currentRoute.value.query,
});

describe('总览 cards drill down', () => {
  it('sales opens the period’s standing orders under the filters; collections the collection list', SLOW, async () => {
    dashboardChoice.regionId = 1;
    const app = await mountAt('/analytics', handlers, 'analytics-overview', 'manager');
    await vi.waitFor(() => expect(app.wrapper.find('[data-test="an-card-sales"]').classes()).toContain('link'), NAV);
    await app.wrapper.find('[data-test="an-card-sales"]').trigger('click');
    await vi.waitFor(() => expect(app.router.currentRoute.value.path).toBe('/orders'), NAV);
    expect(query(app).query).toEqual({ from: '2026-03-01', to: '2026-03-31', state: 'posted,reversed', regionId: '1' });
    await vi.waitFor(() => expect(app.of('orders.list').length).toBeGreaterThan(0), NAV);
    expect(app.of('orders.list').at(-1)!.input).toMatchObject({ ...MARCH, state: ['posted', 'reversed'], regionId: 1 });
    // the list says how its total relates to the card's (returns are not orders)
    expect(app.wrapper.find('[data-test="order-drill-note"]').text()).toBe('分析图表的销售额 = 本表合计 − 同期已过账退货');
    // the region the list has no field for is a tag, by name; its × drops it
    await vi.waitFor(() => expect(app.wrapper.find('[data-test="drill-tag-regionId"]').text()).toBe('区域：华东区'), NAV);
    await app.wrapper.find('[data-test="drill-tag-regionId"] .el-tag__close').trigger('click');
    await vi.waitFor(() => expect(app.of('orders.list').at(-1)!.input.regionId).toBeUndefined(), NAV);
    expect(app.wrapper.find('[data-test="drill-tag-regionId"]').exists()).toBe(false);

    await app.router.push('/analytics');
    await vi.waitFor(() => expect(app.wrapper.find('[data-test="an-card-collections"]').classes()).toContain('link'), NAV);
    await app.wrapper.find('[data-test="an-card-collections"]').trigger('click');
    await vi.waitFor(() => expect(app.router.currentRoute.value.path).toBe('/collections'), NAV);
    expect(query(app).query).toEqual({ from: '2026-03-01', to: '2026-03-31', regionId: '1' });
    await vi.waitFor(() => expect(app.of('collections.list').at(-1)?.input).toMatchObject({ ...MARCH, regionId: 1 }), NAV);
  });

  it(
    'receivables open the aging report as of the same date; under a team filter they do not link, nor collections under a category',
    SLOW,
    async () => {
      const app = await mountAt('/analytics', handlers, 'analytics-overview', 'manager');
      await vi.waitFor(() => expect(app.wrapper.find('[data-test="an-card-receivable"]').classes()).toContain('link'), NAV);
      expect(app.wrapper.find('[data-test="an-card-newCustomersCompared"]').classes()).not.toContain('link');
      await app.wrapper.find('[data-test="an-card-overdue"]').trigger('click');
      await vi.waitFor(() => expect(app.router.currentRoute.value.path).toBe('/receivables/aging'), NAV);
      expect(query(app).query).toEqual({ asOf: '2026-03-20' });
      unmountAll();

      Object.assign(dashboardChoice, { teamId: 1, productCategoryId: 3 });
      const again = await mountAt('/analytics', handlers, 'analytics-overview', 'manager');
      await vi.waitFor(() => expect(again.wrapper.find('[data-test="an-card-sales"]').classes()).toContain('link'), NAV);
      expect(again.wrapper.find('[data-test="an-card-receivable"]').classes()).not.toContain('link');
      expect(again.wrapper.find('[data-test="an-card-collections"]').classes()).not.toContain('link');
    },
  );
});

describe('销售分析 bars drill down to the orders behind them', () => {
  it('a region without sub-regions, a channel, a dealer, 无渠道商, a rep, a month', SLOW, async () => {
    dashboardChoice.teamId = 1;
    const app = await mountAt('/analytics/sales', handlers, 'analytics-sales', 'manager');
    await vi.waitFor(() => expect(chartOf('an-reps')?.click).toBeTruthy(), NAV);
    const base = { from: '2026-03-01', to: '2026-03-31', state: 'posted,reversed', teamId: '1' };
    const cases: Array<[string, number, Record<string, string>]> = [
      ['an-region-chart', 1, { ...base, regionId: '2' }],
      ['an-channel-chart', 1, { ...base, channelType: 'direct' }],
      ['an-dealer-chart', 0, { ...base, dealerId: '5' }],
      ['an-dealer-chart', 2, { ...base, channelType: 'direct' }],
      ['an-category-chart', 0, { ...base, productCategoryId: '3' }],
      ['an-reps', 0, { ...base, repId: '2' }],
      ['an-trend', 0, { ...base, from: '2026-01-01', to: '2026-01-31' }],
    ];
    for (const [chart, index, expected] of cases) {
      await app.router.push('/analytics/sales');
      await vi.waitFor(() => expect(chartOf(chart)?.click).toBeTruthy(), NAV);
      chartOf(chart).click!({ dataIndex: index });
      await vi.waitFor(() => expect(app.router.currentRoute.value.path, chart).toBe('/orders'), NAV);
      expect(query(app).query, `${chart} ${index}`).toEqual(expected);
      charts.live.length = 0;
    }
    await vi.waitFor(
      () => expect(app.of('orders.list').at(-1)!.input).toMatchObject({ from: '2026-01-01', to: '2026-01-31', teamId: 1 }),
      NAV,
    );
    await vi.waitFor(() => expect(app.wrapper.find('[data-test="drill-tag-teamId"]').text()).toBe('团队：郑州一组'), NAV);
  });

  it(
    '其他 (many dealers), 未分区域 and a month after the period open nothing; a region with sub-regions becomes the filter',
    SLOW,
    async () => {
      const app = await mountAt('/analytics/sales', handlers, 'analytics-sales', 'manager');
      await vi.waitFor(() => expect(chartOf('an-dealer-chart')?.click).toBeTruthy(), NAV);
      chartOf('an-dealer-chart').click!({ dataIndex: 1 });
      chartOf('an-region-chart').click!({ dataIndex: 2 });
      chartOf('an-trend').click!({ dataIndex: 3 });
      await settle();
      expect(app.router.currentRoute.value.path).toBe('/analytics/sales');
      chartOf('an-region-chart').click!({ dataIndex: 0 });
      await vi.waitFor(() => expect(app.of('analytics.sales')).toHaveLength(2), NAV);
      expect(app.of('analytics.sales')[1]!.input.filters).toEqual({ regionId: 1 });
      expect(app.router.currentRoute.value.path).toBe('/analytics/sales');
    },
  );
});

describe('the collection list opened from a link', () => {
  it('asks with the link’s filters and names the dealer and channel type', SLOW, async () => {
    const app = await mountAt(
      '/collections?from=2026-03-01&to=2026-03-31&dealerId=5&channelType=dealer&repId=2',
      handlers,
      'collection-sum',
    );
    await vi.waitFor(() =>
      expect(app.of('collections.list').at(-1)!.input).toMatchObject({ ...MARCH, dealerId: 5, channelType: 'dealer', repId: 2 }),
    );
    await vi.waitFor(() => expect(app.wrapper.find('[data-test="drill-tag-dealerId"]').text()).toBe('渠道商：郑州恒达商贸'), NAV);
    expect(app.wrapper.find('[data-test="drill-tag-channelType"]').text()).toBe('渠道类型：经销商');
  });
});
