// Signing asks for the signed-in operator's own password again. A wrong one counts toward the same lockout as sign-in
// (5 wrong in a row → locked for 60 s; operators' checkSecret), and that count is written even though the signing
// itself is refused.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { checkSecret } from '../operators/operators';

/**
 * Checks the acting operator's password; throws VALIDATION naming 密码 when it is wrong or the operator is locked out.
 * Call it outside the form's transaction: a wrong password must leave its count behind when the signing is refused.
 */
export function verifyActorPassword(ctx: Ctx, password: string): void {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('UNAUTHORIZED', '请先登录');
  const active = prepared(ctx.db, 'select active from operators where id = ?').pluck().get(actor.id) as number | undefined;
  if (active !== 1) throw new DomainError('UNAUTHORIZED', '操作员不存在或已停用，请重新登录');
  checkSecret(ctx, actor.id, password, 'password', 'password', '密码');
}
