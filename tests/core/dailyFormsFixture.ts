// A company for the daily-form tests: two teams with their supervisors' rep records, reps in and outside teams, an
// inactive rep, customers (one archived, one merged), and one operator of each role. Calls go to the handler table
// in-process with a hand-made ctx per operator, exactly as the dispatcher would run them after its permission check.
import { expect } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { AppErrorData, Envelope } from '../../shared/errors';
import type { OperatorRole } from '../../shared/domain/dailyForms';
import { handlers, parseInput } from '../../electron/core/api';
import { createCore, type Core } from '../../electron/core/core';
import type { Actor, Ctx } from '../../electron/core/context';
import { toErrorData } from '../../electron/core/errors';
import { hashPassword } from '../../electron/core/modules/operators/passwords';
import { steppingClock } from './helpers';

/** The office's today in these tests (the clock starts at 12:00 Beijing time). */
export const TODAY = '2025-03-20';
export const TOMORROW = '2025-03-21';
export const PASSWORD = 'pass-1234';
const cheap = { N: 1024, r: 8, p: 1 };

export async function call<M extends MethodName>(ctx: Ctx, method: M, input: Input<M>): Promise<Envelope<Output<M>>> {
  try {
    const parsed = parseInput(method, input);
    const handler = handlers[method] as (c: Ctx, i: unknown) => Output<M> | Promise<Output<M>>;
    return { ok: true, data: await handler(ctx, parsed) };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}

export async function okAs<M extends MethodName>(ctx: Ctx, method: M, input: Input<M>): Promise<Output<M>> {
  const res = await call(ctx, method, input);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

export async function failAs<M extends MethodName>(ctx: Ctx, method: M, input: Input<M>): Promise<AppErrorData> {
  const res = await call(ctx, method, input);
  expect(res.ok, `${method} should have failed`).toBe(false);
  if (res.ok) throw new Error('unreachable');
  return res.error;
}

export type Forms = Awaited<ReturnType<typeof formsFixture>>;

export async function formsFixture(clockStart = '2025-03-20T04:00:00.000Z') {
  const core: Core = createCore(':memory:', { now: steppingClock(clockStart) });
  const sys: Ctx = core.ctx;
  const db = sys.db;
  const teamA = await okAs(sys, 'teams.save', { name: '一组' });
  const teamB = await okAs(sys, 'teams.save', { name: '二组' });
  const rep = (name: string, extra: Partial<Input<'reps.save'>> = {}) => okAs(sys, 'reps.save', { name, ...extra });
  // 王强 leads 一组 (the supervisor 主管甲's own rep record); 陈刚 leads 二组; 孙丽 has no team but reports to 陈刚
  const wang = await rep('王强', { teamId: teamA.id });
  const li = await rep('李娜', { teamId: teamA.id, supervisorId: wang.id });
  const zhou = await rep('周杰', { teamId: teamA.id });
  const chen = await rep('陈刚', { teamId: teamB.id });
  const zhao = await rep('赵磊', { teamId: teamB.id, supervisorId: chen.id });
  const sun = await rep('孙丽', { supervisorId: chen.id });
  const qian = await rep('钱七', { teamId: teamA.id, active: false });
  const cust = (name: string) => okAs(sys, 'customers.save', { name, repId: li.id });
  const c1 = await cust('南京鼓楼便利店');
  const c2 = await cust('张记烟酒行');
  const c3 = await cust('阿里山茶庄');
  const c4 = await cust('华众商贸');
  const c5 = await cust('金陵副食品店');
  const archived = await cust('已歇业小卖部');
  await okAs(sys, 'customers.archive', { id: archived.id, archived: true });
  const merged = await cust('南京鼓楼便利店（重复）');
  await okAs(sys, 'customers.merge', { survivorId: c1.id, mergedId: merged.id });

  const insertOp = db.prepare(
    `insert into operators (name, role, rep_id, password_hash, created_at, updated_at) values (?, ?, ?, ?, '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z')`,
  );
  const actors: Record<string, Actor> = {};
  const addOp = (name: string, role: OperatorRole, repId: number | null = null): Actor => {
    const id = Number(insertOp.run(name, role, repId, hashPassword(PASSWORD, cheap)).lastInsertRowid);
    actors[name] = { id, name, role, repId };
    return actors[name];
  };
  const ops = {
    admin: addOp('管理员甲', 'admin'),
    manager: addOp('经理甲', 'manager'),
    supA: addOp('主管甲', 'supervisor', wang.id),
    supB: addOp('主管乙', 'supervisor', chen.id),
    supNone: addOp('主管丙', 'supervisor'),
    clerk: addOp('文员甲', 'clerk'),
  };
  /** The ctx of a call made by this operator (the one core, the one clock). */
  const as = (actor: Actor): Ctx => ({ ...sys, actor, operator: actor.name });
  return {
    core,
    db,
    sys,
    as,
    ops,
    teams: { teamA, teamB },
    reps: { wang, li, zhou, chen, zhao, sun, qian },
    customers: { c1, c2, c3, c4, c5, archived, merged },
  };
}

/** A plan line with the usual fields. */
export const planLine = (customerId: number, extra: Record<string, unknown> = {}) => ({
  customerId,
  plannedTime: '09:00',
  purposes: ['order' as const],
  ...extra,
});

/** A plan for 李娜 today with three visits, saved by the clerk. */
export async function liPlan(f: Forms, date = TODAY) {
  return okAs(f.as(f.ops.clerk), 'visitPlans.save', {
    repId: f.reps.li.id,
    date,
    lines: [
      planLine(f.customers.c1.id, { plannedTime: '09:00', purposes: ['order', 'collect'] }),
      planLine(f.customers.c2.id, { plannedTime: '10:30' }),
      planLine(f.customers.c3.id, { plannedTime: null, purposes: ['service'] }),
    ],
  });
}
