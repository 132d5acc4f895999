// 回款 Collections: posted when saved and allocated in the same transaction, oldest due first or by hand (each within
// the receivable's unpaid part, the customer's own, Σ within the amount); what is left is the customer's prepayment 预收.
// A collection is never edited: its reversal is a new row with the negated amount whose credit undoes the allocations.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { CollectionDetail, CollectionRow } from '../../../../shared/contract/collections';
import { formatFen } from '../../../../shared/money';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef, notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { haystack, nextDailyCode, Where } from '../complaints/handling';
import { collectionDrillWhere } from '../analytics/drillFilters';
import {
  allocateManual,
  allocateOldestDueFirst,
  createCredit,
  creditOf,
  receivableNow,
  undoAllocations,
  type OpenItemNow,
} from '../receivables/ledger';

const WHAT = '回款单';
type ListInput = ParsedInput<'collections.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];
type SqlRow = CollectionRow;

/** The credit a collection row wrote: a collection's own, or a reversal's negative one. */
const creditKindSql = "case when k.reversal_of_id is null then 'collection' else 'collection_reversal' end";
const allocatedSql = `coalesce((select sum(a.amount_fen) from credits cr join allocations a on a.credit_id = cr.id
  where cr.source_kind = ${creditKindSql} and cr.source_id = k.id), 0)`;

const from = `from collections k join customers c on c.id = k.customer_id left join reps r on r.id = k.rep_id`;
const select = `select k.id, k.doc_no as docNo, k.customer_id as customerId, c.code as customerCode, c.name as customerName,
  k.rep_id as repId, r.name as repName, k.date, k.amount_fen as amountFen, k.method, k.reference, k.state,
  k.reversal_of_id as reversalOfId, k.reversed_by_id as reversedById, k.reverse_reason as reverseReason, k.notes,
  ${allocatedSql} as allocatedFen, k.created_by_name as createdByName, k.created_at as createdAt
${from}`;

const sortSql: Record<SortField, string> = {
  docNo: 'k.doc_no',
  date: 'k.date',
  customerName: 'c.name_pinyin',
  repName: "coalesce(r.pinyin, '')",
  method: 'k.method',
  amountFen: 'k.amount_fen',
};

export function collectionWhere(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): Where {
  const where = new Where()
    .range('k.date', input.from, input.to)
    .eq('k.customer_id', input.customerId)
    .eq('k.rep_id', input.repId)
    .in('k.method', input.method);
  return collectionDrillWhere(where, input).search(haystack('lower(k.doc_no)', 'lower(k.reference)', 'c.search_text'), input.search);
}

export function listCollections(ctx: Ctx, input: ListInput): Output<'collections.list'> {
  const where = collectionWhere(input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, k.id ${input.sort.order}` : 'k.date desc, k.id desc';
  const searching = Boolean(input.search?.trim());
  const { n, sum } = prepared(
    ctx.db,
    `select count(*) as n, coalesce(sum(k.amount_fen), 0) as sum ${searching ? 'from collections k join customers c on c.id = k.customer_id' : 'from collections k'} ${where.sql}`,
  ).get(...where.params) as { n: number; sum: number };
  const rows = prepared(ctx.db, `${select} ${where.sql} order by ${order} limit ? offset ?`).all(
    ...where.params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as SqlRow[];
  return { total: n, sumFen: sum, rows };
}

function mustFind(ctx: Ctx, id: number): SqlRow {
  const row = prepared(ctx.db, `${select} where k.id = ?`).get(id) as SqlRow | undefined;
  if (!row) throw notFound(WHAT, id, 'id');
  return row;
}

export function getCollection(ctx: Ctx, input: ParsedInput<'collections.get'>): Output<'collections.get'> {
  const row = mustFind(ctx, input.id);
  const credit = creditOf(ctx, row.reversalOfId === null ? 'collection' : 'collection_reversal', row.id);
  const allocations = credit
    ? (prepared(
        ctx.db,
        `select a.receivable_id as receivableId, r.doc_no as docNo, r.date as receivableDate, r.due_date as dueDate, sum(a.amount_fen) as amountFen
         from allocations a join receivables r on r.id = a.receivable_id
         where a.credit_id = ? group by a.receivable_id having sum(a.amount_fen) <> 0 order by r.due_date, r.date, r.id`,
      ).all(credit.id) as CollectionDetail['allocations'])
    : [];
  return { ...row, allocations };
}

function customerOf(ctx: Ctx, id: number): { id: number; name: string; repId: number | null } {
  const row = prepared(ctx.db, 'select id, name, rep_id as repId from customers where id = ?').get(id) as
    { id: number; name: string; repId: number | null } | undefined;
  if (!row) throw danglingRef('客户', 'customerId', id);
  return row;
}

type Allocations = NonNullable<ParsedInput<'collections.save'>['allocations']>;

/** Manual allocations: each an open receivable of this customer, within its unpaid part, once, and Σ within the amount. */
function checkManual(
  ctx: Ctx,
  customerId: number,
  amountFen: number,
  allocations: Allocations,
): Array<{ item: OpenItemNow; amountFen: number }> {
  const seen = new Set<number>();
  let sum = 0;
  return allocations.map((a, i) => {
    const field = `allocations.${i}`;
    const where = `核销分配 › 第${i + 1}行`;
    const item = receivableNow(ctx, a.receivableId);
    if (!item) throw new DomainError('REFERENCE', `${where} › 应收单：引用的记录不存在（编号 ${a.receivableId}）`, `${field}.receivableId`);
    if (item.customerId !== customerId) {
      throw new DomainError('VALIDATION', `${where} › 应收单：不是该客户的应收（编号 ${a.receivableId}）`, `${field}.receivableId`);
    }
    if (seen.has(item.id)) throw new DomainError('VALIDATION', `${where} › 应收单：同一应收出现了两次`, `${field}.receivableId`);
    seen.add(item.id);
    if (a.amountFen > item.unpaidFen) {
      throw new DomainError(
        'VALIDATION',
        `${where} › 金额：超过该应收的未收金额 ${formatFen(item.unpaidFen, { sign: true })}，现为 ${formatFen(a.amountFen, { sign: true })}`,
        `${field}.amountFen`,
      );
    }
    sum += a.amountFen;
    if (sum > amountFen) {
      throw new DomainError(
        'VALIDATION',
        `${where} › 金额：分配合计 ${formatFen(sum, { sign: true })} 超过回款金额 ${formatFen(amountFen, { sign: true })}`,
        `${field}.amountFen`,
      );
    }
    return { item, amountFen: a.amountFen };
  });
}

export function saveCollection(ctx: Ctx, input: ParsedInput<'collections.save'>): Output<'collections.save'> {
  return ctx.db.transaction(() => {
    const customer = customerOf(ctx, input.customerId);
    const repId = input.repId === undefined ? customer.repId : input.repId;
    if (repId !== null && !prepared(ctx.db, 'select 1 from reps where id = ?').get(repId)) throw danglingRef('业务员', 'repId', repId);
    const picks = input.allocations ? checkManual(ctx, customer.id, input.amountFen, input.allocations) : null;
    const docNo = nextDailyCode(ctx, 'collections', 'HK', input.date);
    const now = nowIso(ctx);
    const id = Number(
      prepared(
        ctx.db,
        `insert into collections (doc_no, customer_id, rep_id, date, amount_fen, method, reference, state, notes, created_by_name, created_at)
         values (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?)`,
      ).run(docNo, customer.id, repId, input.date, input.amountFen, input.method, input.reference, input.notes, ctx.operator, now)
        .lastInsertRowid,
    );
    const credit = createCredit(ctx, {
      customerId: customer.id,
      sourceKind: 'collection',
      sourceId: id,
      docNo,
      date: input.date,
      amountFen: input.amountFen,
    });
    // by hand: exactly what was picked (the rest is prepayment); otherwise oldest due first
    const allocatedFen = picks ? allocateManual(ctx, credit, picks) : allocateOldestDueFirst(ctx, credit, input.amountFen);
    recordAudit(ctx, {
      action: 'create',
      entity: 'collection',
      entityId: id,
      after: {
        docNo,
        customerId: customer.id,
        repId,
        date: input.date,
        amountFen: input.amountFen,
        method: input.method,
        reference: input.reference,
        allocatedFen,
        allocations: picks?.map((p) => ({ receivableId: p.item.id, amountFen: p.amountFen })) ?? 'auto',
      },
    });
    return { id, docNo, allocatedFen, prepaymentFen: input.amountFen - allocatedFen };
  })();
}

/** 红冲 a collection: a row with the negated amount, a negative credit, and negative allocations undoing the original's. */
export function reverseCollection(ctx: Ctx, input: ParsedInput<'collections.reverse'>): Output<'collections.reverse'> {
  return ctx.db.transaction(() => {
    const original = mustFind(ctx, input.id);
    if (original.reversalOfId !== null) throw new DomainError('CONFLICT', `${original.docNo} 是红冲单，不能再红冲`, 'id');
    if (original.state === 'reversed') throw new DomainError('CONFLICT', `回款单 ${original.docNo} 已红冲，不能重复红冲`, 'id');
    const date = input.date ?? todayLocal(ctx);
    if (date < original.date) throw new DomainError('VALIDATION', `红冲日期：不能早于原回款日期（${original.date}），现为 ${date}`, 'date');
    const docNo = nextDailyCode(ctx, 'collections', 'HK', date);
    const now = nowIso(ctx);
    const id = Number(
      prepared(
        ctx.db,
        `insert into collections (doc_no, customer_id, rep_id, date, amount_fen, method, reference, state, reversal_of_id, reverse_reason,
           notes, created_by_name, created_at)
         values (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, '', ?, ?)`,
      ).run(
        docNo,
        original.customerId,
        original.repId,
        date,
        -original.amountFen,
        original.method,
        original.reference,
        original.id,
        input.reason,
        ctx.operator,
        now,
      ).lastInsertRowid,
    );
    prepared(ctx.db, "update collections set state = 'reversed', reversed_by_id = ?, reverse_reason = ? where id = ?").run(
      id,
      input.reason,
      original.id,
    );
    const originalCredit = creditOf(ctx, 'collection', original.id)!;
    const reversal = createCredit(ctx, {
      customerId: original.customerId,
      sourceKind: 'collection_reversal',
      sourceId: id,
      docNo,
      date,
      amountFen: -original.amountFen,
    });
    const reopened = undoAllocations(ctx, originalCredit, reversal);
    recordAudit(ctx, {
      action: 'reverse',
      entity: 'collection',
      entityId: original.id,
      before: { docNo: original.docNo, state: 'posted' },
      after: { docNo: original.docNo, state: 'reversed', reversalDocNo: docNo, date, reason: input.reason, reopened: reopened.length },
    });
    return { id, docNo };
  })();
}
