// The crash test's parent: starts the child on one database file again and again, kills it with SIGKILL at a random
// moment each time, and after every kill checks the database (check.ts) against everything the child reported so far.
// Run from the repository root (vitest and `npm run crash` both are): the child is bundled once with esbuild so each of
// hundreds of starts takes about a second instead of tsx's several.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { checkDatabase } from './check';
import { parseReport, prepareDatabase, random, type Report } from './workload';

export interface CrashOptions {
  kills: number;
  /** picks the kill moments and the child's amounts; printed so a failing run can be told apart */
  seed?: number;
  /** most writes a child reports before the kill (each kill then lands at a random moment within the next write) */
  maxWrites?: number;
  /** share of kills that land while the child is still opening the database (before "ready") */
  earlyShare?: number;
  /** a folder for the database (default: a new temp folder, removed after a passing run) */
  dir?: string;
  /** one line per kill (the CLI prints them; the vitest run stays quiet) */
  log?: (line: string) => void;
}

export interface CrashSummary {
  seed: number;
  kills: number;
  earlyKills: number;
  /** writes the child reported as committed, by kind, over all runs */
  reported: { orders: number; collections: number; imports: number; reversals: number };
  /** Σ over the kills of the reported writes found intact after it (each write is checked again after every later kill) */
  writesChecked: number;
  /** posted orders (reversed since or not), collections, import batches and reversals in the database at the end */
  documents: { orders: number; collections: number; importBatches: number; reversals: number };
  /** documents committed whose report the kill cut off (allowed: the child had not said so yet) */
  committedUnreported: number;
  elapsedMs: number;
  /** empty when every check passed; the run stops at the first kill with a problem */
  problems: string[];
  failedAtKill: number | null;
  dbPath: string;
}

const CHILD_SOURCE = path.resolve('tests/crash/child.ts');

/** The child as one CommonJS file beside node_modules (better-sqlite3, native, and the import worker's xlsx resolve from it). */
export function bundleChild(): string {
  // one file per run: a long form and the vitest short form may run side by side
  const outfile = path.resolve(`node_modules/.cache/salesdesk-crash/child-${process.pid}.cjs`);
  buildSync({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // the packages bundled too: one file loads in half the time of hundreds of package files (a start per kill)
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

interface ChildRun {
  reports: Report[];
  ready: boolean;
  /** ms from "ready" to the last report (the child's pace, to spread the next kills over a write) */
  busyMs: number;
  /** the child ended on its own (an error) or stalled, rather than being killed by plan */
  died: string | null;
}

/**
 * When to kill: `early` — `delayMs` after the start, while the database is opening; otherwise `delayMs` after the
 * child's `afterReports`-th report (0: after "ready"), so the kills fall inside writes whatever the machine's pace —
 * more often just after a report, where a write reported before its commit would be caught.
 */
interface KillPlan {
  early: boolean;
  afterReports: number;
  delayMs: number;
}

/** A child that says nothing for this long is stuck (a lock never released, say): a failure, not a kill. */
const STALL_MS = 60_000;

/** One child life: started, killed by the plan, its report lines read. */
function runChild(childFile: string, dbPath: string, run: number, seed: number, plan: KillPlan): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, dbPath, String(run), String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt = 0;
    let lastReportAt = 0;
    let reportCount = 0;
    let killed = false;
    let stalled = false;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    let watchdog = setTimeout(() => ((stalled = true), kill()), STALL_MS);
    if (plan.early) timer = setTimeout(kill, plan.delayMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      clearTimeout(watchdog);
      watchdog = setTimeout(() => ((stalled = true), kill()), STALL_MS);
      const now = Date.now();
      if (!readyAt && out.includes('"kind":"ready"')) readyAt = now;
      if (!readyAt) return;
      const whole = out.slice(0, out.lastIndexOf('\n') + 1);
      const count = whole.split('\n').filter((l) => l && !l.includes('"kind":"ready"')).length;
      if (count > reportCount) lastReportAt = now;
      reportCount = count;
      if (!plan.early && !timer && reportCount >= plan.afterReports) timer = setTimeout(kill, plan.delayMs);
    });
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(watchdog);
      // only whole lines count: a line cut by the kill was never reported
      const lines = out.split('\n').slice(0, -1);
      const reports = lines.map(parseReport).filter((r): r is Report => r !== null && r.kind !== 'ready');
      const died = stalled
        ? `child made no progress for ${STALL_MS / 1000} s (${reports.length} writes reported): ${err.trim().slice(-2000)}`
        : killed && signal === 'SIGKILL'
          ? null
          : `child ended by itself (code ${code}, signal ${signal}): ${err.trim().slice(-2000)}`;
      resolve({ reports, ready: readyAt > 0, busyMs: readyAt && lastReportAt ? lastReportAt - readyAt : 0, died });
    });
  });
}

export async function runCrashTest(options: CrashOptions): Promise<CrashSummary> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-crash-'));
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'crash.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });

  const childFile = bundleChild();
  try {
    return await killAndCheck(options, { childFile, dbPath, dir, seed, started });
  } finally {
    fs.rmSync(childFile, { force: true });
  }
}

/** The kills and checks of one run, on a prepared child bundle. */
async function killAndCheck(
  options: CrashOptions,
  { childFile, dbPath, dir, seed, started }: { childFile: string; dbPath: string; dir: string; seed: number; started: number },
): Promise<CrashSummary> {
  const rand = random(seed);
  const maxWrites = options.maxWrites ?? 12;
  const earlyShare = options.earlyShare ?? 0.15;
  const log = options.log ?? (() => {});
  await prepareDatabase(dbPath);

  const reports: Report[] = [];
  const summary: CrashSummary = {
    seed,
    kills: 0,
    earlyKills: 0,
    reported: { orders: 0, collections: 0, imports: 0, reversals: 0 },
    writesChecked: 0,
    documents: { orders: 0, collections: 0, importBatches: 0, reversals: 0 },
    committedUnreported: 0,
    elapsedMs: 0,
    problems: [],
    failedAtKill: null,
    dbPath,
  };
  // the child's pace, measured as it runs: how long it takes to open the database, and one write
  let startupMs = 300;
  let writeMs = 100;
  for (let k = 1; k <= options.kills; k++) {
    const early = rand() < earlyShare;
    const plan: KillPlan = early
      ? { early, afterReports: 0, delayMs: Math.floor(rand() * startupMs) }
      : { early, afterReports: Math.floor(rand() * (maxWrites + 1)), delayMs: Math.floor(rand() ** 2 * writeMs * 1.5) };
    const t0 = Date.now();
    const life = await runChild(childFile, dbPath, k, Math.floor(rand() * 2 ** 31), plan);
    const lifeMs = Date.now() - t0;
    if (!early && life.ready && plan.afterReports === 0) startupMs = Math.max(50, lifeMs - plan.delayMs);
    if (life.reports.length >= 2) writeMs = Math.max(5, life.busyMs / life.reports.length);
    summary.kills = k;
    if (early) summary.earlyKills++;
    if (life.died) {
      summary.problems.push(life.died);
      summary.failedAtKill = k;
      break;
    }
    for (const r of life.reports) {
      reports.push(r);
      if (r.kind === 'orderPosted') summary.reported.orders++;
      else if (r.kind === 'collection') summary.reported.collections++;
      else if (r.kind === 'import') summary.reported.imports++;
      else summary.reported.reversals++;
    }
    const t1 = Date.now();
    const result = checkDatabase(dbPath, reports);
    summary.writesChecked += result.writesChecked;
    summary.documents = result.documents;
    log(
      `kill ${k}/${options.kills} ${early ? `early, ${plan.delayMs} ms after start` : `${plan.delayMs} ms after write ${plan.afterReports}`}: ${life.reports.length} writes reported, ` +
        `${reports.length} checked (child ${lifeMs} ms, check ${Date.now() - t1} ms)${result.problems.length ? ` — ${result.problems.length} problem(s)` : ''}`,
    );
    if (result.problems.length > 0) {
      summary.problems = result.problems;
      summary.failedAtKill = k;
      break;
    }
  }
  summary.committedUnreported =
    summary.documents.orders -
    summary.reported.orders +
    (summary.documents.collections - summary.reported.collections) +
    (summary.documents.importBatches - summary.reported.imports) +
    (summary.documents.reversals - summary.reported.reversals);
  summary.elapsedMs = Date.now() - started;
  if (summary.problems.length === 0 && !options.dir) fs.rmSync(dir, { recursive: true, force: true });
  return summary;
}
