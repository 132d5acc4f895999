// Dealers and their authorised territories (regions).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { regions } from '../regions/schema';
import { reps } from '../reps/schema';

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
