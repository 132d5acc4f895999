// Customers with tags and contacts, their strategy and monthly evaluation cards, and merge records.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { dealers } from '../dealers/schema';
import { operators } from '../operators/schema';
import { regions } from '../regions/schema';
import { reps } from '../reps/schema';

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
    dealerId: integer('dealer_id').references(() => dealers.id),
    grade: text('grade').notNull(),
    lifecycle: text('lifecycle').notNull(),
    creditLimitFen: integer('credit_limit_fen').notNull().default(0),
    paymentTermDays: integer('payment_term_days').notNull().default(30),
    tags: text('tags').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    archived: integer('archived').notNull().default(0),
    archivedAt: text('archived_at'),
    // set when this record was merged into another customer; the row stays for history
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => customers.id),
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
    // the analytics' read of every active customer (客户分析, 异常预警) from a compact index instead of the wide rows
    index('customers_active_analytics_idx')
      .on(t.id, t.code, t.name, t.grade, t.lifecycle, t.type, t.industry, t.scale, t.regionId, t.repId)
      .where(sql`${t.archived} = 0 and ${t.mergedIntoId} is null`),
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

// 生命周期变动: every move of a customer's lifecycle, the previous stage kept (first order, rule, by hand, regrade)
export const customerLifecycleChanges = sqliteTable(
  'customer_lifecycle_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    fromLifecycle: text('from_lifecycle'),
    toLifecycle: text('to_lifecycle').notNull(),
    changedOn: text('changed_on').notNull(),
    reason: text('reason').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('customer_lifecycle_changes_customer_idx').on(t.customerId, t.changedOn),
    check(
      'customer_lifecycle_changes_from_ck',
      sql`${t.fromLifecycle} is null or ${t.fromLifecycle} in ('prospect','first','repeat','loyal','lost')`,
    ),
    check('customer_lifecycle_changes_to_ck', sql`${t.toLifecycle} in ('prospect','first','repeat','loyal','lost')`),
    check('customer_lifecycle_changes_reason_ck', sql`${t.reason} in ('order', 'rule', 'manual', 'regrade')`),
  ],
);
