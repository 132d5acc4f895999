// A customer's open items as of a date: every receivable with an unpaid part, oldest due first, with how late it is.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { prepared } from '../../db/sql';
import { agingEdges } from './aging';
import { bucketOf, customerPosition, dayNumber, mustFindCustomer } from './balance';

export function customerDocuments(ctx: Ctx, input: ParsedInput<'receivables.documents'>): Output<'receivables.documents'> {
  const customer = mustFindCustomer(ctx, input.customerId);
  const asOf = input.asOf ?? todayLocal(ctx);
  const edges = agingEdges(ctx, input.buckets);
  const p = customerPosition(ctx, customer.id, asOf);
  const repIds = [...new Set(p.open.map((r) => r.repId).filter((id): id is number => id !== null))];
  const repNames = new Map(
    repIds.length === 0
      ? []
      : (
          prepared(ctx.db, 'select id, name from reps where id in (select value from json_each(?))').all(JSON.stringify(repIds)) as Array<{
            id: number;
            name: string;
          }>
        ).map((r) => [r.id, r.name]),
  );
  const today = dayNumber(asOf);
  const rows = p.open.map((r) => {
    const overdueDays = today - dayNumber(r.dueDate);
    return {
      receivableId: r.id,
      kind: r.kind,
      sourceId: r.sourceId,
      docNo: r.docNo,
      date: r.date,
      dueDate: r.dueDate,
      amountFen: r.amountFen,
      paidFen: r.amountFen - r.unpaidFen,
      unpaidFen: r.unpaidFen,
      overdueDays,
      bucket: bucketOf(overdueDays, edges),
      repName: r.repId === null ? null : (repNames.get(r.repId) ?? null),
    };
  });
  return { rows, total: rows.length, unpaidFen: p.owedFen, prepaymentFen: p.prepaymentFen, bucketEdges: edges };
}
