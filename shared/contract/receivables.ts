// 应收 Receivables as of any date: aging by customer / rep / dealer / region, a customer's balance and open items,
// the quick find (Ctrl+K), 客户对账单 statements and the 窜货预警 list. Documents dated after the as-of date do not
// exist for these answers. Every amount in integer 分.
import { z } from 'zod';
import { agingGroupings, statementKinds } from '../domain/money';
import { dateSchema, idSchema, pageInput, sortInput, text } from './common';
import { channelConflictSortFields } from './sortFields';

export { channelConflictSortFields };

/** Days overdue at which the buckets after 未到期 begin, ascending, e.g. [30, 60, 90, 180]. */
export const bucketEdgesSchema = z
  .array(z.int().min(1).max(3650))
  .min(1)
  .max(8)
  .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]!), '账龄分段必须从小到大');

const agingAmounts = {
  /** not yet due, less the prepayment (unallocated credits), so that notDue + Σ buckets = total */
  notDueFen: z.int(),
  /** overdue amounts, one per bucket: 1–edge₁, …, over the last edge */
  bucketsFen: z.array(z.int()),
  /** the balance: owed − prepayment */
  totalFen: z.int(),
  overdueFen: z.int(),
  prepaymentFen: z.int(),
};

const agingRow = z.object({
  /** the customer's, rep's, dealer's or region's id; 0 for "none" (no rep, no channel dealer, no region) */
  key: z.int(),
  code: z.string(),
  name: z.string(),
  /** a region row whose region has sub-regions: asking again with regionId = key shows them one level down */
  hasChildren: z.boolean(),
  ...agingAmounts,
});
export type AgingRow = z.infer<typeof agingRow>;

export const agingOutput = z.object({
  asOf: z.string(),
  groupBy: z.enum(agingGroupings),
  bucketEdges: z.array(z.int()),
  rows: z.array(agingRow),
  /** rows with any amount (the page's rows are a slice of these) */
  total: z.int(),
  totals: z.object(agingAmounts),
});
export type AgingOutput = z.infer<typeof agingOutput>;

const openItem = z.object({
  receivableId: z.int(),
  kind: z.enum(['order', 'opening']),
  sourceId: z.int(),
  docNo: z.string(),
  date: z.string(),
  dueDate: z.string(),
  amountFen: z.int(),
  paidFen: z.int(),
  unpaidFen: z.int(),
  /** as-of date − due date (negative: not yet due) */
  overdueDays: z.int(),
  /** 0 = 未到期, 1… the overdue buckets */
  bucket: z.int(),
  repName: z.string().nullable(),
});
export type OpenItem = z.infer<typeof openItem>;

const balanceOutput = z.object({
  customerId: z.int(),
  asOf: z.string(),
  /** owed − prepayment */
  balanceFen: z.int(),
  owedFen: z.int(),
  overdueFen: z.int(),
  prepaymentFen: z.int(),
  /** 0: no limit set (credit control does not check it) */
  creditLimitFen: z.int(),
  /** limit − balance (may be negative; meaningless when the limit is 0) */
  creditLeftFen: z.int(),
  lastOrderDate: z.string().nullable(),
  lastOrderFen: z.int().nullable(),
  lastCollectionDate: z.string().nullable(),
  lastCollectionFen: z.int().nullable(),
});
export type BalanceOutput = z.infer<typeof balanceOutput>;

const statementLine = z.object({
  date: z.string(),
  kind: z.enum(statementKinds),
  docNo: z.string(),
  /** raises the balance (sales, opening items, a collection's reversal) */
  debitFen: z.int(),
  /** lowers it (collections, returns, a sale's reversal, write-offs) */
  creditFen: z.int(),
  balanceFen: z.int(),
  note: z.string(),
});
export type StatementLine = z.infer<typeof statementLine>;

export const statementOutput = z.object({
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  address: z.string(),
  from: z.string(),
  to: z.string(),
  /** the balance at the end of the day before `from` */
  openingFen: z.int(),
  lines: z.array(statementLine),
  debitFen: z.int(),
  creditFen: z.int(),
  closingFen: z.int(),
  /** the aging at `to` */
  aging: z.object({ bucketEdges: z.array(z.int()), ...agingAmounts }),
});
export type StatementOutput = z.infer<typeof statementOutput>;

const conflictRow = z.object({
  orderId: z.int(),
  docNo: z.string(),
  date: z.string(),
  dealerId: z.int(),
  dealerCode: z.string(),
  dealerName: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  regionId: z.int().nullable(),
  regionPath: z.string(),
  repName: z.string().nullable(),
  amountFen: z.int(),
  /** 市场状况反映表 reports linked to this order, and the code of the latest one (null: none yet) */
  feedbackCount: z.int(),
  feedbackCode: z.string().nullable(),
});
export type ChannelConflictRow = z.infer<typeof conflictRow>;

export const receivableMethods = {
  'receivables.aging': {
    input: z
      .object({
        asOf: dateSchema,
        groupBy: z.enum(agingGroupings),
        /** default: the setting (30 / 60 / 90 / 180) */
        buckets: bucketEdgesSchema.optional(),
        /** narrow to one rep's, dealer's or region's (with sub-regions) customers */
        repId: idSchema.optional(),
        dealerId: idSchema.optional(),
        regionId: idSchema.optional(),
        search: text(100).optional(),
        sort: z
          .object({ field: z.enum(['name', 'totalFen', 'overdueFen', 'notDueFen']), order: z.enum(['asc', 'desc']) })
          .strict()
          .optional(),
        /** without page: every row */
        page: z.int().min(1).max(1_000_000).optional(),
        pageSize: z.int().min(1).max(500).optional(),
      })
      .strict(),
    output: agingOutput,
  },
  'receivables.balance': {
    input: z.object({ customerId: idSchema, asOf: dateSchema.optional() }).strict(),
    output: balanceOutput,
  },
  'receivables.documents': {
    input: z.object({ customerId: idSchema, asOf: dateSchema.optional(), buckets: bucketEdgesSchema.optional() }).strict(),
    output: z.object({
      rows: z.array(openItem),
      total: z.int(),
      unpaidFen: z.int(),
      prepaymentFen: z.int(),
      bucketEdges: z.array(z.int()),
    }),
  },
  /** Ctrl+K: customers (dealers' accounts too) by pinyin initials, code, name or phone digits, with what they owe. */
  'receivables.find': {
    input: z.object({ search: text(100), limit: z.int().min(1).max(50).default(10) }).strict(),
    output: z.object({
      rows: z.array(
        z.object({
          customerId: z.int(),
          code: z.string(),
          name: z.string(),
          type: z.string(),
          phone: z.string(),
          regionPath: z.string(),
          repName: z.string().nullable(),
          dealerId: z.int().nullable(),
          balanceFen: z.int(),
          overdueFen: z.int(),
          creditLimitFen: z.int(),
          creditLeftFen: z.int(),
        }),
      ),
    }),
  },
  'statements.get': {
    input: z.object({ customerId: idSchema, from: dateSchema, to: dateSchema }).strict(),
    output: statementOutput,
  },
  'channelConflicts.list': {
    input: z
      .object({
        ...pageInput,
        sort: sortInput(channelConflictSortFields),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        dealerId: idSchema.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(conflictRow), total: z.int(), sumFen: z.int() }),
  },
} as const;
