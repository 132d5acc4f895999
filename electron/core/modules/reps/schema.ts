// Teams, reps and the regions each rep is responsible for.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { regions } from '../regions/schema';

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
    supervisorId: integer('supervisor_id').references((): AnySQLiteColumn => reps.id),
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
