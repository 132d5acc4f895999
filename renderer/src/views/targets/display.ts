// How a target's figures read on screen: money metrics in 元 with 2 decimals and thousands separators, counts as
// whole numbers with separators; a unit's name for the company; periods in the user's language.
import { formatFen, groupThousands, parseYuanToFen, toHalfWidth } from '@shared/money';
import { metricDefinitions, targetLevelLabels, type TargetLevel, type TargetMetric } from '@shared/domain/targets';
import { parsePeriod } from '@shared/periods';
import type { TargetRow } from '@shared/contract/targets';
import { i18n, pickLabel } from '@/i18n';

/** a unit: an id, or a settlement / channel type code */
export type UnitId = NonNullable<TargetRow['unitId']>;

export const isMoney = (metric: TargetMetric) => metricDefinitions[metric].unit === 'fen';

/** A value in the metric's unit as text: "1,234,567.89" for 分, "1,234" for a count. */
export function showValue(metric: TargetMetric, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return isMoney(metric) ? formatFen(value) : `${value < 0 ? '-' : ''}${groupThousands(Math.abs(value))}`;
}

/** Typed text → the metric's unit (分 from 元, or a whole count); null when it is not one. */
export function parseValue(metric: TargetMetric, text: string): number | null {
  if (isMoney(metric)) return parseYuanToFen(text);
  const s = toHalfWidth(text).replace(/[\s,]/g, '');
  return /^\d{1,13}$/.test(s) ? Number(s) : null;
}

/** The value as an input starts from it: no grouping, so it edits as typed. */
export function editText(metric: TargetMetric, value: number | null): string {
  if (value === null) return '';
  return isMoney(metric) ? formatFen(value, { grouping: false }) : String(value);
}

/** part / whole as "12.34%" (two decimals, half up, integers only); '' when the whole is 0. */
export function sharePercent(part: number, whole: number): string {
  if (whole <= 0) return '';
  const bp = Math.floor((part * 10000 * 2 + whole) / (2 * whole));
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

export const levelLabel = (level: TargetLevel) => pickLabel(targetLevelLabels[level], i18n.global.locale.value);
export const metricLabel = (metric: TargetMetric) => pickLabel(metricDefinitions[metric].label, i18n.global.locale.value);

/** 2026 → 2026年 / 2026-Q1 → 2026年第1季度 / 2026-03 → 2026年3月 (en: the label as is, which reads well). */
export function periodLabel(period: string): string {
  if (i18n.global.locale.value === 'en') return period;
  const p = parsePeriod(period);
  if (!p) return period;
  const [y, rest] = [period.slice(0, 4), period.slice(5)];
  switch (p.kind) {
    case 'year':
      return `${y}年`;
    case 'quarter':
      return `${y}年第${rest.slice(1)}季度`;
    case 'month':
      return `${y}年${Number(rest)}月`;
    case 'week':
      // a week clipped at a month end keeps its ISO label; its own dates tell which part it is
      return `${y}年第${Number(rest.slice(1))}周`;
    case 'day':
      return period;
  }
}

/** A month column's short heading: 1月 / Jan. */
export function monthHeading(period: string): string {
  const m = Number(period.slice(5, 7));
  if (!m) return period;
  return i18n.global.locale.value === 'en'
    ? ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]!
    : `${m}月`;
}

/** "华东区 · 2026年" — who and when, for breadcrumbs and titles. */
export function targetName(row: Pick<TargetRow, 'level' | 'unitName' | 'period'>): string {
  const who = row.level === 'company' ? i18n.global.t('target.company') : row.unitName;
  return `${who} · ${periodLabel(row.period)}`;
}

/** A child's label in its parent's table: its period when split by time, its unit when split by unit. */
export function childLabel(row: TargetRow, split: 'time' | 'unit' | null): string {
  if (split === 'time') {
    const base = periodLabel(row.period);
    const p = parsePeriod(row.period);
    // weeks clipped at month ends share a label: their dates tell them apart
    return row.periodKind === 'week' && p && (p.from !== row.from || p.to !== row.to)
      ? `${base}（${row.from.slice(5)}～${row.to.slice(5)}）`
      : base;
  }
  return row.level === 'company' ? i18n.global.t('target.company') : row.unitName;
}
