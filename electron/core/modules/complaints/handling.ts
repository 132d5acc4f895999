// What complaints (客诉) and market feedback (市场反映) share: codes by day (KS-/FK-YYYYMMDD-NNN, taken inside the saving
// transaction), the date rules, the customer lookup, the list helpers, and the status flow open → handled → (reopened) open.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef } from '../../errors';
import { normaliseSearch, searchWordClauses } from '../../text';
import { recordAudit } from '../audit/audit';

/**
 * The next code of a day: `${prefix}-YYYYMMDD-NNN`, numbered per day from 001 (a thousandth record that day gets
 * four digits). Called inside the saving transaction, so two saves never take the same number; the unique index on
 * code guards it besides.
 */
export function nextDailyCode(ctx: Ctx, table: DailyCodedTable, prefix: string, date: string): string {
  const day = `${prefix}-${date.replace(/-/g, '')}-`;
  const col = codeColumns[table];
  // the range keeps the lookup on the unique index of the code (':' sorts right after '9')
  const row = prepared(
    ctx.db,
    `select max(cast(substr(${col}, ${day.length + 1}) as integer)) as n from ${table} where ${col} > ? and ${col} < ? and ${col} glob ?`,
  ).get(day, `${day}:`, `${day}[0-9]*`) as { n: number | null };
  return `${day}${String((row.n ?? 0) + 1).padStart(3, '0')}`;
}

/** The tables numbered per day, and their number column (the money documents' doc_no: XS-/TH-/HK-/HX-/QC-). */
const codeColumns = {
  complaints: 'code',
  market_feedback: 'code',
  orders: 'doc_no',
  returns: 'doc_no',
  collections: 'doc_no',
  write_offs: 'doc_no',
  opening_balances: 'doc_no',
} as const;
export type DailyCodedTable = keyof typeof codeColumns;

/** A record of something that happened: its date is not after today. */
export function assertNotFuture(ctx: Ctx, date: string, field: string, label: string): void {
  const today = todayLocal(ctx);
  if (date > today) throw new DomainError('VALIDATION', `${label}：不能晚于今天（${today}），现为 ${date}`, field);
}

/** `from` … `to` of a list: an end before the start is refused rather than answered with nothing. */
export function assertRange(from: string | undefined, to: string | undefined): void {
  if (from && to && to < from) throw new DomainError('VALIDATION', `结束日期：不能早于开始日期（${from}），现为 ${to}`, 'to');
}

export interface CustomerRef {
  id: number;
  name: string;
  regionId: number | null;
  repId: number | null;
}

/** The customer a record names, with the region and rep it defaults to; a missing one is a dangling reference. */
export function customerRef(ctx: Ctx, id: number, field = 'customerId'): CustomerRef {
  const row = prepared(ctx.db, 'select id, name, region_id as regionId, rep_id as repId from customers where id = ?').get(id) as
    CustomerRef | undefined;
  if (!row) throw danglingRef('客户', field, id);
  return row;
}

/** WHERE pieces for a list: `in (…)` for a multi-choice filter, `= ?` for one id, a date range, and search words. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  in(col: string, values: readonly (string | number)[] | undefined): this {
    if (values && values.length > 0) {
      this.clauses.push(`${col} in (${values.map(() => '?').join(',')})`);
      this.params.push(...values);
    }
    return this;
  }
  eq(col: string, value: string | number | undefined | null): this {
    if (value !== undefined && value !== null) {
      this.clauses.push(`${col} = ?`);
      this.params.push(value);
    }
    return this;
  }
  range(col: string, from: string | undefined, to: string | undefined): this {
    assertRange(from, to);
    if (from) {
      this.clauses.push(`${col} >= ?`);
      this.params.push(from);
    }
    if (to) {
      this.clauses.push(`${col} <= ?`);
      this.params.push(to);
    }
    return this;
  }
  /** Every word of the search must appear somewhere in `haystack` (an SQL expression joining the searchable columns). */
  search(haystack: string, raw: string | undefined): this {
    const words = searchWordClauses(haystack, normaliseSearch(raw));
    this.clauses.push(...words.clauses);
    this.params.push(...words.params);
    return this;
  }
  get sql(): string {
    return this.clauses.length ? `where ${this.clauses.join(' and ')}` : '';
  }
}

/** `coalesce(a, '') || '|' || …`: one text to search, from columns that may be null. */
export const haystack = (...cols: string[]) => `(${cols.map((c) => `coalesce(${c}, '')`).join(" || '|' || ")})`;

/** Urgency by weight, so sorting puts 特急 above 紧急 above 一般 (descending). */
export const urgencyOrder = (col: string) => `(case ${col} when 'critical' then 3 when 'urgent' then 2 else 1 end)`;

export interface Handled {
  status: 'open' | 'handled';
  handler: string;
  response: string;
  handledDate: string | null;
}

/** A record with the open → handled flow, as its module reads it. */
export interface HandledRecord extends Handled {
  id: number;
  code: string;
}

/** How one table plays the flow: its name, the audit entity, its words, and how to read a record (throws when missing). */
export interface HandledTable<R extends HandledRecord> {
  table: 'complaints' | 'market_feedback';
  entity: string;
  /** 客诉 / 市场反映, in messages */
  what: string;
  /** the record's own date, which a handling may not precede, and its label */
  dateOf: (record: R) => string;
  dateLabel: string;
  find: (ctx: Ctx, id: number) => R;
}

/** The handling fields of a record's audit snapshot. */
export const handlingOf = (r: Handled) => ({ status: r.status, handler: r.handler, response: r.response, handledDate: r.handledDate });

/** The handling part of a record as the audit log keeps it for a handle or reopen. */
const handledSnapshot = (r: HandledRecord) => ({ code: r.code, ...handlingOf(r) });

/** A handled record is not edited in place: it is reopened first (and the reopening is in the audit log). */
export function checkEditable(what: string, record: Handled): void {
  if (record.status === 'handled') {
    throw new DomainError('CONFLICT', `已处理的${what}不能修改；如需更正，请先重新打开`, 'id');
  }
}

/** open → handled, with handler, response and date: refused when handled already, or dated before the record or after today. */
export function handleRecord<R extends HandledRecord>(
  ctx: Ctx,
  t: HandledTable<R>,
  input: { id: number; handler: string; response: string; handledDate: string },
): R {
  return ctx.db.transaction(() => {
    const before = t.find(ctx, input.id);
    if (before.status === 'handled') {
      throw new DomainError('CONFLICT', `该${t.what}已于 ${before.handledDate ?? ''} 由 ${before.handler} 处理，不能重复处理`, 'id');
    }
    const date = t.dateOf(before);
    if (input.handledDate < date) {
      throw new DomainError('VALIDATION', `处理日期：不能早于${t.dateLabel}（${date}），现为 ${input.handledDate}`, 'handledDate');
    }
    assertNotFuture(ctx, input.handledDate, 'handledDate', '处理日期');
    prepared(
      ctx.db,
      `update ${t.table} set status = 'handled', handler = ?, response = ?, handled_date = ?, updated_at = ? where id = ?`,
    ).run(input.handler, input.response, input.handledDate, nowIso(ctx), input.id);
    const after = t.find(ctx, input.id);
    recordAudit(ctx, {
      action: 'handle',
      entity: t.entity,
      entityId: input.id,
      before: handledSnapshot(before),
      after: handledSnapshot(after),
    });
    return after;
  })();
}

/** handled → open, with the reason: the record is open again for a new answer; the earlier one stays in the audit log. */
export function reopenRecord<R extends HandledRecord>(ctx: Ctx, t: HandledTable<R>, input: { id: number; reason: string }): R {
  return ctx.db.transaction(() => {
    const before = t.find(ctx, input.id);
    if (before.status !== 'handled') throw new DomainError('CONFLICT', `该${t.what}尚未处理，不需要重新打开`, 'id');
    prepared(
      ctx.db,
      `update ${t.table} set status = 'open', handler = '', response = '', handled_date = null, updated_at = ? where id = ?`,
    ).run(nowIso(ctx), input.id);
    const after = t.find(ctx, input.id);
    recordAudit(ctx, {
      action: 'reopen',
      entity: t.entity,
      entityId: input.id,
      before: handledSnapshot(before),
      after: { ...handledSnapshot(after), reason: input.reason },
    });
    return after;
  })();
}
