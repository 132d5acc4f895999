// The 目标达成 screen's pure parts: basis points as percentages, the bar's widths, where a row drills down to, the
// breadcrumb in the address, and the period a change of kind lands on.
import { metricLevels, type TrackingRow } from '@shared/contract/tracking';
import { targetLevels, type TargetLevel, type TargetMetric } from '@shared/domain/targets';

export type PeriodChoice = 'month' | 'quarter' | 'year';
export interface Crumb {
  level: TargetLevel;
  unitId: TrackingRow['unitId'];
  name: string;
}

/** 3847 → "38.47%"; null (a 0 target, a period without working days) → "—" (PRODUCT §3). */
export function bpText(bp: number | null, percent = true): string {
  if (bp === null) return '—';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  if (!percent) {
    // points: 500 → "5", 550 → "5.5"
    const cents = abs % 100;
    return `${sign}${Math.floor(abs / 100)}${cents ? `.${String(cents).padStart(2, '0').replace(/0$/, '')}` : ''}`;
  }
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** A bar's width or marker position: the bp clamped to 0–100%. */
export function barWidth(bp: number | null): string {
  const v = Math.min(10_000, Math.max(0, bp ?? 0));
  return `${v / 100}%`;
}

/** Where a row leads: company → regions, region → its reps, team → reps, rep → customers, a category → its
 *  sub-categories, a dealer / settlement / channel type → customers; none when the metric cannot go there. */
export function drillLevelOf(level: TargetLevel, metric: TargetMetric): TargetLevel | null {
  const next: Partial<Record<TargetLevel, TargetLevel>> = {
    company: 'region',
    region: 'rep',
    team: 'rep',
    rep: 'customer',
    productCategory: 'productCategory',
    dealer: 'customer',
    settlement: 'customer',
    channelType: 'customer',
  };
  const to = next[level];
  return to && metricLevels[metric].includes(to) ? to : null;
}

/** The breadcrumb from the address (JSON); anything malformed reads as none. */
export function parseWithin(raw: string): Crumb[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return [];
    return v
      .filter(
        (c): c is Crumb =>
          typeof c === 'object' &&
          c !== null &&
          (targetLevels as readonly string[]).includes((c as Crumb).level) &&
          (typeof (c as Crumb).unitId === 'number' || typeof (c as Crumb).unitId === 'string') &&
          typeof (c as Crumb).name === 'string',
      )
      .slice(0, 8);
  } catch {
    return [];
  }
}

/** The period of another kind in the same year: the as-of date's month or quarter when it is that year, else the first. */
export function periodFor(kind: PeriodChoice, current: string, asOf: string): string {
  const year = current.slice(0, 4);
  const month = asOf.startsWith(year) ? Number(asOf.slice(5, 7)) : 1;
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}
