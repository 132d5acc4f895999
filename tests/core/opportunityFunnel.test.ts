// 销售漏斗 computed by hand for three opportunities: one won through every stage, one that skips two stages and is lost,
// one created past the first stage that goes back a stage and comes again (a revisit), still open.
//   A  identify 01-01 → contact 01-11 → needs 01-21 → won 02-10                           100.00 元
//   B  identify 01-05 → demo 01-15 (contact, needs passed over) → lost 01-25               200.00 元
//   C  contact 01-10 (identify passed over) → needs 01-20 → contact 01-30 → needs 02-09 → quote 02-19 (open)   300.00 元
// Entered (a passed-over stage counts once a later one is reached; a revisit counts once):
//   identify 3, contact 3, needs 3, demo 3 (C passed it reaching quote), quote 2 (A, C), negotiate 1 (A), won 1.
// Days (until the period's end 03-31, or today when earlier): identify A10 B10 → 10; contact A10, C 10+10 → 15;
//   needs A20, C 10+10 → 20; demo B10 → 10; quote C 40 (to 03-31) → 40; negotiate nobody stayed → null.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysInStages, funnelFigures, type FunnelOpportunity } from '../../electron/core/modules/opportunities/funnelMath';
import { fail, makeCore, ok, seed, steppingClock, type Seeded, type TestCore } from './helpers';

const A: FunnelOpportunity = {
  amountFen: 10_000,
  changes: [
    { toStage: 'identify', changedOn: '2025-01-01' },
    { toStage: 'contact', changedOn: '2025-01-11' },
    { toStage: 'needs', changedOn: '2025-01-21' },
    { toStage: 'won', changedOn: '2025-02-10' },
  ],
};
const B: FunnelOpportunity = {
  amountFen: 20_000,
  changes: [
    { toStage: 'identify', changedOn: '2025-01-05' },
    { toStage: 'demo', changedOn: '2025-01-15' },
    { toStage: 'lost', changedOn: '2025-01-25' },
  ],
};
const C: FunnelOpportunity = {
  amountFen: 30_000,
  changes: [
    { toStage: 'contact', changedOn: '2025-01-10' },
    { toStage: 'needs', changedOn: '2025-01-20' },
    { toStage: 'contact', changedOn: '2025-01-30' },
    { toStage: 'needs', changedOn: '2025-02-09' },
    { toStage: 'quote', changedOn: '2025-02-19' },
  ],
};

const expected = (quoteDays: number) => [
  { stage: 'identify', entered: 3, amountFen: 60_000, conversionBp: 10_000, avgDays: 10 },
  { stage: 'contact', entered: 3, amountFen: 60_000, conversionBp: 10_000, avgDays: 15 },
  { stage: 'needs', entered: 3, amountFen: 60_000, conversionBp: 10_000, avgDays: 20 },
  { stage: 'demo', entered: 3, amountFen: 60_000, conversionBp: 6667, avgDays: 10 },
  { stage: 'quote', entered: 2, amountFen: 40_000, conversionBp: 5000, avgDays: quoteDays },
  { stage: 'negotiate', entered: 1, amountFen: 10_000, conversionBp: 10_000, avgDays: null },
  { stage: 'won', entered: 1, amountFen: 10_000, conversionBp: null, avgDays: null },
];

describe('funnel arithmetic (pure)', () => {
  it('counts passed-over stages as entered, a revisit once, and days per stay', () => {
    expect(funnelFigures([A, B, C], '2025-03-31')).toEqual(expected(40));
  });

  it('days in stage: a revisited stage adds up, closed stages hold no days, the open one runs to the end given', () => {
    expect(Object.fromEntries(daysInStages(C.changes, '2025-03-01'))).toEqual({ contact: 20, needs: 20, quote: 10 });
    expect(Object.fromEntries(daysInStages(B.changes, '2025-03-01'))).toEqual({ identify: 10, demo: 10 });
  });

  it('a funnel of nobody has zeros and no ratios', () => {
    const empty = funnelFigures([], '2025-03-31');
    expect(empty.every((s) => s.entered === 0 && s.conversionBp === null && s.avgDays === null)).toBe(true);
  });
});

describe('pipeline.funnel through the core (the same three, entered with their dates)', () => {
  let core: TestCore;
  let s: Seeded;
  beforeEach(async () => {
    // today is 2025-04-15: the period's end (03-31) bounds the open stage
    core = makeCore(':memory:', { now: steppingClock('2025-04-15T02:00:00.000Z') });
    s = await seed(core);
  });
  afterEach(() => core.close());

  async function enter(title: string, amountFen: number, changes: FunnelOpportunity['changes'], customerId = s.customers.c2.id) {
    const [first, ...rest] = changes;
    const o = await ok(core, 'opportunities.save', {
      customerId,
      title,
      amountFen,
      expectedCloseDate: '2025-06-30',
      stage: first!.toStage,
      createdOn: first!.changedOn,
    });
    for (const c of rest) {
      await ok(core, 'opportunities.move', {
        id: o.id,
        stage: c.toStage,
        date: c.changedOn,
        ...(c.toStage === 'lost' ? { lostReason: 'price' as const } : {}),
      });
    }
    return o.id;
  }

  it('matches the hand computation, with win rate and cycle of those closed in the period', async () => {
    await enter('A', A.amountFen, A.changes);
    await enter('B', B.amountFen, B.changes);
    await enter('C', C.amountFen, C.changes);
    // created before the period: not in the cohort, but its close in the period counts for the win rate
    await enter('D', 50_000, [
      { toStage: 'identify', changedOn: '2024-12-20' },
      { toStage: 'lost', changedOn: '2025-01-02' },
    ]);
    const f = await ok(core, 'pipeline.funnel', { from: '2025-01-01', to: '2025-03-31' });
    expect(f.stages).toEqual(expected(40));
    expect(f.winRateBp).toBe(3333); // A won; B and D lost
    expect(f.avgCycleDays).toBe(40); // A: 01-01 → 02-10
    // a rep's funnel: li owns c2's opportunities; zhao's customer c1 has none
    const zhao = await ok(core, 'pipeline.funnel', { from: '2025-01-01', to: '2025-03-31', repId: s.reps.zhao.id });
    expect(zhao.stages.every((x) => x.entered === 0)).toBe(true);
    expect(zhao.winRateBp).toBeNull();
    // the region filter takes the customer's region subtree (c2 is in 鼓楼片区 under 江苏省)
    const jiangsu = await ok(core, 'pipeline.funnel', { from: '2025-01-01', to: '2025-03-31', regionId: s.regions.jiangsu.id });
    expect(jiangsu.stages[0]!.entered).toBe(3);
    const north = await ok(core, 'pipeline.funnel', { from: '2025-01-01', to: '2025-03-31', regionId: s.regions.north.id });
    expect(north.stages[0]!.entered).toBe(0);
  });

  it('weights the open ones expected in the coming three months (overdue ones in this month)', async () => {
    const open = async (title: string, amountFen: number, expectedCloseDate: string, probabilityBp?: number) =>
      ok(core, 'opportunities.save', {
        customerId: s.customers.c2.id,
        title,
        amountFen,
        expectedCloseDate,
        createdOn: '2025-03-01',
        ...(probabilityBp !== undefined ? { probabilityBp } : {}),
      });
    await open('late', 100_000, '2025-03-20'); // identify 10 % → 10,000 in April
    await open('april', 200_001, '2025-04-30', 3333); // 200,001 × 33.33 % = 66,660.33 → 66,660
    await open('june', 50_000, '2025-06-30', 5000); // 25,000
    await open('july', 90_000, '2025-07-01', 9000); // beyond the three months
    const f = await ok(core, 'pipeline.funnel', { from: '2025-01-01', to: '2025-12-31' });
    expect(f.byMonth.map((m) => [m.month, m.weightedFen, m.targetGapFen])).toEqual([
      ['2025-04', 76_660, null],
      ['2025-05', 0, null],
      ['2025-06', 25_000, null],
    ]);
    expect(f.weightedFen).toBe(101_660);
    // a rep's May target: the gap is the target less nothing sold yet; no target in April or June
    await ok(core, 'targets.save', { metric: 'sales', level: 'rep', unitId: s.reps.li.id, period: '2025-05', value: 1_000_000 });
    const li = await ok(core, 'pipeline.funnel', { from: '2025-01-01', to: '2025-12-31', repId: s.reps.li.id });
    expect(li.byMonth.map((m) => m.targetGapFen)).toEqual([null, 1_000_000, null]);
  });

  it('refuses a period ending before it starts', async () => {
    const err = await fail(core, 'pipeline.funnel', { from: '2025-03-01', to: '2025-02-01' });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'to' });
  });
});
