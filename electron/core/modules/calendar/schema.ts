// 工作日历 Working-day calendar: days that differ from the library's official schedule — an official schedule the
// office entered for a year the library does not know yet, and the company's own extra days off or on.
import { sql } from 'drizzle-orm';
import { check, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';

export const calendarDays = sqliteTable(
  'calendar_days',
  {
    date: text('date').notNull(),
    // official: 国务院 schedule entered by the office; company: the company's own day off or on (wins)
    source: text('source').notNull(),
    // work or off
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.date, t.source] }),
    check('calendar_days_source_ck', sql`${t.source} in ('official', 'company')`),
    check('calendar_days_kind_ck', sql`${t.kind} in ('work', 'off')`),
  ],
);
