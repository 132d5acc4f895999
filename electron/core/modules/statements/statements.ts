// 客户对账单 Customer statement for a period, read from the ledger: the opening balance (the balance at the end of the
// day before `from`), every document dated in the period in date order with a running balance, the closing balance
// (= the balance as of `to`, by construction) and the aging at `to`.
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { StatementLine } from '../../../../shared/contract/receivables';
import { collectionMethodLabels, type CollectionMethod, type StatementKind } from '../../../../shared/domain/money';
import { prepared } from '../../db/sql';
import { assertRange } from '../complaints/handling';
import { agingEdges, agingOfPosition } from '../receivables/aging';
import { customerPosition, mustFindCustomer } from '../receivables/balance';
import { addDays } from '../../../../shared/periods';

interface LedgerLine {
  side: 'debit' | 'credit';
  kind: string;
  sourceId: number;
  docNo: string;
  date: string;
  amountFen: number;
}

// a statement line's 摘要, from its document: how a collection was paid, what a reversal or a return was of and why;
// each query gives [document id, text, reference] for the documents whose ids are in the json array ?
const noteSql: Partial<Record<StatementKind, string>> = {
  opening: `select id, case when source_no <> '' then '原单号 ' || source_no else '' end
              || case when source_no <> '' and notes <> '' then '；' else '' end || notes
            from opening_balances where id in (select value from json_each(?))`,
  collection: `select id, method, reference from collections where id in (select value from json_each(?))`,
  collection_reversal: `select k.id, '冲 ' || o.doc_no || case when o.reverse_reason <> '' then '：' || o.reverse_reason else '' end
            from collections k join collections o on o.id = k.reversal_of_id where k.id in (select value from json_each(?))`,
  order_reversal: `select x.id, '冲 ' || o.doc_no || case when x.reverse_reason <> '' then '：' || x.reverse_reason else '' end
            from orders x join orders o on o.id = x.reversal_of_id where x.id in (select value from json_each(?))`,
  return: `select t.id, '原单 ' || o.doc_no || case when t.reason <> '' then '：' || t.reason else '' end
            from returns t join orders o on o.id = t.order_id where t.id in (select value from json_each(?))`,
  write_off: `select id, reason from write_offs where id in (select value from json_each(?))`,
};

/** The notes of a statement's lines by `kind:sourceId`, one query per kind of document. */
function notesOf(ctx: Ctx, lines: readonly LedgerLine[]): Map<string, string> {
  const byKind = new Map<StatementKind, number[]>();
  for (const l of lines) {
    const kind = l.kind as StatementKind;
    if (noteSql[kind]) byKind.set(kind, [...(byKind.get(kind) ?? []), l.sourceId]);
  }
  const notes = new Map<string, string>();
  for (const [kind, ids] of byKind) {
    const rows = prepared(ctx.db, noteSql[kind]!).raw().all(JSON.stringify(ids)) as Array<[number, string, string?]>;
    for (const [id, text, reference] of rows) {
      const note =
        kind === 'collection'
          ? [collectionMethodLabels[text as CollectionMethod]?.zh ?? text, reference ?? ''].filter(Boolean).join(' ')
          : text;
      notes.set(`${kind}:${id}`, note);
    }
  }
  return notes;
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
    `select side, kind, sourceId, docNo, date, amountFen from (
       select 'debit' as side, r.source_kind as kind, r.source_id as sourceId, r.doc_no as docNo, r.date, r.amount_fen as amountFen, r.created_at as at, 0 as tie, r.id
       from receivables r where r.customer_id = @customerId and r.date between @from and @to
       union all
       select 'credit', c.source_kind, c.source_id, c.doc_no, c.date, c.amount_fen, c.created_at, 1, c.id
       from credits c where c.customer_id = @customerId and c.date between @from and @to)
     order by date, at, tie, id`,
  ).all({ customerId: customer.id, from: input.from, to: input.to }) as LedgerLine[];
  const notes = notesOf(ctx, ledger);
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
    const note = notes.get(`${l.kind}:${l.sourceId}`) ?? '';
    return { date: l.date, kind: l.kind as StatementKind, docNo: l.docNo, debitFen, creditFen, balanceFen: running, note };
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
