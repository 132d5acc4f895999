// Exact money arithmetic of sales documents: the line math the order editor uses too (shared/orderMath: quantities in
// integer thousandths, products in BigInt, halves rounded up, away from zero, so a reversal is the exact negation of
// its original), and the pro-rata shares of returns.
import { divRoundHalfUp, extendFen, formatQtyMilli, milliToQty, qtyToMilli } from '../../../../shared/orderMath';

export { extendFen, formatQtyMilli, milliToQty, qtyToMilli };

/** Largest amount one line or document may reach (100 亿元, the contract's ceiling for any 分 field). */
export const MAX_FEN = 1_000_000_000_000;

/** a × b / d rounded half up (away from zero), d > 0. */
export const mulDivRound = (a: number, b: number, d: number): number => Number(divRoundHalfUp(BigInt(a) * BigInt(b), BigInt(d)));

/**
 * The part of `wholeFen` that `partMilli` of `wholeMilli` takes, rounded half up; `doneMilli` already taken (with
 * `doneFen`): taking the rest (done + part = whole) takes exactly what is left, so the parts always add up.
 */
export function proRataFen(wholeFen: number, wholeMilli: number, doneMilli: number, doneFen: number, partMilli: number): number {
  if (doneMilli + partMilli >= wholeMilli) return wholeFen - doneFen;
  return mulDivRound(wholeFen, doneMilli + partMilli, wholeMilli) - doneFen;
}
