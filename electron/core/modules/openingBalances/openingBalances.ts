// 期初应收 Opening balances: one item a customer owed when the books started here, with the original document's date and
// due date (aging counts from them); it becomes a receivable at once and takes the customer's prepayments.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef } from '../../errors';
import { recordAudit } from '../audit/audit';
import { haystack, nextDailyCode, Where } from '../complaints/handling';
import { addDays } from '../dailyForms/forms';
import { createReceivable, useFreeCredits } from '../receivables/ledger';

export function saveOpeningBalance(ctx: Ctx, input: ParsedInput<'openingBalances.save'>): Output<'openingBalances.save'> {
  return ctx.db.transaction(() => {
    const customer = prepared(
      ctx.db,
      'select id, rep_id as repId, dealer_id as dealerId, payment_term_days as paymentTermDays from customers where id = ?',
    ).get(input.customerId) as { id: number; repId: number | null; dealerId: number | null; paymentTermDays: number } | undefined;
    if (!customer) throw danglingRef('客户', 'customerId', input.customerId);
    const dueDate = input.dueDate ?? addDays(input.date, customer.paymentTermDays);
    if (dueDate < input.date) {
      throw new DomainError('VALIDATION', `到期日期：不能早于原单日期（${input.date}），现为 ${dueDate}`, 'dueDate');
    }
    const docNo = nextDailyCode(ctx, 'opening_balances', 'QC', input.date);
    const id = Number(
      prepared(
        ctx.db,
        `insert into opening_balances (doc_no, customer_id, date, due_date, amount_fen, source_no, notes, created_by_name, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(docNo, customer.id, input.date, dueDate, input.amountFen, input.sourceNo, input.notes, ctx.operator, nowIso(ctx))
        .lastInsertRowid,
    );
    const receivableId = createReceivable(ctx, {
      customerId: customer.id,
      sourceKind: 'opening',
      sourceId: id,
      docNo,
      date: input.date,
      dueDate,
      amountFen: input.amountFen,
      repId: customer.repId,
      dealerId: customer.dealerId,
    });
    useFreeCredits(ctx, receivableId);
    recordAudit(ctx, {
      action: 'create',
      entity: 'openingBalance',
      entityId: id,
      after: {
        docNo,
        customerId: customer.id,
        date: input.date,
        dueDate,
        amountFen: input.amountFen,
        sourceNo: input.sourceNo,
        notes: input.notes,
      },
    });
    return { id, docNo };
  })();
}

export function listOpeningBalances(ctx: Ctx, input: ParsedInput<'openingBalances.list'>): Output<'openingBalances.list'> {
  const where = new Where()
    .eq('b.customer_id', input.customerId)
    .search(haystack('lower(b.doc_no)', 'lower(b.source_no)', 'c.search_text'), input.search);
  const from = 'from opening_balances b join customers c on c.id = b.customer_id';
  const { n, sum } = prepared(ctx.db, `select count(*) as n, coalesce(sum(b.amount_fen), 0) as sum ${from} ${where.sql}`).get(
    ...where.params,
  ) as {
    n: number;
    sum: number;
  };
  const rows = prepared(
    ctx.db,
    `select b.id, b.doc_no as docNo, b.customer_id as customerId, c.name as customerName, b.date, b.due_date as dueDate,
       b.amount_fen as amountFen, b.source_no as sourceNo, b.notes
     ${from} ${where.sql} order by b.date desc, b.id desc limit ? offset ?`,
  ).all(...where.params, input.pageSize, (input.page - 1) * input.pageSize) as Output<'openingBalances.list'>['rows'];
  return { total: n, sumFen: sum, rows };
}
