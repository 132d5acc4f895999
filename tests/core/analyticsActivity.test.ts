// 过程分析 analytics.activity for October 2025 (18 working days: 国庆 1–8 off, 10/11 a make-up day), worked out by hand
// in the comments, and equal to the rep's 业绩考核 figures (evaluations.list) for the same month.
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, makeCore, ok, steppingClock, type TestCore } from './helpers';

let core: TestCore;
const ids = { teamA: 0, teamB: 0, li: 0, zhou: 0, c: {} as Record<string, number> };
const october = { from: '2025-10-01', to: '2025-10-31' };

/** An office-time timestamp (the machine's time zone, as the core reads 'localtime'), stored as UTC ISO. */
const local = (date: string, hh: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, hh, 0).toISOString();
};

function form(
  table: 'visit_plans' | 'daily_reports',
  rep: number,
  date: string,
  submittedAt: string,
  lines: Array<{ customer: string; done?: 0 | 1; orderFen?: number }> = [],
) {
  const db = core.ctx.db;
  const at = '2025-12-01T00:00:00.000Z';
  const id = Number(
    db
      .prepare(`insert into ${table} (rep_id, date, state, submitted_at, created_at, updated_at) values (?, ?, 'draft', ?, ?, ?)`)
      .run(rep, date, submittedAt, at, at).lastInsertRowid,
  );
  lines.forEach((l, i) =>
    db
      .prepare('insert into daily_report_lines (report_id, seq, customer_id, done, order_fen) values (?, ?, ?, ?, ?)')
      .run(id, i + 1, ids.c[l.customer], l.done ?? 1, l.orderFen ?? 0),
  );
  db.prepare(`update ${table} set state = 'signed' where id = ?`).run(id);
}

beforeEach(async () => {
  core = makeCore(':memory:', { now: steppingClock('2026-01-10T04:00:00.000Z') });
  ids.teamA = (await ok(core, 'teams.save', { name: '一组' })).id;
  ids.teamB = (await ok(core, 'teams.save', { name: '二组' })).id;
  ids.li = (await ok(core, 'reps.save', { name: '李娜', code: 'R01', teamId: ids.teamA })).id;
  ids.zhou = (await ok(core, 'reps.save', { name: '周明', code: 'R02', teamId: ids.teamB })).id;
  for (const c of ['c1', 'c2', 'c3']) ids.c[c] = (await ok(core, 'customers.save', { name: `客户${c}`, repId: ids.li })).id;
  const at = '2025-12-01T00:00:00.000Z';
  core.ctx.db
    .prepare(
      `insert into orders (doc_no, customer_id, rep_id, date, due_date, subtotal_fen, total_fen, cost_fen, state, created_at, updated_at)
       values ('XS-1', ?, ?, '2025-10-09', '2025-10-09', 10000, 10000, 6000, 'posted', ?, ?)`,
    )
    .run(ids.c.c1, ids.li, at, at);
  core.ctx.db
    .prepare(
      `insert into expenses (rep_id, date, category, amount_fen, created_at, updated_at) values (?, '2025-10-10', 'travel', 600, ?, ?)`,
    )
    .run(ids.li, at, at);
  // 李娜: 10-09 plan in by 08:00 (on time), report in that evening (on time by 10-10 12:00): c1 (an order that day),
  // c2 (an order amount on the line), c3, and a visit not done; 10-10 plan at 13:00 and report on 10-11 at 13:00 (late)
  form('visit_plans', ids.li, '2025-10-09', local('2025-10-09', 8));
  form('daily_reports', ids.li, '2025-10-09', local('2025-10-09', 20), [
    { customer: 'c1' },
    { customer: 'c2', orderFen: 5_000 },
    { customer: 'c3' },
    { customer: 'c3', done: 0 },
  ]);
  form('visit_plans', ids.li, '2025-10-10', local('2025-10-10', 13));
  form('daily_reports', ids.li, '2025-10-10', local('2025-10-11', 13), [{ customer: 'c1' }, { customer: 'c2' }]);
});

describe('analytics.activity', () => {
  it('per rep and in total, the evaluation’s own figures', async () => {
    const out = await ok(core, 'analytics.activity', { period: october });
    expect(out.workingDays).toBe(18);
    const li = out.reps.find((r) => r.repId === ids.li)!;
    // 5 visits done, 2 with an order (c1 that day, c2's line); 18 days attended; sales 10000, expenses 600;
    // plans and reports on time: 1 + 1 of 18 + 18
    expect(li).toEqual({
      repId: ids.li,
      repName: '李娜',
      teamName: '一组',
      visits: 5,
      visitsWithOrder: 2,
      attendedDays: 18,
      salesFen: 10_000,
      expensesFen: 600,
      visitsPerDayX100: 28, // 5 / 18 = 0.2778
      revenuePerVisitFen: 2_000,
      costPerVisitFen: 120,
      ordersPer100VisitsX100: 4_000, // 40 per 100 visits
      complianceBp: 556, // 2 / 36
      plansExpected: 18,
      plansOnTime: 1,
      reportsExpected: 18,
      reportsOnTime: 1,
    });
    const zhou = out.reps.find((r) => r.repId === ids.zhou)!;
    expect(zhou).toMatchObject({ visits: 0, visitsPerDayX100: 0, revenuePerVisitFen: null, costPerVisitFen: null, complianceBp: 0 });
    expect(out.totals).toEqual({
      visits: 5,
      visitsWithOrder: 2,
      attendedDays: 36,
      visitsPerDayX100: 14, // 5 / 36 = 0.1389
      revenuePerVisitFen: 2_000,
      costPerVisitFen: 120,
      ordersPer100VisitsX100: 4_000,
      complianceBp: 278, // 2 / 72
    });

    // the same numbers as 业绩考核
    const evaluation = (await ok(core, 'evaluations.list', { period: '2025-10' })).rows.find((r) => r.repId === ids.li)!;
    expect(li).toMatchObject({
      visitsPerDayX100: evaluation.visitsPerDayX100,
      revenuePerVisitFen: evaluation.revenuePerVisitFen,
      costPerVisitFen: evaluation.costPerVisitFen,
      ordersPer100VisitsX100: evaluation.ordersPer100VisitsX100,
      complianceBp: evaluation.compliance.complianceBp,
    });
  });

  it('a team filter narrows the reps; dealer, channel type and category filters are refused', async () => {
    const out = await ok(core, 'analytics.activity', { period: october, filters: { teamId: ids.teamB } });
    expect(out.reps.map((r) => r.repName)).toEqual(['周明']);
    expect(out.totals.visits).toBe(0);
    expect(out.totals.visitsPerDayX100).toBe(0);
    expect(out.totals.revenuePerVisitFen).toBeNull();
    const e = await fail(core, 'analytics.activity', { period: october, filters: { channelType: 'dealer' } });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'filters.channelType' });
  });

  it('one more visit with an order moves the visits and the ratios', async () => {
    form('daily_reports', ids.li, '2025-10-13', local('2025-10-13', 18), [{ customer: 'c3', orderFen: 700 }]);
    const li = (await ok(core, 'analytics.activity', { period: october })).reps.find((r) => r.repId === ids.li)!;
    // 6 visits, 3 with an order; reports on time 2
    expect(li).toMatchObject({
      visits: 6,
      visitsWithOrder: 3,
      visitsPerDayX100: 33,
      revenuePerVisitFen: 1_667,
      ordersPer100VisitsX100: 5_000,
    });
    expect(li.reportsOnTime).toBe(2);
  });
});
