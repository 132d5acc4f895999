// 商机 Opportunities (kanban, list, detail with its stage history, move) and 销售漏斗 the pipeline funnel.
// The names and shapes are the contract: outside checks call them over HTTP.
import { z } from 'zod';
import { customerSources } from '../domain/customer';
import { lostReasons, opportunityStages } from '../domain/opportunity';
import { dateSchema, fenSchema, formatError, idSchema, pageInput, phoneSchema, requiredText, sortInput, text } from './common';
import { opportunitySortFields } from './sortFields';

export { opportunitySortFields };

const stage = z.enum(opportunityStages);
const monthSchema = z.string(formatError('月份格式应为 YYYY-MM')).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** 0–100 % in basis points */
export const probabilityBpSchema = z.int().min(0, '不能小于 0%').max(10_000, '不能大于 100%');

/** A new customer typed on the opportunity form: created in lifecycle 潜在 in the same transaction. */
const prospectInput = z
  .object({
    name: requiredText(100),
    regionId: idSchema,
    repId: idSchema.optional(),
    phone: phoneSchema.optional(),
    address: text(200).optional(),
    industry: text(40).optional(),
    source: z.enum(customerSources).optional(),
    contactName: text(40).optional(),
  })
  .strict();

/** One row of the list (and the fields every answer about an opportunity has). */
const opportunityRow = z.object({
  id: z.int(),
  title: z.string(),
  customerId: z.int(),
  customerName: z.string(),
  /** the customer's region (filters and the list show it) */
  regionId: z.int().nullable(),
  regionName: z.string().nullable(),
  repId: z.int(),
  repName: z.string(),
  stage,
  probabilityBp: z.int(),
  amountFen: z.int(),
  /** amount × probability, rounded to the 分 */
  weightedFen: z.int(),
  expectedCloseDate: z.string(),
  nextStep: z.string(),
  nextStepDate: z.string().nullable(),
  competitor: z.string(),
  source: z.string(),
  lostReason: z.enum(lostReasons).nullable(),
  /** the draft (or later posted) sales order it was won into */
  orderId: z.int().nullable(),
  createdOn: z.string(),
  closedOn: z.string().nullable(),
  /** the business date it entered its current stage */
  stageSince: z.string(),
  updatedAt: z.string(),
});
export type OpportunityRow = z.infer<typeof opportunityRow>;

const historyEntry = z.object({
  id: z.int(),
  /** null on the first entry: the creation */
  fromStage: stage.nullable(),
  toStage: stage,
  changedOn: z.string(),
  operatorName: z.string(),
  note: z.string(),
  /** the daily report visit line that moved it (or only named it, when the stage stayed) */
  visit: z.object({ reportId: z.int(), date: z.string(), repName: z.string(), summary: z.string() }).optional(),
});
export type OpportunityHistoryEntry = z.infer<typeof historyEntry>;

const opportunityDetail = opportunityRow.extend({
  customerLifecycle: z.string(),
  orderDocNo: z.string().nullable(),
  lostNote: z.string(),
  /** true when the probability was typed by hand (a move then keeps it instead of taking the stage default) */
  probabilityManual: z.boolean(),
  products: z.array(z.object({ id: z.int(), sku: z.string(), name: z.string() })),
  history: z.array(historyEntry),
  /** visit lines of daily reports naming it that did not move it (the history shows those that did) */
  visits: z.array(z.object({ lineId: z.int(), reportId: z.int(), date: z.string(), repName: z.string(), summary: z.string() })),
  /** days spent in each stage it has been in (a revisited stage adds up; the current one counts until today) */
  daysInStage: z.array(z.object({ stage, days: z.int() })),
});
export type OpportunityDetail = z.infer<typeof opportunityDetail>;

/** The list filters, shared by `opportunities.list` and its export. */
export const opportunityFilters = {
  sort: sortInput(opportunitySortFields),
  repId: idSchema.optional(),
  teamId: idSchema.optional(),
  /** includes the whole subtree (the customer's region) */
  regionId: idSchema.optional(),
  customerId: idSchema.optional(),
  stage: stage.optional(),
  stages: z.array(stage).max(opportunityStages.length).optional(),
  /** expected close month YYYY-MM */
  closeMonth: monthSchema.optional(),
  minAmountFen: fenSchema.optional(),
  maxAmountFen: fenSchema.optional(),
  /** title, customer name / pinyin initials, competitor, rep */
  q: text(100).optional(),
  /** the visit plan's question: the opportunities whose next step falls on this day */
  nextStepDate: dateSchema.optional(),
};

const boardCard = z.object({
  id: z.int(),
  title: z.string(),
  customerId: z.int(),
  customerName: z.string(),
  repId: z.int(),
  repName: z.string(),
  amountFen: z.int(),
  probabilityBp: z.int(),
  expectedCloseDate: z.string(),
  nextStep: z.string(),
  nextStepDate: z.string().nullable(),
  stageSince: z.string(),
  closedOn: z.string().nullable(),
  lostReason: z.enum(lostReasons).nullable(),
});
export type BoardCard = z.infer<typeof boardCard>;

const funnelStage = z.object({
  stage,
  /** opportunities entering this stage in the period (one passed over counts as entered; a revisit counts once) */
  entered: z.int(),
  amountFen: z.int(),
  /** entered(next stage) / entered(this stage); null for 成交 and for a stage nobody entered */
  conversionBp: z.int().nullable(),
  /** average days spent in the stage by those that stayed in it (passed-over stages add nothing); null when none */
  avgDays: z.number().nullable(),
});

export const opportunityMethods = {
  'opportunities.save': {
    input: z
      .object({
        id: idSchema.optional(),
        /** an existing customer, or `prospect` for a new one (exactly one of the two) */
        customerId: idSchema.optional(),
        prospect: prospectInput.optional(),
        title: requiredText(100),
        amountFen: fenSchema,
        expectedCloseDate: dateSchema,
        /** on a new one the stage it starts in (default 潜在客户识别); on an existing one a change is a move dated today */
        stage: stage.optional(),
        /** absent: the stage's default */
        probabilityBp: probabilityBpSchema.optional(),
        /** absent: the customer's rep, else the signed-in operator's */
        repId: idSchema.optional(),
        productIds: z.array(idSchema).max(50).optional(),
        nextStep: text(200).optional(),
        nextStepDate: dateSchema.nullable().optional(),
        competitor: text(100).optional(),
        source: text(40).optional(),
        /** the business date it was entered (default today) */
        createdOn: dateSchema.optional(),
      })
      .strict(),
    output: opportunityDetail,
  },
  'opportunities.get': { input: z.object({ id: idSchema }).strict(), output: opportunityDetail },
  'opportunities.list': {
    input: z.object({ ...pageInput, ...opportunityFilters }).strict(),
    /** totals: of every row the filters select, not only this page */
    output: z.object({
      rows: z.array(opportunityRow),
      total: z.int(),
      totals: z.object({ amountFen: z.int(), weightedFen: z.int() }),
    }),
  },
  /** the kanban: the open stages and the won / lost of the last 30 days; cards capped per column, count and amount not */
  'opportunities.board': {
    input: z.object({ repId: idSchema.optional(), teamId: idSchema.optional(), regionId: idSchema.optional() }).strict(),
    output: z.object({
      columns: z.array(z.object({ stage, count: z.int(), amountFen: z.int(), cards: z.array(boardCard) })),
    }),
  },
  'opportunities.move': {
    input: z
      .object({
        id: idSchema,
        stage,
        /** the business date of the change (default today); not before its last change */
        date: dateSchema.optional(),
        /** required for 流失 */
        lostReason: z.enum(lostReasons).optional(),
        lostNote: text(500).optional(),
        /** 成交: also create a draft sales order with its products */
        createOrder: z.boolean().optional(),
      })
      .strict(),
    output: opportunityDetail,
  },
  'pipeline.funnel': {
    input: z
      .object({
        from: dateSchema,
        to: dateSchema,
        repId: idSchema.optional(),
        teamId: idSchema.optional(),
        regionId: idSchema.optional(),
      })
      .strict(),
    output: z.object({
      stages: z.array(funnelStage),
      /** won / (won + lost) closed in the period; null when none closed */
      winRateBp: z.int().nullable(),
      /** created → won, averaged over those won in the period; null when none */
      avgCycleDays: z.number().nullable(),
      /** Σ amount × probability of the open opportunities expected to close this month or the next two */
      weightedFen: z.int(),
      /** those months one by one, beside the sales target's remaining gap (target − sales so far; null: no target) */
      byMonth: z.array(z.object({ month: z.string(), weightedFen: z.int(), targetGapFen: z.int().nullable() })),
    }),
  },
} as const;
