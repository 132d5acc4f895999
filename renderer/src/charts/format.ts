// Number formatting for charts: 万 / 亿 on axes (K / M / B in English), ¥ with thousands separators in tooltips, % with
// one decimal.
import { formatFen, groupThousands } from '@shared/money';

/** Trailing zeros of the decimals only: 5.50 → 5.5, 5.00 → 5, 5710 stays. */
const trim = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

/** 1.23 / 12.3 / 123 / 1234: about three significant digits, trailing zeros dropped. */
const short = (n: number) => trim(n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2));

/** [from, divisor, unit]: how axes shorten large numbers, in Chinese and in English (below 10,000 nothing is shortened). */
const ZH_UNITS: ReadonlyArray<readonly [number, number, string]> = [
  [1e8, 1e8, '亿'],
  [1e4, 1e4, '万'],
];
const EN_UNITS: ReadonlyArray<readonly [number, number, string]> = [
  [1e9, 1e9, 'B'],
  [1e6, 1e6, 'M'],
  [1e4, 1e3, 'K'],
];
let units = ZH_UNITS;
/** Set with the UI language (stores/app.ts): the charts drawn next shorten numbers that language's way. */
export function setCompactUnits(locale: string): void {
  units = locale === 'en' ? EN_UNITS : ZH_UNITS;
}

/** A count or a yuan amount for an axis or a bar label: 8,000 / 1.25万 / 5710万 / 3.4亿 (English: 12.3K / 57.1M / 3.4B). */
export function compactNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const unit = units.find(([from]) => abs >= from);
  if (unit) return `${sign}${short(abs / unit[1])}${unit[2]}`;
  return `${sign}${groupThousands(Math.round(abs))}`;
}

/** An amount in 分 on an axis, in 元: 12,345,600 分 → 12.35万. */
export function axisFen(fen: number): string {
  return compactNumber(fen / 100);
}

/** An amount in 分 in a tooltip or table: ¥1,234.56. */
export function tooltipFen(fen: number): string {
  return formatFen(Math.round(fen), { sign: true });
}

/** Basis points as a percentage with one decimal: 1234 → 12.3%. */
export function percentBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  const tenths = Math.round(bp / 10);
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}%`;
}

/** A change in basis points with its sign: +12.3% / -4.0% / — when there is no base. */
export function changeBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return bp > 0 ? `+${percentBp(bp)}` : percentBp(bp);
}

/** A count with thousands separators: 12345 → 12,345. */
export function count(value: number): string {
  return groupThousands(Math.round(value));
}

/** How a series' values are written: money in 分, a plain count, or basis points. */
export type ValueUnit = 'fen' | 'count' | 'bp';

export function axisValue(unit: ValueUnit, value: number): string {
  if (unit === 'fen') return axisFen(value);
  if (unit === 'bp') return `${trim((value / 100).toFixed(1))}%`;
  return compactNumber(value);
}

export function exactValue(unit: ValueUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'fen') return tooltipFen(value);
  if (unit === 'bp') return percentBp(value);
  return count(value);
}
