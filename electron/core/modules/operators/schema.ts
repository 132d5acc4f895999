// Operators 操作员: the people who sign in to this PC, with their role, password hash and signature image.
import { sql } from 'drizzle-orm';
import { blob, check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../../db/columns';
import { reps } from '../reps/schema';

export const operators = sqliteTable(
  'operators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    // a supervisor signs for the reps of this rep's team and those reporting to it
    repId: integer('rep_id').references(() => reps.id),
    // scrypt$N$r$p$saltBase64$hashBase64
    passwordHash: text('password_hash').notNull(),
    // the admin's one-time recovery code, hashed the same way; null once used or for other roles
    recoveryHash: text('recovery_hash'),
    active: integer('active').notNull().default(1),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
    signatureImage: blob('signature_image', { mode: 'buffer' }),
    signatureMime: text('signature_mime'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('operators_name_uq').on(t.name),
    check('operators_role_ck', sql`${t.role} in ('admin', 'manager', 'supervisor', 'clerk')`),
    check('operators_active_ck', sql`${t.active} in (0, 1)`),
    check('operators_signature_ck', sql`${t.signatureMime} is null or ${t.signatureMime} in ('image/png', 'image/jpeg')`),
  ],
);
