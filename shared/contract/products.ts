// Products (产品) and their category tree (up to 3 levels).
import { z } from 'zod';
import { fenSchema, idSchema, noInput, pageInput, requiredText, savedId, sortInput, text } from './common';
import { productSortFields } from './sortFields';

export { productSortFields };

/** The list filters, shared by `products.list` and the products export. */
export const productFilters = {
  sort: sortInput(productSortFields),
  categoryId: idSchema.optional(), // includes sub-categories
  active: z.enum(['active', 'inactive', 'all']).default('active'),
};

const productRow = z.object({
  id: z.int(),
  sku: z.string(),
  name: z.string(),
  spec: z.string(),
  categoryId: z.int().nullable(),
  categoryName: z.string().nullable(),
  unit: z.string(),
  listPriceFen: z.int(),
  dealerPriceFen: z.int(),
  floorPriceFen: z.int(),
  costFen: z.int(),
  grossMarginBp: z.int().nullable(), // (list − cost) / list in basis points; null when the list price is 0
  active: z.boolean(),
  notes: z.string(),
  updatedAt: z.string(),
});
export type ProductRow = z.infer<typeof productRow>;
export interface ProductCategoryNode {
  id: number;
  parentId: number | null;
  name: string;
  level: number;
  sortOrder: number;
  productCount: number;
  pinyin: string;
  initials: string;
  children: ProductCategoryNode[];
}
const productCategoryNode: z.ZodType<ProductCategoryNode> = z.lazy(() =>
  z.object({
    id: z.int(),
    parentId: z.int().nullable(),
    name: z.string(),
    level: z.int(),
    sortOrder: z.int(),
    productCount: z.int(),
    pinyin: z.string(),
    initials: z.string(),
    children: z.array(productCategoryNode),
  }),
);

export const productMethods = {
  'productCategories.tree': { input: noInput(), output: z.array(productCategoryNode) },
  'productCategories.save': {
    input: z
      .object({
        id: idSchema.optional(),
        parentId: idSchema.nullable().default(null),
        name: requiredText(40),
        sortOrder: z.int().min(0).max(9999).default(0),
      })
      .strict(),
    output: z.object({ id: z.int() }),
  },
  'productCategories.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({ id: z.int() }) },
  'products.list': {
    input: z
      .object({
        ...pageInput,
        ...productFilters,
      })
      .strict(),
    output: z.object({ rows: z.array(productRow), total: z.int() }),
  },
  'products.get': { input: z.object({ id: idSchema }).strict(), output: productRow },
  'products.save': {
    input: z
      .object({
        id: idSchema.optional(),
        sku: text(40)
          .regex(/^[A-Za-z0-9_.\-/]*$/, '只能包含字母、数字和 - _ . /')
          .default(''),
        name: requiredText(100),
        spec: text(60).default(''),
        categoryId: idSchema.nullable().default(null),
        unit: text(10).default(''),
        listPriceFen: fenSchema.default(0),
        dealerPriceFen: fenSchema.default(0),
        floorPriceFen: fenSchema.default(0),
        costFen: fenSchema.default(0),
        active: z.boolean().default(true),
        notes: text(1000).default(''),
      })
      .strict(),
    output: savedId,
  },
} as const;
