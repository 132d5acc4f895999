// The write side of the receivables ledger: every posting (order, opening balance, return, order reversal, collection,
// collection reversal, write-off) writes its receivable or credit here and allocates it, inside the posting's own
// transaction. Allocations are dated max(credit date, receivable date) — or later, when the receivable had no room
// until then — so an answer "as of A" never sees a payment before both documents exist, nor a receivable overpaid.
// After any allocation a receivable's settled_date cache is recomputed.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import { prepared } from '../../db/sql';

export type ReceivableKind = 'order' | 'opening';
export type CreditKind = 'collection' | 'collection_reversal' | 'return' | 'order_reversal' | 'write_off';

export interface NewReceivable {
  customerId: number;
  sourceKind: ReceivableKind;
  sourceId: number;
  docNo: string;
  date: string;
  dueDate: string;
  amountFen: number;
  repId: number | null;
  dealerId: number | null;
}

export interface NewCredit {
  customerId: number;
  sourceKind: CreditKind;
  sourceId: number;
  docNo: string;
  date: string;
  amountFen: number;
}

/** A credit as the allocation helpers need it. */
export interface CreditRef {
  id: number;
  customerId: number;
  date: string;
}

/** An open receivable with its unpaid part now (every allocation counted, whatever its date). */
export interface OpenItemNow {
  id: number;
  customerId: number;
  date: string;
  dueDate: string;
  amountFen: number;
  unpaidFen: number;
}

const later = (a: string, b: string) => (a > b ? a : b);

export function createReceivable(ctx: Ctx, r: NewReceivable): number {
  return Number(
    prepared(
      ctx.db,
      `insert into receivables (customer_id, source_kind, source_id, doc_no, date, due_date, amount_fen, rep_id, dealer_id, settled_date, created_at)
       values (@customerId, @sourceKind, @sourceId, @docNo, @date, @dueDate, @amountFen, @repId, @dealerId, null, @now)`,
    ).run({ ...r, now: nowIso(ctx) }).lastInsertRowid,
  );
}

export function createCredit(ctx: Ctx, c: NewCredit): CreditRef {
  const id = Number(
    prepared(
      ctx.db,
      `insert into credits (customer_id, source_kind, source_id, doc_no, date, amount_fen, created_at)
       values (@customerId, @sourceKind, @sourceId, @docNo, @date, @amountFen, @now)`,
    ).run({ ...c, now: nowIso(ctx) }).lastInsertRowid,
  );
  return { id, customerId: c.customerId, date: c.date };
}

function insertAllocation(ctx: Ctx, creditId: number, receivableId: number, date: string, amountFen: number): void {
  prepared(ctx.db, 'insert into allocations (credit_id, receivable_id, date, amount_fen, created_at) values (?, ?, ?, ?, ?)').run(
    creditId,
    receivableId,
    date,
    amountFen,
    nowIso(ctx),
  );
}

/**
 * The date a payment of `take` counts against a receivable from: the first date on or after `from` (max of the credit's
 * and the receivable's dates) from which the receivable has that much unpaid on every later day. Usually `from` itself;
 * later when the room opened only later (a collection reversed after this credit's date), so that as of no date is a
 * receivable paid more than its amount.
 */
function allocationDate(ctx: Ctx, item: { id: number; amountFen: number }, from: string, take: number): string {
  const days = prepared(
    ctx.db,
    'select date, sum(amount_fen) as fen from allocations where receivable_id = ? group by date order by date',
  ).all(item.id) as Array<{ date: string; fen: number }>;
  // candidates: `from`, then each allocation date after it; a candidate fits when, as of it and of every later
  // allocation date, what is paid leaves room for `take`
  const paidBy: number[] = [];
  let paid = 0;
  for (const d of days) paidBy.push((paid += d.fen));
  const mostFrom = new Array<number>(days.length + 1).fill(Number.NEGATIVE_INFINITY); // max of paidBy[i..]
  for (let i = days.length - 1; i >= 0; i--) mostFrom[i] = Math.max(paidBy[i]!, mostFrom[i + 1]!);
  let after = 0; // the first allocation date after the candidate
  while (after < days.length && days[after]!.date <= from) after++;
  const paidAtFrom = after > 0 ? paidBy[after - 1]! : 0;
  if (item.amountFen - Math.max(paidAtFrom, mostFrom[after]!) >= take) return from;
  for (let i = after; i < days.length; i++) if (item.amountFen - mostFrom[i]! >= take) return days[i]!.date;
  return later(from, days.at(-1)?.date ?? from);
}

const unpaidNowSql = `r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id), 0)`;
const openColumns = `r.id, r.customer_id as customerId, r.date, r.due_date as dueDate, r.amount_fen as amountFen, ${unpaidNowSql} as unpaidFen`;

/** One receivable with its unpaid part now; undefined when there is no such receivable. */
export function receivableNow(ctx: Ctx, id: number): OpenItemNow | undefined {
  return prepared(ctx.db, `select ${openColumns} from receivables r where r.id = ?`).get(id) as OpenItemNow | undefined;
}

/** A customer's receivables unpaid now, oldest due first (then date, id); `upTo`: only those dated on or before it. */
export function openItemsNow(ctx: Ctx, customerId: number, upTo?: string): OpenItemNow[] {
  const rows = prepared(
    ctx.db,
    `select ${openColumns} from receivables r
     where r.customer_id = @customerId and r.settled_date is null and r.date <= @upTo
     order by r.due_date, r.date, r.id`,
  ).all({ customerId, upTo: upTo ?? '9999-12-31' }) as OpenItemNow[];
  return rows.filter((r) => r.unpaidFen > 0);
}

/**
 * Allocates `amountFen` of a credit to receivables, each up to its unpaid part, in the order given; returns what was
 * allocated (the rest stays on the credit: the customer's prepayment). Settled dates are recomputed.
 */
export function allocateInOrder(ctx: Ctx, credit: CreditRef, items: readonly OpenItemNow[], amountFen: number): number {
  let left = amountFen;
  const touched: number[] = [];
  for (const item of items) {
    if (left <= 0) break;
    const take = Math.min(left, item.unpaidFen);
    if (take <= 0) continue;
    insertAllocation(ctx, credit.id, item.id, allocationDate(ctx, item, later(credit.date, item.date), take), take);
    item.unpaidFen -= take;
    left -= take;
    touched.push(item.id);
  }
  recomputeSettledDates(ctx, touched);
  return amountFen - left;
}

/** Oldest due first over the customer's open receivables (optionally only those dated on or before `upTo`). */
export function allocateOldestDueFirst(ctx: Ctx, credit: CreditRef, amountFen: number, upTo?: string): number {
  return allocateInOrder(ctx, credit, openItemsNow(ctx, credit.customerId, upTo), amountFen);
}

/** A return's or an order reversal's credit: its own order's receivable first, then the others oldest due first. */
export function allocateOwnFirst(ctx: Ctx, credit: CreditRef, amountFen: number, ownReceivableId: number | null): number {
  const items = openItemsNow(ctx, credit.customerId);
  const own = items.findIndex((r) => r.id === ownReceivableId);
  if (own > 0) items.unshift(...items.splice(own, 1));
  return allocateInOrder(ctx, credit, items, amountFen);
}

/** Allocations chosen by hand (already checked: this customer's, each within its unpaid part). */
export function allocateManual(ctx: Ctx, credit: CreditRef, picks: ReadonlyArray<{ item: OpenItemNow; amountFen: number }>): number {
  let total = 0;
  for (const p of picks) {
    insertAllocation(ctx, credit.id, p.item.id, allocationDate(ctx, p.item, later(credit.date, p.item.date), p.amountFen), p.amountFen);
    total += p.amountFen;
  }
  recomputeSettledDates(
    ctx,
    picks.map((p) => p.item.id),
  );
  return total;
}

/**
 * The customer's prepayment now (every document counted): Σ credits − Σ allocations, read as Σ credits − Σ receivables
 * + Σ unpaid of the open receivables, which the covering indexes answer without touching the customer's history.
 */
export function prepaymentNow(ctx: Ctx, customerId: number): number {
  return (
    prepared(
      ctx.db,
      `select (select coalesce(sum(amount_fen), 0) from credits where customer_id = @customerId)
            - (select coalesce(sum(amount_fen), 0) from receivables where customer_id = @customerId)
            + (select coalesce(sum(${unpaidNowSql}), 0) from receivables r where r.customer_id = @customerId and r.settled_date is null) as p`,
    ).get({ customerId }) as { p: number }
  ).p;
}

/**
 * The credits of a customer with an unallocated part, oldest first. A reversed collection and its reversal net to 0
 * and are left out; every other credit's free part is ≥ 0 and they add up to the prepayment, so the walk goes from the
 * newest back only until it has found all of it (free credits are the recent ones).
 */
export function freeCredits(ctx: Ctx, customerId: number): Array<CreditRef & { freeFen: number }> {
  const prepayment = prepaymentNow(ctx, customerId);
  if (prepayment <= 0) return [];
  const found: Array<CreditRef & { freeFen: number }> = [];
  let sum = 0;
  const rows = prepared(
    ctx.db,
    `select c.id, c.customer_id as customerId, c.date,
       c.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.credit_id = c.id), 0) as freeFen
     from credits c
     where c.customer_id = ? and c.amount_fen > 0
       and not (c.source_kind = 'collection' and exists (select 1 from collections k where k.id = c.source_id and k.state = 'reversed'))
     order by c.date desc, c.id desc`,
  ).iterate(customerId) as IterableIterator<CreditRef & { freeFen: number }>;
  for (const row of rows) {
    if (row.freeFen <= 0) continue;
    found.push(row);
    sum += row.freeFen;
    if (sum >= prepayment) break;
  }
  return found.reverse();
}

/** A new receivable takes the customer's prepayments (unallocated credits), oldest credit first. Returns what it took. */
export function useFreeCredits(ctx: Ctx, receivableId: number): number {
  const item = receivableNow(ctx, receivableId);
  if (!item || item.unpaidFen <= 0) return 0;
  let taken = 0;
  for (const credit of freeCredits(ctx, item.customerId)) {
    if (item.unpaidFen <= 0) break;
    const take = Math.min(credit.freeFen, item.unpaidFen);
    insertAllocation(ctx, credit.id, item.id, allocationDate(ctx, item, later(credit.date, item.date), take), take);
    item.unpaidFen -= take;
    taken += take;
  }
  if (taken > 0) recomputeSettledDates(ctx, [item.id]);
  return taken;
}

/**
 * Undoes a credit's allocations for its reversal: per receivable, a negative allocation of the net amount, recorded on
 * the reversing credit and dated at the reversal date (or the original allocation's date when that is later, so no
 * day ever sees the undoing before the payment). Returns the receivables reopened.
 */
export function undoAllocations(ctx: Ctx, original: CreditRef, reversal: CreditRef): number[] {
  const nets = prepared(
    ctx.db,
    `select receivable_id as receivableId, sum(amount_fen) as netFen, max(date) as lastDate
     from allocations where credit_id = ? group by receivable_id having sum(amount_fen) <> 0 order by receivable_id`,
  ).all(original.id) as Array<{ receivableId: number; netFen: number; lastDate: string }>;
  for (const n of nets) insertAllocation(ctx, reversal.id, n.receivableId, later(reversal.date, n.lastDate), -n.netFen);
  const ids = nets.map((n) => n.receivableId);
  recomputeSettledDates(ctx, ids);
  return ids;
}

/**
 * settled_date = the first date from which the receivable stays paid in full (null while any part is unpaid now),
 * from its allocations summed per date.
 */
export function recomputeSettledDates(ctx: Ctx, receivableIds: readonly number[]): void {
  const seen = new Set<number>();
  for (const id of receivableIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const r = prepared(ctx.db, 'select amount_fen as amountFen, settled_date as settledDate from receivables where id = ?').get(id) as
      { amountFen: number; settledDate: string | null } | undefined;
    if (!r) continue;
    const days = prepared(
      ctx.db,
      'select date, sum(amount_fen) as fen from allocations where receivable_id = ? group by date order by date',
    ).all(id) as Array<{ date: string; fen: number }>;
    let paid = 0;
    let settled: string | null = null;
    for (const d of days) {
      paid += d.fen;
      if (paid === r.amountFen) settled ??= d.date;
      else settled = null;
    }
    if (settled !== r.settledDate) prepared(ctx.db, 'update receivables set settled_date = ? where id = ?').run(settled, id);
  }
}

/** What a customer owes as of a date: Σ unpaid parts of the receivables dated on or before it. */
export function customerOwed(ctx: Ctx, customerId: number, asOf: string): number {
  return (
    prepared(
      ctx.db,
      `select coalesce(sum(r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @asOf), 0)), 0) as owed
       from receivables r
       where r.customer_id = @customerId and r.date <= @asOf and (r.settled_date is null or r.settled_date > @asOf)`,
    ).get({ customerId, asOf }) as { owed: number }
  ).owed;
}

/** The unpaid part of one receivable as of a date (0 before it exists). */
export function unpaidOf(ctx: Ctx, receivableId: number, asOf: string): number {
  const row = prepared(
    ctx.db,
    `select case when r.date > @asOf or (r.settled_date is not null and r.settled_date <= @asOf) then 0
       else r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @asOf), 0) end as unpaid
     from receivables r where r.id = @receivableId`,
  ).get({ receivableId, asOf }) as { unpaid: number } | undefined;
  return row?.unpaid ?? 0;
}

/** balance = Σ receivables dated ≤ A − Σ credits dated ≤ A (= owed − prepayment). */
export function customerBalanceAt(ctx: Ctx, customerId: number, asOf: string): number {
  return (
    prepared(
      ctx.db,
      `select (select coalesce(sum(amount_fen), 0) from receivables where customer_id = @customerId and date <= @asOf)
            - (select coalesce(sum(amount_fen), 0) from credits where customer_id = @customerId and date <= @asOf) as balance`,
    ).get({ customerId, asOf }) as { balance: number }
  ).balance;
}

/** The unpaid parts of a customer's receivables as of A with their due dates (for the overdue figures of credit control). */
export function unpaidItemsAt(ctx: Ctx, customerId: number, asOf: string): Array<{ id: number; dueDate: string; unpaidFen: number }> {
  const rows = prepared(
    ctx.db,
    `select r.id, r.due_date as dueDate,
       r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @asOf), 0) as unpaidFen
     from receivables r
     where r.customer_id = @customerId and r.date <= @asOf and (r.settled_date is null or r.settled_date > @asOf)`,
  ).all({ customerId, asOf }) as Array<{ id: number; dueDate: string; unpaidFen: number }>;
  return rows.filter((r) => r.unpaidFen > 0);
}

/** The receivable a posted order or opening balance created (null when its total was 0). */
export function receivableIdOf(ctx: Ctx, kind: ReceivableKind, sourceId: number): number | null {
  const row = prepared(ctx.db, 'select id from receivables where source_kind = ? and source_id = ?').get(kind, sourceId) as
    { id: number } | undefined;
  return row?.id ?? null;
}

/** The credit a document wrote (null when it wrote none). */
export function creditOf(ctx: Ctx, kind: CreditKind, sourceId: number): CreditRef | null {
  const row = prepared(ctx.db, 'select id, customer_id as customerId, date from credits where source_kind = ? and source_id = ?').get(
    kind,
    sourceId,
  ) as CreditRef | undefined;
  return row ?? null;
}
