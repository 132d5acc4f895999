// The crash test's child: opens the database the way the app does and, until it is killed, posts orders, collections
// allocated by hand to open receivables, small customer imports and reversals of its own orders and collections —
// printing one line per write AFTER it committed.
// Usage (the parent does this): node child.cjs <dbPath> <run> <seed>
import fs from 'node:fs';
import { createCore } from '../../electron/core/core';
import { must, random, signedIn, type Report } from './workload';

/** Written with a blocking write straight to fd 1: once the call returns the line is in the pipe, whatever kills us next. */
function report(r: Report): void {
  const line = Buffer.from(`${JSON.stringify(r)}\n`);
  for (let done = 0; done < line.length;) {
    try {
      done += fs.writeSync(1, line, done);
    } catch (err) {
      // a full pipe on a non-blocking fd: wait for the parent to read, then write the rest
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

const DATES = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];

async function main(): Promise<void> {
  const [dbPath, runText, seedText] = process.argv.slice(2);
  if (!dbPath || !runText || !seedText) throw new Error('usage: child <dbPath> <run> <seed>');
  const run = Number(runText);
  const rand = random(Number(seedText));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  const core = createCore(dbPath);
  // checkpoint often, so kills also land in the middle of copying the WAL back into the database file
  core.ctx.db.pragma('wal_autocheckpoint = 20');
  const me = signedIn(core);
  const db = core.ctx.db;
  const productIds = db.prepare(`select id from products where sku like 'CR%' order by id`).pluck().all() as number[];
  const customerIds = db.prepare(`select id from customers where code like 'CRC%' order by id`).pluck().all() as number[];
  const unpaid = db.prepare(
    `select r.id, r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id), 0) as unpaidFen
       from receivables r where r.customer_id = ? order by r.id desc limit 20`,
  );
  const orderOf = db.prepare('select total_fen as totalFen from orders where id = ?');
  report({ kind: 'ready', run });
  // what this child posted, for its reversals (never one of another child's, whose report may be lost)
  const posted: number[] = [];
  const collected: number[] = [];
  const takeEarlier = (ids: number[]) => ids.splice(Math.floor(rand() * (ids.length - 1)), 1)[0]!;

  for (let n = 1; ; n++) {
    const customerId = pick(customerIds);
    const date = pick(DATES);

    // 销售单: a draft with 1–5 lines, then posted (receivable, lifecycle, summaries, audit in one transaction)
    const lines = Array.from({ length: between(1, 5) }, () => ({
      productId: pick(productIds),
      qty: between(1, 30000) / 1000,
      unitPriceFen: between(100, 50_000),
      discountFen: 0,
    }));
    const saved = await must<{ id: number; docNo: string }>(me, 'orders.save', { customerId, date, lines });
    await must(me, 'orders.post', { id: saved.id });
    const { totalFen } = orderOf.get(saved.id) as { totalFen: number };
    report({ kind: 'orderPosted', id: saved.id, docNo: saved.docNo, customerId, totalFen, lines: lines.length });
    posted.push(saved.id);

    // 回款: part of up to three open receivables by hand, sometimes a little more (the rest becomes 预收)
    const open = (unpaid.all(customerId) as Array<{ id: number; unpaidFen: number }>).filter((r) => r.unpaidFen > 0);
    const allocations = open.slice(0, between(1, 3)).map((r) => ({ receivableId: r.id, amountFen: between(1, r.unpaidFen) }));
    if (allocations.length > 0) {
      const extra = rand() < 0.3 ? between(1, 5_000) : 0;
      const amountFen = allocations.reduce((s, a) => s + a.amountFen, 0) + extra;
      const c = await must<{ id: number; docNo: string }>(me, 'collections.save', {
        customerId,
        date,
        amountFen,
        method: pick(['cash', 'transfer', 'wechat'] as const),
        allocations,
      });
      report({ kind: 'collection', id: c.id, docNo: c.docNo, customerId, amountFen, allocations });
      collected.push(c.id);
    }

    // 红冲: every third round an earlier order (negated row, credit, allocation to its own receivable) and collection
    // (negated row, negative credit, its allocations undone)
    if (n % 3 === 0 && posted.length > 1) {
      const id = takeEarlier(posted);
      const r = await must<{ id: number; docNo: string }>(me, 'orders.reverse', { id, date: '2026-11-30', reason: '崩溃测试红冲' });
      report({ kind: 'orderReversed', id, reversalId: r.id, docNo: r.docNo });
    }
    if (n % 3 === 0 && collected.length > 1) {
      const id = takeEarlier(collected);
      const r = await must<{ id: number; docNo: string }>(me, 'collections.reverse', { id, date: '2026-11-30', reason: '崩溃测试红冲' });
      report({ kind: 'collectionReversed', id, reversalId: r.id, docNo: r.docNo });
    }

    // 导入: every third round a CSV of 2–5 new customers; the code says its batch and the batch's size
    if (n % 3 === 2) {
      const size = between(2, 5);
      const batch = `I${run}-${n}-${size}`;
      const codes = Array.from({ length: size }, (_, i) => `${batch}-${i + 1}`);
      const csv = [
        '客户编码,客户名称,电话',
        ...codes.map((code, i) => `${code},导入客户${code},138${String(run * 1000 + i).padStart(8, '0')}`),
      ];
      const result = await must<{ created: number }>(me, 'import.commit', {
        entity: 'customers',
        fileName: `crash-${batch}.csv`,
        base64: Buffer.from(csv.join('\n'), 'utf8').toString('base64'),
      });
      if (result.created !== size) throw new Error(`import ${batch}: created ${result.created} of ${size}`);
      report({ kind: 'import', batch, codes });
    }
  }
}

// an error (not a kill) ends the child with its message on stderr and a non-zero code; the parent fails on it
main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
