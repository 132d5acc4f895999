// 异常预警 Exceptions (PRODUCT §2.8): what needs attention on a date, each row linking to its record.
// - noPlan / noReport: an active rep not on leave without a submitted plan for the date / report for the last working
//   day before it, once its deadline has passed (PLAN_DUE_HOUR of its day, REPORT_DUE_HOUR of the next, office time);
// - unsignedForm: plans and reports submitted but not signed, dated in the 30 days up to the date;
// - overCredit: the balance as of the date over the credit limit (a limit of 0 is no limit, as credit control reads it);
// - longOverdue: receivables overdue by more than the setting's days (credit control's overdueDays), from the aging;
// - behindTarget: reps' month sales and collections targets behind the time progress (targets.tracking's status);
// - abNotVisited: A/B customers without a completed visit in NOT_VISITED_DAYS days (the customer analytics' list);
// - silentCustomer: 流失预警 — customers lost as of the date by PRODUCT §3 (an order within 12 months, none in N days);
// - channelConflict: 窜货 orders (flagged at posting) dated in the 30 days up to the date;
// - complaintOverdue: open complaints older than their answer time (特急 1 day, 紧急 3, 一般 7);
// - lowSatisfaction: a satisfaction score ≤ 2 in the 30 days up to the date (the customer's latest).
// Counts are of every row; each kind lists at most ITEMS_PER_KIND rows, the most urgent first.
import type { z } from 'zod';
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { ExceptionItem, ExceptionKind, analyticsMethods } from '../../../../shared/contract/analytics';
import { exceptionKinds } from '../../../../shared/contract/analytics';
import { PLAN_DUE_HOUR, REPORT_DUE_HOUR } from '../../../../shared/domain/evaluations';
import type { Urgency } from '../../../../shared/domain/feedback';
import { metricDefinitions } from '../../../../shared/domain/targets';
import { addDays, daysBetween } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { workCalendar } from '../calendar/calendar';
import { channelConflictWhere } from '../channelConflicts/channelConflicts';
import { evaluationScheme } from '../evaluations/evaluations';
import { agingOfLedger, ledgerAt } from '../receivables/aging';
import { moneySettings } from '../settings/settings';
import { tracking } from '../targets/tracking';
import { lowSatisfactionExceptions } from '../satisfaction/exceptions';
import {
  NOT_VISITED_DAYS,
  abNotVisited,
  compareText,
  customersWithin,
  isLostOn,
  lastStandingOrders,
  lostOn,
  type CustomerRecord,
} from './customers';

type ExceptionsOut = z.output<(typeof analyticsMethods)['analytics.exceptions']['output']>;

export const ITEMS_PER_KIND = 200;
/** Unsigned forms and 窜货 orders are listed for this many days up to the date. */
const RECENT_DAYS = 30;
/** Days a complaint may stay open, by urgency. */
export const COMPLAINT_ANSWER_DAYS: Record<Urgency, number> = { critical: 1, urgent: 3, normal: 7 };

// one formatter for every row (toLocaleString with options builds a new one per call: thousands of rows)
const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fen = (v: number) => `¥${yuan.format(v / 100)}`;
const pct = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(1)}%`);

function item(
  kind: ExceptionKind,
  target: ExceptionItem['target'],
  targetId: number,
  name: string,
  rest: Partial<ExceptionItem> = {},
): ExceptionItem {
  return { kind, target, targetId, name, repId: null, repName: null, amountFen: null, days: null, date: null, detail: '', ...rest };
}

/** The office's clock as 'YYYY-MM-DD HH:MM:SS' local time. */
function nowLocal(ctx: Ctx): string {
  const d = ctx.now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${todayLocal(ctx)} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
const dueAt = (date: string, hour: number) => `${date} ${String(hour).padStart(2, '0')}:00:00`;

/** Reps without a submitted plan for the date, or report for the working day before it, once due. */
function missingForms(ctx: Ctx, date: string): ExceptionItem[] {
  const calendar = workCalendar(ctx);
  const now = nowLocal(ctx);
  let reportDay = addDays(date, -1);
  for (let i = 0; i < 31 && !calendar.isWorkday(reportDay); i++) reportDay = addDays(reportDay, -1);
  const out: ExceptionItem[] = [];
  const check = (kind: 'noPlan' | 'noReport', table: 'visit_plans' | 'daily_reports', day: string, due: string) => {
    if (!calendar.isWorkday(day) || due > now) return;
    const rows = prepared(
      ctx.db,
      `select r.id as repId, r.name as repName, f.id as formId, f.state
       from reps r left join ${table} f on f.rep_id = r.id and f.date = @day
       where r.active = 1 and (f.id is null or f.state = 'draft')
         and not exists (select 1 from daily_reports l where l.rep_id = r.id and l.date = @day and l.attendance = 'leave')
       order by r.team_id is null, r.team_id, r.code, r.id`,
    ).all({ day }) as Array<{ repId: number; repName: string; formId: number | null; state: string | null }>;
    const what = kind === 'noPlan' ? '拜访计划' : '销售报告';
    for (const r of rows)
      out.push(
        item(kind, r.formId === null ? 'rep' : kind === 'noPlan' ? 'visitPlan' : 'dailyReport', r.formId ?? r.repId, r.repName, {
          repId: r.repId,
          repName: r.repName,
          date: day,
          detail: r.formId === null ? `${day} 没有${what}` : `${day} ${what}未提交（草稿）`,
        }),
      );
  };
  check('noPlan', 'visit_plans', date, dueAt(date, PLAN_DUE_HOUR));
  check('noReport', 'daily_reports', reportDay, dueAt(addDays(reportDay, 1), REPORT_DUE_HOUR));
  return out;
}

function unsignedForms(ctx: Ctx, date: string): ExceptionItem[] {
  const rows = prepared(
    ctx.db,
    `select 'visitPlan' as target, f.id, f.date, f.rep_id as repId, r.name as repName from visit_plans f join reps r on r.id = f.rep_id
       where f.state = 'submitted' and f.date between @from and @to
     union all
     select 'dailyReport', f.id, f.date, f.rep_id, r.name from daily_reports f join reps r on r.id = f.rep_id
       where f.state = 'submitted' and f.date between @from and @to
     order by 3, 1 desc, 4`,
  ).all({ from: addDays(date, -(RECENT_DAYS - 1)), to: date }) as Array<{
    target: 'visitPlan' | 'dailyReport';
    id: number;
    date: string;
    repId: number;
    repName: string;
  }>;
  return rows.map((r) =>
    item('unsignedForm', r.target, r.id, r.repName, {
      repId: r.repId,
      repName: r.repName,
      date: r.date,
      days: daysBetween(r.date, date),
      detail: `${r.date} ${r.target === 'visitPlan' ? '拜访计划' : '销售报告'}已提交，待主管核签`,
    }),
  );
}

interface CustomerInfo {
  id: number;
  name: string;
  creditLimitFen: number;
  repId: number | null;
  repName: string | null;
}

function customerInfo(ctx: Ctx, ids: readonly number[]): Map<number, CustomerInfo> {
  const rows = prepared(
    ctx.db,
    `select c.id, c.name, c.credit_limit_fen as creditLimitFen, c.rep_id as repId, r.name as repName
     from customers c left join reps r on r.id = c.rep_id where c.id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as CustomerInfo[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Over credit and long overdue, from the aging as of the date with one bucket edge at the setting's overdue days. */
function creditExceptions(ctx: Ctx, date: string, overdueDays: number): ExceptionItem[] {
  // the ledger read once: the aging's rows and the long-overdue customers' oldest unpaid due dates
  const ledger = ledgerAt(ctx, date);
  // unnamed: the rows kept are named from customerInfo below
  const aging = agingOfLedger(ctx, ledger, { asOf: date, groupBy: 'customer', buckets: [overdueDays] }, undefined, false);
  const limits = new Map(
    (prepared(ctx.db, 'select id, credit_limit_fen from customers where credit_limit_fen > 0').raw().all() as Array<[number, number]>).map(
      ([id, limit]) => [id, limit],
    ),
  );
  const over = aging.rows.filter((r) => (limits.get(r.key) ?? 0) > 0 && r.totalFen > limits.get(r.key)!);
  const long = aging.rows.filter((r) => r.bucketsFen[1]! > 0);
  // the oldest unpaid due date of each long-overdue customer, for its days
  const oldestDue = new Map<number, string>();
  const wanted = new Set(long.map((r) => r.key));
  for (const [customerId, , dueDate] of ledger.open) {
    if (!wanted.has(customerId)) continue;
    const d = oldestDue.get(customerId);
    if (d === undefined || dueDate < d) oldestDue.set(customerId, dueDate);
  }
  const info = customerInfo(ctx, [...new Set([...over, ...long].map((r) => r.key))]);
  const out: ExceptionItem[] = [];
  for (const r of over.sort((a, b) => b.totalFen - limits.get(b.key)! - (a.totalFen - limits.get(a.key)!))) {
    const c = info.get(r.key);
    const limit = limits.get(r.key)!;
    out.push(
      item('overCredit', 'customer', r.key, c?.name ?? r.name, {
        repId: c?.repId ?? null,
        repName: c?.repName ?? null,
        amountFen: r.totalFen - limit,
        date,
        detail: `应收余额 ${fen(r.totalFen)} 超过信用额度 ${fen(limit)}`,
      }),
    );
  }
  for (const r of long.sort((a, b) => b.bucketsFen[1]! - a.bucketsFen[1]! || a.key - b.key)) {
    const c = info.get(r.key);
    const due = oldestDue.get(r.key);
    const days = due === undefined ? null : daysBetween(due, date);
    out.push(
      item('longOverdue', 'customer', r.key, c?.name ?? r.name, {
        repId: c?.repId ?? null,
        repName: c?.repName ?? null,
        amountFen: r.bucketsFen[1]!,
        days,
        date: due ?? null,
        detail: `逾期超过 ${overdueDays} 天的应收 ${fen(r.bucketsFen[1]!)}${days === null ? '' : `，最长逾期 ${days} 天`}`,
      }),
    );
  }
  return out;
}

/** Reps' month sales and collections targets behind the time progress as of the date. */
function behindTargets(ctx: Ctx, date: string): ExceptionItem[] {
  const out: ExceptionItem[] = [];
  for (const metric of ['sales', 'collections'] as const) {
    const t = tracking(ctx, { metric, level: 'rep', period: date.slice(0, 7), asOf: date });
    const rows = t.rows.filter((r) => r.status === 'behind' && typeof r.unitId === 'number');
    rows.sort((a, b) => (a.achievementBp ?? 0) - (b.achievementBp ?? 0));
    const label = metricDefinitions[metric].label.zh;
    for (const r of rows) {
      const repId = r.unitId as number;
      out.push(
        item('behindTarget', r.targetId === null ? 'rep' : 'target', r.targetId ?? repId, r.name, {
          repId,
          repName: r.name,
          amountFen: r.gap,
          date,
          detail: `${date.slice(0, 7)} ${label}达成 ${pct(r.achievementBp)}，时间进度 ${pct(r.timeProgressBp)}，差 ${fen(r.gap)}`,
        }),
      );
    }
  }
  return out;
}

function notVisited(ctx: Ctx, date: string): ExceptionItem[] {
  const customers = customersWithin(ctx, {}, { grades: ['A', 'B'] });
  return abNotVisited(ctx, customers, date, NOT_VISITED_DAYS).map((r) =>
    item('abNotVisited', 'customer', r.customer.id, r.customer.name, {
      repId: r.customer.repId,
      repName: r.customer.repName,
      days: r.daysSinceVisit,
      date: r.lastVisitDate,
      detail:
        r.lastVisitDate === null
          ? `${r.customer.grade} 类客户，没有拜访记录`
          : `${r.customer.grade} 类客户，${r.daysSinceVisit} 天未拜访（上次 ${r.lastVisitDate}）`,
    }),
  );
}

/** 流失预警: lost as of the date, the most recently silent first (the ones still most likely to come back). */
function silentCustomers(ctx: Ctx, date: string, days: number): ExceptionItem[] {
  let lost = lostOn(ctx, date, days);
  if (!lost) {
    lost = new Map();
    for (const [id, [last]] of lastStandingOrders(ctx, [date])) if (last && isLostOn(last, date, days)) lost.set(id, last);
  }
  // the active ones among them
  const rows: Array<{ c: CustomerRecord; last: string }> = [];
  for (const c of customersWithin(ctx, {}, { ids: [...lost.keys()] })) rows.push({ c, last: lost.get(c.id)! });
  rows.sort((a, b) => compareText(b.last, a.last) || a.c.code.localeCompare(b.c.code));
  return rows.map(({ c, last }) =>
    item('silentCustomer', 'customer', c.id, c.name, {
      repId: c.repId,
      repName: c.repName,
      days: daysBetween(last, date),
      date: last,
      detail: `${daysBetween(last, date)} 天没有订单（最后一单 ${last}）`,
    }),
  );
}

function channelConflicts(ctx: Ctx, date: string): ExceptionItem[] {
  const where = channelConflictWhere({ from: addDays(date, -(RECENT_DAYS - 1)), to: date });
  const rows = prepared(
    ctx.db,
    `select o.id, o.doc_no as docNo, o.date, o.total_fen as amountFen, d.name as dealerName, c.name as customerName,
       o.rep_id as repId, r.name as repName
     from orders o join dealers d on d.id = o.dealer_id join customers c on c.id = o.customer_id left join reps r on r.id = o.rep_id
     ${where.sql} order by o.date desc, o.id desc`,
  ).all(...where.params) as Array<{
    id: number;
    docNo: string;
    date: string;
    amountFen: number;
    dealerName: string;
    customerName: string;
    repId: number | null;
    repName: string | null;
  }>;
  return rows.map((r) =>
    item('channelConflict', 'channelConflict', r.id, r.dealerName, {
      repId: r.repId,
      repName: r.repName,
      amountFen: r.amountFen,
      date: r.date,
      days: daysBetween(r.date, date),
      detail: `${r.docNo} 发往授权区域外客户「${r.customerName}」`,
    }),
  );
}

function overdueComplaints(ctx: Ctx, date: string): ExceptionItem[] {
  const rows = prepared(
    ctx.db,
    `select k.id, k.code, k.received_date as receivedDate, k.urgency, k.content, c.name as customerName,
       coalesce(k.rep_id, c.rep_id) as repId, r.name as repName
     from complaints k join customers c on c.id = k.customer_id left join reps r on r.id = coalesce(k.rep_id, c.rep_id)
     where k.status = 'open' and k.received_date <= @date`,
  ).all({ date }) as Array<{
    id: number;
    code: string;
    receivedDate: string;
    urgency: Urgency;
    content: string;
    customerName: string;
    repId: number | null;
    repName: string | null;
  }>;
  const out: ExceptionItem[] = [];
  for (const r of rows) {
    const due = addDays(r.receivedDate, COMPLAINT_ANSWER_DAYS[r.urgency] ?? COMPLAINT_ANSWER_DAYS.normal);
    if (due >= date) continue;
    out.push(
      item('complaintOverdue', 'complaint', r.id, r.customerName, {
        repId: r.repId,
        repName: r.repName,
        days: daysBetween(due, date),
        date: r.receivedDate,
        detail: `${r.code} ${r.content.length > 60 ? `${r.content.slice(0, 60)}…` : r.content}`,
      }),
    );
  }
  return out.sort((a, b) => b.days! - a.days! || a.targetId - b.targetId);
}

export function exceptionsAnalytics(ctx: Ctx, input: { date: string }): ExceptionsOut {
  const { date } = input;
  const overdueDays = moneySettings(ctx).overdueDays;
  const silentDays = evaluationScheme(ctx).lostCustomerDays;
  const all = [
    ...missingForms(ctx, date),
    ...unsignedForms(ctx, date),
    ...creditExceptions(ctx, date, overdueDays),
    ...behindTargets(ctx, date),
    ...notVisited(ctx, date),
    ...silentCustomers(ctx, date, silentDays),
    ...channelConflicts(ctx, date),
    ...overdueComplaints(ctx, date),
    ...lowSatisfactionExceptions(ctx, date),
  ];
  const counts = exceptionKinds.map((kind) => ({ kind, count: 0 }));
  const items: ExceptionItem[] = [];
  for (const it of all) {
    const c = counts[exceptionKinds.indexOf(it.kind)]!;
    if (c.count++ < ITEMS_PER_KIND) items.push(it);
  }
  items.sort((a, b) => exceptionKinds.indexOf(a.kind) - exceptionKinds.indexOf(b.kind));
  return { date, thresholds: { notVisitedDays: NOT_VISITED_DAYS, silentDays, overdueDays }, counts, items };
}
