// 业绩考核 Rep evaluation: every figure is computed from documents; only the supervisor's qualitative scores are stored.
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { reps } from '../reps/schema';

export const evaluationScores = sqliteTable(
  'evaluation_scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    // YYYY-MM or YYYY-Qn
    period: text('period').notNull(),
    cooperation: integer('cooperation').notNull(),
    enthusiasm: integer('enthusiasm').notNull(),
    responsibility: integer('responsibility').notNull(),
    comment: text('comment').notNull().default(''),
    scoredByName: text('scored_by_name').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('evaluation_scores_rep_period_uq').on(t.repId, t.period),
    check('evaluation_scores_cooperation_ck', sql`${t.cooperation} between 1 and 5`),
    check('evaluation_scores_enthusiasm_ck', sql`${t.enthusiasm} between 1 and 5`),
    check('evaluation_scores_responsibility_ck', sql`${t.responsibility} between 1 and 5`),
  ],
);
