// Sign-in, sign-out, who-am-I, password change and the admin's recovery: the session side of operators.
import type { Actor, Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { DEFAULT_IDLE_MINUTES } from '../../../../shared/contract/settings';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { recordAudit } from '../audit/audit';
import {
  actorOf,
  checkSecret,
  createOperator,
  findOperatorByName,
  normaliseName,
  operatorCount,
  sessionOperatorOf,
  setPassword,
} from '../operators/operators';
import { getSettings, initialize } from '../settings/settings';
import { sessionStore } from './sessions';

/** Minutes without a call before a session ends (setting `idleMinutes`, default 30). */
export function idleMinutes(ctx: Ctx): number {
  const row = prepared(ctx.db, "select value from settings where key = 'idleMinutes'").get() as { value: string } | undefined;
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_IDLE_MINUTES;
}

/** The operator a session token acts as; UNAUTHORIZED (with the reason) when there is none. */
export function resolveSession(ctx: Ctx, token: string | undefined): Actor {
  if (!token) throw new DomainError('UNAUTHORIZED', '请先登录', undefined, 'Please sign in first');
  const store = sessionStore(ctx.db);
  const found = store.resolve(token, idleMinutes(ctx) * 60_000);
  if ('ended' in found) {
    throw found.ended === 'idle'
      ? new DomainError(
          'UNAUTHORIZED',
          '长时间未操作，已自动登出，请重新登录',
          undefined,
          'Signed out after a period of inactivity; please sign in again',
        )
      : new DomainError('UNAUTHORIZED', '登录已失效，请重新登录', undefined, 'Your session has ended; please sign in again');
  }
  const actor = actorOf(ctx, found.operatorId);
  if (!actor) {
    store.end(token);
    throw new DomainError(
      'UNAUTHORIZED',
      '操作员已停用或已删除，请重新登录',
      undefined,
      'This operator is no longer active; please sign in again',
    );
  }
  return actor;
}

/** A fresh session for an operator, with what the renderer shows in its header. */
export function startSession(ctx: Ctx, operatorId: number): Output<'auth.signIn'> {
  const session = sessionStore(ctx.db).create(operatorId);
  return { session, operator: sessionOperatorOf(ctx, operatorId), idleMinutes: idleMinutes(ctx) };
}

/** The same ctx acting as the given operator (the audit log records their name). */
const actingAs = (ctx: Ctx, operatorId: number): Ctx => {
  const actor = actorOf(ctx, operatorId);
  return actor ? { ...ctx, actor, operator: actor.name } : ctx;
};

function activeOperatorNamed(ctx: Ctx, name: string): { id: number; role: string } {
  const op = findOperatorByName(ctx, name);
  if (!op)
    throw new DomainError('NOT_FOUND', `用户名：没有名为「${name}」的操作员`, 'name', `User name: there is no operator named "${name}"`);
  if (op.active !== 1)
    throw new DomainError('FORBIDDEN', `用户名：操作员「${name}」已停用，请联系系统管理员`, 'name', `User name: "${name}" is deactivated`);
  return op;
}

export function signIn(ctx: Ctx, input: ParsedInput<'auth.signIn'>): Output<'auth.signIn'> {
  const op = activeOperatorNamed(ctx, input.name);
  checkSecret(ctx, op.id, input.password, 'password', 'password', '密码');
  return startSession(ctx, op.id);
}

export function signOut(ctx: Ctx): Output<'auth.signOut'> {
  if (ctx.session) sessionStore(ctx.db).end(ctx.session);
  return { ok: true };
}

export function me(ctx: Ctx): Output<'auth.me'> {
  if (!ctx.actor) return null;
  return { operator: sessionOperatorOf(ctx, ctx.actor.id), idleMinutes: idleMinutes(ctx) };
}

export function changePassword(ctx: Ctx, input: ParsedInput<'auth.changePassword'>): Output<'auth.changePassword'> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('UNAUTHORIZED', '请先登录');
  checkSecret(ctx, actor.id, input.oldPassword, 'password', 'oldPassword', '原密码', 'Current password');
  if (input.oldPassword === input.newPassword) throw new DomainError('VALIDATION', '新密码：不能与原密码相同', 'newPassword');
  ctx.db.transaction(() => {
    setPassword(ctx, actor.id, input.newPassword);
    recordAudit(ctx, { action: 'changePassword', entity: 'operator', entityId: actor.id, after: { name: actor.name } });
  })();
  // other windows and tabs of this operator sign in again with the new password
  sessionStore(ctx.db).endAllOf(actor.id, ctx.session);
  return { ok: true };
}

export function recover(ctx: Ctx, input: ParsedInput<'auth.recover'>): Output<'auth.recover'> {
  const op = activeOperatorNamed(ctx, input.name);
  if (op.role !== 'admin')
    throw new DomainError('FORBIDDEN', '用户名：只有系统管理员可以用恢复码重设密码，其他操作员请找系统管理员重设', 'name');
  checkSecret(ctx, op.id, input.recoveryCode, 'recovery', 'recoveryCode', '恢复码');
  const acting = actingAs(ctx, op.id);
  const recoveryCode = ctx.db.transaction(() => {
    const code = setPassword(acting, op.id, input.newPassword, { newRecoveryCode: true })!;
    recordAudit(acting, { action: 'recover', entity: 'operator', entityId: op.id, after: { name: input.name } });
    return code;
  })();
  sessionStore(ctx.db).endAllOf(op.id);
  return { ...startSession(ctx, op.id), recoveryCode };
}

/** The first admin of a database from before operators existed; only while there is no operator at all. */
export function setupAdmin(ctx: Ctx, input: ParsedInput<'auth.setupAdmin'>): Output<'auth.setupAdmin'> {
  const created = ctx.db.transaction(() => {
    if (operatorCount(ctx) > 0) throw new DomainError('CONFLICT', '已有操作员，不能再这样创建管理员；请用已有的账户登录');
    return createOperator({ ...ctx, operator: input.name }, { name: input.name, role: 'admin', password: input.password });
  })();
  return { ...startSession(ctx, created.id), recoveryCode: created.recoveryCode! };
}

/** First run: the company, the first admin (signed in at once, with the recovery code shown this one time) and the demo if asked. */
export function firstRun(ctx: Ctx, input: ParsedInput<'settings.initialize'>, loadDemo: (ctx: Ctx) => void): Output<'settings.initialize'> {
  const acting = { ...ctx, operator: normaliseName(input.admin.name) };
  const admin = ctx.db.transaction(() => {
    if (getSettings(ctx).initialized) throw new DomainError('CONFLICT', '系统已完成初始化，不能重复初始化');
    const created = createOperator(acting, { name: input.admin.name, role: 'admin', password: input.admin.password });
    initialize(acting, input, loadDemo);
    return created;
  })();
  return { ...getSettings(ctx), ...startSession(ctx, admin.id), recoveryCode: admin.recoveryCode! };
}
