// The targets table read and written in one place: rows as the contract shows them, and every value change that keeps
// a tree summing back (the subtree follows a parent, siblings or ancestors follow a child), each change audited.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { TargetRow } from '../../../../shared/contract';
import { childPeriods, type Period, type PeriodKind } from '../../../../shared/periods';
import { workCalendar } from '../calendar/calendar';
import type { TargetLevel, TargetMetric } from '../../../../shared/domain/targets';
import { DecomposeError, rebalance, scaleToTotal } from '../../../../shared/decompose';
import { prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import { recordAudits, type AuditRecord } from '../audit/audit';
import { unitIdOf, unitNames } from './units';
import { fieldLabels } from '../../../../shared/fieldLabels';

/** The field's Chinese name, to start a message with. */
const labelOf = (field: string) => (Object.hasOwn(fieldLabels, field) ? fieldLabels[field]! : field);

/** A stored target. */
export interface Target {
  id: number;
  metric: TargetMetric;
  level: TargetLevel;
  unitKey: string;
  period: string;
  periodKind: PeriodKind;
  from: string;
  to: string;
  value: number;
  parentId: number | null;
  split: 'time' | 'unit' | null;
  locked: boolean;
  note: string;
}

const columns = `t.id, t.metric, t.level, t.unit_key as unitKey, t.period, t.period_kind as periodKind, t.from_date as "from",
  t.to_date as "to", t.value, t.parent_id as parentId, t.split, t.locked, t.note`;
const withChildren = `${columns},
  (select count(*) from targets c where c.parent_id = t.id) as childCount,
  (select coalesce(sum(c.value), 0) from targets c where c.parent_id = t.id) as childrenSum`;

type Raw = Omit<Target, 'locked'> & { locked: number };
type RawWithChildren = Raw & { childCount: number; childrenSum: number };
const fromRaw = <R extends Raw>(r: R): Omit<R, 'locked'> & { locked: boolean } => ({ ...r, locked: r.locked === 1 });

export function findTarget(ctx: Ctx, id: number): Target | undefined {
  const r = prepared(ctx.db, `select ${columns} from targets t where t.id = ?`).get(id) as Raw | undefined;
  return r && fromRaw(r);
}

export function mustFindTarget(ctx: Ctx, id: number, field = 'id'): Target {
  const t = findTarget(ctx, id);
  if (!t) throw notFound('目标', id, field);
  return t;
}

/** A target's children in display order (by date, then in the order they were made). */
export function childrenOf(ctx: Ctx, parentId: number): Target[] {
  return (prepared(ctx.db, `select ${columns} from targets t where t.parent_id = ? order by t.from_date, t.id`).all(parentId) as Raw[]).map(
    fromRaw,
  );
}

/** Contract rows for stored rows, with unit names and children counts. */
export function toRows(ctx: Ctx, raws: RawWithChildren[]): TargetRow[] {
  const keysByLevel = new Map<TargetLevel, string[]>();
  for (const r of raws) {
    const keys = keysByLevel.get(r.level) ?? [];
    keys.push(r.unitKey);
    keysByLevel.set(r.level, keys);
  }
  const names = new Map<TargetLevel, Map<string, string>>();
  for (const [level, keys] of keysByLevel) names.set(level, unitNames(ctx, level, keys));
  return raws.map((r) => ({
    id: r.id,
    metric: r.metric,
    level: r.level,
    unitId: unitIdOf(r.level, r.unitKey),
    unitName: names.get(r.level)?.get(r.unitKey) ?? r.unitKey,
    period: r.period,
    periodKind: r.periodKind,
    from: r.from,
    to: r.to,
    value: r.value,
    parentId: r.parentId,
    split: r.split,
    locked: r.locked === 1,
    childCount: r.childCount,
    childrenSum: r.childrenSum,
    note: r.note,
  }));
}

export function targetRowsWhere(ctx: Ctx, where: string, params: unknown[], order = 't.from_date, t.id'): TargetRow[] {
  const raws = prepared(ctx.db, `select ${withChildren} from targets t where ${where} order by ${order}`).all(
    ...params,
  ) as RawWithChildren[];
  return toRows(ctx, raws);
}

export function targetRow(ctx: Ctx, id: number): TargetRow {
  const row = targetRowsWhere(ctx, 't.id = ?', [id])[0];
  if (!row) throw notFound('目标', id, 'id');
  return row;
}

/** What the audit log keeps of a target. */
export const auditSnapshot = (t: Pick<Target, 'metric' | 'level' | 'unitKey' | 'period' | 'value' | 'locked'>) => ({
  metric: t.metric,
  level: t.level,
  unitId: unitIdOf(t.level, t.unitKey),
  period: t.period,
  value: t.value,
  locked: t.locked,
});

/** The same metric, level, unit and date range already has a target (the table holds each once). */
export function clashingTarget(ctx: Ctx, t: Pick<Target, 'metric' | 'level' | 'unitKey' | 'from' | 'to'>): number | null {
  const row = prepared(
    ctx.db,
    'select id from targets where metric = ? and level = ? and unit_key = ? and from_date = ? and to_date = ?',
  ).get(t.metric, t.level, t.unitKey, t.from, t.to) as { id: number } | undefined;
  return row?.id ?? null;
}

export type NewTarget = Omit<Target, 'id' | 'split' | 'locked'> & { split?: Target['split']; locked?: boolean };

/** Inserts a target (its uniqueness checked first, so the message names the clash). */
export function insertTarget(ctx: Ctx, t: NewTarget, field = 'unitId'): number {
  const clash = clashingTarget(ctx, t);
  if (clash !== null) {
    const name = unitNames(ctx, t.level, [t.unitKey]).get(t.unitKey) ?? t.unitKey;
    throw new DomainError(
      'CONFLICT',
      `${labelOf(field)}：${name} 在 ${t.period}（${t.from} 至 ${t.to}）已有同一指标的目标（编号 ${clash}）`,
      field,
    );
  }
  const now = nowIso(ctx);
  return Number(
    prepared(
      ctx.db,
      `insert into targets (metric, level, unit_key, period, period_kind, from_date, to_date, value, parent_id, split, locked, note,
         created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      t.metric,
      t.level,
      t.unitKey,
      t.period,
      t.periodKind,
      t.from,
      t.to,
      t.value,
      t.parentId,
      t.split ?? null,
      t.locked ? 1 : 0,
      t.note,
      now,
      now,
    ).lastInsertRowid,
  );
}

/** The ids of a target's subtree, itself first, and whether any of them is locked. */
export function subtree(ctx: Ctx, id: number): { ids: number[]; locked: Target[] } {
  const rows = prepared(
    ctx.db,
    `with recursive sub(id) as (select ? union all select t.id from targets t join sub on t.parent_id = sub.id)
     select ${columns} from targets t where t.id in (select id from sub)`,
  ).all(id) as Raw[];
  return { ids: rows.map((r) => r.id), locked: rows.filter((r) => r.locked === 1).map(fromRaw) };
}

/** Deletes the subtrees of `ids` (refused when anything in them is locked). Returns how many rows went. */
export function deleteSubtrees(ctx: Ctx, ids: readonly number[], field = 'id'): number {
  const all: number[] = [];
  for (const id of ids) {
    const { ids: sub, locked } = subtree(ctx, id);
    if (locked.length > 0) {
      const l = locked[0]!;
      const name = unitNames(ctx, l.level, [l.unitKey]).get(l.unitKey) ?? '';
      throw new DomainError('CONFLICT', `目标：下级中有已锁定的目标（${name} ${l.period}），请先解锁`, field);
    }
    all.push(...sub);
  }
  if (all.length === 0) return 0;
  // deepest first is not needed: one statement deletes them all and the foreign key is checked at its end
  return prepared(ctx.db, 'delete from targets where id in (select value from json_each(?))').run(JSON.stringify(all)).changes;
}

/**
 * Writes the value changes a tree edit makes, one transaction's worth, auditing each; the caller runs it inside its
 * transaction. Values set here never break a sum: callers only set values computed to keep every total.
 */
export class ValueWriter {
  private readonly audits: AuditRecord[] = [];
  constructor(private readonly ctx: Ctx) {}

  /** One target's new value; its children follow (see fitChildren). */
  set(t: Target, value: number, field = 'value'): void {
    if (value === t.value) return;
    this.fitChildren(t, value, field);
    prepared(this.ctx.db, 'update targets set value = ?, updated_at = ? where id = ?').run(value, nowIso(this.ctx), t.id);
    this.audits.push({
      action: 'update',
      entity: 'target',
      entityId: t.id,
      before: auditSnapshot(t),
      after: auditSnapshot({ ...t, value }),
    });
    t.value = value;
  }

  /**
   * A parent's children when its value changes: fully decomposed children are scaled to the new value (locked ones
   * keep theirs, the rest share in proportion); children entered by hand that no longer fit are scaled down.
   */
  private fitChildren(t: Target, value: number, field: string): void {
    const kids = childrenOf(this.ctx, t.id);
    if (kids.length === 0) return;
    const sum = kids.reduce((s, k) => s + k.value, 0);
    if (sum !== t.value && sum <= value) return;
    let next: number[];
    try {
      next = scaleToTotal(
        kids.map((k) => k.value),
        kids.map((k) => k.locked),
        value,
      );
    } catch (e) {
      if (e instanceof DecomposeError)
        throw new DomainError('CONFLICT', `${labelOf(field)}：下级已锁定的目标合计超过 ${value}，不能按此调整（目标编号 ${t.id}）`, field);
      throw e;
    }
    kids.forEach((k, i) => this.set(k, next[i]!, field));
  }

  /** Every ancestor moves by `delta` (a child changed and the parent follows); a locked ancestor refuses. */
  ancestorsFollow(t: Target, delta: number, field = 'value'): void {
    if (delta === 0) return;
    for (let id = t.parentId; id !== null;) {
      const a = mustFindTarget(this.ctx, id);
      if (a.locked)
        throw new DomainError(
          'CONFLICT',
          delta > 0 ? `${labelOf(field)}：会超过已锁定的上级目标` : `${labelOf(field)}：上级目标已锁定（${a.period}），不能随之改变`,
          field,
        );
      if (a.value + delta < 0) throw new DomainError('VALIDATION', `${labelOf(field)}：上级目标会变成负数`, field);
      prepared(this.ctx.db, 'update targets set value = ?, updated_at = ? where id = ?').run(a.value + delta, nowIso(this.ctx), a.id);
      this.audits.push({
        action: 'update',
        entity: 'target',
        entityId: a.id,
        before: auditSnapshot(a),
        after: auditSnapshot({ ...a, value: a.value + delta }),
      });
      id = a.parentId;
    }
  }

  /**
   * A child's new value with its unlocked siblings absorbing the difference (the children's sum stays), in proportion
   * to their values; refused when the child is locked or the siblings cannot absorb it.
   */
  siblingsAbsorb(t: Target, value: number, field = 'value'): void {
    const siblings = childrenOf(this.ctx, t.parentId!);
    const index = siblings.findIndex((s) => s.id === t.id);
    let next: number[];
    try {
      next = rebalance(
        siblings.map((s) => s.value),
        siblings.map((s) => s.locked),
        index,
        value,
      );
    } catch (e) {
      if (e instanceof DecomposeError)
        throw new DomainError(
          'CONFLICT',
          e.reason === 'lockedEntry'
            ? `${labelOf(field)}：目标已锁定，不能修改`
            : `${labelOf(field)}：未锁定的同级目标不足以吸收差额（${e.message}）`,
          field,
        );
      throw e;
    }
    siblings.forEach((s, i) => this.set(s, next[i]!, field));
  }

  /** A parent whose children now sum to more than it: it grows to their sum (and up), or a locked one refuses. */
  parentFits(parentId: number, field = 'value'): void {
    const parent = mustFindTarget(this.ctx, parentId);
    const sum = (
      prepared(this.ctx.db, 'select coalesce(sum(value), 0) as s from targets where parent_id = ?').get(parentId) as { s: number }
    ).s;
    if (sum <= parent.value) return;
    if (parent.locked)
      throw new DomainError('CONFLICT', `${labelOf(field)}：下级合计 ${sum} 会超过已锁定的上级目标 ${parent.value}`, field);
    const delta = sum - parent.value;
    prepared(this.ctx.db, 'update targets set value = ?, updated_at = ? where id = ?').run(sum, nowIso(this.ctx), parent.id);
    this.audits.push({
      action: 'update',
      entity: 'target',
      entityId: parent.id,
      before: auditSnapshot(parent),
      after: auditSnapshot({ ...parent, value: sum }),
    });
    if (parent.parentId !== null && delta > 0) this.parentFits(parent.parentId, field);
  }

  audit(rec: AuditRecord): void {
    this.audits.push(rec);
  }

  /** The audit entries, chained once (call last, inside the transaction). */
  flush(): void {
    recordAudits(this.ctx, this.audits.splice(0));
  }
}

/** A target's date range as a period (for childPeriods / previousYear). */
export const periodOf = (t: Target): Period => ({ label: t.period, kind: t.periodKind, from: t.from, to: t.to });

/**
 * The child periods of `kind` a target splits into: weeks are split at month ends even under a year or quarter (a
 * week's part in each month is its own target), and day targets exist only for working days.
 */
export function targetChildPeriods(ctx: Ctx, t: Target, kind: PeriodKind): Period[] {
  const range = periodOf(t);
  if (kind === 'day') {
    const calendar = workCalendar(ctx);
    return childPeriods(range, 'day').filter((p) => calendar.isWorkday(p.from));
  }
  if (kind === 'week' && (t.periodKind === 'year' || t.periodKind === 'quarter'))
    return childPeriods(range, 'month').flatMap((m) => childPeriods(m, 'week'));
  return childPeriods(range, kind);
}

/** The id of a target's top ancestor, and the chain of unit filters above it (for actuals by scope). */
export function ancestors(ctx: Ctx, t: Target): Target[] {
  const out: Target[] = [];
  for (let id = t.parentId; id !== null;) {
    const a = mustFindTarget(ctx, id);
    out.push(a);
    id = a.parentId;
  }
  return out;
}
