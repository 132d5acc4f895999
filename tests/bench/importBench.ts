// npm run bench:import is `tsx tests/bench/importBench.ts --db <file> [--rows 50000] [--seed n] [--json]`; bench.ts calls runImportBench.
// The 50,000-row customer import (preview + commit) on two copies of the database — as it is ("fresh"), and after a
// first 50,000-row import plus a round of edits ("used") — each beside a raw-SQL baseline: the very rows the commit
// wrote, inserted into the same tables with the same indexes, in a third copy, in one transaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { DB } from '../../electron/core/db/connection';
import { createCore, type Core } from '../../electron/core/core';
import { benchSession } from './benchSession';
import { Rand } from '../../electron/core/demo/generate';
import {
  brandFirst,
  brandSecond,
  femaleGiven,
  maleGiven,
  mobilePrefixes,
  roads,
  surnames,
  tagRules,
  tradeWords,
} from '../../electron/core/demo/names';

export const IMPORT_ROWS = 50_000;
/** The whole import, preview + commit, on any database history. */
export const IMPORT_TOTAL_BUDGET_S = 8;

export interface ImportRefs {
  regions: string[];
  reps: string[];
}

/** Regions and reps as an office sheet names them: a full path or a unique name; a rep by name, or code when shared. */
export function importRefs(db: DB): ImportRefs {
  const regions = db.prepare('select id, parent_id as parentId, name, level from regions').all() as Array<{
    id: number;
    parentId: number | null;
    name: string;
    level: number;
  }>;
  const byId = new Map(regions.map((r) => [r.id, r]));
  const named = new Map<string, number>();
  for (const r of regions) named.set(r.name, (named.get(r.name) ?? 0) + 1);
  const pathOf = (r: (typeof regions)[number]) => {
    const names: string[] = [];
    for (let cur: (typeof regions)[number] | undefined = r; cur; cur = cur.parentId === null ? undefined : byId.get(cur.parentId))
      names.unshift(cur.name);
    return names.join('/');
  };
  const leaves = regions.filter((r) => r.level >= 3);
  const reps = db.prepare('select code, name from reps where active = 1').all() as Array<{ code: string; name: string }>;
  const repNamed = new Map<string, number>();
  for (const r of reps) repNamed.set(r.name, (repNamed.get(r.name) ?? 0) + 1);
  return {
    regions: leaves.map((r, i) => (i % 3 === 0 && named.get(r.name) === 1 ? r.name : pathOf(r))),
    reps: reps.map((r) => (repNamed.get(r.name) === 1 ? r.name : r.code)),
  };
}

export const importHeaders = [
  '客户编码',
  '客户名称',
  '简称',
  '客户类型',
  '所属区域',
  '地址',
  '电话',
  '行业',
  '规模',
  '客户来源',
  '业务员',
  '客户等级',
  '生命周期',
  '信用额度(元)',
  '账期(天)',
  '标签',
  '联系人',
  '联系人职务',
  '联系人电话',
];

/**
 * A realistic customer sheet: the mix of formats people type (¥ and 万, 天, phones with spaces or dashes, a级). `batch`
 * gives a second sheet its own codes and names, so it can be imported after the first.
 */
export function buildImportSheet(refs: ImportRefs, rows: number, seed: number, batch = 0): Buffer {
  const rand = new Rand(seed + 7 + batch);
  const prefix = 'BKMNPQ'[batch % 6]!; // not C: the codes the import assigns to rows without one are C000001…
  const mobile = () => `${rand.pick(mobilePrefixes)}${String(rand.int(0, 99_999_999)).padStart(8, '0')}`;
  const phone = () => {
    const m = mobile();
    return rand.pick([
      m,
      `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
      `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
      `025-${rand.int(5000_0000, 8999_9999)}`,
    ]);
  };
  const person = () => rand.pick(surnames) + rand.pick(rand.chance(0.5) ? maleGiven : femaleGiven);
  const aoa: unknown[][] = [importHeaders];
  for (let i = 0; i < rows; i++) {
    const brand = rand.pick(brandFirst) + rand.pick(brandSecond);
    const trade = rand.pick(tradeWords);
    const road = rand.pick(roads);
    const n = batch * rows + i + 1;
    aoa.push([
      i % 5 === 4 ? '' : `${prefix}${String(i + 1).padStart(6, '0')}`,
      `${brand}${trade.word}（${road}${n}号店）`,
      brand,
      rand.pick(['零售店', '终端', '批发商', '企业客户', 'retail']),
      rand.pick(refs.regions),
      `${road}${rand.int(1, 999)}号`,
      phone(),
      trade.industry,
      rand.pick(['小型', '微型', '中型', '']),
      rand.pick(['陌生拜访', '客户转介绍', '展会', '网络', '']),
      rand.pick(refs.reps),
      rand.pick(['A', 'B', 'C', 'D', 'b', 'C级']),
      rand.pick(['潜在', '首次购买', '重复购买', '忠诚']),
      rand.pick([rand.int(0, 500) * 100, `¥${(rand.int(1, 900) * 100).toLocaleString('en-US')}.50`, `${rand.int(1, 50)}万`, '']),
      rand.pick([30, 60, '45天', '']),
      rand.chance(0.4) ? [rand.pick(tagRules), rand.pick(tagRules)].join('、') : '',
      person(),
      rand.pick(['老板', '店长', '采购经理', '']),
      phone(),
    ]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '客户');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer;
}

// ---------- timing ----------

async function callOk<T>(core: Core, method: string, input: unknown): Promise<T> {
  const env = await core.call(method, input, { session: benchSession(core) });
  if (!env.ok) throw new Error(`${method} 失败 / failed: ${env.error.code} ${env.error.message}`);
  return env.data as T;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

interface Counts {
  total: number;
  new: number;
  update: number;
  skip: number;
  error: number;
}

export interface ImportRun {
  history: 'fresh' | 'used';
  rows: number;
  previewSeconds: number;
  commitSeconds: number;
  seconds: number;
  /** The rows the commit wrote, inserted by hand into a copy of the same database in one transaction. */
  baselineSeconds: number;
  baselineRows: Record<string, number>;
  counts: Counts;
  created: number;
  pass: boolean;
}

function copyDb(from: string, to: string): void {
  fs.copyFileSync(from, to);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(`${from}${ext}`)) fs.copyFileSync(`${from}${ext}`, `${to}${ext}`);
}

async function importFile(core: Core, file: Buffer, name: string) {
  const input = { entity: 'customers', fileName: name, base64: file.toString('base64'), mode: 'skip' };
  let t = performance.now();
  const preview = await callOk<{ counts: Counts }>(core, 'import.preview', input);
  const previewSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const result = await callOk<{ created: number }>(core, 'import.commit', input);
  const commitSeconds = (performance.now() - t) / 1000;
  return { counts: preview.counts, created: result.created, previewSeconds, commitSeconds };
}

/** What a clerk does to a book between two imports: edits, archives, new contacts — hundreds of audited changes. */
async function useTheBook(core: Core, seed: number): Promise<void> {
  const rand = new Rand(seed + 99);
  const ids = core.ctx.db.prepare('select id from customers where archived = 0 order by id').pluck().all() as number[];
  for (let i = 0; i < 600; i++) {
    const id = rand.pick(ids);
    const c = await callOk<Record<string, unknown> & { contacts: Array<Record<string, unknown>> }>(core, 'customers.get', { id });
    if (c.archived) continue;
    const input = {
      id,
      code: c.code,
      name: c.name,
      shortName: c.shortName,
      type: c.type,
      regionId: c.regionId,
      address: `${String(c.address).slice(0, 150)}（${i}）`,
      phone: c.phone,
      industry: c.industry,
      scale: c.scale,
      source: c.source,
      repId: c.repId,
      dealerId: c.dealerId,
      grade: rand.pick(['A', 'B', 'C', 'D']),
      lifecycle: c.lifecycle,
      creditLimitFen: rand.int(0, 500) * 10_000,
      paymentTermDays: c.paymentTermDays,
      tags: c.tags,
      notes: c.notes,
      contacts: c.contacts.map((k) => ({
        id: k.id,
        name: k.name,
        title: k.title,
        phone: k.phone,
        email: k.email,
        wechat: k.wechat,
        isPrimary: k.isPrimary,
      })),
    };
    await callOk(core, 'customers.save', input);
    if (i % 20 === 0) await callOk(core, 'customers.archive', { id });
  }
}

interface Written {
  customers: Array<Record<string, unknown>>;
  contacts: Array<Record<string, unknown>>;
  customer_tags: Array<Record<string, unknown>>;
  audit_log: Array<Record<string, unknown>>;
}

const maxId = (db: DB, table: string) => (db.prepare(`select coalesce(max(rowid), 0) from ${table}`).pluck().get() as number) ?? 0;
const tables = ['customers', 'contacts', 'customer_tags', 'audit_log'] as const;

/** The raw-SQL floor: the same rows, same tables, same indexes, one transaction, one prepared statement per table. */
function rawInsert(dbPath: string, written: Written): number {
  const core = createCore(dbPath);
  try {
    const db = core.ctx.db;
    const stmts = tables.map((table) => {
      const cols = Object.keys(written[table][0] ?? { id: 0 });
      return db.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`);
    });
    const t = performance.now();
    db.transaction(() => {
      tables.forEach((table, i) => {
        for (const row of written[table]) stmts[i]!.run(row);
      });
    })();
    return (performance.now() - t) / 1000;
  } finally {
    core.close();
  }
}

/** Imports `file` into a copy of `dbPath` (after `prepare`), then replays the written rows by hand into another copy. */
async function runOne(
  history: ImportRun['history'],
  dbPath: string,
  dir: string,
  file: Buffer,
  prepare: (core: Core) => Promise<void>,
): Promise<ImportRun> {
  const before = path.join(dir, `${history}-before.db`);
  copyDb(dbPath, before);
  const setup = createCore(before);
  try {
    await prepare(setup);
    setup.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    setup.close();
  }
  const work = path.join(dir, `${history}-import.db`);
  copyDb(before, work);
  const core = createCore(work);
  let written: Written;
  let run: Awaited<ReturnType<typeof importFile>>;
  try {
    const start = Object.fromEntries(tables.map((t) => [t, maxId(core.ctx.db, t)]));
    run = await importFile(core, file, '客户导入.xlsx');
    const rowsAfter = (table: string) => core.ctx.db.prepare(`select * from ${table} where rowid > ? order by rowid`).all(start[table]);
    written = {
      customers: rowsAfter('customers') as Written['customers'],
      contacts: rowsAfter('contacts') as Written['contacts'],
      customer_tags: rowsAfter('customer_tags') as Written['customer_tags'],
      audit_log: rowsAfter('audit_log') as Written['audit_log'],
    };
  } finally {
    core.close();
  }
  const baselineSeconds = rawInsert(before, written);
  const seconds = run.previewSeconds + run.commitSeconds;
  return {
    history,
    rows: run.counts.total,
    previewSeconds: round3(run.previewSeconds),
    commitSeconds: round3(run.commitSeconds),
    seconds: round3(seconds),
    baselineSeconds: round3(baselineSeconds),
    baselineRows: Object.fromEntries(tables.map((t) => [t, written[t].length])),
    counts: run.counts,
    created: run.created,
    pass: seconds <= IMPORT_TOTAL_BUDGET_S && run.counts.error === 0 && run.created === run.counts.total - run.counts.skip,
  };
}

/** The import on a fresh copy and on a used one (a first 50,000-row import, then 600 edits and 30 archives). */
export async function runImportBench(dbPath: string, opts: { rows?: number; seed?: number; keep?: boolean } = {}): Promise<ImportRun[]> {
  const rows = opts.rows ?? IMPORT_ROWS;
  const seed = opts.seed ?? 20261125;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-importbench-'));
  try {
    const probe = createCore(dbPath);
    const refs = (() => {
      try {
        return importRefs(probe.ctx.db);
      } finally {
        probe.close();
      }
    })();
    const first = buildImportSheet(refs, rows, seed, 0);
    const second = buildImportSheet(refs, rows, seed, 1);
    const fresh = await runOne('fresh', dbPath, dir, first, async () => {});
    const used = await runOne('used', dbPath, dir, second, async (core) => {
      await importFile(core, first, '第一批.xlsx');
      await useTheBook(core, seed);
    });
    return [fresh, used];
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printImportBench(runs: ImportRun[]): void {
  console.log('');
  console.log('history  rows     preview s  commit s  total s  raw SQL s  commit/raw  budget   result');
  for (const r of runs) {
    console.log(
      [
        r.history.padEnd(7),
        r.rows.toLocaleString('en-US').padStart(6),
        r.previewSeconds.toFixed(2).padStart(9),
        r.commitSeconds.toFixed(2).padStart(8),
        r.seconds.toFixed(2).padStart(7),
        r.baselineSeconds.toFixed(2).padStart(9),
        `${(r.commitSeconds / Math.max(r.baselineSeconds, 0.001)).toFixed(1)}×`.padStart(10),
        `≤ ${IMPORT_TOTAL_BUDGET_S} s`.padEnd(7),
        r.pass ? 'PASS' : `FAIL${r.counts.error ? ` (${r.counts.error} errors)` : ''}`,
      ].join('  '),
    );
  }
  const r = runs[0];
  if (r) {
    const parts = Object.entries(r.baselineRows)
      .map(([t, n]) => `${n.toLocaleString('en-US')} ${t}`)
      .join(', ');
    console.log(`  raw SQL: the rows the commit wrote (${parts}), inserted into a copy with the same indexes, one transaction`);
    console.log('  used: the same database after a first 50,000-row import, 600 edits and 30 archives');
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const db = opt('--db');
  if (!db || !fs.existsSync(db)) throw new Error('用法 / usage: tsx tests/bench/importBench.ts --db <file> [--rows n] [--seed n] [--json]');
  const runs = await runImportBench(path.resolve(db), {
    rows: opt('--rows') ? Number(opt('--rows')) : undefined,
    seed: opt('--seed') ? Number(opt('--seed')) : undefined,
    keep: argv.includes('--keep'),
  });
  if (argv.includes('--json')) console.log(JSON.stringify(runs));
  else printImportBench(runs);
  if (runs.some((r) => !r.pass)) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err: unknown) => {
    console.error(`导入基准失败 / import bench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
