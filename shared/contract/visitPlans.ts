// 每日拜访计划表 Daily visit plan: per rep per day, draft → submitted → signed (or returned to draft).
import { z } from 'zod';
import { dateSchema, idSchema, pageInput, sortInput, text } from './common';
import { formListRow, formStateInputs, signatureFields } from './dailyForms';
import { formStates, visitPurposes } from '../domain/dailyForms';

import { dailyFormSortFields } from './sortFields';

export { dailyFormSortFields };

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

const planLineInput = z
  .object({
    /** the line's id when editing, so report lines that point at it stay linked */
    id: idSchema.optional(),
    customerId: idSchema,
    plannedTime: timeOfDay.nullable().optional(),
    purposes: z.array(z.enum(visitPurposes)).min(1, '至少选择一个拜访目的').max(visitPurposes.length),
    contact: text(40).optional(),
    notes: text(200).optional(),
  })
  .strict();

const planLine = z.object({
  id: z.int(),
  seq: z.int(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  /** region path of the customer, 市›片区 */
  regionPath: z.string(),
  address: z.string(),
  plannedTime: z.string().nullable(),
  purposes: z.array(z.enum(visitPurposes)),
  contact: z.string(),
  notes: z.string(),
});

export const visitPlanDetail = z.object({
  id: z.int(),
  repId: z.int(),
  repCode: z.string(),
  repName: z.string(),
  teamName: z.string().nullable(),
  date: z.string(),
  notes: z.string(),
  ...signatureFields,
  lines: z.array(planLine),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VisitPlanDetail = z.infer<typeof visitPlanDetail>;

export const dailyFormListInput = z
  .object({
    ...pageInput,
    from: dateSchema,
    to: dateSchema,
    repId: idSchema.optional(),
    teamId: idSchema.optional(),
    state: z.enum([...formStates, 'returned']).optional(),
    sort: sortInput(dailyFormSortFields),
  })
  .strict();

export const visitPlanMethods = {
  /** null when the rep has no plan for that day */
  'visitPlans.get': { input: z.object({ repId: idSchema, date: dateSchema }).strict(), output: visitPlanDetail.nullable() },
  /** without id: creates the plan (CONFLICT when the rep already has one that day); with id: replaces a draft's content */
  'visitPlans.save': {
    input: z
      .object({
        id: idSchema.optional(),
        repId: idSchema,
        date: dateSchema,
        notes: text(500).optional(),
        lines: z.array(planLineInput).max(40),
      })
      .strict(),
    output: visitPlanDetail,
  },
  /** lines to start a plan from: the rep's last earlier plan (previous working day) or the same weekday last week */
  'visitPlans.copySource': {
    input: z.object({ repId: idSchema, date: dateSchema, copyFrom: z.enum(['previousDay', 'lastWeek']) }).strict(),
    output: visitPlanDetail.nullable(),
  },
  'visitPlans.submit': { input: formStateInputs.submit, output: visitPlanDetail },
  'visitPlans.return': { input: formStateInputs.return, output: visitPlanDetail },
  'visitPlans.sign': { input: formStateInputs.sign, output: visitPlanDetail },
  'visitPlans.unsign': { input: formStateInputs.unsign, output: visitPlanDetail },
  'visitPlans.list': { input: dailyFormListInput, output: z.object({ rows: z.array(formListRow), total: z.int() }) },
} as const;
