// 备份: the database copied with SQLite's online backup API into a dated file, the copy integrity-checked, then listed
// and pruned by the retention rule. The copy and its check run in a worker thread on their own read connection (WAL:
// writers are never blocked by it), so the core's own connection keeps serving calls meanwhile.
// For H3 (server.ts / host.ts): the hosts only start the scheduler (scheduler.ts); a restore swaps the database under
// the same Core object (core.reopen), so whoever holds the Core keeps using it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { version as packageVersion } from '../../../../package.json';
import {
  DEFAULT_BACKUP_INTERVAL_HOURS,
  DEFAULT_RETENTION,
  type BackupKind,
  type BackupRow,
  type BackupSettings,
} from '../../../../shared/contract/backups';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { Ctx } from '../../context';
import { DomainError } from '../../errors';
import { recordAudit } from '../audit/audit';
import { readSetting, writeSetting } from '../settings/settings';
import { backupsToPrune } from './retention';

export const APP_VERSION: string = packageVersion;

/** Tables every SalesDesk database has had since its first schema version: without them a file is not ours. */
export const SALESDESK_TABLES = ['settings', 'customers', 'regions', 'audit_log'] as const;

const SQLITE_MAGIC = 'SQLite format 3\0';

// ---------- where and under which name ----------

export function backupsFolder(ctx: Pick<Ctx, 'dbPath'>): string {
  return path.join(path.dirname(ctx.dbPath), 'backups');
}

function refuseInMemory(ctx: Pick<Ctx, 'dbPath'>): void {
  if (ctx.dbPath === ':memory:') throw new DomainError('VALIDATION', '内存中的数据库没有文件，不能备份或恢复');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** salesdesk-YYYYMMDD-HHmmss-<kind>.db in the office's local time (what a user reads in the folder). */
export function backupFileName(at: Date, kind: Exclude<BackupKind, 'migration'>, n = 1): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `salesdesk-${stamp}-${kind}${n > 1 ? `-${n}` : ''}.db`;
}

const ourName = /^salesdesk-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(auto|manual|before-restore)(?:-\d+)?\.db$/;
// the pre-migration backups db/connection.ts writes: <base>-v<version>-before-migration-<ISO with - for : and .>.db
const migrationName = /-v\d+-before-migration-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

/** The kind and time a backup's file name tells, or null for a file that is not one of ours. */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: Date } | null {
  const m = ourName.exec(name);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    return { kind: m[7] as BackupKind, createdAt: new Date(y, mo - 1, d, h, mi, s) };
  }
  const g = migrationName.exec(name);
  if (g) return { kind: 'migration', createdAt: new Date(`${g[1]}T${g[2]}:${g[3]}:${g[4]}.${g[5]}Z`) };
  return null;
}

// ---------- a file's SQLite header ----------

export interface HeaderInfo {
  sizeBytes: number;
  isSqlite: boolean;
  pageSize: number;
  /** pages the header says the database has (0 when the header does not know) */
  pageCount: number;
  userVersion: number;
}

/** The first 100 bytes of a file, read without opening it as a database (a file from a USB stick may be anything). */
export function readHeader(file: string): HeaderInfo {
  const size = fs.statSync(file).size;
  const buf = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buf, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  const isSqlite = size >= 100 && buf.toString('latin1', 0, 16) === SQLITE_MAGIC;
  const rawPageSize = buf.readUInt16BE(16);
  return {
    sizeBytes: size,
    isSqlite,
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    // the in-header size is only valid when the change counter matches "version-valid-for"
    pageCount: buf.readUInt32BE(24) === buf.readUInt32BE(92) ? buf.readUInt32BE(28) : 0,
    userVersion: buf.readInt32BE(60),
  };
}

// ---------- settings ----------

const settingKeys = {
  enabled: 'backupEnabled',
  intervalHours: 'backupIntervalHours',
  keepDaily: 'backupKeepDaily',
  keepWeekly: 'backupKeepWeekly',
  keepMonthly: 'backupKeepMonthly',
} as const;
const LAST_BACKUP_KEY = 'backupLastAt';

function intSetting(ctx: Ctx, key: string, fallback: number, min: number, max: number): number {
  const v = Number(readSetting(ctx, key) ?? fallback);
  return Number.isInteger(v) && v >= min && v <= max ? v : fallback;
}

export function readBackupSettings(ctx: Ctx): BackupSettings {
  return {
    enabled: readSetting(ctx, settingKeys.enabled) !== '0',
    intervalHours: intSetting(ctx, settingKeys.intervalHours, DEFAULT_BACKUP_INTERVAL_HOURS, 1, 168),
    keepDaily: intSetting(ctx, settingKeys.keepDaily, DEFAULT_RETENTION.keepDaily, 1, 90),
    keepWeekly: intSetting(ctx, settingKeys.keepWeekly, DEFAULT_RETENTION.keepWeekly, 0, 52),
    keepMonthly: intSetting(ctx, settingKeys.keepMonthly, DEFAULT_RETENTION.keepMonthly, 0, 120),
  };
}

/** backups.settings: the current settings, after saving the fields given in `save` (audited). */
export function backupSettings(ctx: Ctx, input: ParsedInput<'backups.settings'>): Output<'backups.settings'> {
  const save = input.save;
  if (!save || Object.values(save).every((v) => v === undefined)) return readBackupSettings(ctx);
  ctx.db.transaction(() => {
    const before = readBackupSettings(ctx);
    if (save.enabled !== undefined) writeSetting(ctx, settingKeys.enabled, save.enabled ? '1' : '0');
    for (const key of ['intervalHours', 'keepDaily', 'keepWeekly', 'keepMonthly'] as const) {
      const value = save[key];
      if (value !== undefined) writeSetting(ctx, settingKeys[key], String(value));
    }
    recordAudit(ctx, { action: 'update', entity: 'backupSettings', entityId: null, before, after: save });
  })();
  return readBackupSettings(ctx);
}

// ---------- the list ----------

export interface ListedBackup extends BackupRow {
  path: string;
}

/** Every backup in the backups folder beside the database, newest first; files that are not ours are left out. */
export function listBackupFiles(ctx: Pick<Ctx, 'dbPath'>): ListedBackup[] {
  if (ctx.dbPath === ':memory:') return [];
  const folder = backupsFolder(ctx);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const rows: ListedBackup[] = [];
  for (const file of names) {
    const parsed = parseBackupName(file);
    if (!parsed) continue;
    const full = path.join(folder, file);
    try {
      const header = readHeader(full);
      if (!header.isSqlite) continue;
      rows.push({
        file,
        path: full,
        createdAt: parsed.createdAt.toISOString(),
        sizeBytes: header.sizeBytes,
        schemaVersion: header.userVersion,
        kind: parsed.kind,
      });
    } catch {
      // a file removed while listing, or unreadable: not a backup anyone can restore
    }
  }
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.file < b.file ? 1 : -1));
}

export function listBackups(ctx: Ctx): Output<'backups.list'> {
  return {
    rows: listBackupFiles(ctx).map(({ file, createdAt, sizeBytes, schemaVersion, kind }) => ({
      file,
      createdAt,
      sizeBytes,
      schemaVersion,
      kind,
    })),
    folder: ctx.dbPath === ':memory:' ? '' : backupsFolder(ctx),
  };
}

// ---------- one backup at a time per database ----------

const running = new Map<string, Promise<unknown>>();

/** Runs `job` after any backup or restore of this database already under way (never two at once). */
export function exclusive<T>(dbPath: string, job: () => Promise<T>): Promise<T> {
  const before = running.get(dbPath) ?? Promise.resolve();
  const result = before.catch(() => undefined).then(job);
  const tail = result.catch(() => undefined);
  running.set(dbPath, tail);
  void tail.then(() => {
    if (running.get(dbPath) === tail) running.delete(dbPath);
  });
  return result;
}

export function backupUnderWay(dbPath: string): boolean {
  return running.has(dbPath);
}

// ---------- the copy and its check (worker thread) ----------

export interface CopyJob {
  /** 'backup': the online backup API from a live database; 'copy': a plain file copy (a chosen backup to restore);
   *  'check': only the check, of a file already in place */
  mode: 'backup' | 'copy' | 'check';
  source: string;
  target: string;
}

export interface Inspection {
  check: string;
  userVersion: number;
  tables: string[];
  /** how long the copy and the check took (the benchmark reports them) */
  copyMs: number;
  checkMs: number;
}

/** Pages copied per step (16 MB at 4 KB pages): each step is flushed to disk before the next. */
const COPY_STEP_PAGES = 4096;

/**
 * Self-contained (its source text runs in the worker): copy, then turn the copy into one self-contained file (journal
 * DELETE instead of the source's WAL flag) and run integrity_check on it.
 */
async function copyAndInspect(
  Db: typeof Database,
  fsp: {
    copyFile: (a: string, b: string) => Promise<void>;
    openSync: (f: string, flags: string) => number;
    fdatasyncSync: (fd: number) => void;
    closeSync: (fd: number) => void;
  },
  job: CopyJob,
): Promise<Inspection> {
  const started = performance.now();
  if (job.mode === 'backup') {
    // read-write only for the checkpoint below; this connection never writes a row
    const source = new Db(job.source, { fileMustExist: true });
    let fd: number | null = null;
    try {
      // one read snapshot held for the whole copy, so writes on other connections never restart it; the copy goes in
      // steps, each flushed to disk before the next, so the core's commits never queue behind a flood of dirty pages
      source.exec('BEGIN');
      source.prepare('select count(*) from sqlite_master').get();
      await source.backup(job.target, {
        progress: () => {
          if (fd === null) fd = fsp.openSync(job.target, 'r+');
          fsp.fdatasyncSync(fd);
          return COPY_STEP_PAGES;
        },
      });
      source.exec('COMMIT');
      // the pages committed meanwhile waited in the WAL behind that snapshot: move them into the database file here, on
      // this thread, rather than in the core's next commit (PASSIVE: never waits for, nor blocks, a reader or writer)
      source.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      if (fd !== null) fsp.closeSync(fd);
      source.close();
    }
  } else if (job.mode === 'copy') {
    await fsp.copyFile(job.source, job.target);
  }
  const copied = performance.now();
  const copy = new Db(job.target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const check = rows.map((r) => r.integrity_check).join('；');
    const userVersion = copy.pragma('user_version', { simple: true }) as number;
    const tables = (copy.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
    return { check, userVersion, tables, copyMs: copied - started, checkMs: performance.now() - copied };
  } finally {
    copy.close();
  }
}

const workerCode = `'use strict';
const __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const fs = require('node:fs');
const fsp = { copyFile: fs.promises.copyFile, openSync: fs.openSync, fdatasyncSync: fs.fdatasyncSync, closeSync: fs.closeSync };
const COPY_STEP_PAGES = ${COPY_STEP_PAGES};
(${copyAndInspect.toString()})(Database, fsp, workerData.job).then(
  (inspection) => parentPort.postMessage({ ok: true, inspection }),
  (err) => parentPort.postMessage({ ok: false, message: String((err && err.message) || err), code: err && err.code }),
);
`;

/** better-sqlite3 for the worker to load: in a packaged app the unpacked copy beside app.asar (native code cannot load from the archive). */
function sqlitePath(): string {
  const resolved = createRequire(__filename).resolve('better-sqlite3');
  const unpacked = resolved.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== resolved && fs.existsSync(unpacked) ? unpacked : resolved;
}

class JobError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** The job in a worker thread; where no worker can start, here (the core's thread waits for it then). */
export function runCopyJob(job: CopyJob): Promise<Inspection> {
  let worker: Worker;
  try {
    worker = new Worker(workerCode, { eval: true, workerData: { job, sqlitePath: sqlitePath() } });
  } catch (err) {
    console.error('[backups] no worker thread, copying on the core thread', err);
    return copyAndInspect(
      Database,
      { copyFile: fs.promises.copyFile, openSync: fs.openSync, fdatasyncSync: fs.fdatasyncSync, closeSync: fs.closeSync },
      job,
    );
  }
  return new Promise<Inspection>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: { ok: true; inspection: Inspection } | { ok: false; message: string; code?: string }) => {
      settled = true;
      if (reply.ok) resolve(reply.inspection);
      else reject(new JobError(reply.message, reply.code));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with ${code}`));
    });
  });
}

// ---------- making a backup ----------

/** Plain sentences for what goes wrong writing a backup (the raw error goes to the log). */
export function writeFailure(err: unknown, folder: string, field?: string): DomainError {
  const code = (err as { code?: unknown } | null)?.code;
  const text = err instanceof Error ? err.message : String(err);
  console.error('[backups] writing a backup failed', err);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || /SQLITE_FULL|disk is full|ENOSPC/.test(text)) {
    return new DomainError(
      'VALIDATION',
      `备份文件夹所在的磁盘已满，备份未完成：${folder}`,
      field,
      `The disk of the backup folder is full: ${folder}`,
    );
  }
  if (
    ['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY'].includes(String(code)) ||
    /EACCES|EPERM|EROFS|unable to open|readonly/.test(text)
  ) {
    return new DomainError(
      'VALIDATION',
      `备份文件夹不能写入（没有权限或是只读的）：${folder}`,
      field,
      `The backup folder cannot be written to (no permission or read-only): ${folder}`,
    );
  }
  return new DomainError('INTERNAL', `备份未完成：写入 ${folder} 时出错`, field, `The backup failed while writing to ${folder}`);
}

/** A folder the user typed: absolute, existing, a folder, writable, with room for a copy of the database. */
function checkFolder(ctx: Ctx, folder: string): string {
  if (!path.isAbsolute(folder)) {
    throw new DomainError(
      'VALIDATION',
      '备份文件夹：请填写完整路径（如 E:\\备份 或 /media/usb）',
      'folder',
      'Backup folder: give the full path',
    );
  }
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new DomainError('VALIDATION', `备份文件夹不存在：${resolved}`, 'folder', `The backup folder does not exist: ${resolved}`);
  }
  if (!stat.isDirectory()) throw new DomainError('VALIDATION', `备份文件夹：${resolved} 不是文件夹`, 'folder');
  try {
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch (err) {
    throw writeFailure(err, resolved, 'folder');
  }
  const room = freeBytes(resolved);
  const needed = databaseBytes(ctx);
  if (room !== null && room < needed) {
    throw new DomainError(
      'VALIDATION',
      `备份文件夹所在的磁盘空间不足：需要约 ${Math.ceil(needed / 1048576)} MB，只剩 ${Math.floor(room / 1048576)} MB（${resolved}）`,
      'folder',
      `Not enough room on the backup folder's disk: about ${Math.ceil(needed / 1048576)} MB needed`,
    );
  }
  return resolved;
}

function freeBytes(folder: string): number | null {
  try {
    const s = fs.statfsSync(folder);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

function databaseBytes(ctx: Ctx): number {
  const pageSize = ctx.db.pragma('page_size', { simple: true }) as number;
  const pages = ctx.db.pragma('page_count', { simple: true }) as number;
  return pageSize * pages;
}

/** A name not yet taken in the folder (two backups in one second get -2, -3 …). */
function freeName(folder: string, at: Date, kind: Exclude<BackupKind, 'migration'>): string {
  for (let n = 1; ; n++) {
    const name = backupFileName(at, kind, n);
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

export interface MadeBackup extends ListedBackup {
  pruned: string[];
  /** the copy's and the check's time in the worker */
  timings: { copyMs: number; checkMs: number };
}

/**
 * Copies the live database into `folder` (default: the backups folder) as a dated file, checks the copy, and only then
 * gives it its name; a failed or damaged copy is removed and nothing else changes. After an automatic one, prunes.
 */
export async function makeBackup(ctx: Ctx, kind: 'auto' | 'manual', folder?: string): Promise<MadeBackup> {
  refuseInMemory(ctx);
  const target = folder === undefined ? backupsFolder(ctx) : checkFolder(ctx, folder);
  return exclusive(ctx.dbPath, async () => {
    fs.mkdirSync(target, { recursive: true });
    const at = ctx.now();
    const name = freeName(target, at, kind);
    const final = path.join(target, name);
    const tmp = path.join(target, `.${name}.${process.pid}.tmp`);
    let inspection: Inspection;
    try {
      inspection = await runCopyJob({ mode: 'backup', source: ctx.dbPath, target: tmp });
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw writeFailure(err, target, folder === undefined ? undefined : 'folder');
    }
    if (inspection.check !== 'ok') {
      fs.rmSync(tmp, { force: true });
      throw new DomainError('DB_CORRUPT', `备份副本的完整性检查未通过，已删除该副本：${inspection.check.slice(0, 200)}`);
    }
    fs.renameSync(tmp, final);
    const createdAt = at.toISOString();
    writeSetting(ctx, LAST_BACKUP_KEY, createdAt);
    const pruned = kind === 'auto' ? pruneBackups(ctx) : [];
    return {
      file: name,
      path: final,
      createdAt,
      sizeBytes: fs.statSync(final).size,
      schemaVersion: inspection.userVersion,
      kind,
      pruned,
      timings: { copyMs: inspection.copyMs, checkMs: inspection.checkMs },
    };
  });
}

/** Deletes the automatic backups the retention rule no longer keeps; returns their names. */
export function pruneBackups(ctx: Ctx): string[] {
  const settings = readBackupSettings(ctx);
  const rows = listBackupFiles(ctx);
  const prune = backupsToPrune(
    rows.map((r) => ({ file: r.file, kind: r.kind, createdAt: new Date(r.createdAt) })),
    settings,
  );
  const folder = backupsFolder(ctx);
  const done: string[] = [];
  for (const file of prune) {
    try {
      fs.rmSync(path.join(folder, file));
      done.push(file);
    } catch (err) {
      console.error(`[backups] could not prune ${file}`, err);
    }
  }
  return done;
}

/** backups.create: a manual backup now, to the backups folder or to a folder on this PC (audited). */
export async function createBackup(ctx: Ctx, input: ParsedInput<'backups.create'>): Promise<Output<'backups.create'>> {
  const { timings: _timings, ...made } = await makeBackup(ctx, 'manual', input.folder);
  recordAudit(ctx, {
    action: 'create',
    entity: 'backup',
    entityId: null,
    after: { file: made.file, path: made.path, sizeBytes: made.sizeBytes, schemaVersion: made.schemaVersion },
  });
  return made;
}

// ---------- what the app is ----------

export function lastBackupAt(ctx: Ctx): string | null {
  const stored = readSetting(ctx, LAST_BACKUP_KEY);
  const listed = listBackupFiles(ctx).find((r) => r.kind === 'auto' || r.kind === 'manual')?.createdAt ?? null;
  if (stored && listed) return stored > listed ? stored : listed;
  return stored ?? listed;
}

export function systemInfo(ctx: Ctx): Output<'system.info'> {
  return {
    schemaVersion: ctx.schemaVersion,
    appVersion: APP_VERSION,
    dbPath: ctx.dbPath,
    walMode: String(ctx.db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal',
    lastBackupAt: lastBackupAt(ctx),
  };
}
