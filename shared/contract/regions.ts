// Regions: the four-level tree (大区 › 省 › 市 › 片区).
import { z } from 'zod';
import { idSchema, noInput, requiredText, savedId, text } from './common';

export interface RegionNode {
  id: number;
  parentId: number | null;
  name: string;
  code: string;
  level: number;
  sortOrder: number;
  customerCount: number;
  initials: string;
  /** full pinyin of the name: pickers search by it in the renderer, which has no pinyin dictionary (always sent; optional for hand-built trees) */
  pinyin?: string;
  children: RegionNode[];
}
const regionNode: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({
    id: z.int(),
    parentId: z.int().nullable(),
    name: z.string(),
    code: z.string(),
    level: z.int(),
    sortOrder: z.int(),
    customerCount: z.int(),
    initials: z.string(),
    pinyin: z.string(),
    children: z.array(regionNode),
  }),
);

export const regionMethods = {
  'regions.tree': { input: noInput(), output: z.array(regionNode) },
  'regions.save': {
    input: z
      .object({
        id: idSchema.optional(),
        parentId: idSchema.nullable().default(null),
        name: requiredText(40),
        code: text(20).default(''),
        sortOrder: z.int().min(0).max(9999).default(0),
      })
      .strict(),
    output: savedId,
  },
  'regions.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({ id: z.int() }) },
} as const;
