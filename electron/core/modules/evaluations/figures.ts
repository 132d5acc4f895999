// 业绩考核的数字: every figure of a rep's evaluation, for all reps of a period at once — one grouped query per figure
// (never a query per rep), then the working-day arithmetic in memory.
//
// Definitions (PRODUCT §2.6 / §3; TARGETS.md):
// - sales = Σ orders' total (posted and reversed originals, their 红冲 rows negative) − Σ posted returns' total, by the
//   document's own date, for the rep who took the order (a return follows its order's rep); gross profit likewise
//   with total − cost; new customers = the customer's first order standing as of the period end (not a 红冲 row, not
//   reversed by then) falls in the period, for that order's rep. These are targets/actuals.ts' definitions, computed
//   here in one pass with the customer count (tests/core/evaluations.test.ts checks they agree with actualsByUnit);
//   collections and expenses come from actualsByUnit itself.
// - an order counts for customers, lost customers and visits with an order while it stands at the period end (posted,
//   not a 红冲 row, not reversed by then).
// - customers = distinct customers of the rep's standing orders in the period; lost = the rep took a standing order
//   from the customer in the 12 months up to the period end, and the customer has no standing order at all in the
//   last N days up to the period end.
// - visits = done lines of the rep's submitted or signed reports dated in the period (a draft is not a report yet).
//   A visit produced an order when its line records an order amount, or — for the first done line of that customer in
//   the report — the rep has a standing order of that customer dated that day (a second visit the same day is not credited
//   with the same order twice).
// - days: company working days from the period start to the last day counted (the period end, or today for the
//   current period); attended = those minus the rep's 请假 days.
// - compliance: on every attended working day a plan and a report are expected once their deadline has passed; one
//   counts when it was submitted by its deadline (plan: PLAN_DUE_HOUR of its day, report: REPORT_DUE_HOUR of the next
//   day, office time; a form returned and submitted again counts by its last submission) and is signed now.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import { prepared } from '../../db/sql';
import { addDays } from '../../../../shared/periods';
import { PLAN_DUE_HOUR, REPORT_DUE_HOUR } from '../../../../shared/domain/evaluations';
import { repLeaveDays, workCalendar } from '../calendar/calendar';
import { TargetForest } from '../targets/resolve';
import { actualsByUnit } from '../targets/actuals';

export interface RepFigures {
  salesFen: number;
  grossProfitFen: number;
  collectionsFen: number;
  expensesFen: number;
  customerCount: number;
  newCustomers: number;
  lostCustomers: number;
  visits: number;
  visitsWithOrder: number;
  workingDays: number;
  leaveDays: number;
  attendedDays: number;
  plansExpected: number;
  plansSubmitted: number;
  plansOnTime: number;
  reportsExpected: number;
  reportsSubmitted: number;
  reportsOnTime: number;
  salesTargetFen: number | null;
  collectionsTargetFen: number | null;
}

export interface FigureOptions {
  from: string;
  to: string;
  lostCustomerDays: number;
}

/**
 * An order standing at the period end (@to): an original (not a 红冲 row) posted, or reversed only after @to — the
 * rule of targets/actuals.ts, so a 红冲 after the period changes none of the period's figures.
 */
const STANDING = (a: string) =>
  `${a}.reversal_of_id is null and (${a}.state = 'posted' or (${a}.state = 'reversed'
     and (select rv.date from orders rv where rv.id = ${a}.reversed_by_id) > @to))`;

/** The same day a year earlier (29 Feb → 28 Feb): the 12 months up to `date` are the days after it. */
export function yearBefore(date: string): string {
  const y = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const md = date.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/** The office's clock as 'YYYY-MM-DD HH:MM:SS' local time, the form SQLite's datetime(x, 'localtime') gives. */
function nowLocal(ctx: Ctx): string {
  const d = ctx.now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${todayLocal(ctx)} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
const dueTime = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;
const planDue = (date: string) => `${date} ${dueTime(PLAN_DUE_HOUR)}`;
const reportDue = (date: string) => `${addDays(date, 1)} ${dueTime(REPORT_DUE_HOUR)}`;

type Sums = Map<number, number[]>;

/** rep id → the numbers a grouped query returns after its rep_id column. */
function byRep(rows: Array<Record<string, number>>, cols: string[]): Sums {
  const out: Sums = new Map();
  for (const r of rows)
    out.set(
      r.repId!,
      cols.map((c) => r[c] ?? 0),
    );
  return out;
}

/** The last day whose working days count: the period end, or today while the period runs. */
export function countedTo(ctx: Ctx, to: string): string {
  const today = todayLocal(ctx);
  return today < to ? today : to;
}

/** What 过程分析 shows of a rep's evaluation: the work figures, without customers, targets or the order pass. */
export type ActivityFigures = Pick<
  RepFigures,
  | 'salesFen'
  | 'expensesFen'
  | 'visits'
  | 'visitsWithOrder'
  | 'workingDays'
  | 'leaveDays'
  | 'attendedDays'
  | 'plansExpected'
  | 'plansSubmitted'
  | 'plansOnTime'
  | 'reportsExpected'
  | 'reportsSubmitted'
  | 'reportsOnTime'
>;

/**
 * The work figures of every rep for a period — visits, visits with an order, working and attended days, plans and
 * reports on time, sales and expenses (targets/actuals.ts, the figures the evaluation's own pass is tested equal to) —
 * the part of repFigures that 过程分析 reads, without the order pass, customers, lost customers or targets.
 */
export function repActivityFigures(ctx: Ctx, repIds: readonly number[], o: { from: string; to: string }): Map<number, ActivityFigures> {
  const { from, to } = o;
  const db = ctx.db;
  const all = <T>(sql: string, ...params: unknown[]) => prepared(db, sql).all(...params) as T[];
  const keys = repIds.map(String);
  const sales = actualsByUnit(ctx, { metric: 'sales', level: 'rep', from, to, unitKeys: keys });
  const expenses = actualsByUnit(ctx, { metric: 'expenses', level: 'rep', from, to, unitKeys: keys });
  const visits = byRep(
    prepared(
      db,
      `select d.rep_id as repId, count(*) as visits,
         sum(l.order_fen > 0 or (
           l.seq = (select min(f.seq) from daily_report_lines f where f.report_id = l.report_id and f.customer_id = l.customer_id and f.done = 1)
           and exists (select 1 from orders o where o.customer_id = l.customer_id and o.date = d.date and o.rep_id = d.rep_id
                         and ${STANDING('o')}))) as withOrder
       from daily_reports d join daily_report_lines l on l.report_id = d.id
       where d.date between @from and @to and d.state in ('submitted', 'signed') and l.done = 1
       group by d.rep_id`,
    ).all({ from, to }) as Array<Record<string, number>>,
    ['visits', 'withOrder'],
  );

  // the daily forms of the period, each with whether it was in by its deadline (office time)
  const last = countedTo(ctx, to);
  type FormRow = { repId: number; date: string; state: string; onTime: number };
  const formRows = (table: 'visit_plans' | 'daily_reports', due: string) =>
    all<FormRow>(
      `select rep_id as repId, date, state, coalesce(datetime(submitted_at, 'localtime') <= ${due}, 0) as onTime
       from ${table} where date between ? and ?`,
      from,
      last,
    );
  const plans = formRows('visit_plans', `date || ' ${dueTime(PLAN_DUE_HOUR)}'`);
  const reports = formRows('daily_reports', `date(date, '+1 day') || ' ${dueTime(REPORT_DUE_HOUR)}'`);

  const calendar = workCalendar(ctx);
  const companyDays = last >= from ? calendar.workingDays(from, last) : [];
  const leave = repLeaveDays(ctx, repIds, from, last);
  const now = nowLocal(ctx);

  const out = new Map<number, ActivityFigures>();
  for (const id of repIds) {
    const leaveDays = companyDays.filter((d) => leave.get(id)?.has(d)).length;
    const attended = new Set(companyDays.filter((d) => !leave.get(id)?.has(d)));
    const [visitCount = 0, withOrder = 0] = visits.get(id) ?? [];
    const f: ActivityFigures = {
      salesFen: sales.get(String(id)) ?? 0,
      expensesFen: expenses.get(String(id)) ?? 0,
      visits: visitCount,
      visitsWithOrder: withOrder,
      workingDays: companyDays.length,
      leaveDays,
      attendedDays: attended.size,
      plansExpected: 0,
      plansSubmitted: 0,
      plansOnTime: 0,
      reportsExpected: 0,
      reportsSubmitted: 0,
      reportsOnTime: 0,
    };
    for (const day of attended) {
      if (planDue(day) <= now) f.plansExpected++;
      if (reportDue(day) <= now) f.reportsExpected++;
    }
    out.set(id, f);
  }
  const tally = (rows: FormRow[], due: (date: string) => string, kind: 'plans' | 'reports') => {
    const attendedOf = new Map<number, Set<string>>();
    for (const r of rows) {
      const f = out.get(r.repId);
      if (!f || due(r.date) > now) continue;
      let days = attendedOf.get(r.repId);
      if (!days) attendedOf.set(r.repId, (days = new Set(companyDays.filter((d) => !leave.get(r.repId)?.has(d)))));
      if (!days.has(r.date)) continue;
      if (r.state !== 'draft') f[`${kind}Submitted`]++;
      if (r.state === 'signed' && r.onTime === 1) f[`${kind}OnTime`]++;
    }
  };
  tally(plans, planDue, 'plans');
  tally(reports, reportDue, 'reports');
  return out;
}

export function repFigures(ctx: Ctx, repIds: readonly number[], o: FigureOptions): Map<number, RepFigures> {
  const { from, to } = o;
  const db = ctx.db;

  const q = { from, to, yearBefore: yearBefore(to), lostSince: addDays(to, -o.lostCustomerDays) };
  const named = <T>(sql: string) => prepared(db, sql).all(q) as T[];

  // one pass over the period's orders: sales and gross profit of every row (a 红冲 negative), the customers of the
  // standing ones, and each customer's first standing order of the period — new when none stood before the period
  type OrderSums = { k: 'o' | 'n'; repId: number; a: number; b: number; c: number };
  const orderRows = named<OrderSums>(
    `with m as materialized (
       select o.id, o.rep_id, o.customer_id, o.date, o.total_fen, o.cost_fen, ${STANDING('o')} as standing
       from orders o where o.date between @from and @to and o.state in ('posted', 'reversed')),
     firsts as (
       select customer_id, rep_id from (
         select customer_id, rep_id, row_number() over (partition by customer_id order by date, id) as nth from m where standing)
       where nth = 1)
     select 'o' as k, rep_id as repId, sum(total_fen) as a, sum(total_fen - cost_fen) as b,
            count(distinct case when standing then customer_id end) as c
     from m where rep_id is not null group by rep_id
     union all
     select 'n', f.rep_id, count(*), 0, 0 from firsts f
     where f.rep_id is not null
       and not exists (select 1 from orders p where p.customer_id = f.customer_id and p.date < @from and ${STANDING('p')})
     group by f.rep_id`,
  );
  const orders: Sums = new Map();
  const newCustomers: Sums = new Map();
  for (const r of orderRows) {
    if (r.k === 'o') orders.set(r.repId, [r.a, r.b, r.c]);
    else newCustomers.set(r.repId, [r.a]);
  }
  const returns = byRep(
    named(
      `select o.rep_id as repId, sum(t.total_fen) as sales, sum(t.total_fen - t.cost_fen) as gp
       from returns t join orders o on o.id = t.order_id
       where t.date between @from and @to and t.state = 'posted' and o.rep_id is not null group by o.rep_id`,
    ),
    ['sales', 'gp'],
  );
  // collections and expenses exactly as 目标达成 counts them (targets/actuals.ts)
  const keys = repIds.map(String);
  const collections = actualsByUnit(ctx, { metric: 'collections', level: 'rep', from, to, unitKeys: keys });
  // each customer's last standing order up to the period end (one index seek per customer), then the reps who sold
  // to the lost ones within the 12 months
  const lost = byRep(
    named(
      `with last as (
         select c.id as customerId,
           (select o.date from orders o where o.customer_id = c.id and o.date <= @to and ${STANDING('o')}
            order by o.date desc limit 1) as lastDate
         from customers c)
       select o.rep_id as repId, count(distinct o.customer_id) as n
       from last cross join orders o on o.customer_id = last.customerId
       where last.lastDate > @yearBefore and last.lastDate <= @lostSince and o.date > @yearBefore and o.date <= @to
         and ${STANDING('o')} and o.rep_id is not null
       group by o.rep_id`,
    ),
    ['n'],
  );
  // visits, days, forms and expenses: the work figures 过程分析 reads too
  const activity = repActivityFigures(ctx, repIds, { from, to });
  const salesTargets = TargetForest.load(ctx, 'sales', from, to);
  const collectionTargets = TargetForest.load(ctx, 'collections', from, to);

  const out = new Map<number, RepFigures>();
  for (const id of repIds) {
    const [sales = 0, gp = 0, customerCount = 0] = orders.get(id) ?? [];
    const [returnSales = 0, returnGp = 0] = returns.get(id) ?? [];
    out.set(id, {
      ...activity.get(id)!,
      salesFen: sales - returnSales,
      grossProfitFen: gp - returnGp,
      collectionsFen: collections.get(String(id)) ?? 0,
      customerCount,
      newCustomers: newCustomers.get(id)?.[0] ?? 0,
      lostCustomers: lost.get(id)?.[0] ?? 0,
      salesTargetFen: salesTargets.resolve('rep', String(id), from, to)?.value ?? null,
      collectionsTargetFen: collectionTargets.resolve('rep', String(id), from, to)?.value ?? null,
    });
  }
  return out;
}
