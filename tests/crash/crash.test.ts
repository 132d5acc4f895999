// The crash test's short form (issue 12 §2): a child posting orders, collections, imports and reversals is SIGKILLed 16 times at
// random moments and the database is checked after each kill; then the checks themselves are shown to catch what
// they are there for, on copies of that database broken on purpose. The long form: npm run crash -- --kills 200.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabase } from './check';
import { runCrashTest, type CrashSummary } from './parent';
import type { Report } from './workload';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-crash-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let summary: CrashSummary | null = null;

/** A copy of the crashed-into database, changed by `tamper` on a raw connection with the guards off. */
function broken(name: string, tamper: (db: Database.Database) => void): string {
  if (!summary) throw new Error('the short form did not run');
  const file = path.join(dir, `${name}.db`);
  fs.copyFileSync(summary.dbPath, file); // checkDatabase closed it: the WAL is folded back into the file
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  try {
    tamper(db);
  } finally {
    db.close();
  }
  return file;
}

const one = <T>(db: Database.Database, sql: string) => db.prepare(sql).get() as T;

describe('crash test (short form)', () => {
  it('16 SIGKILLs at random moments: after each the database opens and passes every check', async () => {
    summary = await runCrashTest({ kills: 16, maxWrites: 8, dir });
    const s = summary;
    expect(s.problems, `seed ${s.seed}, kill ${s.failedAtKill}`).toEqual([]);
    expect(s.kills).toBe(16);
    // every kind of write was made and reported, and found again after the later kills
    expect(s.reported.orders).toBeGreaterThan(0);
    expect(s.reported.collections).toBeGreaterThan(0);
    expect(s.reported.imports).toBeGreaterThan(0);
    expect(s.writesChecked).toBeGreaterThanOrEqual(s.reported.orders + s.reported.collections + s.reported.imports + s.reported.reversals);
    expect(fs.existsSync(`${s.dbPath}-wal`)).toBe(false);
  }, 120_000); // ~30 s on two busy cores; the margin is for a CI machine under the whole suite

  it('a write reported but not in the database is caught', () => {
    const file = broken('missing', () => {});
    const ghost: Report = { kind: 'orderPosted', id: 999_999, docNo: 'XS-20261102-999', customerId: 1, totalFen: 100, lines: 1 };
    expect(checkDatabase(file, [ghost]).problems).toEqual(['已报告过账的销售单 XS-20261102-999 (id 999999) 不见了']);
  });

  it('an order header without its lines is caught', () => {
    let docNo = '';
    const file = broken('header', (db) => {
      docNo = one<{ doc_no: string; id: number }>(db, `select id, doc_no from orders where state = 'posted' limit 1`).doc_no;
      db.exec('drop trigger order_lines_posted_delete');
      db.prepare('delete from order_lines where order_id = (select id from orders where doc_no = ?)').run(docNo);
    });
    expect(checkDatabase(file, []).problems).toContain(`销售单 ${docNo} 有表头没有明细`);
  });

  it('an allocation without its collection is caught', () => {
    let docNo = '';
    const file = broken('collection', (db) => {
      docNo = one<{ doc_no: string }>(db, 'select c.doc_no from collections c join credits cr on cr.source_id = c.id limit 1').doc_no;
      db.exec('drop trigger collections_no_delete');
      db.prepare('delete from collections where doc_no = ?').run(docNo);
    });
    expect(checkDatabase(file, []).problems).toContain(`贷方记录 ${docNo} 没有回款单（核销没有回款）`);
  });

  it('an order marked reversed without its reversal is caught', () => {
    let docNo = '';
    const file = broken('reversal', (db) => {
      docNo = one<{ doc_no: string }>(db, `select doc_no from orders where state = 'posted' and reversal_of_id is null limit 1`).doc_no;
      db.exec('drop trigger orders_posted_update');
      db.prepare(`update orders set state = 'reversed' where doc_no = ?`).run(docNo);
    });
    expect(checkDatabase(file, []).problems).toContain(`${docNo} 标记为已红冲却没有它的红冲单`);
  });

  it('an import batch written in part is caught', () => {
    let batch = '';
    const file = broken('import', (db) => {
      const code = one<{ code: string }>(db, `select code from customers where code like 'I%-1' limit 1`).code;
      batch = code.slice(0, -2);
      db.prepare('delete from customers where code = ?').run(code);
    });
    const [, size] = /-(\d+)$/.exec(batch)!;
    expect(checkDatabase(file, []).problems).toContain(`导入批次 ${batch} 只写了 ${Number(size) - 1} / ${size} 个客户`);
  });

  it('a dangling reference is caught by foreign_key_check', () => {
    const file = broken('fk', (db) => {
      const creditId = one<{ id: number }>(db, 'select id from credits limit 1').id;
      db.exec('drop trigger allocations_summaries_insert');
      db.prepare(
        `insert into allocations (credit_id, receivable_id, date, amount_fen, created_at) values (?, 999999, '2026-11-02', 1, 'x')`,
      ).run(creditId);
    });
    expect(checkDatabase(file, []).problems.some((p) => p.startsWith('foreign_key_check: allocations'))).toBe(true);
  });

  it('a damaged file is caught', () => {
    const file = broken('torn', () => {});
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    // a page in the middle overwritten, as a torn write would leave it
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    fs.closeSync(fd);
    const problems = checkDatabase(file, []).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/数据库打不开|integrity_check/);
  });
});
