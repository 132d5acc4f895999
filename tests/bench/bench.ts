// npm run bench -- [--db <file>] [--generate] [--json] [--runs 25] [--keep] [--skip-import] [--skip-browser] [--only money|targets|analytics|pipeline|backup]
// Times the hot read paths through the real dispatcher (zod parsing included) against hand-written SQL for the same question.
// Without --db (or with --generate) the large demo is generated into a temp file first, and that generation is timed too.
// Then, on a copy of that database and in a fresh process (so the host's memory is measured alone): the import of a
// 50,000-row customer sheet (preview + commit) and the export of 100,000 customers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DB } from '../../electron/core/db/connection';
import { formatBrowserTimings, runBrowserBench, type BrowserBench } from './browserTimings';
import { createCore, type Core } from '../../electron/core/core';
import { benchSession } from './benchSession';
import { DEMO_ADMIN } from '../../electron/core/demo/operators';
import {
  buildImportSheet,
  IMPORT_TOTAL_BUDGET_S,
  importRefs,
  printImportBench,
  runImportBench,
  type ImportRefs,
  type ImportRun,
} from './importBench';
import { formatAuditBench, runAuditVerifyBench, type AuditBench } from './auditBench';
import { formatBackupBench, runBackupBench, type BackupBench } from './backup';
import { dailyFormsOperations } from './dailyFormsBench';
import { moneyOperations } from './moneyBench';
import { targetsOperations } from './targetsBench';
import { pipelineOperations } from './pipelineBench';
import { analyticsOperations, formatDashboardBench, runDashboardBench, type DashboardBench } from './analyticsBench';
import { formatPrintBench, runPrintBench, type PrintBench } from './printBench';
import { generateDemo, Rand } from '../../electron/core/demo/generate';
import { likeContains, pinyinFull, pinyinInitials } from '../../electron/core/text';

const WARMUPS = 3;
const GENERATE_BUDGET_S = 60;
const IMPORT_ROWS = 50_000;
/** The budget for preview + commit of 50,000 rows, the same as the fresh/used runs of importBench. */
const IMPORT_BUDGET_S = IMPORT_TOTAL_BUDGET_S;
const EXPORT_ROWS = 100_000;
const EXPORT_BUDGET_S = 10;
const HOST_RSS_BUDGET_MB = 500;
const CHILD_FLAG = '--import-export-child';

interface Args {
  db: string | null;
  generate: boolean;
  json: boolean;
  runs: number;
  keep: boolean;
  seed: number;
  skipImport: boolean;
  skipBrowser: boolean;
  /** run one section alone: money (aging, balance, statement, posting, collection; tests/bench/moneyBench.ts) or targets
   *  (tracking, decomposition, evaluations; tests/bench/targetsBench.ts) or analytics (dashboards, exceptions, meeting pack,
   *  the dashboards in Chromium; tests/bench/analyticsBench.ts) or pipeline (kanban, funnel, regrade preview; pipelineBench.ts) */
  only: 'money' | 'targets' | 'analytics' | 'pipeline' | 'backup' | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    db: null,
    generate: false,
    json: false,
    runs: 25,
    keep: false,
    seed: 20261125,
    skipImport: false,
    skipBrowser: false,
    only: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`参数 ${a} 缺少取值 / missing value for ${a}`);
      return v;
    };
    if (a === '--db') args.db = path.resolve(next());
    else if (a === '--generate') args.generate = true;
    else if (a === '--json') args.json = true;
    else if (a === '--keep') args.keep = true;
    else if (a === '--skip-import') args.skipImport = true;
    else if (a === '--skip-browser') args.skipBrowser = true;
    else if (a === '--runs') args.runs = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--only') {
      const section = next();
      if (section !== 'money' && section !== 'targets' && section !== 'analytics' && section !== 'pipeline' && section !== 'backup')
        throw new Error(
          `--only 只支持 money、targets、analytics、pipeline 或 backup / --only takes money, targets, analytics, pipeline or backup (got ${section})`,
        );
      args.only = section;
    } else throw new Error(`无法识别的参数 / unknown argument: ${a}`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 20) throw new Error('--runs 至少 20 / --runs must be an integer ≥ 20');
  if (!Number.isInteger(args.seed) || args.seed < 0) throw new Error('--seed 应为非负整数 / --seed must be a non-negative integer');
  return args;
}

// ---------- measurement ----------

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timeRuns(runs: number, fn: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < WARMUPS; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(WARMUPS + i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

async function callOk<T>(core: Core, method: string, input: unknown): Promise<T> {
  const env = await core.call(method, input, { session: benchSession(core) });
  if (!env.ok) throw new Error(`${method} 失败 / failed: ${env.error.code} ${env.error.message}`);
  return env.data as T;
}

interface Operation {
  name: string;
  detail: string;
  budgetMs: number | null;
  run: (i: number) => Promise<unknown>;
  baseline: (i: number) => unknown;
  /** The same question answered both ways must give the same rows (checked once, before timing). */
  fingerprint: (result: unknown) => string;
}

interface OpResult {
  name: string;
  detail: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  baselineMedianMs: number;
  ratio: number;
  budgetMs: number | null;
  pass: boolean | null;
  sameRows: boolean;
}

// ---------- the operations ----------

interface ListResult {
  total: number;
  rows: Array<{ id: number }>;
}

const listSelect = `select c.id, c.code, c.name, c.short_name as shortName, c.type, c.region_id as regionId, g.name as regionName,
  c.rep_id as repId, r.name as repName, c.phone,
  (select k.name from contacts k where k.customer_id = c.id and k.is_primary = 1) as primaryContact,
  c.grade, c.lifecycle, c.credit_limit_fen as creditLimitFen, c.payment_term_days as paymentTermDays, c.tags,
  c.archived, c.updated_at as updatedAt
from customers c left join regions g on g.id = c.region_id left join reps r on r.id = c.rep_id`;

const listPrint = (r: unknown) => {
  const l = r as ListResult;
  return `${l.total}:${l.rows.map((x) => x.id).join(',')}`;
};

function buildOperations(core: Core, raw: DB, seed: number): Operation[] {
  // the 大区 with the most active customers: the heaviest subtree filter
  const area = raw
    .prepare(
      `select p.id, p.name, p.path, (select count(*) from customers c join regions s on s.id = c.region_id
                                     where c.archived = 0 and s.path like p.path || '%') as n
       from regions p where p.level = 1 order by n desc, p.id limit 1`,
    )
    .get() as { id: number; name: string; path: string; n: number } | undefined;
  if (!area) throw new Error('数据库里没有区域，请先生成演示数据 / no regions: generate the demo data first');
  const activeCount = (raw.prepare('select count(*) as n from customers where archived = 0').get() as { n: number }).n;
  if (activeCount === 0) throw new Error('数据库里没有客户 / no customers in the database');
  // a wholesale customer from the middle of the book: a typical company name like 南京华众商贸有限公司
  const target = (raw
    .prepare("select id, name from customers where archived = 0 and type = 'wholesale' and length(name) >= 6 order by id limit 1 offset ?")
    .get(Math.floor(activeCount / 40)) ?? raw.prepare('select id, name from customers where archived = 0 order by id limit 1').get()) as {
    id: number;
    name: string;
  };
  const initials = pinyinInitials(target.name).slice(0, 4);
  const fullPinyin = pinyinFull(target.name.slice(0, 4));
  const ids = (raw.prepare('select id from customers').all() as Array<{ id: number }>).map((r) => r.id);
  const rand = new Rand(seed);
  const randomIds = Array.from({ length: 1000 }, () => rand.pick(ids));

  // --- customers.list: 大区 subtree + grade A/B, by name, page 2 of 50 ---
  const filterWhere = "where c.archived = 0 and c.region_id in (select s.id from regions s where s.path like ?) and c.grade in ('A', 'B')";
  const filterCount = raw.prepare(`select count(*) as n from customers c ${filterWhere}`);
  const filterPage = raw.prepare(`${listSelect} ${filterWhere} order by c.name_pinyin asc, c.id asc limit 50 offset 50`);
  const areaLike = `${area.path}%`;

  // --- customers.list: search (default order = newest first, page 1) ---
  // Hand-written: one pass over the table in rowid order (`+c.archived` keeps SQLite off the low-selectivity
  // archived-first indexes), the total is the number of ids, and only the page's 50 rows are joined and fetched.
  const searchIds = raw
    .prepare("select c.id from customers c where +c.archived = 0 and c.search_text like ? escape '\\' order by c.id desc")
    .pluck();
  const rowsByIds = raw.prepare(`${listSelect} where c.id in (select value from json_each(?)) order by c.id desc`);
  const searchBaseline = (term: string) => () => {
    const ids = searchIds.all(likeContains(term)) as number[];
    return { total: ids.length, rows: rowsByIds.all(JSON.stringify(ids.slice(0, 50))) };
  };

  // --- customers.get ---
  const getRow = raw.prepare(
    `select c.*, r.name as repName, g.path as regionPath from customers c left join reps r on r.id = c.rep_id
     left join regions g on g.id = c.region_id where c.id = ?`,
  );
  const getContacts = raw.prepare('select * from contacts where customer_id = ? order by is_primary desc, sort_order, id');
  const regionNames = raw.prepare('select id, name from regions where id in (select value from json_each(?))');

  // --- regions.tree ---
  const allRegions = raw.prepare(
    'select id, parent_id, name, code, level, path, sort_order, initials from regions order by level, sort_order, name',
  );
  const regionCounts = raw.prepare(
    'select region_id as id, count(*) as n from customers where archived = 0 and region_id is not null group by region_id',
  );

  // --- customers.duplicateGroups (active, not merged) ---
  const contactDigits = ['-', ' ', '(', ')', '（', '）', '+', '#', '*', '转'].reduce(
    (sql, ch) => `replace(${sql}, '${ch}', '')`,
    'k.phone',
  );
  const dupGroups = raw.prepare(
    `select (select count(*) from (select name_key from customers c where c.merged_into_id is null and c.archived = 0 and length(c.name_key) >= 2
              group by name_key having count(*) > 1))
          + (select count(*) from (
              with phones(customer_id, digits) as (
                select c.id, c.phone_digits from customers c where c.merged_into_id is null and c.archived = 0 and length(c.phone_digits) >= 7
                union
                select k.customer_id, ${contactDigits} from contacts k join customers c on c.id = k.customer_id
                where c.merged_into_id is null and c.archived = 0 and k.phone <> '')
              select digits from phones where length(digits) >= 7 group by digits having count(*) > 1)) as n`,
  );

  // --- reps.list (default: active reps, by code) ---
  const repsCount = raw.prepare('select count(*) as n from reps r where r.active = 1');
  const repsRows = raw.prepare(
    `select r.id, r.code, r.name, r.phone, r.team_id, t.name as teamName, r.supervisor_id, s.name as supervisorName, r.hire_date, r.active,
            (select json_group_array(rr.region_id) from rep_regions rr where rr.rep_id = r.id) as regionIds,
            (select json_group_array(g.name) from rep_regions rr join regions g on g.id = rr.region_id where rr.rep_id = r.id) as regionNames,
            (select count(*) from customers c where c.rep_id = r.id and c.archived = 0) as customerCount
     from reps r left join teams t on t.id = r.team_id left join reps s on s.id = r.supervisor_id
     where r.active = 1 order by r.active desc, r.code, r.id limit 200 offset 0`,
  );

  return [
    {
      name: 'customers.list filter+sort',
      detail: `大区「${area.name}」子树 + 等级 A/B，按名称排序，第 2 页（每页 50）`,
      budgetMs: 30,
      run: () =>
        callOk(core, 'customers.list', {
          regionId: area.id,
          grade: ['A', 'B'],
          sort: { field: 'name', order: 'asc' },
          page: 2,
          pageSize: 50,
        }),
      baseline: () => ({ total: (filterCount.get(areaLike) as { n: number }).n, rows: filterPage.all(areaLike) }),
      fingerprint: listPrint,
    },
    {
      name: 'customers.list initials',
      detail: `拼音首字母搜索「${initials}」（${target.name}）`,
      budgetMs: 30,
      run: () => callOk(core, 'customers.list', { search: initials }),
      baseline: searchBaseline(initials),
      fingerprint: listPrint,
    },
    {
      name: 'customers.list full pinyin',
      detail: `全拼搜索「${fullPinyin}」`,
      budgetMs: 30,
      run: () => callOk(core, 'customers.list', { search: fullPinyin }),
      baseline: searchBaseline(fullPinyin),
      fingerprint: listPrint,
    },
    {
      name: 'customers.get',
      detail: '随机客户详情（含联系人、区域路径）',
      budgetMs: 5,
      run: (i) => callOk(core, 'customers.get', { id: randomIds[i % randomIds.length] }),
      baseline: (i) => {
        const id = randomIds[i % randomIds.length]!;
        const row = getRow.get(id) as { id: number; regionPath: string | null };
        const contacts = getContacts.all(id);
        const pathIds = (row.regionPath ?? '').split('/').filter(Boolean).map(Number);
        return { ...row, contacts, regionPath: regionNames.all(JSON.stringify(pathIds)) };
      },
      fingerprint: (r) => {
        const d = r as { id: number; contacts: unknown[]; regionPath: unknown[] };
        return `${d.id}:${d.contacts.length}:${d.regionPath.length}`;
      },
    },
    {
      name: 'regions.tree',
      detail: '整棵区域树 + 各级客户数',
      budgetMs: null,
      run: () => callOk(core, 'regions.tree', {}),
      baseline: () => ({ regions: allRegions.all(), counts: regionCounts.all() }),
      fingerprint: (r) => {
        if (Array.isArray(r)) {
          let n = 0;
          const walk = (nodes: Array<{ children: unknown[] }>) => {
            for (const node of nodes) {
              n++;
              walk(node.children as Array<{ children: unknown[] }>);
            }
          };
          walk(r as Array<{ children: unknown[] }>);
          return String(n);
        }
        return String((r as { regions: unknown[] }).regions.length);
      },
    },
    {
      // moved here from the merge unit test, which had a 500 ms limit on 20,000 customers
      name: 'customers.duplicateGroups',
      detail: '疑似重复客户分组（同名或同电话），第一页',
      budgetMs: 500,
      run: () => callOk(core, 'customers.duplicateGroups', { pageSize: 20 }),
      // the same two groupings in raw SQL (names; own and contact phones as digits), counted
      baseline: () => dupGroups.get(),
      fingerprint: (r) => String((r as { total?: number; n?: number }).total ?? (r as { n: number }).n),
    },
    {
      name: 'reps.list',
      detail: '在职业务员列表（含区域、客户数）',
      budgetMs: null,
      run: () => callOk(core, 'reps.list', {}),
      baseline: () => ({ total: (repsCount.get() as { n: number }).n, rows: repsRows.all() }),
      fingerprint: listPrint,
    },
  ];
}

async function measure(op: Operation, runs: number): Promise<OpResult> {
  const sameRows = op.fingerprint(await op.run(0)) === op.fingerprint(op.baseline(0));
  const core = await timeRuns(runs, op.run);
  const base = await timeRuns(runs, op.baseline);
  const medianMs = median(core);
  const baselineMedianMs = median(base);
  return {
    name: op.name,
    detail: op.detail,
    runs,
    medianMs,
    p95Ms: percentile(core, 95),
    baselineMedianMs,
    ratio: baselineMedianMs > 0 ? medianMs / baselineMedianMs : 0,
    budgetMs: op.budgetMs,
    pass: op.budgetMs === null ? null : medianMs <= op.budgetMs && sameRows,
    sameRows,
  };
}

// ---------- daily forms (visit plans, daily reports, day board) ----------

async function measureDailyForms(runs: number): Promise<OpResult[]> {
  const { operations, close } = await dailyFormsOperations();
  try {
    const out: OpResult[] = [];
    for (const op of operations) out.push(await measure(op, runs));
    return out;
  } finally {
    close();
  }
}

// ---------- money (receivables, statements, posting) ----------

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Each operation of a section (money, targets) with the machine's 1-minute load average when it was measured (other work shares the CPU). */
async function measureSection(
  section: { operations: Operation[]; missing: string[]; close: () => void },
  runs: number,
): Promise<{ results: OpResult[]; missing: string[] }> {
  try {
    const results: OpResult[] = [];
    for (const op of section.operations) {
      const r = await measure(op, runs);
      results.push({ ...r, detail: `${r.detail} [load ${os.loadavg()[0]!.toFixed(2)}]` });
    }
    return { results, missing: section.missing };
  } finally {
    section.close();
  }
}

// ---------- output ----------

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

function printTable(header: string[], rows: string[][], rightAligned: Set<number>): void {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const ms = (n: number) => n.toFixed(2);
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

// ---------- import & export ----------

interface ImportExportResult {
  import: {
    rows: number;
    fileMB: number;
    previewSeconds: number;
    commitSeconds: number;
    seconds: number;
    counts: { total: number; new: number; update: number; skip: number; error: number };
    result: { created: number; updated: number; skipped: number; rejected: number };
    baselineMB: number;
    peakMB: number;
  };
  export: { rows: number; seconds: number; fileMB: number; peakMB: number };
}

/** Peak RSS of this process, sampled from a worker thread so a long synchronous commit is still seen. */
function rssSampler() {
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Int32Array(workerData);
     setInterval(() => { const kb = Math.round(process.memoryUsage.rss() / 1024); if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb); }, 5);`,
    { eval: true, workerData: shared.buffer },
  );
  return {
    reset: () => Atomics.store(shared, 0, Math.round(process.memoryUsage.rss() / 1024)),
    peakMB: () => Math.round((Math.max(Atomics.load(shared, 0), process.memoryUsage.rss() / 1024) / 1024) * 10) / 10,
    stop: () => worker.terminate(),
  };
}

/** Copies existing customers under new codes until the book has `target` of them (untimed, for the export). */
function topUpCustomers(db: DB, target: number): void {
  const cols = (db.prepare("select name from pragma_table_info('customers')").pluck().all() as string[]).filter((c) => c !== 'id');
  const count = () => (db.prepare('select count(*) from customers').pluck().get() as number) ?? 0;
  for (let round = 1, n = count(); n < target; round++, n = count()) {
    const select = cols.map((c) => (c === 'code' ? `'T${round}-' || id` : c)).join(', ');
    db.prepare(`insert into customers (${cols.join(', ')}) select ${select} from customers order by id limit ?`).run(target - n);
  }
}

/** Runs in a fresh process: preview + commit of the sheet, then the export of 100,000 customers. */
async function importExportChild(dbPath: string, filePath: string): Promise<void> {
  const sampler = rssSampler();
  const core = createCore(dbPath);
  try {
    const bytes = fs.readFileSync(filePath);
    const input = { entity: 'customers', fileName: path.basename(filePath), base64: bytes.toString('base64'), mode: 'skip' };
    const baselineMB = mb(process.memoryUsage.rss());
    sampler.reset();
    let t = performance.now();
    const preview = await callOk<{ counts: ImportExportResult['import']['counts'] }>(core, 'import.preview', input);
    const previewSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const result = await callOk<ImportExportResult['import']['result']>(core, 'import.commit', input);
    const commitSeconds = (performance.now() - t) / 1000;
    const importPeak = sampler.peakMB();

    topUpCustomers(core.ctx.db, EXPORT_ROWS);
    sampler.reset();
    t = performance.now();
    const exported = await callOk<{ rowCount: number; base64: string }>(core, 'export.xlsx', {
      entity: 'customers',
      filters: { archived: 'all' },
    });
    const exportSeconds = (performance.now() - t) / 1000;
    const out: ImportExportResult = {
      import: {
        rows: preview.counts.total,
        fileMB: mb(bytes.length),
        previewSeconds: round3(previewSeconds),
        commitSeconds: round3(commitSeconds),
        seconds: round3(previewSeconds + commitSeconds),
        counts: preview.counts,
        result,
        baselineMB,
        peakMB: importPeak,
      },
      export: {
        rows: exported.rowCount,
        seconds: round3(exportSeconds),
        fileMB: mb((exported.base64.length * 3) / 4),
        peakMB: sampler.peakMB(),
      },
    };
    console.log(JSON.stringify(out));
  } finally {
    core.close();
    await sampler.stop();
  }
}

/** The import/export benchmark on a copy of the database, in a child process of its own. */
function runImportExport(dbPath: string, refs: ImportRefs, args: Args): ImportExportResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-import-bench-'));
  try {
    const copy = path.join(dir, 'import.db');
    fs.copyFileSync(dbPath, copy);
    if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
    const file = path.join(dir, '客户导入.xlsx');
    fs.writeFileSync(file, buildImportSheet(refs, IMPORT_ROWS, args.seed));
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, CHILD_FLAG, copy, file], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      timeout: 600_000,
    });
    if (child.status !== 0)
      throw new Error(`导入/导出基准子进程失败 / import-export child failed: ${child.stderr || child.error?.message}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ImportExportResult;
  } finally {
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function importExportChecks(r: ImportExportResult) {
  const correct = r.import.counts.new === IMPORT_ROWS && r.import.counts.error === 0 && r.import.result.created === IMPORT_ROWS;
  return {
    importTime: r.import.seconds <= IMPORT_BUDGET_S && correct,
    importMemory: r.import.peakMB < HOST_RSS_BUDGET_MB,
    exportTime: r.export.seconds <= EXPORT_BUDGET_S && r.export.rows >= EXPORT_ROWS,
    correct,
  };
}

// ---------- main ----------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let dbPath = args.db;
  let tempDir: string | null = null;
  let generated: {
    seconds: number;
    budgetSeconds: number;
    pass: boolean;
    customers: number;
    /** the money's order lines, the CPU time of this process and the load average (the machine may be shared) */
    orderLines: number;
    cpuSeconds: number;
    load: number;
  } | null = null;

  if (!dbPath || args.generate) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-bench-'));
    dbPath = path.join(tempDir, 'large.db');
    if (!args.json) console.log(`生成大规模演示数据 / generating the large demo → ${dbPath}`);
    const t = performance.now();
    const cpu = process.cpuUsage();
    const gen = createCore(dbPath);
    try {
      const counts = generateDemo(gen.ctx.db, { scale: 'large', seed: args.seed, now: new Date() });
      const init = await gen.call('settings.initialize', {
        companyName: '华众商贸有限公司',
        loadDemo: false,
        admin: { name: DEMO_ADMIN.name, password: DEMO_ADMIN.password },
      });
      if (!init.ok) throw new Error(init.error.message);
      const seconds = (performance.now() - t) / 1000;
      generated = {
        seconds: round3(seconds),
        budgetSeconds: GENERATE_BUDGET_S,
        pass: seconds <= GENERATE_BUDGET_S,
        customers: counts.customers,
        orderLines: counts.money.orderLines,
        cpuSeconds: round3(cpuSecondsSince(cpu)),
        load: round3(os.loadavg()[0]!),
      };
    } finally {
      gen.close();
    }
  } else if (!fs.existsSync(dbPath)) {
    throw new Error(`找不到数据库文件 / database not found: ${dbPath}`);
  }

  // the read benchmark only reads, so the file is used in place; the import works on a copy
  const core = createCore(dbPath);
  const results: OpResult[] = [];
  let importExport: ImportExportResult | null = null;
  let importRuns: ImportRun[] = [];
  let browser: BrowserBench | null = null;
  let auditVerify: AuditBench | null = null;
  let print: PrintBench | null = null;
  let dashboards: DashboardBench | null = null;
  let backup: BackupBench | null = null;
  try {
    if (args.only === null) {
      const operations = buildOperations(core, core.ctx.db, args.seed);
      for (const op of operations) results.push(await measure(op, args.runs));
    }
    // aging, balance, statement, posting an order and a collection (tests/bench/moneyBench.ts)
    if (args.only === null || args.only === 'money') {
      const money = await measureSection(await moneyOperations(core, dbPath, { keep: args.keep }), args.runs);
      results.push(...money.results);
      if (money.missing.length > 0 && !args.json)
        console.log(`尚未注册，未计时 / not registered yet, not timed: ${money.missing.join(', ')}`);
    }
    // tracking, decomposition and evaluations (tests/bench/targetsBench.ts)
    if (args.only === null || args.only === 'targets') {
      const targets = await measureSection(await targetsOperations(core, dbPath, { keep: args.keep }), args.runs);
      results.push(...targets.results);
      if (targets.missing.length > 0 && !args.json) console.log(`未计时 / not timed: ${targets.missing.join(', ')}`);
    }
    // every dashboard for a month, a year and a region, exceptions, the meeting pack (tests/bench/analyticsBench.ts)
    if (args.only === null || args.only === 'analytics') {
      const analytics = await measureSection(await analyticsOperations(core), args.runs);
      results.push(...analytics.results);
      if (analytics.missing.length > 0 && !args.json) console.log(`未计时 / not timed: ${analytics.missing.join(', ')}`);
    }
    // the kanban of one rep, the company's funnel over a year, the regrade preview (tests/bench/pipelineBench.ts)
    if (args.only === null || args.only === 'pipeline') {
      const pipeline = await measureSection(await pipelineOperations(core), args.runs);
      results.push(...pipeline.results);
      if (pipeline.missing.length > 0 && !args.json) console.log(`未计时 / not timed: ${pipeline.missing.join(', ')}`);
    }
    // day board for 50 reps and saving a 10-row report, on their own temp database (tests/bench/dailyFormsBench.ts)
    if (args.only === null) results.push(...(await measureDailyForms(args.runs)));
    const refs = args.skipImport || args.only !== null ? null : importRefs(core.ctx.db);
    core.close();
    if (refs) {
      if (!args.json)
        console.log(
          `导入 ${IMPORT_ROWS.toLocaleString('en-US')} 行客户、导出 ${EXPORT_ROWS.toLocaleString('en-US')} 行（数据库副本，独立进程）/ import & export on a copy, in a child process`,
        );
      importExport = runImportExport(dbPath, refs, args);
      // the whole import on a fresh and on a used copy, each beside its raw-SQL baseline (tests/bench/importBench.ts)
      importRuns = await runImportBench(dbPath, { seed: args.seed, keep: args.keep });
    }
    // list open / page / sort in Chromium against the browser-mode server (tests/bench/browserTimings.ts)
    const others = args.only === null;
    // each dashboard from navigation to its charts drawn, in Chromium against the browser-mode server
    if ((others || args.only === 'analytics') && !args.skipBrowser) dashboards = await runDashboardBench(dbPath);
    if (others && !args.skipBrowser) browser = await runBrowserBench(dbPath);
    // audit.verify over 1,000,000 chained entries on its own temp database (tests/bench/auditBench.ts)
    if (others) auditVerify = await runAuditVerifyBench({ log: args.json ? undefined : (l) => console.log(l) });
    // the day's batch for 50 reps printed to PDF in Chromium, on its own temp database (tests/bench/printBench.ts)
    if (others && !args.skipBrowser) print = await runPrintBench({ log: args.json ? undefined : (l) => console.log(l) });
    // a backup of the database (on a copy) while a writer posts orders (tests/bench/backup.ts)
    if (others || args.only === 'backup') backup = await runBackupBench(dbPath, { keep: args.keep });
  } finally {
    if (core.ctx.db.open) core.close();
    if (tempDir && !args.keep) fs.rmSync(tempDir, { recursive: true, force: true });
  }

  const mem = process.memoryUsage();
  const customers = generated?.customers ?? null;
  const ie = importExport ? importExportChecks(importExport) : null;
  const ieChecks = ie ? [ie.importTime, ie.importMemory, ie.exportTime] : [];
  const failures =
    results.filter((r) => r.pass === false).length +
    (generated && !generated.pass ? 1 : 0) +
    ieChecks.filter((c) => !c).length +
    importRuns.filter((r) => !r.pass).length +
    (browser?.failures ?? 0) +
    (auditVerify && !auditVerify.pass ? 1 : 0) +
    (print?.failures ?? 0) +
    (dashboards?.failures ?? 0) +
    (backup?.failures ?? 0);
  const checked =
    results.filter((r) => r.pass !== null).length +
    (generated ? 1 : 0) +
    ieChecks.length +
    importRuns.length +
    (browser?.checked ?? 0) +
    (auditVerify ? 1 : 0) +
    (print?.checked ?? 0) +
    (dashboards?.checked ?? 0) +
    (backup?.checked ?? 0);

  if (args.json) {
    console.log(
      JSON.stringify({
        db: tempDir && !args.keep ? null : dbPath,
        runs: args.runs,
        warmups: WARMUPS,
        generated,
        customers,
        operations: results.map((r) => ({
          ...r,
          medianMs: round3(r.medianMs),
          p95Ms: round3(r.p95Ms),
          baselineMedianMs: round3(r.baselineMedianMs),
          ratio: round3(r.ratio),
        })),
        importExport: importExport && {
          ...importExport,
          budgets: { importSeconds: IMPORT_BUDGET_S, hostRssMB: HOST_RSS_BUDGET_MB, exportSeconds: EXPORT_BUDGET_S },
          pass: ie,
        },
        importBench: importRuns,
        browser: browser && { skipped: browser.skipped, steps: browser.results },
        auditVerify,
        print,
        dashboards,
        backup,
        memory: { heapUsedMB: mb(mem.heapUsed), heapTotalMB: mb(mem.heapTotal), rssMB: mb(mem.rss) },
        node: process.version,
        passed: checked - failures,
        failed: failures,
      }),
    );
  } else {
    console.log(`\n数据库 / database: ${dbPath}${tempDir && !args.keep ? '（已删除 / removed）' : ''}`);
    console.log(`每项 ${args.runs} 次（先预热 ${WARMUPS} 次）/ ${args.runs} runs after ${WARMUPS} warm-ups\n`);
    const rows: string[][] = [];
    if (generated) {
      rows.push([
        'demo.generate large',
        '1',
        `${generated.seconds.toFixed(2)} s`,
        '',
        '',
        '',
        `${GENERATE_BUDGET_S} s`,
        generated.pass ? 'PASS' : 'FAIL',
      ]);
    }
    for (const r of results) {
      rows.push([
        r.name,
        String(r.runs),
        ms(r.medianMs),
        ms(r.p95Ms),
        ms(r.baselineMedianMs),
        `${r.ratio.toFixed(2)}×`,
        r.budgetMs === null ? 'report' : `≤ ${r.budgetMs} ms`,
        (r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL') + (r.sameRows ? '' : ' (rows differ!)'),
      ]);
    }
    printTable(['operation', 'runs', 'median ms', 'p95 ms', 'raw SQL ms', 'ratio', 'budget', 'result'], rows, new Set([1, 2, 3, 4, 5]));
    console.log('');
    if (generated)
      console.log(
        `  ${padEnd('demo.generate large', 28)} ${generated.customers} 客户、${generated.orderLines.toLocaleString('en-US')} 行销售明细；CPU ${generated.cpuSeconds.toFixed(1)} s [load ${generated.load.toFixed(2)}]`,
      );
    for (const r of results) console.log(`  ${padEnd(r.name, 28)} ${r.detail}`);
    if (importExport && ie) {
      const i = importExport.import;
      const e = importExport.export;
      console.log('');
      printTable(
        ['operation', 'rows', 'seconds', 'budget', 'host peak RSS', 'budget', 'result'],
        [
          [
            'import.preview + commit',
            i.rows.toLocaleString('en-US'),
            i.seconds.toFixed(2),
            `≤ ${IMPORT_BUDGET_S} s`,
            `${i.peakMB} MB`,
            `< ${HOST_RSS_BUDGET_MB} MB`,
            `${ie.importTime ? 'PASS' : 'FAIL'} / ${ie.importMemory ? 'PASS' : 'FAIL'}`,
          ],
          [
            'export.xlsx',
            e.rows.toLocaleString('en-US'),
            e.seconds.toFixed(2),
            `≤ ${EXPORT_BUDGET_S} s`,
            `${e.peakMB} MB`,
            'report',
            ie.exportTime ? 'PASS' : 'FAIL',
          ],
        ],
        new Set([1, 2, 4]),
      );
      console.log(
        `  import: ${i.fileMB} MB .xlsx; preview ${i.previewSeconds.toFixed(2)} s (${i.counts.new} new, ${i.counts.error} errors), ` +
          `commit ${i.commitSeconds.toFixed(2)} s (${i.result.created} created); host RSS before ${i.baselineMB} MB${ie.correct ? '' : ' — COUNTS WRONG'}`,
      );
      console.log(`  export: ${e.fileMB} MB .xlsx, all customers, default order`);
    }
    if (importRuns.length) printImportBench(importRuns);
    if (browser) {
      console.log('');
      if (browser.skipped) console.log(`browser: FAIL — ${browser.skipped}`);
      for (const l of formatBrowserTimings(browser.results ?? [])) console.log(l);
    }
    if (auditVerify) {
      console.log('');
      for (const l of formatAuditBench(auditVerify)) console.log(l);
    }
    if (print) {
      console.log('');
      for (const l of formatPrintBench(print)) console.log(l);
    }
    if (dashboards) {
      console.log('');
      for (const l of formatDashboardBench(dashboards)) console.log(l);
    }
    if (backup) {
      console.log('');
      for (const l of formatBackupBench(backup)) console.log(l);
    }
    console.log(
      `\n内存 / memory: heap used ${mb(mem.heapUsed)} MB, heap total ${mb(mem.heapTotal)} MB, RSS ${mb(mem.rss)} MB (${process.version})`,
    );
    console.log(`${checked - failures} passed, ${failures} failed`);
  }
  if (failures > 0) process.exitCode = 1;
}

const childAt = process.argv.indexOf(CHILD_FLAG);
(childAt >= 0 ? importExportChild(process.argv[childAt + 1]!, process.argv[childAt + 2]!) : main()).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`基准测试失败 / benchmark failed: ${message}`);
  process.exitCode = 1;
});
