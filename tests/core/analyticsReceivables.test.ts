// 应收分析 analytics.receivables on documents posted through the real money flow (orders, collections): aging as of the
// period end, 回款率 and DSO worked out by hand in the comments, a region filter, refusals, and one more order.
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from './helpers';
import { moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
const feb = { from: '2025-02-01', to: '2025-02-28' };
const tea = (qty: number) => [{ productId: f.products.tea, qty, unitPriceFen: 1_000 }];

beforeEach(async () => {
  f = await moneyFixture();
  const { c1, c2, c3 } = f.s.customers;
  // c2 (李娜, 鼓楼, 30 days): 20000 on 01-10 due 02-09; c3 (李娜, 南京, 0 days): 5000 on 01-20 due 01-20
  await postedOrder(f.core, { customerId: c2.id, date: '2025-01-10', lines: tea(20) });
  await postedOrder(f.core, { customerId: c3.id, date: '2025-01-20', lines: tea(5) });
  // February: c2 pays 15000 on 02-05; c1 (北京) buys 30000 on 02-10 due 03-12; c3 pays 2000 on 02-15; c2 buys 10000 on 02-20
  await ok(f.core, 'collections.save', { customerId: c2.id, date: '2025-02-05', amountFen: 15_000, method: 'transfer' });
  await postedOrder(f.core, { customerId: c1.id, date: '2025-02-10', lines: tea(30) });
  await ok(f.core, 'collections.save', { customerId: c3.id, date: '2025-02-15', amountFen: 2_000, method: 'cash' });
  await postedOrder(f.core, { customerId: c2.id, date: '2025-02-20', lines: tea(10) });
});

const receivables = (filters?: Record<string, unknown>) =>
  ok(f.core, 'analytics.receivables', { period: feb, ...(filters ? { filters } : {}) });

describe('analytics.receivables', () => {
  it('aging, collection rate and DSO for the month', async () => {
    const out = await receivables();
    expect(out.asOf).toBe('2025-02-28');
    expect(out.bucketEdges).toEqual([30, 60, 90, 180]);
    // as of 02-28: c2's 5000 left of 01-10 is 19 days overdue, its 10000 not due; c3's 3000 39 days; c1's 30000 not due
    expect(out.totals).toEqual({ notDueFen: 40_000, bucketsFen: [5_000, 3_000, 0, 0, 0], totalFen: 48_000, overdueFen: 8_000 });
    const region = new Map(out.byRegion.map((r) => [r.name, r]));
    expect(region.get('华东')).toMatchObject({ notDueFen: 10_000, bucketsFen: [5_000, 3_000, 0, 0, 0], totalFen: 18_000 });
    expect(region.get('华北')).toMatchObject({ notDueFen: 30_000, totalFen: 30_000, overdueFen: 0 });
    expect(out.byRep.find((r) => r.name === '李娜')).toMatchObject({ totalFen: 18_000, overdueFen: 8_000 });
    // the same figures as receivables.aging
    const aging = await ok(f.core, 'receivables.aging', { asOf: '2025-02-28', groupBy: 'region' });
    expect(out.totals.totalFen).toBe(aging.totals.totalFen);

    // opening 25000 (01-31); sales 40000; collections 17000: 17000 / 65000 = 26.15 %
    // daily balances: 25000 × 4 + 10000 × 5 + 40000 × 5 + 38000 × 5 + 48000 × 9 = 972000; DSO = 972000 / 40000 = 24.3
    expect(out.trend).toEqual([
      {
        month: '2025-02',
        openingFen: 25_000,
        salesFen: 40_000,
        collectionsFen: 17_000,
        closingFen: 48_000,
        collectionRateBp: 2_615,
        dsoDays: 24,
      },
    ]);
    expect(out.collectionRateBp).toBe(2_615);
    expect(out.dsoDays).toBe(24);

    const { c2, c3 } = f.s.customers;
    expect(out.topOverdue.map((r) => [r.rank, r.customerId, r.overdueFen, r.totalFen, r.maxOverdueDays, r.repName])).toEqual([
      [1, c2.id, 5_000, 15_000, 19, '李娜'],
      [2, c3.id, 3_000, 3_000, 39, '李娜'],
    ]);
  });

  it('a region filter, a quarter of months, and the refused filters', async () => {
    // 华东: c2 and c3 only — opening 25000, sales 10000, collections 17000: 17000 / 35000 = 48.57 %;
    // daily 25000 × 4 + 10000 × 10 + 8000 × 5 + 18000 × 9 = 402000; DSO = 402000 / 10000 = 40.2
    const east = await receivables({ regionId: f.s.regions.east.id });
    expect(east.totals.totalFen).toBe(18_000);
    expect(east.trend[0]).toMatchObject({ openingFen: 25_000, salesFen: 10_000, collectionsFen: 17_000, closingFen: 18_000 });
    expect(east.collectionRateBp).toBe(4_857);
    expect(east.dsoDays).toBe(40);
    expect(east.byRegion.map((r) => r.name)).toEqual(['江苏省']);

    // 李娜's documents (c2 and c3): the same figures, the balance attributed as the aging attributes it
    const li = await receivables({ repId: f.s.reps.li.id });
    expect(li.totals.totalFen).toBe(18_000);
    expect(li.trend[0]).toMatchObject({ openingFen: 25_000, salesFen: 10_000, collectionsFen: 17_000, closingFen: 18_000 });
    expect(li.collectionRateBp).toBe(4_857);

    // 一组 (王强, 李娜): 李娜's documents again, by one aging call per rep of the team
    const team = await receivables({ teamId: f.s.teams.teamA.id });
    expect(team.totals).toEqual(li.totals);
    expect(team.byRep.map((r) => [r.name, r.totalFen])).toEqual([['李娜', 18_000]]);
    expect(team.byRegion.map((r) => [r.name, r.totalFen])).toEqual([['华东', 18_000]]);
    expect(team.trend[0]).toEqual(li.trend[0]);
    expect(team.topOverdue.map((r) => r.overdueFen)).toEqual([5_000, 3_000]);

    // Q1: January opens at 0 with 25000 of sales and nothing collected (rate 0); March has no documents
    const q1 = await ok(f.core, 'analytics.receivables', { period: { from: '2025-01-01', to: '2025-03-31' } });
    expect(q1.trend.map((m) => [m.month, m.openingFen, m.salesFen, m.collectionsFen, m.closingFen, m.collectionRateBp])).toEqual([
      ['2025-01', 0, 25_000, 0, 25_000, 0],
      ['2025-02', 25_000, 40_000, 17_000, 48_000, 2_615],
      ['2025-03', 48_000, 0, 0, 48_000, 0],
    ]);
    expect(q1.trend[2]!.dsoDays).toBeNull();
    // the quarter still runs on the office's 2025-03-01: as of today, March's days so far
    expect(q1.asOf).toBe('2025-03-01');
    // 17000 / (0 + 65000)
    expect(q1.collectionRateBp).toBe(2_615);

    expect((await fail(f.core, 'analytics.receivables', { period: feb, filters: { channelType: 'dealer' } })).field).toBe(
      'filters.channelType',
    );
    const category = await ok(f.core, 'productCategories.save', { name: '茶叶' });
    expect((await fail(f.core, 'analytics.receivables', { period: feb, filters: { productCategoryId: category.id } })).field).toBe(
      'filters.productCategoryId',
    );
  });

  it('one more order moves the receivables, the sales and the closing balance by exactly its amount', async () => {
    const before = await receivables();
    // c4 (no region, 30 days): 7000 on 02-25, due 03-27
    await postedOrder(f.core, { customerId: f.s.customers.c4.id, date: '2025-02-25', lines: tea(7) });
    const after = await receivables();
    expect(after.totals.totalFen - before.totals.totalFen).toBe(7_000);
    expect(after.totals.notDueFen - before.totals.notDueFen).toBe(7_000);
    expect(after.trend[0]!.salesFen - before.trend[0]!.salesFen).toBe(7_000);
    expect(after.trend[0]!.closingFen - before.trend[0]!.closingFen).toBe(7_000);
    expect(after.trend[0]!.openingFen).toBe(before.trend[0]!.openingFen);
    expect(after.byRegion.find((r) => r.name === '华东')).toEqual(before.byRegion.find((r) => r.name === '华东'));
    // 17000 / 72000; daily sum 972000 + 7000 × 4 = 1000000, / 47000 = 21.3
    expect(after.collectionRateBp).toBe(2_361);
    expect(after.dsoDays).toBe(21);
  });
});
