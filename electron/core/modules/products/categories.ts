// 产品分类: a tree of at most three levels with a materialised path, like regions.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput, ProductCategoryNode } from '../../../../shared/contract';
import { prepared } from '../../db/sql';
import { assemblePathTree, moveSubtree } from '../../db/tree';
import { DomainError, danglingRef, notFound } from '../../errors';
import { pinyinFull, pinyinInitials } from '../../text';
import { recordAudit } from '../audit/audit';

export const MAX_CATEGORY_LEVEL = 3;

export interface CategoryRow {
  id: number;
  parentId: number | null;
  name: string;
  level: number;
  path: string;
  sortOrder: number;
}

const selectCategory = 'select id, parent_id as parentId, name, level, path, sort_order as sortOrder from product_categories';

export function getCategory(ctx: Ctx, id: number): CategoryRow | undefined {
  return prepared(ctx.db, `${selectCategory} where id = ?`).get(id) as CategoryRow | undefined;
}

export function assertCategoryExists(ctx: Ctx, id: number, field = 'categoryId'): void {
  if (!getCategory(ctx, id)) throw danglingRef('产品分类', field, id);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function categoryTree(ctx: Ctx): Output<'productCategories.tree'> {
  // siblings in display order: sort number first, then the name by pinyin
  const rows = (prepared(ctx.db, selectCategory).all() as CategoryRow[])
    .map((r) => ({ ...r, key: pinyinFull(r.name) }))
    .sort((a, b) => a.sortOrder - b.sortOrder || byText(a.key, b.key) || byText(a.name, b.name) || a.id - b.id);
  // active products counted on their own category, then rolled up to every ancestor
  const direct = new Map(
    (
      prepared(
        ctx.db,
        'select category_id as id, count(*) as n from products where active = 1 and category_id is not null group by category_id',
      ).all() as Array<{ id: number; n: number }>
    ).map((r) => [r.id, r.n]),
  );
  return assemblePathTree(
    rows,
    (r): ProductCategoryNode => ({
      id: r.id,
      parentId: r.parentId,
      name: r.name,
      level: r.level,
      sortOrder: r.sortOrder,
      productCount: 0,
      // pickers filter by pinyin in the renderer, which has no pinyin dictionary
      pinyin: r.key,
      initials: pinyinInitials(r.name),
      children: [],
    }),
    direct,
    (node, n) => (node.productCount += n),
  );
}

/** Rank of every category by its name in pinyin order (then by tree path): the sort key for the 分类 column. */
export function categoryNameRanks(ctx: Ctx): Map<number, number> {
  const rows = (prepared(ctx.db, selectCategory).all() as CategoryRow[])
    .map((r) => ({ ...r, key: pinyinFull(r.name) }))
    .sort((a, b) => byText(a.key, b.key) || byText(a.name, b.name) || byText(a.path, b.path));
  return new Map(rows.map((r, i) => [r.id, i]));
}

/** "白酒 › 酱香型" for a category id. */
export function categoryPathNames(ctx: Ctx, id: number | null): string[] {
  const category = id === null ? undefined : getCategory(ctx, id);
  if (!category) return [];
  const ids = category.path.split('/').filter(Boolean).map(Number);
  const names = new Map(
    (
      ctx.db.prepare(`select id, name from product_categories where id in (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{
        id: number;
        name: string;
      }>
    ).map((r) => [r.id, r.name]),
  );
  return ids.map((i) => names.get(i) ?? '');
}

export function saveCategory(ctx: Ctx, input: ParsedInput<'productCategories.save'>): Output<'productCategories.save'> {
  return ctx.db.transaction(() => {
    const parent = input.parentId === null ? null : getCategory(ctx, input.parentId);
    if (input.parentId !== null && !parent) throw danglingRef('上级分类', 'parentId', input.parentId);
    const level = parent ? parent.level + 1 : 1;
    if (level > MAX_CATEGORY_LEVEL) {
      throw new DomainError('VALIDATION', `上级分类：产品分类最多 ${MAX_CATEGORY_LEVEL} 级，「${parent!.name}」下不能再建下级`, 'parentId');
    }
    // the unique index treats NULL parents as distinct, so top-level names are checked here for every level alike
    const sibling = prepared(ctx.db, 'select id from product_categories where coalesce(parent_id, 0) = ? and name = ? and id <> ?').get(
      input.parentId ?? 0,
      input.name,
      input.id ?? 0,
    ) as { id: number } | undefined;
    if (sibling) {
      const where = parent ? `「${parent.name}」下` : '顶级';
      throw new DomainError('CONFLICT', `名称：${where}已有分类「${input.name}」`, 'name');
    }
    const now = nowIso(ctx);

    if (input.id === undefined) {
      const id = Number(
        prepared(
          ctx.db,
          `insert into product_categories (parent_id, name, level, path, sort_order, created_at, updated_at) values (?, ?, ?, '', ?, ?, ?)`,
        ).run(input.parentId, input.name, level, input.sortOrder, now, now).lastInsertRowid,
      );
      const path = `${parent ? parent.path : '/'}${id}/`;
      prepared(ctx.db, 'update product_categories set path = ? where id = ?').run(path, id);
      recordAudit(ctx, { action: 'create', entity: 'productCategory', entityId: id, after: getCategory(ctx, id) });
      return { id };
    }

    const before = getCategory(ctx, input.id);
    if (!before) throw notFound('产品分类', input.id, 'id');
    moveSubtree(ctx.db, 'product_categories', before, parent ?? null, MAX_CATEGORY_LEVEL, '分类');
    prepared(ctx.db, 'update product_categories set parent_id = ?, name = ?, sort_order = ?, updated_at = ? where id = ?').run(
      input.parentId,
      input.name,
      input.sortOrder,
      now,
      input.id,
    );
    recordAudit(ctx, { action: 'update', entity: 'productCategory', entityId: input.id, before, after: getCategory(ctx, input.id) });
    return { id: input.id };
  })();
}

export function deleteCategory(ctx: Ctx, input: ParsedInput<'productCategories.delete'>): Output<'productCategories.delete'> {
  return ctx.db.transaction(() => {
    const category = getCategory(ctx, input.id);
    if (!category) throw notFound('产品分类', input.id, 'id');
    const children = (prepared(ctx.db, 'select count(*) as n from product_categories where parent_id = ?').get(input.id) as { n: number })
      .n;
    if (children > 0) {
      throw new DomainError('CONFLICT', `分类「${category.name}」下还有 ${children} 个下级分类，请先删除或移走下级分类`, 'id');
    }
    const used = prepared(ctx.db, 'select count(*) as n, sum(active = 0) as inactive from products where category_id = ?').get(
      input.id,
    ) as {
      n: number;
      inactive: number | null;
    };
    if (used.n > 0) {
      const note = used.inactive ? `（其中 ${used.inactive} 个已停用）` : '';
      throw new DomainError('CONFLICT', `分类「${category.name}」下还有 ${used.n} 个产品${note}，请先把这些产品改到其他分类`, 'id');
    }
    prepared(ctx.db, 'delete from product_categories where id = ?').run(input.id);
    recordAudit(ctx, { action: 'delete', entity: 'productCategory', entityId: input.id, before: category });
    return { id: input.id };
  })();
}
