// The error envelope shared by every host (IPC, HTTP, in-process) and the renderer.

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'REFERENCE',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  /** posting needs a manager's override with a reason (credit control set to block, a price below the floor) */
  'OVERRIDE_REQUIRED',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'INTERNAL',
  /** the core did not answer in time: a save or a posting may have been done or not (the audit log tells) */
  'OUTCOME_UNKNOWN',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  field?: string;
  /** The same message in English, where the core has one (the renderer shows it in English mode). */
  messageEn?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}
