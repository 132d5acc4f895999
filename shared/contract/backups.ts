// 备份与恢复 (backups.*) and what the app knows about itself (system.info).
import { z } from 'zod';
import { noInput } from './common';

export const backupKinds = ['auto', 'manual', 'before-restore', 'migration'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** Automatic backups: every this many hours while the app runs (and once shortly after it starts). */
export const backupIntervalSchema = z.int('请填写整数小时').min(1, '至少 1 小时').max(168, '最多 168 小时（一周）');
export const DEFAULT_BACKUP_INTERVAL_HOURS = 4;
/** Retention of automatic backups: the newest of each of the last N days / weeks / months is kept. */
export const keepDailySchema = z.int('请填写整数').min(1, '至少保留 1 天').max(90, '最多 90 天');
export const keepWeeklySchema = z.int('请填写整数').min(0, '不能小于 0').max(52, '最多 52 周');
export const keepMonthlySchema = z.int('请填写整数').min(0, '不能小于 0').max(120, '最多 120 个月');
export const DEFAULT_RETENTION = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 } as const;

/** A path typed by the user (a folder on the office PC, a USB stick) or a file name from the list. */
const pathText = () =>
  z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(1024, '路径过长（最多 1024 个字符）')
    .refine((s) => !s.includes('\0'), '路径中有无效字符');

const backupSettings = z.object({
  /** automatic backups on or off */
  enabled: z.boolean(),
  intervalHours: z.int(),
  keepDaily: z.int(),
  keepWeekly: z.int(),
  keepMonthly: z.int(),
});
export type BackupSettings = z.infer<typeof backupSettings>;

const backupRow = z.object({
  /** the file's name in the backups folder beside the database (what backups.restore takes back) */
  file: z.string(),
  /** ISO-8601 UTC */
  createdAt: z.string(),
  sizeBytes: z.int(),
  /** the schema version (PRAGMA user_version) inside the file */
  schemaVersion: z.int(),
  kind: z.enum(backupKinds),
});
export type BackupRow = z.infer<typeof backupRow>;

const createdBackup = backupRow.extend({
  /** the full path the backup was written to (the chosen folder, or the backups folder) */
  path: z.string(),
  /** automatic backups pruned by the retention rule after this one */
  pruned: z.array(z.string()),
});

export const backupMethods = {
  'backups.list': {
    input: noInput(),
    output: z.object({ rows: z.array(backupRow), folder: z.string() }),
  },
  'backups.create': {
    // no folder: the backups folder beside the database; a folder: that folder on this PC (a USB stick)
    input: z.object({ folder: pathText().optional() }).strict(),
    output: createdBackup,
  },
  'backups.restore': {
    // a file name from backups.list, or the full path of a backup the user chose
    input: z.object({ file: pathText() }).strict(),
    output: z.object({
      restoredFrom: z.string(),
      /** the database as it was just before the restore, kept as a backup: restoring it undoes this restore */
      undoFile: z.string(),
      schemaVersion: z.int(),
    }),
  },
  'backups.settings': {
    // without `save` the current settings; with it, those fields changed (then the settings as saved)
    input: z
      .object({
        save: z
          .object({
            enabled: z.boolean().optional(),
            intervalHours: backupIntervalSchema.optional(),
            keepDaily: keepDailySchema.optional(),
            keepWeekly: keepWeeklySchema.optional(),
            keepMonthly: keepMonthlySchema.optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: backupSettings,
  },
  'system.info': {
    input: noInput(),
    output: z.object({
      schemaVersion: z.int(),
      appVersion: z.string(),
      dbPath: z.string(),
      walMode: z.boolean(),
      /** the newest automatic or manual backup, ISO-8601 UTC; null before the first */
      lastBackupAt: z.string().nullable(),
    }),
  },
} as const;
