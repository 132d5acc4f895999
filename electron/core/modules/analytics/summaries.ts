// 统计表 The summary tables (schema.ts) as full recomputations from the documents: the one definition the migration
// fills them with, verify compares them against and rebuild replaces them by. Triggers of migrations 0005 and 0007 keep
// them current in the transaction that writes an order, a return or a ledger row (posting, 红冲, raw inserts alike); the demo
// generator, which drops the money tables' triggers while it loads, rebuilds them once at its end. A key keeps its row
// when its documents net to zero (an order and its same-day 红冲), as a GROUP BY over the documents has it.
import type { Ctx } from '../../context';
import type { DB } from '../../db/connection';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { addDays, lastDayOfMonth } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { recordAudit } from '../audit/audit';

interface SummaryTable {
  name:
    | 'sales_facts'
    | 'product_sales_facts'
    | 'product_month_facts'
    | 'customer_first_orders'
    | 'customer_last_orders'
    | 'customer_balances'
    | 'open_receivables'
    | 'rep_month_facts';
  columns: readonly string[];
  key: readonly string[];
  /** the table's rows computed from the documents, columns in `columns` order */
  recompute: string;
}

/** Orders not in draft by order date (红冲 rows negative) and posted returns by return date, per key; rep/dealer 0 = none. */
const SALES_FACTS = `select date, customer_id, rep_id, dealer_id, settlement, sum(s), sum(c), sum(n) from (
    select o.date, o.customer_id, coalesce(o.rep_id, 0) as rep_id, coalesce(o.dealer_id, 0) as dealer_id, o.settlement,
      o.total_fen as s, o.cost_fen as c, case when o.reversal_of_id is null then 1 else -1 end as n
    from orders o where o.state <> 'draft'
    union all
    select t.date, t.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement, -t.total_fen, -t.cost_fen, 0
    from returns t join orders o on o.id = t.order_id where t.state = 'posted')
  group by date, customer_id, rep_id, dealer_id, settlement`;

/** The same documents' lines per product (returns: their lines, negative). */
const PRODUCT_SALES_FACTS = `select date, product_id, customer_id, rep_id, dealer_id, settlement, sum(a), sum(c), sum(q) from (
    select o.date, l.product_id, o.customer_id, coalesce(o.rep_id, 0) as rep_id, coalesce(o.dealer_id, 0) as dealer_id, o.settlement,
      l.amount_fen as a, l.cost_fen as c, l.qty_milli as q
    from orders o join order_lines l on l.order_id = o.id where o.state <> 'draft'
    union all
    select t.date, l.product_id, t.customer_id, coalesce(o.rep_id, 0), coalesce(o.dealer_id, 0), o.settlement,
      -rl.amount_fen, -rl.cost_fen, -rl.qty_milli
    from returns t join orders o on o.id = t.order_id join return_lines rl on rl.return_id = t.id
      join order_lines l on l.id = rl.order_line_id
    where t.state = 'posted')
  group by date, product_id, customer_id, rep_id, dealer_id, settlement`;

/** The same lines per calendar month and product. */
const PRODUCT_MONTH_FACTS = `select substr(date, 1, 7) as month, product_id, sum(a), sum(c), sum(q) from (
    select o.date, l.product_id, l.amount_fen as a, l.cost_fen as c, l.qty_milli as q
    from orders o join order_lines l on l.order_id = o.id where o.state <> 'draft'
    union all
    select t.date, l.product_id, -rl.amount_fen, -rl.cost_fen, -rl.qty_milli
    from returns t join return_lines rl on rl.return_id = t.id join order_lines l on l.id = rl.order_line_id
    where t.state = 'posted')
  group by substr(date, 1, 7), product_id`;

/** Each customer's first standing order today: posted, not a 红冲 row, the lowest id on the first day. */
const CUSTOMER_FIRST_ORDERS = `select customer_id, date, id, rep_id, dealer_id, settlement from (
    select customer_id, date, id, rep_id, dealer_id, settlement, row_number() over (partition by customer_id order by date, id) as k
    from orders where state = 'posted' and reversal_of_id is null)
  where k = 1`;

/** Each customer's last standing order today: posted, not a 红冲 row, the highest id on the last day (migration 0007). */
const CUSTOMER_LAST_ORDERS = `select customer_id, date, id from (
    select customer_id, date, id, row_number() over (partition by customer_id order by date desc, id desc) as k
    from orders where state = 'posted' and reversal_of_id is null)
  where k = 1`;

/** Σ receivables and Σ credits of each customer over the whole ledger (migration 0007). */
const CUSTOMER_BALANCES = `select customer_id, sum(d), sum(k) from (
    select customer_id, amount_fen as d, 0 as k from receivables
    union all
    select customer_id, 0, amount_fen from credits)
  group by customer_id`;

/** The receivables unpaid after every allocation, whatever its date (migration 0007). */
const OPEN_RECEIVABLES = `select r.id as receivable_id, r.customer_id, r.date, r.due_date, r.source_kind, r.rep_id, r.dealer_id, r.amount_fen - coalesce(p.paid, 0)
  from receivables r left join (select receivable_id, sum(amount_fen) as paid from allocations group by receivable_id) p on p.receivable_id = r.id
  where r.amount_fen - coalesce(p.paid, 0) <> 0`;

/** Sales per calendar month and rep (0 = none): sales_facts summed by month and rep (migration 0008). */
const REP_MONTH_FACTS = `select substr(date, 1, 7) as month, rep_id, sum(s) from (
    select o.date, coalesce(o.rep_id, 0) as rep_id, o.total_fen as s from orders o where o.state <> 'draft'
    union all
    select t.date, coalesce(o.rep_id, 0), -t.total_fen from returns t join orders o on o.id = t.order_id where t.state = 'posted')
  group by substr(date, 1, 7), rep_id`;

export const summaryTables: readonly SummaryTable[] = [
  {
    name: 'sales_facts',
    columns: ['date', 'customer_id', 'rep_id', 'dealer_id', 'settlement', 'sales_fen', 'cost_fen', 'orders'],
    key: ['date', 'customer_id', 'rep_id', 'dealer_id', 'settlement'],
    recompute: SALES_FACTS,
  },
  {
    name: 'product_sales_facts',
    columns: ['date', 'product_id', 'customer_id', 'rep_id', 'dealer_id', 'settlement', 'amount_fen', 'cost_fen', 'qty_milli'],
    key: ['date', 'product_id', 'customer_id', 'rep_id', 'dealer_id', 'settlement'],
    recompute: PRODUCT_SALES_FACTS,
  },
  {
    name: 'product_month_facts',
    columns: ['month', 'product_id', 'amount_fen', 'cost_fen', 'qty_milli'],
    key: ['month', 'product_id'],
    recompute: PRODUCT_MONTH_FACTS,
  },
  {
    name: 'customer_first_orders',
    columns: ['customer_id', 'date', 'order_id', 'rep_id', 'dealer_id', 'settlement'],
    key: ['customer_id'],
    recompute: CUSTOMER_FIRST_ORDERS,
  },
  {
    name: 'customer_last_orders',
    columns: ['customer_id', 'date', 'order_id'],
    key: ['customer_id'],
    recompute: CUSTOMER_LAST_ORDERS,
  },
  {
    name: 'customer_balances',
    columns: ['customer_id', 'receivables_fen', 'credits_fen'],
    key: ['customer_id'],
    recompute: CUSTOMER_BALANCES,
  },
  {
    name: 'open_receivables',
    columns: ['receivable_id', 'customer_id', 'date', 'due_date', 'source_kind', 'rep_id', 'dealer_id', 'unpaid_fen'],
    key: ['receivable_id'],
    recompute: OPEN_RECEIVABLES,
  },
  {
    name: 'rep_month_facts',
    columns: ['month', 'rep_id', 'sales_fen'],
    key: ['month', 'rep_id'],
    recompute: REP_MONTH_FACTS,
  },
];

/**
 * Sales per rep over [from, to] without other filters (targets/actuals.ts' rep-level sales): the whole calendar months
 * inside the range from rep_month_facts, the days before and after them from sales_facts. Only the reps asked for.
 */
export function repSalesInRange(db: DB, from: string, to: string, repIds: readonly number[]): Map<string, number> {
  const firstDay = from.endsWith('-01') ? from : addDays(lastDayOfMonth(Number(from.slice(0, 4)), Number(from.slice(5, 7))), 1);
  const lastDay = to === lastDayOfMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7))) ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  const days = 'select rep_id, sales_fen from sales_facts where rep_id in (select value from json_each(@reps)) and date between';
  const params = { reps: JSON.stringify(repIds), from, to, headTo: addDays(firstDay, -1), tailFrom: addDays(lastDay, 1) };
  const sql =
    firstDay > lastDay
      ? `${days} @from and @to`
      : `select rep_id, sales_fen from rep_month_facts where month between @monthFrom and @monthTo and rep_id in (select value from json_each(@reps))
         union all ${days} @from and @headTo
         union all ${days} @tailFrom and @to`;
  const rows = prepared(db, `select rep_id, sum(sales_fen) from (${sql}) group by rep_id`)
    .raw()
    .all({ ...params, monthFrom: firstDay.slice(0, 7), monthTo: lastDay.slice(0, 7) }) as Array<[number, number]>;
  return new Map(rows.map(([rep, v]) => [String(rep), v]));
}

export interface SummaryReport {
  name: string;
  rows: number;
  /** keys whose row differs from the recomputation, or is on one side only */
  mismatches: number;
}

const rowCount = (db: DB, t: SummaryTable) => db.prepare(`select count(*) from ${t.name}`).pluck().get() as number;

/** Every table against a full recomputation from the documents (reads only). */
export function verifySummaries(db: DB): SummaryReport[] {
  return summaryTables.map((t) => {
    const stored = `select ${t.columns.join(', ')} from ${t.name}`;
    const keys = t.key.join(', ');
    // a row missing, extra or different shows up in one of the two differences; its key counted once
    const mismatches = db
      .prepare(
        `select count(*) from (
           select ${keys} from (${stored} except select * from (${t.recompute}))
           union
           select ${keys} from (select * from (${t.recompute}) except ${stored}))`,
      )
      .pluck()
      .get() as number;
    return { name: t.name, rows: rowCount(db, t), mismatches };
  });
}

/** Replaces every table by its recomputation; the caller holds the transaction. */
export function rebuildSummaryTables(db: DB): void {
  for (const t of summaryTables) {
    db.prepare(`delete from ${t.name}`).run();
    db.prepare(`insert into ${t.name} (${t.columns.join(', ')}) ${t.recompute}`).run();
  }
}

/**
 * analytics.rebuildSummaries: verifyOnly reports each table's rows and mismatches; otherwise the mismatches found are
 * reported, the tables replaced in one transaction (the row counts after) and the rebuild audited.
 */
export function rebuildSummaries(ctx: Ctx, input: ParsedInput<'analytics.rebuildSummaries'>): Output<'analytics.rebuildSummaries'> {
  if (input.verifyOnly) return { tables: verifySummaries(ctx.db), rebuilt: false };
  return ctx.db.transaction(() => {
    const before = verifySummaries(ctx.db);
    rebuildSummaryTables(ctx.db);
    const tables = before.map((t) => ({
      ...t,
      rows: rowCount(
        ctx.db,
        summaryTables.find((s) => s.name === t.name)!,
      ),
    }));
    recordAudit(ctx, {
      action: 'rebuild',
      entity: 'summaries',
      entityId: null,
      before: Object.fromEntries(before.map((t) => [t.name, { rows: t.rows, mismatches: t.mismatches }])),
      after: Object.fromEntries(tables.map((t) => [t.name, { rows: t.rows }])),
    });
    return { tables, rebuilt: true };
  })();
}

/**
 * The customers new in [@from, @to] as of @to (targets/actuals.ts' newCustomers): each one's first order standing on
 * @to — customer_first_orders, or an order reversed only after @to, which still stood then (the few such customers are
 * corrected here) — when dated in the range. Columns: customer_id, date, rep_id, dealer_id, settlement.
 */
export const NEW_CUSTOMERS_SQL = `select k.customer_id, k.date, k.rep_id, k.dealer_id, k.settlement from (
    select customer_id, date, order_id as id, rep_id, dealer_id, settlement from customer_first_orders where date between @from and @to
    union all
    select o.customer_id, o.date, o.id, o.rep_id, o.dealer_id, o.settlement from orders o join orders rv on rv.id = o.reversed_by_id
    where o.date between @from and @to and o.state = 'reversed' and o.reversal_of_id is null and rv.date > @to) k
  where not exists (select 1 from customer_first_orders f where f.customer_id = k.customer_id
      and (f.date < k.date or (f.date = k.date and f.order_id < k.id)))
    and not exists (select 1 from orders e join orders erv on erv.id = e.reversed_by_id where e.customer_id = k.customer_id
      and e.date <= k.date and e.state = 'reversed' and e.reversal_of_id is null and erv.date > @to
      and (e.date < k.date or e.id < k.id))`;

/**
 * Sales lines per product over [from, to] without filters — product_id, amount_fen, cost_fen rows to be summed: the
 * whole calendar months inside the range from product_month_facts, the days before and after them from
 * product_sales_facts (a year is 12 rows per product instead of every day's).
 */
export function productRangeSource(from: string, to: string): { sql: string; params: Record<string, string> } {
  const firstDay = from.endsWith('-01') ? from : addDays(lastDayOfMonth(Number(from.slice(0, 4)), Number(from.slice(5, 7))), 1);
  const lastDay = to === lastDayOfMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7))) ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  const days = 'select product_id, amount_fen, cost_fen from product_sales_facts where date between';
  if (firstDay > lastDay) return { sql: `${days} @prFrom and @prTo`, params: { prFrom: from, prTo: to } };
  return {
    sql: `select product_id, amount_fen, cost_fen from product_month_facts where month between @prMonthFrom and @prMonthTo
          union all ${days} @prFrom and @prHeadTo
          union all ${days} @prTailFrom and @prTo`,
    params: {
      prMonthFrom: firstDay.slice(0, 7),
      prMonthTo: lastDay.slice(0, 7),
      prFrom: from,
      prHeadTo: addDays(firstDay, -1),
      prTailFrom: addDays(lastDay, 1),
      prTo: to,
    },
  };
}
