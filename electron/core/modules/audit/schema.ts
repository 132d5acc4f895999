// The audit log: one row per change, with the record before and after as JSON, chained by hash (each entry carries
// the previous entry's hash); triggers in migration 0002 refuse UPDATE and DELETE.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    operator: text('operator').notNull(),
    operatorId: integer('operator_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** the LAN client's address the change came from (migration 0009); null from the office PC itself */
    clientAddress: text('client_address'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_at_idx').on(t.at),
    // entries written before the chain existed, sealed once at start-up
    index('audit_unsealed_idx')
      .on(t.id)
      .where(sql`${t.hash} is null`),
    index('audit_operator_idx').on(t.operatorId),
  ],
);
