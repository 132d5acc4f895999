// The retention rule of automatic backups (a pure function): the newest of each of the last 7 days, 4 weeks, 12 months;
// the newest always; manual, before-restore and migration backups never pruned.
import { describe, expect, it } from 'vitest';
import {
  backupsToKeep,
  backupsToPrune,
  dayKey,
  monthKey,
  weekKey,
  type RetainedBackup,
} from '../../electron/core/modules/backups/retention';
import { backupFileName, parseBackupName } from '../../electron/core/modules/backups/backups';

const rule = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };

/** An automatic backup every `everyHours` from `from` (local time) for `count` backups. */
function autoSeries(from: Date, everyHours: number, count: number): RetainedBackup[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(from.getTime() + i * everyHours * 3_600_000);
    return { file: backupFileName(at, 'auto'), createdAt: at, kind: 'auto' as const };
  });
}

describe('calendar keys (local time)', () => {
  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(weekKey(new Date(2026, 0, 1))).toBe('2026-W01'); // Thursday
    expect(weekKey(new Date(2025, 11, 29))).toBe('2026-W01'); // Monday of that week
    expect(weekKey(new Date(2025, 11, 28))).toBe('2025-W52'); // Sunday before
    expect(weekKey(new Date(2027, 0, 3))).toBe('2026-W53'); // 2026 has 53 weeks
    expect(weekKey(new Date(2027, 0, 4))).toBe('2027-W01');
    expect(dayKey(new Date(2026, 2, 5, 23, 59))).toBe('2026-03-05');
    expect(monthKey(new Date(2026, 11, 31, 23, 0))).toBe('2026-12');
  });
});

describe('retention rule', () => {
  it('every 4 hours for 400 days: keeps 7 days, 4 weeks and 12 months of newest-in-period backups and nothing else', () => {
    const rows = autoSeries(new Date(2025, 0, 1, 1, 0), 4, 6 * 400);
    const keep = backupsToKeep(rows, rule);
    const kept = rows.filter((r) => keep.has(r.file));
    const newest = rows[rows.length - 1]!;
    expect(keep.has(newest.file)).toBe(true);
    // distinct days among the kept: the last 7 days each have exactly their newest backup
    const days = [...new Set(rows.map((r) => dayKey(r.createdAt)))].slice(-7);
    for (const day of days) {
      const ofDay = rows.filter((r) => dayKey(r.createdAt) === day);
      expect(keep.has(ofDay[ofDay.length - 1]!.file), day).toBe(true);
      expect(
        ofDay.slice(0, -1).some((r) => keep.has(r.file)),
        day,
      ).toBe(false);
    }
    const weeks = new Set(kept.map((r) => weekKey(r.createdAt)));
    const months = new Set(kept.map((r) => monthKey(r.createdAt)));
    expect(months.size).toBe(12);
    expect(weeks.size).toBeGreaterThanOrEqual(4);
    // at most 7 + 4 + 12 files, and every kept one is the newest of its day
    expect(kept.length).toBeLessThanOrEqual(23);
    for (const r of kept) {
      const sameDay = rows.filter((o) => dayKey(o.createdAt) === dayKey(r.createdAt));
      expect(sameDay[sameDay.length - 1]!.file).toBe(r.file);
    }
    // the oldest month kept is 11 months before the newest's
    const oldest = kept.map((r) => monthKey(r.createdAt)).sort()[0];
    expect(oldest).toBe('2025-03');
    expect(backupsToPrune(rows, rule)).toHaveLength(rows.length - kept.length);
  });

  it('keeps the newest of each period that has a backup, even with gaps (the PC was off)', () => {
    const at = (m: number, d: number, h = 12) => new Date(2026, m - 1, d, h);
    const rows: RetainedBackup[] = [at(1, 5), at(2, 20), at(2, 21), at(5, 1, 9), at(5, 1, 13), at(5, 3)].map((d) => ({
      file: backupFileName(d, 'auto'),
      createdAt: d,
      kind: 'auto',
    }));
    const prune = backupsToPrune(rows, { keepDaily: 2, keepWeekly: 0, keepMonthly: 3 });
    // days: 05-03, 05-01 (13:00); months: 2026-05 (05-03), 2026-02 (02-21), 2026-01 (01-05)
    expect(prune).toEqual([backupFileName(at(2, 20), 'auto'), backupFileName(at(5, 1, 9), 'auto')]);
  });

  it('never prunes manual, before-restore or migration backups, however old', () => {
    const old = new Date(2020, 0, 1);
    const rows: RetainedBackup[] = [
      { file: backupFileName(old, 'manual'), createdAt: old, kind: 'manual' },
      { file: backupFileName(old, 'before-restore'), createdAt: old, kind: 'before-restore' },
      { file: 'salesdesk-v3-before-migration-2020-01-01T00-00-00-000Z.db', createdAt: old, kind: 'migration' },
      ...autoSeries(new Date(2026, 0, 1), 24, 30),
    ];
    const prune = backupsToPrune(rows, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 });
    expect(prune).toHaveLength(29);
    expect(prune.every((f) => f.endsWith('-auto.db'))).toBe(true);
  });

  it('the newest is kept even with every count at its minimum', () => {
    const rows = autoSeries(new Date(2026, 0, 1), 1, 5);
    expect(backupsToPrune(rows, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 })).toEqual(rows.slice(0, 4).map((r) => r.file));
  });
});

describe('backup file names', () => {
  it('round-trip through the name in local time, with a counter for the same second', () => {
    const at = new Date(2026, 11, 1, 9, 5, 7);
    expect(backupFileName(at, 'manual')).toBe('salesdesk-20261201-090507-manual.db');
    expect(backupFileName(at, 'before-restore', 2)).toBe('salesdesk-20261201-090507-before-restore-2.db');
    expect(parseBackupName('salesdesk-20261201-090507-before-restore-2.db')).toEqual({ kind: 'before-restore', createdAt: at });
    expect(parseBackupName('salesdesk-v8-before-migration-2026-12-01T08-30-00-123Z.db')).toEqual({
      kind: 'migration',
      createdAt: new Date('2026-12-01T08:30:00.123Z'),
    });
    expect(parseBackupName('salesdesk-20261201-090507-weekly.db')).toBeNull();
    expect(parseBackupName('notes.txt')).toBeNull();
  });
});
