// The retention rule for automatic backups, a pure function: the newest backup of each of the last N days, weeks and
// months is kept (7 / 4 / 12 by default), the newest one always; manual, before-restore and migration backups are
// never pruned by it. Days, weeks and months are the office's local calendar.
import type { BackupKind } from '../../../../shared/contract/backups';

export interface RetentionRule {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

export interface RetainedBackup {
  file: string;
  /** when the backup was made */
  createdAt: Date;
  kind: BackupKind;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO week (Monday first; the week belongs to the year of its Thursday), e.g. 2026-W01. */
export function weekKey(d: Date): string {
  // the local calendar date, counted in UTC so no daylight-saving hour shifts a day
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const weekday = t.getUTCDay() || 7; // Monday 1 … Sunday 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday); // that week's Thursday
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

export function monthKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** The automatic backups the rule keeps (file names), newest first. */
export function backupsToKeep(rows: readonly RetainedBackup[], rule: RetentionRule): Set<string> {
  const auto = rows.filter((r) => r.kind === 'auto').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  if (auto[0]) keep.add(auto[0].file);
  const buckets: Array<[number, (d: Date) => string]> = [
    [rule.keepDaily, dayKey],
    [rule.keepWeekly, weekKey],
    [rule.keepMonthly, monthKey],
  ];
  for (const [count, keyOf] of buckets) {
    const seen = new Set<string>();
    for (const row of auto) {
      if (seen.size >= count) break;
      const key = keyOf(row.createdAt);
      if (seen.has(key)) continue;
      // the first (newest) backup met in a period is that period's
      seen.add(key);
      keep.add(row.file);
    }
  }
  return keep;
}

/** The automatic backups to delete under the rule; every other kind is left alone. */
export function backupsToPrune(rows: readonly RetainedBackup[], rule: RetentionRule): string[] {
  const keep = backupsToKeep(rows, rule);
  return rows
    .filter((r) => r.kind === 'auto' && !keep.has(r.file))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => r.file);
}
