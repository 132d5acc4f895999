import type { Statement } from 'better-sqlite3';
import type { DB } from './connection';

const cache = new WeakMap<DB, Map<string, Statement>>();

/** A prepared statement, compiled once per connection and reused (list queries vary only by filter combination). */
export function prepared(db: DB, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}

export function count(db: DB, sql: string, params: unknown[]): number {
  return (prepared(db, sql).get(...params) as { n: number }).n;
}
