// 同比 / 环比 periods and the bp change, written out by hand (issue 10: the comparison periods of the dashboards).
import { describe, expect, it } from 'vitest';
import {
  changeBp,
  comparisonPeriods,
  lastYearRange,
  monthsOf,
  previousRange,
  rangeKind,
  shareBp,
  trackingLabel,
} from '../../electron/core/modules/analytics/period';

const r = (from: string, to: string) => ({ from, to });

describe('the kind of a period', () => {
  it('is month, quarter or year only for exactly that range', () => {
    expect(rangeKind(r('2025-10-01', '2025-10-31'))).toBe('month');
    expect(rangeKind(r('2024-02-01', '2024-02-29'))).toBe('month');
    expect(rangeKind(r('2025-02-01', '2025-02-28'))).toBe('month');
    expect(rangeKind(r('2025-10-01', '2025-12-31'))).toBe('quarter');
    expect(rangeKind(r('2025-01-01', '2025-12-31'))).toBe('year');
    expect(rangeKind(r('2025-10-01', '2025-10-30'))).toBe('days');
    expect(rangeKind(r('2025-10-02', '2025-10-31'))).toBe('days');
    expect(rangeKind(r('2025-11-01', '2026-01-31'))).toBe('days'); // three months, not a quarter
    expect(rangeKind(r('2025-01-01', '2025-06-30'))).toBe('days');
    expect(trackingLabel(r('2025-10-01', '2025-12-31'))).toBe('2025-Q4');
    expect(trackingLabel(r('2025-10-01', '2025-10-31'))).toBe('2025-10');
    expect(trackingLabel(r('2025-01-01', '2025-12-31'))).toBe('2025');
    expect(trackingLabel(r('2025-10-01', '2025-10-15'))).toBeNull();
  });
});

describe('同比: the same dates a year earlier', () => {
  it('maps a whole month, quarter or year to the whole one', () => {
    expect(lastYearRange(r('2024-02-01', '2024-02-29'))).toEqual(r('2023-02-01', '2023-02-28'));
    expect(lastYearRange(r('2025-02-01', '2025-02-28'))).toEqual(r('2024-02-01', '2024-02-29'));
    expect(lastYearRange(r('2025-04-01', '2025-06-30'))).toEqual(r('2024-04-01', '2024-06-30'));
    expect(lastYearRange(r('2025-01-01', '2025-12-31'))).toEqual(r('2024-01-01', '2024-12-31'));
  });
  it('shifts other ranges day by day, 29 February onto the 28th', () => {
    expect(lastYearRange(r('2025-10-01', '2025-10-15'))).toEqual(r('2024-10-01', '2024-10-15'));
    expect(lastYearRange(r('2024-02-10', '2024-02-29'))).toEqual(r('2023-02-10', '2023-02-28'));
  });
});

describe('环比: the period of the same kind just before', () => {
  it('is the previous month, quarter or year', () => {
    expect(previousRange(r('2025-03-01', '2025-03-31'))).toEqual(r('2025-02-01', '2025-02-28'));
    expect(previousRange(r('2025-01-01', '2025-01-31'))).toEqual(r('2024-12-01', '2024-12-31'));
    expect(previousRange(r('2024-03-01', '2024-03-31'))).toEqual(r('2024-02-01', '2024-02-29'));
    expect(previousRange(r('2025-01-01', '2025-03-31'))).toEqual(r('2024-10-01', '2024-12-31'));
    expect(previousRange(r('2025-07-01', '2025-09-30'))).toEqual(r('2025-04-01', '2025-06-30'));
    expect(previousRange(r('2025-01-01', '2025-12-31'))).toEqual(r('2024-01-01', '2024-12-31'));
  });
  it('is otherwise the same number of days just before', () => {
    expect(previousRange(r('2025-10-01', '2025-10-15'))).toEqual(r('2025-09-16', '2025-09-30'));
    expect(previousRange(r('2025-03-01', '2025-03-01'))).toEqual(r('2025-02-28', '2025-02-28'));
    expect(previousRange(r('2024-03-01', '2024-03-10'))).toEqual(r('2024-02-20', '2024-02-29'));
  });
  it('comes together with the current period and 同比', () => {
    expect(comparisonPeriods(r('2025-10-01', '2025-10-31'))).toEqual({
      kind: 'month',
      current: r('2025-10-01', '2025-10-31'),
      lastYear: r('2024-10-01', '2024-10-31'),
      previous: r('2025-09-01', '2025-09-30'),
    });
  });
});

describe('changes and shares in basis points', () => {
  it('is (value − base) / |base|, half away from zero, null on a zero base', () => {
    expect(changeBp(120, 100)).toBe(2000);
    expect(changeBp(80, 100)).toBe(-2000);
    expect(changeBp(0, 100)).toBe(-10000);
    expect(changeBp(100, 0)).toBeNull();
    expect(changeBp(-50, -100)).toBe(5000); // a loss halved is an improvement
    expect(changeBp(1, 3)).toBe(-6667);
    expect(changeBp(2, 3)).toBe(-3333);
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(2, 3)).toBe(6667);
    expect(shareBp(5, 0)).toBeNull();
  });
});

describe('the months of a range', () => {
  it('clips the first and last month to the range', () => {
    expect(monthsOf(r('2025-11-15', '2026-01-10'))).toEqual([
      { month: '2025-11', from: '2025-11-15', to: '2025-11-30' },
      { month: '2025-12', from: '2025-12-01', to: '2025-12-31' },
      { month: '2026-01', from: '2026-01-01', to: '2026-01-10' },
    ]);
  });
});
