// Customers (客户档案) with contacts and tags, their strategy and monthly evaluation cards, duplicates and merge.
import { z } from 'zod';
import { customerGrades, customerScales, customerSources, customerTypes, lifecycles } from '../domain/customer';
import {
  codeText,
  dateSchema,
  fenSchema,
  formatError,
  idSchema,
  noInput,
  pageInput,
  phoneSchema,
  requiredText,
  savedId,
  sortInput,
  text,
} from './common';
import { customerSortFields } from './sortFields';

export { customerSortFields };

const contactInput = z
  .object({
    id: idSchema.optional(),
    name: requiredText(40),
    title: text(40).default(''),
    phone: phoneSchema.default(''),
    email: z.union([z.literal(''), z.email().max(100)]).default(''),
    wechat: text(60).default(''),
    isPrimary: z.boolean().default(false),
  })
  .strict();
const contact = z.object({
  id: z.int(),
  name: z.string(),
  title: z.string(),
  phone: z.string(),
  email: z.string(),
  wechat: z.string(),
  isPrimary: z.boolean(),
});
export type Contact = z.infer<typeof contact>;

/** The list filters, shared by `customers.list` and the customers export. */
export const customerFilters = {
  sort: sortInput(customerSortFields),
  regionId: idSchema.optional(), // includes the whole subtree
  repId: idSchema.optional(),
  dealerId: idSchema.optional(),
  grade: z.array(z.enum(customerGrades)).max(4).optional(),
  lifecycle: z.array(z.enum(lifecycles)).max(5).optional(),
  type: z.array(z.enum(customerTypes)).max(customerTypes.length).optional(),
  tag: text(30).optional(),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
};

const customerListRow = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  type: z.enum(customerTypes),
  regionId: z.int().nullable(),
  regionName: z.string().nullable(),
  /** names from the root to the region: lists show it from the city down, details and exports in full */
  regionPath: z.array(z.string()),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  dealerId: z.int().nullable(),
  dealerName: z.string().nullable(),
  phone: z.string(),
  primaryContact: z.string().nullable(),
  grade: z.enum(customerGrades),
  lifecycle: z.enum(lifecycles),
  creditLimitFen: z.int(),
  paymentTermDays: z.int(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  updatedAt: z.string(),
});
export type CustomerListRow = z.infer<typeof customerListRow>;

const customerFields = {
  code: codeText(30),
  name: requiredText(100),
  shortName: text(40).default(''),
  type: z.enum(customerTypes).default('retail'),
  regionId: idSchema.nullable().default(null),
  address: text(200).default(''),
  phone: phoneSchema.default(''),
  industry: text(40).default(''),
  scale: z.enum(customerScales).nullable().default(null),
  source: z.enum(customerSources).nullable().default(null),
  repId: idSchema.nullable().default(null),
  dealerId: idSchema.nullable().default(null),
  grade: z.enum(customerGrades).default('C'),
  lifecycle: z.enum(lifecycles).default('prospect'),
  creditLimitFen: fenSchema.default(0),
  paymentTermDays: z.int().min(0).max(365).default(30),
  tags: z.array(requiredText(20)).max(50).default([]), // room for the union of two merged customers' tags
  notes: text(2000).default(''),
  contacts: z.array(contactInput).max(30).default([]),
};

const customerDetail = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  type: z.enum(customerTypes),
  regionId: z.int().nullable(),
  regionPath: z.array(z.string()),
  address: z.string(),
  phone: z.string(),
  industry: z.string(),
  scale: z.enum(customerScales).nullable(),
  source: z.enum(customerSources).nullable(),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  dealerId: z.int().nullable(),
  dealerName: z.string().nullable(),
  grade: z.enum(customerGrades),
  lifecycle: z.enum(lifecycles),
  creditLimitFen: z.int(),
  paymentTermDays: z.int(),
  tags: z.array(z.string()),
  notes: z.string(),
  mergedIntoId: z.int().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  contacts: z.array(contact),
});
export type CustomerDetail = z.infer<typeof customerDetail>;

const duplicateMatch = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  archived: z.boolean(),
  reason: z.enum(['name', 'phone']),
});

// ---------- customer cards ----------
const strategyAction = z.object({
  id: z.int(),
  dueDate: z.string(),
  action: z.string(),
  owner: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});
const strategyCard = z.object({
  customerId: z.int(),
  goals: z.string(),
  approach: z.string(),
  decisionMakers: z.string(),
  competitors: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  actions: z.array(strategyAction),
});
export type StrategyCard = z.infer<typeof strategyCard>;
const score = z.int().min(1).max(5);
const monthSchema = z.string(formatError('月份格式应为 YYYY-MM')).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const monthlyEvaluation = z.object({
  id: z.int(),
  customerId: z.int(),
  month: z.string(),
  purchaseScore: z.int(),
  paymentScore: z.int(),
  cooperationScore: z.int(),
  potentialScore: z.int(),
  comment: z.string(),
  evaluator: z.string(),
  updatedAt: z.string(),
});
export type MonthlyEvaluation = z.infer<typeof monthlyEvaluation>;

// ---------- duplicates & merge ----------
const duplicateMember = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  regionName: z.string().nullable(),
  /** names from the root to the region: lists show it from the city down, details and exports in full */
  regionPath: z.array(z.string()),
  repName: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
});
const duplicateGroup = z.object({ key: z.string(), reason: z.enum(['name', 'phone']), customers: z.array(duplicateMember) });
export type DuplicateGroup = z.infer<typeof duplicateGroup>;

// ---------- automatic grading & lifecycle ----------
const gradeCounts = z.object({ A: z.int(), B: z.int(), C: z.int(), D: z.int() });
const regradeRow = z.object({
  customerId: z.int(),
  code: z.string(),
  name: z.string(),
  repName: z.string().nullable(),
  oldGrade: z.enum(customerGrades),
  newGrade: z.enum(customerGrades),
  /** net sales of the 12 months (orders less returns) */
  salesFen: z.int(),
  /** cumulative share of the positive sales up to this customer, bp; null without sales */
  cumulativeBp: z.int().nullable(),
});
export type RegradeRow = z.infer<typeof regradeRow>;
export const lifecycleChangeReasons = ['order', 'rule', 'manual', 'regrade'] as const;
const lifecycleChange = z.object({
  id: z.int(),
  fromLifecycle: z.enum(lifecycles).nullable(),
  toLifecycle: z.enum(lifecycles),
  changedOn: z.string(),
  reason: z.enum(lifecycleChangeReasons),
  operatorName: z.string().nullable(),
});
export type LifecycleChange = z.infer<typeof lifecycleChange>;

export const customerMethods = {
  'customers.list': {
    input: z
      .object({
        ...pageInput,
        ...customerFilters,
      })
      .strict(),
    output: z.object({ rows: z.array(customerListRow), total: z.int() }),
  },
  'customers.get': { input: z.object({ id: idSchema }).strict(), output: customerDetail },
  'customers.save': {
    input: z.object({ id: idSchema.optional(), ...customerFields }).strict(),
    output: savedId,
  },
  'customers.archive': {
    input: z.object({ id: idSchema, archived: z.boolean().default(true) }).strict(),
    output: z.object({ id: z.int(), archived: z.boolean() }),
  },
  'customers.findDuplicates': {
    input: z.object({ name: text(100).default(''), phone: text(40).default(''), excludeId: idSchema.optional() }).strict(),
    output: z.array(duplicateMatch),
  },
  'customers.tags': { input: noInput(), output: z.array(z.object({ tag: z.string(), count: z.int() })) },

  'customers.merge': {
    input: z.object({ survivorId: idSchema, mergedId: idSchema }).strict(),
    output: z.object({
      survivorId: z.int(),
      mergedId: z.int(),
      moved: z.object({ contacts: z.int(), tags: z.int(), strategyActions: z.int(), evaluations: z.int(), evaluationsKept: z.int() }),
    }),
  },
  'customers.duplicateGroups': {
    input: z
      .object({ page: pageInput.page, pageSize: z.int().min(1).max(200).default(20), includeArchived: z.boolean().default(false) })
      .strict(),
    output: z.object({ groups: z.array(duplicateGroup), total: z.int() }),
  },

  // the changes only (paged, largest sales first), the counts of every customer; the token names the data it was read from
  'customers.regradePreview': {
    input: z
      .object({
        page: pageInput.page,
        pageSize: z.int().min(1).max(500).default(100),
        newGrade: z.enum(customerGrades).optional(),
      })
      .strict(),
    output: z.object({
      token: z.string(),
      /** the 12 months of net sales graded */
      from: z.string(),
      to: z.string(),
      cutoffsBp: z.array(z.int()),
      totalSalesFen: z.int(),
      rows: z.array(regradeRow),
      /** changed customers (of the new grade asked for) */
      total: z.int(),
      counts: z.object({
        customers: z.int(),
        changed: z.int(),
        upgraded: z.int(),
        downgraded: z.int(),
        before: gradeCounts,
        after: gradeCounts,
      }),
    }),
  },
  // refused when any order, return or customer changed since the preview
  'customers.regradeApply': { input: z.object({ token: requiredText(100) }).strict(), output: z.object({ changed: z.int() }) },
  // every customer's lifecycle by the rules as of today (postings recompute their own customer)
  'customers.recomputeLifecycle': { input: noInput(), output: z.object({ customers: z.int(), changed: z.int() }) },
  'customers.lifecycleHistory': { input: z.object({ customerId: idSchema }).strict(), output: z.array(lifecycleChange) },

  'strategyCards.get': { input: z.object({ customerId: idSchema }).strict(), output: strategyCard },
  'strategyCards.save': {
    input: z
      .object({
        customerId: idSchema,
        goals: text(2000).default(''),
        approach: text(2000).default(''),
        decisionMakers: text(1000).default(''),
        competitors: text(1000).default(''),
        actions: z
          .array(
            z
              .object({
                id: idSchema.optional(),
                dueDate: dateSchema,
                action: requiredText(200),
                owner: text(20).default(''),
                done: z.boolean().default(false),
              })
              .strict(),
          )
          .max(50)
          .default([]),
      })
      .strict(),
    output: strategyCard,
  },
  'monthlyEvaluations.list': { input: z.object({ customerId: idSchema }).strict(), output: z.array(monthlyEvaluation) },
  'monthlyEvaluations.save': {
    input: z
      .object({
        id: idSchema.optional(),
        customerId: idSchema,
        month: monthSchema,
        purchaseScore: score,
        paymentScore: score,
        cooperationScore: score,
        potentialScore: score,
        comment: text(1000).default(''),
        evaluator: requiredText(20),
      })
      .strict(),
    output: monthlyEvaluation,
  },
} as const;

export type CustomerSaveInput = z.input<(typeof customerMethods)['customers.save']['input']>;
export type CustomerListInput = z.input<(typeof customerMethods)['customers.list']['input']>;
