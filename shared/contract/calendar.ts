// 工作日历 Working-day calendar: public holidays and 调休 make-up workdays, the company's own days off or on, and a rep's
// leave (from the daily reports' attendance).
import { z } from 'zod';
import { dateSchema, idSchema, text } from './common';

/** How a day shows on the calendar screen: the company's own entry wins, then the official schedule, then the weekday. */
export const calendarDayKinds = ['workday', 'weekend', 'holiday', 'makeUp', 'companyOff', 'companyWork'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

const yearSchema = z.int().min(2000).max(2100);

const calendarDay = z.object({
  date: z.string(),
  work: z.boolean(),
  /** who decided: the company's entry, the official schedule the office entered, chinese-days, or plain Mon–Fri */
  source: z.enum(['company', 'official', 'library', 'weekday']),
  kind: z.enum(calendarDayKinds),
  /** the holiday's or make-up day's name (国庆节), also under a company entry; '' for a plain day */
  name: z.string(),
  /** the company entry's note ('' without one) */
  note: z.string(),
  /** the day as the official schedule has it, without the company's entry */
  officialWork: z.boolean(),
});
export type CalendarDay = z.output<typeof calendarDay>;

const scheduleDay = z.object({ line: z.int(), date: z.string(), kind: z.enum(['work', 'off']), name: z.string() });
const scheduleError = z.object({ line: z.int(), text: z.string(), message: z.string() });

export const calendarMethods = {
  'calendar.workingDays': {
    input: z
      .object({
        from: dateSchema,
        to: dateSchema,
        /** minus that rep's leave days (daily reports with attendance 请假) */
        repId: idSchema.optional(),
      })
      .strict(),
    output: z.object({
      count: z.int(),
      days: z.array(z.string()),
      /** years in the range whose official holiday schedule is not known (plain weekdays assumed) */
      yearsWithoutSchedule: z.array(z.int()),
    }),
  },
  // every day of a year as the core counts it, with the month totals
  'calendar.year': {
    input: z.object({ year: yearSchema }).strict(),
    output: z.object({
      year: z.int(),
      days: z.array(calendarDay),
      /** working days of January … December */
      monthWorkingDays: z.array(z.int()),
      workingDays: z.int(),
      hasOfficialSchedule: z.boolean(),
      /** the last year chinese-days knows the official schedule of */
      libraryLastYear: z.int(),
      /** days of the year the office entered as the official schedule */
      officialEntries: z.int(),
    }),
  },
  // the company's own days off or on ('company'), or single corrections of the official schedule ('official');
  // kind null removes the entry. One transaction, every change audited.
  'calendar.setDays': {
    input: z
      .object({
        dates: z.array(dateSchema).min(1).max(400),
        source: z.enum(['company', 'official']),
        kind: z.enum(['work', 'off']).nullable(),
        note: text(100).default(''),
      })
      .strict(),
    output: z.object({ changed: z.int() }),
  },
  // the State Council's published schedule of a year, pasted as text (format: electron/core/modules/calendar/schedule.ts);
  // commit false answers the preview, commit true replaces the year's official entries in one transaction
  'calendar.importSchedule': {
    input: z
      .object({
        year: yearSchema,
        text: z.string().max(20_000),
        commit: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      year: z.int(),
      days: z.array(scheduleDay),
      errors: z.array(scheduleError),
      /** lines without any date (a heading, 共7天 …), shown so nothing is dropped unseen */
      ignored: z.array(z.object({ line: z.int(), text: z.string() })),
      offDays: z.int(),
      makeUpDays: z.int(),
      /** the year's working days with this schedule (and the company's days), January … December */
      monthWorkingDays: z.array(z.int()),
      workingDays: z.int(),
      /** official entries of the year there were before (replaced on commit) */
      replaced: z.int(),
      committed: z.boolean(),
    }),
  },
} as const;

export type CalendarYear = z.output<(typeof calendarMethods)['calendar.year']['output']>;
export type SchedulePreview = z.output<(typeof calendarMethods)['calendar.importSchedule']['output']>;
