// The bench acts as a signed-in manager: a session for the database's first active manager (the demo's 周敏), or for a
// bench manager added with a cheap hash when the database has none. One session per core.
import type { Core } from '../../electron/core/core';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { hashPassword } from '../../electron/core/modules/operators/passwords';

const sessions = new WeakMap<Core, string>();

export function benchSession(core: Core): string {
  let session = sessions.get(core);
  if (session) return session;
  const db = core.ctx.db;
  let row = db.prepare("select id from operators where role = 'manager' and active = 1 order by id limit 1").get() as
    { id: number } | undefined;
  if (!row) {
    const at = new Date().toISOString();
    const id = db
      .prepare("insert into operators (name, role, password_hash, created_at, updated_at) values ('bench经理', 'manager', ?, ?, ?)")
      .run(hashPassword('bench-pw', { N: 1024, r: 8, p: 1 }), at, at).lastInsertRowid;
    row = { id: Number(id) };
  }
  session = sessionStore(db).create(row.id);
  sessions.set(core, session);
  return session;
}
