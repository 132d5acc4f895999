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

/** Any thrown value → the error part of an envelope; unexpected errors are logged and never leak a stack. */
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
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: `数据约束不满足：${(err as Error).message}` };
  }
  if (typeof sqliteCode === 'string' && sqliteCode === 'SQLITE_BUSY') {
    return { code: 'CONFLICT', message: '数据库正忙，请稍后重试' };
  }
  console.error('[core] unexpected error', err);
  return { code: 'INTERNAL', message: `内部错误：${err instanceof Error ? err.message : String(err)}` };
}
