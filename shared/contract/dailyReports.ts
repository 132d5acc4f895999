// 每日销售报告表 Daily sales report: per rep per day, one line per visit (planned or not), same states as the plan.
import { z } from 'zod';
import { dateSchema, fenSchema, idSchema, text } from './common';
import { formListRow, formStateInputs, signatureFields } from './dailyForms';
import { dailyFormListInput } from './visitPlans';
import { attendanceKinds } from '../domain/dailyForms';
import { trackingStatuses } from '../domain/targets';
import { opportunityStages } from '../domain/opportunity';

const reportLineInput = z
  .object({
    id: idSchema.optional(),
    /** the plan line this visit fulfils; absent for an unplanned visit */
    planLineId: idSchema.nullable().optional(),
    customerId: idSchema,
    done: z.boolean(),
    /** required when the visit was not done */
    reason: text(200).optional(),
    outcome: text(500).optional(),
    nextStep: text(200).optional(),
    orderFen: fenSchema.optional(),
    collectedFen: fenSchema.optional(),
    complaintId: idSchema.nullable().optional(),
    /** the 商机 this visit worked on (the line's customer's), and the stage the visit moved it to (null: only named);
     *  the move is made when the report is saved, dated the report's day */
    opportunityId: idSchema.nullable().optional(),
    opportunityStage: z.enum(opportunityStages).nullable().optional(),
  })
  .strict();

const reportLine = z.object({
  id: z.int(),
  seq: z.int(),
  planLineId: z.int().nullable(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  regionPath: z.string(),
  /** the plan line's time and purposes, for the printed planned-vs-actual columns */
  plannedTime: z.string().nullable(),
  done: z.boolean(),
  reason: z.string(),
  outcome: z.string(),
  nextStep: z.string(),
  orderFen: z.int(),
  collectedFen: z.int(),
  complaintId: z.int().nullable(),
  complaintCode: z.string().nullable(),
  /** present on a line naming a 商机 */
  opportunityId: z.int().optional(),
  opportunityTitle: z.string().optional(),
  /** the stage this visit moved the opportunity to; null when it only named it */
  opportunityStage: z.enum(opportunityStages).nullable().optional(),
  /**
   * Present when the rep posted orders or collections for this customer that day: which amount is the documents' sum
   * (not typed; a save must leave it as it is). A second line of the same customer shows 0 for it.
   */
  fromDocuments: z.object({ order: z.boolean(), collected: z.boolean() }).optional(),
});

/** The rep's month so far (1st of the month through the report's date), from the reports themselves. */
const monthToDate = z.object({
  from: z.string(),
  to: z.string(),
  reportDays: z.int(),
  visits: z.int(),
  visitsDone: z.int(),
  orderFen: z.int(),
  collectedFen: z.int(),
  /** 目标达成 as targets.tracking reckons it (posted documents, as of the report's date): the rep's sales target for
   *  the month (null when none is set), the sales so far, achievement and time progress in bp, the status */
  salesTargetFen: z.int().nullable().optional(),
  salesActualFen: z.int().optional(),
  achievementBp: z.int().nullable().optional(),
  timeProgressBp: z.int().nullable().optional(),
  targetStatus: z.enum(trackingStatuses).optional(),
});

export const dailyReportDetail = z.object({
  id: z.int(),
  repId: z.int(),
  repCode: z.string(),
  repName: z.string(),
  teamName: z.string().nullable(),
  date: z.string(),
  attendance: z.enum(attendanceKinds),
  problems: z.string(),
  tomorrowPlan: z.string(),
  /** the plan of the same day, if any (its lines are what the report's planLineIds point at) */
  planId: z.int().nullable(),
  ...signatureFields,
  lines: z.array(reportLine),
  /** customers the rep posted orders or collections for that day without a line in the report (present when any) */
  unlistedDocuments: z
    .array(z.object({ customerId: z.int(), customerCode: z.string(), customerName: z.string(), orderFen: z.int(), collectedFen: z.int() }))
    .optional(),
  totals: z.object({ visits: z.int(), visitsDone: z.int(), orderFen: z.int(), collectedFen: z.int() }),
  monthToDate,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DailyReportDetail = z.infer<typeof dailyReportDetail>;

export const dailyReportMethods = {
  'dailyReports.get': { input: z.object({ repId: idSchema, date: dateSchema }).strict(), output: dailyReportDetail.nullable() },
  /** the rep's posted orders and collections of the day per customer (what a report's amounts come from), report or not */
  'dailyReports.documents': {
    input: z.object({ repId: idSchema, date: dateSchema }).strict(),
    output: z.object({
      rows: z.array(
        z.object({
          customerId: z.int(),
          customerCode: z.string(),
          customerName: z.string(),
          orderFen: z.int(),
          collectedFen: z.int(),
          orderDocNos: z.array(z.string()),
          collectionDocNos: z.array(z.string()),
        }),
      ),
    }),
  },
  'dailyReports.save': {
    input: z
      .object({
        id: idSchema.optional(),
        repId: idSchema,
        date: dateSchema,
        attendance: z.enum(attendanceKinds),
        problems: text(1000).optional(),
        tomorrowPlan: text(1000).optional(),
        lines: z.array(reportLineInput).max(40),
      })
      .strict(),
    output: dailyReportDetail,
  },
  'dailyReports.submit': { input: formStateInputs.submit, output: dailyReportDetail },
  'dailyReports.return': { input: formStateInputs.return, output: dailyReportDetail },
  'dailyReports.sign': { input: formStateInputs.sign, output: dailyReportDetail },
  'dailyReports.unsign': { input: formStateInputs.unsign, output: dailyReportDetail },
  'dailyReports.list': { input: dailyFormListInput, output: z.object({ rows: z.array(formListRow), total: z.int() }) },
} as const;
