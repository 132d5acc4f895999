// The only door between renderer and core: every method's name, input schema and output schema.
// Inputs are strict objects: unknown fields are rejected, never silently dropped.
import { z } from 'zod';
import { customerGrades, customerScales, customerSources, customerTypes, lifecycles } from './domain/customer';
import { channelTypes, dealerStatuses } from './domain/dealer';
import { importEntities } from './domain/importExport';

z.config(z.locales.zhCN());

// ---------- building blocks ----------
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1, '不能为空').max(max);
export const idSchema = z.int().positive();
export const fenSchema = z.int().min(0).max(1_000_000_000_000); // up to 100 亿元
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDate, '不是有效的日期');
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y); // years 0-99 are not 1900-1999
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-\s()（）转#*]*$/, '只能包含数字、空格、+、-、括号');
const sortOrder = z.enum(['asc', 'desc']);

export const pageInput = {
  page: z.int().min(1).max(1_000_000).default(1),
  pageSize: z.int().min(1).max(500).default(50),
  search: text(100).optional(),
};

export const customerSortFields = [
  'code',
  'name',
  'grade',
  'lifecycle',
  'type',
  'regionName',
  'repName',
  'creditLimitFen',
  'paymentTermDays',
  'createdAt',
  'updatedAt',
] as const;
export const repSortFields = ['code', 'name', 'teamName', 'hireDate', 'customerCount'] as const;

// ---------- settings ----------
const settingsOutput = z.object({
  initialized: z.boolean(),
  companyName: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  schemaVersion: z.int(),
  databasePath: z.string(),
});

// ---------- regions ----------
export interface RegionNode {
  id: number;
  parentId: number | null;
  name: string;
  code: string;
  level: number;
  sortOrder: number;
  customerCount: number;
  initials: string;
  children: RegionNode[];
}
const regionNode: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({
    id: z.int(),
    parentId: z.int().nullable(),
    name: z.string(),
    code: z.string(),
    level: z.int(),
    sortOrder: z.int(),
    customerCount: z.int(),
    initials: z.string(),
    children: z.array(regionNode),
  }),
);

// ---------- teams & reps ----------
const team = z.object({ id: z.int(), name: z.string(), repCount: z.int() });
const repRow = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  teamId: z.int().nullable(),
  teamName: z.string().nullable(),
  supervisorId: z.int().nullable(),
  supervisorName: z.string().nullable(),
  hireDate: z.string().nullable(),
  active: z.boolean(),
  regionIds: z.array(z.int()),
  regionNames: z.array(z.string()),
  customerCount: z.int(),
  initials: z.string(),
  pinyin: z.string(),
});
export type Rep = z.infer<typeof repRow>;

// ---------- customers ----------
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

const customerFilters = {
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
  code: text(30)
    .regex(/^[A-Za-z0-9_-]*$/, '只能包含字母、数字、- 和 _')
    .default(''),
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

const auditEntry = z.object({
  id: z.int(),
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

// ---------- dealers ----------
export const dealerSortFields = [
  'code',
  'name',
  'channelType',
  'tier',
  'contractEnd',
  'depositFen',
  'creditLimitFen',
  'customerCount',
  'updatedAt',
] as const;
const dealerTier = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const dealerFilters = {
  channelType: z.array(z.enum(channelTypes)).max(channelTypes.length).optional(),
  status: z.array(z.enum(dealerStatuses)).max(dealerStatuses.length).optional(),
  tier: z.array(dealerTier).max(3).optional(),
  regionId: idSchema.optional(), // dealers authorised for this region: territory is the region, an ancestor, or inside it
  repId: idSchema.optional(),
  expiringOnly: z.boolean().default(false), // contract ends within CONTRACT_EXPIRY_WARNING_DAYS days
};
const dealerListRow = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  channelType: z.enum(channelTypes),
  tier: dealerTier,
  contactName: z.string(),
  phone: z.string(),
  territoryIds: z.array(z.int()),
  territoryNames: z.array(z.string()),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  contractDaysLeft: z.int().nullable(), // negative once the contract has ended
  depositFen: z.int(),
  creditLimitFen: z.int(),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  status: z.enum(dealerStatuses),
  customerCount: z.int(),
  updatedAt: z.string(),
});
export type DealerListRow = z.infer<typeof dealerListRow>;
const dealerDetail = dealerListRow.extend({
  address: z.string(),
  notes: z.string(),
  territories: z.array(z.object({ id: z.int(), name: z.string(), path: z.array(z.string()) })),
  createdAt: z.string(),
});
export type DealerDetail = z.infer<typeof dealerDetail>;
const dealerFields = {
  code: text(30)
    .regex(/^[A-Za-z0-9_-]*$/, '只能包含字母、数字、- 和 _')
    .default(''),
  name: requiredText(100),
  shortName: text(40).default(''),
  channelType: z.enum(channelTypes).default('dealer'),
  tier: dealerTier.default(1),
  contactName: text(40).default(''),
  phone: phoneSchema.default(''),
  address: text(200).default(''),
  territoryRegionIds: z.array(idSchema).max(100).default([]),
  contractStart: dateSchema.nullable().default(null),
  contractEnd: dateSchema.nullable().default(null),
  depositFen: fenSchema.default(0),
  creditLimitFen: fenSchema.default(0),
  repId: idSchema.nullable().default(null),
  status: z.enum(dealerStatuses).default('active'),
  notes: text(2000).default(''),
};

// ---------- products ----------
export const productSortFields = [
  'sku',
  'name',
  'categoryName',
  'listPriceFen',
  'dealerPriceFen',
  'floorPriceFen',
  'costFen',
  'updatedAt',
] as const;
const productRow = z.object({
  id: z.int(),
  sku: z.string(),
  name: z.string(),
  spec: z.string(),
  categoryId: z.int().nullable(),
  categoryName: z.string().nullable(),
  unit: z.string(),
  listPriceFen: z.int(),
  dealerPriceFen: z.int(),
  floorPriceFen: z.int(),
  costFen: z.int(),
  grossMarginBp: z.int().nullable(), // (list − cost) / list in basis points; null when the list price is 0
  active: z.boolean(),
  notes: z.string(),
  updatedAt: z.string(),
});
export type ProductRow = z.infer<typeof productRow>;
export interface ProductCategoryNode {
  id: number;
  parentId: number | null;
  name: string;
  level: number;
  sortOrder: number;
  productCount: number;
  pinyin: string;
  initials: string;
  children: ProductCategoryNode[];
}
const productCategoryNode: z.ZodType<ProductCategoryNode> = z.lazy(() =>
  z.object({
    id: z.int(),
    parentId: z.int().nullable(),
    name: z.string(),
    level: z.int(),
    sortOrder: z.int(),
    productCount: z.int(),
    pinyin: z.string(),
    initials: z.string(),
    children: z.array(productCategoryNode),
  }),
);

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
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
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
  repName: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
});
const duplicateGroup = z.object({ key: z.string(), reason: z.enum(['name', 'phone']), customers: z.array(duplicateMember) });
export type DuplicateGroup = z.infer<typeof duplicateGroup>;

// ---------- Excel import / export ----------
const fileInput = {
  fileName: requiredText(200),
  base64: z.string().min(1).max(40_000_000), // 20 MB files fit; the core enforces the configured byte cap
};
const columnMapping = z.array(z.object({ header: z.string().max(100), field: z.string().max(40).nullable() }).strict()).max(200);
const importInput = {
  entity: z.enum(importEntities),
  ...fileInput,
  mapping: columnMapping.optional(), // absent: headers are matched to fields by name
  mode: z.enum(['skip', 'update']).default('skip'), // existing codes: leave them, or update them
};
const importRowError = z.object({ column: z.string(), field: z.string().nullable(), message: z.string() });
const importPreviewRow = z.object({
  rowNumber: z.int(), // as Excel shows it (header is row 1)
  status: z.enum(['new', 'update', 'skip', 'error']),
  values: z.record(z.string(), z.string()),
  errors: z.array(importRowError),
});
const importCounts = z.object({ total: z.int(), new: z.int(), update: z.int(), skip: z.int(), error: z.int() });
const importField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
const fileOutput = z.object({ fileName: z.string(), base64: z.string(), rowCount: z.int() });

const listFilters = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

const savedId = z.object({ id: z.int(), code: z.string() });

// ---------- the contract ----------
export const contract = {
  'settings.get': { input: z.object({}).strict(), output: settingsOutput },
  'settings.initialize': {
    input: z.object({ companyName: requiredText(60), loadDemo: z.boolean().default(false) }).strict(),
    output: settingsOutput,
  },
  'settings.save': {
    input: z.object({ companyName: requiredText(60).optional(), locale: z.enum(['zh-CN', 'en']).optional() }).strict(),
    output: settingsOutput,
  },

  'regions.tree': { input: z.object({}).strict(), output: z.array(regionNode) },
  'regions.save': {
    input: z
      .object({
        id: idSchema.optional(),
        parentId: idSchema.nullable().default(null),
        name: requiredText(40),
        code: text(20).default(''),
        sortOrder: z.int().min(0).max(9999).default(0),
      })
      .strict(),
    output: savedId,
  },
  'regions.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({ id: z.int() }) },

  'teams.list': { input: z.object({}).strict(), output: z.array(team) },
  'teams.save': {
    input: z.object({ id: idSchema.optional(), name: requiredText(40) }).strict(),
    output: z.object({ id: z.int() }),
  },

  'reps.list': {
    input: z
      .object({
        ...pageInput,
        pageSize: z.int().min(1).max(1000).default(200),
        sort: z
          .object({ field: z.enum(repSortFields), order: sortOrder })
          .strict()
          .optional(),
        teamId: idSchema.optional(),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ rows: z.array(repRow), total: z.int() }),
  },
  'reps.save': {
    input: z
      .object({
        id: idSchema.optional(),
        code: text(20)
          .regex(/^[A-Za-z0-9_-]*$/, '只能包含字母、数字、- 和 _')
          .default(''),
        name: requiredText(20),
        phone: phoneSchema.default(''),
        teamId: idSchema.nullable().default(null),
        supervisorId: idSchema.nullable().default(null),
        regionIds: z.array(idSchema).max(50).default([]),
        hireDate: dateSchema.nullable().default(null),
        active: z.boolean().default(true),
      })
      .strict(),
    output: savedId,
  },

  'customers.list': {
    input: z
      .object({
        ...pageInput,
        sort: z
          .object({ field: z.enum(customerSortFields), order: sortOrder })
          .strict()
          .optional(),
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
  'customers.tags': { input: z.object({}).strict(), output: z.array(z.object({ tag: z.string(), count: z.int() })) },

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

  'dealers.list': {
    input: z
      .object({
        ...pageInput,
        sort: z
          .object({ field: z.enum(dealerSortFields), order: sortOrder })
          .strict()
          .optional(),
        ...dealerFilters,
      })
      .strict(),
    output: z.object({ rows: z.array(dealerListRow), total: z.int() }),
  },
  'dealers.get': { input: z.object({ id: idSchema }).strict(), output: dealerDetail },
  'dealers.save': { input: z.object({ id: idSchema.optional(), ...dealerFields }).strict(), output: savedId },

  'productCategories.tree': { input: z.object({}).strict(), output: z.array(productCategoryNode) },
  'productCategories.save': {
    input: z
      .object({
        id: idSchema.optional(),
        parentId: idSchema.nullable().default(null),
        name: requiredText(40),
        sortOrder: z.int().min(0).max(9999).default(0),
      })
      .strict(),
    output: z.object({ id: z.int() }),
  },
  'productCategories.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({ id: z.int() }) },
  'products.list': {
    input: z
      .object({
        ...pageInput,
        sort: z
          .object({ field: z.enum(productSortFields), order: sortOrder })
          .strict()
          .optional(),
        categoryId: idSchema.optional(), // includes sub-categories
        active: z.enum(['active', 'inactive', 'all']).default('active'),
      })
      .strict(),
    output: z.object({ rows: z.array(productRow), total: z.int() }),
  },
  'products.get': { input: z.object({ id: idSchema }).strict(), output: productRow },
  'products.save': {
    input: z
      .object({
        id: idSchema.optional(),
        sku: text(40)
          .regex(/^[A-Za-z0-9_.\-/]*$/, '只能包含字母、数字和 - _ . /')
          .default(''),
        name: requiredText(100),
        spec: text(60).default(''),
        categoryId: idSchema.nullable().default(null),
        unit: text(10).default(''),
        listPriceFen: fenSchema.default(0),
        dealerPriceFen: fenSchema.default(0),
        floorPriceFen: fenSchema.default(0),
        costFen: fenSchema.default(0),
        active: z.boolean().default(true),
        notes: text(1000).default(''),
      })
      .strict(),
    output: savedId,
  },

  'import.template': { input: z.object({ entity: z.enum(importEntities) }).strict(), output: fileOutput },
  'import.preview': {
    input: z.object(importInput).strict(),
    output: z.object({
      headers: z.array(z.string()),
      mapping: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
      fields: z.array(importField),
      counts: importCounts,
      rows: z.array(importPreviewRow), // error rows first, at most 1,000
      truncated: z.boolean(),
    }),
  },
  'import.commit': {
    input: z.object({ ...importInput, acceptErrors: z.boolean().default(false) }).strict(),
    output: z.object({ created: z.int(), updated: z.int(), skipped: z.int(), rejected: z.int() }),
  },
  'export.xlsx': {
    input: z.discriminatedUnion('entity', [
      z
        .object({
          entity: z.literal('customers'),
          filters: listFilters({
            search: pageInput.search,
            sort: z
              .object({ field: z.enum(customerSortFields), order: sortOrder })
              .strict()
              .optional(),
            ...customerFilters,
          }).default({ archived: 'active' }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('dealers'),
          filters: listFilters({
            search: pageInput.search,
            sort: z
              .object({ field: z.enum(dealerSortFields), order: sortOrder })
              .strict()
              .optional(),
            ...dealerFilters,
          }).default({ expiringOnly: false }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('products'),
          filters: listFilters({
            search: pageInput.search,
            sort: z
              .object({ field: z.enum(productSortFields), order: sortOrder })
              .strict()
              .optional(),
            categoryId: idSchema.optional(),
            active: z.enum(['active', 'inactive', 'all']).default('active'),
          }).default({ active: 'active' }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('reps'),
          filters: listFilters({
            search: pageInput.search,
            sort: z
              .object({ field: z.enum(repSortFields), order: sortOrder })
              .strict()
              .optional(),
            teamId: idSchema.optional(),
            includeInactive: z.boolean().default(false),
          }).default({ includeInactive: false }),
        })
        .strict(),
      z
        .object({
          entity: z.literal('audit'),
          filters: listFilters({ entity: text(40).optional(), entityId: idSchema.optional() }).default({}),
        })
        .strict(),
    ]),
    output: fileOutput,
  },

  'audit.list': {
    input: z.object({ ...pageInput, entity: text(40).optional(), entityId: idSchema.optional() }).strict(),
    output: z.object({ rows: z.array(auditEntry), total: z.int() }),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export type CustomerSaveInput = Input<'customers.save'>;
export type CustomerListInput = Input<'customers.list'>;

export type ExportInput = Input<'export.xlsx'>;
export type ImportPreview = Output<'import.preview'>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
