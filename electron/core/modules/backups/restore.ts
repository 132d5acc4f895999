// 恢复: a chosen backup replaces the database — after it passed every check on a staged copy, and after the current
// database was copied aside as a before-restore backup (restoring that one undoes the restore). The core keeps its
// Core object and reopens the file under it (core.reopen from core.ts); every session ends with the old connection.
import fs from 'node:fs';
import path from 'node:path';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { Ctx } from '../../context';
import type { DB } from '../../db/connection';
import { DomainError } from '../../errors';
import { recordAudit } from '../audit/audit';
import { SALESDESK_TABLES, backupFileName, backupsFolder, exclusive, readHeader, runCopyJob, type Inspection } from './backups';

/** Closes the database, lets `swap` change its file, opens the file again under the same core; returns the new connection. */
export type Reopen = (swap: () => void) => DB;

// the core's reopen, found from the connection a call carries (a call's ctx is a copy; the connection is the core's)
const reopeners = new WeakMap<DB, Reopen>();

export function registerReopen(db: DB, reopen: Reopen): void {
  reopeners.set(db, reopen);
}

const fileError = (zh: string, en: string) => new DomainError('VALIDATION', zh, 'file', en);

/** A name from backups.list, or the full path of a file the user chose. */
function candidatePath(ctx: Ctx, file: string): string {
  if (path.basename(file) === file) return path.join(backupsFolder(ctx), file);
  if (!path.isAbsolute(file))
    throw fileError('备份文件：请选择列表中的备份，或填写文件的完整路径', 'Backup file: pick one from the list or give its full path');
  return path.resolve(file);
}

/** The checks that need no database connection: there, a file, SQLite, whole, not from a newer version. */
function checkHeader(file: string, latest: number, dbPath: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw fileError(`找不到备份文件：${file}`, `Backup file not found: ${file}`);
  }
  if (!stat.isFile()) throw fileError(`备份文件：${file} 不是文件`, `Backup file: ${file} is not a file`);
  if (path.resolve(file) === path.resolve(dbPath))
    throw fileError('不能用正在使用的数据库恢复它自己', 'The database in use cannot be restored onto itself');
  const header = readHeader(file);
  if (!header.isSqlite) {
    throw fileError(
      `不是 SalesDesk 数据库：${path.basename(file)} 不是 SQLite 数据库文件`,
      `Not a SalesDesk database: ${path.basename(file)} is not an SQLite file`,
    );
  }
  const expected = header.pageSize * header.pageCount;
  if (header.pageSize < 512 || stat.size % header.pageSize !== 0 || (expected > 0 && stat.size < expected)) {
    throw fileError(
      `备份文件不完整（可能复制时被中断）：${path.basename(file)} 只有 ${stat.size} 字节${expected > 0 ? `，应有 ${expected} 字节` : ''}`,
      `The backup file is incomplete (truncated): ${stat.size} bytes`,
    );
  }
  if (header.userVersion > latest) throw tooNew(header.userVersion, latest);
}

function tooNew(version: number, latest: number): DomainError {
  return new DomainError(
    'DB_TOO_NEW',
    `该备份来自更新版本的程序（结构版本 ${version}，本程序支持到 ${latest}），不能恢复。请先升级程序。`,
    'file',
    `This backup comes from a newer version of the app (schema ${version}; this one supports up to ${latest}). Upgrade first.`,
  );
}

/** What the staged copy's own check says: intact, ours, not newer. */
function judge(inspection: Inspection, latest: number, name: string): void {
  if (inspection.check !== 'ok') {
    throw new DomainError(
      'DB_CORRUPT',
      `备份文件已损坏，完整性检查未通过（${name}）：${inspection.check.slice(0, 200)}`,
      'file',
      `The backup file is damaged: it fails its integrity check (${name})`,
    );
  }
  const missing = SALESDESK_TABLES.filter((t) => !inspection.tables.includes(t));
  if (missing.length > 0) {
    throw fileError(
      `不是 SalesDesk 数据库：${name} 中没有 ${missing.join('、')} 表`,
      `Not a SalesDesk database: ${name} lacks the tables ${missing.join(', ')}`,
    );
  }
  if (inspection.userVersion > latest) throw tooNew(inspection.userVersion, latest);
}

/** The worker's failure on a file that passed the header checks: damaged, or not a database after all. */
function copyFailure(err: unknown, name: string): DomainError {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const text = err instanceof Error ? err.message : String(err);
  console.error('[backups] checking a backup to restore failed', err);
  if (code.startsWith('SQLITE_NOTADB') || /not a database/.test(text)) {
    return fileError(`不是 SalesDesk 数据库：${name} 不是 SQLite 数据库文件`, `Not a SalesDesk database: ${name}`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || /malformed/.test(text)) {
    return new DomainError('DB_CORRUPT', `备份文件已损坏，无法读取（${name}）`, 'file', `The backup file is damaged (${name})`);
  }
  if (code === 'ENOSPC')
    return new DomainError('VALIDATION', '数据库所在的磁盘空间不足，无法准备恢复', 'file', 'Not enough disk space to prepare the restore');
  return new DomainError(
    'INTERNAL',
    `读取备份文件时出错（${name}），数据库未改变`,
    'file',
    `Reading the backup failed (${name}); nothing changed`,
  );
}

const sidecars = (file: string) => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

/** A name not yet taken in the folder. */
function undoName(folder: string, at: Date): string {
  for (let n = 1; ; n++) {
    const name = backupFileName(at, 'before-restore', n);
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

/**
 * backups.restore: header checks, then a staged copy beside the database checked in a worker (integrity, tables,
 * version); only then, in one synchronous stretch: the live database checkpointed and closed, copied aside as the
 * before-restore backup, the staged copy renamed over it, and the database reopened (migrated if the backup is older).
 * Anything failing before the rename leaves the database as it was; failing to open the restored file puts the
 * before-restore copy back.
 */
export async function restoreBackup(ctx: Ctx, input: ParsedInput<'backups.restore'>): Promise<Output<'backups.restore'>> {
  if (ctx.dbPath === ':memory:') throw new DomainError('VALIDATION', '内存中的数据库没有文件，不能恢复');
  const reopen = reopeners.get(ctx.db);
  if (!reopen) throw new DomainError('INTERNAL', '此运行方式不能恢复数据库（核心未提供重新打开）');
  const source = candidatePath(ctx, input.file);
  const name = path.basename(source);
  const latest = ctx.schemaVersion;
  return exclusive(ctx.dbPath, async () => {
    checkHeader(source, latest, ctx.dbPath);
    const staging = path.join(path.dirname(ctx.dbPath), `.salesdesk-restore-${process.pid}.tmp`);
    fs.rmSync(staging, { force: true });
    let inspection: Inspection;
    try {
      inspection = await runCopyJob({ mode: 'copy', source, target: staging });
      judge(inspection, latest, name);
    } catch (err) {
      fs.rmSync(staging, { force: true });
      throw err instanceof DomainError ? err : copyFailure(err, name);
    }

    const folder = backupsFolder(ctx);
    fs.mkdirSync(folder, { recursive: true });
    const undoFile = undoName(folder, ctx.now());
    const undoPath = path.join(folder, undoFile);
    // everything committed moves into the main file, so the closed file alone is the whole database
    const [checkpoint] = ctx.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (checkpoint && checkpoint.busy !== 0) {
      fs.rmSync(staging, { force: true });
      throw new DomainError(
        'CONFLICT',
        '数据库正被其他程序读取，暂时不能恢复；请稍后重试',
        'file',
        'The database is in use elsewhere; try again shortly',
      );
    }
    let db: DB;
    let swapped = false;
    try {
      db = reopen(() => {
        if (sidecars(ctx.dbPath).some((f) => fs.existsSync(f) && fs.statSync(f).size > 0)) {
          throw new DomainError('CONFLICT', '数据库的日志文件仍有未写入的内容，未恢复；请稍后重试', 'file');
        }
        fs.copyFileSync(ctx.dbPath, undoPath);
        for (const f of sidecars(ctx.dbPath)) fs.rmSync(f, { force: true });
        fs.renameSync(staging, ctx.dbPath);
        swapped = true;
      });
    } catch (err) {
      fs.rmSync(staging, { force: true });
      if (!swapped) {
        // the swap stopped before the rename: the database was not touched (a half-written copy aside goes)
        fs.rmSync(undoPath, { force: true });
        throw err instanceof DomainError ? err : copyFailure(err, name);
      }
      // the restored file would not open: the database as it was goes back
      console.error('[backups] the restored database did not open; putting the previous one back', err);
      reopen(() => {
        for (const f of sidecars(ctx.dbPath)) fs.rmSync(f, { force: true });
        fs.copyFileSync(undoPath, ctx.dbPath);
      });
      const reason = err instanceof Error ? err.message : String(err);
      throw new DomainError('DB_CORRUPT', `恢复未完成：备份 ${name} 无法打开（${reason.slice(0, 200)}），已换回恢复前的数据库`, 'file');
    }
    // the copy aside is a plain file copy of the closed database: checked like any backup (and made one file)
    const undoCheck = await runCopyJob({ mode: 'check', source: undoPath, target: undoPath }).catch((err: unknown) => {
      console.error('[backups] checking the before-restore copy failed', err);
      return null;
    });
    if (undoCheck?.check !== 'ok')
      console.error(`[backups] the before-restore copy ${undoFile} did not pass its check: ${undoCheck?.check}`);
    const restored: Ctx = { ...ctx, db, actor: null, schemaVersion: db.pragma('user_version', { simple: true }) as number };
    recordAudit(restored, {
      action: 'restore',
      entity: 'backup',
      entityId: null,
      after: { restoredFrom: source, undoFile, schemaVersionOfBackup: inspection.userVersion },
    });
    return { restoredFrom: source, undoFile, schemaVersion: restored.schemaVersion };
  });
}

export type { Inspection };
