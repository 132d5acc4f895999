import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames, type Input, type ProductCategoryNode } from '../../shared/contract';
import type { Core } from '../../electron/core/core';
import { digest, fail, makeCore, ok } from './helpers';

let core: Core;
beforeEach(() => {
  core = makeCore();
});
afterEach(() => core.close());

function flatten(nodes: ProductCategoryNode[]): ProductCategoryNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

async function nodeOf(id: number): Promise<ProductCategoryNode> {
  const node = flatten(await ok(core, 'productCategories.tree', {})).find((n) => n.id === id);
  if (!node) throw new Error(`category ${id} not in the tree`);
  return node;
}

function paths(): Record<string, { path: string; level: number; parentId: number | null }> {
  const rows = core.ctx.db.prepare('select name, path, level, parent_id as parentId from product_categories').all() as Array<{
    name: string;
    path: string;
    level: number;
    parentId: number | null;
  }>;
  return Object.fromEntries(rows.map((r) => [r.name, { path: r.path, level: r.level, parentId: r.parentId }]));
}

function auditRows(entity: string) {
  return core.ctx.db
    .prepare('select action, entity, entity_id as entityId, before, after from audit_log where entity = ? order by id')
    .all(entity) as Array<{ action: string; entity: string; entityId: number; before: string | null; after: string | null }>;
}

/** 酒水 › 白酒 › 酱香型 / 浓香型, 酒水 › 啤酒, and a second root 饮料 › 果汁. */
async function categories() {
  const drinks = await ok(core, 'productCategories.save', { name: '酒水' });
  const baijiu = await ok(core, 'productCategories.save', { name: '白酒', parentId: drinks.id });
  const jiang = await ok(core, 'productCategories.save', { name: '酱香型', parentId: baijiu.id });
  const nong = await ok(core, 'productCategories.save', { name: '浓香型', parentId: baijiu.id });
  const beer = await ok(core, 'productCategories.save', { name: '啤酒', parentId: drinks.id });
  const soft = await ok(core, 'productCategories.save', { name: '饮料' });
  const juice = await ok(core, 'productCategories.save', { name: '果汁', parentId: soft.id });
  return { drinks, baijiu, jiang, nong, beer, soft, juice };
}
type Cats = Awaited<ReturnType<typeof categories>>;

async function products(c: Cats) {
  const maotai = await ok(core, 'products.save', {
    name: '贵州茅台酒',
    spec: '53度 500ml',
    categoryId: c.jiang.id,
    unit: '瓶',
    listPriceFen: 299_900,
    dealerPriceFen: 269_900,
    floorPriceFen: 279_900,
    costFen: 200_000,
  });
  const wuliangye = await ok(core, 'products.save', {
    name: '五粮液',
    spec: '52度 500ml',
    categoryId: c.nong.id,
    unit: '瓶',
    listPriceFen: 109_900,
    costFen: 80_000,
  });
  const tsingtao = await ok(core, 'products.save', {
    name: '青岛啤酒经典',
    spec: '500ml×12瓶',
    categoryId: c.beer.id,
    unit: '箱',
    listPriceFen: 6_000,
    dealerPriceFen: 5_200,
    floorPriceFen: 5_000,
    costFen: 4_100,
  });
  const huiyuan = await ok(core, 'products.save', {
    name: '汇源橙汁',
    spec: '1L×6',
    categoryId: c.juice.id,
    unit: '箱',
    listPriceFen: 4_800,
    costFen: 3_000,
  });
  const loose = await ok(core, 'products.save', { name: '安徽散装白酒', unit: '千克' });
  const old = await ok(core, 'products.save', {
    name: '老款酱香礼盒',
    categoryId: c.jiang.id,
    unit: '盒',
    listPriceFen: 50_000,
    costFen: 30_000,
    active: false,
  });
  return { maotai, wuliangye, tsingtao, huiyuan, loose, old };
}

describe('product categories: a three-level tree', () => {
  it('builds three levels with materialised paths; siblings by sort number, then name by pinyin', async () => {
    const c = await categories();
    expect(paths()).toEqual({
      酒水: { path: `/${c.drinks.id}/`, level: 1, parentId: null },
      白酒: { path: `/${c.drinks.id}/${c.baijiu.id}/`, level: 2, parentId: c.drinks.id },
      酱香型: { path: `/${c.drinks.id}/${c.baijiu.id}/${c.jiang.id}/`, level: 3, parentId: c.baijiu.id },
      浓香型: { path: `/${c.drinks.id}/${c.baijiu.id}/${c.nong.id}/`, level: 3, parentId: c.baijiu.id },
      啤酒: { path: `/${c.drinks.id}/${c.beer.id}/`, level: 2, parentId: c.drinks.id },
      饮料: { path: `/${c.soft.id}/`, level: 1, parentId: null },
      果汁: { path: `/${c.soft.id}/${c.juice.id}/`, level: 2, parentId: c.soft.id },
    });
    const tree = await ok(core, 'productCategories.tree', {});
    // jiushui < yinliao; baijiu < pijiu; jiangxiangxing < nongxiangxing
    expect(tree.map((n) => n.name)).toEqual(['酒水', '饮料']);
    expect(tree[0]!.children.map((n) => n.name)).toEqual(['白酒', '啤酒']);
    expect(tree[0]!.children[0]!.children.map((n) => n.name)).toEqual(['酱香型', '浓香型']);
    expect(tree[0]).toMatchObject({ id: c.drinks.id, parentId: null, level: 1, sortOrder: 0, productCount: 0 });
    // an explicit sort number wins over the name
    await ok(core, 'productCategories.save', { id: c.soft.id, name: '饮料', sortOrder: 0 });
    await ok(core, 'productCategories.save', { id: c.drinks.id, name: '酒水', sortOrder: 5 });
    expect((await ok(core, 'productCategories.tree', {})).map((n) => n.name)).toEqual(['饮料', '酒水']);
  });

  it('refuses a fourth level with a VALIDATION error on parentId, leaving the database unchanged', async () => {
    const c = await categories();
    const before = digest(core.ctx.db);
    const err = await fail(core, 'productCategories.save', { name: '飞天', parentId: c.jiang.id });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
    expect(err.message).toContain('3 级');
    expect(err.message).toContain('酱香型');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('refuses a missing parent (REFERENCE) and a missing category (NOT_FOUND)', async () => {
    const err = await fail(core, 'productCategories.save', { name: '孤儿', parentId: 999 });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'parentId' });
    expect(err.message).toContain('上级分类');
    expect(await fail(core, 'productCategories.save', { id: 999, name: '无' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await fail(core, 'productCategories.delete', { id: 999 })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('keeps sibling names unique, at the top level too; the same name under another parent is fine', async () => {
    const c = await categories();
    const before = digest(core.ctx.db);
    const top = await fail(core, 'productCategories.save', { name: '酒水' });
    expect(top).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(top.message).toContain('酒水');
    const child = await fail(core, 'productCategories.save', { name: '啤酒', parentId: c.drinks.id });
    expect(child).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(child.message).toContain('「酒水」下');
    const rename = await fail(core, 'productCategories.save', { id: c.beer.id, name: '白酒', parentId: c.drinks.id });
    expect(rename).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(digest(core.ctx.db)).toBe(before);
    await ok(core, 'productCategories.save', { name: '其他', parentId: c.drinks.id });
    await ok(core, 'productCategories.save', { name: '其他', parentId: c.soft.id });
    // saving a category under its own name is not a clash with itself
    await ok(core, 'productCategories.save', { id: c.beer.id, name: '啤酒', parentId: c.drinks.id, sortOrder: 3 });
  });

  it('moves a category with its whole subtree, re-levelling every descendant', async () => {
    const c = await categories();
    await ok(core, 'productCategories.save', { id: c.baijiu.id, name: '白酒', parentId: null });
    expect(paths()).toMatchObject({
      白酒: { path: `/${c.baijiu.id}/`, level: 1, parentId: null },
      酱香型: { path: `/${c.baijiu.id}/${c.jiang.id}/`, level: 2, parentId: c.baijiu.id },
      浓香型: { path: `/${c.baijiu.id}/${c.nong.id}/`, level: 2, parentId: c.baijiu.id },
    });
    // and back under 饮料 (two levels deep again)
    await ok(core, 'productCategories.save', { id: c.baijiu.id, name: '白酒', parentId: c.soft.id });
    expect(paths()).toMatchObject({
      白酒: { path: `/${c.soft.id}/${c.baijiu.id}/`, level: 2, parentId: c.soft.id },
      酱香型: { path: `/${c.soft.id}/${c.baijiu.id}/${c.jiang.id}/`, level: 3 },
      酒水: { path: `/${c.drinks.id}/`, level: 1 },
    });
    const tree = await ok(core, 'productCategories.tree', {});
    expect(tree.find((n) => n.id === c.soft.id)!.children.map((n) => n.name)).toEqual(['白酒', '果汁']);
  });

  it('refuses moves that would go below three levels or under the category itself', async () => {
    const c = await categories();
    const before = digest(core.ctx.db);
    // 白酒 has children: under 啤酒 they would become level 4
    const deep = await fail(core, 'productCategories.save', { id: c.baijiu.id, name: '白酒', parentId: c.beer.id });
    expect(deep).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
    expect(deep.message).toContain('3 级');
    const self = await fail(core, 'productCategories.save', { id: c.baijiu.id, name: '白酒', parentId: c.baijiu.id });
    expect(self).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
    const under = await fail(core, 'productCategories.save', { id: c.drinks.id, name: '酒水', parentId: c.baijiu.id });
    expect(under).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
    expect(digest(core.ctx.db)).toBe(before);
    // a leaf can go down to level 3
    await ok(core, 'productCategories.save', { id: c.juice.id, name: '果汁', parentId: c.beer.id });
    expect(paths()['果汁']).toEqual({ path: `/${c.drinks.id}/${c.beer.id}/${c.juice.id}/`, level: 3, parentId: c.beer.id });
  });

  it('deletes only a category with no sub-categories and no products (inactive ones count)', async () => {
    const c = await categories();
    const p = await products(c);
    const before = digest(core.ctx.db);
    const parent = await fail(core, 'productCategories.delete', { id: c.baijiu.id });
    expect(parent).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(parent.message).toMatch(/白酒.*2 个下级分类/);
    const used = await fail(core, 'productCategories.delete', { id: c.jiang.id });
    expect(used).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(used.message).toContain('「酱香型」下还有 2 个产品（其中 1 个已停用）');
    expect(digest(core.ctx.db)).toBe(before);

    // move the products away: the leaf can go, then its parent once the other leaf is empty too
    for (const id of [p.maotai.id, p.old.id]) {
      const row = await ok(core, 'products.get', { id });
      await ok(core, 'products.save', { ...editable(row), categoryId: c.nong.id });
    }
    expect(await ok(core, 'productCategories.delete', { id: c.jiang.id })).toEqual({ id: c.jiang.id });
    expect(paths()).not.toHaveProperty('酱香型');
    expect((await fail(core, 'productCategories.delete', { id: c.baijiu.id })).message).toContain('1 个下级分类');
    const empty = await ok(core, 'productCategories.save', { name: '空分类' });
    await ok(core, 'productCategories.delete', { id: empty.id });
    expect(flatten(await ok(core, 'productCategories.tree', {})).some((n) => n.name === '空分类')).toBe(false);
  });

  it('counts active products on their category and rolls the counts up to every ancestor', async () => {
    const c = await categories();
    const p = await products(c);
    expect((await nodeOf(c.jiang.id)).productCount).toBe(1); // 老款 is inactive
    expect((await nodeOf(c.nong.id)).productCount).toBe(1);
    expect((await nodeOf(c.baijiu.id)).productCount).toBe(2);
    expect((await nodeOf(c.beer.id)).productCount).toBe(1);
    expect((await nodeOf(c.drinks.id)).productCount).toBe(3);
    expect((await nodeOf(c.soft.id)).productCount).toBe(1);
    expect((await nodeOf(c.juice.id)).productCount).toBe(1);
    const row = await ok(core, 'products.get', { id: p.wuliangye.id });
    await ok(core, 'products.save', { ...editable(row), active: false });
    expect((await nodeOf(c.drinks.id)).productCount).toBe(2);
  });

  it('audits every category change as productCategory', async () => {
    const c = await categories();
    await ok(core, 'productCategories.save', { id: c.beer.id, name: '啤酒饮品', parentId: c.drinks.id });
    await ok(core, 'productCategories.delete', { id: c.juice.id });
    const rows = auditRows('productCategory');
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'create', 'create', 'create', 'create', 'update', 'delete']);
    const update = rows[7]!;
    expect(update.entityId).toBe(c.beer.id);
    expect(JSON.parse(update.before!)).toMatchObject({ name: '啤酒', level: 2 });
    expect(JSON.parse(update.after!)).toMatchObject({ name: '啤酒饮品', level: 2 });
    expect(JSON.parse(rows[8]!.before!)).toMatchObject({ id: c.juice.id, name: '果汁' });
    expect(rows[8]!.after).toBeNull();
  });
});

/** The save input that leaves a product as it is. */
function editable(row: Awaited<ReturnType<typeof getRow>>): Input<'products.save'> {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    spec: row.spec,
    categoryId: row.categoryId,
    unit: row.unit,
    listPriceFen: row.listPriceFen,
    dealerPriceFen: row.dealerPriceFen,
    floorPriceFen: row.floorPriceFen,
    costFen: row.costFen,
    active: row.active,
    notes: row.notes,
  };
}
function getRow(id: number) {
  return ok(core, 'products.get', { id });
}

describe('products: create and edit', () => {
  it('numbers products P00001… when the SKU is blank, and continues after the highest P number', async () => {
    const a = await ok(core, 'products.save', { name: '甲' });
    const b = await ok(core, 'products.save', { name: '乙', sku: '' });
    expect([a.code, b.code]).toEqual(['P00001', 'P00002']);
    expect(await ok(core, 'products.save', { name: '自编码', sku: 'MT-53/500' })).toMatchObject({ code: 'MT-53/500' });
    await ok(core, 'products.save', { name: '跳号', sku: 'P00100' });
    await ok(core, 'products.save', { name: '非数字', sku: 'P9X' });
    expect((await ok(core, 'products.save', { name: '下一个' })).code).toBe('P00101');
    // a lower-case code already taking the next number is skipped, not reported as a clash
    await ok(core, 'products.save', { name: '小写', sku: 'p00102' });
    expect((await ok(core, 'products.save', { name: '再下一个' })).code).toBe('P00103');
  });

  it('returns the row with integer fen, the category name and the margin', async () => {
    const c = await categories();
    const p = await products(c);
    expect(await getRow(p.tsingtao.id)).toEqual({
      id: p.tsingtao.id,
      sku: p.tsingtao.code,
      name: '青岛啤酒经典',
      spec: '500ml×12瓶',
      categoryId: c.beer.id,
      categoryName: '啤酒',
      unit: '箱',
      listPriceFen: 6_000,
      dealerPriceFen: 5_200,
      floorPriceFen: 5_000,
      costFen: 4_100,
      grossMarginBp: 3167, // 1900 / 6000 = 31.666…%
      active: true,
      notes: '',
      updatedAt: expect.any(String),
    });
    expect(await getRow(p.loose.id)).toMatchObject({ categoryId: null, categoryName: null, listPriceFen: 0, grossMarginBp: null });
    expect(await fail(core, 'products.get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('rejects a SKU used by another product (letter case ignored), naming it, and leaves the database unchanged', async () => {
    await ok(core, 'products.save', { name: '贵州茅台酒', sku: 'MT500' });
    const other = await ok(core, 'products.save', { name: '五粮液' });
    const before = digest(core.ctx.db);
    const err = await fail(core, 'products.save', { name: '重号', sku: 'MT500' });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'sku' });
    expect(err.message).toContain('贵州茅台酒');
    expect(await fail(core, 'products.save', { name: '重号', sku: 'mt500' })).toMatchObject({ code: 'CONFLICT', field: 'sku' });
    expect(await fail(core, 'products.save', { id: other.id, name: '五粮液', sku: 'MT500' })).toMatchObject({ field: 'sku' });
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('edit with a blank SKU keeps the SKU; editing changes the derived search columns', async () => {
    const saved = await ok(core, 'products.save', { name: '贵州茅台酒', spec: '53度' });
    expect(await ok(core, 'products.save', { id: saved.id, name: '飞天茅台', spec: '53度 500ml' })).toEqual({
      id: saved.id,
      code: 'P00001',
    });
    const row = core.ctx.db.prepare('select sku, name_pinyin as p, search_text as s from products where id = ?').get(saved.id) as {
      sku: string;
      p: string;
      s: string;
    };
    expect(row.sku).toBe('P00001');
    expect(row.p).toBe('feitianmaotai');
    expect(row.s).toContain('飞天茅台');
    expect(row.s).toContain('p00001');
    expect(row.s).toContain('53度 500ml');
    expect(row.s).toContain('ftmt');
    expect(row.s).not.toContain('贵州');
    expect(await fail(core, 'products.save', { id: 999, name: '无' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('refuses a category that does not exist (REFERENCE on categoryId)', async () => {
    const before = digest(core.ctx.db);
    const err = await fail(core, 'products.save', { name: '孤儿', categoryId: 42 });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'categoryId' });
    expect(err.message).toContain('产品分类');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it.each([
    [{ listPriceFen: 10_000, floorPriceFen: 10_001 }, 'floorPriceFen', '最低售价不能高于标准售价'],
    [{ listPriceFen: 10_000, dealerPriceFen: 12_000 }, 'dealerPriceFen', '经销价不能高于标准售价'],
    [{ listPriceFen: 1, dealerPriceFen: 2, floorPriceFen: 2 }, 'dealerPriceFen', '经销价不能高于标准售价'],
  ])('price sanity: %j → VALIDATION on %s', async (prices, field, message) => {
    const saved = await ok(core, 'products.save', { name: '价格测试', listPriceFen: 10_000, costFen: 5_000 });
    const before = digest(core.ctx.db);
    for (const input of [
      { name: '新产品', ...prices },
      { id: saved.id, name: '价格测试', ...prices },
    ]) {
      const err = await fail(core, 'products.save', input);
      expect(err).toMatchObject({ code: 'VALIDATION', field });
      expect(err.message).toContain(message);
    }
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('names the amounts in the price message, and allows equal prices or no list price at all', async () => {
    const err = await fail(core, 'products.save', { name: '贵', listPriceFen: 123_456, floorPriceFen: 123_457 });
    expect(err.message).toContain('¥1,234.57 > ¥1,234.56');
    await ok(core, 'products.save', { name: '等价', listPriceFen: 5_000, dealerPriceFen: 5_000, floorPriceFen: 5_000, costFen: 6_000 });
    // without a list price the other prices are not compared to it
    await ok(core, 'products.save', { name: '未定价', listPriceFen: 0, dealerPriceFen: 800, floorPriceFen: 900, costFen: 500 });
  });

  it.each([
    [1999, 1234, 3827], // 7650000 / 1999 = 3826.91…
    [6000, 4100, 3167],
    [10_000, 0, 10_000],
    [10_000, 10_000, 0],
    [20_000, 1, 10_000], // 9999.5 rounds half away from zero
    [20_000, 39_999, -10_000], // −9999.5 likewise
    [3, 4, -3333], // selling below cost
    [999_999_999_999, 333_333_333_333, 6667],
    [1_000_000_000_000, 1, 10_000], // (list − cost) × 10000 is beyond 2^53
    [1_000_000_000_000, 999_999_999_999, 0], // 0.00000001 → 0
    [1_000_000_000_000, 999_950_000_000, 1], // exactly 0.5 bp → 1
    [1_000_000_000_000, 999_950_000_001, 0], // just under 0.5 bp → 0
    [0, 500, null],
  ])('grossMarginBp for list %i, cost %i is %s', async (listPriceFen, costFen, expected) => {
    const saved = await ok(core, 'products.save', { name: '毛利', listPriceFen, costFen });
    expect((await getRow(saved.id)).grossMarginBp).toBe(expected);
    expect((await ok(core, 'products.list', { search: saved.code })).rows[0]!.grossMarginBp).toBe(expected);
  });

  it('deactivates through save (active:false) and reactivates; a product is never deleted', async () => {
    const saved = await ok(core, 'products.save', { name: '停用测试', listPriceFen: 1_000 });
    const row = await getRow(saved.id);
    await ok(core, 'products.save', { ...editable(row), active: false });
    expect(await getRow(saved.id)).toMatchObject({ active: false, sku: row.sku, listPriceFen: 1_000 });
    expect((await ok(core, 'products.list', {})).total).toBe(0);
    await ok(core, 'products.save', { ...editable(row), active: true });
    expect((await getRow(saved.id)).active).toBe(true);
    expect(methodNames.filter((m) => m.startsWith('products.'))).toEqual(['products.list', 'products.get', 'products.save']);
  });

  it('audits create and update as product, before and after, with money in fen', async () => {
    const c = await categories();
    const saved = await ok(core, 'products.save', { name: '审计', categoryId: c.beer.id, listPriceFen: 1_000, costFen: 600 });
    const row = await getRow(saved.id);
    await ok(core, 'products.save', { ...editable(row), listPriceFen: 1_200, active: false });
    const rows = auditRows('product');
    expect(rows.map((r) => [r.action, r.entityId])).toEqual([
      ['create', saved.id],
      ['update', saved.id],
    ]);
    expect(rows[0]!.before).toBeNull();
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({
      sku: 'P00001',
      name: '审计',
      categoryName: '啤酒',
      listPriceFen: 1_000,
      active: true,
    });
    expect(JSON.parse(rows[1]!.before!)).toMatchObject({ listPriceFen: 1_000, active: true });
    expect(JSON.parse(rows[1]!.after!)).toMatchObject({ listPriceFen: 1_200, active: false });
    expect(JSON.parse(rows[1]!.after!)).not.toHaveProperty('grossMarginBp');
    const failed = await fail(core, 'products.save', { name: '坏价', listPriceFen: 100, floorPriceFen: 200 });
    expect(failed.code).toBe('VALIDATION');
    expect(auditRows('product')).toHaveLength(2);
  });
});

describe('products: list, filter, search and sort', () => {
  let c: Cats;
  let p: Awaited<ReturnType<typeof products>>;
  beforeEach(async () => {
    c = await categories();
    p = await products(c);
  });
  const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);
  const list = (input: Input<'products.list'> = {}) => ok(core, 'products.list', input);

  it('lists active products by SKU by default, 50 a page', async () => {
    const res = await list();
    expect(res.total).toBe(5);
    expect(res.rows.map((r) => r.sku)).toEqual(['P00001', 'P00002', 'P00003', 'P00004', 'P00005']);
    expect(res.rows.every((r) => r.active)).toBe(true);
  });

  it('active scope: 在售 / 停用 / 全部', async () => {
    expect(names((await list({ active: 'inactive' })).rows)).toEqual(['老款酱香礼盒']);
    expect((await list({ active: 'all' })).total).toBe(6);
    expect((await list({ active: 'active' })).total).toBe(5);
  });

  it('a category filter includes its sub-categories', async () => {
    expect(names((await list({ categoryId: c.baijiu.id, sort: { field: 'sku', order: 'asc' } })).rows)).toEqual(['贵州茅台酒', '五粮液']);
    expect(names((await list({ categoryId: c.drinks.id, active: 'all' })).rows)).toEqual([
      '贵州茅台酒',
      '五粮液',
      '青岛啤酒经典',
      '老款酱香礼盒',
    ]);
    expect(names((await list({ categoryId: c.jiang.id, active: 'all' })).rows)).toEqual(['贵州茅台酒', '老款酱香礼盒']);
    expect(names((await list({ categoryId: c.soft.id })).rows)).toEqual(['汇源橙汁']);
    // after a move the subtree filter follows the new paths
    await ok(core, 'productCategories.save', { id: c.baijiu.id, name: '白酒', parentId: c.soft.id });
    expect(names((await list({ categoryId: c.soft.id })).rows)).toEqual(['贵州茅台酒', '五粮液', '汇源橙汁']);
    expect((await list({ categoryId: 999 })).total).toBe(0);
  });

  it.each([
    ['gzmt', ['贵州茅台酒']],
    ['maotai', ['贵州茅台酒']],
    ['茅台', ['贵州茅台酒']],
    ['P00003', ['青岛啤酒经典']],
    ['p00003', ['青岛啤酒经典']],
    ['500ml', ['贵州茅台酒', '五粮液', '青岛啤酒经典']],
    ['５００ＭＬ', ['贵州茅台酒', '五粮液', '青岛啤酒经典']],
    ['52度', ['五粮液']],
    ['jiu 500', ['贵州茅台酒', '青岛啤酒经典']],
    ['pj 12', ['青岛啤酒经典']],
    ['%', []],
    ['_', []],
  ])('search %s finds %j (name, pinyin, initials, SKU, spec; every word must match)', async (search, expected) => {
    expect(names((await list({ search })).rows)).toEqual(expected);
  });

  it('search pages from one pass: the total counts every match, the page holds only its rows', async () => {
    const page2 = await list({ search: 'jiu', pageSize: 2, page: 2, active: 'all', sort: { field: 'sku', order: 'asc' } });
    // 贵州茅台酒, 五粮液(wuliangye: no "jiu"), 青岛啤酒经典, 安徽散装白酒, 老款酱香礼盒(no)
    expect(page2.total).toBe(3);
    expect(names(page2.rows)).toEqual(['安徽散装白酒']);
    const search = await list({ search: '酒', categoryId: c.drinks.id, active: 'all' });
    expect(names(search.rows)).toEqual(['贵州茅台酒', '青岛啤酒经典']);
  });

  it('sorts names by pinyin, categories by name, prices as integers', async () => {
    const byName = await list({ active: 'all', sort: { field: 'name', order: 'asc' } });
    // anhui, guizhou, huiyuan, laokuan, qingdao, wuliangye
    expect(names(byName.rows)).toEqual(['安徽散装白酒', '贵州茅台酒', '汇源橙汁', '老款酱香礼盒', '青岛啤酒经典', '五粮液']);
    const desc = await list({ active: 'all', sort: { field: 'name', order: 'desc' } });
    expect(names(desc.rows)).toEqual([...names(byName.rows)].reverse());

    const byCategory = await list({ active: 'all', sort: { field: 'categoryName', order: 'asc' } });
    // none, guozhi(果汁), jiangxiangxing ×2 (by name), nongxiangxing, pijiu
    expect(byCategory.rows.map((r) => r.categoryName)).toEqual([null, '果汁', '酱香型', '酱香型', '浓香型', '啤酒']);
    expect(names(byCategory.rows).slice(2, 4)).toEqual(['贵州茅台酒', '老款酱香礼盒']);

    const byPrice = await list({ sort: { field: 'listPriceFen', order: 'desc' } });
    expect(byPrice.rows.map((r) => r.listPriceFen)).toEqual([299_900, 109_900, 6_000, 4_800, 0]);
    const byCost = await list({ sort: { field: 'costFen', order: 'asc' } });
    expect(byCost.rows.map((r) => r.costFen)).toEqual([0, 3_000, 4_100, 80_000, 200_000]);
    const byFloor = await list({ sort: { field: 'floorPriceFen', order: 'desc' }, pageSize: 1 });
    expect(byFloor).toMatchObject({ total: 5, rows: [{ name: '贵州茅台酒' }] });
    const byDealer = await list({ sort: { field: 'dealerPriceFen', order: 'desc' }, search: 'jiu' });
    expect(names(byDealer.rows)).toEqual(['贵州茅台酒', '青岛啤酒经典', '安徽散装白酒']);
    const bySku = await list({ sort: { field: 'sku', order: 'desc' } });
    expect(bySku.rows[0]!.sku).toBe('P00005');
    const byUpdated = await list({ sort: { field: 'updatedAt', order: 'desc' }, pageSize: 2 });
    expect(names(byUpdated.rows)).toEqual(['安徽散装白酒', '汇源橙汁']);
    expect(p.maotai.code).toBe('P00001');
  });

  it('pages without search: total and offset', async () => {
    const res = await list({ page: 2, pageSize: 2, sort: { field: 'sku', order: 'asc' } });
    expect(res.total).toBe(5);
    expect(res.rows.map((r) => r.sku)).toEqual(['P00003', 'P00004']);
  });
});

describe('product money columns are integer 分 at the SQL level', () => {
  const insert = (col: string, value: unknown) =>
    core.ctx.db
      .prepare(`insert into products (sku, name, ${col}, created_at, updated_at) values ('X1', '测试', ?, '2025-01-01', '2025-01-01')`)
      .run(value);

  it.each(['list_price_fen', 'dealer_price_fen', 'floor_price_fen', 'cost_fen'])('CHECK guards %s', (col) => {
    for (const bad of [1.5, 0.01, -1, 'abc']) expect(() => insert(col, bad)).toThrow(/CHECK/);
    insert(col, 123);
    expect(core.ctx.db.prepare(`select typeof(${col}) from products`).pluck().all()).toEqual(['integer']);
  });

  it('the contract refuses fractional or negative fen before SQL sees them', async () => {
    for (const bad of [1.5, -1]) {
      const err = await fail(core, 'products.save', { name: '坏', costFen: bad });
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'costFen' });
      expect(err.message).toContain('成本价');
    }
  });
});

describe('product categories carry pinyin for the renderer pickers', () => {
  it('sends full pinyin and initials with each node', async () => {
    const core = makeCore();
    await ok(core, 'productCategories.save', { name: '白酒' });
    const [node] = await ok(core, 'productCategories.tree', {});
    expect(node).toMatchObject({ name: '白酒', pinyin: 'baijiu', initials: 'bj' });
    core.close();
  });
});
