// 工作日历 Working-day calendar: the shared WorkCalendar built from the days the office entered (cached per database,
// dropped whenever calendar_days changes), and a rep's leave days from the daily reports' attendance.
import type { Ctx } from '../../context';
import type { DB } from '../../db/connection';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { WorkCalendar, type DayOverride } from '../../../../shared/calendar';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { assertRepExists } from '../reps/reps';

const calendars = new WeakMap<DB, WorkCalendar>();

/** The calendar every working-day question in the core uses. */
export function workCalendar(ctx: Ctx): WorkCalendar {
  let calendar = calendars.get(ctx.db);
  if (!calendar) {
    const rows = prepared(ctx.db, 'select date, source, kind from calendar_days').all() as Array<{
      date: string;
      source: 'official' | 'company';
      kind: DayOverride;
    }>;
    const official = new Map<string, DayOverride>();
    const company = new Map<string, DayOverride>();
    for (const r of rows) (r.source === 'company' ? company : official).set(r.date, r.kind);
    calendar = new WorkCalendar({ official, company });
    calendars.set(ctx.db, calendar);
  }
  return calendar;
}

/** Call after any write to calendar_days (inside or after its transaction) so the next question sees it. */
export function forgetCalendar(ctx: Ctx): void {
  calendars.delete(ctx.db);
}

/** Leave days (daily reports with attendance 请假) of each rep in [from, to]. */
export function repLeaveDays(ctx: Ctx, repIds: readonly number[] | null, from: string, to: string): Map<number, Set<string>> {
  const rows = prepared(ctx.db, `select rep_id as repId, date from daily_reports where attendance = 'leave' and date between ? and ?`).all(
    from,
    to,
  ) as Array<{ repId: number; date: string }>;
  const wanted = repIds && new Set(repIds);
  const out = new Map<number, Set<string>>();
  for (const r of rows) {
    if (wanted && !wanted.has(r.repId)) continue;
    let days = out.get(r.repId);
    if (!days) out.set(r.repId, (days = new Set()));
    days.add(r.date);
  }
  return out;
}

export function workingDays(ctx: Ctx, input: ParsedInput<'calendar.workingDays'>): Output<'calendar.workingDays'> {
  if (input.from > input.to) throw new DomainError('VALIDATION', `结束日期：不能早于开始日期（${input.from}）`, 'to');
  if (input.to.slice(0, 4) > String(Number(input.from.slice(0, 4)) + 10))
    throw new DomainError('VALIDATION', '结束日期：日期范围不能超过 10 年', 'to');
  const calendar = workCalendar(ctx);
  let leave: Set<string> | undefined;
  if (input.repId !== undefined) {
    assertRepExists(ctx, input.repId);
    leave = repLeaveDays(ctx, [input.repId], input.from, input.to).get(input.repId);
  }
  const days = calendar.workingDays(input.from, input.to, leave);
  const yearsWithoutSchedule: number[] = [];
  for (let y = Number(input.from.slice(0, 4)); y <= Number(input.to.slice(0, 4)); y++) {
    if (!calendar.hasOfficialSchedule(y)) yearsWithoutSchedule.push(y);
  }
  return { count: days.length, days, yearsWithoutSchedule };
}
