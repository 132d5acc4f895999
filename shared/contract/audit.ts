// The audit log (操作日志): every change with who, when, before and after, chained by hash; and its verification.
import { z } from 'zod';
import { idSchema, noInput, pageInput, text } from './common';

/** The list filters, shared by `audit.list` and the audit export. */
export const auditFilters = {
  entity: text(40).optional(),
  entityId: idSchema.optional(),
  /** entries of this signed-in operator */
  operatorId: idSchema.optional(),
  /** entries under this operator name as recorded (also the ones before sign-in: 管理员, 系统) */
  operator: text(40).optional(),
};

const auditEntry = z.object({
  id: z.int(),
  at: z.string(),
  operator: z.string(),
  /** the signed-in operator who made the change; null for system work and entries from before sign-in */
  operatorId: z.int().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** the LAN client's address the change came from (LAN office mode); null or absent from the office PC itself */
  clientAddress: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const brokenEntry = z.object({
  id: z.int(),
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.int().nullable(),
  /** changed: content or hash differs from what was sealed; unlinked: an entry before it was removed or replaced;
   *  unsealed: an entry in the middle of the chain without a hash */
  reason: z.enum(['changed', 'unlinked', 'unsealed']),
  /** ids missing right before this entry */
  missingIds: z.object({ from: z.int(), to: z.int() }).optional(),
});

const brokenForm = z.object({
  form: z.enum(['visitPlan', 'dailyReport']),
  id: z.int(),
  repName: z.string(),
  date: z.string(),
});

const auditVerification = z.object({
  ok: z.boolean(),
  /** entries walked */
  checked: z.int(),
  firstBroken: brokenEntry.optional(),
  /** entries that break the chain (0 when ok) */
  broken: z.int(),
  /** entries at the end written without a hash yet (sealed by the next change or start), not a break */
  pending: z.int(),
  /** entries removed from the end of the log: ids after `afterId` up to `lastIssuedId` were issued and are gone */
  tailMissing: z.object({ afterId: z.int(), lastIssuedId: z.int() }).optional(),
  lastId: z.int().nullable(),
  /** threads the chain was walked in (a long log on a file: one stretch per core) */
  threads: z.int(),
  /** signed plans and reports checked, and those whose content no longer matches the hash taken at signing */
  formsChecked: z.int(),
  brokenForms: z.array(brokenForm),
  ms: z.int(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

export const auditMethods = {
  'audit.list': {
    input: z.object({ ...pageInput, ...auditFilters }).strict(),
    output: z.object({ rows: z.array(auditEntry), total: z.int() }),
  },
  'audit.verify': { input: noInput(), output: auditVerification },
} as const;
