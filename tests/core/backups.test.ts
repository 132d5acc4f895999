// 备份与恢复 through the dispatcher on a database file: settings, manual backups (to the backups folder or a chosen
// folder), the list (with the pre-migration backups), restore with undo, every refusal leaving the database as it was,
// automatic backups by the scheduler with the retention rule, system.info, and who may do what.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { loadMigrations, openDatabase } from '../../electron/core/db/connection';
import { backupFileName, backupsFolder, listBackupFiles, readHeader, writeFailure } from '../../electron/core/modules/backups/backups';
import { startBackupScheduler } from '../../electron/core/modules/backups/scheduler';
import { writeSetting } from '../../electron/core/modules/settings/settings';
import {
  actAs,
  addOperator,
  asOperator,
  digest,
  fail,
  makeCore,
  ok,
  steppingClock,
  TEST_COST,
  TEST_MANAGER,
  type Caller,
  type TestCore,
} from './helpers';

let dir: string;
let dbFile: string;
let core: TestCore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-backups-'));
  dbFile = path.join(dir, 'salesdesk.db');
  core = makeCore(dbFile);
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const customerNames = async (c: Caller = core) => (await ok(c, 'customers.list', {})).rows.map((r) => r.name).sort();
const filesIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

/** The database and every file beside it, to show a refusal changed nothing. */
function snapshot() {
  return { digest: digest(core.ctx.db), files: filesIn(dir), backups: filesIn(backupsFolder(core.ctx)) };
}

describe('settings', () => {
  it('answers the defaults, saves changes (audited), refuses bad values naming the field with nothing changed', async () => {
    expect(await ok(core, 'backups.settings', {})).toEqual({
      enabled: true,
      intervalHours: 4,
      keepDaily: 7,
      keepWeekly: 4,
      keepMonthly: 12,
    });
    const saved = await ok(core, 'backups.settings', { save: { intervalHours: 6, keepMonthly: 24, enabled: false } });
    expect(saved).toEqual({ enabled: false, intervalHours: 6, keepDaily: 7, keepWeekly: 4, keepMonthly: 24 });
    expect(await ok(core, 'backups.settings', {})).toEqual(saved);
    const audit = await ok(core, 'audit.list', { entity: 'backupSettings' });
    expect(audit.rows[0]).toMatchObject({ action: 'update', operator: TEST_MANAGER.name });

    const before = digest(core.ctx.db);
    const zero = await fail(core, 'backups.settings', { save: { intervalHours: 0 } });
    expect(zero).toMatchObject({ code: 'VALIDATION', field: 'save.intervalHours' });
    expect(zero.message).toBe('备份设置 › 备份间隔(小时)：至少 1 小时');
    expect((await fail(core, 'backups.settings', { save: { keepDaily: 2.5 } })).message).toContain('按天保留');
    expect((await fail(core, 'backups.settings', { save: { keepWeekly: -1 } })).message).toContain('按周保留');
    expect((await fail(core, 'backups.settings', { save: { intervalHours: 5, extra: 1 } })).code).toBe('VALIDATION');
    expect((await fail(core, 'backups.settings', { enabled: true })).code).toBe('VALIDATION');
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('manual backups and the list', () => {
  it('a backup now: a dated, checked, self-contained copy in the backups folder, listed with size and schema version', async () => {
    await ok(core, 'customers.save', { name: '备份前客户' });
    const made = await ok(core, 'backups.create', {});
    expect(made.kind).toBe('manual');
    expect(made.file).toMatch(/^salesdesk-\d{8}-\d{6}-manual\.db$/);
    expect(made.path).toBe(path.join(dir, 'backups', made.file));
    expect(made.schemaVersion).toBe(core.ctx.schemaVersion);
    expect(made.sizeBytes).toBe(fs.statSync(made.path).size);
    // one file (no -wal beside it), intact, with the data
    expect(filesIn(path.join(dir, 'backups'))).toEqual([made.file]);
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select name from customers').pluck().all()).toEqual(['备份前客户']);
    copy.close();

    const list = await ok(core, 'backups.list', {});
    expect(list.folder).toBe(path.join(dir, 'backups'));
    expect(list.rows).toEqual([
      { file: made.file, createdAt: made.createdAt, sizeBytes: made.sizeBytes, schemaVersion: core.ctx.schemaVersion, kind: 'manual' },
    ]);
    const info = await ok(core, 'system.info', {});
    expect(info).toMatchObject({ schemaVersion: core.ctx.schemaVersion, dbPath: dbFile, walMode: true, lastBackupAt: made.createdAt });
    expect(info.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect((await ok(core, 'audit.list', { entity: 'backup' })).rows[0]).toMatchObject({ action: 'create' });
  });

  it('to a chosen folder (a USB stick): written there; a relative, missing, non-folder or unwritable folder is refused, nothing written', async () => {
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    const made = await ok(core, 'backups.create', { folder: usb });
    expect(filesIn(usb)).toEqual([made.file]);
    expect(made.path).toBe(path.join(usb, made.file));

    const before = snapshot();
    const relative = await fail(core, 'backups.create', { folder: 'usb' });
    expect(relative).toMatchObject({ code: 'VALIDATION', field: 'folder' });
    expect(relative.message).toContain('完整路径');
    expect((await fail(core, 'backups.create', { folder: path.join(dir, 'nope') })).message).toBe(
      `备份文件夹不存在：${path.join(dir, 'nope')}`,
    );
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    expect((await fail(core, 'backups.create', { folder: path.join(dir, 'a-file') })).message).toContain('不是文件夹');
    expect((await fail(core, 'backups.create', { folder: '   ' })).message).toBe('备份文件夹：不能为空');
    // a read-only place (the kernel's own file system; root may not write there either)
    const readOnly = fs.existsSync('/proc/self') ? '/proc/self' : null;
    if (readOnly) {
      const refused = await fail(core, 'backups.create', { folder: readOnly });
      expect(refused.field).toBe('folder');
      expect(refused.message).toMatch(/不能写入|磁盘空间不足|已满/);
    }
    fs.rmSync(path.join(dir, 'a-file'));
    expect({ ...snapshot(), files: filesIn(dir) }).toEqual({ ...before, files: before.files });
    expect(filesIn(usb)).toEqual([made.file]);
  });

  it('a full disk or a folder without permission reads as a plain sentence naming the folder', () => {
    const full = writeFailure(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }), '/media/usb', 'folder');
    expect(full.toData()).toMatchObject({
      code: 'VALIDATION',
      field: 'folder',
      message: '备份文件夹所在的磁盘已满，备份未完成：/media/usb',
    });
    const sqliteFull = writeFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), '/media/usb');
    expect(sqliteFull.message).toContain('磁盘已满');
    const denied = writeFailure(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'E:\\备份', 'folder');
    expect(denied.message).toBe('备份文件夹不能写入（没有权限或是只读的）：E:\\备份');
  });

  it('writes go on while a backup is made, and two backups at once run one after the other', async () => {
    for (let i = 0; i < 20; i++) await ok(core, 'customers.save', { name: `客户${i}` });
    const first = core.call('backups.create', {});
    const second = core.call('backups.create', {});
    const written = await ok(core, 'customers.save', { name: '备份时写入' });
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    const fa = (a.data as { file: string }).file;
    const fb = (b.data as { file: string }).file;
    expect(fa).not.toBe(fb);
    expect(written.id).toBeGreaterThan(0);
    for (const f of [fa, fb]) {
      const copy = new Database(path.join(dir, 'backups', f), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('select count(*) from customers').pluck().get() as number) >= 20).toBe(true);
      copy.close();
    }
  });

  it('a database of many copy steps (40 MB) is copied whole from one snapshot while writes go on', async () => {
    // filler pages so the copy takes several 16 MB steps, each flushed before the next
    core.ctx.db.exec('create table filler (b blob)');
    const fill = core.ctx.db.prepare('insert into filler (b) values (randomblob(1048576))');
    core.ctx.db.transaction(() => {
      for (let i = 0; i < 40; i++) fill.run();
    })();
    await ok(core, 'customers.save', { name: '开始前' });
    const backup = core.call('backups.create', {});
    let written = 0;
    const writing = (async () => {
      for (let i = 0; i < 30; i++) {
        await ok(core, 'customers.save', { name: `备份时写入${i}` });
        written++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const [res] = await Promise.all([backup, writing]);
    expect(res.ok).toBe(true);
    expect(written).toBe(30);
    const made = (res as { ok: true; data: { path: string } }).data;
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select count(*) from filler').pluck().get()).toBe(40);
    const names = copy.prepare('select name from customers order by id').pluck().all() as string[];
    copy.close();
    // one snapshot: the first customer, then a prefix of the ones written meanwhile (never a gap)
    expect(names[0]).toBe('开始前');
    expect(names.slice(1)).toEqual(Array.from({ length: names.length - 1 }, (_, i) => `备份时写入${i}`));
    expect(await customerNames()).toHaveLength(31);
  });

  it('lists the pre-migration backup the upgrade wrote, as kind migration with its old schema version', async () => {
    core.close();
    const oldFile = path.join(dir, 'old.db');
    const migrations = loadMigrations();
    const old = openDatabase(oldFile, { migrations: migrations.slice(0, 8) });
    old.db.prepare("insert into settings (key, value) values ('companyName', '旧版公司')").run();
    old.db.close();
    const upgraded = createCore(oldFile, { now: steppingClock(), passwordCost: TEST_COST });
    addOperator(upgraded, TEST_MANAGER);
    core = actAs(upgraded, TEST_MANAGER.name);
    const rows = (await ok(core, 'backups.list', {})).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'migration', schemaVersion: 8 });
    expect(rows[0]!.file).toMatch(/^old-v8-before-migration-.*\.db$/);
  });
});

describe('restore', () => {
  it('backup, change, restore (old data back, sessions end, undo kept), then undo the restore (new data back)', async () => {
    await ok(core, 'customers.save', { name: '甲公司' });
    const backup = await ok(core, 'backups.create', {});
    await ok(core, 'customers.save', { name: '乙公司（备份之后）' });
    expect(await customerNames()).toEqual(['乙公司（备份之后）', '甲公司'].sort());

    const restored = await ok(core, 'backups.restore', { file: backup.file });
    expect(restored.restoredFrom).toBe(backup.path);
    expect(restored.undoFile).toMatch(/^salesdesk-\d{8}-\d{6}-before-restore\.db$/);
    expect(restored.schemaVersion).toBe(core.ctx.schemaVersion);
    // the old connection's sessions are gone: everyone signs in again
    expect((await fail(core, 'customers.list', {})).code).toBe('UNAUTHORIZED');
    const again = await asOperator(core, TEST_MANAGER.name, TEST_MANAGER.password);
    expect(await customerNames(again)).toEqual(['甲公司']);
    const list = (await ok(again, 'backups.list', {})).rows;
    expect(list.map((r) => r.kind).sort()).toEqual(['before-restore', 'manual']);
    const audit = (await ok(again, 'audit.list', { entity: 'backup' })).rows;
    expect(audit[0]).toMatchObject({ action: 'restore', operator: TEST_MANAGER.name });
    expect(filesIn(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // undo: the before-restore backup brings the change back
    await ok(again, 'backups.restore', { file: restored.undoFile });
    const third = await asOperator(core, TEST_MANAGER.name, TEST_MANAGER.password);
    expect(await customerNames(third)).toEqual(['乙公司（备份之后）', '甲公司'].sort());
    expect((await ok(third, 'audit.verify', {})).ok).toBe(true);
    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(core.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('restores a file the user chose by its full path', async () => {
    await ok(core, 'customers.save', { name: '丙公司' });
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    const made = await ok(core, 'backups.create', { folder: usb });
    await ok(core, 'customers.save', { name: '丁公司' });
    await ok(core, 'backups.restore', { file: made.path });
    expect(await customerNames(await asOperator(core, TEST_MANAGER.name, TEST_MANAGER.password))).toEqual(['丙公司']);
  });

  it('an older backup is migrated on restore (a pre-migration backup of it is kept)', async () => {
    const oldFile = path.join(dir, 'v8.db');
    const old = openDatabase(oldFile, { migrations: loadMigrations().slice(0, 8) });
    old.db.prepare("insert into settings (key, value) values ('companyName', '八版公司')").run();
    old.db.close();
    fs.rmSync(`${oldFile}-wal`, { force: true });
    fs.rmSync(`${oldFile}-shm`, { force: true });
    const res = await ok(core, 'backups.restore', { file: oldFile });
    expect(res.schemaVersion).toBe(loadMigrations().length);
    expect(core.ctx.schemaVersion).toBe(loadMigrations().length);
    expect(core.ctx.db.prepare("select value from settings where key = 'companyName'").pluck().get()).toBe('八版公司');
    expect((await ok(core, 'settings.get', {})).companyName).toBe('八版公司');
    // the upgrade on restore kept its own pre-migration backup, beside the before-restore one
    expect(listBackupFiles(core.ctx).map((r) => [r.kind, r.schemaVersion])).toEqual(
      expect.arrayContaining([
        ['migration', 8],
        ['before-restore', loadMigrations().length],
      ]),
    );
  });

  it('a backup that passes its checks but will not open (its upgrade fails) leaves the database as it was', async () => {
    await ok(core, 'customers.save', { name: '现有客户' });
    const before = digest(core.ctx.db);
    // an old-version file with a tag of a customer that does not exist: intact for integrity_check, refused by the upgrade
    const oldFile = path.join(dir, 'dangling.db');
    const old = openDatabase(oldFile, { migrations: loadMigrations().slice(0, 8) });
    old.db.pragma('foreign_keys = OFF');
    old.db.prepare("insert into customer_tags (customer_id, tag) values (999, '孤儿')").run();
    old.db.close();
    const error = await fail(core, 'backups.restore', { file: oldFile });
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/^恢复未完成：备份 dangling\.db 无法打开（.*外键检查.*），已换回恢复前的数据库$/);
    // the database as it was, reopened under the same core (a fresh connection: sign in again)
    expect(digest(core.ctx.db)).toBe(before);
    expect(core.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await customerNames(await asOperator(core, TEST_MANAGER.name, TEST_MANAGER.password))).toEqual(['现有客户']);
    expect(filesIn(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  describe('refusals: a clear message, the database and its folder unchanged', () => {
    let good: string;
    beforeEach(async () => {
      await ok(core, 'customers.save', { name: '现有客户' });
      good = (await ok(core, 'backups.create', {})).path;
    });

    async function refused(file: string, expected: { code: string; message: RegExp }) {
      const before = snapshot();
      const error = await fail(core, 'backups.restore', { file });
      expect(error.code).toBe(expected.code);
      expect(error.message).toMatch(expected.message);
      expect(error.field).toBe('file');
      expect(snapshot()).toEqual(before);
      expect(await customerNames()).toEqual(['现有客户']);
    }

    it('not an SQLite file', async () => {
      const text = path.join(dir, 'notes.db');
      fs.writeFileSync(text, '这不是数据库'.repeat(100));
      await refused(text, { code: 'VALIDATION', message: /^不是 SalesDesk 数据库：notes\.db 不是 SQLite 数据库文件$/ });
    });

    it('an SQLite file without the SalesDesk tables', async () => {
      const other = path.join(dir, 'other.db');
      const db = new Database(other);
      db.exec('create table notes (id integer primary key, body text); insert into notes (body) values (1)');
      db.close();
      await refused(other, {
        code: 'VALIDATION',
        message: /^不是 SalesDesk 数据库：other\.db 中没有 settings、customers、regions、audit_log 表$/,
      });
    });

    it('a truncated file', async () => {
      const cut = path.join(dir, 'cut.db');
      const bytes = fs.readFileSync(good);
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2 / 4096) * 4096 + 1000));
      await refused(cut, { code: 'VALIDATION', message: /^备份文件不完整（可能复制时被中断）：cut\.db 只有 \d+ 字节，应有 \d+ 字节$/ });
      const whole = path.join(dir, 'cut2.db');
      fs.writeFileSync(whole, bytes.subarray(0, 4096 * 2));
      await refused(whole, { code: 'VALIDATION', message: /^备份文件不完整/ });
    });

    it('a damaged file that fails its integrity check', async () => {
      const bad = path.join(dir, 'damaged.db');
      const bytes = Buffer.from(fs.readFileSync(good));
      // scribble over the middle pages (b-tree pages), keep the header
      const pageSize = readHeader(good).pageSize;
      const pages = bytes.length / pageSize;
      for (let p = Math.floor(pages / 3); p < Math.floor((2 * pages) / 3); p++) bytes.fill(0x5a, p * pageSize + 8, p * pageSize + 200);
      fs.writeFileSync(bad, bytes);
      await refused(bad, { code: 'DB_CORRUPT', message: /^备份文件已损坏/ });
    });

    it('a backup from a newer version of the app', async () => {
      const newer = path.join(dir, 'newer.db');
      fs.copyFileSync(good, newer);
      const db = new Database(newer);
      db.pragma('user_version = 99');
      db.close();
      await refused(newer, { code: 'DB_TOO_NEW', message: /^该备份来自更新版本的程序（结构版本 99，本程序支持到 \d+），不能恢复/ });
    });

    it('a missing file, a relative path, the database itself', async () => {
      await refused('salesdesk-20200101-000000-manual.db', { code: 'VALIDATION', message: /^找不到备份文件：/ });
      await refused(path.join('sub', 'x.db'), { code: 'VALIDATION', message: /完整路径/ });
      await refused(dbFile, { code: 'VALIDATION', message: /^不能用正在使用的数据库恢复它自己$/ });
      expect((await fail(core, 'backups.restore', {})).code).toBe('VALIDATION');
    });
  });
});

describe('automatic backups', () => {
  it('the scheduler backs up at start and when the newest automatic one is older than the interval; prunes by the rule', async () => {
    const scheduler = startBackupScheduler(core.ctx, { startDelayMs: 3_600_000, checkEveryMs: 3_600_000 });
    try {
      // not initialised yet (first run not done): nothing to keep
      expect(await scheduler.tick(true)).toBeNull();
      writeSetting(core.ctx, 'initialized', '1');
      // old automatic backups from earlier days and months, made by copying a real one
      const made = await ok(core, 'backups.create', {});
      const folder = backupsFolder(core.ctx);
      const now = core.ctx.now();
      const daysAgo = (d: number, h = 10) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - d, h);
      const olds = [1, 1, 2, 40, 41, 400].map((d, i) => backupFileName(daysAgo(d, 8 + i), 'auto'));
      for (const f of olds) fs.copyFileSync(made.path, path.join(folder, f));
      await ok(core, 'backups.settings', { save: { keepDaily: 2, keepWeekly: 0, keepMonthly: 2 } });

      const first = await scheduler.tick(true);
      expect(first?.kind).toBe('auto');
      // kept: the new one (today's, this month's) and yesterday's newest (2 days; also its month's newest); everything
      // older goes, oldest first — the manual backup stays
      expect(first!.pruned).toEqual([olds[5], olds[4], olds[3], olds[2], olds[0]]);
      const listed = (await ok(core, 'backups.list', {})).rows;
      expect(listed.find((r) => r.kind === 'manual')?.file).toBe(made.file);
      expect(listed.some((r) => r.file === first!.file)).toBe(true);
      // a check soon after: not due; switched off: never
      expect(await scheduler.tick(false)).toBeNull();
      await ok(core, 'backups.settings', { save: { enabled: false } });
      expect(await scheduler.tick(true)).toBeNull();
      expect((await ok(core, 'system.info', {})).lastBackupAt).toBe(first!.createdAt);
    } finally {
      scheduler.stop();
    }
  });

  it('is due again once the interval has passed since the newest automatic backup', async () => {
    let t = Date.parse('2026-06-01T08:00:00Z');
    core.close();
    core = makeCore(path.join(dir, 'clocked.db'), { now: () => new Date(t) });
    writeSetting(core.ctx, 'initialized', '1');
    const scheduler = startBackupScheduler(core.ctx, { startDelayMs: 3_600_000, checkEveryMs: 3_600_000 });
    try {
      expect((await scheduler.tick(true))?.kind).toBe('auto');
      t += 3 * 3_600_000;
      expect(await scheduler.tick()).toBeNull();
      t += 3_600_000;
      expect((await scheduler.tick())?.kind).toBe('auto');
      await ok(core, 'backups.settings', { save: { intervalHours: 1 } });
      t += 3_600_000;
      expect((await scheduler.tick())?.kind).toBe('auto');
    } finally {
      scheduler.stop();
    }
  });
});

describe('who may', () => {
  it('backups are the admin’s and the manager’s; system.info every operator’s', async () => {
    addOperator(core, { name: '录入员', role: 'clerk', password: 'clerk-pw' });
    const clerk = await asOperator(core, '录入员', 'clerk-pw');
    for (const [method, input] of [
      ['backups.list', {}],
      ['backups.create', {}],
      ['backups.restore', { file: 'x.db' }],
      ['backups.settings', {}],
    ] as const) {
      const error = await fail(clerk, method, input);
      expect(error.code).toBe('FORBIDDEN');
    }
    expect((await fail(clerk, 'backups.restore', { file: 'x.db' })).message).toBe('文员无权恢复备份');
    expect((await ok(clerk, 'system.info', {})).walMode).toBe(true);
    addOperator(core, { name: '管理员甲', role: 'admin', password: 'admin-pw' });
    const admin = await asOperator(core, '管理员甲', 'admin-pw');
    expect((await ok(admin, 'backups.list', {})).rows).toEqual([]);
    const anonymous = await core.call('system.info', {}, {});
    expect(anonymous.ok === false && anonymous.error.code).toBe('UNAUTHORIZED');
  });
});
