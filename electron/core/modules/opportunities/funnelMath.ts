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

/** Days since 1970-01-01 of a YYYY-MM-DD (the SQL side reads the same number with julianday). */
export const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** A stage change as numbers: the funnel step (identify 0 … won 6, lost -1) and its day number. */
export interface StepChange {
  step: number;
  day: number;
}
export interface FunnelRow {
  amountFen: number;
  changes: readonly StepChange[];
}

const STEPS = funnelStages.length;
const WON = STEPS - 1;

/** Count and amount entering each step, step-to-step conversion and average days in each step. */
export function funnelFigures(opportunities: readonly FunnelOpportunity[], until: string): FunnelStageFigures[] {
  return funnelFiguresOf(
    opportunities.map((o) => ({
      amountFen: o.amountFen,
      changes: o.changes.map((c) => ({ step: funnelIndex(c.toStage), day: dayNumber(c.changedOn) })),
    })),
    dayNumber(until),
  );
}

/** The same over numbers: what the SQL read gives, without a date parsed per change. */
export function funnelFiguresOf(rows: readonly FunnelRow[], untilDay: number): FunnelStageFigures[] {
  const entered = new Array<number>(STEPS).fill(0);
  const amount = new Array<number>(STEPS).fill(0);
  const daysSum = new Array<number>(STEPS).fill(0);
  const daysCount = new Array<number>(STEPS).fill(0);
  const stay = new Array<number>(STEPS).fill(-1); // this opportunity's days per step; -1: never in it
  for (const o of rows) {
    let furthest = -1;
    const n = o.changes.length;
    for (let k = 0; k < n; k++) {
      const c = o.changes[k]!;
      if (c.step > furthest) furthest = c.step;
      if (c.step < 0 || c.step === WON) continue; // closed: an end, not a stay
      const end = k + 1 < n ? o.changes[k + 1]!.day : untilDay;
      stay[c.step] = Math.max(0, stay[c.step]!) + Math.max(0, end - c.day);
    }
    for (let i = 0; i <= furthest; i++) {
      entered[i]!++;
      amount[i]! += o.amountFen;
    }
    for (let i = 0; i < STEPS; i++) {
      if (stay[i]! < 0) continue;
      daysSum[i]! += stay[i]!;
      daysCount[i]!++;
      stay[i] = -1;
    }
  }
  return figuresOf(entered, amount, daysSum, daysCount);
}

function figuresOf(entered: number[], amount: number[], daysSum: number[], daysCount: number[]): FunnelStageFigures[] {
  return funnelStages.map((stage, i) => ({
    stage,
    entered: entered[i]!,
    amountFen: amount[i]!,
    conversionBp: i + 1 < STEPS ? ratioBp(entered[i + 1]!, entered[i]!) : null,
    avgDays: stage === 'won' || daysCount[i] === 0 ? null : oneDecimal(daysSum[i]! / daysCount[i]!),
  }));
}

/**
 * The figures from SQL's sums: rows [0, furthest step, opportunities, Σ amount] (entered = furthest at or beyond the
 * step) and [1, step, opportunities that stayed in it, Σ their days].
 */
export function figuresFromSums(rows: ReadonlyArray<readonly [0 | 1, number, number, number]>): FunnelStageFigures[] {
  const entered = new Array<number>(STEPS).fill(0);
  const amount = new Array<number>(STEPS).fill(0);
  const daysSum = new Array<number>(STEPS).fill(0);
  const daysCount = new Array<number>(STEPS).fill(0);
  for (const [kind, step, n, v] of rows) {
    if (step < 0 || step >= STEPS) continue;
    if (kind === 0) {
      for (let i = 0; i <= step; i++) {
        entered[i]! += n;
        amount[i]! += v;
      }
    } else {
      daysCount[step]! += n;
      daysSum[step]! += v;
    }
  }
  return figuresOf(entered, amount, daysSum, daysCount);
}

export { ratioBp, oneDecimal };
