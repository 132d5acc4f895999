import type { OperatorRole } from '../../shared/domain/dailyForms';
import type { DB } from './db/connection';

/** The signed-in operator a call acts as (resolved from the session by the dispatcher). */
export interface Actor {
  id: number;
  name: string;
  role: OperatorRole;
  /** the rep record of a supervisor (whose team's forms they sign) */
  repId: number | null;
}

/** Everything a service needs: the database, who is acting, and the clock (injectable for tests). */
export interface Ctx {
  db: DB;
  dbPath: string;
  schemaVersion: number;
  /** the acting operator's name as the audit log records it ('管理员' for the system before any operator exists) */
  operator: string;
  /** the signed-in operator; null for system work (first run, start-up tasks) */
  actor: Actor | null;
  /** the caller's session token, on the per-call ctx of a call that brought one (sign-out ends it) */
  session?: string;
  /** the LAN client's address a call came from (LAN office mode); the audit log records it */
  clientAddress?: string;
  now: () => Date;
}

export function nowIso(ctx: Ctx): string {
  return ctx.now().toISOString();
}

/** Local business date YYYY-MM-DD (the office's calendar day, not UTC). */
export function todayLocal(ctx: Ctx): string {
  const d = ctx.now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
