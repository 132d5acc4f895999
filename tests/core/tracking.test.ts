// 目标达成 (issue 9 §4): the actuals of every metric at every level from a small hand-built month of documents, and
// targets.tracking against the working-day time progress (October 2025: 18 working days; 6 elapsed on the 15th).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualsByUnit, dailyActuals, repPeriodActuals, type ScopeUnit } from '../../electron/core/modules/targets/actuals';
import { metricLevels } from '../../shared/contract/tracking';
import type { TargetLevel, TargetMetric } from '../../shared/domain/targets';
import { fail, ok, steppingClock } from './helpers';
import { moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
const ids = { wine: 0, beer: 0, tea: 0, liquor: 0, wineCat: 0, beerCat: 0, teaCat: 0 };

beforeAll(async () => {
  f = await moneyFixture();
  const { core, s } = f;
  // the office's clock in November: October's reports can be written
  core.ctx.now = steppingClock('2025-11-03T08:00:00.000Z');
  const { c1, c2, c3, c4 } = s.customers;
  const { li, boss } = s.reps;
  const cat = (name: string, parentId: number | null = null) => ok(core, 'productCategories.save', { name, parentId }).then((r) => r.id);
  ids.liquor = await cat('酒类');
  ids.wineCat = await cat('葡萄酒', ids.liquor);
  ids.beerCat = await cat('啤酒', ids.liquor);
  ids.teaCat = await cat('茶叶');
  const product = (sku: string, name: string, categoryId: number, listPriceFen: number, costFen: number) =>
    ok(core, 'products.save', { sku, name, categoryId, unit: '件', listPriceFen, costFen }).then((r) => r.id);
  ids.wine = await product('T-W', '干红', ids.wineCat, 12_800, 7_333);
  ids.beer = await product('T-B', '啤酒', ids.beerCat, 6_000, 4_100);
  ids.tea = await product('T-T', '龙井', ids.teaCat, 333, 111);
  const line = (productId: number, qty: number, unitPriceFen: number) => ({ productId, qty, unitPriceFen });

  // September: c2's first order (so c2 is not new in October)
  await postedOrder(core, { customerId: c2.id, repId: li.id, date: '2025-09-20', lines: [line(ids.wine, 1, 12_800)] });
  // O1 李娜 c2 10-09: 25,600 (cost 14,666)
  await postedOrder(core, { customerId: c2.id, repId: li.id, date: '2025-10-09', lines: [line(ids.wine, 2, 12_800)] });
  // O2 李娜 c3 10-10 through the dealer, cash: 60,000 (cost 41,000); 2 returned on 10-14: −12,000 (cost 8,200)
  const o2 = await postedOrder(core, {
    customerId: c3.id,
    repId: li.id,
    dealerId: f.dealer,
    settlement: 'cash',
    date: '2025-10-10',
    lines: [line(ids.beer, 10, 6_000)],
  });
  const o2Lines = await ok(core, 'orders.get', { id: o2.id });
  const ret = await ok(core, 'returns.save', {
    orderId: o2.id,
    date: '2025-10-14',
    lines: [{ orderLineId: o2Lines.lines[0]!.id, qty: 2 }],
  });
  await ok(core, 'returns.post', { id: ret.id });
  // O3 王强 c1 10-13: 33,300 (cost 11,100)
  await postedOrder(core, { customerId: c1.id, repId: boss.id, date: '2025-10-13', lines: [line(ids.tea, 100, 333)] });
  // O4 李娜 c2 10-14: 12,800, reversed 10-15 (the reversal row −12,800 dated 10-15)
  const o4 = await postedOrder(core, { customerId: c2.id, repId: li.id, date: '2025-10-14', lines: [line(ids.wine, 1, 12_800)] });
  await ok(core, 'orders.reverse', { id: o4.id, date: '2025-10-15', reason: '录错' });
  // O5 李娜 c3 10-20 (after the 15th): 6,000
  await postedOrder(core, { customerId: c3.id, repId: li.id, date: '2025-10-20', lines: [line(ids.beer, 1, 6_000)] });
  // O6 李娜 c4 10-09: 3,330 (cost 1,110), reversed only on 10-20: standing as of the 15th
  const o6 = await postedOrder(core, { customerId: c4.id, repId: li.id, date: '2025-10-09', lines: [line(ids.tea, 10, 333)] });
  await ok(core, 'orders.reverse', { id: o6.id, date: '2025-10-20', reason: '客户取消' });
  // a draft counts nowhere
  await ok(core, 'orders.save', { customerId: c2.id, repId: li.id, date: '2025-10-09', lines: [line(ids.wine, 9, 12_800)] });

  // collections: 李娜 c2 10-10 20,000; 李娜 c3 10-13 5,000 reversed 10-14; 王强 c1 10-16 10,000
  await ok(core, 'collections.save', { customerId: c2.id, repId: li.id, date: '2025-10-10', amountFen: 20_000, method: 'cash' });
  const k2 = await ok(core, 'collections.save', { customerId: c3.id, repId: li.id, date: '2025-10-13', amountFen: 5_000, method: 'cash' });
  await ok(core, 'collections.reverse', { id: k2.id, date: '2025-10-14', reason: '退票' });
  await ok(core, 'collections.save', { customerId: c1.id, repId: boss.id, date: '2025-10-16', amountFen: 10_000, method: 'transfer' });

  // visits: 李娜 10-13 submitted (c2, c3 done; c2 again not done); 李娜 10-14 a draft; 王强 10-14 submitted (c1 done);
  // 李娜 on leave 10-15 (her month has 17 working days)
  const visit = (customerId: number, done = true) => ({
    planLineId: null,
    customerId,
    done,
    outcome: done ? '拜访' : '',
    reason: done ? '' : '未见到',
  });
  const report = async (
    repId: number,
    date: string,
    lines: ReturnType<typeof visit>[],
    submit: boolean,
    attendance = 'present' as const,
  ) => {
    const r = await ok(core, 'dailyReports.save', { repId, date, attendance, lines });
    if (submit) await ok(core, 'dailyReports.submit', { id: r.id });
  };
  await report(li.id, '2025-10-13', [visit(c2.id), visit(c3.id), visit(c2.id, false)], true);
  await report(li.id, '2025-10-14', [visit(c2.id)], false);
  await report(boss.id, '2025-10-14', [visit(c1.id)], true);
  await ok(core, 'dailyReports.save', { repId: li.id, date: '2025-10-15', attendance: 'leave', lines: [] });

  // expenses: 李娜 10-09 3,000 (c2), 10-14 2,000 (no customer); 王强 10-20 1,000 (c1)
  await ok(core, 'expenses.save', { repId: li.id, date: '2025-10-09', category: 'travel', amountFen: 3_000, customerId: c2.id });
  await ok(core, 'expenses.save', { repId: li.id, date: '2025-10-14', category: 'entertainment', amountFen: 2_000 });
  await ok(core, 'expenses.save', { repId: boss.id, date: '2025-10-20', category: 'transport', amountFen: 1_000, customerId: c1.id });
});
afterAll(() => f.core.close());

const MID = { from: '2025-10-01', to: '2025-10-15' };
const END = { from: '2025-10-01', to: '2025-10-31' };

function actuals(metric: TargetMetric, level: TargetLevel, range = MID, scope?: ScopeUnit[]) {
  return Object.fromEntries(actualsByUnit(f.core.ctx, { metric, level, ...range, scope }));
}

describe('actualsByUnit: every metric at every level, as of the 15th (written out by hand)', () => {
  it('each metric and level', () => {
    const { s, dealer } = f;
    const { c1, c2, c3, c4 } = s.customers;
    const { li, boss } = s.reps;
    const { east, jiangsu, nanjing, gulou, north, beijing } = s.regions;
    const k = (id: number) => String(id);
    // sales: 李娜 25,600 + 60,000 − 12,000 + 12,800 − 12,800 + 3,330 = 76,930; 王强 33,300
    const expected: Record<TargetMetric, Partial<Record<TargetLevel, Record<string, number>>>> = {
      sales: {
        company: { '': 110_230 },
        region: {
          [k(east.id)]: 73_600,
          [k(jiangsu.id)]: 73_600,
          [k(nanjing.id)]: 73_600,
          [k(gulou.id)]: 25_600,
          [k(north.id)]: 33_300,
          [k(beijing.id)]: 33_300,
        },
        team: { [k(s.teams.teamA.id)]: 110_230 },
        rep: { [k(li.id)]: 76_930, [k(boss.id)]: 33_300 },
        customer: { [k(c1.id)]: 33_300, [k(c2.id)]: 25_600, [k(c3.id)]: 48_000, [k(c4.id)]: 3_330 },
        productCategory: { [k(ids.liquor)]: 73_600, [k(ids.wineCat)]: 25_600, [k(ids.beerCat)]: 48_000, [k(ids.teaCat)]: 36_630 },
        dealer: { [k(dealer)]: 48_000 },
        settlement: { cash: 48_000, credit: 62_230 },
        channelType: { dealer: 48_000, direct: 62_230 },
      },
      // 10,934 (O1) + 19,000 (O2) − 3,800 (return) + 0 (O4 and its reversal) + 2,220 (O6) = 28,354; 王强 22,200
      grossProfit: {
        company: { '': 50_554 },
        rep: { [k(li.id)]: 28_354, [k(boss.id)]: 22_200 },
        customer: { [k(c1.id)]: 22_200, [k(c2.id)]: 10_934, [k(c3.id)]: 15_200, [k(c4.id)]: 2_220 },
        productCategory: { [k(ids.liquor)]: 26_134, [k(ids.wineCat)]: 10_934, [k(ids.beerCat)]: 15_200, [k(ids.teaCat)]: 24_420 },
        settlement: { cash: 15_200, credit: 35_354 },
      },
      // c3 (O2, through the dealer, cash), c1 (O3), c4 (O6, still standing on the 15th); not c2 (September)
      newCustomers: {
        company: { '': 3 },
        region: { [k(east.id)]: 1, [k(jiangsu.id)]: 1, [k(nanjing.id)]: 1, [k(north.id)]: 1, [k(beijing.id)]: 1 },
        team: { [k(s.teams.teamA.id)]: 3 },
        rep: { [k(li.id)]: 2, [k(boss.id)]: 1 },
        customer: { [k(c1.id)]: 1, [k(c3.id)]: 1, [k(c4.id)]: 1 },
        dealer: { [k(dealer)]: 1 },
        settlement: { cash: 1, credit: 2 },
        channelType: { dealer: 1, direct: 2 },
      },
      // 20,000 + 5,000 − 5,000 (the reversal on the 14th); 王强's is on the 16th
      collections: {
        company: { '': 20_000 },
        region: { [k(east.id)]: 20_000, [k(jiangsu.id)]: 20_000, [k(nanjing.id)]: 20_000, [k(gulou.id)]: 20_000 },
        team: { [k(s.teams.teamA.id)]: 20_000 },
        rep: { [k(li.id)]: 20_000 },
        customer: { [k(c2.id)]: 20_000, [k(c3.id)]: 0 },
        // c2 and c3 have no serving dealer: direct
        dealer: {},
        channelType: { direct: 20_000 },
      },
      // submitted reports only: 李娜 2 (10-13), 王强 1 (10-14); the draft and the line not done do not count
      visits: {
        company: { '': 3 },
        region: {
          [k(east.id)]: 2,
          [k(jiangsu.id)]: 2,
          [k(nanjing.id)]: 2,
          [k(gulou.id)]: 1,
          [k(north.id)]: 1,
          [k(beijing.id)]: 1,
        },
        team: { [k(s.teams.teamA.id)]: 3 },
        rep: { [k(li.id)]: 2, [k(boss.id)]: 1 },
        customer: { [k(c1.id)]: 1, [k(c2.id)]: 1, [k(c3.id)]: 1 },
        channelType: { direct: 3 },
      },
      // 李娜 3,000 (c2) + 2,000 (no customer: no region, no channel); 王强's is on the 20th
      expenses: {
        company: { '': 5_000 },
        region: { [k(east.id)]: 3_000, [k(jiangsu.id)]: 3_000, [k(nanjing.id)]: 3_000, [k(gulou.id)]: 3_000 },
        rep: { [k(li.id)]: 5_000 },
        customer: { [k(c2.id)]: 3_000 },
        channelType: { direct: 3_000 },
      },
    };
    for (const [metric, byLevel] of Object.entries(expected) as Array<[TargetMetric, Record<string, Record<string, number>>]>) {
      for (const [level, values] of Object.entries(byLevel) as Array<[TargetLevel, Record<string, number>]>) {
        expect(actuals(metric, level), `${metric} by ${level}`).toEqual(values);
      }
    }
  });

  it('as of the month end: the later order, return-free reversal of O6 and the later collection and expense count', () => {
    const { li, boss } = f.s.reps;
    // + O5 6,000 − O6's reversal 3,330
    expect(actuals('sales', 'rep', END)).toEqual({ [li.id]: 79_600, [boss.id]: 33_300 });
    // c4's only order was reversed on the 20th: no longer a new customer
    expect(actuals('newCustomers', 'company', END)).toEqual({ '': 2 });
    expect(actuals('collections', 'rep', END)).toEqual({ [li.id]: 20_000, [boss.id]: 10_000 });
    expect(actuals('expenses', 'company', END)).toEqual({ '': 6_000 });
    // September alone: c2's first order
    expect(actuals('sales', 'company', { from: '2025-09-01', to: '2025-09-30' })).toEqual({ '': 12_800 });
    expect(actuals('newCustomers', 'customer', { from: '2025-09-01', to: '2025-09-30' })).toEqual({ [f.s.customers.c2.id]: 1 });
  });

  it('a scope ANDs the units above: 李娜 within 江苏 by customer, 酒类 by rep, unitKeys pick units', () => {
    const { s } = f;
    const li = String(s.reps.li.id);
    expect(
      actuals('sales', 'customer', MID, [
        { level: 'region', unitKey: String(s.regions.jiangsu.id) },
        { level: 'rep', unitKey: li },
      ]),
    ).toEqual({
      [s.customers.c2.id]: 25_600,
      [s.customers.c3.id]: 48_000,
    });
    expect(actuals('sales', 'rep', MID, [{ level: 'productCategory', unitKey: String(ids.liquor) }])).toEqual({ [li]: 73_600 });
    expect(actuals('sales', 'rep', MID, [{ level: 'channelType', unitKey: 'direct' }])).toEqual({ [li]: 28_930, [s.reps.boss.id]: 33_300 });
    expect(
      Object.fromEntries(actualsByUnit(f.core.ctx, { metric: 'sales', level: 'region', ...MID, unitKeys: [String(s.regions.nanjing.id)] })),
    ).toEqual({ [s.regions.nanjing.id]: 73_600 });
    // 李娜's days
    expect(Object.fromEntries(dailyActuals(f.core.ctx, { metric: 'sales', ...MID, scope: [{ level: 'rep', unitKey: li }] }))).toEqual({
      '2025-10-09': 28_930,
      '2025-10-10': 60_000,
      '2025-10-14': 800,
      '2025-10-15': -12_800,
    });
    expect(repPeriodActuals(f.core.ctx, MID.from, MID.to, [s.reps.li.id]).get(s.reps.li.id)).toEqual({
      sales: 76_930,
      collections: 20_000,
      grossProfit: 28_354,
      newCustomers: 2,
      visits: 2,
      expenses: 5_000,
    });
  });

  it('a metric that cannot reach a level is refused, naming both', () => {
    for (const metric of ['collections', 'visits', 'expenses'] as const) {
      expect(metricLevels[metric]).not.toContain('productCategory');
      expect(() => actuals(metric, 'productCategory')).toThrow(/不能按品种统计/);
    }
    expect(() => actuals('collections', 'settlement')).toThrow('层级：回款额不能按结算方式统计');
  });
});

/** A target row straight into the table (the targets module's own tests cover targets.save). */
function target(
  metric: TargetMetric,
  level: TargetLevel,
  unitKey: string,
  value: number,
  parentId: number | null = null,
  period = '2025-10',
) {
  const [from, to] = period === '2025-10' ? ['2025-10-01', '2025-10-31'] : ['2025-09-01', '2025-09-30'];
  const now = '2025-10-01T00:00:00.000Z';
  return Number(
    f.core.ctx.db
      .prepare(
        `insert into targets (metric, level, unit_key, period, period_kind, from_date, to_date, value, parent_id, split, created_at, updated_at)
         values (?, ?, ?, ?, 'month', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(metric, level, unitKey, period, from, to, value, parentId, parentId === null ? null : 'unit', now, now).lastInsertRowid,
  );
}

describe('targets.tracking', () => {
  const t = { company: 0, li: 0, boss: 0, c2: 0, c3: 0 };
  beforeAll(() => {
    const { s } = f;
    t.company = target('sales', 'company', '', 300_000);
    t.li = target('sales', 'rep', String(s.reps.li.id), 200_000, t.company);
    t.boss = target('sales', 'rep', String(s.reps.boss.id), 100_000, t.company);
    t.c2 = target('sales', 'customer', String(s.customers.c2.id), 50_000, t.li);
    t.c3 = target('sales', 'customer', String(s.customers.c3.id), 60_000, t.li);
  });

  it('all reps for October as of the 15th: achievement against the time progress (李娜 minus her leave), gap, run-rate, status, rank', async () => {
    const { s, core } = f;
    const res = await ok(core, 'targets.tracking', { metric: 'sales', level: 'rep', period: '2025-10', asOf: '2025-10-15' });
    expect(res).toMatchObject({
      unit: 'fen',
      from: '2025-10-01',
      to: '2025-10-31',
      workingDays: 18,
      workingDaysElapsed: 6,
      toleranceBp: 500,
    });
    expect(res.yearsWithoutSchedule).toEqual([]);
    expect(res.rows).toEqual([
      // 76,930 / 200,000 = 38.465% → 3847; her time progress 5/17 = 2941; 123,070 over 12 days left → 10,256
      {
        unitId: s.reps.li.id,
        name: '李娜',
        target: 200_000,
        actual: 76_930,
        achievementBp: 3847,
        timeProgressBp: 2941,
        gap: 123_070,
        requiredPerDay: 10_256,
        status: 'ahead',
        rank: 1,
        targetId: t.li,
      },
      // 33,300 / 100,000 = 3330 against 6/18 = 3333: 3 points behind, within 500 → on track; 66,700 / 12 → 5,559
      {
        unitId: s.reps.boss.id,
        name: '王强',
        target: 100_000,
        actual: 33_300,
        achievementBp: 3330,
        timeProgressBp: 3333,
        gap: 66_700,
        requiredPerDay: 5_559,
        status: 'onTrack',
        rank: 2,
        targetId: t.boss,
      },
    ]);
    expect(res.total).toEqual({
      name: '合计',
      target: 300_000,
      actual: 110_230,
      achievementBp: 3674,
      timeProgressBp: 3333,
      gap: 189_770,
      requiredPerDay: 15_815,
      status: 'ahead',
    });
  });

  it('as of the month end the later documents count; as of a past date they do not', async () => {
    const { s, core } = f;
    const end = await ok(core, 'targets.tracking', { metric: 'sales', level: 'rep', period: '2025-10', asOf: '2025-10-31' });
    expect(end.rows.map((r) => [r.name, r.actual, r.timeProgressBp, r.requiredPerDay])).toEqual([
      ['李娜', 79_600, 10_000, 0],
      ['王强', 33_300, 10_000, 0],
    ]);
    expect(end.workingDaysElapsed).toBe(18);
    // a later asOf than the period end reads only the period's documents
    const after = await ok(core, 'targets.tracking', { metric: 'sales', level: 'company', period: '2025-09', asOf: '2025-12-31' });
    expect(after.rows).toEqual([expect.objectContaining({ unitId: null, actual: 12_800, target: 0, status: 'noTarget', rank: null })]);
    const before = await ok(core, 'targets.tracking', { metric: 'newCustomers', level: 'customer', period: '2025-10', asOf: '2025-10-08' });
    expect(before.rows).toEqual([]);
    expect(before.workingDaysElapsed).toBe(0);
    void s;
  });

  it('the tolerance decides on track or behind, to the point (settings trackingToleranceBp)', async () => {
    const { core } = f;
    const boss = async () =>
      (await ok(core, 'targets.tracking', { metric: 'sales', level: 'rep', period: '2025-10', asOf: '2025-10-15' })).rows.find(
        (r) => r.name === '王强',
      )!;
    const setBoss = (value: number) => core.ctx.db.prepare('update targets set value = ? where id = ?').run(value, t.boss);
    setBoss(117_543); // 33,300 / 117,543 → 2833 = 3333 − 500
    expect(await boss()).toMatchObject({ achievementBp: 2833, status: 'onTrack' });
    setBoss(117_600); // → 2832
    expect(await boss()).toMatchObject({ achievementBp: 2832, status: 'behind' });
    await ok(core, 'settings.save', { trackingToleranceBp: 600 });
    expect((await ok(core, 'settings.get', {})).trackingToleranceBp).toBe(600);
    expect(await boss()).toMatchObject({ status: 'onTrack' });
    await ok(core, 'settings.save', { trackingToleranceBp: 500 });
    setBoss(100_000);
    expect(await fail(core, 'settings.save', { trackingToleranceBp: 10_001 })).toMatchObject({
      code: 'VALIDATION',
      field: 'trackingToleranceBp',
    });
  });

  it('drill-down: 李娜 → her customers (targets under her, and a customer with sales but none); a 0 target has no achievement', async () => {
    const { s, core } = f;
    const c4 = String(s.customers.c4.id);
    const down = await ok(core, 'targets.tracking', {
      metric: 'sales',
      level: 'customer',
      period: '2025-10',
      asOf: '2025-10-15',
      parentId: t.li,
    });
    expect(down.rows.map((r) => [r.name, r.target, r.actual, r.achievementBp, r.status, r.rank])).toEqual([
      ['张记烟酒行', 60_000, 48_000, 8000, 'ahead', 1],
      ['南京鼓楼便利店', 50_000, 25_600, 5120, 'ahead', 2],
      ['阿里山茶庄', 0, 3_330, null, 'noTarget', null],
    ]);
    // 李娜's own month beside her customers': her target, her sales, 123,070 still to do
    expect(down.scope).toEqual({
      level: 'rep',
      unitId: s.reps.li.id,
      name: '李娜',
      target: 200_000,
      actual: 76_930,
      achievementBp: 3847,
      timeProgressBp: 2941,
      gap: 123_070,
      requiredPerDay: 10_256,
      status: 'ahead',
      targetId: t.li,
    });
    // the same through the breadcrumb
    const within = await ok(core, 'targets.tracking', {
      metric: 'sales',
      level: 'customer',
      period: '2025-10',
      asOf: '2025-10-15',
      within: [{ level: 'rep', unitId: s.reps.li.id }],
    });
    expect(within.rows).toEqual(down.rows);
    const zero = target('sales', 'customer', c4, 0, t.li);
    const withZero = await ok(core, 'targets.tracking', {
      metric: 'sales',
      level: 'customer',
      period: '2025-10',
      asOf: '2025-10-15',
      parentId: t.li,
    });
    expect(withZero.rows.at(-1)).toMatchObject({
      name: '阿里山茶庄',
      target: 0,
      achievementBp: null,
      status: 'ahead',
      rank: 3,
      targetId: zero,
    });
    core.ctx.db.prepare('delete from targets where id = ?').run(zero);
  });

  it('regions: the top level without a scope, a region’s children within it', async () => {
    const { s, core } = f;
    const top = await ok(core, 'targets.tracking', { metric: 'sales', level: 'region', period: '2025-10', asOf: '2025-10-15' });
    expect(top.rows.map((r) => [r.name, r.actual])).toEqual([
      ['华东', 73_600],
      ['华北', 33_300],
    ]);
    const east = await ok(core, 'targets.tracking', {
      metric: 'sales',
      level: 'region',
      period: '2025-10',
      asOf: '2025-10-15',
      within: [{ level: 'region', unitId: s.regions.east.id }],
    });
    expect(east.rows.map((r) => [r.unitId, r.actual])).toEqual([[s.regions.jiangsu.id, 73_600]]);
    expect(east.total.actual).toBe(73_600);
    expect(east.scope).toMatchObject({ level: 'region', name: '华东', target: 0, actual: 73_600, status: 'noTarget', targetId: null });
    expect(top.scope).toBeNull();
  });

  it('the expense budget: lower is better, over budget is behind, the run-rate is what may still be spent', async () => {
    const { s, core } = f;
    const li = target('expenses', 'rep', String(s.reps.li.id), 10_000);
    target('expenses', 'rep', String(s.reps.boss.id), 3_000);
    const res = await ok(core, 'targets.tracking', { metric: 'expenses', level: 'rep', period: '2025-10', asOf: '2025-10-15' });
    // 王强 used nothing: first; 李娜 used 50% against her 29.41% time: more than 5 points ahead of time → behind
    expect(res.rows.map((r) => [r.name, r.actual, r.achievementBp, r.gap, r.requiredPerDay, r.status, r.rank])).toEqual([
      ['王强', 0, 0, 3_000, 250, 'ahead', 1],
      ['李娜', 5_000, 5000, 5_000, 416, 'behind', 2],
    ]);
    core.ctx.db.prepare('update targets set value = 4000 where id = ?').run(li);
    const over = await ok(core, 'targets.tracking', { metric: 'expenses', level: 'rep', period: '2025-10', asOf: '2025-10-15' });
    expect(over.rows.find((r) => r.name === '李娜')).toMatchObject({
      achievementBp: 12_500,
      gap: -1_000,
      requiredPerDay: 0,
      status: 'behind',
    });
    // the last day: what is left
    core.ctx.db.prepare('update targets set value = 5500 where id = ?').run(li);
    const fifteen = await ok(core, 'targets.tracking', { metric: 'expenses', level: 'rep', period: '2025-10', asOf: '2025-10-30' });
    expect(fifteen.rows.find((r) => r.name === '李娜')).toMatchObject({ gap: 500, requiredPerDay: 500, timeProgressBp: 9412 });
  });

  it('the daily report’s month to date carries the rep’s target line, as of the report’s date', async () => {
    const { s, core } = f;
    const report = await ok(core, 'dailyReports.get', { repId: s.reps.li.id, date: '2025-10-13' });
    // 25,600 + 60,000 + 3,330 by the 13th against 200,000; her time progress 4 of 17 working days
    expect(report!.monthToDate).toMatchObject({
      salesTargetFen: 200_000,
      salesActualFen: 88_930,
      achievementBp: 4447,
      timeProgressBp: 2353,
      targetStatus: 'ahead',
    });
  });

  it('a target the trees imply: the company’s October from reps’ quarters split by month, the quarter from its rows', async () => {
    const { s, core } = f;
    const db = core.ctx.db;
    const now = '2025-10-01T00:00:00.000Z';
    const row = (
      level: TargetLevel,
      unitKey: string,
      period: string,
      kind: string,
      from: string,
      to: string,
      value: number,
      parentId: number | null,
      split: string | null,
    ) =>
      Number(
        db
          .prepare(
            `insert into targets (metric, level, unit_key, period, period_kind, from_date, to_date, value, parent_id, split, created_at, updated_at)
             values ('collections', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(level, unitKey, period, kind, from, to, value, parentId, split, now, now).lastInsertRowid,
      );
    const q4 = row('company', '', '2025-Q4', 'quarter', '2025-10-01', '2025-12-31', 90_000, null, 'unit');
    const li = row('rep', String(s.reps.li.id), '2025-Q4', 'quarter', '2025-10-01', '2025-12-31', 60_000, q4, 'time');
    const boss = row('rep', String(s.reps.boss.id), '2025-Q4', 'quarter', '2025-10-01', '2025-12-31', 30_000, q4, 'time');
    row('rep', String(s.reps.li.id), '2025-10', 'month', '2025-10-01', '2025-10-31', 10_000, li, null);
    row('rep', String(s.reps.li.id), '2025-11', 'month', '2025-11-01', '2025-11-30', 20_000, li, null);
    row('rep', String(s.reps.li.id), '2025-12', 'month', '2025-12-01', '2025-12-31', 30_000, li, null);
    row('rep', String(s.reps.boss.id), '2025-10', 'month', '2025-10-01', '2025-10-31', 5_000, boss, null);
    row('rep', String(s.reps.boss.id), '2025-11', 'month', '2025-11-01', '2025-12-31', 25_000, boss, null); // Nov–Dec as one row
    const company = await ok(core, 'targets.tracking', { metric: 'collections', level: 'company', period: '2025-10', asOf: '2025-10-15' });
    expect(company.rows).toMatchObject([{ unitId: null, target: 15_000, targetId: null }]);
    const quarter = await ok(core, 'targets.tracking', { metric: 'collections', level: 'company', period: '2025-Q4', asOf: '2025-10-15' });
    expect(quarter.rows).toMatchObject([{ target: 90_000, targetId: q4 }]);
    const reps = await ok(core, 'targets.tracking', { metric: 'collections', level: 'rep', period: '2025-10', asOf: '2025-10-15' });
    expect(reps.rows.map((r) => [r.name, r.target, r.targetId !== null])).toEqual(
      expect.arrayContaining([
        ['李娜', 10_000, true],
        ['王强', 5_000, true],
      ]),
    );
    // boss's December alone is not in the tree (his November row covers two months): no company December, never pro-rated
    const december = await ok(core, 'targets.tracking', { metric: 'collections', level: 'company', period: '2025-12', asOf: '2025-10-15' });
    expect(december.rows).toMatchObject([{ target: 0, status: 'noTarget' }]);
  });

  it('bad input: a period that does not exist, a missing parent, a unit that does not exist, a metric the level cannot take', async () => {
    const { core } = f;
    const base = { metric: 'sales', level: 'rep', asOf: '2025-10-15' } as const;
    expect(await fail(core, 'targets.tracking', { ...base, period: '2025-13' })).toMatchObject({ code: 'VALIDATION', field: 'period' });
    expect(await fail(core, 'targets.tracking', { ...base, period: '2025-Q5' })).toMatchObject({ code: 'VALIDATION', field: 'period' });
    expect(await fail(core, 'targets.tracking', { ...base, period: '2025-W03' })).toMatchObject({ code: 'VALIDATION', field: 'period' });
    expect(await fail(core, 'targets.tracking', { ...base, period: '2025-10', parentId: 99_999 })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'parentId',
    });
    expect(
      await fail(core, 'targets.tracking', { ...base, period: '2025-10', within: [{ level: 'region', unitId: 99_999 }] }),
    ).toMatchObject({ code: 'REFERENCE', field: 'within.0.unitId' });
    expect(
      await fail(core, 'targets.tracking', { ...base, period: '2025-10', within: [{ level: 'settlement', unitId: 'direct' }] }),
    ).toMatchObject({ code: 'REFERENCE' });
    expect(await fail(core, 'targets.tracking', { ...base, metric: 'visits', level: 'productCategory', period: '2025-10' })).toMatchObject({
      code: 'VALIDATION',
      field: 'level',
      message: '层级：完成拜访数不能按品种统计',
    });
    expect(await fail(core, 'targets.tracking', { ...base, metric: 'collections', period: '2025-10', parentId: 1 })).toMatchObject({
      field: 'parentId',
    });
  });
});
