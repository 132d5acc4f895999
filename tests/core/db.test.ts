import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { currentVersion, loadMigrations, openDatabase, type DB, type Migration } from '../../electron/core/db/connection';
import { DomainError } from '../../electron/core/errors';

let dir: string;
let file: string;
const open: DB[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-db-'));
  file = path.join(dir, 'salesdesk.db');
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function track<T extends { db: DB }>(result: T): T {
  open.push(result.db);
  return result;
}

function fileHash(p: string): string {
  return createHash('sha256').update(fs.readFileSync(p)).digest('hex');
}

function tableNames(db: DB): string[] {
  return (
    db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
}

function expectDomainError(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(code);
    return err as DomainError;
  }
  throw new Error(`expected a ${code} error`);
}

const m1: Migration = { version: 1, tag: '0000_t', statements: ['create table t (x integer not null)'] };
const m2: Migration = {
  version: 2,
  tag: '0001_u',
  statements: ['alter table t add column y text', 'create table u (z integer)'],
};
const m3Broken: Migration = { version: 3, tag: '0002_broken', statements: ['create table v (w integer)', 'this is not sql'] };

describe('openDatabase: pragmas', () => {
  it('asserts WAL, synchronous=FULL, foreign_keys=ON, busy_timeout=5000 on a file database', () => {
    const { db } = track(openDatabase(file));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('uses the same pragmas (journal in memory) for an in-memory database', () => {
    const { db } = track(openDatabase(':memory:'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('enforces foreign keys', () => {
    const { db } = track(openDatabase(':memory:'));
    expect(() => db.prepare("insert into contacts (customer_id, name) values (?, 'x')").run(12345)).toThrow(/FOREIGN KEY/);
  });
});

describe('openDatabase: migrations', () => {
  it('migrates a new database to the latest version, without a backup (nothing to back up)', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    const { db, schemaVersion, backupPath } = track(openDatabase(file));
    expect(schemaVersion).toBe(migrations.length);
    expect(currentVersion(db)).toBe(migrations.length);
    expect(backupPath).toBeNull();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['audit_log', 'contacts', 'customers', 'regions', 'reps', 'settings', 'teams']));
  });

  it('reopening an up-to-date database is a no-op: same schema, same data, no backup', () => {
    const first = openDatabase(file);
    first.db.prepare("insert into settings (key, value) values ('companyName', '测试公司')").run();
    const schema = first.db.prepare('select type, name, sql from sqlite_master order by name').all();
    first.db.close();
    const hash = fileHash(file);

    const second = track(openDatabase(file));
    expect(second.backupPath).toBeNull();
    expect(second.schemaVersion).toBe(loadMigrations().length);
    expect(second.db.prepare('select type, name, sql from sqlite_master order by name').all()).toEqual(schema);
    expect(second.db.prepare("select value from settings where key = 'companyName'").pluck().get()).toBe('测试公司');
    second.db.close();
    expect(fileHash(file)).toBe(hash);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('applies a fake migration list: user_version follows the list', () => {
    const a = track(openDatabase(file, { migrations: [m1] }));
    expect(a.schemaVersion).toBe(1);
    a.db.close();
    const b = track(openDatabase(file, { migrations: [m1, m2], backupDir: path.join(dir, 'bk') }));
    expect(b.schemaVersion).toBe(2);
    expect(tableNames(b.db)).toEqual(['t', 'u']);
  });

  it('backs up an existing database with VACUUM INTO before migrating it, and the backup is verified and complete', () => {
    const a = openDatabase(file, { migrations: [m1] });
    const insert = a.db.prepare('insert into t (x) values (?)');
    for (let i = 1; i <= 50; i++) insert.run(i);
    a.db.close();

    const backupDir = path.join(dir, 'bk');
    const b = track(openDatabase(file, { migrations: [m1, m2], backupDir }));
    expect(b.backupPath).not.toBeNull();
    const backupPath = b.backupPath!;
    expect(path.dirname(backupPath)).toBe(backupDir);
    expect(path.basename(backupPath)).toMatch(/^salesdesk-v1-before-migration-.*\.db$/);
    expect(currentVersion(b.db)).toBe(2);

    const copy = new Database(backupPath, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(copy)).toEqual(['t']);
      expect(copy.prepare('select count(*) from t').pluck().get()).toBe(50);
      expect(copy.prepare('select sum(x) from t').pluck().get()).toBe(1275);
    } finally {
      copy.close();
    }
  });

  it('puts the backup in a backups folder beside the database by default', () => {
    openDatabase(file, { migrations: [m1] }).db.close();
    const b = track(openDatabase(file, { migrations: [m1, m2] }));
    expect(path.dirname(b.backupPath!)).toBe(path.join(dir, 'backups'));
    expect(fs.existsSync(b.backupPath!)).toBe(true);
  });

  it('backs up a version-0 database that already holds tables before running the real migrations', () => {
    const raw = new Database(file);
    raw.exec("create table legacy (note text); insert into legacy values ('旧数据')");
    raw.close();
    const { db, backupPath } = track(openDatabase(file));
    expect(backupPath).not.toBeNull();
    expect(tableNames(db)).toEqual(expect.arrayContaining(['legacy', 'customers']));
    const copy = new Database(backupPath!, { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(0);
      expect(tableNames(copy)).toEqual(['legacy']);
      expect(copy.prepare('select note from legacy').pluck().get()).toBe('旧数据');
    } finally {
      copy.close();
    }
  });

  it('applies all pending migrations in one transaction: a failing one leaves the database at its old version', () => {
    const a = openDatabase(file, { migrations: [m1] });
    a.db.prepare('insert into t (x) values (7)').run();
    a.db.close();
    expect(() => openDatabase(file, { migrations: [m1, m2, m3Broken], backupDir: path.join(dir, 'bk') })).toThrow();

    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(raw)).toEqual(['t']); // neither u (from m2) nor v (first statement of m3) survived
      expect((raw.prepare('select * from t').all() as object[]).map((r) => Object.keys(r))).toEqual([['x']]);
    } finally {
      raw.close();
    }
    // the backup taken before the failed attempt is still there
    expect(fs.readdirSync(path.join(dir, 'bk'))).toHaveLength(1);
  });
});

describe('openDatabase: foreign keys are checked inside the migration transaction', () => {
  const fk1: Migration = {
    version: 1,
    tag: '0000_fk',
    statements: [
      'create table parent (id integer primary key, name text not null)',
      'create table child (id integer primary key, parent_id integer references parent(id), note text)',
    ],
  };
  const fk2: Migration = {
    version: 2,
    tag: '0001_qty',
    statements: [
      'alter table child add column qty integer not null default 0',
      'update child set qty = 1',
      'create table extra (k integer)',
    ],
  };

  /** Version 1 with one good child row and one orphan written while foreign keys were off (an old or hand-edited file). */
  function withOrphan(): void {
    const a = openDatabase(file, { migrations: [fk1] });
    a.db.exec("insert into parent (id, name) values (1, '甲'); insert into child (id, parent_id, note) values (1, 1, '好')");
    a.db.close();
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("insert into child (id, parent_id, note) values (2, 99, '孤儿')").run();
    raw.close();
  }

  function readState(): { version: number; tables: string[]; children: unknown[] } {
    const raw = new Database(file, { readonly: true });
    try {
      return {
        version: raw.pragma('user_version', { simple: true }) as number,
        tables: tableNames(raw),
        children: raw.prepare('select * from child order by id').all(),
      };
    } finally {
      raw.close();
    }
  }

  it('rolls the upgrade back with a clear error, leaves version and data unchanged, and tries again on the next open', () => {
    withOrphan();
    const before = readState();
    expect(before).toEqual({
      version: 1,
      tables: ['child', 'parent'],
      children: [
        { id: 1, parent_id: 1, note: '好' },
        { id: 2, parent_id: 99, note: '孤儿' },
      ],
    });
    const backupDir = path.join(dir, 'bk');

    const err = expectDomainError(() => openDatabase(file, { migrations: [fk1, fk2], backupDir }), 'DB_CORRUPT');
    expect(readState()).toEqual(before); // no qty column, no extra table, user_version still 1
    const [backup] = fs.readdirSync(backupDir);
    expect(err.message).toBe(
      `数据库升级（结构版本 1 → 2）未完成：外键检查发现 child 表第 2 行引用的 parent 记录不存在。升级已撤销，数据库仍为结构版本 1，升级前的备份在 ${path.join(backupDir, backup!)}。`,
    );

    // not marked as done: the next open runs the migration and its check again
    expectDomainError(() => openDatabase(file, { migrations: [fk1, fk2], backupDir }), 'DB_CORRUPT');
    expect(readState()).toEqual(before);
    expect(fs.readdirSync(backupDir)).toHaveLength(2);

    // once the orphan is repaired the same migration goes through
    const fix = new Database(file);
    fix.prepare('delete from child where id = 2').run();
    fix.close();
    const fixed = track(openDatabase(file, { migrations: [fk1, fk2], backupDir }));
    expect(fixed.schemaVersion).toBe(2);
    expect(readState()).toEqual({
      version: 2,
      tables: ['child', 'extra', 'parent'],
      children: [{ id: 1, parent_id: 1, note: '好', qty: 1 }],
    });
  });

  it('also catches a violation the migration itself leaves behind with deferred checks: the first three named, the rest counted', () => {
    openDatabase(file, { migrations: [fk1] }).db.close();
    const orphans: Migration = {
      version: 2,
      tag: '0001_orphans',
      statements: ['pragma defer_foreign_keys = on', 'insert into child (id, parent_id) values (11, 501), (12, 502), (13, 503), (14, 504)'],
    };
    const err = expectDomainError(() => openDatabase(file, { migrations: [fk1, orphans], backupDir: path.join(dir, 'bk') }), 'DB_CORRUPT');
    expect(err.message).toMatch(
      /^数据库升级（结构版本 1 → 2）未完成：外键检查发现 child 表第 11 行引用的 parent 记录不存在；child 表第 12 行引用的 parent 记录不存在；child 表第 13 行引用的 parent 记录不存在 等 4 处。升级已撤销，数据库仍为结构版本 1/,
    );
    expect(readState()).toEqual({ version: 1, tables: ['child', 'parent'], children: [] });
  });
});

describe('openDatabase: a database from a newer program', () => {
  function makeTooNew(journalMode: 'wal' | 'delete'): number {
    const latest = loadMigrations().length;
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma(`journal_mode = ${journalMode}`);
    raw.prepare("insert into settings (key, value) values ('companyName', '新版本的数据')").run();
    raw.pragma(`user_version = ${latest + 1}`);
    raw.close();
    return latest + 1;
  }

  it.each(['wal', 'delete'] as const)('is refused with DB_TOO_NEW and left byte-for-byte unchanged (journal %s)', (mode) => {
    const version = makeTooNew(mode);
    const before = fileHash(file);
    const filesBefore = fs.readdirSync(dir).sort();

    const err = expectDomainError(() => openDatabase(file), 'DB_TOO_NEW');
    expect(err.message).toContain(String(version));
    expect(err.message).toMatch(/拒绝打开/);
    expectDomainError(() => createCore(file), 'DB_TOO_NEW');

    expect(fileHash(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore); // no backups folder, no leftover -wal/-shm
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(version);
      expect(raw.prepare("select value from settings where key = 'companyName'").pluck().get()).toBe('新版本的数据');
    } finally {
      raw.close();
    }
  });

  it('is refused for a fake migration list too (version 3 database, program knows 2)', () => {
    openDatabase(file, { migrations: [m1, m2] }).db.close();
    const raw = new Database(file);
    raw.pragma('user_version = 3');
    raw.close();
    const before = fileHash(file);
    expectDomainError(() => openDatabase(file, { migrations: [m1, m2] }), 'DB_TOO_NEW');
    expect(fileHash(file)).toBe(before);
  });
});

describe('money columns are integer 分 at the SQL level', () => {
  function insertCustomer(db: DB, creditLimitFen: unknown, code = 'C1'): void {
    db.prepare(
      `insert into customers (code, name, type, grade, lifecycle, credit_limit_fen, created_at, updated_at)
       values (?, '测试', 'retail', 'C', 'prospect', ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    ).run(code, creditLimitFen);
  }

  it.each([1.5, 0.01, -1, -100, 'abc', 1e300])('CHECK rejects credit_limit_fen = %s', (value) => {
    const { db } = track(openDatabase(':memory:'));
    try {
      insertCustomer(db, value);
      throw new Error('insert should have failed');
    } catch (err) {
      expect((err as { code?: string }).code).toBe('SQLITE_CONSTRAINT_CHECK');
    }
    expect(db.prepare('select count(*) from customers').pluck().get()).toBe(0);
  });

  it('accepts integer fen and stores it as an integer', () => {
    const { db } = track(openDatabase(':memory:'));
    insertCustomer(db, 0, 'C1');
    insertCustomer(db, 123456, 'C2');
    insertCustomer(db, 1_000_000_000_000, 'C3');
    expect(db.prepare('select typeof(credit_limit_fen) from customers').pluck().all()).toEqual(['integer', 'integer', 'integer']);
    expect(() => db.prepare('update customers set credit_limit_fen = 2.5').run()).toThrow(/CHECK/);
  });

  it('every *_fen column in every table is INTEGER with a typeof(...) = integer CHECK', () => {
    const { db } = track(openDatabase(':memory:'));
    const tables = db.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as Array<{
      name: string;
      sql: string;
    }>;
    const moneyColumns: string[] = [];
    for (const t of tables) {
      const cols = db.pragma(`table_info("${t.name}")`) as Array<{ name: string; type: string }>;
      for (const c of cols.filter((col) => col.name.endsWith('_fen'))) {
        moneyColumns.push(`${t.name}.${c.name}`);
        expect(c.type.toUpperCase(), `${t.name}.${c.name}`).toBe('INTEGER');
        const check = new RegExp(`typeof\\(\\s*(?:"${t.name}"\\.)?"?${c.name}"?\\s*\\)\\s*=\\s*'integer'`, 'i');
        expect(t.sql, `${t.name}.${c.name} needs CHECK(typeof(...) = 'integer')`).toMatch(check);
      }
    }
    expect(moneyColumns).toContain('customers.credit_limit_fen');
  });
});
