import { describe, expect, it } from 'vitest';
import { TargetForest } from '../../electron/core/modules/targets/resolve';

type N = ConstructorParameters<typeof TargetForest>[0][number];
const node = (
  id: number,
  level: N['level'],
  unitKey: string,
  from: string,
  to: string,
  value: number,
  parentId: number | null,
  split: N['split'] = null,
): N => ({
  id,
  level,
  unitKey,
  from,
  to,
  value,
  parentId,
  split,
});

// company 2026 = 1200, split into two reps (700 / 500); rep 1 split into quarters, rep 2 into months (Jan–Mar shown + rest)
const forest = new TargetForest([
  node(1, 'company', '', '2026-01-01', '2026-12-31', 1200, null, 'unit'),
  node(2, 'rep', '7', '2026-01-01', '2026-12-31', 700, 1, 'time'),
  node(3, 'rep', '8', '2026-01-01', '2026-12-31', 500, 1, 'time'),
  node(10, 'rep', '7', '2026-01-01', '2026-03-31', 100, 2, 'time'),
  node(11, 'rep', '7', '2026-04-01', '2026-06-30', 200, 2),
  node(12, 'rep', '7', '2026-07-01', '2026-09-30', 200, 2),
  node(13, 'rep', '7', '2026-10-01', '2026-12-31', 200, 2),
  node(20, 'rep', '7', '2026-01-01', '2026-01-31', 30, 10),
  node(21, 'rep', '7', '2026-02-01', '2026-02-28', 30, 10),
  node(22, 'rep', '7', '2026-03-01', '2026-03-31', 40, 10),
  node(30, 'rep', '8', '2026-01-01', '2026-01-31', 40, 3),
  node(31, 'rep', '8', '2026-02-01', '2026-02-28', 40, 3),
  node(32, 'rep', '8', '2026-03-01', '2026-03-31', 40, 3),
  node(33, 'rep', '8', '2026-04-01', '2026-12-31', 380, 3),
  // a customer whose months were set on their own, no year row
  node(40, 'customer', '5', '2026-01-01', '2026-01-31', 9, null),
  node(41, 'customer', '5', '2026-02-01', '2026-02-28', 11, null),
  node(42, 'customer', '5', '2026-03-01', '2026-03-31', 13, null),
]);

describe('target resolution from the trees', () => {
  it('an exact row is the target and names itself', () => {
    expect(forest.resolve('rep', '7', '2026-01-01', '2026-03-31')).toEqual({ value: 100, targetId: 10 });
    expect(forest.resolve('company', '', '2026-01-01', '2026-12-31')).toEqual({ value: 1200, targetId: 1 });
  });

  it('reads down a tree: the company month is the sum of the reps’ months', () => {
    expect(forest.resolve('company', '', '2026-02-01', '2026-02-28')).toEqual({ value: 30 + 40, targetId: null });
    expect(forest.resolve('company', '', '2026-01-01', '2026-03-31')).toEqual({ value: 100 + 120, targetId: null });
    expect(forest.resolve('rep', '7', '2026-02-01', '2026-02-28')).toEqual({ value: 30, targetId: 21 });
  });

  it('never pro-rates: no figure where the tree has none at that granularity', () => {
    expect(forest.resolve('rep', '7', '2026-05-01', '2026-05-31')).toBeUndefined(); // Q2 never split by month
    expect(forest.resolve('company', '', '2026-05-01', '2026-05-31')).toBeUndefined();
    expect(forest.resolve('rep', '9', '2026-01-01', '2026-01-31')).toBeUndefined();
  });

  it('rows that tile the period are summed', () => {
    expect(forest.resolve('customer', '5', '2026-01-01', '2026-03-31')).toEqual({ value: 33, targetId: null });
    expect(forest.resolve('customer', '5', '2026-01-01', '2026-06-30')).toBeUndefined();
    expect(forest.unitKeys('rep').sort()).toEqual(['7', '8']);
  });
});
