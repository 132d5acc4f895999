// Teams and reps (业务员): the people customers and dealers are assigned to.
import { z } from 'zod';
import { codeText, dateSchema, idSchema, noInput, pageInput, phoneSchema, requiredText, savedId, sortInput } from './common';
import { repSortFields } from './sortFields';

export { repSortFields };

/** The list filters, shared by `reps.list` and the reps export. */
export const repFilters = {
  sort: sortInput(repSortFields),
  teamId: idSchema.optional(),
  includeInactive: z.boolean().default(false),
};

const team = z.object({ id: z.int(), name: z.string(), repCount: z.int() });
const repRow = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  teamId: z.int().nullable(),
  teamName: z.string().nullable(),
  supervisorId: z.int().nullable(),
  supervisorName: z.string().nullable(),
  hireDate: z.string().nullable(),
  active: z.boolean(),
  regionIds: z.array(z.int()),
  regionNames: z.array(z.string()),
  /** each region's names from the root, in the order of regionIds */
  regionPaths: z.array(z.array(z.string())),
  customerCount: z.int(),
  initials: z.string(),
  pinyin: z.string(),
});
export type Rep = z.infer<typeof repRow>;

export const repMethods = {
  'teams.list': { input: noInput(), output: z.array(team) },
  'teams.save': {
    input: z.object({ id: idSchema.optional(), name: requiredText(40) }).strict(),
    output: z.object({ id: z.int() }),
  },

  'reps.list': {
    input: z
      .object({
        ...pageInput,
        pageSize: z.int().min(1).max(1000).default(200),
        ...repFilters,
      })
      .strict(),
    output: z.object({ rows: z.array(repRow), total: z.int() }),
  },
  'reps.save': {
    input: z
      .object({
        id: idSchema.optional(),
        code: codeText(20),
        name: requiredText(20),
        phone: phoneSchema.default(''),
        teamId: idSchema.nullable().default(null),
        supervisorId: idSchema.nullable().default(null),
        regionIds: z.array(idSchema).max(50).default([]),
        hireDate: dateSchema.nullable().default(null),
        active: z.boolean().default(true),
      })
      .strict(),
    output: savedId,
  },
} as const;
