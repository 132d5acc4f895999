// 销售费用 Expenses: what a rep spent, on which day, in which category, for which customer; amounts in integer 分.
import { z } from 'zod';
import { expenseCategories } from '../domain/expense';
import { dateSchema, idSchema, pageInput, sortInput, text } from './common';
import { expenseSortFields } from './sortFields';

export { expenseSortFields };

/** The list filters, shared by `expenses.list` and its export. */
export const expenseFilters = {
  sort: sortInput(expenseSortFields),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  repId: idSchema.optional(),
  category: z.array(z.enum(expenseCategories)).max(expenseCategories.length).optional(),
  customerId: idSchema.optional(),
};

const expenseRow = z.object({
  id: z.int(),
  repId: z.int(),
  repName: z.string(),
  date: z.string(),
  category: z.enum(expenseCategories),
  amountFen: z.int(),
  customerId: z.int().nullable(),
  customerName: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExpenseRow = z.infer<typeof expenseRow>;

export const expenseMethods = {
  'expenses.list': {
    input: z.object({ ...pageInput, ...expenseFilters }).strict(),
    /** sumFen: the total of every row the filters select, not only this page */
    output: z.object({ rows: z.array(expenseRow), total: z.int(), sumFen: z.int() }),
  },
  'expenses.get': { input: z.object({ id: idSchema }).strict(), output: expenseRow },
  'expenses.save': {
    input: z
      .object({
        id: idSchema.optional(),
        repId: idSchema,
        date: dateSchema,
        category: z.enum(expenseCategories),
        // more than zero: a refund is not an expense
        amountFen: z.int().min(1, '必须大于 0').max(1_000_000_000_000),
        customerId: idSchema.nullable().default(null),
        note: text(500).default(''),
      })
      .strict(),
    output: z.object({ id: z.int() }),
  },
} as const;
