// 回款 Collections (posted when saved, allocated oldest due first or by hand, the rest is prepayment 预收; reversed,
// never edited), 坏账核销 write-offs (manager only) and 期初应收 opening balances.
import { z } from 'zod';
import { channelTypes } from '../domain/dealer';
import { collectionMethods } from '../domain/money';
import { dateSchema, fenSchema, idSchema, pageInput, requiredText, sortInput, text } from './common';
import { collectionSortFields, writeOffSortFields } from './sortFields';

export { collectionSortFields, writeOffSortFields };

const positiveFen = fenSchema.min(1, '必须大于 0');

const allocation = z.object({
  receivableId: z.int(),
  docNo: z.string(),
  receivableDate: z.string(),
  dueDate: z.string(),
  amountFen: z.int(),
});

const collectionDetail = z.object({
  id: z.int(),
  docNo: z.string(),
  customerId: z.int(),
  customerCode: z.string(),
  customerName: z.string(),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  date: z.string(),
  amountFen: z.int(),
  method: z.enum(collectionMethods),
  reference: z.string(),
  state: z.enum(['posted', 'reversed']),
  reversalOfId: z.int().nullable(),
  reversedById: z.int().nullable(),
  reverseReason: z.string(),
  notes: z.string(),
  /** what went to receivables; the rest of the amount is the customer's prepayment */
  allocatedFen: z.int(),
  allocations: z.array(allocation),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type CollectionDetail = z.infer<typeof collectionDetail>;
const collectionRow = collectionDetail.omit({ allocations: true });
export type CollectionRow = z.infer<typeof collectionRow>;

const writeOffRow = z.object({
  id: z.int(),
  docNo: z.string(),
  customerId: z.int(),
  customerName: z.string(),
  date: z.string(),
  amountFen: z.int(),
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const collectionMethodsContract = {
  'collections.save': {
    input: z
      .object({
        customerId: idSchema,
        date: dateSchema,
        amountFen: positiveFen,
        method: z.enum(collectionMethods),
        repId: idSchema.nullable().optional(),
        reference: text(100).default(''),
        notes: text(500).default(''),
        /** by hand; without it the amount goes to the oldest due first */
        allocations: z
          .array(z.object({ receivableId: idSchema, amountFen: positiveFen }).strict())
          .max(1000)
          .optional(),
      })
      .strict(),
    output: z.object({ id: z.int(), docNo: z.string(), allocatedFen: z.int(), prepaymentFen: z.int() }),
  },
  'collections.reverse': {
    input: z.object({ id: idSchema, date: dateSchema.optional(), reason: requiredText(200) }).strict(),
    output: z.object({ id: z.int(), docNo: z.string() }),
  },
  'collections.get': { input: z.object({ id: idSchema }).strict(), output: collectionDetail },
  'collections.list': {
    input: z
      .object({
        ...pageInput,
        sort: sortInput(collectionSortFields),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        customerId: idSchema.optional(),
        repId: idSchema.optional(),
        method: z.array(z.enum(collectionMethods)).max(collectionMethods.length).optional(),
        // the dashboards' drill-down (analytics attribution): the customer's region subtree, the rep's team, the
        // customer's serving dealer and its channel type ('direct': none)
        regionId: idSchema.optional(),
        teamId: idSchema.optional(),
        dealerId: idSchema.optional(),
        channelType: z.enum(channelTypes).optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(collectionRow), total: z.int(), sumFen: z.int() }),
  },
  'writeOffs.save': {
    input: z.object({ customerId: idSchema, date: dateSchema, amountFen: positiveFen, reason: requiredText(200) }).strict(),
    output: z.object({ id: z.int(), docNo: z.string() }),
  },
  'writeOffs.list': {
    input: z
      .object({
        ...pageInput,
        sort: sortInput(writeOffSortFields),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        customerId: idSchema.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(writeOffRow), total: z.int(), sumFen: z.int() }),
  },
  /** One item a customer owed when the books started here, with the original document's dates. */
  'openingBalances.save': {
    input: z
      .object({
        customerId: idSchema,
        date: dateSchema,
        /** default: the date plus the customer's payment terms */
        dueDate: dateSchema.optional(),
        amountFen: positiveFen,
        sourceNo: text(40).default(''),
        notes: text(200).default(''),
      })
      .strict(),
    output: z.object({ id: z.int(), docNo: z.string() }),
  },
  'openingBalances.list': {
    input: z.object({ ...pageInput, customerId: idSchema.optional() }).strict(),
    output: z.object({
      rows: z.array(
        z.object({
          id: z.int(),
          docNo: z.string(),
          customerId: z.int(),
          customerName: z.string(),
          date: z.string(),
          dueDate: z.string(),
          amountFen: z.int(),
          sourceNo: z.string(),
          notes: z.string(),
        }),
      ),
      total: z.int(),
      sumFen: z.int(),
    }),
  },
} as const;
