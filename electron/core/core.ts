// Builds the core for a host: opens the database and returns a dispatcher bound to it.
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/errors';
import { dispatch, type CallOptions } from './api';
import type { Ctx } from './context';
import { openDatabase, integrityCheck, type DB, type OpenOptions, type OpenResult } from './db/connection';
import { DomainError } from './errors';
import { sessionStore } from './modules/auth/sessions';
import type { ScryptCost } from './modules/operators/passwords';
import { sealAuditChain } from './modules/audit/chain';
import { ensureDealerAccounts } from './modules/dealers/accounts';
import { registerReopen } from './modules/backups/restore';

export interface Core {
  ctx: Ctx;
  /** One call; `options.session` is the caller's token from auth.signIn (without it only public methods answer). */
  call: (method: unknown, input: unknown, options?: CallOptions) => Promise<Envelope<unknown>>;
  close: () => void;
  backupPath: string | null;
  /** backups.restore: closes the database, lets `swap` replace its file, opens it again under this same core (sessions end) */
  reopen: (swap: () => void) => DB;
}

export interface CoreOptions extends OpenOptions {
  operator?: string;
  now?: () => Date;
  /** scrypt cost for passwords hashed by this core (tests use a cheap one) */
  passwordCost?: ScryptCost;
}

/** The database opened, migrated, checked, its audit chain sealed. */
function openChecked(dbPath: string, options: CoreOptions): OpenResult {
  const opened = openDatabase(dbPath, options);
  const check = integrityCheck(opened.db);
  if (check !== 'ok') {
    opened.db.close();
    throw new DomainError('DB_CORRUPT', `数据库完整性检查失败：${check}`);
  }
  // entries written before the audit chain existed (or by a bulk writer that does not hash) join it now, in id order
  sealAuditChain(opened.db);
  return opened;
}

export function createCore(dbPath: string, options: CoreOptions = {}): Core {
  const { db, schemaVersion, backupPath } = openChecked(dbPath, options);
  const ctx: Ctx = {
    db,
    dbPath: dbPath === ':memory:' ? ':memory:' : path.resolve(dbPath),
    schemaVersion,
    operator: options.operator ?? '管理员',
    actor: null,
    now: options.now ?? (() => new Date()),
  };
  if (options.passwordCost) sessionStore(db).passwordCost = options.passwordCost;
  // one-time for dealers saved before trading accounts existed, or written in bulk (import, demo): the system's work
  ensureDealerAccounts({ ...ctx, operator: '系统' });
  const reopen = (swap: () => void): DB => {
    ctx.db.close();
    try {
      swap();
    } finally {
      // whatever file is there now (the swapped one, or the old one when the swap refused) is this core's database
      const next = openChecked(ctx.dbPath, options);
      ctx.db = next.db;
      ctx.schemaVersion = next.schemaVersion;
      if (options.passwordCost) sessionStore(next.db).passwordCost = options.passwordCost;
      ensureDealerAccounts({ ...ctx, operator: '系统' });
      registerReopen(next.db, reopen);
    }
    return ctx.db;
  };
  if (ctx.dbPath !== ':memory:') registerReopen(db, reopen);
  return {
    ctx,
    backupPath,
    call: (method, input, callOptions) => dispatch(ctx, method, input, callOptions),
    close: () => ctx.db.close(),
    reopen,
  };
}

/** The per-user data folder, the same one Electron's app.getPath('userData') gives for app name "SalesDesk". */
export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'SalesDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'SalesDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'SalesDesk');
}

export function defaultDbPath(): string {
  return path.join(defaultDataDir(), 'salesdesk.db');
}
