// A backup of the large demo while writes continue (issue 12: ≤ 5 s, writers never blocked for more than 100 ms).
// On a copy of the database: a writer posts 20-line orders through the dispatcher (orders.save + orders.post) without
// pause, and the core's own event loop is watched; meanwhile the backup is made as the app makes it (backups.create's
// path: the online backup API in a worker thread, then integrity_check on the copy). Reported: the copy's time (the
// budget), the check's time, the writer's latencies and the longest stall of the core's thread during the backup.
// Alone: npx tsx tests/bench/backup.ts --db <large demo.db> [--keep]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/core/core';
import { makeBackup } from '../../electron/core/modules/backups/backups';
import { benchSession } from './benchSession';

export const BACKUP_BUDGET_S = 5;
export const WRITER_STALL_BUDGET_MS = 100;
const ORDER_LINES = 20;
const BASELINE_MS = 5_000;

export interface BackupBench {
  sizeMB: number;
  copySeconds: number;
  checkSeconds: number;
  totalSeconds: number;
  /** orders posted while the backup ran */
  ordersDuringBackup: number;
  /** every call of the writer (orders.save, orders.post) while the backup ran */
  writerMedianMs: number;
  writerP99Ms: number;
  writerMaxMs: number;
  /** the core thread's longest event-loop delay while the backup ran */
  loopMaxDelayMs: number;
  /** the slowest writer call while the worker copied, and while it checked the copy */
  writerMaxDuringCopyMs: number;
  writerMaxDuringCheckMs: number;
  /** the same writer alone for a few seconds before the backup (the machine's own noise) */
  baselineP99Ms: number;
  baselineMaxMs: number;
  baselineLoopMaxDelayMs: number;
  /** writes the backup copy holds: orders posted before it started are all in it */
  copyHasEarlierOrders: boolean;
  cpuSeconds: number;
  load: number;
  pass: boolean;
  checked: number;
  failures: number;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};

async function callAs<T>(core: Core, method: string, input: unknown): Promise<T> {
  const res = await core.call(method, input, { session: benchSession(core) });
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.data as T;
}

export async function runBackupBench(dbPath: string, options: { keep?: boolean; log?: (line: string) => void } = {}): Promise<BackupBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-backup-bench-'));
  let core: Core | null = null;
  try {
    // a consistent copy of the file to write to (the source is only read)
    const source = new Database(dbPath, { fileMustExist: true });
    source.pragma('wal_checkpoint(TRUNCATE)');
    source.close();
    const copyPath = path.join(dir, 'salesdesk.db');
    fs.copyFileSync(dbPath, copyPath);
    core = createCore(copyPath);
    const db = core.ctx.db;
    const sizeMB = round3(
      ((db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)) / 1048576,
    );
    const buyer = db
      .prepare(
        `select id from customers where archived = 0 and type in ('enterprise', 'retail') and credit_limit_fen = 0 order by id limit 1`,
      )
      .get() as { id: number } | undefined;
    const products = db
      .prepare('select id, list_price_fen as price from products where active = 1 and list_price_fen > 0 order by id limit ?')
      .all(ORDER_LINES) as Array<{ id: number; price: number }>;
    if (!buyer || products.length === 0) throw new Error('the database has no customer without a credit limit or no priced products');
    const today = new Date().toISOString().slice(0, 10);
    const w = core;
    let k = 0;
    const postOne = async (latencies: number[] | null, at: number[] | null = null) => {
      const input = {
        customerId: buyer.id,
        date: today,
        lines: products.map((p, i) => ({ productId: p.id, qty: 1 + ((k + i) % 7), unitPriceFen: p.price })),
      };
      k++;
      let t = performance.now();
      const draft = await callAs<{ id: number }>(w, 'orders.save', input);
      latencies?.push(performance.now() - t);
      at?.push(t);
      t = performance.now();
      await callAs(w, 'orders.post', { id: draft.id });
      latencies?.push(performance.now() - t);
      at?.push(t);
      return draft.id;
    };
    // warm up the statements, and note the last order posted before the backup starts
    let lastBefore = 0;
    for (let i = 0; i < 5; i++) lastBefore = await postOne(null);

    // the same writer alone first, for as long as the copy is expected to take: what this machine gives it without a backup
    const baseline: number[] = [];
    const baselineLoop = monitorEventLoopDelay({ resolution: 5 });
    baselineLoop.enable();
    const baselineUntil = performance.now() + BASELINE_MS;
    while (performance.now() < baselineUntil) {
      await postOne(baseline);
      await new Promise((r) => setImmediate(r));
    }
    baselineLoop.disable();

    const latencies: number[] = [];
    const startedAt: number[] = [];
    let posted = 0;
    let running = true;
    const writer = (async () => {
      while (running) {
        await postOne(latencies, startedAt);
        posted++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const made = await makeBackup({ ...core.ctx, actor: null, operator: '基准测试' }, 'manual');
    const totalSeconds = (performance.now() - started) / 1000;
    const cpuUsed = process.cpuUsage(cpu);
    loop.disable();
    running = false;
    await writer;

    // makeBackup refuses a copy whose integrity_check is not ok; here: the copy holds what was committed before it began
    const copy = new Database(made.path, { readonly: true });
    const copyHasEarlierOrders =
      copy.prepare("select count(*) from orders where id = ? and state = 'posted'").pluck().get(lastBefore) === 1;
    copy.close();

    const copySeconds = made.timings.copyMs / 1000;
    const writerMaxMs = latencies.length ? Math.max(...latencies) : 0;
    // which part of the backup the slowest calls fell in: the copy (the worker reads the database and writes the file) or
    // the check (the worker only reads its copy)
    const copyEnd = started + made.timings.copyMs;
    const maxWhere = (from: number, to: number) => Math.max(0, ...latencies.filter((_, i) => startedAt[i]! >= from && startedAt[i]! < to));
    const loopMaxDelayMs = loop.max / 1e6;
    const checks = [copySeconds <= BACKUP_BUDGET_S, writerMaxMs <= WRITER_STALL_BUDGET_MS, copyHasEarlierOrders, posted > 0];
    const failures = checks.filter((c) => !c).length;
    const result: BackupBench = {
      sizeMB,
      copySeconds: round3(copySeconds),
      checkSeconds: round3(made.timings.checkMs / 1000),
      totalSeconds: round3(totalSeconds),
      ordersDuringBackup: posted,
      writerMedianMs: round3(quantile(latencies, 0.5)),
      writerP99Ms: round3(quantile(latencies, 0.99)),
      writerMaxMs: round3(writerMaxMs),
      loopMaxDelayMs: round3(loopMaxDelayMs),
      writerMaxDuringCopyMs: round3(maxWhere(started, copyEnd)),
      writerMaxDuringCheckMs: round3(maxWhere(copyEnd, Number.POSITIVE_INFINITY)),
      baselineP99Ms: round3(quantile(baseline, 0.99)),
      baselineMaxMs: round3(baseline.length ? Math.max(...baseline) : 0),
      baselineLoopMaxDelayMs: round3(baselineLoop.max / 1e6),
      copyHasEarlierOrders,
      cpuSeconds: round3((cpuUsed.user + cpuUsed.system) / 1e6),
      load: round3(os.loadavg()[0]!),
      pass: failures === 0,
      checked: checks.length,
      failures,
    };
    options.log?.(`backup bench on ${copyPath}${options.keep ? ' (kept)' : ''}`);
    return result;
  } finally {
    if (core?.ctx.db.open) core.close();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatBackupBench(b: BackupBench): string[] {
  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  return [
    `备份 / backup of the large demo (${b.sizeMB.toFixed(0)} MB) while a writer posts ${ORDER_LINES}-line orders:`,
    `  copy (online backup API, worker thread)   ${b.copySeconds.toFixed(2)} s   budget ≤ ${BACKUP_BUDGET_S} s   ${mark(b.copySeconds <= BACKUP_BUDGET_S)}`,
    `  integrity_check of the copy (same worker) ${b.checkSeconds.toFixed(2)} s   report; whole backup ${b.totalSeconds.toFixed(2)} s`,
    `  writer: ${b.ordersDuringBackup} orders posted meanwhile; per call median ${b.writerMedianMs.toFixed(1)} ms, p99 ${b.writerP99Ms.toFixed(1)} ms, ` +
      `max ${b.writerMaxMs.toFixed(1)} ms   budget ≤ ${WRITER_STALL_BUDGET_MS} ms   ${mark(b.writerMaxMs <= WRITER_STALL_BUDGET_MS)}`,
    `  slowest call while the worker copied ${b.writerMaxDuringCopyMs.toFixed(1)} ms, while it checked the copy ${b.writerMaxDuringCheckMs.toFixed(1)} ms`,
    `  the same writer alone for ${BASELINE_MS / 1000} s before: p99 ${b.baselineP99Ms.toFixed(1)} ms, max ${b.baselineMaxMs.toFixed(1)} ms, longest event-loop delay ${b.baselineLoopMaxDelayMs.toFixed(1)} ms`,
    `  core thread's longest event-loop delay ${b.loopMaxDelayMs.toFixed(1)} ms; the copy passed integrity_check and holds the orders posted before it ${b.copyHasEarlierOrders ? 'yes' : 'NO'}`,
    `  CPU of this process ${b.cpuSeconds.toFixed(1)} s [load ${b.load.toFixed(2)}]`,
  ];
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--db');
  const db = at >= 0 ? argv[at + 1] : undefined;
  if (!db) {
    console.error('用法 / usage: npx tsx tests/bench/backup.ts --db <large demo.db> [--keep]');
    process.exit(2);
  }
  runBackupBench(path.resolve(db), { keep: argv.includes('--keep'), log: (l) => console.log(l) })
    .then((b) => {
      for (const l of formatBackupBench(b)) console.log(l);
      if (!b.pass) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
