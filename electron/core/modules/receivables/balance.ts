// A customer's position as of a date A, read from the ledger (documents dated after A do not exist):
//   balance = Σ receivables dated ≤ A − Σ credits dated ≤ A;
//   owed    = Σ unpaid of the receivables open at A (unpaid = amount − Σ allocations dated ≤ A; a receivable whose
//             settled_date is on or before A is paid for good and skipped without summing its allocations);
//   prepayment = owed − balance (the credits not yet allocated as of A).
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { prepared } from '../../db/sql';
import { notFound } from '../../errors';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (the calendar day, no time zone). */
export function dayNumber(ymd: string): number {
  return Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY_MS;
}

/** 0 = 未到期 (overdue ≤ 0 days); i = the i-th overdue bucket (1–e₁, e₁+1–e₂, …); edges.length + 1 = over the last edge. */
export function bucketOf(overdueDays: number, edges: readonly number[]): number {
  if (overdueDays <= 0) return 0;
  for (let i = 0; i < edges.length; i++) if (overdueDays <= edges[i]!) return i + 1;
  return edges.length + 1;
}

/** A receivable that is not paid in full as of the date it was read for. */
export interface OpenReceivable {
  id: number;
  customerId: number;
  kind: 'order' | 'opening';
  sourceId: number;
  docNo: string;
  date: string;
  dueDate: string;
  amountFen: number;
  repId: number | null;
  dealerId: number | null;
  unpaidFen: number;
}

const unpaidSql = `r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @asOf), 0)`;
const openColumns = `r.id, r.customer_id as customerId, r.source_kind as kind, r.source_id as sourceId, r.doc_no as docNo, r.date,
  r.due_date as dueDate, r.amount_fen as amountFen, r.rep_id as repId, r.dealer_id as dealerId, ${unpaidSql} as unpaidFen`;

/**
 * Every receivable open as of A (all customers): the ones never settled and the ones settled after A, each range read
 * from receivables_open_idx (settled_date, date). Unpaid parts of 0 (paid by A, settled later) are left out.
 */
export function openReceivablesAt(ctx: Ctx, asOf: string): OpenReceivable[] {
  const rows = prepared(
    ctx.db,
    `select ${openColumns} from receivables r where r.settled_date is null and r.date <= @asOf
     union all
     select ${openColumns} from receivables r where r.settled_date > @asOf and r.date <= @asOf`,
  ).all({ asOf }) as OpenReceivable[];
  return rows.filter((r) => r.unpaidFen !== 0);
}

/** One customer's receivables open as of A, oldest due first. */
export function customerOpenReceivables(ctx: Ctx, customerId: number, asOf: string): OpenReceivable[] {
  const rows = prepared(
    ctx.db,
    `select ${openColumns} from receivables r
     where r.customer_id = @customerId and r.date <= @asOf and (r.settled_date is null or r.settled_date > @asOf)
     order by r.due_date, r.date, r.id`,
  ).all({ customerId, asOf }) as OpenReceivable[];
  return rows.filter((r) => r.unpaidFen !== 0);
}

export interface Position {
  /** Σ receivables dated ≤ A */
  debitFen: number;
  /** Σ credits dated ≤ A */
  creditFen: number;
  balanceFen: number;
  owedFen: number;
  prepaymentFen: number;
  open: OpenReceivable[];
}

/** One customer's position as of A. */
export function customerPosition(ctx: Ctx, customerId: number, asOf: string): Position {
  const { debitFen, creditFen } = prepared(
    ctx.db,
    `select (select coalesce(sum(amount_fen), 0) from receivables where customer_id = @customerId and date <= @asOf) as debitFen,
            (select coalesce(sum(amount_fen), 0) from credits where customer_id = @customerId and date <= @asOf) as creditFen`,
  ).get({ customerId, asOf }) as { debitFen: number; creditFen: number };
  const open = customerOpenReceivables(ctx, customerId, asOf);
  const owedFen = open.reduce((s, r) => s + r.unpaidFen, 0);
  const balanceFen = debitFen - creditFen;
  return { debitFen, creditFen, balanceFen, owedFen, prepaymentFen: owedFen - balanceFen, open };
}

/** Σ unpaid of the items past their due date as of A. */
export function overdueOf(open: readonly OpenReceivable[], asOf: string): number {
  let sum = 0;
  for (const r of open) if (r.dueDate < asOf) sum += r.unpaidFen;
  return sum;
}

interface CustomerLimit {
  id: number;
  creditLimitFen: number;
}

export function mustFindCustomer(ctx: Ctx, customerId: number): CustomerLimit {
  const row = prepared(ctx.db, 'select id, credit_limit_fen as creditLimitFen from customers where id = ?').get(customerId) as
    CustomerLimit | undefined;
  if (!row) throw notFound('客户', customerId, 'customerId');
  return row;
}

/** The latest order and collection dated ≤ A that were not reversed by A (a reversal row is no order of its own); the
 *  reversal is found from the original's reversed_by_id (a key lookup), not by searching reversal_of_id. */
function lastDocuments(ctx: Ctx, customerId: number, asOf: string) {
  const order = prepared(
    ctx.db,
    `select o.date, o.total_fen as amountFen from orders o
     where o.customer_id = @customerId and o.date <= @asOf and o.state <> 'draft' and o.reversal_of_id is null
       and (o.reversed_by_id is null or (select x.date from orders x where x.id = o.reversed_by_id) > @asOf)
     order by o.date desc, o.id desc limit 1`,
  ).get({ customerId, asOf }) as { date: string; amountFen: number } | undefined;
  const collection = prepared(
    ctx.db,
    `select c.date, c.amount_fen as amountFen from collections c
     where c.customer_id = @customerId and c.date <= @asOf and c.reversal_of_id is null
       and (c.reversed_by_id is null or (select x.date from collections x where x.id = c.reversed_by_id) > @asOf)
     order by c.date desc, c.id desc limit 1`,
  ).get({ customerId, asOf }) as { date: string; amountFen: number } | undefined;
  return { order, collection };
}

export function customerBalance(ctx: Ctx, input: ParsedInput<'receivables.balance'>): Output<'receivables.balance'> {
  const customer = mustFindCustomer(ctx, input.customerId);
  const asOf = input.asOf ?? todayLocal(ctx);
  const p = customerPosition(ctx, customer.id, asOf);
  const last = lastDocuments(ctx, customer.id, asOf);
  return {
    customerId: customer.id,
    asOf,
    balanceFen: p.balanceFen,
    owedFen: p.owedFen,
    overdueFen: overdueOf(p.open, asOf),
    prepaymentFen: p.prepaymentFen,
    creditLimitFen: customer.creditLimitFen,
    creditLeftFen: customer.creditLimitFen - p.balanceFen,
    lastOrderDate: last.order?.date ?? null,
    lastOrderFen: last.order?.amountFen ?? null,
    lastCollectionDate: last.collection?.date ?? null,
    lastCollectionFen: last.collection?.amountFen ?? null,
  };
}

/** What one rep's posted documents of one day add up to per customer: the daily sales report fills its amounts from them. */
export interface RepDayDocuments {
  /** Σ totals of the rep's posted orders of that day (reversed ones and reversal rows left out); null: no order */
  orderFen: number | null;
  /** Σ of the rep's posted collections of that day (reversed ones left out); null: no collection */
  collectedFen: number | null;
  /** the documents' numbers, in posting order */
  orderDocNos: string[];
  collectionDocNos: string[];
}

export function repDayDocuments(ctx: Ctx, repId: number, date: string): Map<number, RepDayDocuments> {
  const out = new Map<number, RepDayDocuments>();
  const entry = (customerId: number) => {
    let e = out.get(customerId);
    if (!e) out.set(customerId, (e = { orderFen: null, collectedFen: null, orderDocNos: [], collectionDocNos: [] }));
    return e;
  };
  const orders = prepared(
    ctx.db,
    `select customer_id, sum(total_fen), json_group_array(doc_no) from (select * from orders
     where rep_id = ? and date = ? and state = 'posted' and reversal_of_id is null order by id) group by customer_id`,
  )
    .raw()
    .all(repId, date) as Array<[number, number, string]>;
  for (const [customerId, fen, docNos] of orders) {
    const e = entry(customerId);
    e.orderFen = fen;
    e.orderDocNos = JSON.parse(docNos) as string[];
  }
  const collections = prepared(
    ctx.db,
    `select customer_id, sum(amount_fen), json_group_array(doc_no) from (select * from collections
     where rep_id = ? and date = ? and state = 'posted' and reversal_of_id is null order by id) group by customer_id`,
  )
    .raw()
    .all(repId, date) as Array<[number, number, string]>;
  for (const [customerId, fen, docNos] of collections) {
    const e = entry(customerId);
    e.collectedFen = fen;
    e.collectionDocNos = JSON.parse(docNos) as string[];
  }
  return out;
}
