// 退货单 Sales returns against a posted order's lines: at most what is left to return, draft → posted.
import { z } from 'zod';
import { dateSchema, idSchema, pageInput, sortInput, text } from './common';
import { qtySchema } from './orders';
import { returnSortFields } from './sortFields';

export { returnSortFields };

const returnDetail = z.object({
  id: z.int(),
  docNo: z.string(),
  orderId: z.int(),
  orderDocNo: z.string(),
  customerId: z.int(),
  customerName: z.string(),
  date: z.string(),
  state: z.enum(['draft', 'posted']),
  totalFen: z.int(),
  costFen: z.int(),
  reason: z.string(),
  postedAt: z.string().nullable(),
  postedByName: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.int(),
      orderLineId: z.int(),
      productId: z.int(),
      sku: z.string(),
      productName: z.string(),
      unit: z.string(),
      qty: z.number(),
      amountFen: z.int(),
      costFen: z.int(),
    }),
  ),
});
export type ReturnDetail = z.infer<typeof returnDetail>;

const returnRow = returnDetail.omit({ lines: true, costFen: true, postedAt: true, postedByName: true });

export const returnMethods = {
  'returns.save': {
    input: z
      .object({
        id: idSchema.optional(),
        orderId: idSchema,
        date: dateSchema,
        reason: text(200).default(''),
        lines: z
          .array(z.object({ orderLineId: idSchema, qty: qtySchema }).strict())
          .min(1, '至少要有一行')
          .max(500),
      })
      .strict(),
    output: z.object({ id: z.int(), docNo: z.string() }),
  },
  'returns.post': { input: z.object({ id: idSchema }).strict(), output: z.object({ id: z.int(), docNo: z.string() }) },
  'returns.get': { input: z.object({ id: idSchema }).strict(), output: returnDetail },
  'returns.list': {
    input: z
      .object({
        ...pageInput,
        sort: sortInput(returnSortFields),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        customerId: idSchema.optional(),
        orderId: idSchema.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(returnRow), total: z.int(), sumFen: z.int() }),
  },
} as const;
