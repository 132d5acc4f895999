// 数据分析 dashboards: 总览 cards with 同比/环比 and the achievement chart, 销售分析's charts — each drawn from the core's
// answer exactly (the chart is a recording fake: happy-dom has no canvas), the period picker and filters sent as the
// contract's input, 查看数据 as a table, the chart disposed with the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Output } from '@shared/contract';
import { mountAt, settle, unmountAll } from './dailyFormsFixtures';
import { dashboardChoice, initialChoice, periodOf, filtersOf } from '@/views/analytics/analyticsState';

// the charts drawn, as ECharts would receive them
const charts = vi.hoisted(() => ({
  live: [] as Array<{ el: HTMLElement; options: any[]; disposed: boolean; click?: (p: { dataIndex: number }) => void }>,
}));
vi.mock('@/charts/echarts', () => ({
  createChart: (el: HTMLElement) => {
    const c: (typeof charts.live)[number] = { el, options: [], disposed: false };
    charts.live.push(c);
    return {
      setOption: (o: unknown) => c.options.push(o),
      on: (_event: string, fn: (p: { dataIndex: number }) => void) => (c.click = fn),
      resize: () => undefined,
      dispose: () => (c.disposed = true),
    };
  },
}));

const SLOW = { timeout: 120_000 };
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = (sel: string) => (document.querySelector(sel) as HTMLElement).click();
/** the last option drawn in the panel with this data-test */
const drawn = (testId: string) => charts.live.find((c) => c.el.closest(`[data-test="${testId}"]`))!.options.at(-1);

const periods = {
  kind: 'month' as const,
  current: { from: '2026-03-01', to: '2026-03-31' },
  lastYear: { from: '2025-03-01', to: '2025-03-31' },
  previous: { from: '2026-02-01', to: '2026-02-28' },
};
const fig = (value: number, lastYear: number, previous: number, yoyBp: number | null, momBp: number | null) => ({
  value,
  lastYear,
  previous,
  yoyBp,
  momBp,
});

const overview: Output<'analytics.overview'> = {
  periods,
  salesFen: 123_456_78,
  collectionsFen: 50_000_00,
  grossProfitFen: 30_000_00,
  receivableFen: 80_000_00,
  overdueFen: 12_000_00,
  newCustomers: 7,
  sales: fig(123_456_78, 100_000_00, 150_000_00, 2346, -1770),
  collections: fig(50_000_00, 0, 40_000_00, null, 2500),
  grossProfit: fig(30_000_00, 30_000_00, 20_000_00, 0, 5000),
  receivable: fig(80_000_00, 60_000_00, 70_000_00, 3333, 1429),
  overdue: fig(12_000_00, 15_000_00, 12_000_00, -2000, 0),
  newCustomersCompared: fig(7, 5, 10, 4000, -3000),
  grossMarginBp: 2430,
  targets: {
    period: '2026-03',
    asOf: '2026-03-20',
    workingDays: 22,
    workingDaysElapsed: 14,
    rows: [
      {
        metric: 'sales',
        unit: 'fen',
        target: 200_000_00,
        actual: 123_456_78,
        achievementBp: 6173,
        timeProgressBp: 6364,
        gap: 76_543_22,
        requiredPerDay: 9_567_90,
        status: 'onTrack',
      },
      {
        metric: 'newCustomers',
        unit: 'count',
        target: 10,
        actual: 7,
        achievementBp: 7000,
        timeProgressBp: 6364,
        gap: 3,
        requiredPerDay: 0,
        status: 'ahead',
      },
      {
        metric: 'visits',
        unit: 'count',
        target: 0,
        actual: 40,
        achievementBp: null,
        timeProgressBp: 6364,
        gap: -40,
        requiredPerDay: 0,
        status: 'noTarget',
      },
    ],
  },
};

const slice = (salesFen: number, shareBp: number | null, lastYearFen = 0, yoyBp: number | null = null) => ({
  salesFen,
  grossProfitFen: Math.round(salesFen / 4),
  shareBp,
  lastYearFen,
  yoyBp,
});

const sales: Output<'analytics.sales'> = {
  periods,
  salesFen: 1000_00,
  grossProfitFen: 250_00,
  monthlyTrend: {
    year: 2026,
    months: [
      { month: '2026-01', thisYearFen: 300_00, lastYearFen: 200_00, yoyBp: 5000 },
      { month: '2026-02', thisYearFen: 0, lastYearFen: 100_00, yoyBp: -10000 },
      { month: '2026-03', thisYearFen: null, lastYearFen: 400_00, yoyBp: null },
    ],
  },
  byRegion: {
    parentId: null,
    rows: [
      { id: 1, name: '华东区', hasChildren: true, ...slice(700_00, 7000, 500_00, 4000) },
      { id: 0, name: '未分区域', hasChildren: false, ...slice(300_00, 3000) },
    ],
  },
  byChannelType: [
    { channelType: 'dealer', ...slice(600_00, 6000) },
    { channelType: 'direct', ...slice(400_00, 4000) },
  ],
  byDealer: {
    topN: 2,
    rows: [
      { dealerId: 5, dealerCode: 'D05', dealerName: '郑州恒达商贸', ...slice(400_00, 4000) },
      { dealerId: 6, dealerCode: 'D06', dealerName: '开封永兴', ...slice(150_00, 1500) },
    ],
    othersFen: 50_00,
    othersCount: 3,
    directFen: 400_00,
  },
  byCategory: { parentId: null, rows: [{ id: 3, name: '饮料', hasChildren: false, ...slice(1000_00, 10000) }] },
  abc: {
    cutoffsBp: { a: 7000, b: 9000 },
    rows: [
      { productId: 1, productCode: 'P1', productName: '绿茶', salesFen: 700_00, shareBp: 7000, cumulativeBp: 7000, abcClass: 'A' },
      { productId: 2, productCode: 'P2', productName: '红茶', salesFen: 200_00, shareBp: 2000, cumulativeBp: 9000, abcClass: 'B' },
      { productId: 3, productCode: 'P3', productName: '花茶', salesFen: 100_00, shareBp: 1000, cumulativeBp: 10000, abcClass: 'C' },
    ],
    classes: [
      { abcClass: 'A', products: 1, salesFen: 700_00, shareBp: 7000 },
      { abcClass: 'B', products: 1, salesFen: 200_00, shareBp: 2000 },
      { abcClass: 'C', products: 1, salesFen: 100_00, shareBp: 1000 },
    ],
  },
  repRanking: [
    { rank: 1, repId: 2, repCode: 'R02', repName: '李娜', teamName: '郑州一组', ...slice(600_00, 6000) },
    { rank: 2, repId: 3, repCode: 'R03', repName: '周明', teamName: '郑州一组', ...slice(400_00, 4000) },
  ],
};

const handlers = {
  'analytics.overview': () => overview,
  'analytics.sales': () => sales,
  'productCategories.tree': () => [],
};

describe('dashboard period and filters', () => {
  it('a month, a quarter, a year or a custom range; only the filters set are sent', () => {
    const c = initialChoice(new Date(2026, 2, 20));
    expect(periodOf(c)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodOf({ ...c, kind: 'quarter', quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf({ ...c, kind: 'year' })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf({ ...c, kind: 'custom', from: '2026-03-10', to: '2026-03-05' })).toEqual({ from: '2026-03-05', to: '2026-03-10' });
    expect(filtersOf(c)).toBeUndefined();
    expect(filtersOf({ ...c, regionId: 4, channelType: 'dealer' })).toEqual({ regionId: 4, channelType: 'dealer' });
  });
});

describe('analytics dashboards', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    Object.assign(dashboardChoice, initialChoice(new Date(2026, 2, 20)));
    charts.live.length = 0;
  });
  afterEach(unmountAll);

  it('总览: each figure with 同比 and 环比, a figure the filter cannot narrow says so', SLOW, async () => {
    const core = await mountAt('/analytics', handlers, 'analytics-overview', 'manager');
    await vi.waitFor(() => expect(text('[data-test="an-value-sales"]')).toBe('¥123,456.78'));
    expect(core.of('analytics.overview')[0]!.input).toEqual({ period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(text('[data-test="an-yoy-sales"]')).toBe('同比 ▲ +23.5%');
    expect(text('[data-test="an-mom-sales"]')).toBe('环比 ▼ -17.7%');
    expect(text('[data-test="an-card-sales"]')).toContain('去年同期 ¥100,000.00 · 上期 ¥150,000.00');
    expect(text('[data-test="an-yoy-collections"]')).toBe('同比 —');
    expect(text('[data-test="an-extra-grossProfit"]')).toBe('毛利率 24.3%');
    expect(text('[data-test="an-value-newCustomersCompared"]')).toBe('7');
    // overdue falling is good news, receivables rising is not
    expect(document.querySelector('[data-test="an-yoy-overdue"]')!.classList.contains('good')).toBe(true);
    expect(document.querySelector('[data-test="an-yoy-receivable"]')!.classList.contains('bad')).toBe(true);
    expect(text('[data-test="an-card-receivable"]')).toContain('截至 2026-03-20'); // the core's as-of: today while the month runs
  });

  it('总览 with a category filter: collections not applicable; the quarter sent as its dates', SLOW, async () => {
    const narrowed = { ...overview, collectionsFen: null, collections: null };
    const core = await mountAt('/analytics', { ...handlers, 'analytics.overview': () => narrowed }, 'analytics-overview', 'manager');
    await vi.waitFor(() => expect(text('[data-test="an-card-collections"]')).toContain('按产品类别筛选时不适用'));
    expect(text('[data-test="an-value-collections"]')).toBe('—');
    dashboardChoice.productCategoryId = 3;
    const quarter = Array.from(document.querySelectorAll('[data-test="an-kind"] label')).find((l) => l.textContent?.trim() === '季');
    (quarter as HTMLElement).click();
    await vi.waitFor(() => expect(core.of('analytics.overview')).toHaveLength(2));
    expect(core.of('analytics.overview')[1]!.input).toEqual({
      period: { from: '2026-01-01', to: '2026-03-31' },
      filters: { productCategoryId: 3 },
    });
    expect(core.rejected).toEqual([]);
  });

  it('总览: achievement against time progress drawn from the core’s rows; 查看数据 shows them as a table', SLOW, async () => {
    await mountAt('/analytics', handlers, 'analytics-overview', 'manager');
    await vi.waitFor(() => expect(drawn('an-achievement')).toBeTruthy());
    const o = drawn('an-achievement');
    expect(o.yAxis.data).toEqual(['销售额', '新客户数', '完成拜访数（无目标）']);
    expect(o.series[0].data).toEqual([6173, 7000, null]);
    expect(o.series[1].data).toEqual([6364, 6364, 6364]);
    expect(o.title.show).toBe(false); // the panel shows the title
    expect(text('[data-test="an-achievement"]')).toContain('工作日 14 / 22，截至 2026-03-20');
    click('[data-test="an-achievement-toggle"]');
    await settle();
    const rows = Array.from(document.querySelectorAll('[data-test="an-achievement-data"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['销售额', '¥200,000.00', '¥123,456.78', '61.7%', '63.6%', '¥76,543.22', '正常'],
      ['新客户数', '10', '7', '70.0%', '63.6%', '3', '超前'],
      ['完成拜访数', '0', '40', '—', '63.6%', '-40', '无目标'],
    ]);
    expect(text('[data-test="an-achievement-toggle"]')).toBe('查看图表');
  });

  it('销售分析: every chart exactly the core’s figures; dealers close with others and direct sales', SLOW, async () => {
    const core = await mountAt('/analytics/sales', handlers, 'analytics-sales', 'manager');
    await vi.waitFor(() => expect(drawn('an-reps')).toBeTruthy());
    expect(core.of('analytics.sales')[0]!.input).toEqual({ period: { from: '2026-03-01', to: '2026-03-31' } });
    const trend = drawn('an-trend');
    expect(trend.xAxis.data).toEqual(['1月', '2月', '3月']);
    expect(trend.series.map((s: any) => [s.name, s.data])).toEqual([
      ['2026年', [300_00, 0, null]],
      ['2025年', [200_00, 100_00, 400_00]],
    ]);
    expect(drawn('an-region-chart').series[0].data).toEqual([700_00, 300_00]);
    expect(drawn('an-channel-chart').series[0].data).toEqual([
      { name: '经销商', value: 600_00 },
      { name: '直销', value: 400_00 },
    ]);
    const dealer = drawn('an-dealer-chart');
    expect(dealer.yAxis.data).toEqual(['郑州恒达商贸', '开封永兴', '其他（3家）', '无渠道商（直销）']);
    expect(dealer.series[0].data).toEqual([400_00, 150_00, 50_00, 400_00]);
    const abc = drawn('an-abc');
    expect(abc.series[0].data.map((d: any) => d.value)).toEqual([700_00, 200_00, 100_00]);
    expect(abc.series[1].markLine.data.filter((l: any) => 'yAxis' in l).map((l: any) => l.yAxis)).toEqual([7000, 9000]);
    expect(text('[data-test="an-abc"]')).toContain('A 1 个 · B 1 个 · C 1 个');
    click('[data-test="an-abc-toggle"]');
    await settle();
    const abcRows = Array.from(document.querySelectorAll('[data-test="an-abc-data"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.trim()),
    );
    expect(abcRows[1]).toEqual(['红茶（P2）', '¥200.00', '20.0%', '90.0%', 'B']);
    expect(drawn('an-reps').yAxis.data).toEqual(['1. 李娜', '2. 周明']);
    expect(text('[data-test="an-sales-total"]')).toContain('销售额 ¥1,000.00 · 毛利 ¥250.00');
    click('[data-test="an-region-chart-toggle"]');
    await settle();
    const cells = Array.from(document.querySelectorAll('[data-test="an-region-chart-data"] tbody td')).map((td) => td.textContent!.trim());
    expect(cells).toEqual(['华东区', '¥700.00', '70.0%', '¥500.00', '40.0%', '未分区域', '¥300.00', '30.0%', '¥0.00', '—']);
  });

  it('销售分析: a click on a region with sub-regions drills down (it becomes the filter); one without does nothing', SLOW, async () => {
    const core = await mountAt('/analytics/sales', handlers, 'analytics-sales', 'manager');
    await vi.waitFor(() => expect(drawn('an-region-chart')).toBeTruthy());
    const region = charts.live.find((c) => c.el.closest('[data-test="an-region-chart"]'))!;
    region.click!({ dataIndex: 1 }); // 未分区域
    await settle();
    expect(core.of('analytics.sales')).toHaveLength(1);
    region.click!({ dataIndex: 0 }); // 华东区
    await vi.waitFor(() => expect(core.of('analytics.sales')).toHaveLength(2));
    expect(core.of('analytics.sales')[1]!.input).toEqual({ period: { from: '2026-03-01', to: '2026-03-31' }, filters: { regionId: 1 } });
    expect(text('[data-test="an-region-chart"]')).toContain('点击有下级的条形查看下级');
  });

  it('the charts are disposed with the page', SLOW, async () => {
    const app = await mountAt('/analytics/sales', handlers, 'analytics-sales', 'manager');
    await vi.waitFor(() => expect(drawn('an-reps')).toBeTruthy());
    expect(charts.live.length).toBe(7);
    await app.router.push('/analytics');
    await vi.waitFor(() => expect(drawn('an-achievement')).toBeTruthy());
    expect(charts.live.slice(0, 7).every((c) => c.disposed)).toBe(true);
  });
});
