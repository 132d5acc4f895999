// 按去年实际 Decomposition by last year's actual: the same metric's actual a year earlier, per child period (the
// target's unit within its ancestors' units) or per child unit, as weights. Negative actuals (more returned than
// sold) weigh 0.
import type { Ctx } from '../../context';
import { previousYear, type Period } from '../../../../shared/periods';
import { DomainError } from '../../errors';
import type { TargetLevel } from '../../../../shared/domain/targets';
import { actualsByUnit, dailyActuals, type ScopeUnit } from './actuals';
import { periodOf, type Target } from './store';

/** The unit filters a target's documents must meet: its own unit and every ancestor's (company adds none). */
function scopeOf(t: Target, above: readonly Target[]): ScopeUnit[] {
  const out: ScopeUnit[] = [];
  const seen = new Set<string>();
  for (const a of [t, ...above]) {
    const k = `${a.level}|${a.unitKey}`;
    if (a.level === 'company' || seen.has(k)) continue;
    seen.add(k);
    out.push({ level: a.level, unitKey: a.unitKey });
  }
  return out;
}

function noHistory(t: Target, prev: Period): DomainError {
  return new DomainError('VALIDATION', `分解方式「按去年实际」：去年同期（${prev.from} 至 ${prev.to}）没有实际数据，不能按去年实际分解`);
}

/** Last year's actual of the target's unit in each child period (the same period a year earlier). */
export function historyWeightsByTime(ctx: Ctx, parent: Target, above: readonly Target[], periods: readonly Period[]): number[] {
  const prev = previousYear(periodOf(parent));
  const prevPeriods = periods.map((p) => previousYear(p));
  const from = prevPeriods.reduce((m, p) => (p.from < m ? p.from : m), prev.from);
  const to = prevPeriods.reduce((m, p) => (p.to > m ? p.to : m), prev.to);
  const byDay = dailyActuals(ctx, { metric: parent.metric, from, to, scope: scopeOf(parent, above) });
  const days = [...byDay.entries()];
  const weights = prevPeriods.map((p) => {
    let sum = 0;
    for (const [day, v] of days) if (day >= p.from && day <= p.to) sum += v;
    return Math.max(0, sum);
  });
  if (weights.every((w) => w === 0)) throw noHistory(parent, prev);
  return weights;
}

/** Last year's actual of each child unit over the parent's period a year earlier, within the parent's units. */
export function historyWeightsByUnit(
  ctx: Ctx,
  parent: Target,
  above: readonly Target[],
  level: TargetLevel,
  keys: readonly string[],
): number[] {
  const prev = previousYear(periodOf(parent));
  const actual = actualsByUnit(ctx, {
    metric: parent.metric,
    level,
    from: prev.from,
    to: prev.to,
    scope: scopeOf(parent, above),
    unitKeys: keys,
  });
  const weights = keys.map((k) => Math.max(0, actual.get(k) ?? 0));
  if (weights.every((w) => w === 0)) throw noHistory(parent, prev);
  return weights;
}
