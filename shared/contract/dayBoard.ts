// 今日看板 Day board: every active rep's plan and report for one date — the office's morning and evening checklist.
import { z } from 'zod';
import { dateSchema, idSchema } from './common';
import { formStates } from '../domain/dailyForms';

const boardForm = z
  .object({
    id: z.int(),
    state: z.enum(formStates),
    returned: z.boolean(),
    /** lines on the form */
    visits: z.int(),
    /** report only: visits marked done (equals visits on a plan) */
    visitsDone: z.int(),
  })
  .nullable();

export const dayBoardMethods = {
  'dayBoard.get': {
    input: z.object({ date: dateSchema, teamId: idSchema.optional() }).strict(),
    output: z.object({
      date: z.string(),
      rows: z.array(
        z.object({
          repId: z.int(),
          repCode: z.string(),
          repName: z.string(),
          teamId: z.int().nullable(),
          teamName: z.string().nullable(),
          plan: boardForm,
          report: boardForm,
          /** whether the signed-in operator may sign this rep's forms */
          canSign: z.boolean(),
        }),
      ),
    }),
  },
} as const;
