// Who may do what to a daily form (拜访计划 / 销售报告). The dispatcher's permission table lets only the right roles call
// a method; these checks repeat the role rule (services are also called in-process) and add the team scope a table
// cannot express: a supervisor acts only for the reps of their own team, and never signs their own forms.
import type { Actor, Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { operatorRoleLabels } from '../../../../shared/domain/dailyForms';

/** enter/save/submit: the clerk's work; sign/return/unsign: the supervisor's (or a manager's). */
export type FormAction = 'save' | 'submit' | 'return' | 'sign' | 'unsign';

export const actionWords: Record<FormAction, string> = {
  save: '填写',
  submit: '提交',
  return: '退回',
  sign: '签核',
  unsign: '撤销签核',
};

const signerActions = new Set<FormAction>(['return', 'sign', 'unsign']);

function needActor(ctx: Ctx, action: FormAction): Actor {
  if (!ctx.actor) throw new DomainError('UNAUTHORIZED', `${actionWords[action]}需要先登录`);
  return ctx.actor;
}

/**
 * The role part of the rule, before any form is read. Without a signed-in operator (system work in-process: the demo,
 * start-up tasks) entering and submitting are allowed; signing, returning and unsigning always need a person.
 */
export function assertRoleMay(ctx: Ctx, action: FormAction, formWord: string): void {
  if (!ctx.actor && !signerActions.has(action)) return;
  const actor = needActor(ctx, action);
  const role = actor.role;
  const allowed = signerActions.has(action) ? role === 'manager' || role === 'supervisor' : role !== 'admin';
  if (!allowed) {
    throw new DomainError('FORBIDDEN', `${operatorRoleLabels[role].zh}无权${actionWords[action]}${formWord}`);
  }
}

/** The reps a supervisor answers for: everyone in their own rep's team, and everyone whose supervisor is that rep. */
export function supervisedRepIds(ctx: Ctx, supervisorRepId: number | null): Set<number> {
  if (supervisorRepId === null) return new Set();
  const ids = prepared(
    ctx.db,
    `select r.id from reps r where r.supervisor_id = ?
        or (r.team_id is not null and r.team_id = (select s.team_id from reps s where s.id = ?))`,
  )
    .pluck()
    .all(supervisorRepId, supervisorRepId) as number[];
  return new Set(ids);
}

/**
 * The scope part, once the form's rep is known. A supervisor works only on their team's forms and does not sign,
 * return or unsign their own; a manager works on every rep's; a clerk enters for any rep.
 */
export function assertScopeMay(ctx: Ctx, action: FormAction, rep: { id: number; name: string }, formWord: string): void {
  const actor = ctx.actor;
  if (!actor || actor.role !== 'supervisor') return;
  if (actor.repId === null) {
    throw new DomainError(
      'FORBIDDEN',
      `主管「${actor.name}」没有关联业务员档案，不能${actionWords[action]}${formWord}（请管理员在操作员中设置）`,
    );
  }
  if (signerActions.has(action) && actor.repId === rep.id) {
    throw new DomainError('FORBIDDEN', `不能${actionWords[action]}自己的${formWord}，请由经理处理`);
  }
  if (actor.repId !== rep.id && !supervisedRepIds(ctx, actor.repId).has(rep.id)) {
    throw new DomainError('FORBIDDEN', `业务员「${rep.name}」不属于您的团队，不能${actionWords[action]}其${formWord}`);
  }
}

/** For screens: may the current operator sign (and return, unsign) this rep's forms? One query for a whole board. */
export function signerScope(ctx: Ctx): (repId: number) => boolean {
  const actor = ctx.actor;
  if (!actor) return () => false;
  if (actor.role === 'manager') return () => true;
  if (actor.role !== 'supervisor' || actor.repId === null) return () => false;
  const own = actor.repId;
  const team = supervisedRepIds(ctx, own);
  return (repId) => repId !== own && team.has(repId);
}
