import type { z } from 'zod';
import type { AppErrorData, ErrorCode } from '../../shared/errors';
import { labelForPath } from '../../shared/fieldLabels';

/** A business-rule failure with a Chinese message that names the field; never a crash. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  /** The message in English, for the errors that have one; `message` stays Chinese (the HTTP contract). */
  readonly messageEn?: string;
  constructor(code: ErrorCode, message: string, field?: string, messageEn?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
    this.messageEn = messageEn;
  }
  /** An error said in both languages. */
  static bilingual(code: ErrorCode, text: { zh: string; en: string }, field?: string): DomainError {
    return new DomainError(code, text.zh, field, text.en);
  }
  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.field) data.field = this.field;
    if (this.messageEn) data.messageEn = this.messageEn;
    return data;
  }
}

export const notFound = (what: string, id: number | string, field?: string) =>
  new DomainError('NOT_FOUND', `${what}不存在（编号 ${id}）`, field);

export const danglingRef = (label: string, field: string, id: number) =>
  new DomainError('REFERENCE', `${label}：引用的记录不存在（编号 ${id}）`, field);

/** First zod issue → a DomainError: the field's Chinese label, then the plain message (shared/contract/messages.ts). */
export function validationError(error: z.ZodError, method?: string): DomainError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    // the message names the unknown key; the label is the object that holds it, if nested
    const field = [...issue.path, issue.keys[0]!].map(String).join('.');
    const where = issue.path.length > 0 ? `${labelForPath(issue.path, method)}：` : '';
    return new DomainError('VALIDATION', `${where}${issue.message}`, field);
  }
  const field = issue.path.map(String).join('.');
  return new DomainError('VALIDATION', `${labelForPath(issue.path, method)}：${issue.message}`, field || undefined);
}

/** SQLite's result codes → a plain sentence for the screen (zh, en); the raw message goes to the log only. */
const SQLITE_SENTENCES: ReadonlyArray<readonly [RegExp, AppErrorData['code'], string, string]> = [
  [
    /^SQLITE_CONSTRAINT_UNIQUE|^SQLITE_CONSTRAINT_PRIMARYKEY/,
    'CONFLICT',
    '与已有记录重复，未保存任何更改',
    'It duplicates an existing record; nothing was saved',
  ],
  [
    /^SQLITE_CONSTRAINT_FOREIGNKEY/,
    'CONFLICT',
    '相关的记录已不存在或仍被其他记录使用，未保存任何更改',
    'A related record no longer exists or is still in use; nothing was saved',
  ],
  [/^SQLITE_CONSTRAINT_NOTNULL/, 'CONFLICT', '缺少必填的内容，未保存任何更改', 'Something required is missing; nothing was saved'],
  [/^SQLITE_CONSTRAINT/, 'CONFLICT', '数据不符合规则，未保存任何更改', 'The data breaks a rule of the database; nothing was saved'],
  [/^SQLITE_BUSY|^SQLITE_LOCKED/, 'CONFLICT', '数据库正忙，请稍后重试', 'The database is busy; please try again'],
  [
    /^SQLITE_FULL/,
    'INTERNAL',
    '磁盘空间不足，未保存任何更改；请清理磁盘后重试',
    'The disk is full; nothing was saved. Free some space and try again',
  ],
  [
    /^SQLITE_READONLY/,
    'INTERNAL',
    '数据库文件只能读取，无法保存；请检查文件和文件夹的权限',
    'The database file is read-only; check the permissions of the file and its folder',
  ],
  [
    /^SQLITE_CORRUPT|^SQLITE_NOTADB/,
    'INTERNAL',
    '数据库文件已损坏，请从备份恢复',
    'The database file is damaged; restore it from a backup',
  ],
  [
    /^SQLITE_IOERR|^SQLITE_CANTOPEN/,
    'INTERNAL',
    '读写数据库文件时出错（磁盘或文件系统的问题），请检查磁盘后重试',
    'The database file could not be read or written (a disk or file-system problem); check the disk and try again',
  ],
];

/** Any thrown value → the error part of an envelope; unexpected errors are logged and never shown raw (no stack, no
 *  SQLite message: a clerk gets a sentence, the log gets the details). */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof DomainError) return err.toData();
  const sqliteCode = (err as { code?: unknown })?.code;
  // a signed plan or report's triggers (migration 0002): the service refuses first, this is the backstop's own words
  // and a posted money document's (migration 0003)
  const message = err instanceof Error ? err.message : '';
  const lock = /(SIGNED|POSTED)_LOCKED:/.exec(message);
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT') && lock) {
    return { code: 'CONFLICT', message: message.slice(lock.index + lock[0].length).trim() };
  }
  console.error('[core] unexpected error', err);
  const known = typeof sqliteCode === 'string' ? SQLITE_SENTENCES.find(([re]) => re.test(sqliteCode)) : undefined;
  if (known) return { code: known[1], message: known[2], messageEn: known[3] };
  return {
    code: 'INTERNAL',
    message: '程序内部出错，操作未完成；详情已记入日志',
    messageEn: 'Something went wrong inside the program and the operation did not complete; the details are in the log',
  };
}
