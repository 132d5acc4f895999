// The core inside Electron's utilityProcess: one database connection, requests in, envelopes out.
import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorData, Envelope } from '../../shared/errors';
import { createCore, defaultDbPath, type Core } from './core';
import { loadMigrations } from './db/connection';
import { DomainError, toErrorData } from './errors';
import { resumeLan, setLanController } from './lan/control';
import { createLanController } from './lan/controller';
import { startBackupScheduler } from './modules/backups/scheduler';

/** The request main sends for every call. */
export interface HostRequest {
  id: number;
  method: string;
  input: unknown;
  /** the calling window's session token, kept by main */
  session?: string;
}

export interface HostReply {
  id: number;
  envelope: Envelope<unknown>;
}

export interface HostFatal {
  type: 'fatal';
  error: AppErrorData;
}

/** Main asks the host to close the database cleanly before the app quits. */
export interface HostShutdown {
  type: 'shutdown';
}

/** The part of Electron's process.parentPort the host uses; declared here because core never imports electron. */
export interface HostPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

type Caller = Pick<Core, 'call'>;

function isUsableId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}

const failure = (code: AppErrorData['code'], message: string): Envelope<unknown> => ({ ok: false, error: { code, message } });

/**
 * One message from main → the reply to post, or null when the message carries no usable id
 * (nobody is waiting for it, so there is nobody to answer). Never throws.
 */
export async function handleHostMessage(core: Caller | AppErrorData, data: unknown): Promise<HostReply | null> {
  if (typeof data !== 'object' || data === null) return null;
  const { id, method, input, session } = data as Partial<Record<keyof HostRequest, unknown>>;
  if (!isUsableId(id)) return null;
  // the database could not be opened: every call gets the same reason instead of hanging until the timeout
  if (!('call' in core)) return { id, envelope: { ok: false, error: core } };
  if (typeof method !== 'string') return { id, envelope: failure('VALIDATION', '请求格式错误：缺少接口方法名') };
  try {
    const envelope = await core.call(method, input, typeof session === 'string' ? { session } : {});
    return { id, envelope };
  } catch (err) {
    return { id, envelope: { ok: false, error: toErrorData(err) } };
  }
}

/** Reads `--db <file>` or `--db=<file>`; the last one wins, an empty value counts as absent. */
export function dbPathFromArgs(argv: readonly string[], fallback: () => string = defaultDbPath): string {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--db' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) found = argv[i + 1];
    else if (arg.startsWith('--db=') && arg.length > 5) found = arg.slice(5);
  });
  return found ?? fallback();
}

/** Turns an open failure into the error shown to the user (DB_TOO_NEW, DB_CORRUPT keep their own message). */
export function fatalError(err: unknown): AppErrorData {
  if (err instanceof DomainError) return err.toData();
  return { code: 'INTERNAL', message: `无法打开数据库：${err instanceof Error ? err.message : String(err)}` };
}

/**
 * The migrations folder seen from this entry file: the bundle puts the core in out/main/chunks/, where the core's
 * own __dirname-based lookup misses the packaged electron/core/db/migrations unless cwd happens to be the app root.
 */
export function migrationsDirFor(hostDir: string): string | undefined {
  const candidates = [path.resolve(hostDir, '../../electron/core/db/migrations'), path.join(hostDir, 'db', 'migrations')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'meta', '_journal.json')));
}

function openCore(dbPath: string): Core {
  const dir = migrationsDirFor(__dirname);
  const core = createCore(dbPath, dir ? { migrations: loadMigrations(dir) } : {});
  // 备份与恢复: automatic backups shortly after start and every N hours (a restore swaps the database under this core)
  startBackupScheduler(core.ctx);
  return core;
}

function isShutdown(data: unknown): data is HostShutdown {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'shutdown';
}

/** Opens the database and serves the port until main asks to shut down. */
export function runHost(port: HostPort, argv: readonly string[], open: (dbPath: string) => Core = openCore): void {
  let core: Core | AppErrorData;
  try {
    core = open(dbPathFromArgs(argv));
    // LAN office mode is started from the settings page: its server runs here, on this core (one writer for all)
    setLanController(core.ctx.dbPath, createLanController(core));
    void resumeLan(core.ctx);
  } catch (err) {
    core = fatalError(err);
    console.error('[host] cannot open database', err);
    port.postMessage({ type: 'fatal', error: core } satisfies HostFatal);
  }
  port.on('message', (event) => {
    const data = (event as { data?: unknown } | null)?.data;
    if (isShutdown(data)) {
      if ('close' in core) core.close();
      process.exit(0);
    }
    void handleHostMessage(core, data).then((reply) => {
      if (!reply) return;
      try {
        port.postMessage(reply);
      } catch (err) {
        // a result that cannot be structured-cloned must still answer the caller
        console.error('[host] a result could not be passed to the window', err);
        port.postMessage({ id: reply.id, envelope: failure('INTERNAL', '操作的结果无法传回界面；详情已记入日志') });
      }
    });
  });
}

// only start when running as a utilityProcess; importing this module in a test or elsewhere has no side effects
const parentPort = (process as unknown as { parentPort?: HostPort | null }).parentPort;
if (parentPort) runHost(parentPort, process.argv);
