// 今日看板: every active rep for a date, grouped by team (teams in order, no team last, then rep code), with plan and
// report state, returned, visits planned and done, and whether the current operator may sign.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import type { Actor } from '../../electron/core/context';
import { createCore } from '../../electron/core/core';
import { getDayBoard } from '../../electron/core/modules/dayBoard/dayBoard';
import { formsFixture, okAs, PASSWORD, planLine, TODAY, type Forms } from './dailyFormsFixture';

let f: Forms;
let ids: { liPlan: number; liReport: number; zhouPlan: number; zhaoPlan: number; sunReport: number; chenOther: number };

beforeAll(async () => {
  f = await formsFixture();
  const clerk = f.as(f.ops.clerk);
  const manager = f.as(f.ops.manager);
  const { c1, c2, c3 } = f.customers;
  // 李娜: plan signed (3 visits), report submitted (3 visits, 2 done)
  const liPlan = await okAs(clerk, 'visitPlans.save', {
    repId: f.reps.li.id,
    date: TODAY,
    lines: [planLine(c1.id), planLine(c2.id), planLine(c3.id)],
  });
  await okAs(clerk, 'visitPlans.submit', { id: liPlan.id });
  await okAs(manager, 'visitPlans.sign', { id: liPlan.id, password: PASSWORD });
  const liReport = await okAs(clerk, 'dailyReports.save', {
    repId: f.reps.li.id,
    date: TODAY,
    attendance: 'present',
    lines: [
      { planLineId: liPlan.lines[0]!.id, customerId: c1.id, done: true },
      { planLineId: liPlan.lines[1]!.id, customerId: c2.id, done: false, reason: '关门' },
      { customerId: c3.id, done: true },
    ],
  });
  await okAs(clerk, 'dailyReports.submit', { id: liReport.id });
  // 周杰: plan returned; no report
  const zhouPlan = await okAs(clerk, 'visitPlans.save', { repId: f.reps.zhou.id, date: TODAY, lines: [planLine(c1.id), planLine(c2.id)] });
  await okAs(clerk, 'visitPlans.submit', { id: zhouPlan.id });
  await okAs(manager, 'visitPlans.return', { id: zhouPlan.id, comment: '请补时间' });
  // 赵磊: plan draft with one visit
  const zhaoPlan = await okAs(clerk, 'visitPlans.save', { repId: f.reps.zhao.id, date: TODAY, lines: [planLine(c3.id)] });
  // 孙丽 (no team): report draft, no lines (on leave)
  const sunReport = await okAs(clerk, 'dailyReports.save', { repId: f.reps.sun.id, date: TODAY, attendance: 'leave', lines: [] });
  // 陈刚: a plan on another day only; 钱七 (inactive) has a plan today but is not on the board
  const chenOther = await okAs(clerk, 'visitPlans.save', { repId: f.reps.chen.id, date: '2025-03-19', lines: [planLine(c1.id)] });
  f.db.prepare("insert into visit_plans (rep_id, date, created_at, updated_at) values (?, ?, 'x', 'x')").run(f.reps.qian.id, TODAY);
  ids = {
    liPlan: liPlan.id,
    liReport: liReport.id,
    zhouPlan: zhouPlan.id,
    zhaoPlan: zhaoPlan.id,
    sunReport: sunReport.id,
    chenOther: chenOther.id,
  };
});

type Row = Output<'dayBoard.get'>['rows'][number];
const board = (actor: Actor, teamId?: number) => okAs(f.as(actor), 'dayBoard.get', { date: TODAY, ...(teamId ? { teamId } : {}) });
const canSign = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.repName, r.canSign]));

describe('dayBoard.get', () => {
  it('lists every active rep by team, then code, with plan and report as null or {id, state, returned, visits, visitsDone}', async () => {
    const out = await board(f.ops.manager);
    expect(out.date).toBe(TODAY);
    expect(out.rows.map((r) => [r.teamName, r.repCode, r.repName])).toEqual([
      ['一组', 'R001', '王强'],
      ['一组', 'R002', '李娜'],
      ['一组', 'R003', '周杰'],
      ['二组', 'R004', '陈刚'],
      ['二组', 'R005', '赵磊'],
      [null, 'R006', '孙丽'],
    ]);
    const byName = Object.fromEntries(out.rows.map((r) => [r.repName, r]));
    expect(byName['王强']).toMatchObject({ repId: f.reps.wang.id, teamId: f.teams.teamA.id, plan: null, report: null });
    expect(byName['李娜']!.plan).toEqual({ id: ids.liPlan, state: 'signed', returned: false, visits: 3, visitsDone: 3 });
    expect(byName['李娜']!.report).toEqual({ id: ids.liReport, state: 'submitted', returned: false, visits: 3, visitsDone: 2 });
    expect(byName['周杰']!.plan).toEqual({ id: ids.zhouPlan, state: 'draft', returned: true, visits: 2, visitsDone: 2 });
    expect(byName['周杰']!.report).toBeNull();
    expect(byName['陈刚']).toMatchObject({ plan: null, report: null });
    expect(byName['赵磊']!.plan).toEqual({ id: ids.zhaoPlan, state: 'draft', returned: false, visits: 1, visitsDone: 1 });
    expect(byName['孙丽']).toMatchObject({ teamId: null, teamName: null, plan: null });
    expect(byName['孙丽']!.report).toEqual({ id: ids.sunReport, state: 'draft', returned: false, visits: 0, visitsDone: 0 });
  });

  it('filters by team', async () => {
    const out = await board(f.ops.clerk, f.teams.teamB.id);
    expect(out.rows.map((r) => r.repName)).toEqual(['陈刚', '赵磊']);
  });

  it('says whom the current operator may sign for', async () => {
    const all = (v: boolean) => ({ 王强: v, 李娜: v, 周杰: v, 陈刚: v, 赵磊: v, 孙丽: v });
    expect(canSign((await board(f.ops.manager)).rows)).toEqual(all(true));
    expect(canSign((await board(f.ops.clerk)).rows)).toEqual(all(false));
    expect(canSign((await board(f.ops.admin)).rows)).toEqual(all(false));
    expect(canSign((await board(f.ops.supNone)).rows)).toEqual(all(false));
    // 主管甲 is 王强: his team, not himself
    expect(canSign((await board(f.ops.supA)).rows)).toEqual({ 王强: false, 李娜: true, 周杰: true, 陈刚: false, 赵磊: false, 孙丽: false });
    // 主管乙 is 陈刚: 二组 and 孙丽, who reports to him without a team
    expect(canSign((await board(f.ops.supB)).rows)).toEqual({ 王强: false, 李娜: false, 周杰: false, 陈刚: false, 赵磊: true, 孙丽: true });
  });

  it('another date shows that date’s forms', async () => {
    const out = await okAs(f.as(f.ops.clerk), 'dayBoard.get', { date: '2025-03-19' });
    expect(out.rows.filter((r) => r.plan !== null).map((r) => [r.repName, r.plan!.id])).toEqual([['陈刚', ids.chenOther]]);
  });

  it('answers 50 reps with forms in one query, well inside the budget', async () => {
    const core = createCore(':memory:');
    try {
      const db = core.ctx.db;
      const now = '2025-03-01T00:00:00.000Z';
      const team = Number(
        db.prepare('insert into teams (name, created_at, updated_at) values (?, ?, ?)').run('大组', now, now).lastInsertRowid,
      );
      const customer = (await okAs(core.ctx, 'customers.save', { name: '客户' })).id;
      for (let i = 1; i <= 50; i++) {
        const rep = Number(
          db
            .prepare('insert into reps (code, name, team_id, created_at, updated_at) values (?, ?, ?, ?, ?)')
            .run(`R${String(i).padStart(3, '0')}`, `业务员${i}`, team, now, now).lastInsertRowid,
        );
        const plan = Number(
          db.prepare('insert into visit_plans (rep_id, date, created_at, updated_at) values (?, ?, ?, ?)').run(rep, TODAY, now, now)
            .lastInsertRowid,
        );
        const report = Number(
          db.prepare('insert into daily_reports (rep_id, date, created_at, updated_at) values (?, ?, ?, ?)').run(rep, TODAY, now, now)
            .lastInsertRowid,
        );
        for (let k = 1; k <= 8; k++) {
          db.prepare('insert into visit_plan_lines (plan_id, seq, customer_id) values (?, ?, ?)').run(plan, k, customer);
          db.prepare('insert into daily_report_lines (report_id, seq, customer_id, done) values (?, ?, ?, ?)').run(
            report,
            k,
            customer,
            k % 2,
          );
        }
      }
      const ctx = { ...core.ctx, actor: null };
      getDayBoard(ctx, { date: TODAY }); // compile the statement once
      const t = performance.now();
      const out = getDayBoard(ctx, { date: TODAY });
      const ms = performance.now() - t;
      expect(out.rows).toHaveLength(50);
      expect(out.rows[0]!.plan).toMatchObject({ visits: 8 });
      expect(out.rows[0]!.report).toMatchObject({ visits: 8, visitsDone: 4 });
      expect(ms).toBeLessThan(200); // the bench holds the real budget (≤ 20 ms); this only catches a per-rep query loop gone wild
    } finally {
      core.close();
    }
  });
});
