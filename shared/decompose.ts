// Splitting an integer total into integer shares that sum back exactly: the largest-remainder method in BigInt (a
// total up to 1e12 times weights up to 1e9 overflows a double), plus the rebalancing a locked grid needs. Pure.

export type DecomposeFailure =
  /** every weight is 0 (or there are none), so no share can be computed */
  | 'weightsAllZero'
  /** a total or weight that is not a non-negative safe integer */
  | 'invalidNumber'
  /** the entry asked to change is locked */
  | 'lockedEntry'
  /** the unlocked entries cannot absorb the change without going below 0 (or there are none) */
  | 'cannotAbsorb';

export class DecomposeError extends Error {
  readonly reason: DecomposeFailure;
  constructor(reason: DecomposeFailure, message: string) {
    super(message);
    this.name = 'DecomposeError';
    this.reason = reason;
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new DecomposeError('invalidNumber', `${what}必须是非负整数`);
}

/**
 * `total` split in proportion to `weights`: each share is the floor of its exact proportion, and the units left over
 * go one each to the largest remainders (ties to the lower index). The shares sum to `total` exactly and each is
 * within 1 of total × w / Σw.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  checkCount(total, '总数');
  let sum = 0n;
  const w = weights.map((x) => {
    checkCount(x, '权重');
    const b = BigInt(x);
    sum += b;
    return b;
  });
  if (sum === 0n) throw new DecomposeError('weightsAllZero', '权重不能全部为 0');
  const t = BigInt(total);
  const shares: number[] = new Array<number>(w.length);
  const remainders: bigint[] = new Array<bigint>(w.length);
  let given = 0n;
  for (let i = 0; i < w.length; i++) {
    const p = t * w[i]!;
    const q = p / sum;
    shares[i] = Number(q);
    remainders[i] = p % sum;
    given += q;
  }
  let left = Number(t - given); // < weights.length
  if (left > 0) {
    const order = remainders.map((_, i) => i);
    order.sort((a, b) => (remainders[a]! > remainders[b]! ? -1 : remainders[a]! < remainders[b]! ? 1 : a - b));
    for (const i of order) {
      if (left === 0) break;
      shares[i]! += 1;
      left--;
    }
  }
  return shares;
}

/** `total` in `n` equal shares (the first ones take the remainder). */
export function equalShares(total: number, n: number): number[] {
  if (n <= 0) throw new DecomposeError('weightsAllZero', '没有可分配的对象');
  return largestRemainder(total, new Array<number>(n).fill(1));
}

/** `total` shared in proportion to `current` — or equally when every current value is 0. */
export function shareLike(total: number, current: readonly number[]): number[] {
  return current.some((v) => v > 0) ? largestRemainder(total, current) : equalShares(total, current.length);
}

/**
 * Entry `index` becomes `newValue`; the other unlocked entries absorb the difference in proportion to their current
 * values (equally when they are all 0), so the sum stays the same. Locked entries never move. Refused when `index`
 * is locked, or when the others cannot absorb it without going below 0.
 */
export function rebalance(values: readonly number[], locked: readonly boolean[], index: number, newValue: number): number[] {
  checkCount(newValue, '数值');
  if (index < 0 || index >= values.length) throw new RangeError('index out of range');
  if (locked[index]) throw new DecomposeError('lockedEntry', '该项已锁定，不能修改');
  const others: number[] = [];
  let othersSum = 0;
  values.forEach((v, j) => {
    if (j !== index && !locked[j]) {
      others.push(j);
      othersSum += v;
    }
  });
  const othersTotal = othersSum - (newValue - values[index]!);
  const out = values.slice();
  out[index] = newValue;
  if (othersTotal === othersSum) return out;
  if (others.length === 0) throw new DecomposeError('cannotAbsorb', '没有未锁定的其他项可以吸收差额');
  if (othersTotal < 0) throw new DecomposeError('cannotAbsorb', `其他未锁定项合计只有 ${othersSum}，不足以吸收差额`);
  const shares = shareLike(
    othersTotal,
    others.map((j) => values[j]!),
  );
  others.forEach((j, k) => (out[j] = shares[k]!));
  return out;
}

/**
 * The entries brought to `newTotal`: locked ones keep their values, the unlocked ones share the rest in proportion to
 * their current values (equally when all 0). Refused when the locked ones alone exceed `newTotal`, or when there is
 * no unlocked entry to take a different total.
 */
export function scaleToTotal(values: readonly number[], locked: readonly boolean[], newTotal: number): number[] {
  checkCount(newTotal, '总数');
  const free: number[] = [];
  let lockedSum = 0;
  values.forEach((v, j) => {
    if (locked[j]) lockedSum += v;
    else free.push(j);
  });
  const rest = newTotal - lockedSum;
  if (rest < 0) throw new DecomposeError('cannotAbsorb', `已锁定项合计 ${lockedSum} 超过了总数 ${newTotal}`);
  const out = values.slice();
  if (free.length === 0) {
    if (rest !== 0) throw new DecomposeError('cannotAbsorb', '全部项都已锁定，合计不能改变');
    return out;
  }
  const shares = shareLike(
    rest,
    free.map((j) => values[j]!),
  );
  free.forEach((j, k) => (out[j] = shares[k]!));
  return out;
}

/** value × factorBp / 10000, rounded half up, exact in BigInt. */
export function scaleBp(value: number, factorBp: number): number {
  checkCount(value, '数值');
  checkCount(factorBp, '比例');
  return Number((BigInt(value) * BigInt(factorBp) * 2n + 10000n) / 20000n);
}
