// Test helpers for the core: a core on an in-memory DB with a deterministic clock, envelope unwrapping, a DB digest.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { AppErrorData, Envelope } from '../../shared/errors';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import type { CallOptions } from '../../electron/core/api';
import type { DB } from '../../electron/core/db/connection';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { hashPassword, type ScryptCost } from '../../electron/core/modules/operators/passwords';
import type { OperatorRole } from '../../shared/domain/dailyForms';

/** A clock that advances one second per reading, so created/updated timestamps are distinct and ordered. */
export function steppingClock(start = '2025-03-01T08:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    t += stepMs;
    return new Date(t);
  };
}

/** scrypt at a cost that takes well under a millisecond: hundreds of tests sign in and hash. */
export const TEST_COST: ScryptCost = { N: 1024, r: 8, p: 1 };

/** The operator every makeCore() call acts as unless a test says otherwise. */
export const TEST_MANAGER = { name: '测试经理', password: 'manager-pw', role: 'manager' } as const;

/** Anything that answers calls: a core, or an operator's session on one (asOperator). */
export type Caller = Pick<Core, 'call'>;

/** A core whose calls act as a signed-in manager (TEST_MANAGER) unless a call passes its own `{ session }`. */
export interface TestCore extends Core {
  /** the manager's session */
  session: string;
  managerId: number;
}

export function makeCore(file = ':memory:', options: CoreOptions = {}): TestCore {
  const core = createCore(file, { now: steppingClock(), passwordCost: TEST_COST, ...options });
  addOperator(core, TEST_MANAGER);
  return actAs(core, TEST_MANAGER.name);
}

/** A core whose calls act as an operator already in its database (a demo's manager, say), without a password. */
export function actAs(core: Core, operatorName: string): TestCore {
  const row = core.ctx.db.prepare('select id from operators where name = ?').get(operatorName) as { id: number } | undefined;
  if (!row) throw new Error(`no operator named ${operatorName}`);
  const session = sessionStore(core.ctx.db).create(row.id);
  return {
    ...core,
    session,
    managerId: row.id,
    call: (method, input, callOptions?: CallOptions) => core.call(method, input, callOptions ?? { session }),
  };
}

export interface TestOperator {
  id: number;
  name: string;
  role: OperatorRole;
  repId: number | null;
}

/** An operator written straight into the database with a cheap hash (no call, no audit entry). */
export function addOperator(
  core: Pick<Core, 'ctx'>,
  op: { name: string; role: OperatorRole; password: string; repId?: number | null; active?: boolean },
): TestOperator {
  const at = core.ctx.now().toISOString();
  const id = Number(
    core.ctx.db
      .prepare(`insert into operators (name, role, rep_id, password_hash, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`)
      .run(op.name, op.role, op.repId ?? null, hashPassword(op.password, TEST_COST), op.active === false ? 0 : 1, at, at).lastInsertRowid,
  );
  return { id, name: op.name, role: op.role, repId: op.repId ?? null };
}

/** Signs in through auth.signIn and returns calls bound to that session. */
export async function asOperator(
  core: Caller,
  name: string,
  password: string,
): Promise<Caller & { session: string; operator: Output<'auth.signIn'>['operator'] }> {
  const res = await core.call('auth.signIn', { name, password }, {});
  if (!res.ok) throw new Error(`auth.signIn as ${name} failed: ${JSON.stringify(res.error)}`);
  const { session, operator } = res.data as Output<'auth.signIn'>;
  return { session, operator, call: (method, input, options) => core.call(method, input, options ?? { session }) };
}

/** Calls a method and returns its data, failing the test with the error envelope otherwise. */
export async function ok<M extends MethodName>(core: Caller, method: M, input: Input<M>): Promise<Output<M>> {
  const res = await core.call(method, input);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.data as Output<M>;
}

/** Calls a method that must fail and returns the error. */
export async function fail(core: Caller, method: unknown, input: unknown): Promise<AppErrorData> {
  const res: Envelope<unknown> = await core.call(method, input);
  expect(res.ok, `${typeof method === 'string' ? method : typeof method} ${safeJson(input)} should have failed`).toBe(false);
  if (res.ok) throw new Error('unreachable');
  return res.error;
}

/** Short printable form of any value for assertion messages and test names: long strings abbreviated. */
export function safeJson(value: unknown, max = 300): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'string' && v.length > 24) return `${v.slice(0, 8)}…(${v.length})`;
      return v;
    });
    return (text ?? typeof value).slice(0, max);
  } catch {
    return '[unserialisable]';
  }
}

/** All user tables (plus sqlite_sequence and user_version), every row in rowid order, hashed. */
export function digest(db: DB): string {
  const tables = (
    db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_stat%' order by name").all() as Array<{
      name: string;
    }>
  ).map((t) => t.name);
  const hash = createHash('sha256');
  hash.update(`user_version=${String(db.pragma('user_version', { simple: true }))}\n`);
  for (const name of tables) {
    const rows = db
      .prepare(`select * from "${name.replace(/"/g, '""')}" order by rowid`)
      .raw()
      .all();
    hash.update(`${name}\n${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

/** A small realistic dataset: region tree, two teams, three reps, four customers with contacts and tags. */
export async function seed(core: Caller) {
  const east = await ok(core, 'regions.save', { name: '华东', code: 'HD' });
  const jiangsu = await ok(core, 'regions.save', { name: '江苏省', parentId: east.id });
  const nanjing = await ok(core, 'regions.save', { name: '南京市', parentId: jiangsu.id });
  const gulou = await ok(core, 'regions.save', { name: '鼓楼片区', parentId: nanjing.id });
  const north = await ok(core, 'regions.save', { name: '华北', code: 'HB' });
  const beijing = await ok(core, 'regions.save', { name: '北京市', parentId: north.id });
  const teamA = await ok(core, 'teams.save', { name: '一组' });
  const teamB = await ok(core, 'teams.save', { name: '二组' });
  const boss = await ok(core, 'reps.save', { name: '王强', teamId: teamA.id, regionIds: [east.id], hireDate: '2020-01-15' });
  const li = await ok(core, 'reps.save', {
    name: '李娜',
    teamId: teamA.id,
    supervisorId: boss.id,
    regionIds: [jiangsu.id, nanjing.id],
    phone: '138-0000-1111',
  });
  const zhao = await ok(core, 'reps.save', { name: '赵磊', teamId: teamB.id, regionIds: [beijing.id], active: false });
  const c1 = await ok(core, 'customers.save', {
    name: '北京华众商贸有限公司',
    shortName: '华众',
    regionId: beijing.id,
    repId: zhao.id,
    phone: '010-8888-6666',
    grade: 'A',
    lifecycle: 'loyal',
    type: 'wholesale',
    creditLimitFen: 5_000_000,
    tags: ['重点', '批发'],
    contacts: [{ name: '刘洋', phone: '139-1111-2222' }],
  });
  const c2 = await ok(core, 'customers.save', {
    name: '南京鼓楼便利店',
    regionId: gulou.id,
    repId: li.id,
    phone: '025 5555 7777',
    grade: 'B',
    lifecycle: 'repeat',
    creditLimitFen: 120_050,
    tags: ['重点'],
  });
  const c3 = await ok(core, 'customers.save', {
    name: '张记烟酒行',
    regionId: nanjing.id,
    repId: li.id,
    grade: 'C',
    type: 'terminal',
    paymentTermDays: 0,
  });
  const c4 = await ok(core, 'customers.save', { name: '阿里山茶庄', grade: 'D', lifecycle: 'lost', type: 'other' });
  return {
    regions: { east, jiangsu, nanjing, gulou, north, beijing },
    teams: { teamA, teamB },
    reps: { boss, li, zhao },
    customers: { c1, c2, c3, c4 },
  };
}
export type Seeded = Awaited<ReturnType<typeof seed>>;
