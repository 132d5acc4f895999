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
    // the dealer that serves this customer (配送经销商), if any
    dealerId: integer('dealer_id').references((): any => dealers.id),
    grade: text('grade').notNull(),
    lifecycle: text('lifecycle').notNull(),
    creditLimitFen: integer('credit_limit_fen').notNull().default(0),
    paymentTermDays: integer('payment_term_days').notNull().default(30),
    tags: text('tags').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    archived: integer('archived').notNull().default(0),
    archivedAt: text('archived_at'),
    // set when this record was merged into another customer; the row stays for history
    mergedIntoId: integer('merged_into_id').references((): any => customers.id),
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
    index('customers_dealer_idx').on(t.dealerId),
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

export const dealers = sqliteTable(
  'dealers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    channelType: text('channel_type').notNull(),
    tier: integer('tier').notNull().default(1),
    contactName: text('contact_name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    address: text('address').notNull().default(''),
    contractStart: text('contract_start'),
    contractEnd: text('contract_end'),
    depositFen: integer('deposit_fen').notNull().default(0),
    creditLimitFen: integer('credit_limit_fen').notNull().default(0),
    repId: integer('rep_id').references(() => reps.id),
    status: text('status').notNull().default('active'),
    notes: text('notes').notNull().default(''),
    namePinyin: text('name_pinyin').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('dealers_code_uq').on(t.code),
    index('dealers_rep_idx').on(t.repId),
    index('dealers_contract_end_idx').on(t.contractEnd),
    check('dealers_deposit_fen_int', sql`typeof(${t.depositFen}) = 'integer' and ${t.depositFen} >= 0`),
    check('dealers_credit_limit_fen_int', sql`typeof(${t.creditLimitFen}) = 'integer' and ${t.creditLimitFen} >= 0`),
    check('dealers_channel_ck', sql`${t.channelType} in ('direct','agent','dealer','distributor','retail')`),
    check('dealers_status_ck', sql`${t.status} in ('active','suspended','terminated')`),
    check('dealers_tier_ck', sql`${t.tier} between 1 and 3`),
  ],
);

export const dealerTerritories = sqliteTable(
  'dealer_territories',
  {
    dealerId: integer('dealer_id')
      .notNull()
      .references(() => dealers.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
  },
  (t) => [uniqueIndex('dealer_territories_pk').on(t.dealerId, t.regionId), index('dealer_territories_region_idx').on(t.regionId)],
);

export const productCategories = sqliteTable(
  'product_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): any => productCategories.id),
    name: text('name').notNull(),
    level: integer('level').notNull(),
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('product_categories_sibling_uq').on(t.parentId, t.name),
    index('product_categories_path_idx').on(t.path),
    check('product_categories_level_ck', sql`${t.level} between 1 and 3`),
  ],
);

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    spec: text('spec').notNull().default(''),
    categoryId: integer('category_id').references(() => productCategories.id),
    unit: text('unit').notNull().default(''),
    listPriceFen: integer('list_price_fen').notNull().default(0),
    dealerPriceFen: integer('dealer_price_fen').notNull().default(0),
    floorPriceFen: integer('floor_price_fen').notNull().default(0),
    costFen: integer('cost_fen').notNull().default(0),
    active: integer('active').notNull().default(1),
    notes: text('notes').notNull().default(''),
    namePinyin: text('name_pinyin').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('products_sku_uq').on(t.sku),
    index('products_category_idx').on(t.categoryId),
    check('products_list_price_fen_int', sql`typeof(${t.listPriceFen}) = 'integer' and ${t.listPriceFen} >= 0`),
    check('products_dealer_price_fen_int', sql`typeof(${t.dealerPriceFen}) = 'integer' and ${t.dealerPriceFen} >= 0`),
    check('products_floor_price_fen_int', sql`typeof(${t.floorPriceFen}) = 'integer' and ${t.floorPriceFen} >= 0`),
    check('products_cost_fen_int', sql`typeof(${t.costFen}) = 'integer' and ${t.costFen} >= 0`),
    check('products_active_ck', sql`${t.active} in (0, 1)`),
  ],
);

// 客户策略卡: one per customer
export const strategyCards = sqliteTable('strategy_cards', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id),
  goals: text('goals').notNull().default(''),
  approach: text('approach').notNull().default(''),
  decisionMakers: text('decision_makers').notNull().default(''),
  competitors: text('competitors').notNull().default(''),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

export const strategyActions = sqliteTable(
  'strategy_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    dueDate: text('due_date').notNull(),
    action: text('action').notNull(),
    owner: text('owner').notNull().default(''),
    done: integer('done').notNull().default(0),
    doneAt: text('done_at'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('strategy_actions_customer_idx').on(t.customerId), index('strategy_actions_due_idx').on(t.done, t.dueDate)],
);

// 客户月评卡: one per customer per month, scores 1–5
export const monthlyEvaluations = sqliteTable(
  'monthly_evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    month: text('month').notNull(),
    purchaseScore: integer('purchase_score').notNull(),
    paymentScore: integer('payment_score').notNull(),
    cooperationScore: integer('cooperation_score').notNull(),
    potentialScore: integer('potential_score').notNull(),
    comment: text('comment').notNull().default(''),
    evaluator: text('evaluator').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('monthly_evaluations_customer_month_uq').on(t.customerId, t.month),
    check(
      'monthly_evaluations_scores_ck',
      sql`${t.purchaseScore} between 1 and 5 and ${t.paymentScore} between 1 and 5 and ${t.cooperationScore} between 1 and 5 and ${t.potentialScore} between 1 and 5`,
    ),
  ],
);

// 客户合并记录: who was merged into whom, with the merged record as it was
export const customerMerges = sqliteTable(
  'customer_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survivorId: integer('survivor_id')
      .notNull()
      .references(() => customers.id),
    mergedId: integer('merged_id')
      .notNull()
      .references(() => customers.id),
    mergedSnapshot: text('merged_snapshot').notNull(),
    moved: text('moved').notNull(),
    at: text('at').notNull(),
    operator: text('operator').notNull(),
  },
  (t) => [index('customer_merges_survivor_idx').on(t.survivorId)],
);
