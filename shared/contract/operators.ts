// Operators 操作员: who may sign in, with which role; an admin manages them.
import { z } from 'zod';
import { operatorRoles } from '../domain/dailyForms';
import { idSchema, pageInput } from './common';
import { operatorName, passwordSchema } from './auth';

export const operatorRow = z.object({
  id: z.int(),
  name: z.string(),
  role: z.enum(operatorRoles),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  active: z.boolean(),
  /** locked after 5 wrong passwords in a row, until this time (ISO) */
  lockedUntil: z.string().nullable(),
  hasSignature: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OperatorRow = z.infer<typeof operatorRow>;

/** Signature images: PNG or JPEG, at most this many bytes as uploaded. */
export const SIGNATURE_MAX_BYTES = 200 * 1024;

export const operatorMethods = {
  'operators.list': {
    input: z
      .object({
        ...pageInput,
        role: z.enum(operatorRoles).optional(),
        includeInactive: z.boolean().default(true),
      })
      .strict(),
    output: z.object({ rows: z.array(operatorRow), total: z.int() }),
  },
  'operators.save': {
    input: z
      .object({
        id: idSchema.optional(),
        name: operatorName,
        role: z.enum(operatorRoles),
        /** required when creating; on an existing operator it resets the password */
        password: passwordSchema.optional(),
        repId: idSchema.nullable().optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    // a new admin gets a one-time recovery code, shown once
    output: z.object({ id: z.int(), recoveryCode: z.string().optional() }),
  },
  'operators.setSignature': {
    input: z
      .object({
        id: idSchema,
        // base64 of at most 200 KB (a little more as text); the size is checked on the bytes
        imageBase64: z
          .string()
          .max(Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 1024)
          .nullable(),
      })
      .strict(),
    output: z.object({ ok: z.literal(true), mime: z.enum(['image/png', 'image/jpeg']).nullable(), width: z.int(), height: z.int() }),
  },
  'operators.signature': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string() }).nullable(),
  },
} as const;
