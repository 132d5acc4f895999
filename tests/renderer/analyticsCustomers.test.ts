// 客户分析 and 应收分析: the builders draw the core's figures exactly (names, order, units, the aging stack by age), the
// pages show every figure of one answer, send the period and filters (应收 never the two it cannot take), and a click
// on a bar or slice opens the list behind it — the customer list filtered from its address, the customer, the aging
// report as of the same date, a customer's open documents.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Output } from '@shared/contract';
import { mountAt, settle, unmountAll } from './dailyFormsFixtures';
import { dashboardChoice, initialChoice } from '@/views/analytics/analyticsState';
import { customerListState, freshState, applyListQuery, toListInput } from '@/views/customers/listState';
import { gradeChart, lifecycleChart, newVsLostChart, repCoverageChart, segmentChart, topCustomersChart } from '@/charts/customerCharts';
import { agingChart, collectionTrendChart, shadeOf, agingShades, topOverdueChart } from '@/charts/receivableCharts';
import { axisTooltip } from '@/charts/options';

// the charts drawn, as ECharts would receive them (happy-dom has no canvas)
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
      getWidth: () => 600,
      getHeight: () => 300,
    };
  },
}));

const SLOW = { timeout: 120_000 };
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = (sel: string) => (document.querySelector(sel) as HTMLElement).click();
/** the chart of the page on screen in the panel with this data-test (a page left and come back to draws anew) */
const chartIn = (testId: string) => charts.live.filter((c) => !c.disposed && c.el.closest(`[data-test="${testId}"]`)).at(-1)!;
const drawn = (testId: string) => chartIn(testId)?.options.at(-1);
const tableRows = (testId: string) =>
  Array.from(document.querySelectorAll(`[data-test="${testId}-data"] tbody tr`)).map((r) =>
    Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.trim()),
  );

/** a plain translator for the builders: the key and its values, so a test sees which text was asked for */
const tk = (key: string, values?: Record<string, unknown>) =>
  values ? `${key.split('.').at(-1)}(${Object.values(values).join(',')})` : key.split('.').at(-1)!;

const periods = {
  kind: 'month' as const,
  current: { from: '2026-03-01', to: '2026-03-31' },
  lastYear: { from: '2025-03-01', to: '2025-03-31' },
  previous: { from: '2026-02-01', to: '2026-02-28' },
};

const customers: Output<'analytics.customers'> = {
  periods,
  grades: [
    { grade: 'A', customers: 5 },
    { grade: 'B', customers: 15 },
    { grade: 'C', customers: 20 },
    { grade: 'D', customers: 10 },
  ],
  lifecycles: [
    { lifecycle: 'prospect', customers: 8 },
    { lifecycle: 'first', customers: 7 },
    { lifecycle: 'repeat', customers: 20 },
    { lifecycle: 'loyal', customers: 10 },
    { lifecycle: 'lost', customers: 5 },
  ],
  newVsLost: [
    { month: '2026-01', newCustomers: 3, lostCustomers: 1 },
    { month: '2026-02', newCustomers: 0, lostCustomers: 2 },
    { month: '2026-03', newCustomers: 4, lostCustomers: 6 },
  ],
  lostCustomerDays: 90,
  topCustomers: [
    {
      rank: 1,
      customerId: 12,
      customerCode: 'C00012',
      customerName: '郑州恒达商贸有限公司',
      grade: 'A',
      salesFen: 500_000_00,
      grossProfitFen: 100_000_00,
      shareBp: 5000,
      lastYearFen: 400_000_00,
      yoyBp: 2500,
    },
    {
      rank: 2,
      customerId: 13,
      customerCode: 'C00013',
      customerName: '洛阳佳美超市',
      grade: 'B',
      salesFen: 123_456_78,
      grossProfitFen: 20_000_00,
      shareBp: 1235,
      lastYearFen: 0,
      yoyBp: null,
    },
  ],
  notVisited: {
    days: 30,
    total: 140,
    rows: [
      {
        customerId: 14,
        customerCode: 'C00014',
        customerName: '开封东方便利店',
        grade: 'A',
        repName: '张伟',
        lastVisitDate: null,
        daysSinceVisit: null,
      },
      {
        customerId: 15,
        customerCode: 'C00015',
        customerName: '新乡万家福超市',
        grade: 'B',
        repName: null,
        lastVisitDate: '2026-01-20',
        daysSinceVisit: 70,
      },
    ],
  },
  segments: {
    customerType: [
      { key: 'retail', name: '零售店', customers: 30, salesFen: 300_00, lastYearFen: 200_00, yoyBp: 5000 },
      { key: '', name: '未设', customers: 2, salesFen: 0, lastYearFen: 0, yoyBp: null },
    ],
    industry: [{ key: '食品', name: '食品', customers: 12, salesFen: 100_00, lastYearFen: 0, yoyBp: null }],
    scale: [{ key: 'small', name: '小型', customers: 9, salesFen: 50_00, lastYearFen: 100_00, yoyBp: -5000 }],
    region: [
      { key: '7', name: '华中', customers: 40, salesFen: 900_00, lastYearFen: 800_00, yoyBp: 1250 },
      { key: '', name: '未设区域', customers: 1, salesFen: 0, lastYearFen: 0, yoyBp: null },
    ],
  },
  repCoverage: [
    { repId: 3, repName: '张伟', teamName: '郑州一组', customers: 30, abCustomers: 12, prospects: 6, last12MonthsSalesFen: 1_200_000_00 },
    { repId: 4, repName: '李娜', teamName: null, customers: 4, abCustomers: 0, prospects: 4, last12MonthsSalesFen: 0 },
  ],
};

const aging = (key: number, name: string, notDueFen: number, bucketsFen: number[], totalFen?: number) => {
  const overdueFen = bucketsFen.reduce((s, v) => s + v, 0);
  return { key, name, notDueFen, bucketsFen, overdueFen, totalFen: totalFen ?? notDueFen + overdueFen };
};

const receivables: Output<'analytics.receivables'> = {
  periods,
  asOf: '2026-03-20',
  bucketEdges: [30, 60, 90, 180],
  totals: { notDueFen: 600_00, bucketsFen: [100_00, 50_00, 0, 0, 25_00], overdueFen: 175_00, totalFen: 765_00 },
  byRegion: [aging(7, '华中', 500_00, [100_00, 50_00, 0, 0, 25_00]), aging(0, '', 100_00, [0, 0, 0, 0, 0], 90_00)],
  // a team's reps come summed per rep, not in balance order
  byRep: [aging(4, '李娜', 100_00, [0, 0, 0, 0, 0]), aging(3, '张伟', 500_00, [100_00, 50_00, 0, 0, 25_00])],
  collectionRateBp: 4321,
  dsoDays: 47,
  trend: [
    {
      month: '2026-03',
      openingFen: 700_00,
      salesFen: 300_00,
      collectionsFen: 432_10,
      closingFen: 765_00,
      collectionRateBp: 4321,
      dsoDays: 47,
    },
  ],
  topOverdue: [
    {
      rank: 1,
      customerId: 12,
      customerCode: 'C00012',
      customerName: '郑州恒达商贸有限公司',
      repName: '张伟',
      overdueFen: 150_00,
      totalFen: 400_00,
      maxOverdueDays: 75,
    },
    {
      rank: 2,
      customerId: 13,
      customerCode: 'C00013',
      customerName: '洛阳佳美超市',
      repName: null,
      overdueFen: 25_00,
      totalFen: 25_00,
      maxOverdueDays: 200,
    },
  ],
};

describe('客户分析 builders', () => {
  it('grade and lifecycle: counts as given, in the core’s order, shares in the table', () => {
    const g = gradeChart(customers, tk);
    expect((g.option.series as any[])[0].data).toEqual([
      { name: 'gradeN(A)', value: 5 },
      { name: 'gradeN(B)', value: 15 },
      { name: 'gradeN(C)', value: 20 },
      { name: 'gradeN(D)', value: 10 },
    ]);
    expect(g.table.rows.map((r) => [r.c, r.s0, r.s1])).toEqual([
      ['gradeN(A)', '5', '10.0%'],
      ['gradeN(B)', '15', '30.0%'],
      ['gradeN(C)', '20', '40.0%'],
      ['gradeN(D)', '10', '20.0%'],
    ]);
    const l = lifecycleChart(customers, tk, 'en');
    expect((l.option.yAxis as any).data).toEqual(['Prospect', 'First purchase', 'Repeat', 'Loyal', 'Lost']);
    expect((l.option.series as any[])[0].data).toEqual([8, 7, 20, 10, 5]);
    // nobody at all: the panel says 暂无数据 instead of an empty donut
    expect(gradeChart({ ...customers, grades: customers.grades.map((x) => ({ ...x, customers: 0 })) }, tk).count).toBe(0);
  });

  it('new vs lost: two bars per month, lost named with its days; the table adds the net', () => {
    const c = newVsLostChart(customers, tk, (ym) => ym.slice(5));
    const o = c.option as any;
    expect(o.xAxis.data).toEqual(['01', '02', '03']);
    expect(o.series.map((s: any) => [s.type, s.name, s.data, s.stack])).toEqual([
      ['bar', 'newCustomers', [3, 0, 4], undefined],
      ['bar', 'lostCustomers(90)', [1, 2, 6], undefined],
    ]);
    expect(o.series[0].itemStyle.decal).not.toEqual(o.series[1].itemStyle.decal); // apart in black and white
    expect(o.series[1].label.formatter({ value: 2287 })).toBe('2,287'); // the large demo loses thousands a month
    expect(c.table.rows.map((r) => r.s2)).toEqual(['2', '-2', '-2']);
  });

  it('top customers ranked with their codes in the table; segments: sales, last year and customers on their own axis', () => {
    const top = topCustomersChart(customers, tk);
    expect((top.option.yAxis as any).data).toEqual(['1. 郑州恒达商贸有限公司', '2. 洛阳佳美超市']);
    expect((top.option.series as any[])[0].data).toEqual([500_000_00, 123_456_78]);
    expect(top.table.rows[1]).toEqual({
      c: '2. 洛阳佳美超市（C00013）',
      s0: 'B',
      s1: '¥123,456.78',
      s2: '12.4%',
      s3: '¥0.00',
      s4: '—',
      s5: '¥20,000.00',
    });
    const seg = segmentChart(customers, 'customerType', tk, 'zh');
    const o = seg.option as any;
    expect(o.xAxis.data).toEqual(['零售店', 'customerType']); // '' is named by the screen (未设类型), not the core
    expect(o.series.map((s: any) => [s.type, s.data, s.yAxisIndex ?? 0])).toEqual([
      ['bar', [300_00, 0], 0],
      ['bar', [200_00, 0], 0],
      ['line', [30, 2], 1],
    ]);
    expect(seg.table.rows[0]).toEqual({ c: '零售店', s0: '30', s1: '¥300.00', s2: '¥200.00', s3: '50.0%' });
    expect((segmentChart(customers, 'scale', tk, 'en').option as any).xAxis.data).toEqual(['Small']);
    expect((segmentChart(customers, 'industry', tk, 'en').option as any).xAxis.data).toEqual(['食品']);
    const tip = o.tooltip.formatter([
      { seriesName: '销售额', name: '零售店', value: 300_00 },
      { seriesName: '去年同期', name: '零售店', value: 200_00 },
      { seriesName: '客户数', name: '零售店', value: 30 },
    ]);
    expect(tip).toBe('零售店<br/>销售额：¥300.00<br/>去年同期：¥200.00<br/>客户数：30');
  });

  it('rep coverage: A/B, other customers and prospects stacked to the customers owned; sales on the other grid', () => {
    const c = repCoverageChart(customers, tk);
    const o = c.option as any;
    expect(o.yAxis.map((y: any) => y.data)).toEqual([
      ['张伟', '李娜'],
      ['张伟', '李娜'],
    ]);
    const stacked = o.series.filter((s: any) => s.stack === 'customers');
    expect(stacked.map((s: any) => s.data)).toEqual([
      [12, 0],
      [12, 0],
      [6, 4],
    ]);
    customers.repCoverage.forEach((r, i) => expect(stacked[0].data[i] + stacked[1].data[i] + stacked[2].data[i]).toBe(r.customers));
    const sales = o.series.find((s: any) => s.xAxisIndex === 1);
    expect(sales.data).toEqual([1_200_000_00, 0]);
    expect(c.table.rows[0]).toEqual({ c: '张伟', s0: '郑州一组', s1: '30', s2: '12', s3: '6', s4: '¥1,200,000.00' });
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe(
      '李娜<br/>customersCount：4<br/>abCustomers：0<br/>prospects：4<br/>last12MonthsSales：¥0.00',
    );
  });
});

describe('应收分析 builders', () => {
  it('aging stacked by age: 未到期 then each bucket, the balance and overdue in the table, shades darker with age', () => {
    const c = agingChart(receivables, receivables.byRegion, { title: 'T', rowLabel: '区域', noneName: '未设区域', t: tk, lang: 'zh' });
    const o = c.option as any;
    expect(o.yAxis.data).toEqual(['华中', '未设区域']);
    expect(o.series.map((s: any) => s.name)).toEqual(['未到期', '1–30天', '31–60天', '61–90天', '91–180天', '180天以上']);
    expect(o.series.map((s: any) => s.data)).toEqual([
      [500_00, 100_00],
      [100_00, 0],
      [50_00, 0],
      [0, 0],
      [0, 0],
      [25_00, 0],
    ]);
    expect(o.series.every((s: any) => s.stack === 'total')).toBe(true);
    expect(o.series.map((s: any) => s.itemStyle.color)).toEqual(o.series.map((_: unknown, i: number) => shadeOf(i, 6)));
    expect(shadeOf(0, 6)).toBe(agingShades[0]);
    expect(shadeOf(5, 6)).toBe(agingShades.at(-1));
    expect(c.table.rows[1]).toEqual({
      c: '未设区域',
      s0: '¥100.00',
      s1: '¥0.00',
      s2: '¥0.00',
      s3: '¥0.00',
      s4: '¥0.00',
      s5: '¥0.00',
      s6: '¥0.00',
      s7: '¥90.00',
    });
    // a long list charts its first rows, the table keeps all
    const few = agingChart(receivables, receivables.byRep, { title: 'T', rowLabel: 'r', noneName: '-', t: tk, lang: 'en', chartRows: 1 });
    expect([few.charted, few.count, few.table.rows.length, (few.option as any).yAxis.data]).toEqual([1, 2, 2, ['李娜']]);
    expect((few.option as any).series[0].name).toBe('Not due');
  });

  it('collection rate as bars on a % axis, DSO as a line on a days axis; the table has what the rate is made of', () => {
    const c = collectionTrendChart(receivables, tk, (ym) => ym);
    const o = c.option as any;
    expect(o.series.map((s: any) => [s.type, s.data, s.yAxisIndex ?? 0])).toEqual([
      ['bar', [4321], 0],
      ['line', [47], 1],
    ]);
    expect(o.yAxis[0].axisLabel.formatter(5000)).toBe('50%');
    expect(o.yAxis[1].axisLabel.formatter(30)).toBe('daysN(30)');
    expect(c.table.rows).toEqual([{ c: '2026-03', s0: '¥700.00', s1: '¥300.00', s2: '¥432.10', s3: '¥765.00', s4: '43.2%', s5: '47' }]);
    const top = topOverdueChart(receivables, tk);
    expect((top.option.series as any[])[0].data).toEqual([150_00, 25_00]);
    expect(top.table.rows[1]).toEqual({ c: '2. 洛阳佳美超市（C00013）', s0: '', s1: '¥25.00', s2: '¥25.00', s3: '200' });
    expect(axisTooltip(['bp', 'count'])([{ name: '3月', seriesName: '回款率', value: 4321 }])).toBe('3月<br/>回款率：43.2%');
  });
});

describe('customer list address', () => {
  it('a drill-down’s filters replace the list’s, from the first page; an address without any changes nothing', () => {
    const s = freshState();
    s.search = '恒达';
    s.page = 4;
    s.pageSize = 100;
    s.tag = '重点';
    expect(applyListQuery(s, {})).toBe(false);
    expect(s.search).toBe('恒达');
    expect(applyListQuery(s, { grade: 'A', regionId: '7', type: ['retail', 'bogus'], lifecycle: 'nope', repId: 'x' })).toBe(true);
    expect(toListInput(s)).toEqual({ page: 1, pageSize: 100, archived: 'active', regionId: 7, grade: ['A'], type: ['retail'] });
  });
});

const handlers = {
  'analytics.customers': () => customers,
  'analytics.receivables': () => receivables,
  'productCategories.tree': () => [],
  'customers.tags': () => [],
  'dealers.get': () => ({ id: 5, name: '郑州恒达商贸' }),
};

describe('客户分析 and 应收分析 pages', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    Object.assign(dashboardChoice, initialChoice(new Date(2026, 2, 20)));
    Object.assign(customerListState, freshState());
    charts.live.length = 0;
  });
  afterEach(unmountAll);

  it('客户分析: the figures and every chart of the core’s answer; the segment switch redraws', SLOW, async () => {
    const core = await mountAt('/analytics/customers', handlers, 'analytics-customers', 'manager');
    await vi.waitFor(() => expect(drawn('an-cust-coverage')).toBeTruthy());
    expect(core.of('analytics.customers')[0]!.input).toEqual({ period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(text('[data-test="an-cust-fig-active"]')).toBe('活跃客户50A/B类 20');
    expect(text('[data-test="an-cust-fig-new"]')).toBe('期内新客户7');
    expect(text('[data-test="an-cust-fig-lost"]')).toBe('期末流失客户6流失客户（90天无订单）');
    expect(text('[data-test="an-cust-fig-notVisited"]')).toBe('A/B类未拜访140A/B类客户 30 天未拜访');
    expect(drawn('an-cust-grade').series[0].data.map((d: any) => d.value)).toEqual([5, 15, 20, 10]);
    expect(drawn('an-cust-grade').title.show).toBe(false);
    expect(drawn('an-cust-lifecycle').yAxis.data).toEqual(['潜在', '首次购买', '重复购买', '忠诚', '流失']);
    expect(drawn('an-cust-newlost').xAxis.data).toEqual(['1月', '2月', '3月']);
    expect(drawn('an-cust-top').series[0].data).toEqual([500_000_00, 123_456_78]);
    expect(drawn('an-cust-segment').xAxis.data).toEqual(['零售店', '未设类型']);
    expect(drawn('an-cust-coverage').series.at(-1).data).toEqual([1_200_000_00, 0]);
    // the A/B customers not visited: the core's rows, of its total
    expect(text('[data-test="an-cust-notvisited"]')).toContain('显示 2 家，共 140 家');
    const rows = Array.from(document.querySelectorAll('[data-test="an-cust-notvisited-table"] .el-table__body tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['开封东方便利店C00014', 'A', '张伟', '从未拜访', '—'],
      ['新乡万家福超市C00015', 'B', '', '2026-01-20', '70'],
    ]);
    // region segments: names as given, the customer without a region named by the screen
    const region = Array.from(document.querySelectorAll('[data-test="an-cust-segment-kind"] label')).find(
      (l) => l.textContent?.trim() === '区域',
    );
    (region as HTMLElement).click();
    await vi.waitFor(() => expect(drawn('an-cust-segment').xAxis.data).toEqual(['华中', '未设区域']));
    click('[data-test="an-cust-segment-toggle"]');
    await settle();
    expect(tableRows('an-cust-segment')[0]).toEqual(['华中', '40', '¥900.00', '¥800.00', '12.5%']);
    expect(core.of('analytics.customers')).toHaveLength(1); // switching the segment asks nothing
  });

  it('客户分析: a filter change asks again with the filters', SLOW, async () => {
    const core = await mountAt('/analytics/customers', handlers, 'analytics-customers', 'manager');
    await vi.waitFor(() => expect(drawn('an-cust-grade')).toBeTruthy());
    dashboardChoice.regionId = 7;
    dashboardChoice.productCategoryId = 3;
    const year = Array.from(document.querySelectorAll('[data-test="an-kind"] label')).find((l) => l.textContent?.trim() === '年');
    (year as HTMLElement).click();
    await vi.waitFor(() => expect(core.of('analytics.customers')).toHaveLength(2));
    expect(core.of('analytics.customers')[1]!.input).toEqual({
      period: { from: '2026-01-01', to: '2026-12-31' },
      filters: { regionId: 7, productCategoryId: 3 },
    });
    expect(core.rejected).toEqual([]);
  });

  it(
    '客户分析: a grade opens the customer list filtered (with the dashboard’s region and dealer); a top customer opens it',
    SLOW,
    async () => {
      dashboardChoice.regionId = 7;
      dashboardChoice.dealerId = 5;
      const core = await mountAt('/analytics/customers', handlers, 'analytics-customers', 'manager');
      await vi.waitFor(() => expect(drawn('an-cust-grade')).toBeTruthy());
      chartIn('an-cust-grade').click!({ dataIndex: 1 });
      // the list's page is loaded on the way (slow the first time in a test)
      await vi.waitFor(() => expect(core.of('customers.list').length).toBeGreaterThan(0), { timeout: 15_000 });
      await settle();
      // the list took the filters from the address and went on at its plain address
      expect(core.router.currentRoute.value.fullPath).toBe('/customers');
      expect(core.of('customers.list').at(-1)!.input).toMatchObject({ page: 1, regionId: 7, dealerId: 5, grade: ['B'] });
      expect(customerListState.dealerLabel).toBe('郑州恒达商贸');
      await core.router.push('/analytics/customers');
      await vi.waitFor(() => expect(drawn('an-cust-coverage')).toBeTruthy());
      chartIn('an-cust-coverage').click!({ dataIndex: 0 });
      await vi.waitFor(() => expect(core.router.currentRoute.value.path).toBe('/customers'));
      await vi.waitFor(() => expect(core.of('customers.list').at(-1)!.input).toMatchObject({ repId: 3, regionId: 7 }));
      expect(core.of('customers.list').at(-1)!.input.grade).toBeUndefined();
      await core.router.push('/analytics/customers');
      await vi.waitFor(() => expect(drawn('an-cust-top')).toBeTruthy());
      chartIn('an-cust-top').click!({ dataIndex: 1 });
      await vi.waitFor(() => expect(core.router.currentRoute.value.path).toBe('/customers/13'), { timeout: 15_000 });
    },
  );

  it(
    '客户分析: a customer-type segment opens the list of that type, a region segment its region; industry opens nothing',
    SLOW,
    async () => {
      const core = await mountAt('/analytics/customers', handlers, 'analytics-customers', 'manager');
      await vi.waitFor(() => expect(drawn('an-cust-segment')).toBeTruthy());
      const kind = (label: string) =>
        (
          Array.from(document.querySelectorAll('[data-test="an-cust-segment-kind"] label')).find(
            (l) => l.textContent?.trim() === label,
          ) as HTMLElement
        ).click();
      kind('行业');
      await vi.waitFor(() => expect(drawn('an-cust-segment').xAxis.data).toEqual(['食品']));
      chartIn('an-cust-segment').click!({ dataIndex: 0 });
      await settle();
      expect(core.router.currentRoute.value.path).toBe('/analytics/customers');
      kind('客户类型');
      await vi.waitFor(() => expect(drawn('an-cust-segment').xAxis.data).toEqual(['零售店', '未设类型']));
      chartIn('an-cust-segment').click!({ dataIndex: 1 }); // no type: nothing to filter by
      await settle();
      expect(core.router.currentRoute.value.path).toBe('/analytics/customers');
      chartIn('an-cust-segment').click!({ dataIndex: 0 });
      await vi.waitFor(() => expect(core.of('customers.list').length).toBeGreaterThan(0), { timeout: 15_000 });
      expect(core.of('customers.list').at(-1)!.input).toMatchObject({ type: ['retail'] });
      await core.router.push('/analytics/customers');
      await vi.waitFor(() => expect(drawn('an-cust-segment')).toBeTruthy());
      kind('区域');
      await vi.waitFor(() => expect(drawn('an-cust-segment').xAxis.data).toEqual(['华中', '未设区域']));
      chartIn('an-cust-segment').click!({ dataIndex: 0 });
      await vi.waitFor(() => expect(core.of('customers.list').at(-1)!.input).toMatchObject({ regionId: 7 }), { timeout: 15_000 });
      expect(core.of('customers.list').at(-1)!.input.type).toBeUndefined();
    },
  );

  it(
    '应收分析: figures, aging by region and rep by age, the trend and top overdue; filters it cannot take neither shown nor sent',
    SLOW,
    async () => {
      dashboardChoice.channelType = 'dealer';
      dashboardChoice.productCategoryId = 3;
      dashboardChoice.teamId = 1;
      const core = await mountAt('/analytics/receivables', handlers, 'analytics-receivables', 'manager');
      await vi.waitFor(() => expect(drawn('an-recv-overdue')).toBeTruthy());
      expect(core.of('analytics.receivables')[0]!.input).toEqual({
        period: { from: '2026-03-01', to: '2026-03-31' },
        filters: { teamId: 1 },
      });
      expect(document.querySelector('[data-test="an-channel"]')).toBeNull();
      expect(document.querySelector('[data-test="an-category"]')).toBeNull();
      expect(text('[data-test="an-recv-period"]')).toContain('账龄截至 2026-03-20');
      expect(text('[data-test="an-recv-period"]')).toContain('账龄表不按团队筛选');
      expect(text('[data-test="an-recv-fig-total"]')).toBe('应收余额¥765.00截至 2026-03-20');
      expect(text('[data-test="an-recv-fig-overdue"]')).toBe('逾期金额¥175.00');
      expect(text('[data-test="an-recv-fig-notDue"]')).toBe('未到期¥600.00');
      expect(text('[data-test="an-recv-fig-rate"]')).toBe('期间回款率43.2%');
      expect(text('[data-test="an-recv-fig-dso"]')).toBe('期间DSO47天');
      expect(drawn('an-recv-region').yAxis.data).toEqual(['华中', '未设区域']);
      // the reps by balance, the largest on top
      expect(drawn('an-recv-rep').yAxis.data).toEqual(['张伟', '李娜']);
      expect(drawn('an-recv-rep').series[0].data).toEqual([500_00, 100_00]);
      expect(drawn('an-recv-trend').series[0].data).toEqual([4321]);
      expect(drawn('an-recv-overdue').yAxis.data).toEqual(['1. 郑州恒达商贸有限公司', '2. 洛阳佳美超市']);
      click('[data-test="an-recv-overdue-toggle"]');
      await settle();
      expect(tableRows('an-recv-overdue')).toEqual([
        ['1. 郑州恒达商贸有限公司（C00012）', '张伟', '¥150.00', '¥400.00', '75'],
        ['2. 洛阳佳美超市（C00013）', '', '¥25.00', '¥25.00', '200'],
      ]);
      expect(core.rejected).toEqual([]);
    },
  );

  it(
    '应收分析: a rep’s bar opens the aging report of that rep as of the same date; the region without a name opens nothing; a customer its documents',
    SLOW,
    async () => {
      dashboardChoice.regionId = 7;
      const core = await mountAt('/analytics/receivables', handlers, 'analytics-receivables', 'manager');
      await vi.waitFor(() => expect(drawn('an-recv-rep')).toBeTruthy());
      expect(core.of('analytics.receivables')[0]!.input.filters).toEqual({ regionId: 7 });
      chartIn('an-recv-region').click!({ dataIndex: 1 }); // 未设区域
      await settle();
      expect(core.router.currentRoute.value.path).toBe('/analytics/receivables');
      chartIn('an-recv-rep').click!({ dataIndex: 0 });
      await vi.waitFor(() => expect(core.router.currentRoute.value.path).toBe('/receivables/aging'), { timeout: 15_000 });
      expect(core.router.currentRoute.value.query).toEqual({ asOf: '2026-03-20', regionId: '7', repId: '3' });
      await core.router.push('/analytics/receivables');
      await vi.waitFor(() => expect(drawn('an-recv-overdue')).toBeTruthy());
      chartIn('an-recv-overdue').click!({ dataIndex: 0 });
      await vi.waitFor(() => expect(core.router.currentRoute.value.path).toBe('/receivables/customers/12'), { timeout: 15_000 });
      expect(core.router.currentRoute.value.query).toEqual({ asOf: '2026-03-20' });
    },
  );
});
