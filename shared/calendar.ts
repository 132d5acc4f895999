// Working-day calendar 工作日: China's public holidays and 调休 make-up workdays (chinese-days, official schedules
// through its last year), the official schedule the office enters for later years, and the company's own days off
// or on; a rep's leave days come from the daily reports' attendance and are passed in per question.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, isoWeekday } from './periods';

export type DayOverride = 'work' | 'off';

/** The last year chinese-days knows the official schedule of; later years need it entered (or fall back to weekdays). */
export const LIBRARY_LAST_YEAR = Math.max(...Object.keys(chineseDays.holidays).map((d) => Number(d.slice(0, 4))));

export type DaySource = 'company' | 'official' | 'library' | 'weekday';

export interface DayInfo {
  date: string;
  work: boolean;
  source: DaySource;
  /** the holiday's or make-up day's name, e.g. 国庆节; '' for a plain weekday or weekend */
  name: string;
}

export interface CalendarData {
  /** an official schedule the office entered (for years after LIBRARY_LAST_YEAR, or a correction) */
  official?: ReadonlyMap<string, DayOverride>;
  /** the company's own extra days off or on; they win over everything else */
  company?: ReadonlyMap<string, DayOverride>;
}

const libraryHolidays = chineseDays.holidays as Record<string, string>;
const libraryWorkdays = chineseDays.workdays as Record<string, string>;

function libraryName(entry: string): string {
  return entry.split(',')[1] ?? '';
}

export class WorkCalendar {
  private readonly official: ReadonlyMap<string, DayOverride>;
  private readonly company: ReadonlyMap<string, DayOverride>;
  private readonly officialYears: Set<number>;

  constructor(data: CalendarData = {}) {
    this.official = data.official ?? new Map();
    this.company = data.company ?? new Map();
    this.officialYears = new Set([...this.official.keys()].map((d) => Number(d.slice(0, 4))));
  }

  day(date: string): DayInfo {
    const company = this.company.get(date);
    if (company) return { date, work: company === 'work', source: 'company', name: '' };
    const official = this.official.get(date);
    if (official) return { date, work: official === 'work', source: 'official', name: '' };
    const holiday = libraryHolidays[date];
    if (holiday !== undefined) return { date, work: false, source: 'library', name: libraryName(holiday) };
    const workday = libraryWorkdays[date];
    if (workday !== undefined) return { date, work: true, source: 'library', name: libraryName(workday) };
    return { date, work: isoWeekday(date) <= 5, source: 'weekday', name: '' };
  }

  isWorkday(date: string): boolean {
    const company = this.company.get(date) ?? this.official.get(date);
    if (company) return company === 'work';
    if (libraryHolidays[date] !== undefined) return false;
    if (libraryWorkdays[date] !== undefined) return true;
    return isoWeekday(date) <= 5;
  }

  /** Working days in [from, to], minus the rep's leave days when given. */
  workingDays(from: string, to: string, leave?: ReadonlySet<string>): string[] {
    const days: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.isWorkday(d) && !leave?.has(d)) days.push(d);
    return days;
  }

  countWorkingDays(from: string, to: string, leave?: ReadonlySet<string>): number {
    return this.workingDays(from, to, leave).length;
  }

  /** Working days of [from, to] elapsed as of `asOf`, today included. */
  elapsedWorkingDays(from: string, to: string, asOf: string, leave?: ReadonlySet<string>): number {
    if (asOf < from) return 0;
    return this.countWorkingDays(from, asOf < to ? asOf : to, leave);
  }

  /** Whether the year's official holiday schedule is known (from the library or entered by the office). */
  hasOfficialSchedule(year: number): boolean {
    return year <= LIBRARY_LAST_YEAR || this.officialYears.has(year);
  }
}

/** 时间进度: elapsed working days (today included) / working days in the period, in bp rounded half up; null when the period has none. */
export function timeProgressBp(calendar: WorkCalendar, from: string, to: string, asOf: string, leave?: ReadonlySet<string>): number | null {
  const total = calendar.countWorkingDays(from, to, leave);
  if (total === 0) return null;
  const elapsed = calendar.elapsedWorkingDays(from, to, asOf, leave);
  return Math.floor((elapsed * 20_000 + total) / (2 * total));
}
