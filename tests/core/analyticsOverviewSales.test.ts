// 总览 and 销售分析 (issue 10): every figure of analytics.overview and analytics.sales checked against values worked
// out by hand from a small fixed set of documents (October 2025, with October 2024 and September 2025 to compare
// with), then one more posted order moves every figure that depends on it by exactly its amount.
//
// The documents (products: 干红 12,800 cost 7,333 in 葡萄酒 ⊂ 酒类; 啤酒 6,000 cost 4,100 in 啤酒 ⊂ 酒类; 龙井 333 cost
// 111 in 茶叶; c1 北京 王强's orders, c2 南京鼓楼 and c3 南京 李娜's, c3 through the 江苏 dealer with 0 days' terms):
//   2024-10-10 c1 王强 龙井 ×100 = 33,300 (cost 11,100); 2024-10-20 c1 collection 5,000
//   2025-09-20 c2 李娜 干红 ×1 = 12,800 (cost 7,333)
//   2025-10-09 c2 李娜 干红 ×2 = 25,600 (cost 14,666); 2025-10-10 c2 collection 20,000
//   2025-10-10 c3 李娜 dealer 啤酒 ×10 = 60,000 (cost 41,000); 2 returned 2025-10-14: −12,000 (cost 8,200)
//   2025-10-13 c1 王强 龙井 ×100 = 33,300 (cost 11,100); 2025-10-16 c1 collection 10,000
//   2025-10-14 c2 李娜 干红 ×1 = 12,800, reversed (红冲) on 2025-10-15
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import { actualsByUnit } from '../../electron/core/modules/targets/actuals';
import { scopeOf } from '../../electron/core/modules/analytics/filters';
import type { TargetLevel } from '../../shared/domain/targets';
import { ok, steppingClock, fail } from './helpers';
import { moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
const ids = { wine: 0, beer: 0, tea: 0, liquor: 0, wineCat: 0, beerCat: 0, teaCat: 0 };
const OCT = { from: '2025-10-01', to: '2025-10-31' };
const line = (productId: number, qty: number, unitPriceFen: number) => ({ productId, qty, unitPriceFen });

beforeAll(async () => {
  f = await moneyFixture();
  const { core, s } = f;
  core.ctx.now = steppingClock('2025-11-03T08:00:00.000Z');
  const { c1, c2, c3 } = s.customers;
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

  await postedOrder(core, { customerId: c1.id, repId: boss.id, date: '2024-10-10', lines: [line(ids.tea, 100, 333)] });
  await ok(core, 'collections.save', { customerId: c1.id, repId: boss.id, date: '2024-10-20', amountFen: 5_000, method: 'cash' });
  await postedOrder(core, { customerId: c2.id, repId: li.id, date: '2025-09-20', lines: [line(ids.wine, 1, 12_800)] });
  await postedOrder(core, { customerId: c2.id, repId: li.id, date: '2025-10-09', lines: [line(ids.wine, 2, 12_800)] });
  await ok(core, 'collections.save', { customerId: c2.id, repId: li.id, date: '2025-10-10', amountFen: 20_000, method: 'cash' });
  const o2 = await postedOrder(core, {
    customerId: c3.id,
    repId: li.id,
    dealerId: f.dealer,
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
  await postedOrder(core, { customerId: c1.id, repId: boss.id, date: '2025-10-13', lines: [line(ids.tea, 100, 333)] });
  await ok(core, 'collections.save', { customerId: c1.id, repId: boss.id, date: '2025-10-16', amountFen: 10_000, method: 'transfer' });
  const o4 = await postedOrder(core, { customerId: c2.id, repId: li.id, date: '2025-10-14', lines: [line(ids.wine, 1, 12_800)] });
  await ok(core, 'orders.reverse', { id: o4.id, date: '2025-10-15', reason: '录错' });
  // a draft counts nowhere
  await ok(core, 'orders.save', { customerId: c2.id, repId: li.id, date: '2025-10-09', lines: [line(ids.wine, 9, 12_800)] });
  // the company's October sales target
  await ok(core, 'targets.save', { metric: 'sales', level: 'company', period: '2025-10', value: 200_000 });
});

const overview = (input: Input<'analytics.overview'>) => ok(f.core, 'analytics.overview', input);
const sales = (input: Input<'analytics.sales'>) => ok(f.core, 'analytics.sales', input);

describe('analytics.overview', () => {
  it('gives October’s figures with 同比 (October 2024) and 环比 (September 2025)', async () => {
    const o = await overview({ period: OCT });
    expect(o.periods).toEqual({
      kind: 'month',
      current: OCT,
      lastYear: { from: '2024-10-01', to: '2024-10-31' },
      previous: { from: '2025-09-01', to: '2025-09-30' },
    });
    // 25,600 + 60,000 − 12,000 + 33,300 + 12,800 − 12,800
    expect(o.salesFen).toBe(106_900);
    // (73,600 / 33,300 = 2.210210…) and (94,100 / 12,800 = 7.3515625)
    expect(o.sales).toEqual({ value: 106_900, lastYear: 33_300, previous: 12_800, yoyBp: 22_102, momBp: 73_516 });
    // 10,934 + 19,000 − 3,800 + 22,200 + 0
    expect(o.grossProfitFen).toBe(48_334);
    expect(o.grossProfit).toEqual({ value: 48_334, lastYear: 22_200, previous: 5_467, yoyBp: 11_772, momBp: 78_410 });
    expect(o.grossMarginBp).toBe(4521);
    expect(o.collectionsFen).toBe(30_000);
    expect(o.collections).toEqual({ value: 30_000, lastYear: 5_000, previous: 0, yoyBp: 50_000, momBp: null });
    // c3's first order is October's; c2's was September's, c1's October 2024's
    expect(o.newCustomers).toBe(1);
    expect(o.newCustomersCompared).toEqual({ value: 1, lastYear: 1, previous: 1, yoyBp: 0, momBp: 0 });
  });

  it('takes receivables and overdue as of each period’s end', async () => {
    const o = await overview({ period: OCT });
    // 31 Oct 2025: c1 33,300 × 2 − 15,000 = 51,600, of which 2024's 18,300 overdue (due 2024-11-09);
    // c2 12,800 + 25,600 − 20,000 = 18,400, none overdue (Sep's item paid, Oct's due 11-08);
    // c3 60,000 − 12,000 = 48,000 due on its order day: all overdue
    expect(o.receivableFen).toBe(118_000);
    expect(o.overdueFen).toBe(66_300);
    // 31 Oct 2024: c1 28,300 not yet due; 30 Sep 2025: c1 28,300 overdue + c2 12,800 not due
    expect(o.receivable).toEqual({ value: 118_000, lastYear: 28_300, previous: 41_100, yoyBp: 31_696, momBp: 18_710 });
    expect(o.overdue).toEqual({ value: 66_300, lastYear: 0, previous: 28_300, yoyBp: null, momBp: 13_428 });
  });

  it('sets the target against time progress per metric', async () => {
    const o = await overview({ period: OCT });
    expect(o.targets.period).toBe('2025-10');
    expect(o.targets.asOf).toBe('2025-10-31');
    const s = o.targets.rows.find((r) => r.metric === 'sales')!;
    expect(s).toMatchObject({ target: 200_000, actual: 106_900, achievementBp: 5345, timeProgressBp: 10_000, gap: 93_100 });
    expect(s.status).toBe('behind');
    expect(o.targets.rows.find((r) => r.metric === 'collections')).toMatchObject({ actual: 30_000, status: 'noTarget' });
    // a range that is no month, quarter or year has no target
    const days = await overview({ period: { from: '2025-10-01', to: '2025-10-15' } });
    expect(days.targets.rows).toEqual([]);
    expect(days.periods.previous).toEqual({ from: '2025-09-16', to: '2025-09-30' });
  });

  it('gives a filtered unit the figures targets.tracking gives it', async () => {
    const { reps, teams } = f.s;
    await ok(f.core, 'targets.save', { metric: 'sales', level: 'rep', unitId: reps.li.id, period: '2025-10', value: 100_000 });
    const o = await overview({ period: OCT, filters: { teamId: teams.teamA.id, repId: reps.li.id } });
    const t = await ok(f.core, 'targets.tracking', { metric: 'sales', level: 'rep', period: '2025-10', asOf: '2025-10-31' });
    const li = t.rows.find((r) => r.unitId === reps.li.id)!;
    const { metric, unit, ...mine } = o.targets.rows.find((r) => r.metric === 'sales')!;
    expect([metric, unit]).toEqual(['sales', 'fen']);
    expect(mine).toEqual({
      target: 100_000,
      actual: 73_600,
      achievementBp: 7360,
      timeProgressBp: li.timeProgressBp,
      gap: 26_400,
      requiredPerDay: li.requiredPerDay,
      status: li.status,
    });
    expect([li.target, li.actual, li.achievementBp, li.gap]).toEqual([100_000, 73_600, 7360, 26_400]);
  });

  it('narrows every figure by the filters', async () => {
    const { regions, teams, reps } = f.s;
    const east = await overview({ period: OCT, filters: { regionId: regions.east.id } });
    expect([east.salesFen, east.collectionsFen, east.receivableFen, east.overdueFen, east.newCustomers]).toEqual([
      73_600, 20_000, 66_400, 48_000, 1,
    ]);
    const boss = await overview({ period: OCT, filters: { repId: reps.boss.id } });
    expect([boss.salesFen, boss.grossProfitFen, boss.collectionsFen, boss.receivableFen, boss.overdueFen]).toEqual([
      33_300, 22_200, 10_000, 51_600, 18_300,
    ]);
    const team = await overview({ period: OCT, filters: { teamId: teams.teamA.id } });
    expect([team.salesFen, team.receivableFen]).toEqual([106_900, 118_000]);
    const dealer = await overview({ period: OCT, filters: { channelType: 'dealer' } });
    expect([dealer.salesFen, dealer.grossProfitFen, dealer.collectionsFen, dealer.receivableFen]).toEqual([48_000, 15_200, 0, 48_000]);
    // a product category narrows sales and gross profit only
    const tea = await overview({ period: OCT, filters: { productCategoryId: ids.teaCat } });
    expect([tea.salesFen, tea.grossProfitFen, tea.collectionsFen, tea.receivableFen, tea.newCustomers]).toEqual([
      33_300,
      22_200,
      null,
      null,
      null,
    ]);
    expect(tea.collections).toBeNull();
  });

  it('refuses a filter naming nothing and a period backwards', async () => {
    const missing = await fail(f.core, 'analytics.overview', { period: OCT, filters: { regionId: 9999 } });
    expect(missing).toMatchObject({ code: 'REFERENCE', field: 'filters.regionId' });
    const backwards = await fail(f.core, 'analytics.overview', { period: { from: '2025-10-31', to: '2025-10-01' } });
    expect(backwards).toMatchObject({ code: 'VALIDATION', field: 'period.to' });
  });
});

type Sales = Output<'analytics.sales'>;

describe('analytics.sales', () => {
  let s: Sales;
  beforeAll(async () => {
    s = await sales({ period: OCT });
  });

  it('gives the monthly trend of the year against last year', () => {
    expect(s.monthlyTrend.year).toBe(2025);
    expect(s.monthlyTrend.months).toHaveLength(12);
    const m = Object.fromEntries(s.monthlyTrend.months.map((x) => [x.month, x]));
    expect(m['2025-09']).toEqual({ month: '2025-09', thisYearFen: 12_800, lastYearFen: 0, yoyBp: null });
    expect(m['2025-10']).toEqual({ month: '2025-10', thisYearFen: 106_900, lastYearFen: 33_300, yoyBp: 22_102 });
    expect(m['2025-01']!.thisYearFen).toBe(0);
    // after the period end there is nothing yet
    expect(m['2025-11']).toEqual({ month: '2025-11', thisYearFen: null, lastYearFen: 0, yoyBp: null });
  });

  it('splits by region, channel type, dealer and product category', () => {
    const { regions } = f.s;
    expect(s.byRegion.parentId).toBeNull();
    expect(s.byRegion.rows.map((r) => [r.id, r.salesFen, r.shareBp, r.lastYearFen, r.yoyBp, r.hasChildren])).toEqual([
      [regions.east.id, 73_600, 6885, 0, null, true],
      [regions.north.id, 33_300, 3115, 33_300, 0, true],
    ]);
    expect(s.byChannelType.map((r) => [r.channelType, r.salesFen, r.grossProfitFen])).toEqual([
      ['direct', 58_900, 33_134],
      ['dealer', 48_000, 15_200],
    ]);
    expect(s.byDealer.rows.map((r) => [r.dealerId, r.dealerName, r.salesFen])).toEqual([[f.dealer, '江苏恒信商贸有限公司', 48_000]]);
    expect([s.byDealer.othersFen, s.byDealer.othersCount, s.byDealer.directFen]).toEqual([0, 0, 58_900]);
    expect(s.byCategory.rows.map((r) => [r.name, r.salesFen, r.grossProfitFen, r.hasChildren])).toEqual([
      ['酒类', 73_600, 26_134, true],
      ['茶叶', 33_300, 22_200, false],
    ]);
  });

  it('drills into the filter’s children', async () => {
    const { regions } = f.s;
    const east = await sales({ period: OCT, filters: { regionId: regions.east.id } });
    expect(east.byRegion.parentId).toBe(regions.east.id);
    expect(east.byRegion.rows.map((r) => [r.name, r.salesFen])).toEqual([['江苏省', 73_600]]);
    const liquor = await sales({ period: OCT, filters: { productCategoryId: ids.liquor } });
    expect(liquor.salesFen).toBe(73_600);
    expect(liquor.byCategory.rows.map((r) => [r.name, r.salesFen])).toEqual([
      ['葡萄酒', 25_600],
      ['啤酒', 48_000],
    ]);
    expect(liquor.abc.rows.map((r) => r.productName)).toEqual(['啤酒', '干红']);
  });

  it('classes products A / B / C by their cumulative share', () => {
    // 啤酒 48,000 (44.90 %), 龙井 33,300 (to 76.05 %: it crosses 70 % so it is still A), 干红 25,600 (B)
    expect(s.abc.cutoffsBp).toEqual({ a: 7000, b: 9000 });
    expect(s.abc.rows.map((r) => [r.productName, r.salesFen, r.shareBp, r.cumulativeBp, r.abcClass])).toEqual([
      ['啤酒', 48_000, 4490, 4490, 'A'],
      ['龙井', 33_300, 3115, 7605, 'A'],
      ['干红', 25_600, 2395, 10_000, 'B'],
    ]);
    expect(s.abc.classes).toEqual([
      { abcClass: 'A', products: 2, salesFen: 81_300, shareBp: 7605 },
      { abcClass: 'B', products: 1, salesFen: 25_600, shareBp: 2395 },
      { abcClass: 'C', products: 0, salesFen: 0, shareBp: 0 },
    ]);
  });

  it('ranks the reps', () => {
    const { reps } = f.s;
    expect(s.repRanking.map((r) => [r.rank, r.repId, r.repName, r.teamName, r.salesFen, r.lastYearFen])).toEqual([
      [1, reps.li.id, '李娜', '一组', 73_600, 0],
      [2, reps.boss.id, '王强', '一组', 33_300, 33_300],
    ]);
  });
});

describe('the sales breakdowns and the tracking actuals', () => {
  it('agree for every level, with and without filters', async () => {
    const { regions, reps } = f.s;
    const filterSets: Array<Input<'analytics.sales'>['filters']> = [
      undefined,
      { regionId: regions.east.id },
      { repId: reps.li.id, channelType: 'dealer' },
      { productCategoryId: ids.liquor },
    ];
    for (const filters of filterSets) {
      const out = await sales({ period: OCT, filters });
      const scope = scopeOf(filters);
      const actual = (metric: 'sales' | 'grossProfit', level: TargetLevel, unitKeys?: string[]) =>
        Object.fromEntries(
          [...actualsByUnit(f.core.ctx, { metric, level, from: OCT.from, to: OCT.to, scope, unitKeys })].filter(([, v]) => v !== 0),
        );
      const mine = (rows: Array<{ key: string; salesFen: number }>) =>
        Object.fromEntries(rows.filter((r) => r.salesFen !== 0).map((r) => [r.key, r.salesFen]));
      const context = JSON.stringify(filters ?? {});
      expect(out.salesFen, context).toBe(actual('sales', 'company')[''] ?? 0);
      expect(out.grossProfitFen, context).toBe(actual('grossProfit', 'company')[''] ?? 0);
      expect(mine(out.repRanking.map((r) => ({ key: String(r.repId), ...r }))), context).toEqual(actual('sales', 'rep'));
      expect(mine(out.byDealer.rows.map((r) => ({ key: String(r.dealerId), ...r }))), context).toEqual(actual('sales', 'dealer'));
      expect(mine(out.byChannelType.map((r) => ({ key: r.channelType, ...r }))), context).toEqual(actual('sales', 'channelType'));
      const regionRows = out.byRegion.rows.filter((r) => r.id !== filters?.regionId && r.id !== 0);
      expect(mine(regionRows.map((r) => ({ key: String(r.id), ...r }))), context).toEqual(
        actual(
          'sales',
          'region',
          regionRows.map((r) => String(r.id)),
        ),
      );
      const categoryRows = out.byCategory.rows.filter((r) => r.id !== filters?.productCategoryId && r.id !== 0);
      expect(Object.fromEntries(categoryRows.map((r) => [String(r.id), r.grossProfitFen])), context).toEqual(
        actual(
          'grossProfit',
          'productCategory',
          categoryRows.map((r) => String(r.id)),
        ),
      );
    }
  });
});

describe('one more posted order', () => {
  it('moves every figure that depends on it by exactly its amount', async () => {
    const { reps, customers, regions } = f.s;
    const o0 = await overview({ period: OCT });
    const s0 = await sales({ period: OCT });
    const e0 = await overview({ period: OCT, filters: { regionId: regions.east.id } });
    // c4 (no region, no order before): 龙井 ×10 = 3,330, cost 1,110, due in 30 days
    await postedOrder(f.core, { customerId: customers.c4.id, repId: reps.boss.id, date: '2025-10-20', lines: [line(ids.tea, 10, 333)] });
    const o1 = await overview({ period: OCT });
    const s1 = await sales({ period: OCT });
    const e1 = await overview({ period: OCT, filters: { regionId: regions.east.id } });
    expect(o1.salesFen - o0.salesFen).toBe(3_330);
    expect(o1.grossProfitFen - o0.grossProfitFen).toBe(2_220);
    expect(o1.receivableFen! - o0.receivableFen!).toBe(3_330);
    expect(o1.overdueFen).toBe(o0.overdueFen);
    expect(o1.newCustomers! - o0.newCustomers!).toBe(1);
    expect(o1.collectionsFen).toBe(o0.collectionsFen);
    expect([o1.sales.lastYear, o1.sales.previous]).toEqual([o0.sales.lastYear, o0.sales.previous]);
    const target = (o: typeof o0) => o.targets.rows.find((r) => r.metric === 'sales')!;
    expect(target(o1).actual - target(o0).actual).toBe(3_330);
    expect(target(o0).gap - target(o1).gap).toBe(3_330);
    // the east is not touched
    expect(e1).toEqual(e0);

    expect(s1.salesFen - s0.salesFen).toBe(3_330);
    const oct = (x: Sales) => x.monthlyTrend.months.find((m) => m.month === '2025-10')!.thisYearFen!;
    expect(oct(s1) - oct(s0)).toBe(3_330);
    // c4 has no region: its sales show as 未分区域
    expect(s1.byRegion.rows.find((r) => r.id === 0)).toMatchObject({ name: '未分区域', salesFen: 3_330 });
    const direct = (x: Sales) => x.byChannelType.find((r) => r.channelType === 'direct')!.salesFen;
    expect(direct(s1) - direct(s0)).toBe(3_330);
    expect(s1.byDealer.directFen - s0.byDealer.directFen).toBe(3_330);
    const teaCat = (x: Sales) => x.byCategory.rows.find((r) => r.id === ids.teaCat)!.salesFen;
    expect(teaCat(s1) - teaCat(s0)).toBe(3_330);
    const tea = (x: Sales) => x.abc.rows.find((r) => r.productId === ids.tea)!.salesFen;
    expect(tea(s1) - tea(s0)).toBe(3_330);
    const boss = (x: Sales) => x.repRanking.find((r) => r.repId === reps.boss.id)!.salesFen;
    expect(boss(s1) - boss(s0)).toBe(3_330);
    const li = (x: Sales) => x.repRanking.find((r) => r.repId === reps.li.id)!.salesFen;
    expect(li(s1)).toBe(li(s0));
  });
});
