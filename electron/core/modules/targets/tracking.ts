// 目标达成 Tracking: each unit's target for the period against its actual as of a date, and both against the
// working-day time progress. Which rows: under a parent target (or a breadcrumb of units) the units of the level whose
// targets hang below it in the target tree, plus the units of that level within its units that have documents; without
// one, every unit of the level with a target for the period or with documents. A row's target is the row of exactly that
// metric, level, unit and date range, or else what the target trees imply (resolve.ts: the company's month is the sum
// of the reps' months when the company year was split into reps; a quarter the sum of its months) — never pro-rated.
// Region and product-category rows are siblings (the children of the deepest region in the scope, or the top level) or
// the targeted nodes, never a node beside its own ancestor, so the total never counts a document twice.
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { TrackingRow } from '../../../../shared/contract/tracking';
import { timeProgressBp, type WorkCalendar } from '../../../../shared/calendar';
import {
  metricDefinitions,
  targetLevelLabels,
  type TargetLevel,
  type TargetMetric,
  type TrackingStatus,
} from '../../../../shared/domain/targets';
import { channelTypeLabels, channelTypes } from '../../../../shared/domain/dealer';
import { settlementLabels, settlements } from '../../../../shared/domain/money';
import { parsePeriod } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import { repLeaveDays, workCalendar } from '../calendar/calendar';
import { readSetting, toleranceOf } from '../settings/settings';
import { mulDivRound } from '../orders/amounts';
import { actualsByUnit, assertMetricLevel, type ScopeUnit } from './actuals';
import { TargetForest } from './resolve';

type Input = ParsedInput<'targets.tracking'>;
type Output_ = Output<'targets.tracking'>;

interface TargetRef {
  id: number;
  metric: TargetMetric;
  level: TargetLevel;
  unitKey: string;
  parentId: number | null;
}

const recordTables: Partial<Record<TargetLevel, string>> = {
  region: 'regions',
  team: 'teams',
  rep: 'reps',
  customer: 'customers',
  productCategory: 'product_categories',
  dealer: 'dealers',
};

/** The tolerance (bp of achievement) within which a unit behind the time progress is still 正常 (settings, default 500). */
export function trackingToleranceBp(ctx: Ctx): number {
  return toleranceOf(readSetting(ctx, 'trackingToleranceBp'));
}

function findRef(ctx: Ctx, id: number): TargetRef | undefined {
  return prepared(ctx.db, 'select id, metric, level, unit_key as unitKey, parent_id as parentId from targets where id = ?').get(id) as
    TargetRef | undefined;
}

/** The parent target's own unit and each ancestor's, deepest first. */
function scopeOfTarget(ctx: Ctx, parent: TargetRef): ScopeUnit[] {
  const out: ScopeUnit[] = [];
  const seen = new Set<number>();
  for (let t: TargetRef | undefined = parent; t && !seen.has(t.id); t = t.parentId === null ? undefined : findRef(ctx, t.parentId)) {
    seen.add(t.id);
    out.push({ level: t.level, unitKey: t.unitKey });
  }
  return out;
}

/** Names of units of one level by unit_key; settlements and channel types by their Chinese labels. */
function unitNames(ctx: Ctx, level: TargetLevel, keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (level === 'company') {
    out.set('', readSetting(ctx, 'companyName') || targetLevelLabels.company.zh);
    return out;
  }
  if (level === 'settlement' || level === 'channelType') {
    const labels: Record<string, { zh: string }> = level === 'settlement' ? settlementLabels : channelTypeLabels;
    for (const k of keys) out.set(k, labels[k]?.zh ?? k);
    return out;
  }
  if (keys.length === 0) return out;
  const rows = prepared(ctx.db, `select id, name from ${recordTables[level]!} where id in (select value from json_each(?))`).all(
    JSON.stringify(keys.map(Number)),
  ) as Array<{ id: number; name: string }>;
  for (const r of rows) out.set(String(r.id), r.name);
  return out;
}

/** Target ids of (metric, level, range) with the anchor unit somewhere above them in the target tree. */
function targetsUnder(ctx: Ctx, metric: TargetMetric, level: TargetLevel, from: string, to: string, anchor: ScopeUnit): Set<string> {
  const rows = prepared(
    ctx.db,
    `with recursive up(unit, pid, level, key) as (
       select unit_key, parent_id, level, unit_key from targets where metric = ? and level = ? and from_date = ? and to_date = ?
       union all
       select up.unit, t.parent_id, t.level, t.unit_key from up join targets t on t.id = up.pid)
     select distinct unit from up where level = ? and key = ?`,
  ).all(metric, level, from, to, anchor.level, anchor.unitKey) as Array<{ unit: string }>;
  return new Set(rows.map((r) => r.unit));
}

/** Region / category rows: the targeted nodes, plus the children of `parentKey` (top level when null) with documents
 *  that neither contain nor lie inside a targeted node. */
function treeRows(
  ctx: Ctx,
  table: 'regions' | 'product_categories',
  targeted: ReadonlySet<string>,
  withActual: Iterable<string>,
  parentKey: string | null,
): Set<string> {
  const rows = prepared(ctx.db, `select id, parent_id as parentId, path from ${table}`).all() as Array<{
    id: number;
    parentId: number | null;
    path: string;
  }>;
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const targetedPaths = [...targeted].map((k) => byId.get(k)?.path).filter((p): p is string => p !== undefined);
  const out = new Set(targeted);
  for (const k of withActual) {
    const r = byId.get(k);
    if (!r || (r.parentId === null ? null : String(r.parentId)) !== parentKey) continue;
    if (targetedPaths.some((p) => p.startsWith(r.path) || r.path.startsWith(p))) continue;
    out.add(k);
  }
  return out;
}

/** Working days of [from, to] in all and elapsed as of `asOf` (included), and the time progress — minus a rep's leave. */
function dayProgress(calendar: WorkCalendar, from: string, to: string, asOf: string, leave?: ReadonlySet<string>) {
  return {
    total: calendar.countWorkingDays(from, to, leave),
    elapsed: calendar.elapsedWorkingDays(from, to, asOf, leave),
    progressBp: timeProgressBp(calendar, from, to, asOf, leave),
  };
}

interface Figures {
  target: number | null;
  actual: number;
  total: number;
  elapsed: number;
  progressBp: number | null;
}

/** One row's figures: achievement, gap, run-rate and status against the time progress (PRODUCT §2.4, §3). */
export function figure(metric: TargetMetric, f: Figures, toleranceBp: number) {
  const lower = metricDefinitions[metric].direction === 'lower';
  const target = f.target ?? 0;
  const achievementBp = target > 0 ? mulDivRound(f.actual, 10_000, target) : null;
  const gap = f.target === null ? 0 : target - f.actual;
  const remaining = f.total - f.elapsed;
  // higher: what must still be done per remaining day (rounded up); the budget: what may still be spent (rounded down)
  const requiredPerDay = remaining > 0 && gap > 0 ? (lower ? Math.floor(gap / remaining) : Math.ceil(gap / remaining)) : 0;
  const progress = f.progressBp ?? 0;
  let status: TrackingStatus;
  if (f.target === null) status = 'noTarget';
  else if (lower) {
    if (f.actual > target) status = 'behind';
    else if (achievementBp === null || achievementBp <= progress) status = 'ahead';
    else status = achievementBp - progress <= toleranceBp ? 'onTrack' : 'behind';
  } else if (achievementBp === null || achievementBp >= progress) status = 'ahead';
  else status = progress - achievementBp <= toleranceBp ? 'onTrack' : 'behind';
  return { target, actual: f.actual, achievementBp, timeProgressBp: f.progressBp, gap, requiredPerDay, status };
}

/** The unit the rows lie within (the parent target's, or the breadcrumb's last): its own target for the period and its
 *  actual within its own ancestors' units, so the screen can show what the rows add up to against it. */
function scopeRow(
  ctx: Ctx,
  metric: TargetMetric,
  unit: ScopeUnit,
  above: readonly ScopeUnit[],
  range: { from: string; to: string; asOf: string; asOfTo: string },
  tolerance: number,
): Output_['scope'] {
  const { from, to, asOf, asOfTo } = range;
  const resolved = TargetForest.load(ctx, metric, from, to).resolve(unit.level, unit.unitKey, from, to);
  const target = resolved && { id: resolved.targetId, value: resolved.value };
  const actual =
    actualsByUnit(ctx, { metric, level: unit.level, from, to: asOfTo, scope: above, unitKeys: [unit.unitKey] }).get(unit.unitKey) ?? 0;
  const calendar = workCalendar(ctx);
  const leave = unit.level === 'rep' ? repLeaveDays(ctx, [Number(unit.unitKey)], from, to).get(Number(unit.unitKey)) : undefined;
  const f = figure(
    metric,
    {
      target: target ? target.value : null,
      actual,
      ...dayProgress(calendar, from, to, asOf, leave),
    },
    tolerance,
  );
  const unitId = recordTables[unit.level] ? Number(unit.unitKey) : (unit.unitKey as TrackingRow['unitId']);
  return {
    level: unit.level,
    unitId,
    name: unitNames(ctx, unit.level, [unit.unitKey]).get(unit.unitKey) ?? unit.unitKey,
    ...f,
    targetId: target?.id ?? null,
  };
}

export function tracking(ctx: Ctx, input: Input): Output_ {
  const { metric, level } = input;
  assertMetricLevel(metric, level);
  const period = parsePeriod(input.period)!;
  const { from, to } = period;
  // the scope, deepest unit first: the breadcrumb's units (given top-down), then the parent target's and its ancestors'
  const scope: ScopeUnit[] = [];
  const add = (u: ScopeUnit) => {
    if (u.level !== 'company' && !scope.some((s) => s.level === u.level && s.unitKey === u.unitKey)) scope.push(u);
  };
  const within = input.within ?? [];
  for (let i = within.length - 1; i >= 0; i--) {
    const w = within[i]!;
    if (w.level === 'company') continue;
    const unitKey = String(w.unitId);
    const table = recordTables[w.level];
    const known = table
      ? prepared(ctx.db, `select 1 from ${table} where id = ?`).get(Number(unitKey)) !== undefined
      : ((w.level === 'settlement' ? settlements : channelTypes) as readonly string[]).includes(unitKey);
    if (!known) throw new DomainError('REFERENCE', `范围：${targetLevelLabels[w.level].zh}不存在（${unitKey}）`, `within.${i}.unitId`);
    add({ level: w.level, unitKey });
  }
  if (input.parentId !== undefined) {
    const parent = findRef(ctx, input.parentId);
    if (!parent) throw notFound('上级目标', input.parentId, 'parentId');
    if (parent.metric !== metric)
      throw new DomainError(
        'VALIDATION',
        `上级目标：指标是${metricDefinitions[parent.metric].label.zh}，不是${metricDefinitions[metric].label.zh}`,
        'parentId',
      );
    scopeOfTarget(ctx, parent).forEach(add);
  }
  const anchor = scope[0];
  const asOfTo = input.asOf < to ? input.asOf : to;
  const actuals = actualsByUnit(ctx, { metric, level, from, to: asOfTo, scope });

  const targetRows = prepared(
    ctx.db,
    'select id, unit_key as unitKey, value from targets where metric = ? and level = ? and from_date = ? and to_date = ?',
  ).all(metric, level, from, to) as Array<{ id: number; unitKey: string; value: number }>;
  const targetOf = new Map<string, { id: number | null; value: number }>(targetRows.map((t) => [t.unitKey, t]));
  // without an exact row, the target the trees imply (the company's month = Σ the reps' months), never pro-rated
  const forest = TargetForest.load(ctx, metric, from, to);
  const targetFor = (key: string) => {
    let t = targetOf.get(key);
    if (!t) {
      const resolved = forest.resolve(level, key, from, to);
      if (resolved) targetOf.set(key, (t = { id: resolved.targetId, value: resolved.value }));
    }
    return t;
  };
  const targeted = anchor ? targetsUnder(ctx, metric, level, from, to, anchor) : new Set(targetOf.keys());
  if (!anchor) for (const key of forest.unitKeys(level)) if (targetFor(key)) targeted.add(key);

  let units: Set<string>;
  if (level === 'region' || level === 'productCategory') {
    const parentKey = scope.find((s) => s.level === level)?.unitKey ?? null;
    units = treeRows(ctx, level === 'region' ? 'regions' : 'product_categories', targeted, actuals.keys(), parentKey);
  } else units = new Set([...targeted, ...actuals.keys()]);
  if (level === 'company') units = new Set(['']);
  const keys = [...units];

  const calendar = workCalendar(ctx);
  const company = dayProgress(calendar, from, to, input.asOf);
  const leave = level === 'rep' ? repLeaveDays(ctx, keys.map(Number), from, to) : new Map<number, Set<string>>();
  const tolerance = trackingToleranceBp(ctx);
  const names = unitNames(ctx, level, keys);

  const rows: TrackingRow[] = keys.map((key) => {
    const t = targetFor(key);
    const repLeave = level === 'rep' ? leave.get(Number(key)) : undefined;
    const f = figure(
      metric,
      {
        target: t ? t.value : null,
        actual: actuals.get(key) ?? 0,
        ...(repLeave ? dayProgress(calendar, from, to, input.asOf, repLeave) : company),
      },
      tolerance,
    );
    const unitId = level === 'company' ? null : recordTables[level] ? Number(key) : (key as TrackingRow['unitId']);
    return { unitId, name: names.get(key) ?? key, ...f, rank: null, targetId: t?.id ?? null };
  });

  // rank among the rows with a target: by achievement (the budget: the lowest use first); a 0 target ranks last
  const lower = metricDefinitions[metric].direction === 'lower';
  const score = (r: TrackingRow) => (r.achievementBp === null ? -Infinity : lower ? -r.achievementBp : r.achievementBp);
  const ranked = rows.filter((r) => r.status !== 'noTarget').sort((a, b) => score(b) - score(a));
  ranked.forEach((r, i) => {
    r.rank = i > 0 && score(ranked[i - 1]!) === score(r) ? ranked[i - 1]!.rank : i + 1;
  });
  const unranked = rows.filter((r) => r.status === 'noTarget').sort((a, b) => b.actual - a.actual || a.name.localeCompare(b.name, 'zh-CN'));

  const withTarget = ranked.length > 0;
  const total = figure(
    metric,
    {
      target: withTarget ? ranked.reduce((s, r) => s + r.target, 0) : null,
      actual: rows.reduce((s, r) => s + r.actual, 0),
      ...company,
    },
    tolerance,
  );
  const yearsWithoutSchedule: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!calendar.hasOfficialSchedule(y)) yearsWithoutSchedule.push(y);

  return {
    unit: metricDefinitions[metric].unit,
    from,
    to,
    workingDays: company.total,
    workingDaysElapsed: company.elapsed,
    toleranceBp: tolerance,
    yearsWithoutSchedule,
    scope: anchor ? scopeRow(ctx, metric, anchor, scope.slice(1), { from, to, asOf: input.asOf, asOfTo }, tolerance) : null,
    rows: [...ranked, ...unranked],
    total: { name: '合计', ...total },
  };
}

/** The daily report's month-to-date target line: the rep's sales target for the report's month (as the trees give it),
 *  the sales from the 1st through `date`, achievement and time progress (the rep's leave taken off), the status. */
export function repSalesMonthToDate(ctx: Ctx, repId: number, date: string) {
  const { from, to } = parsePeriod(date.slice(0, 7))!;
  const target = TargetForest.load(ctx, 'sales', from, to).resolve('rep', String(repId), from, to);
  const actual = actualsByUnit(ctx, { metric: 'sales', level: 'rep', from, to: date, unitKeys: [String(repId)] }).get(String(repId)) ?? 0;
  const calendar = workCalendar(ctx);
  const leave = repLeaveDays(ctx, [repId], from, to).get(repId);
  const f = figure(
    'sales',
    {
      target: target ? target.value : null,
      actual,
      ...dayProgress(calendar, from, to, date, leave),
    },
    trackingToleranceBp(ctx),
  );
  return {
    salesTargetFen: target ? target.value : null,
    salesActualFen: actual,
    achievementBp: f.achievementBp,
    timeProgressBp: f.timeProgressBp,
    targetStatus: f.status,
  };
}
