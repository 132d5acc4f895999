// 销售会议: meetings with attendees, decisions and action items followed up until done.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { operators } from '../operators/schema';
import { reps } from '../reps/schema';

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    title: text('title').notNull(),
    agenda: text('agenda').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('meetings_date_idx').on(t.date)],
);

export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    repId: integer('rep_id').references(() => reps.id),
    operatorId: integer('operator_id').references(() => operators.id),
  },
  (t) => [
    index('meeting_attendees_meeting_idx').on(t.meetingId),
    check('meeting_attendees_one_ck', sql`(${t.repId} is null) <> (${t.operatorId} is null)`),
  ],
);

export const meetingActionItems = sqliteTable(
  'meeting_action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    ownerRepId: integer('owner_rep_id').references(() => reps.id),
    ownerOperatorId: integer('owner_operator_id').references(() => operators.id),
    dueDate: text('due_date'),
    done: integer('done').notNull().default(0),
    doneDate: text('done_date'),
    // the meeting where it was marked done, when that was a later one
    doneInMeetingId: integer('done_in_meeting_id').references(() => meetings.id),
  },
  (t) => [
    index('meeting_action_items_meeting_idx').on(t.meetingId, t.seq),
    index('meeting_action_items_open_idx').on(t.done, t.dueDate),
    check('meeting_action_items_done_ck', sql`${t.done} in (0, 1)`),
  ],
);
