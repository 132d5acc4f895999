// 生命周期 rules, each at its boundary day: first order, a second month, 12 consecutive months, lost after N days.
import { describe, expect, it } from 'vitest';
import { lifecycleByRules } from '../../electron/core/modules/customers/lifecycle';

const LOST = 180;
/** The first day of each of `n` consecutive months starting at `from` (YYYY-MM). */
function months(from: string, n: number): string[] {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + m - 1 + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
  });
}

describe('lifecycleByRules', () => {
  it('a prospect stays a prospect until an order; a stage without any purchase is left as it is', () => {
    expect(lifecycleByRules('prospect', [], '2026-06-01', LOST)).toBe('prospect');
    expect(lifecycleByRules('repeat', [], '2026-06-01', LOST)).toBe('repeat');
  });

  it('first order → first purchase, on the order day itself', () => {
    expect(lifecycleByRules('prospect', ['2026-06-01'], '2026-06-01', LOST)).toBe('first');
  });

  it('orders in one month stay first; an order in a second month (the next day across the month end) → repeat', () => {
    expect(lifecycleByRules('first', ['2026-03-01', '2026-03-31'], '2026-03-31', LOST)).toBe('first');
    expect(lifecycleByRules('first', ['2026-03-31', '2026-04-01'], '2026-04-01', LOST)).toBe('repeat');
    // months, not 30 days: a year apart in different months is repeat too
    expect(lifecycleByRules('first', ['2025-07-15', '2026-06-01'], '2026-06-01', LOST)).toBe('repeat');
  });

  it('11 consecutive months are repeat; the 12th makes loyal, across a year end', () => {
    expect(lifecycleByRules('repeat', months('2025-08', 11), '2026-06-20', LOST)).toBe('repeat');
    expect(lifecycleByRules('repeat', months('2025-08', 12), '2026-07-01', LOST)).toBe('loyal');
  });

  it('loyal counts the run ending at the last purchase: a gap month breaks the run', () => {
    const broken = [...months('2025-01', 12), ...months('2026-02', 3)]; // Jan–Dec 2025, none in Jan 2026, Feb–Apr 2026
    expect(lifecycleByRules('repeat', broken, '2026-04-15', LOST)).toBe('repeat');
    expect(
      lifecycleByRules(
        'repeat',
        months('2025-01', 13).filter((d) => d !== '2025-06-01'),
        '2026-01-10',
        LOST,
      ),
    ).toBe('repeat');
    // …but a customer already loyal is not pulled down by it: only lost takes a customer down the ladder
    expect(lifecycleByRules('loyal', broken, '2026-04-15', LOST)).toBe('loyal');
  });

  it('never moves a customer down the ladder except to lost (a stage typed for purchases before this system stays)', () => {
    expect(lifecycleByRules('loyal', ['2026-06-01'], '2026-06-01', LOST)).toBe('loyal');
    expect(lifecycleByRules('repeat', ['2026-06-01'], '2026-06-02', LOST)).toBe('repeat');
    expect(lifecycleByRules('repeat', ['2026-06-01'], '2026-11-28', LOST)).toBe('lost');
  });

  it('lost on the Nth day without an order, not on the day before', () => {
    // last order 2026-01-01; 179 days later is 2026-06-29, 180 days later 2026-06-30
    expect(lifecycleByRules('repeat', ['2025-12-01', '2026-01-01'], '2026-06-29', LOST)).toBe('repeat');
    expect(lifecycleByRules('repeat', ['2025-12-01', '2026-01-01'], '2026-06-30', LOST)).toBe('lost');
    expect(lifecycleByRules('first', ['2026-01-01'], '2026-06-30', LOST)).toBe('lost');
    expect(lifecycleByRules('loyal', months('2025-01', 13), '2026-06-30', LOST)).toBe('lost');
    // the setting's N
    expect(lifecycleByRules('first', ['2026-01-01'], '2026-01-31', 30)).toBe('lost');
    expect(lifecycleByRules('first', ['2026-01-01'], '2026-01-30', 30)).toBe('first');
  });

  it('a lost customer ordering again comes back by the same rules', () => {
    expect(lifecycleByRules('lost', ['2025-01-10', '2026-06-01'], '2026-06-01', LOST)).toBe('repeat');
    expect(lifecycleByRules('lost', ['2026-06-01'], '2026-06-01', LOST)).toBe('first');
  });
});
