// Regions: the four-level tree, addressed by a materialised path.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';

export const regions = sqliteTable(
  'regions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => regions.id),
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
