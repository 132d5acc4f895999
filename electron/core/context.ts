import type { DB } from './db/connection';

/** Everything a service needs: the database, who is acting, and the clock (injectable for tests). */
export interface Ctx {
  db: DB;
  dbPath: string;
  schemaVersion: number;
  operator: string;
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
