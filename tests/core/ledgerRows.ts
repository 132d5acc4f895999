// Ledger rows written straight into the tables (receivables, credits, allocations), as LEDGER.md lays them out:
// tests of the read side without the posting code.
import type { TestCore } from './helpers';

/** source ids of the ledger rows written here (unique per kind across every writer of a database) */
let source = 1000;

/** Direct writes into the ledger tables: what the posting code writes, without the posting code. */
export function ledgerWriter(core: TestCore) {
  const db = core.ctx.db;
  const at = () => core.ctx.now().toISOString();
  return {
    receivable(
      customerId: number,
      kind: 'order' | 'opening',
      docNo: string,
      date: string,
      dueDate: string,
      amountFen: number,
      extra: { repId?: number | null; dealerId?: number | null } = {},
    ): number {
      return Number(
        db
          .prepare(
            `insert into receivables (customer_id, source_kind, source_id, doc_no, date, due_date, amount_fen, rep_id, dealer_id, created_at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(customerId, kind, source++, docNo, date, dueDate, amountFen, extra.repId ?? null, extra.dealerId ?? null, at())
          .lastInsertRowid,
      );
    },
    credit(customerId: number, kind: string, docNo: string, date: string, amountFen: number): number {
      return Number(
        db
          .prepare(
            `insert into credits (customer_id, source_kind, source_id, doc_no, date, amount_fen, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(customerId, kind, source++, docNo, date, amountFen, at()).lastInsertRowid,
      );
    },
    allocate(creditId: number, receivableId: number, date: string, amountFen: number): void {
      db.prepare(`insert into allocations (credit_id, receivable_id, date, amount_fen, created_at) values (?, ?, ?, ?, ?)`).run(
        creditId,
        receivableId,
        date,
        amountFen,
        at(),
      );
    },
    /** settled_date as the posting code keeps it: the first date from which unpaid stays 0 (null while unpaid). */
    settle(receivableId: number): void {
      const { amount } = db.prepare('select amount_fen as amount from receivables where id = ?').get(receivableId) as { amount: number };
      const allocs = db
        .prepare('select date, sum(amount_fen) as s from allocations where receivable_id = ? group by date order by date')
        .all(receivableId) as Array<{ date: string; s: number }>;
      let paid = 0;
      let settled: string | null = null;
      for (const a of allocs) {
        paid += a.s;
        settled = paid === amount ? (settled ?? a.date) : null;
      }
      db.prepare('update receivables set settled_date = ? where id = ?').run(settled, receivableId);
    },
  };
}
