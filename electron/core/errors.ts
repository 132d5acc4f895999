import type { AppErrorData, ErrorCode } from '../../shared/errors';

/** A business-rule failure with a Chinese message that names the field; never a crash. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
  toData(): AppErrorData {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string, id: number | string, field?: string) =>
  new DomainError('NOT_FOUND', `${what}不存在（编号 ${id}）`, field);

export const danglingRef = (label: string, field: string, id: number) =>
  new DomainError('REFERENCE', `${label}：引用的记录不存在（编号 ${id}）`, field);
