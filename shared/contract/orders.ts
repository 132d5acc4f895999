// 销售单 Sales orders: drafts saved freely, posted once (credit control, floor prices, 窜货 flag), reversed (红冲) never
// edited. Quantities up to 3 decimals, kept exactly; every amount in integer 分.
import { z } from 'zod';
import { channelTypes } from '../domain/dealer';
import { orderStates, settlements } from '../domain/money';
import { dateSchema, fenSchema, idSchema, pageInput, requiredText, sortInput, text } from './common';
import { orderSortFields } from './sortFields';

export { orderSortFields };

/** A quantity: more than 0, at most 3 decimals (kept as exact thousandths in the core). */
export const qtySchema = z
  .number()
  .positive('必须大于 0')
  .max(100_000_000)
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, '最多 3 位小数');

const orderLineInput = z
  .object({
    productId: idSchema,
    qty: qtySchema,
    unitPriceFen: fenSchema,
    discountFen: fenSchema.default(0),
  })
  .strict();

export const overrideInput = z
  .object({
    reason: requiredText(200),
    /** a manager authorising on someone else's session: their name and password (counted toward their sign-in lockout) */
    managerName: text(20).optional(),
    managerPassword: z.string().max(100).optional(),
  })
  .strict();

/** The credit figures of an order's customer as of the order's date, with this order counted in. */
export const creditCheck = z.object({
  mode: z.enum(['warn', 'block']),
  creditLimitFen: z.int(),
  /** balance before this order (owed − prepayment), as of the order's date */
  balanceFen: z.int(),
  /** balance once this order is posted */
  afterFen: z.int(),
  /** unpaid amounts overdue by more than the setting's days, as of the order's date */
  overdueFen: z.int(),
  overdueDaysLimit: z.int(),
  /** the longest overdue of the customer's unpaid receivables, in days (0: none) */
  maxOverdueDays: z.int(),
  overLimit: z.boolean(),
  overdue: z.boolean(),
});
export type CreditCheck = z.infer<typeof creditCheck>;

const orderLine = z.object({
  id: z.int(),
  seq: z.int(),
  productId: z.int(),
  sku: z.string(),
  productName: z.string(),
  spec: z.string(),
  unit: z.string(),
  qty: z.number(),
  unitPriceFen: z.int(),
  discountFen: z.int(),
  amountFen: z.int(),
  unitCostFen: z.int(),
  costFen: z.int(),
  belowFloor: z.boolean(),
  floorPriceFen: z.int(),
  /** already returned by posted returns (0 on a draft) */
  returnedQty: z.number(),
});

export const orderDetail = z.object({
  id: z.int(),
  docNo: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  dealerId: z.int().nullable(),
  dealerName: z.string().nullable(),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  date: z.string(),
  settlement: z.enum(settlements),
  dueDate: z.string(),
  discountFen: z.int(),
  subtotalFen: z.int(),
  totalFen: z.int(),
  costFen: z.int(),
  grossProfitFen: z.int(),
  state: z.enum(orderStates),
  reversalOfId: z.int().nullable(),
  reversedById: z.int().nullable(),
  reverseReason: z.string(),
  crossTerritory: z.boolean(),
  overrideReason: z.string().nullable(),
  overrideByName: z.string().nullable(),
  postedAt: z.string().nullable(),
  postedByName: z.string().nullable(),
  notes: z.string(),
  lines: z.array(orderLine),
  /** on a draft: the credit figures posting would be judged by */
  credit: creditCheck.nullable(),
  returns: z.array(z.object({ id: z.int(), docNo: z.string(), date: z.string(), state: z.string(), totalFen: z.int() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderDetail = z.infer<typeof orderDetail>;

const orderRow = z.object({
  id: z.int(),
  docNo: z.string(),
  date: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  dealerName: z.string().nullable(),
  repName: z.string().nullable(),
  settlement: z.enum(settlements),
  dueDate: z.string(),
  totalFen: z.int(),
  grossProfitFen: z.int(),
  state: z.enum(orderStates),
  reversalOfId: z.int().nullable(),
  crossTerritory: z.boolean(),
  lineCount: z.int(),
});
export type OrderRow = z.infer<typeof orderRow>;

export const orderFilters = {
  sort: sortInput(orderSortFields),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  customerId: idSchema.optional(),
  dealerId: idSchema.optional(),
  repId: idSchema.optional(),
  state: z.array(z.enum(orderStates)).max(orderStates.length).optional(),
  crossTerritory: z.boolean().optional(),
  // the dashboards' drill-down (analytics attribution): the customer's region subtree, the rep's team, the dealer's
  // channel type ('direct': no dealer), orders with a line in the product category subtree
  regionId: idSchema.optional(),
  teamId: idSchema.optional(),
  channelType: z.enum(channelTypes).optional(),
  productCategoryId: idSchema.optional(),
};

export const orderMethods = {
  'orders.save': {
    input: z
      .object({
        id: idSchema.optional(),
        customerId: idSchema,
        dealerId: idSchema.nullable().optional(),
        repId: idSchema.nullable().optional(),
        date: dateSchema,
        settlement: z.enum(settlements).optional(),
        dueDate: dateSchema.optional(),
        discountFen: fenSchema.default(0),
        notes: text(500).default(''),
        lines: z.array(orderLineInput).min(1, '至少要有一行').max(500),
      })
      .strict(),
    output: z.object({ id: z.int(), docNo: z.string() }),
  },
  'orders.post': {
    input: z.object({ id: idSchema, override: overrideInput.optional() }).strict(),
    output: z.object({ id: z.int(), docNo: z.string(), state: z.enum(orderStates), crossTerritory: z.boolean(), credit: creditCheck }),
  },
  'orders.reverse': {
    input: z.object({ id: idSchema, date: dateSchema.optional(), reason: requiredText(200) }).strict(),
    /** the reversing document */
    output: z.object({ id: z.int(), docNo: z.string() }),
  },
  'orders.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({ id: z.int() }) },
  'orders.get': { input: z.object({ id: idSchema }).strict(), output: orderDetail },
  'orders.list': {
    input: z.object({ ...pageInput, ...orderFilters }).strict(),
    output: z.object({ rows: z.array(orderRow), total: z.int(), sumFen: z.int() }),
  },
} as const;
