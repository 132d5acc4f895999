// 业绩考核 Rep evaluation: the components of the weighted total, their labels and default weights, and the rules the
// figures follow (deadlines of the daily forms, the visits-per-day standard). Pure data and arithmetic.
import type { Labelled } from './customer';

/**
 * What the weighted total is made of. Each component is a rate of full marks in bp (10000 = full marks):
 * - salesAchievement / collectionsAchievement: actual ÷ target, capped at 100 % (no target → not rated);
 * - visitsPerDay: visits per attended working day ÷ the standard, capped at 100 %;
 * - reportCompliance: the compliance rate itself;
 * - cooperation / enthusiasm / responsibility: the supervisor's score ÷ 5 (not yet scored → not rated).
 */
export const evaluationComponents = [
  'salesAchievement',
  'collectionsAchievement',
  'visitsPerDay',
  'reportCompliance',
  'cooperation',
  'enthusiasm',
  'responsibility',
] as const;
export type EvaluationComponent = (typeof evaluationComponents)[number];

export const evaluationComponentLabels: Record<EvaluationComponent, Labelled> = {
  salesAchievement: { zh: '销售目标达成率', en: 'Sales target achievement' },
  collectionsAchievement: { zh: '回款目标达成率', en: 'Collections target achievement' },
  visitsPerDay: { zh: '日均拜访', en: 'Visits per day' },
  reportCompliance: { zh: '报表合规率', en: 'Report compliance' },
  cooperation: { zh: '合作精神', en: 'Cooperation' },
  enthusiasm: { zh: '工作热情', en: 'Enthusiasm' },
  responsibility: { zh: '责任感', en: 'Responsibility' },
};

export type EvaluationWeights = Record<EvaluationComponent, number>;

/** Default weights in bp, summing to 10000. */
export const DEFAULT_EVALUATION_WEIGHTS: EvaluationWeights = {
  salesAchievement: 3000,
  collectionsAchievement: 2000,
  visitsPerDay: 1000,
  reportCompliance: 1000,
  cooperation: 1000,
  enthusiasm: 1000,
  responsibility: 1000,
};

/** Completed visits per attended working day that earn full marks, ×100 (600 = 6 visits a day). */
export const DEFAULT_STANDARD_VISITS_PER_DAY_X100 = 600;
/** A customer with an order in the 12 months before the period end but none in its last N days is lost. */
export const DEFAULT_LOST_CUSTOMER_DAYS = 90;

/** A plan is on time when submitted by this hour (office time) of its own day: the visits start after it. */
export const PLAN_DUE_HOUR = 12;
/** A report is on time when submitted by this hour (office time) of the next day. */
export const REPORT_DUE_HOUR = 12;

/** a × scale ÷ b rounded half away from zero, exact for any fen amount; null when b is 0. */
export function ratioHalfUp(a: number, b: number, scale: number): number | null {
  if (b === 0) return null;
  const num = BigInt(a) * BigInt(scale);
  const den = BigInt(b);
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  return Number(neg ? -q : q);
}

/** Each component's rate of full marks (bp, 0–10000) or null when it cannot be rated for this rep and period. */
export interface ComponentInputs {
  achievementBp: number | null;
  collectionsAchievementBp: number | null;
  visitsPerDayX100: number | null;
  complianceBp: number | null;
  scores: { cooperation: number; enthusiasm: number; responsibility: number } | null;
}

export function componentRates(f: ComponentInputs, standardVisitsPerDayX100: number): Record<EvaluationComponent, number | null> {
  const capped = (bp: number | null) => (bp === null ? null : Math.max(0, Math.min(10000, bp)));
  return {
    salesAchievement: capped(f.achievementBp),
    collectionsAchievement: capped(f.collectionsAchievementBp),
    visitsPerDay: f.visitsPerDayX100 === null ? null : capped(ratioHalfUp(f.visitsPerDayX100, standardVisitsPerDayX100, 10000)),
    reportCompliance: capped(f.complianceBp),
    cooperation: f.scores ? f.scores.cooperation * 2000 : null,
    enthusiasm: f.scores ? f.scores.enthusiasm * 2000 : null,
    responsibility: f.scores ? f.scores.responsibility * 2000 : null,
  };
}

/**
 * The weighted total in bp of full marks (10000 = 100 分): Σ rate × weight ÷ Σ weight over the components that can be
 * rated — a component without data (no target, not yet scored) is left out and the others' weights scaled up to the
 * whole, so it neither counts as 0 nor as full marks. Null when no weighted component can be rated.
 */
export function weightedTotal(rates: Record<EvaluationComponent, number | null>, weights: EvaluationWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const c of evaluationComponents) {
    const rate = rates[c];
    if (rate === null || weights[c] === 0) continue;
    sum += rate * weights[c];
    weight += weights[c];
  }
  return weight === 0 ? null : ratioHalfUp(sum, weight, 1);
}

/** Competition ranking (1, 1, 3 …) by total, highest first; null totals are not ranked. */
export function rankBy<T>(rows: readonly T[], total: (row: T) => number | null): Map<T, number | null> {
  const out = new Map<T, number | null>();
  const sorted = rows.filter((r) => total(r) !== null).sort((a, b) => total(b)! - total(a)!);
  sorted.forEach((r, i) => out.set(r, i > 0 && total(sorted[i - 1]!) === total(r) ? out.get(sorted[i - 1]!)! : i + 1));
  for (const r of rows) if (!out.has(r)) out.set(r, null);
  return out;
}
