// Drizzle schema: the source of generated migrations. Queries are hand-written SQL next to the services.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const regions = sqliteTable(
  'regions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): any => regions.id),
    name: text('name').notNull(),
    code: text('code').notNull().default(''),
    level: integer('level').notNull(),
    // '/1/5/23/': lets a subtree be selected with one indexed prefix match
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    initials: text('initials').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('regions_parent_idx').on(t.parentId),
    index('regions_path_idx').on(t.path),
    uniqueIndex('regions_sibling_name_uq').on(t.parentId, t.name),
    check('regions_level_ck', sql`${t.level} between 1 and 4`),
  ],
);

export const teams = sqliteTable(
  'teams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('teams_name_uq').on(t.name)],
);

export const reps = sqliteTable(
  'reps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull().default(''),
    teamId: integer('team_id').references(() => teams.id),
    supervisorId: integer('supervisor_id').references((): any => reps.id),
    hireDate: text('hire_date'),
    active: integer('active').notNull().default(1),
    pinyin: text('pinyin').notNull().default(''),
    initials: text('initials').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('reps_code_uq').on(t.code), index('reps_team_idx').on(t.teamId), check('reps_active_ck', sql`${t.active} in (0, 1)`)],
);

export const repRegions = sqliteTable(
  'rep_regions',
  {
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
  },
  (t) => [uniqueIndex('rep_regions_pk').on(t.repId, t.regionId), index('rep_regions_region_idx').on(t.regionId)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    type: text('type').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    industry: text('industry').notNull().default(''),
    scale: text('scale'),
    source: text('source'),
    repId: integer('rep_id').references(() => reps.id),
    grade: text('grade').notNull(),
    lifecycle: text('lifecycle').notNull(),
    creditLimitFen: integer('credit_limit_fen').notNull().default(0),
    paymentTermDays: integer('payment_term_days').notNull().default(30),
    tags: text('tags').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    archived: integer('archived').notNull().default(0),
    archivedAt: text('archived_at'),
    // pinyin of the name, for sorting Chinese names the way people expect
    namePinyin: text('name_pinyin').notNull().default(''),
    // lower-cased name, short name, code, phone digits, full pinyin and initials, for one LIKE search
    searchText: text('search_text').notNull().default(''),
    // name with spaces, full-width forms and company suffixes removed, for duplicate detection
    nameKey: text('name_key').notNull().default(''),
    phoneDigits: text('phone_digits').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('customers_code_uq').on(t.code),
    index('customers_region_idx').on(t.archived, t.regionId),
    index('customers_rep_idx').on(t.archived, t.repId),
    index('customers_grade_idx').on(t.archived, t.grade),
    index('customers_pinyin_idx').on(t.archived, t.namePinyin),
    index('customers_updated_idx').on(t.archived, t.updatedAt),
    index('customers_name_key_idx').on(t.nameKey),
    index('customers_phone_idx').on(t.phoneDigits),
    check('customers_credit_limit_fen_int', sql`typeof(${t.creditLimitFen}) = 'integer' and ${t.creditLimitFen} >= 0`),
    check('customers_payment_term_ck', sql`typeof(${t.paymentTermDays}) = 'integer' and ${t.paymentTermDays} between 0 and 365`),
    check('customers_grade_ck', sql`${t.grade} in ('A','B','C','D')`),
    check('customers_lifecycle_ck', sql`${t.lifecycle} in ('prospect','first','repeat','loyal','lost')`),
    check('customers_archived_ck', sql`${t.archived} in (0, 1)`),
  ],
);

export const customerTags = sqliteTable(
  'customer_tags',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    tag: text('tag').notNull(),
  },
  (t) => [uniqueIndex('customer_tags_pk').on(t.customerId, t.tag), index('customer_tags_tag_idx').on(t.tag)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    wechat: text('wechat').notNull().default(''),
    isPrimary: integer('is_primary').notNull().default(0),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId),
    index('contacts_phone_idx').on(t.phone),
    check('contacts_primary_ck', sql`${t.isPrimary} in (0, 1)`),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    operator: text('operator').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
);
