// 市场状况反映表 Market feedback: what reps hear in the market (consumers, competitors, dealers, 窜货 and price
// violations), with urgency, routed to a handler: open → handled with a response; a handled report is reopened, not edited.
import { z } from 'zod';
import { feedbackTypes, handleStatuses, urgencies } from '../domain/feedback';
import { dateSchema, idSchema, pageInput, requiredText, sortInput, text } from './common';
import { marketFeedbackSortFields } from './sortFields';
import { handledFields, handleInput, reopenInput } from './complaints';

export { marketFeedbackSortFields };

/** The list filters, shared by `marketFeedback.list` and its export. */
export const marketFeedbackFilters = {
  sort: sortInput(marketFeedbackSortFields),
  /** date range of the reports, both ends included */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  repId: idSchema.optional(),
  status: z.array(z.enum(handleStatuses)).max(handleStatuses.length).optional(),
  feedbackType: z.array(z.enum(feedbackTypes)).max(feedbackTypes.length).optional(),
  urgency: z.array(z.enum(urgencies)).max(urgencies.length).optional(),
  customerId: idSchema.optional(),
  dealerId: idSchema.optional(),
  productId: idSchema.optional(),
};

const marketFeedbackRow = z.object({
  id: z.int(),
  /** FK-YYYYMMDD-NNN by the report's date */
  code: z.string(),
  date: z.string(),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  feedbackType: z.enum(feedbackTypes),
  urgency: z.enum(urgencies),
  subject: z.string(),
  content: z.string(),
  competitor: z.string(),
  productId: z.int().nullable(),
  productName: z.string().nullable(),
  dealerId: z.int().nullable(),
  dealerName: z.string().nullable(),
  customerId: z.int().nullable(),
  customerName: z.string().nullable(),
  regionId: z.int().nullable(),
  /** the region's names from the root */
  regionPath: z.array(z.string()),
  /** the posted 销售单 the report is about (a 窜货 from the 窜货预警 list), its number and parties */
  orderId: z.int().nullable(),
  orderDocNo: z.string().nullable(),
  orderDealerName: z.string().nullable(),
  orderCustomerName: z.string().nullable(),
  ...handledFields,
});
export type MarketFeedbackRow = z.infer<typeof marketFeedbackRow>;

export const marketFeedbackMethods = {
  'marketFeedback.list': {
    input: z.object({ ...pageInput, ...marketFeedbackFilters }).strict(),
    output: z.object({ rows: z.array(marketFeedbackRow), total: z.int() }),
  },
  'marketFeedback.get': { input: z.object({ id: idSchema }).strict(), output: marketFeedbackRow },
  'marketFeedback.save': {
    input: z
      .object({
        id: idSchema.optional(),
        date: dateSchema,
        repId: idSchema.nullable().default(null),
        feedbackType: z.enum(feedbackTypes),
        urgency: z.enum(urgencies).default('normal'),
        subject: text(100).default(''),
        content: requiredText(2000),
        competitor: text(100).default(''),
        productId: idSchema.nullable().default(null),
        dealerId: idSchema.nullable().default(null),
        customerId: idSchema.nullable().default(null),
        regionId: idSchema.nullable().default(null),
        /** a posted 销售单 (not a draft, not a 红冲 row); the form offers it for 窜货与价格违规 */
        orderId: idSchema.nullable().default(null),
      })
      .strict(),
    output: z.object({ id: z.int(), code: z.string() }),
  },
  /** open → handled: who handled it, the response and the date */
  'marketFeedback.handle': { input: handleInput, output: marketFeedbackRow },
  /** handled → open again (the earlier answer stays in the audit log) */
  'marketFeedback.reopen': { input: reopenInput, output: marketFeedbackRow },
} as const;
