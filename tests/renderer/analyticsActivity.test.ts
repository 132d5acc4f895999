// 过程分析 and 异常预警: the activity charts' builders (×100 ratios written exactly, reps ranked with the missing
// last, the overall figure as a reference line), the activity page drawing the core's figures and sending only the
// filters it can be narrowed by, a rep's bar opening the records behind it; the exceptions page's counts per kind,
// each row linking to its record, the date sent, the rows' lines in English built from the figures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ElDatePicker } from 'element-plus';
import type { Output } from '@shared/contract';
import { i18n } from '@/i18n';
import { activityAxisValue, activityTable, activityValue, rankedRows, repMetricOption } from '@/charts/activityCharts';
import { today } from '@/views/dailyForms/entry';
import { dashboardChoice, initialChoice } from '@/views/analytics/analyticsState';
import { mountAt, settle, unmountAll } from './dailyFormsFixtures';

// the charts drawn, as ECharts would receive them (happy-dom has no canvas)
const charts = vi.hoisted(() => ({
  live: [] as Array<{ el: HTMLElement; options: any[]; click?: (p: { dataIndex: number }) => void }>,
}));
vi.mock('@/charts/echarts', () => ({
  createChart: (el: HTMLElement) => {
    const c: (typeof charts.live)[number] = { el, options: [] };
    charts.live.push(c);
    return {
      setOption: (o: unknown) => c.options.push(o),
      on: (_event: string, fn: (p: { dataIndex: number }) => void) => (c.click = fn),
      resize: () => undefined,
      dispose: () => undefined,
    };
  },
}));

type Rec = Record<string, any>;
const SLOW = { timeout: 120_000 };
/** a list page's first load compiles its module */
const LIST = { timeout: 20_000 };
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const texts = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
/** the chart in the panel with this data-test on the page shown now */
const chartOf = (testId: string) => charts.live.filter((c) => c.el.isConnected && c.el.closest(`[data-test="${testId}"]`)).at(-1)!;
const drawn = (testId: string) => chartOf(testId).options.at(-1) as Rec;
const tableRows = (testId: string) =>
  Array.from(document.querySelectorAll(`[data-test="${testId}-data"] tbody tr`)).map((r) =>
    Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.trim()),
  );

describe('activity chart builders', () => {
  it('ratios kept ×100 written with two decimals exactly, shorter on axes; other units as the shared format', () => {
    expect(activityValue('x100', 825)).toBe('8.25');
    expect(activityValue('x100', 2350)).toBe('23.50');
    expect(activityValue('x100', 7)).toBe('0.07');
    expect(activityValue('x100', -5)).toBe('-0.05');
    expect(activityValue('x100', 123456)).toBe('1,234.56');
    expect(activityValue('x100', null)).toBe('—');
    expect(activityValue('fen', 5_000)).toBe('¥50.00');
    expect(activityValue('bp', 9375)).toBe('93.8%');
    expect(activityAxisValue('x100', 850)).toBe('8.5');
    expect(activityAxisValue('x100', 1200)).toBe('12');
    expect(activityAxisValue('x100', 0)).toBe('0');
    expect(activityAxisValue('fen', 2_000_000)).toBe('2万');
    expect(activityAxisValue('fen', 39)).toBe('0.39'); // ¥0.39 a visit, not 0
    expect(activityAxisValue('fen', 20_15)).toBe('20.15');
    expect(activityAxisValue('fen', 5_00)).toBe('5');
    expect(activityAxisValue('fen', 100_00)).toBe('100');
  });

  it('reps ranked largest first, those without the figure last, ties in their order', () => {
    const rows = [
      { name: 'a', value: null },
      { name: 'b', value: 5 },
      { name: 'c', value: 9 },
      { name: 'd', value: 5 },
      { name: 'e', value: null },
      { name: 'f', value: 0 },
    ];
    expect(rankedRows(rows).map((r) => r.name)).toEqual(['c', 'b', 'd', 'f', 'a', 'e']);
  });

  it('bars exactly the rows given, the overall figure a dashed line with its label; none without one', () => {
    const o = repMetricOption({
      title: '日均拜访',
      seriesName: '日均拜访',
      rows: [
        { name: '周明', value: 330 },
        { name: '李娜', value: 200 },
        { name: '王强', value: null },
      ],
      unit: 'x100',
      overall: { name: '全员', value: 265 },
    }) as Rec;
    expect(o.title.text).toBe('日均拜访');
    expect(o.yAxis.data).toEqual(['周明', '李娜', '王强']);
    expect(o.yAxis.inverse).toBe(true);
    expect(o.series[0].data).toEqual([330, 200, null]);
    expect(o.series[0].markLine.data[0].xAxis).toBe(265);
    expect(o.series[0].markLine.data[0].label.formatter).toBe('全员 2.65');
    expect(o.series[0].markLine.lineStyle.type).toBe('dashed');
    expect(o.series[0].label.formatter({ value: 330 })).toBe('3.3');
    expect(o.series[0].label.formatter({ value: null })).toBe('');
    expect(o.xAxis.axisLabel.formatter(250)).toBe('2.5');
    expect(o.tooltip.formatter([{ name: '周明', seriesName: '日均拜访', value: 330 }])).toBe('周明<br/>日均拜访：3.30');
    const money = repMetricOption({
      title: '单次拜访费用',
      seriesName: '单次拜访费用',
      rows: [{ name: '李娜', value: 5_000 }],
      unit: 'fen',
      overall: { name: '全员', value: null },
    }) as Rec;
    expect(money.series[0].markLine).toBeUndefined();
    expect(money.xAxis.minInterval).toBe(1); // whole 分, and a ×100 ratio of 0 reads 0 — never 0, 0, 0.01
    expect(o.xAxis.minInterval).toBe(1);
    expect([o.xAxis.max({ max: 0 }), o.xAxis.max({ max: 330 })]).toEqual([100, null]); // all zeros: an axis to 1
    const rate = repMetricOption({ title: '', seriesName: '', rows: [{ name: '李娜', value: 9000 }], unit: 'bp' }) as Rec;
    expect([rate.xAxis.min, rate.xAxis.max]).toEqual([0, 10000]);
    expect(money.tooltip.formatter([{ name: '李娜', seriesName: '单次拜访费用', value: 5_000 }])).toContain('¥50.00');
  });

  it('查看数据: reps down, each figure across written exactly', () => {
    const table = activityTable(
      '业务员',
      ['李娜', '王强'],
      [
        { name: '拜访次数', unit: 'count', values: [1234, 0] },
        { name: '日均拜访', unit: 'x100', values: [617, null] },
      ],
    );
    expect(table.columns.map((c) => [c.label, c.numeric])).toEqual([
      ['业务员', false],
      ['拜访次数', true],
      ['日均拜访', true],
    ]);
    expect(table.rows).toEqual([
      { c: '李娜', s0: '1,234', s1: '6.17' },
      { c: '王强', s0: '0', s1: '—' },
    ]);
  });
});

const periods = {
  kind: 'month' as const,
  current: { from: '2026-03-01', to: '2026-03-31' },
  lastYear: { from: '2025-03-01', to: '2025-03-31' },
  previous: { from: '2026-02-01', to: '2026-02-28' },
};

const repRow = (
  repId: number,
  repName: string,
  teamName: string | null,
  f: {
    visits: number;
    withOrder: number;
    days: number;
    sales: number;
    expenses: number;
    plans: [number, number];
    reports: [number, number];
  },
  ratios: [number | null, number | null, number | null, number | null, number | null],
) => ({
  repId,
  repName,
  teamName,
  visits: f.visits,
  visitsWithOrder: f.withOrder,
  attendedDays: f.days,
  salesFen: f.sales,
  expensesFen: f.expenses,
  visitsPerDayX100: ratios[0],
  revenuePerVisitFen: ratios[1],
  costPerVisitFen: ratios[2],
  ordersPer100VisitsX100: ratios[3],
  plansExpected: f.plans[0],
  plansOnTime: f.plans[1],
  reportsExpected: f.reports[0],
  reportsOnTime: f.reports[1],
  complianceBp: ratios[4],
});

const activity: Output<'analytics.activity'> = {
  periods,
  workingDays: 22,
  totals: {
    visits: 106,
    visitsWithOrder: 43,
    attendedDays: 40,
    visitsPerDayX100: 265,
    revenuePerVisitFen: 1_066_038,
    costPerVisitFen: 8_113,
    ordersPer100VisitsX100: 4057,
    complianceBp: 7875,
  },
  reps: [
    repRow(
      2,
      '李娜',
      '郑州一组',
      { visits: 40, withOrder: 10, days: 20, sales: 800_000_00, expenses: 2_000_00, plans: [20, 18], reports: [20, 20] },
      [200, 20_000_00, 5_000, 2500, 9500],
    ),
    repRow(
      3,
      '周明',
      '郑州一组',
      { visits: 66, withOrder: 33, days: 20, sales: 330_000_00, expenses: 6_600_00, plans: [20, 10], reports: [20, 15] },
      [330, 5_000_00, 10_000, 5000, 6250],
    ),
    repRow(4, '王强', null, { visits: 0, withOrder: 0, days: 0, sales: 0, expenses: 0, plans: [0, 0], reports: [0, 0] }, [
      null,
      null,
      null,
      null,
      null,
    ]),
  ],
};

describe('过程分析', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    Object.assign(dashboardChoice, initialChoice(new Date(2026, 2, 20)));
    charts.live.length = 0;
  });
  afterEach(unmountAll);

  const handlers = { 'analytics.activity': () => activity, 'productCategories.tree': () => [] };

  it(
    'the reps’ figures together and each metric per rep, ranked, with the overall line; 查看数据 with what it is made of',
    SLOW,
    async () => {
      const core = await mountAt('/analytics/activity', handlers, 'analytics-activity', 'manager');
      await vi.waitFor(() => expect(drawn('act-reportOnTime')).toBeTruthy());
      expect(core.of('analytics.activity')[0]!.input).toEqual({ period: { from: '2026-03-01', to: '2026-03-31' } });
      expect(text('[data-test="act-period"]')).toBe('2026-03-01 – 2026-03-31 · 工作日 22 天 · 业务员 3 人');
      expect(texts('[data-test="act-totals"] .value')).toEqual(['106', '40', '2.65', '¥10,660.38', '¥81.13', '40.57', '78.8%']);
      expect(text('[data-test="act-total-ordersPer100"]')).toContain('成单拜访 43 次');
      expect(text('[data-test="act-total-compliance"]')).toContain('计划 28/40 · 报告 35/40');

      const perDay = drawn('act-visitsPerDay');
      expect(perDay.yAxis.data).toEqual(['周明', '李娜', '王强']);
      expect(perDay.series[0].data).toEqual([330, 200, null]);
      expect(perDay.series[0].markLine.data[0].xAxis).toBe(265);
      expect(perDay.title.show).toBe(false); // the panel shows it
      expect(drawn('act-revenuePerVisit').series[0].data).toEqual([20_000_00, 5_000_00, null]);
      expect(drawn('act-costPerVisit').yAxis.data).toEqual(['周明', '李娜', '王强']);
      expect(drawn('act-ordersPer100').series[0].markLine.data[0].xAxis).toBe(4057);
      // on-time rates of plans and of reports from the core's counts, half up as the core rates compliance
      expect(drawn('act-planOnTime').series[0].data).toEqual([9000, 5000, null]);
      expect(drawn('act-planOnTime').series[0].markLine.data[0].xAxis).toBe(7000);
      expect(drawn('act-reportOnTime').series[0].data).toEqual([10000, 7500, null]);
      expect(drawn('act-reportOnTime').series[0].markLine.data[0].xAxis).toBe(8750);
      expect(drawn('act-planOnTime').xAxis.max).toBe(10000);

      (document.querySelector('[data-test="act-costPerVisit-toggle"]') as HTMLElement).click();
      await settle();
      expect(texts('[data-test="act-costPerVisit-data"] thead th')).toEqual(['业务员', '团队', '费用', '拜访次数', '单次拜访费用']);
      expect(tableRows('act-costPerVisit')).toEqual([
        ['周明', '郑州一组', '¥6,600.00', '66', '¥100.00'],
        ['李娜', '郑州一组', '¥2,000.00', '40', '¥50.00'],
        ['王强', '', '¥0.00', '0', '—'],
      ]);
    },
  );

  it('a metric no rep has (no visits yet) is an empty chart, not a column of names', SLOW, async () => {
    const idle = { ...activity, reps: activity.reps.map((r) => ({ ...r, revenuePerVisitFen: null })) };
    await mountAt('/analytics/activity', { ...handlers, 'analytics.activity': () => idle }, 'analytics-activity', 'manager');
    await vi.waitFor(() => expect(drawn('act-revenuePerVisit')).toBeTruthy());
    expect(drawn('act-revenuePerVisit').yAxis.data).toEqual([]);
    expect(text('[data-test="act-revenuePerVisit"]')).toContain('暂无数据');
    expect(drawn('act-visitsPerDay').yAxis.data).toHaveLength(3);
  });

  it('filters it cannot be narrowed by are neither shown nor sent; a filter change asks again', SLOW, async () => {
    Object.assign(dashboardChoice, { dealerId: 5, channelType: 'dealer', productCategoryId: 3, regionId: 7 });
    const core = await mountAt('/analytics/activity', handlers, 'analytics-activity', 'manager');
    await vi.waitFor(() => expect(core.of('analytics.activity')).toHaveLength(1));
    expect(core.of('analytics.activity')[0]!.input).toEqual({ period: { from: '2026-03-01', to: '2026-03-31' }, filters: { regionId: 7 } });
    expect(document.querySelector('[data-test="an-dealer"]')).toBeNull();
    expect(document.querySelector('[data-test="an-channel"]')).toBeNull();
    expect(document.querySelector('[data-test="an-category"]')).toBeNull();
    expect(document.querySelector('[data-test="an-rep"]')).not.toBeNull();
    const year = Array.from(document.querySelectorAll('[data-test="an-kind"] label')).find((l) => l.textContent?.trim() === '年');
    (year as HTMLElement).click();
    await vi.waitFor(() => expect(core.of('analytics.activity')).toHaveLength(2));
    expect(core.of('analytics.activity')[1]!.input).toEqual({ period: { from: '2026-01-01', to: '2026-12-31' }, filters: { regionId: 7 } });
    expect(core.rejected).toEqual([]);
  });

  it(
    'a rep’s bar opens their records of the period: daily reports for visits, visit plans for plan timeliness, expenses for cost, orders for revenue',
    SLOW,
    async () => {
      const app = await mountAt('/analytics/activity', handlers, 'analytics-activity', 'manager');
      await vi.waitFor(() => expect(drawn('act-reportOnTime')).toBeTruthy());
      chartOf('act-visitsPerDay').click!({ dataIndex: 0 }); // 周明, first by visits a day
      await vi.waitFor(() => expect(app.router.currentRoute.value.path).toBe('/daily-reports'), LIST);
      expect(app.router.currentRoute.value.query).toEqual({ repId: '3', from: '2026-03-01', to: '2026-03-31' });
      await app.router.push('/analytics/activity');
      await vi.waitFor(() => expect(document.querySelector('[data-test="analytics-activity"]')).not.toBeNull());
      await vi.waitFor(() => expect(drawn('act-planOnTime')).toBeTruthy());
      chartOf('act-planOnTime').click!({ dataIndex: 0 }); // 李娜, 90 %
      await vi.waitFor(() => expect(app.router.currentRoute.value.path).toBe('/visit-plans'), LIST);
      expect(app.router.currentRoute.value.query).toEqual({ repId: '2', from: '2026-03-01', to: '2026-03-31' });
      await app.router.push('/analytics/activity');
      await vi.waitFor(() => expect(document.querySelector('[data-test="analytics-activity"]')).not.toBeNull());
      await vi.waitFor(() => expect(drawn('act-costPerVisit')).toBeTruthy());
      chartOf('act-costPerVisit').click!({ dataIndex: 1 }); // 李娜, second by cost
      await vi.waitFor(() => expect(app.router.currentRoute.value.path).toBe('/expenses'), LIST);
      expect(app.router.currentRoute.value.query).toEqual({ repId: '2', from: '2026-03-01', to: '2026-03-31' });
      await app.router.push('/analytics/activity');
      await vi.waitFor(() => expect(document.querySelector('[data-test="analytics-activity"]')).not.toBeNull());
      await vi.waitFor(() => expect(drawn('act-revenuePerVisit')).toBeTruthy());
      chartOf('act-revenuePerVisit').click!({ dataIndex: 0 }); // 李娜, first by revenue a visit
      await vi.waitFor(() => expect(app.router.currentRoute.value.path).toBe('/orders'), LIST);
      expect(app.router.currentRoute.value.query).toEqual({ repId: '2', from: '2026-03-01', to: '2026-03-31', state: 'posted,reversed' });
    },
  );
});

const item = (over: Partial<Output<'analytics.exceptions'>['items'][number]>) => ({
  kind: 'noPlan' as const,
  target: 'rep' as const,
  targetId: 1,
  name: '',
  repId: null,
  repName: null,
  amountFen: null,
  days: null,
  date: null,
  detail: '',
  ...over,
});

const exceptions: Output<'analytics.exceptions'> = {
  date: '2026-03-05',
  thresholds: { notVisitedDays: 30, silentDays: 90, overdueDays: 60 },
  counts: [
    { kind: 'noPlan', count: 2 },
    { kind: 'noReport', count: 0 },
    { kind: 'unsignedForm', count: 1 },
    { kind: 'overCredit', count: 1 },
    { kind: 'longOverdue', count: 1 },
    { kind: 'behindTarget', count: 1 },
    { kind: 'abNotVisited', count: 250 },
    { kind: 'silentCustomer', count: 1 },
    { kind: 'channelConflict', count: 1 },
    { kind: 'complaintOverdue', count: 1 },
  ],
  items: [
    item({
      kind: 'noPlan',
      target: 'rep',
      targetId: 3,
      name: '张伟',
      repId: 3,
      repName: '张伟',
      date: '2026-03-05',
      detail: '2026-03-05 没有拜访计划',
    }),
    item({
      kind: 'noPlan',
      target: 'visitPlan',
      targetId: 41,
      name: '李娜',
      repId: 2,
      repName: '李娜',
      date: '2026-03-05',
      detail: '2026-03-05 拜访计划未提交（草稿）',
    }),
    item({
      kind: 'unsignedForm',
      target: 'dailyReport',
      targetId: 52,
      name: '周明',
      repId: 4,
      repName: '周明',
      date: '2026-03-03',
      days: 2,
      detail: '2026-03-03 销售报告已提交，待主管核签',
    }),
    item({
      kind: 'overCredit',
      target: 'customer',
      targetId: 12,
      name: '郑州恒达商贸有限公司',
      repId: 3,
      repName: '张伟',
      amountFen: 1_234_56,
      date: '2026-03-05',
      detail: '应收余额 ¥51,234.56 超过信用额度 ¥50,000.00',
    }),
    item({
      kind: 'longOverdue',
      target: 'customer',
      targetId: 13,
      name: '洛阳佳美超市',
      amountFen: 8_000_00,
      days: 75,
      date: '2025-12-20',
      detail: '逾期超过 60 天的应收 ¥8,000.00，最长逾期 75 天',
    }),
    item({
      kind: 'behindTarget',
      target: 'target',
      targetId: 88,
      name: '周明',
      repId: 4,
      repName: '周明',
      amountFen: 100_000_00,
      date: '2026-03-05',
      detail: '2026-03 销售额达成 10.0%，时间进度 20.0%，差 ¥100,000.00',
    }),
    ...Array.from({ length: 200 }, (_, i) =>
      item({
        kind: 'abNotVisited',
        target: 'customer',
        targetId: 1000 + i,
        name: `客户${i + 1}`,
        days: 200 - i,
        date: '2025-08-01',
        detail: `A 类客户，${200 - i} 天未拜访（上次 2025-08-01）`,
      }),
    ),
    item({
      kind: 'silentCustomer',
      target: 'customer',
      targetId: 14,
      name: '开封东方便利店',
      days: 95,
      date: '2025-11-30',
      detail: '95 天没有订单（最后一单 2025-11-30）',
    }),
    item({
      kind: 'channelConflict',
      target: 'channelConflict',
      targetId: 501,
      name: '郑州恒达商贸',
      amountFen: 3_000_00,
      date: '2026-03-01',
      days: 4,
      detail: 'XS-20260301-0007 发往授权区域外客户「洛阳佳美超市」',
    }),
    item({
      kind: 'complaintOverdue',
      target: 'complaint',
      targetId: 77,
      name: '开封东方便利店',
      days: 3,
      date: '2026-02-23',
      detail: 'KS-20260223-001 包装破损',
    }),
  ],
};

describe('异常预警', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });
  afterEach(unmountAll);

  const handlers = { 'analytics.exceptions': () => exceptions };
  const kindTab = (k: string) => texts(`[data-test="exc-kind-${k}"] span`).join(' ');
  const links = () => Array.from(document.querySelectorAll('[data-test="exc-table"] [data-test="exc-link"]')) as HTMLAnchorElement[];
  const hrefOf = (name: string) =>
    links()
      .find((a) => a.textContent!.trim() === name)
      ?.getAttribute('href');
  const bodyRows = () =>
    Array.from(document.querySelectorAll('[data-test="exc-table"] .el-table__body tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
    );

  it('today’s exceptions: a count per kind, every row linking to its record, 50 rows a page', SLOW, async () => {
    const core = await mountAt('/analytics/exceptions', handlers, 'analytics-exceptions', 'manager');
    await vi.waitFor(() => expect(document.querySelector('[data-test="exc-kinds"]')).not.toBeNull());
    expect(core.of('analytics.exceptions')[0]!.input).toEqual({ date: today() });
    expect(kindTab('all')).toBe('全部 259');
    expect(kindTab('noPlan')).toBe('未交计划 2');
    expect(kindTab('abNotVisited')).toBe('A/B客户未拜访 250');
    expect(document.querySelector('[data-test="exc-kind-noReport"]')!.classList.contains('zero')).toBe(true);
    expect(text('[data-test="exc-thresholds"]')).toBe('A/B 客户 30 天未拜访 · 90 天无订单为流失 · 逾期超过 60 天');
    expect(text('[data-test="exc-truncated"]')).toBe('A/B客户未拜访 共 250 条，列出最紧急的 200 条');
    // the first page: the core's order, kind, subject, rep, amount, days, date, the core's line
    const rows = bodyRows();
    expect(rows).toHaveLength(50);
    expect(rows[0]).toEqual(['未交计划', '张伟', '张伟', '', '', '2026-03-05', '2026-03-05 没有拜访计划']);
    expect(rows[3]).toEqual([
      '超信用额度',
      '郑州恒达商贸有限公司',
      '张伟',
      '¥1,234.56',
      '',
      '2026-03-05',
      '应收余额 ¥51,234.56 超过信用额度 ¥50,000.00',
    ]);
    expect(rows[4]!.slice(3, 6)).toEqual(['¥8,000.00', '75', '2025-12-20']);
    expect(hrefOf('张伟')).toBe('/visit-plans/edit?repId=3&date=2026-03-05'); // no plan: the rep's plan of that day
    expect(hrefOf('李娜')).toBe('/visit-plans/edit?repId=2&date=2026-03-05'); // the draft itself
    expect(hrefOf('周明')).toBe('/daily-reports/edit?repId=4&date=2026-03-03');
    expect(hrefOf('郑州恒达商贸有限公司')).toBe('/customers/12');
    expect(links()[5]!.getAttribute('href')).toBe('/targets/88');
    expect(document.querySelector('[data-test="exc-pager"]')).not.toBeNull();

    // one kind: its rows only
    (document.querySelector('[data-test="exc-kind-complaintOverdue"]') as HTMLElement).click();
    await settle();
    expect(bodyRows()).toEqual([['开封东方便利店', '', '', '3', '2026-02-23', 'KS-20260223-001 包装破损']]);
    expect(hrefOf('开封东方便利店')).toBe('/complaints?open=77');
    expect(document.querySelector('[data-test="exc-truncated"]')).toBeNull();
    (document.querySelector('[data-test="exc-kind-channelConflict"]') as HTMLElement).click();
    await settle();
    expect(hrefOf('郑州恒达商贸')).toBe('/orders/501'); // the 窜货 order
    (document.querySelector('[data-test="exc-kind-noReport"]') as HTMLElement).click();
    await settle();
    expect(text('[data-test="exc-table"]')).toContain('没有异常');
    (document.querySelector('[data-test="exc-kind-overCredit"]') as HTMLElement).click();
    await settle();
    links()[0]!.click(); // opens in the app, not as a page load
    await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe('/customers/12'), LIST);
  });

  it('another date asks for that day; 今天 goes back', SLOW, async () => {
    const core = await mountAt('/analytics/exceptions', handlers, 'analytics-exceptions', 'manager');
    await vi.waitFor(() => expect(core.of('analytics.exceptions')).toHaveLength(1));
    const picker = core.wrapper.findComponent(ElDatePicker);
    picker.vm.$emit('update:modelValue', '2025-02-26');
    picker.vm.$emit('change', '2025-02-26');
    await vi.waitFor(() => expect(core.of('analytics.exceptions')).toHaveLength(2));
    expect(core.of('analytics.exceptions')[1]!.input).toEqual({ date: '2025-02-26' });
    await settle();
    (document.querySelector('[data-test="exc-today"]') as HTMLElement).click();
    await vi.waitFor(() => expect(core.of('analytics.exceptions')).toHaveLength(3));
    expect(core.of('analytics.exceptions')[2]!.input).toEqual({ date: today() });
  });

  it('in English each line is built from the kind and the figures, keeping a record’s own text', SLOW, async () => {
    i18n.global.locale.value = 'en';
    await mountAt('/analytics/exceptions', handlers, 'analytics-exceptions', 'manager');
    await vi.waitFor(() => expect(document.querySelector('[data-test="exc-kinds"]')).not.toBeNull());
    const lines = texts('[data-test="exc-detail"]');
    expect(lines.slice(0, 7)).toEqual([
      'No visit plan for 2026-03-05',
      'Visit plan for 2026-03-05 not submitted (draft)',
      'Daily report of 2026-03-03 submitted, awaiting sign-off',
      'Balance over the credit limit by ¥1,234.56',
      'Overdue more than 60 days: ¥8,000.00; oldest 75 days',
      'Month target behind time progress; gap ¥100,000.00',
      'Not visited for 200 days (last 2025-08-01)',
    ]);
    (document.querySelector('[data-test="exc-kind-complaintOverdue"]') as HTMLElement).click();
    await settle();
    expect(bodyRows().map((r) => r.at(-1))).toEqual(['3 days past the answer time: KS-20260223-001 包装破损']);
    expect(kindTab('complaintOverdue')).toBe('Complaints past due 1');
  });
});

describe('the lists the dashboards link to, opened from the link', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });
  afterEach(unmountAll);

  const range = { from: '2026-03-01', to: '2026-03-31' };

  it('daily reports and visit plans on the rep and range of the link', SLOW, async () => {
    const empty = () => ({ rows: [], total: 0 });
    const core = await mountAt(
      '/daily-reports?repId=3&from=2026-03-01&to=2026-03-31',
      { 'dailyReports.list': empty, 'visitPlans.list': empty },
      'report-page',
      'manager',
    );
    await vi.waitFor(() => expect(core.of('dailyReports.list').length).toBeGreaterThan(0), LIST);
    expect(core.of('dailyReports.list').at(-1)!.input).toMatchObject({ repId: 3, ...range });
    await core.router.push('/visit-plans?repId=2&from=2026-03-01&to=2026-03-31');
    await vi.waitFor(() => expect(core.of('visitPlans.list').length).toBeGreaterThan(0), LIST);
    expect(core.of('visitPlans.list').at(-1)!.input).toMatchObject({ repId: 2, ...range });
    expect(core.rejected).toEqual([]);
  });

  it('expenses on the rep and range of the link', SLOW, async () => {
    const core = await mountAt(
      '/expenses?repId=3&from=2026-03-31&to=2026-03-01',
      { 'expenses.list': () => ({ rows: [], total: 0, sumFen: 0 }) },
      'expense-page',
      'manager',
    );
    await vi.waitFor(() => expect(core.of('expenses.list').length).toBeGreaterThan(0), LIST);
    expect(core.of('expenses.list').at(-1)!.input).toMatchObject({ repId: 3, ...range });
    expect(core.of('expenses.list').every((c) => (c.input as Rec).repId === 3)).toBe(true); // the first load already filtered
  });

  it('a complaint link opens that complaint over the list', SLOW, async () => {
    const complaint = {
      id: 77,
      code: 'KS-20260223-001',
      receivedDate: '2026-02-23',
      customerId: 14,
      customerName: '开封东方便利店',
      productId: null,
      productName: null,
      repId: 3,
      repName: '张伟',
      content: '包装破损',
      urgency: 'urgent',
      status: 'open',
      handler: '',
      response: '',
      handledDate: null,
      createdAt: '2026-02-23T08:00:00.000Z',
      updatedAt: '2026-02-23T08:00:00.000Z',
    };
    const core = await mountAt('/complaints?open=77', { 'complaints.get': () => complaint }, 'complaint-page', 'manager');
    await vi.waitFor(() => expect(document.querySelector('[data-test="complaint-details"]')).not.toBeNull(), LIST);
    expect(core.of('complaints.get')[0]!.input).toEqual({ id: 77 });
    expect(text('[data-test="complaint-details"]')).toContain('包装破损');
  });
});
