// The year at a glance: each month as Monday-first weeks of the core's days (null where the week starts before the
// month or runs past its end).
import type { CalendarDay } from '@shared/contract/calendar';
import { isoWeekday } from '@shared/periods';

export interface MonthGrid {
  month: number; // 1–12
  weeks: Array<Array<CalendarDay | null>>;
}

export function monthGrids(days: readonly CalendarDay[]): MonthGrid[] {
  const months: MonthGrid[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, weeks: [] }));
  for (const day of days) {
    const grid = months[Number(day.date.slice(5, 7)) - 1]!;
    const col = isoWeekday(day.date) - 1;
    let week = grid.weeks.at(-1);
    if (!week || col === 0) {
      week = Array<CalendarDay | null>(7).fill(null);
      grid.weeks.push(week);
    }
    week[col] = day;
  }
  return months;
}

/** The day a key press moves to from `date` (arrows: a day or a week; Home/End: the week's ends), within `days`. */
export function moveDate(date: string, key: string, days: readonly CalendarDay[]): string | null {
  const index = days.findIndex((d) => d.date === date);
  if (index < 0) return null;
  const weekday = isoWeekday(date);
  const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: 1 - weekday, End: 7 - weekday };
  const delta = step[key];
  if (delta === undefined) return null;
  const target = Math.min(days.length - 1, Math.max(0, index + delta));
  return days[target]!.date;
}
