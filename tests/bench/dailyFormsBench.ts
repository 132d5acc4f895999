// The daily forms in the bench: the day board for 50 reps (≤ 20 ms) and saving a 10-row daily report (≤ 10 ms), each
// through the real dispatcher as a signed-in clerk, beside the same question or the same writes in hand-written SQL.
// Runs on its own temp-file database (WAL, synchronous=FULL as in the app): 5 teams, 50 active reps and 5 who left,
// 500 customers, 20 earlier days of reports (so month-to-date has something to add up), and today's plans and reports
// in every state.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/errors';
import { createCore, type Core } from '../../electron/core/core';
import { todayLocal } from '../../electron/core/context';
import { addDays } from '../../electron/core/modules/dailyForms/forms';

export const DAY_BOARD_BUDGET_MS = 20;
export const REPORT_SAVE_BUDGET_MS = 10;
const REPS = 50;
const LINES = 10;

/** The same shape as the bench's Operation (tests/bench/bench.ts), measured by its `measure`. */
export interface DailyFormsOperation {
  name: string;
  detail: string;
  budgetMs: number | null;
  run: (i: number) => Promise<unknown>;
  baseline: (i: number) => unknown;
  fingerprint: (result: unknown) => string;
}

async function callAs<T>(core: Core, session: string | undefined, method: string, input: unknown): Promise<T> {
  const env = (await core.call(method, input, session ? { session } : undefined)) as Envelope<T>;
  if (!env.ok) throw new Error(`${method} 失败 / failed: ${env.error.code} ${env.error.message}`);
  return env.data;
}

export async function dailyFormsOperations(): Promise<{ operations: DailyFormsOperation[]; close: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-daily-bench-'));
  const core = createCore(path.join(dir, 'daily.db'));
  const close = () => {
    if (core.ctx.db.open) core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const db = core.ctx.db;
    const today = todayLocal(core.ctx);
    const now = new Date().toISOString();

    // who is acting: the first admin creates a clerk, the clerk signs in
    const init = await callAs<{ session: string }>(core, undefined, 'settings.initialize', {
      companyName: '华众商贸有限公司',
      admin: { name: '管理员', password: 'bench-admin' },
    });
    await callAs(core, init.session, 'operators.save', { name: '文员', role: 'clerk', password: 'bench-clerk' });
    const clerk = (await callAs<{ session: string }>(core, undefined, 'auth.signIn', { name: '文员', password: 'bench-clerk' })).session;

    // the company, in raw SQL
    const repIds: number[] = [];
    const customerIds: number[] = [];
    db.transaction(() => {
      const team = db.prepare('insert into teams (name, created_at, updated_at) values (?, ?, ?)');
      const teams = ['一组', '二组', '三组', '四组', '五组'].map((n) => Number(team.run(n, now, now).lastInsertRowid));
      const rep = db.prepare('insert into reps (code, name, team_id, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
      for (let i = 0; i < REPS + 5; i++) {
        const id = Number(
          rep.run(`R${String(i + 1).padStart(3, '0')}`, `业务员${i + 1}`, teams[i % 5], i < REPS ? 1 : 0, now, now).lastInsertRowid,
        );
        if (i < REPS) repIds.push(id);
      }
      const cust = db.prepare(
        "insert into customers (code, name, type, grade, lifecycle, created_at, updated_at) values (?, ?, 'retail', 'B', 'repeat', ?, ?)",
      );
      for (let i = 0; i < 500; i++)
        customerIds.push(Number(cust.run(`C${String(i + 1).padStart(6, '0')}`, `客户${i + 1}`, now, now).lastInsertRowid));

      const plan = db.prepare('insert into visit_plans (rep_id, date, state, created_at, updated_at) values (?, ?, ?, ?, ?)');
      const planLine = db.prepare(
        "insert into visit_plan_lines (plan_id, seq, customer_id, planned_time, purposes) values (?, ?, ?, '09:00', '[\"order\"]')",
      );
      const report = db.prepare('insert into daily_reports (rep_id, date, state, created_at, updated_at) values (?, ?, ?, ?, ?)');
      const reportLine = db.prepare(
        'insert into daily_report_lines (report_id, seq, plan_line_id, customer_id, done, order_fen, collected_fen) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const sign = (table: string, id: number) =>
        db
          .prepare(`update ${table} set state = 'signed', signed_by_name = '主管', signed_at = ?, content_hash = 'x' where id = ?`)
          .run(now, id);
      const states = ['draft', 'submitted', 'signed'] as const;
      repIds.forEach((repId, r) => {
        const customerOf = (k: number) => customerIds[(r * LINES + k) % customerIds.length]!;
        // 20 earlier days of signed reports
        for (let d = 20; d >= 1; d--) {
          const id = Number(report.run(repId, addDays(today, -d), 'draft', now, now).lastInsertRowid);
          for (let k = 0; k < LINES; k++) reportLine.run(id, k + 1, null, customerOf(k), k % 4 ? 1 : 0, (k + d) * 1000, k * 500);
          sign('daily_reports', id);
        }
        // today: a plan of 10 and a report of 10 linked to it, in the states a working day has
        if (r % 10 === 9) return; // a few reps have nothing yet
        const planId = Number(plan.run(repId, today, 'draft', now, now).lastInsertRowid);
        const lineIds: number[] = [];
        for (let k = 0; k < LINES; k++) lineIds.push(Number(planLine.run(planId, k + 1, customerOf(k)).lastInsertRowid));
        const state = states[r % 3]!;
        if (state !== 'draft')
          db.prepare('update visit_plans set state = ? where id = ?').run(state === 'signed' ? 'submitted' : state, planId);
        if (state === 'signed') sign('visit_plans', planId);
        if (r % 10 === 8) return; // a plan but no report yet
        const reportId = Number(report.run(repId, today, 'draft', now, now).lastInsertRowid);
        for (let k = 0; k < LINES; k++) reportLine.run(reportId, k + 1, lineIds[k], customerOf(k), k % 3 ? 1 : 0, k * 1000, 0);
      });
    })();

    // --- dayBoard.get: hand-written, one statement with the line counts grouped per form ---
    const boardSql = db.prepare(
      `select r.id as repId, r.code, r.name, r.team_id as teamId, t.name as teamName,
              p.id as planId, p.state as planState, p.return_comment as planComment, pc.n as planVisits,
              d.id as reportId, d.state as reportState, d.return_comment as reportComment, dc.n as reportVisits, dc.done as reportDone
       from reps r left join teams t on t.id = r.team_id
       left join visit_plans p on p.rep_id = r.id and p.date = ?
       left join (select plan_id, count(*) as n from visit_plan_lines where plan_id in (select id from visit_plans where date = ?) group by plan_id) pc
         on pc.plan_id = p.id
       left join daily_reports d on d.rep_id = r.id and d.date = ?
       left join (select report_id, count(*) as n, sum(done) as done from daily_report_lines
                  where report_id in (select id from daily_reports where date = ?) group by report_id) dc on dc.report_id = d.id
       where r.active = 1 order by r.team_id is null, r.team_id, r.code`,
    );
    const boardPrint = (res: unknown) => {
      const rows = Array.isArray(res)
        ? (res as Array<{ repId: number; planId: number | null; reportId: number | null }>)
        : (res as { rows: Array<{ repId: number; plan: { id: number } | null; report: { id: number } | null }> }).rows.map((r) => ({
            repId: r.repId,
            planId: r.plan?.id ?? null,
            reportId: r.report?.id ?? null,
          }));
      return rows.map((r) => `${r.repId}:${r.planId}:${r.reportId}`).join(',');
    };

    // --- dailyReports.save: the first rep's draft report today, 10 rows linked to the plan, amounts changed each run ---
    const target = db
      .prepare("select d.id, d.rep_id as repId from daily_reports d where d.date = ? and d.state = 'draft' order by d.rep_id limit 1")
      .get(today) as { id: number; repId: number };
    const targetLines = db
      .prepare('select id, plan_line_id as planLineId, customer_id as customerId from daily_report_lines where report_id = ? order by seq')
      .all(target.id) as Array<{ id: number; planLineId: number; customerId: number }>;
    const saveInput = (i: number) => ({
      id: target.id,
      repId: target.repId,
      date: today,
      attendance: 'present',
      problems: `第 ${i} 次保存`,
      tomorrowPlan: '回访重点客户',
      lines: targetLines.map((l, k) => ({
        id: l.id,
        planLineId: l.planLineId,
        customerId: l.customerId,
        done: true,
        outcome: `洽谈 ${k + 1}`,
        nextStep: '下周送货',
        orderFen: (i + k) * 100,
        collectedFen: k * 50,
      })),
    });
    const updHeader = db.prepare('update daily_reports set attendance = ?, problems = ?, tomorrow_plan = ?, updated_at = ? where id = ?');
    const updLine = db.prepare(
      `update daily_report_lines set seq = ?, plan_line_id = ?, customer_id = ?, done = ?, reason = '', outcome = ?, next_step = ?, order_fen = ?,
         collected_fen = ?, complaint_id = null where id = ? and report_id = ?`,
    );
    const audit = db.prepare(
      "insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, '文员', 'update', 'dailyReport', ?, null, ?)",
    );
    const saveBaseline = (i: number) => {
      const input = saveInput(i);
      db.transaction(() => {
        updHeader.run(input.attendance, input.problems, input.tomorrowPlan, new Date().toISOString(), input.id);
        input.lines.forEach((l, k) =>
          updLine.run(k + 1, l.planLineId, l.customerId, 1, l.outcome, l.nextStep, l.orderFen, l.collectedFen, l.id, input.id),
        );
        audit.run(new Date().toISOString(), input.id, JSON.stringify(input));
      })();
      return { lines: input.lines };
    };

    const operations: DailyFormsOperation[] = [
      {
        name: 'dayBoard.get',
        detail: `今日看板：${REPS} 名在职业务员的计划与报告（状态、拜访数、完成数、可否签核）`,
        budgetMs: DAY_BOARD_BUDGET_MS,
        run: () => callAs(core, clerk, 'dayBoard.get', { date: today }),
        baseline: () => boardSql.all(today, today, today, today),
        fingerprint: boardPrint,
      },
      {
        name: 'dailyReports.save',
        detail: `保存一份 ${LINES} 行的销售报告草稿（对应当天计划行，含审计日志与本月累计）`,
        budgetMs: REPORT_SAVE_BUDGET_MS,
        run: (i) => callAs(core, clerk, 'dailyReports.save', saveInput(i)),
        baseline: saveBaseline,
        fingerprint: (r) => String((r as { lines: unknown[] }).lines.length),
      },
    ];
    return { operations, close };
  } catch (err) {
    close();
    throw err;
  }
}
