// 工作日历 Working-day calendar: the shared WorkCalendar built from the days the office entered (cached per database,
// dropped whenever calendar_days changes), a rep's leave days from the daily reports' attendance, the year view, the
// company's own days, and the official schedule of a year the library lacks (pasted, schedule.ts).
import type { Ctx } from '../../context';
import type { DB } from '../../db/connection';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { LIBRARY_LAST_YEAR, WorkCalendar, type DayOverride } from '../../../../shared/calendar';
import type { CalendarDay, CalendarDayKind } from '../../../../shared/contract/calendar';
import { addDays, isoWeekday, parsePeriod } from '../../../../shared/periods';
import { nowIso } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { recordAudit, recordAudits, type AuditRecord } from '../audit/audit';
import { assertRepExists } from '../reps/reps';
import { parseSchedule } from './schedule';

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

interface StoredDay {
  date: string;
  source: 'official' | 'company';
  kind: DayOverride;
  note: string;
}

function storedDays(ctx: Ctx, from: string, to: string, source?: 'official' | 'company'): StoredDay[] {
  const where = source ? 'and source = ?' : '';
  return prepared(ctx.db, `select date, source, kind, note from calendar_days where date between ? and ? ${where} order by date`).all(
    ...(source ? [from, to, source] : [from, to]),
  ) as StoredDay[];
}

/** How the screen colours a day: the company's entry, else 调休 / holiday / weekend / workday. */
function dayKind(date: string, work: boolean, name: string, company: DayOverride | undefined): CalendarDayKind {
  if (company) return company === 'work' ? 'companyWork' : 'companyOff';
  const weekend = isoWeekday(date) > 5;
  if (work) return weekend ? 'makeUp' : 'workday';
  return !weekend || name !== '' ? 'holiday' : 'weekend';
}

/** Working days of each month of `year` on a calendar. */
function monthCounts(calendar: WorkCalendar, year: number): number[] {
  const y = String(year);
  return Array.from({ length: 12 }, (_, i) => {
    const month = parsePeriod(`${y}-${String(i + 1).padStart(2, '0')}`)!;
    return calendar.countWorkingDays(month.from, month.to);
  });
}

export function calendarYear(ctx: Ctx, input: ParsedInput<'calendar.year'>): Output<'calendar.year'> {
  const year = input.year;
  const from = `${String(year)}-01-01`;
  const to = `${String(year)}-12-31`;
  const calendar = workCalendar(ctx);
  const official = new Map<string, StoredDay>();
  const company = new Map<string, StoredDay>();
  for (const r of storedDays(ctx, from, to)) (r.source === 'company' ? company : official).set(r.date, r);
  // the day without the company's entry: the official schedule as the office entered it, else the library's
  const officialOnly = new WorkCalendar({ official: new Map([...official].map(([d, r]) => [d, r.kind])) });
  const days: CalendarDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const info = calendar.day(date);
    const base = officialOnly.day(date);
    const name = official.get(date)?.note ?? base.name;
    const own = company.get(date);
    days.push({
      date,
      work: info.work,
      source: info.source,
      kind: dayKind(date, info.work, name, own?.kind),
      name,
      note: own?.note ?? '',
      officialWork: base.work,
    });
  }
  const monthWorkingDays = monthCounts(calendar, year);
  return {
    year,
    days,
    monthWorkingDays,
    workingDays: monthWorkingDays.reduce((a, b) => a + b, 0),
    hasOfficialSchedule: calendar.hasOfficialSchedule(year),
    libraryLastYear: LIBRARY_LAST_YEAR,
    officialEntries: official.size,
  };
}

const daySnapshot = (r: StoredDay) => ({ date: r.date, calendar: r.source, kind: r.kind, note: r.note });
// a day has no row id: its audit entries carry the date as YYYYMMDD (an import's, the year) so the log names the day
// even when only the note or the kind changed
const dayEntityId = (date: string) => Number(date.replaceAll('-', ''));

export function setCalendarDays(ctx: Ctx, input: ParsedInput<'calendar.setDays'>): Output<'calendar.setDays'> {
  return ctx.db.transaction(() => {
    const find = prepared(ctx.db, 'select date, source, kind, note from calendar_days where date = ? and source = ?');
    const now = nowIso(ctx);
    const audits: AuditRecord[] = [];
    for (const date of [...new Set(input.dates)].sort()) {
      const before = find.get(date, input.source) as StoredDay | undefined;
      if (input.kind === null) {
        if (!before) continue;
        prepared(ctx.db, 'delete from calendar_days where date = ? and source = ?').run(date, input.source);
        audits.push({ action: 'delete', entity: 'calendarDay', entityId: dayEntityId(date), before: daySnapshot(before) });
        continue;
      }
      const after: StoredDay = { date, source: input.source, kind: input.kind, note: input.note };
      if (before && before.kind === after.kind && before.note === after.note) continue;
      prepared(
        ctx.db,
        `insert into calendar_days (date, source, kind, note, created_at, updated_at) values (@date, @source, @kind, @note, @now, @now)
         on conflict (date, source) do update set kind = excluded.kind, note = excluded.note, updated_at = excluded.updated_at`,
      ).run({ ...after, now });
      audits.push({
        action: before ? 'update' : 'create',
        entity: 'calendarDay',
        entityId: dayEntityId(date),
        before: before && daySnapshot(before),
        after: daySnapshot(after),
      });
    }
    recordAudits(ctx, audits);
    forgetCalendar(ctx);
    return { changed: audits.length };
  })();
}

/** The year's official entries as the audit log keeps them: the days off and the make-up workdays. */
function scheduleSnapshot(year: number, days: ReadonlyArray<{ date: string; kind: DayOverride }>) {
  return {
    year,
    offDays: days.filter((d) => d.kind === 'off').map((d) => d.date),
    workDays: days.filter((d) => d.kind === 'work').map((d) => d.date),
  };
}

export function importSchedule(ctx: Ctx, input: ParsedInput<'calendar.importSchedule'>): Output<'calendar.importSchedule'> {
  const year = input.year;
  const from = `${String(year)}-01-01`;
  const to = `${String(year)}-12-31`;
  const parsed = parseSchedule(year, input.text);
  const existing = storedDays(ctx, from, to, 'official');
  // the year as it will count: this schedule instead of the entered one, the other years and the company's days kept
  const official = new Map<string, DayOverride>();
  const company = new Map<string, DayOverride>();
  for (const r of prepared(ctx.db, 'select date, source, kind from calendar_days').all() as StoredDay[]) {
    if (r.source === 'company') company.set(r.date, r.kind);
    else if (r.date < from || r.date > to) official.set(r.date, r.kind);
  }
  for (const d of parsed.days) official.set(d.date, d.kind);
  const monthWorkingDays = monthCounts(new WorkCalendar({ official, company }), year);
  const preview = {
    year,
    days: parsed.days,
    errors: parsed.errors,
    ignored: parsed.ignored,
    offDays: parsed.days.filter((d) => d.kind === 'off').length,
    makeUpDays: parsed.days.filter((d) => d.kind === 'work').length,
    monthWorkingDays,
    workingDays: monthWorkingDays.reduce((a, b) => a + b, 0),
    replaced: existing.length,
    committed: false,
  };
  if (!input.commit) return preview;
  const first = parsed.errors[0];
  if (first) {
    const more = parsed.errors.length > 1 ? `（共 ${String(parsed.errors.length)} 行有误）` : '';
    throw new DomainError('VALIDATION', `安排文本：第${String(first.line)}行：${first.message}${more}`, 'text');
  }
  if (parsed.days.length === 0) throw new DomainError('VALIDATION', `安排文本：没有认出 ${String(year)} 年的任何日期`, 'text');
  return ctx.db.transaction(() => {
    prepared(ctx.db, `delete from calendar_days where source = 'official' and date between ? and ?`).run(from, to);
    const insert = prepared(
      ctx.db,
      `insert into calendar_days (date, source, kind, note, created_at, updated_at) values (?, 'official', ?, ?, ?, ?)`,
    );
    const now = nowIso(ctx);
    for (const d of parsed.days) insert.run(d.date, d.kind, d.name, now, now);
    recordAudit(ctx, {
      action: 'import',
      entity: 'calendarDay',
      entityId: year,
      before: existing.length > 0 ? scheduleSnapshot(year, existing) : undefined,
      after: scheduleSnapshot(year, parsed.days),
    });
    forgetCalendar(ctx);
    return { ...preview, committed: true };
  })();
}
