// Sales-order line arithmetic, exact in integer 分: quantities as integer thousandths (qty × 1000), products in BigInt,
// rounding half up (a negative amount rounds as its positive twin, so a reversal is the exact negation). The order
// editor shows, and the core stores, the same figures.
import { toHalfWidth } from './money';

/** "12" / "1.5" / "0.125" / "１２" → 12000 / 1500 / 125 / 12000 thousandths; null when not a quantity > 0 with at most 3 decimals. */
export function parseQtyMilli(text: string): number | null {
  const s = toHalfWidth(String(text)).replace(/[\s,]/g, '');
  const m = /^(\d{1,9})(?:\.(\d{0,3}))?$/.exec(s);
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return milli > 0 ? milli : null;
}

/** A contract quantity (a number with at most 3 decimals) as exact thousandths. */
export const qtyToMilli = (qty: number): number => Math.round(qty * 1000);

/** Thousandths → the contract's quantity (12500 → 12.5). */
export const milliToQty = (milli: number): number => milli / 1000;

/** Thousandths → text without trailing zeros: 12500 → "12.5", 12000 → "12", -125 → "-0.125". */
export function formatQtyMilli(milli: number): string {
  const negative = milli < 0;
  const abs = Math.abs(milli);
  const whole = Math.floor(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** a / b rounded half up (half away from zero), b > 0. */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError('divisor must be positive');
  const negative = a < 0n;
  const abs = negative ? -a : a;
  const q = (abs * 2n + b) / (b * 2n);
  return negative ? -q : q;
}

/** qty × unit price, to the 分, half up: round_half_up(qtyMilli × unitPriceFen / 1000). */
export function extendFen(qtyMilli: number, unitFen: number): number {
  return Number(divRoundHalfUp(BigInt(qtyMilli) * BigInt(unitFen), 1000n));
}

/** A line's amount: qty × price rounded half up to the 分, less the line's discount. */
export function lineAmountFen(qtyMilli: number, unitPriceFen: number, discountFen = 0): number {
  return extendFen(qtyMilli, unitPriceFen) - discountFen;
}

/** The order's total: Σ line amounts − the order discount. */
export function orderTotalFen(lineAmounts: readonly number[], discountFen = 0): number {
  return lineAmounts.reduce((sum, a) => sum + a, 0) - discountFen;
}

/**
 * The part of `wholeFen` that `partMilli` of `wholeMilli` takes, rounded half up, after `doneMilli` (worth `doneFen`)
 * was taken: taking the rest takes exactly what is left, so a line fully returned nets to 0.
 */
export function proRataFen(wholeFen: number, wholeMilli: number, doneMilli: number, doneFen: number, partMilli: number): number {
  if (doneMilli + partMilli >= wholeMilli) return wholeFen - doneFen;
  return Number(divRoundHalfUp(BigInt(wholeFen) * BigInt(doneMilli + partMilli), BigInt(wholeMilli))) - doneFen;
}
