// 坏账核销 Write-offs: a manager's document (the permission table allows managers only) that clears what a customer owes
// as bad debt, with a reason: at most what the customer owes as of its date, allocated oldest due first.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef } from '../../errors';
import { recordAudit } from '../audit/audit';
import { haystack, nextDailyCode, Where } from '../complaints/handling';
import { allocateOldestDueFirst, createCredit, customerOwed } from '../receivables/ledger';

type ListInput = ParsedInput<'writeOffs.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];

const sortSql: Record<SortField, string> = {
  docNo: 'w.doc_no',
  date: 'w.date',
  customerName: 'c.name_pinyin',
  amountFen: 'w.amount_fen',
};

export function saveWriteOff(ctx: Ctx, input: ParsedInput<'writeOffs.save'>): Output<'writeOffs.save'> {
  return ctx.db.transaction(() => {
    const customer = prepared(ctx.db, 'select id, name from customers where id = ?').get(input.customerId) as
      { id: number; name: string } | undefined;
    if (!customer) throw danglingRef('客户', 'customerId', input.customerId);
    const owed = customerOwed(ctx, customer.id, input.date);
    if (input.amountFen > owed) {
      throw new DomainError(
        'VALIDATION',
        `金额：核销金额 ${formatFen(input.amountFen, { sign: true })} 超过「${customer.name}」截至 ${input.date} 的欠款 ${formatFen(owed, { sign: true })}`,
        'amountFen',
      );
    }
    const docNo = nextDailyCode(ctx, 'write_offs', 'HX', input.date);
    const id = Number(
      prepared(
        ctx.db,
        'insert into write_offs (doc_no, customer_id, date, amount_fen, reason, created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      ).run(docNo, customer.id, input.date, input.amountFen, input.reason, ctx.operator, nowIso(ctx)).lastInsertRowid,
    );
    const credit = createCredit(ctx, {
      customerId: customer.id,
      sourceKind: 'write_off',
      sourceId: id,
      docNo,
      date: input.date,
      amountFen: input.amountFen,
    });
    // only what was owed by its date: receivables dated after it are not written off
    const allocatedFen = allocateOldestDueFirst(ctx, credit, input.amountFen, input.date);
    recordAudit(ctx, {
      action: 'create',
      entity: 'writeOff',
      entityId: id,
      after: {
        docNo,
        customerId: customer.id,
        date: input.date,
        amountFen: input.amountFen,
        reason: input.reason,
        owedFen: owed,
        allocatedFen,
      },
    });
    return { id, docNo };
  })();
}

export function listWriteOffs(ctx: Ctx, input: ListInput): Output<'writeOffs.list'> {
  const where = new Where()
    .range('w.date', input.from, input.to)
    .eq('w.customer_id', input.customerId)
    .search(haystack('lower(w.doc_no)', 'w.reason', 'c.search_text'), input.search);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, w.id ${input.sort.order}` : 'w.date desc, w.id desc';
  const from = 'from write_offs w join customers c on c.id = w.customer_id';
  const { n, sum } = prepared(ctx.db, `select count(*) as n, coalesce(sum(w.amount_fen), 0) as sum ${from} ${where.sql}`).get(
    ...where.params,
  ) as {
    n: number;
    sum: number;
  };
  const rows = prepared(
    ctx.db,
    `select w.id, w.doc_no as docNo, w.customer_id as customerId, c.name as customerName, w.date, w.amount_fen as amountFen, w.reason,
       w.created_by_name as createdByName, w.created_at as createdAt
     ${from} ${where.sql} order by ${order} limit ? offset ?`,
  ).all(...where.params, input.pageSize, (input.page - 1) * input.pageSize) as Output<'writeOffs.list'>['rows'];
  return { total: n, sumFen: sum, rows };
}
