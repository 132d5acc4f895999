// 客户对账单 Customer statement for a period, read from the ledger: the opening balance (the balance at the end of the
// day before `from`), every document dated in the period in date order with a running balance, the closing balance
// (= the balance as of `to`, by construction) and the aging at `to`.
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { StatementLine } from '../../../../shared/contract/receivables';
import type { StatementKind } from '../../../../shared/domain/money';
import { prepared } from '../../db/sql';
import { assertRange } from '../complaints/handling';
import { agingEdges, agingOfPosition } from '../receivables/aging';
import { addDays, customerPosition, mustFindCustomer } from '../receivables/balance';

interface LedgerLine {
  side: 'debit' | 'credit';
  kind: string;
  docNo: string;
  date: string;
  amountFen: number;
}

/** Σ receivables − Σ credits dated ≤ A: the balance alone, without the open items. */
export function balanceAt(ctx: Ctx, customerId: number, asOf: string): number {
  const row = prepared(
    ctx.db,
    `select (select coalesce(sum(amount_fen), 0) from receivables where customer_id = @customerId and date <= @asOf)
          - (select coalesce(sum(amount_fen), 0) from credits where customer_id = @customerId and date <= @asOf) as b`,
  ).get({ customerId, asOf }) as { b: number };
  return row.b;
}

interface CustomerHead {
  code: string;
  name: string;
  phone: string;
  address: string;
  contactName: string | null;
  contactPhone: string | null;
}

export function getStatement(ctx: Ctx, input: ParsedInput<'statements.get'>): Output<'statements.get'> {
  assertRange(input.from, input.to);
  const customer = mustFindCustomer(ctx, input.customerId);
  const head = prepared(
    ctx.db,
    `select c.code, c.name, c.phone, c.address, k.name as contactName, k.phone as contactPhone
     from customers c left join contacts k on k.customer_id = c.id and k.is_primary = 1
     where c.id = ? limit 1`,
  ).get(customer.id) as CustomerHead;
  const openingFen = balanceAt(ctx, customer.id, addDays(input.from, -1));
  // both sides of the ledger in the period, in date order, then in the order they were written
  const ledger = prepared(
    ctx.db,
    `select side, kind, docNo, date, amountFen from (
       select 'debit' as side, r.source_kind as kind, r.doc_no as docNo, r.date, r.amount_fen as amountFen, r.created_at as at, 0 as tie, r.id
       from receivables r where r.customer_id = @customerId and r.date between @from and @to
       union all
       select 'credit', c.source_kind, c.doc_no, c.date, c.amount_fen, c.created_at, 1, c.id
       from credits c where c.customer_id = @customerId and c.date between @from and @to)
     order by date, at, tie, id`,
  ).all({ customerId: customer.id, from: input.from, to: input.to }) as LedgerLine[];
  let running = openingFen;
  let debitTotal = 0;
  let creditTotal = 0;
  const lines: StatementLine[] = ledger.map((l) => {
    // a collection's reversal is a negative credit: it raises the balance again
    const signed = l.side === 'debit' ? l.amountFen : -l.amountFen;
    const debitFen = signed > 0 ? signed : 0;
    const creditFen = signed < 0 ? -signed : 0;
    running += signed;
    debitTotal += debitFen;
    creditTotal += creditFen;
    return { date: l.date, kind: l.kind as StatementKind, docNo: l.docNo, debitFen, creditFen, balanceFen: running, note: '' };
  });
  const edges = agingEdges(ctx);
  const aging = agingOfPosition(customerPosition(ctx, customer.id, input.to), input.to, edges);
  return {
    customerId: customer.id,
    customerCode: head.code,
    customerName: head.name,
    contactName: head.contactName ?? '',
    phone: head.phone || head.contactPhone || '',
    address: head.address,
    from: input.from,
    to: input.to,
    openingFen,
    lines,
    debitFen: debitTotal,
    creditFen: creditTotal,
    closingFen: running,
    aging: { bucketEdges: edges, ...aging },
  };
}
