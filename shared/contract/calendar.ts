// 工作日历 Working-day calendar: public holidays and 调休 make-up workdays, the company's own days off or on, and a rep's
// leave (from the daily reports' attendance).
import { z } from 'zod';
import { dateSchema, idSchema } from './common';

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
} as const;
