// The funnel's arithmetic over stage changes, apart from SQL so hand-computed tests can check it.
// Decisions (issue 11): the cohort is the opportunities created in the period; a stage passed over counts as entered
// when a later one is reached (so the funnel never widens); a revisited stage counts once; days in a stage run from
// the change into it to the next change (an open stage until the period's end or today, whichever is earlier); a
// passed-over stage adds no days and no opportunity to its average.
import { funnelIndex, funnelStages, isClosedStage, type OpportunityStage } from '../../../../shared/domain/opportunity';

export interface StageChange {
  toStage: OpportunityStage;
  changedOn: string;
}

export interface FunnelOpportunity {
  amountFen: number;
  /** oldest first; the first is the creation */
  changes: readonly StageChange[];
}

export interface FunnelStageFigures {
  stage: (typeof funnelStages)[number];
  entered: number;
  amountFen: number;
  conversionBp: number | null;
  avgDays: number | null;
}

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Days spent in each stage (revisits added up); closed stages are ends, not stays. `until` ends the open stage. */
export function daysInStages(changes: readonly StageChange[], until: string): Map<OpportunityStage, number> {
  const days = new Map<OpportunityStage, number>();
  changes.forEach((c, i) => {
    if (isClosedStage(c.toStage)) return;
    const end = changes[i + 1]?.changedOn ?? until;
    const d = Math.max(0, daysBetween(c.changedOn, end < c.changedOn ? c.changedOn : end));
    days.set(c.toStage, (days.get(c.toStage) ?? 0) + d);
  });
  return days;
}

/** The furthest funnel step an opportunity reached (won = the last); -1 when none (cannot happen with a creation row). */
export function furthestStep(changes: readonly StageChange[]): number {
  return changes.reduce((m, c) => Math.max(m, funnelIndex(c.toStage)), -1);
}

const ratioBp = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 10_000) / whole));
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Count and amount entering each step, step-to-step conversion and average days in each step. */
export function funnelFigures(opportunities: readonly FunnelOpportunity[], until: string): FunnelStageFigures[] {
  const entered = funnelStages.map(() => 0);
  const amount = funnelStages.map(() => 0);
  const daysSum = funnelStages.map(() => 0);
  const daysCount = funnelStages.map(() => 0);
  for (const o of opportunities) {
    const furthest = furthestStep(o.changes);
    for (let i = 0; i <= furthest; i++) {
      entered[i]!++;
      amount[i]! += o.amountFen;
    }
    for (const [stage, d] of daysInStages(o.changes, until)) {
      const i = funnelIndex(stage);
      daysSum[i]! += d;
      daysCount[i]!++;
    }
  }
  return funnelStages.map((stage, i) => ({
    stage,
    entered: entered[i]!,
    amountFen: amount[i]!,
    conversionBp: i + 1 < funnelStages.length ? ratioBp(entered[i + 1]!, entered[i]!) : null,
    avgDays: stage === 'won' || daysCount[i] === 0 ? null : oneDecimal(daysSum[i]! / daysCount[i]!),
  }));
}

export { ratioBp, oneDecimal };
