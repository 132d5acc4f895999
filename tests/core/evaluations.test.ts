// 业绩考核: every figure of a small hand-built October 2025 (18 working days: 国庆 1–8 off, 9/28 and 10/11 make-up days)
// checked against values worked out by hand in the comments, not by the code under test; scores, weights, rights.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationRow } from '../../shared/contract/evaluations';
import { addOperator, asOperator, digest, fail, makeCore, ok, steppingClock, type TestCore } from './helpers';
import { actualsByUnit } from '../../electron/core/modules/targets/actuals';
import type { TargetMetric } from '../../shared/domain/targets';

let core: TestCore;
const ids = {
  teamA: 0,
  teamB: 0,
  wang: 0, // 一组 supervisor (a rep of 一组)
  li: 0, // 一组 rep under evaluation
  zhou: 0, // 一组 rep with one big order and nothing else
  zhao: 0, // 二组 rep with a target of 0
  sun: 0, // 二组 supervisor
  c: {} as Record<string, number>,
};

/** An office-time timestamp (the machine's time zone, as the core reads 'localtime'), as the core stores it (UTC ISO). */
const local = (date: string, hh: number, mm = 0) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, hh, mm).toISOString();
};

let docNo = 0;
function order(o: {
  rep: number;
  customer: string;
  date: string;
  total: number;
  cost: number;
  state?: 'posted' | 'reversed' | 'draft';
  reversalOf?: number;
}): number {
  const at = '2025-12-01T00:00:00.000Z';
  return Number(
    core.ctx.db
      .prepare(
        `insert into orders (doc_no, customer_id, rep_id, date, due_date, subtotal_fen, total_fen, cost_fen, state, reversal_of_id, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `XS-${++docNo}`,
        ids.c[o.customer],
        o.rep,
        o.date,
        o.date,
        o.total,
        o.total,
        o.cost,
        o.state ?? 'posted',
        o.reversalOf ?? null,
        at,
        at,
      ).lastInsertRowid,
  );
}

/** A 红冲 of a posted order on `date`: the negative row, and the original marked reversed by it (as orders.reverse does). */
function reverse(id: number, date: string): number {
  const o = core.ctx.db.prepare('select customer_id as c, rep_id as r, total_fen as t, cost_fen as k from orders where id = ?').get(id) as {
    c: number;
    r: number;
    t: number;
    k: number;
  };
  const customer = Object.entries(ids.c).find(([, v]) => v === o.c)![0];
  const rid = order({ rep: o.r, customer, date, total: -o.t, cost: -o.k, reversalOf: id });
  core.ctx.db.prepare("update orders set state = 'reversed', reversed_by_id = ? where id = ?").run(rid, id);
  return rid;
}

function collection(rep: number, customer: string, date: string, fen: number, state = 'posted', reversalOf: number | null = null): number {
  return Number(
    core.ctx.db
      .prepare(
        `insert into collections (doc_no, customer_id, rep_id, date, amount_fen, method, state, reversal_of_id, created_at)
         values (?, ?, ?, ?, ?, 'cash', ?, ?, '2025-12-01T00:00:00.000Z')`,
      )
      .run(`SK-${++docNo}`, ids.c[customer], rep, date, fen, state, reversalOf).lastInsertRowid,
  );
}

function form(
  table: 'visit_plans' | 'daily_reports',
  rep: number,
  date: string,
  state: 'draft' | 'submitted' | 'signed',
  submittedAt: string | null,
  extra: { attendance?: string; lines?: Array<{ customer: string; done?: 0 | 1; orderFen?: number }> } = {},
) {
  const db = core.ctx.db;
  const at = '2025-12-01T00:00:00.000Z';
  const id = Number(
    table === 'visit_plans'
      ? db
          .prepare(`insert into visit_plans (rep_id, date, state, submitted_at, created_at, updated_at) values (?, ?, 'draft', ?, ?, ?)`)
          .run(rep, date, submittedAt, at, at).lastInsertRowid
      : db
          .prepare(
            `insert into daily_reports (rep_id, date, attendance, state, submitted_at, created_at, updated_at) values (?, ?, ?, 'draft', ?, ?, ?)`,
          )
          .run(rep, date, extra.attendance ?? 'present', submittedAt, at, at).lastInsertRowid,
  );
  (extra.lines ?? []).forEach((l, i) =>
    db
      .prepare(`insert into daily_report_lines (report_id, seq, customer_id, done, order_fen) values (?, ?, ?, ?, ?)`)
      .run(id, i + 1, ids.c[l.customer], l.done ?? 1, l.orderFen ?? 0),
  );
  if (state !== 'draft') db.prepare(`update ${table} set state = ? where id = ?`).run(state, id);
}

function target(metric: string, rep: number, period: string, from: string, to: string, value: number) {
  core.ctx.db
    .prepare(
      `insert into targets (metric, level, unit_key, period, period_kind, from_date, to_date, value, created_at, updated_at)
       values (?, 'rep', ?, ?, 'month', ?, ?, ?, '2025-09-01T00:00:00.000Z', '2025-09-01T00:00:00.000Z')`,
    )
    .run(metric, String(rep), period, from, to, value);
}

beforeEach(async () => {
  // the office's clock: January 2026, so October 2025 is a closed period
  core = makeCore(':memory:', { now: steppingClock('2026-01-10T04:00:00.000Z') });
  ids.teamA = (await ok(core, 'teams.save', { name: '一组' })).id;
  ids.teamB = (await ok(core, 'teams.save', { name: '二组' })).id;
  ids.wang = (await ok(core, 'reps.save', { name: '王强', code: 'R01', teamId: ids.teamA })).id;
  ids.li = (await ok(core, 'reps.save', { name: '李娜', code: 'R02', teamId: ids.teamA, supervisorId: ids.wang })).id;
  ids.zhou = (await ok(core, 'reps.save', { name: '周明', code: 'R03', teamId: ids.teamA })).id;
  ids.zhao = (await ok(core, 'reps.save', { name: '赵磊', code: 'R04', teamId: ids.teamB })).id;
  ids.sun = (await ok(core, 'reps.save', { name: '孙丽', code: 'R05', teamId: ids.teamB })).id;
  await ok(core, 'reps.save', { name: '钱旧', code: 'R09', teamId: ids.teamA, active: false });
  for (const c of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11']) {
    ids.c[c] = (await ok(core, 'customers.save', { name: `客户${c}` })).id;
  }

  // ---- 李娜 ----
  // history: c1 bought in May (so it is not new in October); c5 in June, c8 on 8/2 (exactly 90 days before 10/31 — outside
  // the last 90 days) — both lost; c6 on 2024-10-31 (outside the 12 months) — not lost; c7 in July but bought from 周明
  // in September — not lost; c9's only order reversed — not lost
  order({ rep: ids.li, customer: 'c1', date: '2025-05-10', total: 5000, cost: 3000 });
  order({ rep: ids.li, customer: 'c5', date: '2025-06-15', total: 5000, cost: 3000 });
  order({ rep: ids.li, customer: 'c8', date: '2025-08-02', total: 5000, cost: 3000 });
  order({ rep: ids.li, customer: 'c6', date: '2024-10-31', total: 5000, cost: 3000 });
  order({ rep: ids.li, customer: 'c7', date: '2025-07-01', total: 5000, cost: 3000 });
  order({ rep: ids.zhou, customer: 'c7', date: '2025-09-10', total: 5000, cost: 3000 });
  reverse(order({ rep: ids.li, customer: 'c9', date: '2025-06-01', total: 7000, cost: 4000 }), '2025-06-03');
  // October: O1 c1 10/9 1000.00 (cost 600.00); O2 c2 10/13 500.00 reversed on 10/15; O3 c3 10/13 800.00 (cost 500.00);
  // O4 c1 10/22 200.00 (cost 100.00); a draft for c4 that counts nowhere; a return of 100.00 (cost 60.00) on O3 on 10/25
  order({ rep: ids.li, customer: 'c1', date: '2025-10-09', total: 100000, cost: 60000 });
  reverse(order({ rep: ids.li, customer: 'c2', date: '2025-10-13', total: 50000, cost: 30000 }), '2025-10-15');
  const o3 = order({ rep: ids.li, customer: 'c3', date: '2025-10-13', total: 80000, cost: 50000 });
  order({ rep: ids.li, customer: 'c1', date: '2025-10-22', total: 20000, cost: 10000 });
  order({ rep: ids.li, customer: 'c4', date: '2025-10-23', total: 99999, cost: 1, state: 'draft' });
  const ret = (orderId: number, date: string, total: number, cost: number, state: string) =>
    core.ctx.db
      .prepare(
        `insert into returns (doc_no, order_id, customer_id, date, state, total_fen, cost_fen, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, '2025-12-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z')`,
      )
      .run(`TH-${++docNo}`, orderId, ids.c.c3, date, state, total, cost);
  ret(o3, '2025-10-25', 10000, 6000, 'posted');
  ret(o3, '2025-10-26', 30000, 20000, 'draft');
  // collections: 300.00 on 10/10; 200.00 on 10/12 reversed on 10/14; 500.00 on 11/1 (next period)
  collection(ids.li, 'c1', '2025-10-10', 30000);
  const k = collection(ids.li, 'c1', '2025-10-12', 20000, 'reversed');
  collection(ids.li, 'c1', '2025-10-14', -20000, 'posted', k);
  collection(ids.li, 'c1', '2025-11-01', 50000);
  // expenses: 15.00 + 25.00 in October, 99.99 in September
  const expense = (rep: number, date: string, fen: number) =>
    core.ctx.db
      .prepare(
        `insert into expenses (rep_id, date, category, amount_fen, created_at, updated_at) values (?, ?, 'travel', ?, '2025-12-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z')`,
      )
      .run(rep, date, fen);
  expense(ids.li, '2025-10-09', 1500);
  expense(ids.li, '2025-10-21', 2500);
  expense(ids.li, '2025-09-30', 9999);
  // reports: 10/9 signed (c1 done, the posted order that day counts; c2 done, no order; c4 not done); 10/13 submitted (c3
  // with an order amount; c2 whose order was reversed; c3 again: the same order is not credited twice); 10/22 draft (not
  // a report yet); 10/23 signed (c5 with a typed order amount, c6 without); 10/20 请假; 10/4 请假 on a holiday; 10/27 late
  form('daily_reports', ids.li, '2025-10-09', 'signed', local('2025-10-09', 20), {
    lines: [{ customer: 'c1' }, { customer: 'c2' }, { customer: 'c4', done: 0 }],
  });
  form('daily_reports', ids.li, '2025-10-13', 'submitted', local('2025-10-13', 21), {
    lines: [{ customer: 'c3', orderFen: 80000 }, { customer: 'c2' }, { customer: 'c3' }],
  });
  form('daily_reports', ids.li, '2025-10-22', 'draft', null, { lines: [{ customer: 'c1' }] });
  form('daily_reports', ids.li, '2025-10-23', 'signed', local('2025-10-24', 11, 59), {
    lines: [{ customer: 'c5', orderFen: 12000 }, { customer: 'c6' }],
  });
  form('daily_reports', ids.li, '2025-10-20', 'signed', local('2025-10-20', 18), { attendance: 'leave' });
  form('daily_reports', ids.li, '2025-10-04', 'signed', local('2025-10-04', 18), { attendance: 'leave' });
  form('daily_reports', ids.li, '2025-10-27', 'signed', local('2025-10-28', 12, 30));
  // plans: 10/9 on time; 10/10 after noon; 10/11 on time but not signed; 10/13 the day before; 10/20 (leave) and 10/4
  // (holiday) not expected; 10/14 a draft
  form('visit_plans', ids.li, '2025-10-09', 'signed', local('2025-10-09', 8));
  form('visit_plans', ids.li, '2025-10-10', 'signed', local('2025-10-10', 13));
  form('visit_plans', ids.li, '2025-10-11', 'submitted', local('2025-10-11', 9));
  form('visit_plans', ids.li, '2025-10-13', 'signed', local('2025-10-12', 18));
  form('visit_plans', ids.li, '2025-10-20', 'signed', local('2025-10-20', 8));
  form('visit_plans', ids.li, '2025-10-04', 'signed', local('2025-10-04', 8));
  form('visit_plans', ids.li, '2025-10-14', 'draft', null);
  target('sales', ids.li, '2025-10', '2025-10-01', '2025-10-31', 200000);
  target('collections', ids.li, '2025-10', '2025-10-01', '2025-10-31', 40000);

  // ---- 周明: c10's first order ever, 3,000.00 (cost 2,000.00); c11's first, 100.00 (cost 60.00) on 10/20, reversed
  // on 11/5 — it stood at the end of October, so October counts it (November carries the 红冲) ----
  order({ rep: ids.zhou, customer: 'c10', date: '2025-10-15', total: 300000, cost: 200000 });
  reverse(order({ rep: ids.zhou, customer: 'c11', date: '2025-10-20', total: 10000, cost: 6000 }), '2025-11-05');
  // ---- 赵磊: a sales target of 0 ----
  target('sales', ids.zhao, '2025-10', '2025-10-01', '2025-10-31', 0);

  addOperator(core, { name: '王主管', role: 'supervisor', password: 'wang-pw', repId: ids.wang });
  addOperator(core, { name: '孙主管', role: 'supervisor', password: 'sun-pw', repId: ids.sun });
  addOperator(core, { name: '文员', role: 'clerk', password: 'clerk-pw' });
});
afterEach(() => core.close());

const row = (rows: EvaluationRow[], repId: number) => rows.find((r) => r.repId === repId)!;

describe('evaluation figures', () => {
  it('李娜 for October 2025, every figure as worked out by hand', async () => {
    const wang = await asOperator(core, '王主管', 'wang-pw');
    await ok(wang, 'evaluations.saveScores', {
      repId: ids.li,
      period: '2025-10',
      cooperation: 4,
      enthusiasm: 5,
      responsibility: 3,
      comment: '积极主动',
    });
    const e = await ok(core, 'evaluations.get', { repId: ids.li, period: '2025-10' });
    expect(e).toMatchObject({
      repName: '李娜',
      teamName: '一组',
      period: '2025-10',
      from: '2025-10-01',
      to: '2025-10-31',
      countedTo: '2025-10-31',
      // 100000 + 50000 − 50000 + 80000 + 20000 − 10000 (return)
      salesFen: 190000,
      // 40000 + 20000 − 20000 + 30000 + 10000 − 4000
      grossProfitFen: 76000,
      // 30000 + 20000 − 20000
      collectionsFen: 30000,
      expensesFen: 4000,
      // c1 and c3 (c2's only order reversed, c4's a draft)
      customerCount: 2,
      // c3 (c1 bought in May)
      newCustomers: 1,
      // c5 and c8
      lostCustomers: 2,
      lostCustomerDays: 90,
      // 10/9: 2, 10/13: 3, 10/23: 2
      visits: 7,
      // 10/9 c1 (posted order that day), 10/13 the first c3 line (amount), 10/23 c5 (amount)
      visitsWithOrder: 3,
      workingDays: 18,
      leaveDays: 1,
      attendedDays: 17,
      // 7 / 17 = 0.4118 → 41 hundredths
      visitsPerDayX100: 41,
      // 190000 / 7 = 27142.86
      revenuePerVisitFen: 27143,
      // 4000 / 7 = 571.43
      costPerVisitFen: 571,
      // 3 / 7 × 100 = 42.857 per 100 visits → 4286 hundredths
      ordersPer100VisitsX100: 4286,
      // 4000 / 190000 = 2.105 %
      expenseRatioBp: 211,
      salesTargetFen: 200000,
      achievementBp: 9500,
      collectionsTargetFen: 40000,
      collectionsAchievementBp: 7500,
      compliance: {
        plansExpected: 17,
        // 10/9, 10/10, 10/11, 10/13
        plansSubmitted: 4,
        // 10/9, 10/13
        plansOnTime: 2,
        reportsExpected: 17,
        // 10/9, 10/13, 10/23, 10/27
        reportsSubmitted: 4,
        // 10/9, 10/23 (11:59 the next day)
        reportsOnTime: 2,
        // 4 / 34
        complianceBp: 1176,
      },
      scores: { cooperation: 4, enthusiasm: 5, responsibility: 3, comment: '积极主动', scoredByName: '王主管' },
      // (9500×3000 + 7500×2000 + 683×1000 + 1176×1000 + 8000×1000 + 10000×1000 + 6000×1000) / 10000 = 6935.9
      totalScoreBp: 6936,
      teamRank: 1,
      teamSize: 3,
      rank: 1,
    });
    expect(Object.fromEntries(e.components.map((c) => [c.key, [c.weightBp, c.actual, c.rateBp, c.pointsBp]]))).toEqual({
      salesAchievement: [3000, 9500, 9500, 2850],
      collectionsAchievement: [2000, 7500, 7500, 1500],
      // 41 / 600 of the standard 6 a day = 6.83 %
      visitsPerDay: [1000, 41, 683, 68],
      reportCompliance: [1000, 1176, 1176, 118],
      cooperation: [1000, 4, 8000, 800],
      enthusiasm: [1000, 5, 10000, 1000],
      responsibility: [1000, 3, 6000, 600],
    });
  });

  it('the list: every active rep, unrated components left out of the total, rankings in the team and overall', async () => {
    const sun = await asOperator(core, '孙主管', 'sun-pw');
    await ok(sun, 'evaluations.saveScores', { repId: ids.zhao, period: '2025-10', cooperation: 5, enthusiasm: 5, responsibility: 5 });
    await ok(core, 'evaluations.saveScores', { repId: ids.li, period: '2025-10', cooperation: 4, enthusiasm: 5, responsibility: 3 });
    const list = await ok(core, 'evaluations.list', { period: '2025-10' });
    // the inactive rep is not listed; by team, then rank
    expect(list.rows.map((r) => r.repName)).toEqual(['李娜', '王强', '周明', '赵磊', '孙丽']);
    const zhou = row(list.rows, ids.zhou);
    expect(zhou).toMatchObject({
      // 300000 + 10000 (reversed only in November)
      salesFen: 310000,
      grossProfitFen: 104000,
      // c10 and c11
      customerCount: 2,
      newCustomers: 2,
      // c7 bought from him on 9/10, within the last 90 days
      lostCustomers: 0,
      visits: 0,
      attendedDays: 18,
      visitsPerDayX100: 0,
      revenuePerVisitFen: null,
      costPerVisitFen: null,
      ordersPer100VisitsX100: null,
      expenseRatioBp: 0,
      salesTargetFen: null,
      achievementBp: null,
      compliance: { plansExpected: 18, reportsExpected: 18, complianceBp: 0 },
      scores: null,
      // only 日均拜访 (0) and 报表合规率 (0) can be rated
      totalScoreBp: 0,
    });
    const zhao = row(list.rows, ids.zhao);
    // a target of 0: the target shows, the achievement is — and not rated; (0×1000 + 0×1000 + 3 × 10000×1000) / 5000
    expect(zhao).toMatchObject({ salesTargetFen: 0, achievementBp: null, totalScoreBp: 6000, teamRank: 1, teamSize: 2, rank: 2 });
    // 一组: 李娜 6936, 周明 0 and 王强 0 share rank 2; overall 李娜 1, 赵磊 2, the three with 0 share 3
    expect(list.rows.map((r) => [r.repName, r.totalScoreBp, r.teamRank, r.rank])).toEqual([
      ['李娜', 6936, 1, 1],
      ['王强', 0, 2, 3],
      ['周明', 0, 2, 3],
      ['赵磊', 6000, 1, 2],
      ['孙丽', 0, 2, 3],
    ]);
    const teamB = await ok(core, 'evaluations.list', { period: '2025-10', teamId: ids.teamB });
    expect(teamB.rows.map((r) => [r.repName, r.rank])).toEqual([
      ['赵磊', 2],
      ['孙丽', 3],
    ]);
  });

  it('a quarter sums its months; a period still running counts working days up to today', async () => {
    const q = await ok(core, 'evaluations.get', { repId: ids.li, period: '2025-Q4' });
    // October's 190000 + the November collection does not count as sales; 500.00 collected on 11/1
    expect(q).toMatchObject({ from: '2025-10-01', to: '2025-12-31', salesFen: 190000, collectionsFen: 80000, salesTargetFen: null });
    // Q4 2025: October 18 + November 20 + December 23 working days
    expect(q.workingDays).toBe(61);
    const running = makeCore(':memory:', { now: steppingClock('2025-10-15T12:00:00.000Z') });
    try {
      const rep = await ok(running, 'reps.save', { name: '新人' });
      const e = await ok(running, 'evaluations.get', { repId: rep.id, period: '2025-10' });
      // 10/9, 10/10, 10/11, 10/13, 10/14, 10/15
      expect(e).toMatchObject({ countedTo: '2025-10-15', workingDays: 6, attendedDays: 6 });
    } finally {
      running.close();
    }
  });

  it('weights: saved by a manager, change the total; a sum other than 100 % is refused and nothing changes', async () => {
    await ok(core, 'evaluations.saveScores', { repId: ids.li, period: '2025-10', cooperation: 4, enthusiasm: 5, responsibility: 3 });
    const weights = {
      salesAchievement: 5000,
      collectionsAchievement: 0,
      visitsPerDay: 0,
      reportCompliance: 2000,
      cooperation: 1000,
      enthusiasm: 1000,
      responsibility: 1000,
    };
    await ok(core, 'evaluations.saveWeights', { weights, standardVisitsPerDayX100: 500, lostCustomerDays: 60 });
    const e = await ok(core, 'evaluations.get', { repId: ids.li, period: '2025-10' });
    // (9500×5000 + 1176×2000 + 8000×1000 + 10000×1000 + 6000×1000) / 10000 = 7385.2
    expect(e.totalScoreBp).toBe(7385);
    // N = 60: lost means no order after 9/1 — c5 (6/15) and c8 (8/2) still; c7 bought 9/10
    expect(e).toMatchObject({ lostCustomers: 2, lostCustomerDays: 60 });
    expect(e.components.find((c) => c.key === 'visitsPerDay')).toMatchObject({ weightBp: 0, rateBp: 820, pointsBp: null });
    const before = digest(core.ctx.db);
    const err = await fail(core, 'evaluations.saveWeights', {
      weights: { ...weights, salesAchievement: 4000 },
      standardVisitsPerDayX100: 500,
      lostCustomerDays: 60,
    });
    expect(err.message).toContain('合计应为 100%');
    expect(digest(core.ctx.db)).toBe(before);
    const sun = await asOperator(core, '孙主管', 'sun-pw');
    expect((await fail(sun, 'evaluations.saveWeights', { weights, standardVisitsPerDayX100: 500, lostCustomerDays: 60 })).code).toBe(
      'FORBIDDEN',
    );
    expect(await ok(sun, 'evaluations.weights', {})).toMatchObject({ weights, standardVisitsPerDayX100: 500, lostCustomerDays: 60 });
  });
});

describe('the same figures as 目标达成', () => {
  it('sales, gross profit, collections, expenses, new customers and visits agree with actualsByUnit for every rep', async () => {
    for (const period of ['2025-10', '2025-11', '2025-Q4']) {
      const { rows, from, to } = await ok(core, 'evaluations.list', { period });
      const fields = {
        sales: 'salesFen',
        grossProfit: 'grossProfitFen',
        collections: 'collectionsFen',
        expenses: 'expensesFen',
        newCustomers: 'newCustomers',
        visits: 'visits',
      } as const;
      for (const [metric, field] of Object.entries(fields)) {
        const actual = actualsByUnit(core.ctx, { metric: metric as TargetMetric, level: 'rep', from, to });
        for (const r of rows) expect(r[field], `${period} ${metric} ${r.repName}`).toBe(actual.get(String(r.repId)) ?? 0);
      }
    }
    // November: 周明's 红冲 of c11 (−100.00)
    const nov = await ok(core, 'evaluations.get', { repId: ids.zhou, period: '2025-11' });
    expect(nov).toMatchObject({ salesFen: -10000, grossProfitFen: -4000, customerCount: 0, newCustomers: 0 });
  });
});

describe('scores', () => {
  it('out of 1–5, or a bad period: a Chinese message naming the field, nothing written', async () => {
    const before = digest(core.ctx.db);
    for (const [field, value] of [
      ['cooperation', 6],
      ['enthusiasm', 0],
      ['responsibility', 2.5],
    ] as const) {
      const err = await fail(core, 'evaluations.saveScores', {
        repId: ids.li,
        period: '2025-10',
        cooperation: 3,
        enthusiasm: 3,
        responsibility: 3,
        [field]: value,
      });
      expect(err.code).toBe('VALIDATION');
      expect(err.field).toBe(field);
      expect(err.message).toMatch(/^(合作精神|工作热情|责任感).*1–5/);
    }
    for (const period of ['2025-13', '2025-Q5', '2025']) {
      const err = await fail(core, 'evaluations.saveScores', { repId: ids.li, period, cooperation: 3, enthusiasm: 3, responsibility: 3 });
      expect(err.message).toContain('期间');
    }
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('a supervisor scores only the reps of their own team, never themselves; a clerk not at all; a manager anyone; audited', async () => {
    const scores = { period: '2025-10', cooperation: 3, enthusiasm: 3, responsibility: 3 };
    const wang = await asOperator(core, '王主管', 'wang-pw');
    const sun = await asOperator(core, '孙主管', 'sun-pw');
    const clerk = await asOperator(core, '文员', 'clerk-pw');
    const before = digest(core.ctx.db);
    const other = await fail(sun, 'evaluations.saveScores', { repId: ids.li, ...scores });
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: '业务员「李娜」不属于您的团队，不能评分' });
    expect((await fail(wang, 'evaluations.saveScores', { repId: ids.wang, ...scores })).message).toContain('不能给自己评分');
    expect((await fail(clerk, 'evaluations.saveScores', { repId: ids.li, ...scores })).code).toBe('FORBIDDEN');
    expect(digest(core.ctx.db)).toBe(before);
    await ok(wang, 'evaluations.saveScores', { repId: ids.zhou, ...scores });
    await ok(core, 'evaluations.saveScores', { repId: ids.zhou, ...scores, cooperation: 5, comment: '改评' });
    const e = await ok(core, 'evaluations.get', { repId: ids.zhou, period: '2025-10' });
    expect(e.scores).toMatchObject({ cooperation: 5, comment: '改评', scoredByName: '测试经理' });
    const audit = core.ctx.db
      .prepare(`select action, before, after from audit_log where entity = 'evaluationScore' order by id`)
      .all() as Array<{ action: string; before: string | null; after: string }>;
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ cooperation: 3, scoredByName: '王主管' });
    expect(JSON.parse(audit[1]!.after)).toMatchObject({ cooperation: 5, repName: '周明' });
  });

  it('a missing rep is not found', async () => {
    expect((await fail(core, 'evaluations.get', { repId: 9999, period: '2025-10' })).code).toBe('NOT_FOUND');
    expect(
      (await fail(core, 'evaluations.saveScores', { repId: 9999, period: '2025-10', cooperation: 1, enthusiasm: 1, responsibility: 1 }))
        .code,
    ).toBe('NOT_FOUND');
  });
});
