// 客户策略卡 (one per customer, with a list of next actions) and 客户月评卡 (one per customer per month).
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { MonthlyEvaluation, Output, ParsedInput, StrategyCard } from '../../../../shared/contract';
import { DomainError, notFound } from '../../errors';
import { prepared } from '../../db/sql';
import { recordAudit } from '../audit/audit';

interface CustomerState {
  id: number;
  name: string;
  archived: number;
  mergedIntoId: number | null;
  mergedIntoName: string | null;
}

function customerState(ctx: Ctx, id: number): CustomerState {
  const row = prepared(
    ctx.db,
    `select c.id, c.name, c.archived, c.merged_into_id as mergedIntoId, s.name as mergedIntoName
     from customers c left join customers s on s.id = c.merged_into_id where c.id = ?`,
  ).get(id) as CustomerState | undefined;
  if (!row) throw notFound('客户', id, 'customerId');
  return row;
}

/** Cards of a merged or archived customer are history: they can be read, not changed. */
function assertEditable(c: CustomerState): void {
  if (c.mergedIntoId !== null) {
    throw new DomainError('CONFLICT', `客户：「${c.name}」已合并到「${c.mergedIntoName ?? c.mergedIntoId}」，不能再修改`, 'customerId');
  }
  if (c.archived === 1) throw new DomainError('CONFLICT', `客户：「${c.name}」已归档，请先恢复再修改`, 'customerId');
}

// ---------- 客户策略卡 ----------

interface CardSqlRow {
  goals: string;
  approach: string;
  decisionMakers: string;
  competitors: string;
  updatedAt: string;
  updatedBy: string;
}
interface ActionSqlRow {
  id: number;
  dueDate: string;
  action: string;
  owner: string;
  done: number;
  doneAt: string | null;
}

function readCard(ctx: Ctx, customerId: number): StrategyCard {
  const card = prepared(
    ctx.db,
    `select goals, approach, decision_makers as decisionMakers, competitors, updated_at as updatedAt, updated_by as updatedBy
     from strategy_cards where customer_id = ?`,
  ).get(customerId) as CardSqlRow | undefined;
  const actions = (
    prepared(
      ctx.db,
      `select id, due_date as dueDate, action, owner, done, done_at as doneAt
       from strategy_actions where customer_id = ? order by sort_order, id`,
    ).all(customerId) as ActionSqlRow[]
  ).map((a) => ({ ...a, done: a.done === 1 }));
  return {
    customerId,
    goals: card?.goals ?? '',
    approach: card?.approach ?? '',
    decisionMakers: card?.decisionMakers ?? '',
    competitors: card?.competitors ?? '',
    updatedAt: card?.updatedAt ?? null,
    updatedBy: card?.updatedBy ?? null,
    actions,
  };
}

export function getStrategyCard(ctx: Ctx, input: ParsedInput<'strategyCards.get'>): Output<'strategyCards.get'> {
  customerState(ctx, input.customerId);
  return readCard(ctx, input.customerId);
}

type CardInput = ParsedInput<'strategyCards.save'>;

/** Actions are replaced as a set: kept ids are updated, missing ones removed, new ones inserted. */
function writeActions(ctx: Ctx, customerId: number, actions: CardInput['actions'], now: string): void {
  const existing = new Map(
    (
      prepared(ctx.db, 'select id, done, done_at as doneAt from strategy_actions where customer_id = ?').all(customerId) as Array<{
        id: number;
        done: number;
        doneAt: string | null;
      }>
    ).map((a) => [a.id, a]),
  );
  const seen = new Set<number>();
  actions.forEach((a, i) => {
    if (a.id === undefined) return;
    if (!existing.has(a.id)) {
      throw new DomainError('REFERENCE', `下一步行动 › 第${i + 1}行：行动不属于该客户（编号 ${a.id}）`, `actions.${i}.id`);
    }
    if (seen.has(a.id)) {
      throw new DomainError('VALIDATION', `下一步行动 › 第${i + 1}行：同一行动出现了两次（编号 ${a.id}）`, `actions.${i}.id`);
    }
    seen.add(a.id);
  });
  for (const id of existing.keys()) if (!seen.has(id)) prepared(ctx.db, 'delete from strategy_actions where id = ?').run(id);
  actions.forEach((a, i) => {
    const old = a.id === undefined ? undefined : existing.get(a.id);
    // the first completion date is kept while the action stays done
    const doneAt = a.done ? (old?.done === 1 && old.doneAt ? old.doneAt : now) : null;
    const values = [a.dueDate, a.action, a.owner, a.done ? 1 : 0, doneAt, i];
    if (a.id !== undefined) {
      prepared(
        ctx.db,
        'update strategy_actions set due_date = ?, action = ?, owner = ?, done = ?, done_at = ?, sort_order = ? where id = ?',
      ).run(...values, a.id);
    } else {
      prepared(
        ctx.db,
        'insert into strategy_actions (customer_id, due_date, action, owner, done, done_at, sort_order) values (?, ?, ?, ?, ?, ?, ?)',
      ).run(customerId, ...values);
    }
  });
}

export function saveStrategyCard(ctx: Ctx, input: CardInput): Output<'strategyCards.save'> {
  return ctx.db.transaction(() => {
    assertEditable(customerState(ctx, input.customerId));
    const before = readCard(ctx, input.customerId);
    const now = nowIso(ctx);
    prepared(
      ctx.db,
      `insert into strategy_cards (customer_id, goals, approach, decision_makers, competitors, updated_at, updated_by)
       values (@customerId, @goals, @approach, @decisionMakers, @competitors, @now, @operator)
       on conflict (customer_id) do update set goals = excluded.goals, approach = excluded.approach,
         decision_makers = excluded.decision_makers, competitors = excluded.competitors,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run({
      customerId: input.customerId,
      goals: input.goals,
      approach: input.approach,
      decisionMakers: input.decisionMakers,
      competitors: input.competitors,
      now,
      operator: ctx.operator,
    });
    writeActions(ctx, input.customerId, input.actions, now);
    const after = readCard(ctx, input.customerId);
    recordAudit(ctx, {
      action: before.updatedAt === null ? 'create' : 'update',
      entity: 'strategyCard',
      entityId: input.customerId,
      before: before.updatedAt === null ? undefined : before,
      after,
    });
    return after;
  })();
}

// ---------- 客户月评卡 ----------

const evaluationSelect = `select id, customer_id as customerId, month, purchase_score as purchaseScore, payment_score as paymentScore,
  cooperation_score as cooperationScore, potential_score as potentialScore, comment, evaluator, updated_at as updatedAt
  from monthly_evaluations`;

function readEvaluation(ctx: Ctx, id: number): MonthlyEvaluation | undefined {
  return prepared(ctx.db, `${evaluationSelect} where id = ?`).get(id) as MonthlyEvaluation | undefined;
}

export function listMonthlyEvaluations(ctx: Ctx, input: ParsedInput<'monthlyEvaluations.list'>): Output<'monthlyEvaluations.list'> {
  customerState(ctx, input.customerId);
  return prepared(ctx.db, `${evaluationSelect} where customer_id = ? order by month desc`).all(input.customerId) as MonthlyEvaluation[];
}

export function saveMonthlyEvaluation(ctx: Ctx, input: ParsedInput<'monthlyEvaluations.save'>): Output<'monthlyEvaluations.save'> {
  return ctx.db.transaction(() => {
    assertEditable(customerState(ctx, input.customerId));
    const currentMonth = todayLocal(ctx).slice(0, 7);
    if (input.month > currentMonth) {
      throw new DomainError('VALIDATION', `月份：不能评价尚未到来的月份（${input.month}，本月为 ${currentMonth}）`, 'month');
    }
    const before = input.id === undefined ? undefined : readEvaluation(ctx, input.id);
    if (input.id !== undefined && !before) throw notFound('月评卡', input.id, 'id');
    if (before && before.customerId !== input.customerId) {
      throw new DomainError('REFERENCE', `编号：月评卡不属于该客户（编号 ${input.id}）`, 'id');
    }
    const clash = prepared(ctx.db, 'select id from monthly_evaluations where customer_id = ? and month = ? and id <> ?').get(
      input.customerId,
      input.month,
      input.id ?? 0,
    );
    if (clash) throw new DomainError('CONFLICT', `月份：该客户 ${input.month} 的月评卡已经存在，请直接修改那一张`, 'month');
    const now = nowIso(ctx);
    const values = {
      customerId: input.customerId,
      month: input.month,
      purchaseScore: input.purchaseScore,
      paymentScore: input.paymentScore,
      cooperationScore: input.cooperationScore,
      potentialScore: input.potentialScore,
      comment: input.comment,
      evaluator: input.evaluator,
      now,
    };
    let id: number;
    if (input.id === undefined) {
      id = Number(
        prepared(
          ctx.db,
          `insert into monthly_evaluations (customer_id, month, purchase_score, payment_score, cooperation_score, potential_score, comment, evaluator, created_at, updated_at)
           values (@customerId, @month, @purchaseScore, @paymentScore, @cooperationScore, @potentialScore, @comment, @evaluator, @now, @now)`,
        ).run(values).lastInsertRowid,
      );
    } else {
      id = input.id;
      prepared(
        ctx.db,
        `update monthly_evaluations set month = @month, purchase_score = @purchaseScore, payment_score = @paymentScore,
           cooperation_score = @cooperationScore, potential_score = @potentialScore, comment = @comment, evaluator = @evaluator, updated_at = @now
         where id = @id`,
      ).run({ ...values, id });
    }
    const after = readEvaluation(ctx, id)!;
    recordAudit(ctx, { action: before ? 'update' : 'create', entity: 'monthlyEvaluation', entityId: id, before, after });
    return after;
  })();
}
