// Products and their category tree (up to 3 levels).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';

export const productCategories = sqliteTable(
  'product_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => productCategories.id),
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
