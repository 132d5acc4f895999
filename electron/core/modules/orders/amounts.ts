// Exact money arithmetic of sales documents: quantities in integer thousandths, products in BigInt, halves rounded up
// (away from zero), so a line never depends on floating point and a reversal is the exact negation of its original.

/** Largest amount one line or document may reach (100 亿元, the contract's ceiling for any 分 field). */
export const MAX_FEN = 1_000_000_000_000;

/** a × b / d rounded half up (away from zero), d > 0. */
export function mulDivRound(a: number, b: number, d: number): number {
  const n = BigInt(a) * BigInt(b);
  const den = BigInt(d);
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + den) / (den * 2n);
  return Number(neg ? -q : q);
}

/** A contract quantity (at most 3 decimals, checked by the contract) as exact thousandths. */
export const qtyToMilli = (qty: number): number => Math.round(qty * 1000);
export const milliToQty = (milli: number): number => milli / 1000;

/** qty × unit price to the 分, half up: round_half_up(qtyMilli × unitFen / 1000). */
export const extendFen = (qtyMilli: number, unitFen: number): number => mulDivRound(qtyMilli, unitFen, 1000);

/**
 * The part of `wholeFen` that `partMilli` of `wholeMilli` takes, rounded half up; `doneMilli` already taken (with
 * `doneFen`): taking the rest (done + part = whole) takes exactly what is left, so the parts always add up.
 */
export function proRataFen(wholeFen: number, wholeMilli: number, doneMilli: number, doneFen: number, partMilli: number): number {
  if (doneMilli + partMilli >= wholeMilli) return wholeFen - doneFen;
  return mulDivRound(wholeFen, doneMilli + partMilli, wholeMilli) - doneFen;
}

/** Thousandths → text without trailing zeros, for messages: 12500 → "12.5", 12000 → "12", -125 → "-0.125". */
export function formatQtyMilli(milli: number): string {
  const abs = Math.abs(milli);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${milli < 0 ? '-' : ''}${Math.floor(abs / 1000)}${frac ? `.${frac}` : ''}`;
}
