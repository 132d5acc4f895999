// Opens the database the one way the app allows: pragmas asserted, schema migrated after a verified backup.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';

export type DB = Database.Database;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface Migration {
  version: number; // 1-based: PRAGMA user_version after applying it
  tag: string;
  statements: string[];
}

/** Source tree, bundled out/main, and packaged app all keep the SQL at electron/core/db/migrations. */
export function resolveMigrationsDir(): string {
  const candidates = [
    path.join(__dirname, 'migrations'),
    path.resolve(__dirname, '../../electron/core/db/migrations'),
    path.resolve(__dirname, '../../../electron/core/db/migrations'), // out/main/chunks/ in the bundle
    path.resolve(process.cwd(), 'electron/core/db/migrations'),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'meta', '_journal.json')));
  if (!found) throw new DomainError('INTERNAL', `找不到数据库迁移文件（已查找：${candidates.join('；')}）`);
  return found;
}

export function loadMigrations(dir = resolveMigrationsDir()): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((e, i) => ({
      version: i + 1,
      tag: e.tag,
      statements: fs
        .readFileSync(path.join(dir, `${e.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

export interface OpenOptions {
  /** Where to put the pre-migration backup; defaults to a `backups` folder beside the database. */
  backupDir?: string;
  migrations?: Migration[];
}

export interface OpenResult {
  db: DB;
  schemaVersion: number;
  backupPath: string | null;
}

const memoryNames = new Set([':memory:', '']);

export function openDatabase(file: string, options: OpenOptions = {}): OpenResult {
  const inMemory = memoryNames.has(file);
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    const migrations = options.migrations ?? loadMigrations();
    refuseIfTooNew(db, migrations.length); // before any pragma (journal_mode=WAL) writes to the file
    applyPragmas(db, inMemory);
    const backupPath = migrate(db, file, migrations, options.backupDir);
    return { db, schemaVersion: currentVersion(db), backupPath };
  } catch (err) {
    db.close();
    throw err;
  }
}

function applyPragmas(db: DB, inMemory: boolean): void {
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('recursive_triggers = ON'); // so REPLACE's implicit delete fires the signed-form and audit-log triggers
  const expected: Array<[string, unknown]> = [
    ['journal_mode', inMemory ? 'memory' : 'wal'],
    ['synchronous', 2],
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
    ['recursive_triggers', 1],
  ];
  for (const [name, value] of expected) {
    const actual = db.pragma(name, { simple: true });
    if (actual !== value) throw new DomainError('DB_CORRUPT', `数据库设置 ${name} 应为 ${String(value)}，实际为 ${String(actual)}`);
  }
}

export function currentVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseIfTooNew(db: DB, latest: number): void {
  const version = currentVersion(db);
  if (version > latest) {
    throw new DomainError(
      'DB_TOO_NEW',
      `该数据库由更新版本的程序创建（结构版本 ${version}，本程序支持到 ${latest}），为保护数据拒绝打开。请升级程序。`,
    );
  }
}

function migrate(db: DB, file: string, migrations: Migration[], backupDir?: string): string | null {
  const version = currentVersion(db);
  const latest = migrations.length;
  refuseIfTooNew(db, latest);
  if (version === latest) return null;
  const pending = migrations.slice(version);
  const hasData = version > 0 || hasUserTables(db);
  const backupPath = hasData && !memoryNames.has(file) ? backupBeforeMigration(db, file, version, backupDir) : null;
  db.transaction(() => {
    for (const m of pending) {
      for (const statement of m.statements) db.exec(statement);
      db.pragma(`user_version = ${m.version}`);
    }
    // checked before commit: a failure rolls the whole upgrade back, so the next open tries it again
    const problems = db.pragma('foreign_key_check') as ForeignKeyProblem[];
    if (problems.length > 0) throw foreignKeyError(problems, version, latest, backupPath);
  })();
  return backupPath;
}

interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
}

function foreignKeyError(problems: ForeignKeyProblem[], version: number, latest: number, backupPath: string | null): DomainError {
  const examples = problems
    .slice(0, 3)
    .map((p) => `${p.table} 表第 ${p.rowid ?? '?'} 行引用的 ${p.parent} 记录不存在`)
    .join('；');
  const more = problems.length > 3 ? ` 等 ${problems.length} 处` : '';
  const backup = backupPath ? `，升级前的备份在 ${backupPath}` : '';
  return new DomainError(
    'DB_CORRUPT',
    `数据库升级（结构版本 ${version} → ${latest}）未完成：外键检查发现 ${examples}${more}。升级已撤销，数据库仍为结构版本 ${version}${backup}。`,
  );
}

function hasUserTables(db: DB): boolean {
  const row = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'").get() as {
    n: number;
  };
  return row.n > 0;
}

/**
 * A byte copy of the file as it stands: the WAL checkpointed into it, then copied under a read transaction (no other
 * connection's checkpoint can move its pages meanwhile), so a failed upgrade leaves the database byte-identical to it.
 * When the checkpoint cannot finish (another connection reading), VACUUM INTO makes a consistent copy instead.
 * Either copy is then opened and integrity-checked.
 */
function backupBeforeMigration(db: DB, file: string, version: number, backupDir?: string): string {
  const dir = backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, path.extname(file))}-v${version}-before-migration-${stamp}.db`);
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (checkpoint?.busy === 0) {
    db.exec('begin');
    try {
      db.prepare('select count(*) from sqlite_master').get(); // starts the read transaction
      fs.copyFileSync(path.resolve(file), target);
    } finally {
      db.exec('commit');
    }
  } else {
    db.prepare('VACUUM INTO ?').run(target);
  }
  // not read-only: a WAL-mode copy opened read-only leaves its -wal and -shm behind; this reads and writes nothing
  const copy = new Database(target, { fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new DomainError('DB_CORRUPT', `迁移前备份校验失败：${String(result)}`);
  } finally {
    copy.close();
  }
  return target;
}

export function integrityCheck(db: DB): string {
  return String(db.pragma('quick_check', { simple: true }));
}
