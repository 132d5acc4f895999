// The crash test's parent: starts the child on one database file again and again, kills it with SIGKILL at a random
// moment each time, and after every kill checks the database (check.ts) against everything the child reported so far.
// Run from the repository root (vitest and `npm run crash` both are): the child is bundled once with esbuild so each of
// hundreds of starts takes a fraction of a second instead of tsx's seconds.
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
  /** longest wait after the child says it is ready before the kill (ms) */
  maxDelayMs?: number;
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
  reported: { orders: number; collections: number; imports: number };
  /** Σ over the kills of the reported writes found intact after it (each write is checked again after every later kill) */
  writesChecked: number;
  /** posted orders, collections and import batches in the database at the end */
  documents: { orders: number; collections: number; importBatches: number };
  /** documents committed whose report the kill cut off (allowed: the child had not said so yet) */
  committedUnreported: number;
  elapsedMs: number;
  /** empty when every check passed; the run stops at the first kill with a problem */
  problems: string[];
  failedAtKill: number | null;
  dbPath: string;
}

const CHILD_SOURCE = path.resolve('tests/crash/child.ts');

/** The child as one CommonJS file beside node_modules (so better-sqlite3 and friends resolve from it). */
export function bundleChild(): string {
  const outfile = path.resolve('node_modules/.cache/salesdesk-crash/child.cjs');
  buildSync({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

interface ChildRun {
  reports: Report[];
  ready: boolean;
  /** the child ended on its own (an error) rather than by our kill */
  died: string | null;
}

/** One child life: started, killed after `delay` (from "ready", or from the start when `early`), its report read. */
function runChild(childFile: string, dbPath: string, run: number, seed: number, early: boolean, delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, dbPath, String(run), String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    if (early) timer = setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!ready && out.includes('"kind":"ready"')) {
        ready = true;
        if (!early) timer = setTimeout(kill, delayMs);
      }
    });
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      // only whole lines count: a line cut by the kill was never reported
      const lines = out.split('\n').slice(0, -1);
      const reports = lines.map(parseReport).filter((r): r is Report => r !== null && r.kind !== 'ready');
      const died =
        killed && signal === 'SIGKILL' ? null : `child ended by itself (code ${code}, signal ${signal}): ${err.trim().slice(-2000)}`;
      resolve({ reports, ready, died });
    });
  });
}

export async function runCrashTest(options: CrashOptions): Promise<CrashSummary> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rand = random(seed);
  const maxDelayMs = options.maxDelayMs ?? 1500;
  const earlyShare = options.earlyShare ?? 0.15;
  const log = options.log ?? (() => {});
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-crash-'));
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'crash.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });

  const childFile = bundleChild();
  await prepareDatabase(dbPath);

  const reports: Report[] = [];
  const summary: CrashSummary = {
    seed,
    kills: 0,
    earlyKills: 0,
    reported: { orders: 0, collections: 0, imports: 0 },
    writesChecked: 0,
    documents: { orders: 0, collections: 0, importBatches: 0 },
    committedUnreported: 0,
    elapsedMs: 0,
    problems: [],
    failedAtKill: null,
    dbPath,
  };
  // how long the child takes to open the database, so early kills spread over its start-up
  let startupMs = 300;
  for (let k = 1; k <= options.kills; k++) {
    const early = rand() < earlyShare;
    const delayMs = Math.floor(rand() * (early ? startupMs : maxDelayMs));
    const t0 = Date.now();
    const life = await runChild(childFile, dbPath, k, Math.floor(rand() * 2 ** 31), early, delayMs);
    if (!early && life.ready) startupMs = Math.max(50, Date.now() - t0 - delayMs);
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
    }
    const result = checkDatabase(dbPath, reports);
    summary.writesChecked += result.writesChecked;
    summary.documents = result.documents;
    log(
      `kill ${k}/${options.kills} ${early ? `early +${delayMs} ms` : `+${delayMs} ms after ready`}: ${life.reports.length} writes reported, ` +
        `${reports.length} checked${result.problems.length ? ` — ${result.problems.length} problem(s)` : ''}`,
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
    (summary.documents.importBatches - summary.reported.imports);
  summary.elapsedMs = Date.now() - started;
  if (summary.problems.length === 0 && !options.dir) fs.rmSync(dir, { recursive: true, force: true });
  return summary;
}
