// The audit log (操作日志): every change with who, when, before and after.
import { z } from 'zod';
import { idSchema, pageInput, text } from './common';

/** The list filters, shared by `audit.list` and the audit export. */
export const auditFilters = { entity: text(40).optional(), entityId: idSchema.optional() };

const auditEntry = z.object({
  id: z.int(),
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditMethods = {
  'audit.list': {
    input: z.object({ ...pageInput, ...auditFilters }).strict(),
    output: z.object({ rows: z.array(auditEntry), total: z.int() }),
  },
} as const;
