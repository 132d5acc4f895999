// Exact money arithmetic of sales documents: the line math the order editor uses too (shared/orderMath: quantities in
// integer thousandths, products in BigInt, halves rounded up, away from zero, so a reversal is the exact negation of
// its original), and the pro-rata shares of returns.
import { divRoundHalfUp, extendFen, formatQtyMilli, milliToQty, proRataFen, qtyToMilli } from '../../../../shared/orderMath';

export { extendFen, formatQtyMilli, milliToQty, proRataFen, qtyToMilli };

/** Largest amount one line or document may reach (100 亿元, the contract's ceiling for any 分 field). */
export const MAX_FEN = 1_000_000_000_000;

/** a × b / d rounded half up (away from zero), d > 0. */
export const mulDivRound = (a: number, b: number, d: number): number => Number(divRoundHalfUp(BigInt(a) * BigInt(b), BigInt(d)));
