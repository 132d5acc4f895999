// Automatic backups while the app runs: one shortly after start, then whenever the newest automatic backup is older than
// the interval (4 hours unless set), checked every few minutes; skipped while another backup or a restore runs, while
// the database is not initialised, or when switched off. Started by the hosts (server.ts main, host.ts) with the core's
// own ctx, whose connection a restore swaps in place — so each check reads the current database.
import type { Ctx } from '../../context';
import { readSetting } from '../settings/settings';
import { backupUnderWay, listBackupFiles, makeBackup, readBackupSettings, type MadeBackup } from './backups';

/** After start, before the first backup: the start-up and the first screens are not slowed by the copy. */
export const START_DELAY_MS = 2 * 60_000;
/** How often the scheduler looks whether a backup is due. */
export const CHECK_EVERY_MS = 10 * 60_000;

export interface BackupScheduler {
  /** Looks now: `startup` makes a backup whatever the last one's age. Never throws; null when none was made. */
  tick: (startup?: boolean) => Promise<MadeBackup | null>;
  stop: () => void;
}

export interface SchedulerOptions {
  startDelayMs?: number;
  checkEveryMs?: number;
}

/** Is an automatic backup due now (enabled, initialised, none under way, the newest one older than the interval)? */
export function autoBackupDue(ctx: Ctx, startup: boolean): boolean {
  if (ctx.dbPath === ':memory:' || backupUnderWay(ctx.dbPath)) return false;
  if (readSetting(ctx, 'initialized') !== '1') return false;
  const settings = readBackupSettings(ctx);
  if (!settings.enabled) return false;
  if (startup) return true;
  const newest = listBackupFiles(ctx).find((r) => r.kind === 'auto');
  return !newest || ctx.now().getTime() - Date.parse(newest.createdAt) >= settings.intervalHours * 3_600_000;
}

export function startBackupScheduler(coreCtx: Ctx, options: SchedulerOptions = {}): BackupScheduler {
  const tick = async (startup = false): Promise<MadeBackup | null> => {
    // the system's work: read the core's ctx at this moment (a restore may have swapped its connection)
    const ctx: Ctx = { ...coreCtx, actor: null, operator: '系统' };
    try {
      if (!autoBackupDue(ctx, startup)) return null;
      const made = await makeBackup(ctx, 'auto');
      console.log(
        `[backups] automatic backup ${made.file} (${made.sizeBytes} bytes)${made.pruned.length ? `, pruned ${made.pruned.join(', ')}` : ''}`,
      );
      return made;
    } catch (err) {
      console.error('[backups] automatic backup failed', err);
      return null;
    }
  };
  const first = setTimeout(() => void tick(true), options.startDelayMs ?? START_DELAY_MS);
  const every = setInterval(() => void tick(false), options.checkEveryMs ?? CHECK_EVERY_MS);
  // the timers never keep a host alive on their own
  first.unref();
  every.unref();
  return {
    tick,
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
