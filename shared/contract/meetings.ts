// 销售会议 Sales meetings: date, attendees (reps and operators), agenda, decisions and action items (owner, due date,
// done). A meeting shows the items still open from earlier meetings (carriedOver) until they are marked done.
import { z } from 'zod';
import { dateSchema, idSchema, pageInput, requiredText, sortInput, text } from './common';

export const meetingSortFields = ['date', 'subject', 'updatedAt'] as const;

const actionItem = z.object({
  id: z.int(),
  meetingId: z.int(),
  seq: z.int(),
  content: z.string(),
  ownerRepId: z.int().nullable(),
  ownerOperatorId: z.int().nullable(),
  /** the owner's name (rep or operator), '' when none */
  ownerName: z.string(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  doneDate: z.string().nullable(),
  /** the later meeting where it was marked done */
  doneInMeetingId: z.int().nullable(),
});
export type MeetingActionItem = z.infer<typeof actionItem>;

const carriedItem = actionItem.extend({
  /** the meeting the item comes from */
  meetingDate: z.string(),
  meetingSubject: z.string(),
});
export type CarriedActionItem = z.infer<typeof carriedItem>;

const attendee = z.object({
  repId: z.int().nullable(),
  operatorId: z.int().nullable(),
  name: z.string(),
});

export const meetingDetail = z.object({
  id: z.int(),
  date: z.string(),
  subject: z.string(),
  agenda: z.string(),
  decisions: z.string(),
  attendees: z.array(attendee),
  actionItems: z.array(actionItem),
  /** items of earlier meetings (by date) not done, and those marked done in this meeting */
  carriedOver: z.array(carriedItem),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

const meetingRow = z.object({
  id: z.int(),
  date: z.string(),
  subject: z.string(),
  /** attendee names joined by 、 */
  attendeeNames: z.string(),
  itemCount: z.int(),
  openItemCount: z.int(),
  updatedAt: z.string(),
});
export type MeetingRow = z.infer<typeof meetingRow>;

const actionItemInput = z
  .object({
    /** the item's id when editing */
    id: idSchema.optional(),
    content: requiredText(500),
    ownerRepId: idSchema.nullable().optional(),
    ownerOperatorId: idSchema.nullable().optional(),
    dueDate: dateSchema.nullable().optional(),
    done: z.boolean().default(false),
  })
  .strict()
  .refine((i) => i.ownerRepId == null || i.ownerOperatorId == null, {
    message: '负责人只能是一位业务员或一位操作员',
    path: ['ownerOperatorId'],
  });

export const meetingMethods = {
  'meetings.list': {
    input: z
      .object({
        ...pageInput,
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        /** meetings this rep attended */
        repId: idSchema.optional(),
        sort: sortInput(meetingSortFields),
      })
      .strict(),
    output: z.object({ rows: z.array(meetingRow), total: z.int() }),
  },
  'meetings.get': { input: z.object({ id: idSchema }).strict(), output: meetingDetail },
  /** without id: a new meeting; with id: replaces its text, attendees and items (items left out are deleted) */
  'meetings.save': {
    input: z
      .object({
        id: idSchema.optional(),
        date: dateSchema,
        subject: requiredText(100),
        agenda: text(4000).default(''),
        decisions: text(4000).default(''),
        attendees: z
          .object({
            repIds: z.array(idSchema).max(200).default([]),
            operatorIds: z.array(idSchema).max(200).default([]),
          })
          .strict(),
        actionItems: z.array(actionItemInput).max(200),
      })
      .strict(),
    output: meetingDetail,
  },
  /** marks one item done or open again; with meetingId (a later meeting) it records where it was done */
  'meetings.setItemDone': {
    input: z.object({ itemId: idSchema, done: z.boolean(), meetingId: idSchema.optional() }).strict(),
    output: actionItem,
  },
} as const;
