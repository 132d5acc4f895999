// Builds the core for a host: opens the database and returns a dispatcher bound to it.
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/errors';
import { dispatch, type CallOptions } from './api';
import type { Ctx } from './context';
import { openDatabase, integrityCheck, type OpenOptions } from './db/connection';
import { DomainError } from './errors';
import { sessionStore } from './modules/auth/sessions';
import type { ScryptCost } from './modules/operators/passwords';
import { sealAuditChain } from './modules/audit/chain';
import { ensureDealerAccounts } from './modules/dealers/accounts';

export interface Core {
  ctx: Ctx;
  /** One call; `options.session` is the caller's token from auth.signIn (without it only public methods answer). */
  call: (method: unknown, input: unknown, options?: CallOptions) => Promise<Envelope<unknown>>;
  close: () => void;
  backupPath: string | null;
}

export interface CoreOptions extends OpenOptions {
  operator?: string;
  now?: () => Date;
  /** scrypt cost for passwords hashed by this core (tests use a cheap one) */
  passwordCost?: ScryptCost;
}

export function createCore(dbPath: string, options: CoreOptions = {}): Core {
  const { db, schemaVersion, backupPath } = openDatabase(dbPath, options);
  const check = integrityCheck(db);
  if (check !== 'ok') {
    db.close();
    throw new DomainError('DB_CORRUPT', `数据库完整性检查失败：${check}`);
  }
  // entries written before the audit chain existed (or by a bulk writer that does not hash) join it now, in id order
  sealAuditChain(db);
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
  return {
    ctx,
    backupPath,
    call: (method, input, callOptions) => dispatch(ctx, method, input, callOptions),
    close: () => db.close(),
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
