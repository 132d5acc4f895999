// 客诉 Complaints: a customer's complaint about a product, received on a date, handled with a resolution:
// open → handled; a handled complaint is reopened, never edited in place.
import { z } from 'zod';
import { handleStatuses, urgencies } from '../domain/feedback';
import { dateSchema, idSchema, pageInput, requiredText, sortInput } from './common';
import { complaintSortFields } from './sortFields';

export { complaintSortFields };

/** `.handle` of feedback and complaints: who handled it, the response, the date (not before the record's date). */
export const handleInput = z
  .object({ id: idSchema, handler: requiredText(40), response: requiredText(2000), handledDate: dateSchema })
  .strict();
/** `.reopen`: a handled record back to open, with the reason. */
export const reopenInput = z.object({ id: idSchema, reason: requiredText(200) }).strict();

/** The status part of a feedback or complaint row: open, or handled by someone with a response on a date. */
export const handledFields = {
  status: z.enum(handleStatuses),
  handler: z.string(),
  response: z.string(),
  handledDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** The list filters, shared by `complaints.list` and its export. */
export const complaintFilters = {
  sort: sortInput(complaintSortFields),
  /** received between these dates, both included */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  repId: idSchema.optional(),
  status: z.array(z.enum(handleStatuses)).max(handleStatuses.length).optional(),
  urgency: z.array(z.enum(urgencies)).max(urgencies.length).optional(),
  customerId: idSchema.optional(),
  productId: idSchema.optional(),
};

const complaintRow = z.object({
  id: z.int(),
  /** KS-YYYYMMDD-NNN by the date received */
  code: z.string(),
  receivedDate: z.string(),
  customerId: z.int(),
  customerName: z.string(),
  productId: z.int().nullable(),
  productName: z.string().nullable(),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  content: z.string(),
  urgency: z.enum(urgencies),
  ...handledFields,
});
export type ComplaintRow = z.infer<typeof complaintRow>;

export const complaintMethods = {
  'complaints.list': {
    input: z.object({ ...pageInput, ...complaintFilters }).strict(),
    output: z.object({ rows: z.array(complaintRow), total: z.int() }),
  },
  'complaints.get': { input: z.object({ id: idSchema }).strict(), output: complaintRow },
  'complaints.save': {
    input: z
      .object({
        id: idSchema.optional(),
        receivedDate: dateSchema,
        customerId: idSchema,
        productId: idSchema.nullable().default(null),
        /** left out: the customer's rep */
        repId: idSchema.nullable().optional(),
        content: requiredText(2000),
        urgency: z.enum(urgencies).default('normal'),
      })
      .strict(),
    output: z.object({ id: z.int(), code: z.string() }),
  },
  'complaints.handle': { input: handleInput, output: complaintRow },
  'complaints.reopen': { input: reopenInput, output: complaintRow },
} as const;
