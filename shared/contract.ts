// The only door between renderer and core: every method's name, input schema and output schema.
// Inputs are strict objects: unknown fields are rejected, never silently dropped.
import { z } from 'zod';
import { customerGrades, customerScales, customerSources, customerTypes, lifecycles } from './domain/customer';

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
  grade: z.enum(customerGrades).default('C'),
  lifecycle: z.enum(lifecycles).default('prospect'),
  creditLimitFen: fenSchema.default(0),
  paymentTermDays: z.int().min(0).max(365).default(30),
  tags: z.array(requiredText(20)).max(20).default([]),
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
  grade: z.enum(customerGrades),
  lifecycle: z.enum(lifecycles),
  creditLimitFen: z.int(),
  paymentTermDays: z.int(),
  tags: z.array(z.string()),
  notes: z.string(),
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

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
