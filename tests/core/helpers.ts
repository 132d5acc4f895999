// Test helpers for the core: a core on an in-memory DB with a deterministic clock, envelope unwrapping, a DB digest.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { AppErrorData, Envelope } from '../../shared/errors';
import { createCore, type Core } from '../../electron/core/core';
import type { DB } from '../../electron/core/db/connection';

/** A clock that advances one second per reading, so created/updated timestamps are distinct and ordered. */
export function steppingClock(start = '2025-03-01T08:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    t += stepMs;
    return new Date(t);
  };
}

export function makeCore(file = ':memory:'): Core {
  return createCore(file, { now: steppingClock() });
}

/** Calls a method and returns its data, failing the test with the error envelope otherwise. */
export async function ok<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const res = await core.call(method, input);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.data as Output<M>;
}

/** Calls a method that must fail and returns the error. */
export async function fail(core: Core, method: unknown, input: unknown): Promise<AppErrorData> {
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
export async function seed(core: Core) {
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
