// Excel export of every list exactly as filtered and sorted, all pages.
import { z } from 'zod';
import { auditFilters } from './audit';
import { complaintFilters } from './complaints';
import { expenseFilters } from './expenses';
import { marketFeedbackFilters } from './marketFeedback';
import { fileOutput, pageInput } from './common';
import { customerFilters } from './customers';
import { dealerFilters } from './dealers';
import { productFilters } from './products';
import { repFilters } from './reps';
import { receivableMethods } from './receivables';
import { opportunityFilters } from './opportunities';

const listFilters = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

export const exportMethods = {
  'export.xlsx': {
    input: z.discriminatedUnion('entity', [
      z
        .object({
          entity: z.literal('customers'),
          filters: listFilters({ search: pageInput.search, ...customerFilters }).default({ archived: 'active' }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('dealers'),
          filters: listFilters({ search: pageInput.search, ...dealerFilters }).default({ expiringOnly: false }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('products'),
          filters: listFilters({ search: pageInput.search, ...productFilters }).default({ active: 'active' }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('reps'),
          filters: listFilters({ search: pageInput.search, ...repFilters }).default({ includeInactive: false }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('audit'),
          filters: listFilters(auditFilters).default({}),
        })
        .strict(),
      z
        .object({
          entity: z.literal('marketFeedback'),
          filters: listFilters({ search: pageInput.search, ...marketFeedbackFilters }).default({}),
        })
        .strict(),
      z
        .object({ entity: z.literal('complaints'), filters: listFilters({ search: pageInput.search, ...complaintFilters }).default({}) })
        .strict(),
      z
        .object({ entity: z.literal('expenses'), filters: listFilters({ search: pageInput.search, ...expenseFilters }).default({}) })
        .strict(),
      // 账龄分析 as on the screen (every row, its sort and filters) with a totals row; 客户对账单 with its opening and closing rows
      z
        .object({ entity: z.literal('aging'), filters: receivableMethods['receivables.aging'].input.omit({ page: true, pageSize: true }) })
        .strict(),
      z.object({ entity: z.literal('statement'), filters: receivableMethods['statements.get'].input }).strict(),
      z.object({ entity: z.literal('opportunities'), filters: listFilters(opportunityFilters).default({}) }).strict(),
    ]),
    output: fileOutput,
  },
} as const;
