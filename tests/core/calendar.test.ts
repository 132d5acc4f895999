import { describe, expect, it } from 'vitest';
import { LIBRARY_LAST_YEAR, timeProgressBp, WorkCalendar } from '../../shared/calendar';
import { childPeriods, isoWeekLabel, parsePeriod, previousYear } from '../../shared/periods';

describe('working-day calendar (chinese-days)', () => {
  const cal = new WorkCalendar();

  it('October 2025 has 18 working days: National Day 10/1–10/8 off, 9/28 and 10/11 made up', () => {
    expect(cal.countWorkingDays('2025-10-01', '2025-10-31')).toBe(18);
    expect(cal.isWorkday('2025-09-28')).toBe(true); // a Sunday, 调休 make-up day
    expect(cal.isWorkday('2025-10-11')).toBe(true); // a Saturday, 调休 make-up day
    expect(cal.isWorkday('2025-10-08')).toBe(false); // a Wednesday, holiday
    expect(cal.workingDays('2025-10-01', '2025-10-13')).toEqual(['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13']);
    expect(cal.day('2025-10-01')).toMatchObject({ work: false, source: 'library', name: '国庆节' });
    expect(cal.day('2025-09-28')).toMatchObject({ work: true, source: 'library', name: '国庆节' });
    expect(cal.day('2025-10-18')).toMatchObject({ work: false, source: 'weekday', name: '' });
  });

  it('time progress counts today and rounds half up in bp', () => {
    expect(cal.elapsedWorkingDays('2025-10-01', '2025-10-31', '2025-10-15')).toBe(6);
    expect(timeProgressBp(cal, '2025-10-01', '2025-10-31', '2025-10-15')).toBe(3333); // 6 / 18
    expect(timeProgressBp(cal, '2025-10-01', '2025-10-31', '2025-10-16')).toBe(3889); // 7 / 18 = 0.38888…
    expect(timeProgressBp(cal, '2025-10-01', '2025-10-31', '2025-09-30')).toBe(0);
    expect(timeProgressBp(cal, '2025-10-01', '2025-10-31', '2025-11-30')).toBe(10_000);
    expect(timeProgressBp(cal, '2025-10-01', '2025-10-08', '2025-10-08')).toBeNull(); // a period without working days
  });

  it('the company days win over the official schedule, and an entered schedule covers a year the library lacks', () => {
    const company = new Map([
      ['2025-10-09', 'off' as const],
      ['2025-10-12', 'work' as const],
    ]);
    const official = new Map([['2027-01-01', 'off' as const]]);
    const own = new WorkCalendar({ company, official });
    expect(own.countWorkingDays('2025-10-01', '2025-10-31')).toBe(18);
    expect(own.isWorkday('2025-10-09')).toBe(false);
    expect(own.isWorkday('2025-10-12')).toBe(true);
    expect(own.isWorkday('2027-01-01')).toBe(false); // a Friday
    expect(LIBRARY_LAST_YEAR).toBe(2026);
    expect(cal.hasOfficialSchedule(2027)).toBe(false);
    expect(own.hasOfficialSchedule(2027)).toBe(true);
    expect(cal.isWorkday('2027-01-01')).toBe(true); // no data: a plain weekday
  });

  it('leave days are not working days of that rep', () => {
    expect(cal.countWorkingDays('2025-10-01', '2025-10-31', new Set(['2025-10-09', '2025-10-12']))).toBe(17);
  });
});

describe('periods', () => {
  it('parses real periods and refuses the rest', () => {
    expect(parsePeriod('2025-Q4')).toEqual({ label: '2025-Q4', kind: 'quarter', from: '2025-10-01', to: '2025-12-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2025-W01')).toMatchObject({ from: '2024-12-30', to: '2025-01-05' });
    for (const bad of ['2025-13', '2025-Q5', '2025-Q0', '2025-00', '2025-W53', '2025-02-29', '25', '2025-1', 'abc']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
    expect(parsePeriod('2026-W53')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('splits a week that crosses a month end by month', () => {
    const sept = childPeriods(parsePeriod('2025-09')!, 'week');
    expect(sept.map((p) => `${p.label} ${p.from}..${p.to}`)).toEqual([
      '2025-W36 2025-09-01..2025-09-07',
      '2025-W37 2025-09-08..2025-09-14',
      '2025-W38 2025-09-15..2025-09-21',
      '2025-W39 2025-09-22..2025-09-28',
      '2025-W40 2025-09-29..2025-09-30',
    ]);
    expect(childPeriods(parsePeriod('2025-10')!, 'week')[0]).toEqual({
      label: '2025-W40',
      kind: 'week',
      from: '2025-10-01',
      to: '2025-10-05',
    });
    expect(childPeriods(parsePeriod('2025')!, 'quarter').map((p) => p.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(childPeriods(parsePeriod('2025')!, 'month')).toHaveLength(12);
    expect(childPeriods(parsePeriod('2025-W40')!, 'day').map((p) => p.label)).toHaveLength(7);
  });

  it('names ISO weeks across the year end and finds last year', () => {
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(previousYear(parsePeriod('2026-03')!)).toMatchObject({ label: '2025-03', from: '2025-03-01', to: '2025-03-31' });
    expect(previousYear(parsePeriod('2024-02-29')!)).toMatchObject({ from: '2023-02-28' });
  });
});
