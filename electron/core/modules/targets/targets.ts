// 目标 Targets: set a target, decompose it by time (year → quarter → month → week → working day) or by responsibility
// (company → region → team → rep → customer / category / dealer / settlement / channel type), always summing back
// exactly; lock, scale, delete, copy last year's shape. Every multi-row write is one transaction, every change audited.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { DecomposeError, largestRemainder, scaleBp } from '../../../../shared/decompose';
import { finerKind, parsePeriod, periodKinds, previousYear, type Period, type PeriodKind } from '../../../../shared/periods';
import {
  decomposeMethodLabels,
  metricDefinitions,
  targetLevelLabels,
  type DecomposeMethod,
  type TargetLevel,
  type TargetMetric,
} from '../../../../shared/domain/targets';
import { metricLevelSupported } from '../../../../shared/contract/tracking';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { workCalendar } from '../calendar/calendar';
import { recordAudit } from '../audit/audit';
import {
  ancestors,
  auditSnapshot,
  childrenOf,
  deleteSubtrees,
  findTarget,
  insertTarget,
  mustFindTarget,
  periodOf,
  targetChildPeriods,
  targetRow,
  targetRowsWhere,
  ValueWriter,
  type NewTarget,
  type Target,
} from './store';
import { defaultChildLevel, defaultUnits, isFinerLevel, unitKeyOf, unitNames, type UnitId } from './units';
import { historyWeightsByTime, historyWeightsByUnit } from './history';

const kindIndex = (k: PeriodKind) => periodKinds.indexOf(k);

/** A target only on a level its metric's actual can be attributed to (tracking could not follow it otherwise). */
function assertTrackable(metric: TargetMetric, level: TargetLevel): void {
  if (!metricLevelSupported(metric, level))
    throw new DomainError(
      'VALIDATION',
      `层级：${metricDefinitions[metric].label.zh}不能按${levelLabel(level)}统计实际，不能设这一层级的目标`,
      'level',
    );
}
const levelLabel = (l: TargetLevel) => targetLevelLabels[l].zh;

// ---------- reads ----------

export function getTarget(ctx: Ctx, input: ParsedInput<'targets.get'>): Output<'targets.get'> {
  return targetRow(ctx, input.id);
}

export function targetChildren(ctx: Ctx, input: ParsedInput<'targets.children'>): Output<'targets.children'> {
  mustFindTarget(ctx, input.parentId, 'parentId');
  return { rows: targetRowsWhere(ctx, 't.parent_id = ?', [input.parentId]) };
}

export function targetRoots(ctx: Ctx, input: ParsedInput<'targets.roots'>): Output<'targets.roots'> {
  const where = ['t.parent_id is null'];
  const params: unknown[] = [];
  if (input.metric) {
    where.push('t.metric = ?');
    params.push(input.metric);
  }
  if (input.level) {
    where.push('t.level = ?');
    params.push(input.level);
  }
  if (input.year !== undefined) {
    where.push('t.from_date <= ? and t.to_date >= ?');
    params.push(`${input.year}-12-31`, `${input.year}-01-01`);
  }
  return { rows: targetRowsWhere(ctx, where.join(' and '), params, 't.from_date desc, t.metric, t.level, t.unit_key, t.id') };
}

// ---------- save ----------

/** Where a new child sits under its parent: same period, another unit (split by unit), or same unit, a shorter period. */
function placeUnder(
  parent: Target,
  child: { level: TargetLevel; unitKey: string; period: Period },
): { split: 'time' | 'unit'; from: string; to: string } {
  const samePeriod =
    (child.period.from === parent.from && child.period.to === parent.to) ||
    (child.period.label === parent.period && child.period.kind === parent.periodKind);
  if (samePeriod && (child.level !== parent.level || child.unitKey !== parent.unitKey)) {
    if (!isFinerLevel(parent.level, child.level))
      throw new DomainError('VALIDATION', `层级：${levelLabel(parent.level)}目标下不能设${levelLabel(child.level)}目标`, 'level');
    return { split: 'unit', from: parent.from, to: parent.to };
  }
  if (child.level === parent.level && child.unitKey === parent.unitKey) {
    if (kindIndex(child.period.kind) <= kindIndex(parent.periodKind))
      throw new DomainError('VALIDATION', `期间：应比上级目标的期间（${parent.period}）更短`, 'period');
    const from = child.period.from > parent.from ? child.period.from : parent.from;
    const to = child.period.to < parent.to ? child.period.to : parent.to;
    if (from > to) throw new DomainError('VALIDATION', `期间：不在上级目标的期间（${parent.period}）之内`, 'period');
    return { split: 'time', from, to };
  }
  throw new DomainError('VALIDATION', '上级目标：下级应与上级同一期间（按单位分解）或同一单位的更短期间（按时间分解）', 'parentId');
}

export function saveTarget(ctx: Ctx, input: ParsedInput<'targets.save'>): Output<'targets.save'> {
  return ctx.db.transaction(() => {
    const period = parsePeriod(input.period)!;
    assertTrackable(input.metric, input.level);
    const unitKey = unitKeyOf(ctx, input.level, input.unitId as UnitId | undefined);
    const w = new ValueWriter(ctx);
    let id: number;
    if (input.id !== undefined) {
      const t = mustFindTarget(ctx, input.id);
      id = t.id;
      if (t.metric !== input.metric) throw new DomainError('VALIDATION', '指标：已有目标不能改指标（请删除后重建）', 'metric');
      if (t.level !== input.level) throw new DomainError('VALIDATION', '层级：已有目标不能改层级（请删除后重建）', 'level');
      if (t.unitKey !== unitKey) throw new DomainError('VALIDATION', '单位：已有目标不能改单位（请删除后重建）', 'unitId');
      if (t.period !== input.period) throw new DomainError('VALIDATION', '期间：已有目标不能改期间（请删除后重建）', 'period');
      if (input.parentId !== undefined && input.parentId !== t.parentId)
        throw new DomainError('VALIDATION', '上级目标：已有目标不能换上级', 'parentId');
      if (input.value !== t.value) {
        if (t.locked) throw new DomainError('CONFLICT', '目标值：目标已锁定，不能修改（请先解锁）', 'value');
        if (t.parentId === null) w.set(t, input.value);
        else if (input.rebalance === 'parent') {
          w.ancestorsFollow(t, input.value - t.value);
          w.set(t, input.value);
        } else w.siblingsAbsorb(t, input.value);
      }
      if (input.note !== undefined && input.note !== t.note) {
        prepared(ctx.db, 'update targets set note = ?, updated_at = ? where id = ?').run(input.note, nowIso(ctx), t.id);
        w.audit({ action: 'update', entity: 'target', entityId: t.id, before: { note: t.note }, after: { note: input.note } });
      }
    } else {
      let place = { from: period.from, to: period.to, split: null as 'time' | 'unit' | null };
      let parent: Target | undefined;
      if (input.parentId !== undefined) {
        parent = mustFindTarget(ctx, input.parentId, 'parentId');
        if (parent.metric !== input.metric) throw new DomainError('VALIDATION', '指标：应与上级目标相同', 'metric');
        place = placeUnder(parent, { level: input.level, unitKey, period });
        if (parent.split !== null && parent.split !== place.split)
          throw new DomainError(
            'VALIDATION',
            `上级目标：已按${parent.split === 'time' ? '时间' : '单位'}分解，下级应同样按${parent.split === 'time' ? '时间' : '单位'}`,
            'parentId',
          );
        if (place.split === 'time') {
          const other = childrenOf(ctx, parent.id).find((c) => c.periodKind !== period.kind);
          if (other) throw new DomainError('VALIDATION', `期间：上级目标的下级是${other.period}这一类期间，应与之相同`, 'period');
        } else {
          const other = childrenOf(ctx, parent.id).find((c) => c.level !== input.level);
          if (other)
            throw new DomainError(
              'VALIDATION',
              `层级：上级目标已分解到${levelLabel(other.level)}，下级应同为${levelLabel(other.level)}`,
              'level',
            );
        }
      }
      const row: NewTarget = {
        metric: input.metric,
        level: input.level,
        unitKey,
        period: period.label,
        periodKind: period.kind,
        from: place.from,
        to: place.to,
        value: input.value,
        parentId: parent?.id ?? null,
        note: input.note ?? '',
      };
      id = insertTarget(ctx, row);
      w.audit({ action: 'create', entity: 'target', entityId: id, after: auditSnapshot({ ...row, locked: false }) });
      if (parent) {
        if (parent.split === null) prepared(ctx.db, 'update targets set split = ? where id = ?').run(place.split, parent.id);
        w.parentFits(parent.id);
      }
    }
    w.flush();
    return { id };
  })();
}

// ---------- lock / delete ----------

export function lockTarget(ctx: Ctx, input: ParsedInput<'targets.lock'>): Output<'targets.lock'> {
  return ctx.db.transaction(() => {
    const t = mustFindTarget(ctx, input.id);
    if (t.locked !== input.locked) {
      prepared(ctx.db, 'update targets set locked = ?, updated_at = ? where id = ?').run(input.locked ? 1 : 0, nowIso(ctx), t.id);
      recordAudit(ctx, {
        action: input.locked ? 'lock' : 'unlock',
        entity: 'target',
        entityId: t.id,
        before: auditSnapshot(t),
        after: auditSnapshot({ ...t, locked: input.locked }),
      });
    }
    return { id: t.id, locked: input.locked };
  })();
}

export function deleteTarget(ctx: Ctx, input: ParsedInput<'targets.delete'>): Output<'targets.delete'> {
  return ctx.db.transaction(() => {
    const t = mustFindTarget(ctx, input.id);
    const deleted = deleteSubtrees(ctx, [t.id]);
    if (t.parentId !== null && childrenOf(ctx, t.parentId).length === 0)
      prepared(ctx.db, 'update targets set split = null where id = ?').run(t.parentId);
    recordAudit(ctx, { action: 'delete', entity: 'target', entityId: t.id, before: { ...auditSnapshot(t), subtreeSize: deleted } });
    return { id: t.id, deleted };
  })();
}

// ---------- decompose ----------

type ChildKey = Omit<NewTarget, 'value' | 'parentId' | 'note'>;
interface PlannedChild {
  key: ChildKey;
  weight: number;
}
const keyText = (k: Pick<ChildKey, 'level' | 'unitKey' | 'from' | 'to'>) => `${k.level}|${k.unitKey}|${k.from}|${k.to}`;

type DecomposeInput = ParsedInput<'targets.decompose'>;

function plainWeights(input: DecomposeInput, count: number): number[] {
  const weights = input.weights ?? [];
  if (weights.length === 0) throw new DomainError('VALIDATION', '权重：按权重分解时请给出权重', 'weights');
  if (weights.some((w) => typeof w !== 'number')) throw new DomainError('VALIDATION', '权重：按时间分解时每个期间给一个数', 'weights');
  if (weights.length !== count)
    throw new DomainError('VALIDATION', `权重：应有 ${count} 个（每个下级一个），收到 ${weights.length} 个`, 'weights');
  return weights as number[];
}

function timePlan(ctx: Ctx, parent: Target, input: DecomposeInput): PlannedChild[] {
  const kind = input.periodKind ?? finerKind(parent.periodKind);
  if (kind === null) throw new DomainError('VALIDATION', '期间类型：日目标不能再按时间分解', 'periodKind');
  if (kindIndex(kind) <= kindIndex(parent.periodKind))
    throw new DomainError('VALIDATION', `期间类型：应比 ${parent.period} 更短`, 'periodKind');
  const calendar = workCalendar(ctx);
  const periods = targetChildPeriods(ctx, parent, kind);
  if (periods.length === 0) throw new DomainError('VALIDATION', `期间类型：${parent.period} 内没有工作日`, 'periodKind');
  let weights: number[];
  switch (input.method) {
    case 'equal':
      // weeks share by their working days (a week clipped at a month end gets only its own days)
      weights = kind === 'week' ? periods.map((p) => calendar.countWorkingDays(p.from, p.to)) : periods.map(() => 1);
      if (weights.every((w) => w === 0)) throw new DomainError('VALIDATION', `期间类型：${parent.period} 内没有工作日`, 'periodKind');
      break;
    case 'weights':
      weights = plainWeights(input, periods.length);
      break;
    case 'history':
      weights = historyWeightsByTime(ctx, parent, ancestors(ctx, parent), periods);
      break;
  }
  return periods.map((p, i) => ({
    key: {
      metric: parent.metric,
      level: parent.level,
      unitKey: parent.unitKey,
      period: p.label,
      periodKind: kind,
      from: p.from,
      to: p.to,
    },
    weight: weights[i]!,
  }));
}

function unitPlan(ctx: Ctx, parent: Target, input: DecomposeInput): PlannedChild[] {
  const level = input.level ?? defaultChildLevel(ctx, parent.level, parent.unitKey);
  if (level === null) throw new DomainError('VALIDATION', `层级：请选择${levelLabel(parent.level)}之下分解到哪一层级`, 'level');
  if (!isFinerLevel(parent.level, level))
    throw new DomainError('VALIDATION', `层级：${levelLabel(parent.level)}目标不能分解到${levelLabel(level)}`, 'level');
  assertTrackable(parent.metric, level);
  const pairs = (input.weights ?? []).filter((w): w is [UnitId, number] => Array.isArray(w));
  let keys: string[];
  if (input.unitIds) keys = input.unitIds.map((u) => unitKeyOf(ctx, level, u as UnitId, 'unitIds'));
  else if (input.method === 'weights' && pairs.length > 0) keys = pairs.map(([u]) => unitKeyOf(ctx, level, u, 'weights'));
  else keys = defaultUnits(ctx, parent.level, parent.unitKey, level);
  if (new Set(keys).size !== keys.length) throw new DomainError('VALIDATION', '单位：同一单位出现了两次', 'unitIds');
  if (keys.includes(parent.unitKey) && level === parent.level) throw new DomainError('VALIDATION', '单位：不能分解给自己', 'unitIds');
  if (keys.length === 0)
    throw new DomainError('VALIDATION', `单位：${levelLabel(parent.level)}之下没有可分解的${levelLabel(level)}`, 'unitIds');
  let weights: number[];
  switch (input.method) {
    case 'equal':
      weights = keys.map(() => 1);
      break;
    case 'weights':
      if (pairs.length > 0) {
        if (pairs.length !== (input.weights ?? []).length)
          throw new DomainError('VALIDATION', '权重：按单位分解时每项写成 [单位, 权重]', 'weights');
        const byKey = new Map<string, number>();
        for (const [u, w] of pairs) {
          const k = unitKeyOf(ctx, level, u, 'weights');
          if (byKey.has(k)) throw new DomainError('VALIDATION', '权重：同一单位出现了两次', 'weights');
          byKey.set(k, w);
        }
        for (const k of byKey.keys())
          if (!keys.includes(k)) throw new DomainError('VALIDATION', '权重：给了不在分解单位中的单位', 'weights');
        weights = keys.map((k) => byKey.get(k) ?? 0);
      } else weights = plainWeights(input, keys.length);
      break;
    case 'history':
      weights = historyWeightsByUnit(ctx, parent, ancestors(ctx, parent), level, keys);
      break;
  }
  return keys.map((unitKey, i) => ({
    key: {
      metric: parent.metric,
      level,
      unitKey,
      period: parent.period,
      periodKind: parent.periodKind,
      from: parent.from,
      to: parent.to,
    },
    weight: weights[i]!,
  }));
}

/**
 * The parent's children become `plan`: locked children keep their values, the others share the rest by the plan's
 * weights (largest remainder); children in the plan already there keep their subtree (scaled), the others are
 * removed with theirs (refused if anything locked would go). Returns the children's ids in plan order.
 */
function applyPlan(ctx: Ctx, w: ValueWriter, parent: Target, by: 'time' | 'unit', plan: PlannedChild[], how: string): number[] {
  const existing = childrenOf(ctx, parent.id);
  const planned = new Set(plan.map((p) => keyText(p.key)));
  const byKey = new Map(existing.map((c) => [keyText(c), c]));
  for (const c of existing) {
    if (c.locked && !planned.has(keyText(c))) {
      const name = unitNames(ctx, c.level, [c.unitKey]).get(c.unitKey) ?? '';
      throw new DomainError('CONFLICT', `上级目标：已锁定的下级目标（${name} ${c.period}）不在新的分解中，请先解锁`, 'parentId');
    }
  }
  const lockedSum = plan.reduce((s, p) => s + (byKey.get(keyText(p.key))?.locked ? byKey.get(keyText(p.key))!.value : 0), 0);
  const rest = parent.value - lockedSum;
  if (rest < 0) throw new DomainError('CONFLICT', `上级目标：已锁定的下级合计 ${lockedSum} 超过了目标 ${parent.value}`, 'parentId');
  const free = plan.filter((p) => !byKey.get(keyText(p.key))?.locked);
  let shares: number[];
  if (free.length === 0) {
    if (rest > 0) throw new DomainError('CONFLICT', '上级目标：下级全部已锁定，余下的无处分配', 'parentId');
    shares = [];
  } else if (free.every((p) => p.weight === 0)) {
    if (rest > 0) throw new DomainError('VALIDATION', '权重：不能全部为 0', 'weights');
    shares = free.map(() => 0);
  } else {
    try {
      shares = largestRemainder(
        rest,
        free.map((p) => p.weight),
      );
    } catch (e) {
      if (e instanceof DecomposeError) throw new DomainError('VALIDATION', `权重：${e.message}`, 'weights');
      throw e;
    }
  }
  const shareOf = new Map(free.map((p, i) => [keyText(p.key), shares[i]!]));
  const before = existing.map((c) => ({ unitId: c.unitKey, period: c.period, value: c.value }));
  deleteSubtrees(
    ctx,
    existing.filter((c) => !planned.has(keyText(c))).map((c) => c.id),
    'parentId',
  );
  const ids: number[] = [];
  for (const p of plan) {
    const k = keyText(p.key);
    const old = byKey.get(k);
    if (old) {
      if (!old.locked) w.set(old, shareOf.get(k)!, 'parentId');
      ids.push(old.id);
    } else {
      ids.push(
        insertTarget(ctx, { ...p.key, value: shareOf.get(k)!, parentId: parent.id, note: '' }, by === 'unit' ? 'unitIds' : 'periodKind'),
      );
    }
  }
  if (parent.split !== by) prepared(ctx.db, 'update targets set split = ?, updated_at = ? where id = ?').run(by, nowIso(ctx), parent.id);
  parent.split = by;
  w.audit({
    action: 'decompose',
    entity: 'target',
    entityId: parent.id,
    before: { children: before },
    after: {
      split: by,
      how,
      children: plan.map((p, i) => {
        const old = byKey.get(keyText(p.key));
        return { unitId: p.key.unitKey, period: p.key.period, value: old?.locked ? old.value : shareOf.get(keyText(p.key))!, id: ids[i] };
      }),
    },
  });
  return ids;
}

function mustBeUnlocked(t: Target, field: string): void {
  if (t.locked)
    throw new DomainError('CONFLICT', `${field === 'parentId' ? '上级目标' : '目标'}：已锁定，不能分解或调整（请先解锁）`, field);
}

export function decomposeTarget(ctx: Ctx, input: DecomposeInput): Output<'targets.decompose'> {
  return ctx.db.transaction(() => {
    const parent = mustFindTarget(ctx, input.parentId, 'parentId');
    mustBeUnlocked(parent, 'parentId');
    if (input.method === 'weights' && input.weights && input.weights.every((x) => (Array.isArray(x) ? x[1] : x) === 0))
      throw new DomainError('VALIDATION', '权重：不能全部为 0', 'weights');
    const plan = input.by === 'time' ? timePlan(ctx, parent, input) : unitPlan(ctx, parent, input);
    const w = new ValueWriter(ctx);
    applyPlan(ctx, w, parent, input.by, plan, decomposeMethodLabels[input.method as DecomposeMethod].zh);
    w.flush();
    return { rows: targetRowsWhere(ctx, 't.parent_id = ?', [parent.id]) };
  })();
}

// ---------- scale / copy last year ----------

export function scaleTarget(ctx: Ctx, input: ParsedInput<'targets.scale'>): Output<'targets.scale'> {
  ctx.db.transaction(() => {
    const t = mustFindTarget(ctx, input.id);
    if (t.locked) throw new DomainError('CONFLICT', '目标：已锁定，不能按比例调整（请先解锁）', 'id');
    const value = scaleBp(t.value, input.factorBp);
    if (value > 1_000_000_000_000) throw new DomainError('VALIDATION', '比例：调整后的目标太大', 'factorBp');
    const w = new ValueWriter(ctx);
    w.ancestorsFollow(t, value - t.value, 'factorBp');
    w.set(t, value, 'factorBp');
    w.flush();
  })();
  return targetRow(ctx, input.id);
}

/** This year's label of last year's child period label (2024-W05 → 2025-W05). */
const nextYearLabel = (label: string) => `${String(Number(label.slice(0, 4)) + 1).padStart(4, '0')}${label.slice(4)}`;

/** Labels with their occurrence (a week split by a month end occurs twice under a quarter). */
function occurrenceKeys(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = seen.get(l) ?? 0;
    seen.set(l, n + 1);
    return `${l}#${n}`;
  });
}

/** dst's children take src's shape (src is the same unit a year earlier), recursively; dst's value stays. */
function copyShape(ctx: Ctx, w: ValueWriter, src: Target, dst: Target): void {
  const kids = childrenOf(ctx, src.id);
  if (kids.length === 0 || src.split === null) return;
  let plan: PlannedChild[];
  let srcFor: Array<Target | undefined>;
  if (src.split === 'unit') {
    plan = kids.map((k) => ({
      key: {
        metric: dst.metric,
        level: k.level,
        unitKey: k.unitKey,
        period: dst.period,
        periodKind: dst.periodKind,
        from: dst.from,
        to: dst.to,
      },
      weight: k.value,
    }));
    srcFor = kids;
  } else {
    const kind = kids[0]!.periodKind;
    const periods = targetChildPeriods(ctx, dst, kind);
    const srcKeys = occurrenceKeys(kids.map((k) => nextYearLabel(k.period)));
    const bySrcKey = new Map(srcKeys.map((key, i) => [key, kids[i]!]));
    srcFor = occurrenceKeys(periods.map((p) => p.label)).map((key) => bySrcKey.get(key));
    plan = periods.map((p, i) => ({
      key: { metric: dst.metric, level: dst.level, unitKey: dst.unitKey, period: p.label, periodKind: kind, from: p.from, to: p.to },
      weight: srcFor[i]?.value ?? 0,
    }));
  }
  // last year all zero: an equal split of the same shape
  if (plan.every((p) => p.weight === 0)) plan.forEach((p) => (p.weight = 1));
  const ids = applyPlan(ctx, w, dst, src.split, plan, '复制去年');
  ids.forEach((id, i) => {
    const s = srcFor[i];
    if (s) copyShape(ctx, w, s, mustFindTarget(ctx, id));
  });
}

export function copyLastYear(ctx: Ctx, input: ParsedInput<'targets.copyLastYear'>): Output<'targets.copyLastYear'> {
  return ctx.db.transaction(() => {
    const t = mustFindTarget(ctx, input.id);
    mustBeUnlocked(t, 'id');
    const prev = previousYear(periodOf(t));
    const row = prepared(
      ctx.db,
      `select id from targets where metric = ? and level = ? and unit_key = ? and period = ? and from_date = ? and to_date = ?`,
    ).get(t.metric, t.level, t.unitKey, prev.label, prev.from, prev.to) as { id: number } | undefined;
    const src = row && findTarget(ctx, row.id);
    if (!src) throw new DomainError('NOT_FOUND', `目标：去年同期（${prev.label}）没有同一指标、层级和单位的目标`, 'id');
    if (src.split === null)
      throw new DomainError('VALIDATION', `目标（编号 ${t.id}）：去年同期的目标（${prev.label}）没有分解，无可复制`, 'id');
    const w = new ValueWriter(ctx);
    copyShape(ctx, w, src, t);
    w.flush();
    return { rows: targetRowsWhere(ctx, 't.parent_id = ?', [t.id]) };
  })();
}
