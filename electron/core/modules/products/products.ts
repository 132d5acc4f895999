// 产品/品种: SKU, name, category, unit, list / dealer / floor price, cost; never deleted, only deactivated.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput, ProductRow } from '../../../../shared/contract';
import { formatFen, toHalfWidth } from '../../../../shared/money';
import { count, prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import { buildSearchText, normaliseSearch, pinyinFull, searchWordClauses } from '../../text';
import { recordAudit } from '../audit/audit';
import { assertCategoryExists, categoryNameRanks } from './categories';

type ListInput = ParsedInput<'products.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];
export type ProductFilters = Pick<ListInput, 'search' | 'categoryId' | 'active'>;

/** (list − cost) / list in basis points, rounded half away from zero, exact for any fen amount; null when there is no list price. */
export function grossMarginBp(listPriceFen: number, costFen: number): number | null {
  if (listPriceFen <= 0) return null;
  const d = BigInt(listPriceFen);
  const n = (BigInt(listPriceFen) - BigInt(costFen)) * 10000n;
  const abs = n < 0n ? -n : n;
  const rounded = (2n * abs + d) / (2n * d);
  return Number(n < 0n ? -rounded : rounded);
}

const sortSql: Record<Exclude<SortField, 'categoryName'>, string> = {
  sku: 'p.sku',
  name: 'p.name_pinyin',
  listPriceFen: 'p.list_price_fen',
  dealerPriceFen: 'p.dealer_price_fen',
  floorPriceFen: 'p.floor_price_fen',
  costFen: 'p.cost_fen',
  updatedAt: 'p.updated_at',
};

/** ORDER BY for a list sort, with its parameters (the category-name order is a pinyin rank computed here). */
export function productOrderSql(ctx: Ctx, sort: ListInput['sort']): { order: string; params: unknown[] } {
  if (!sort) return { order: 'p.sku asc, p.id asc', params: [] };
  if (sort.field === 'categoryName') {
    const ranks = Object.fromEntries([...categoryNameRanks(ctx)].map(([id, rank]) => [`c${id}`, rank]));
    // products without a category sort before every category, as NULLs do in the other columns
    return {
      order: `coalesce(json_extract(?, '$.c' || p.category_id), -1) ${sort.order}, p.name_pinyin ${sort.order}, p.id ${sort.order}`,
      params: [JSON.stringify(ranks)],
    };
  }
  return { order: `${sortSql[sort.field]} ${sort.order}, p.id ${sort.order}`, params: [] };
}

/** WHERE clause shared by the list, its count and the Excel export of the same view. */
export function productFilterSql(input: ProductFilters): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.active !== 'all') where.push(input.active === 'inactive' ? 'p.active = 0' : 'p.active = 1');
  if (input.categoryId) {
    where.push(
      "p.category_id in (select s.id from product_categories s where s.path like (select c.path from product_categories c where c.id = ?) || '%')",
    );
    params.push(input.categoryId);
  }
  const words = searchWordClauses('p.search_text', normaliseSearch(input.search));
  where.push(...words.clauses);
  params.push(...words.params);
  return { where: where.length ? `where ${where.join(' and ')}` : '', params };
}

interface ProductSqlRow {
  id: number;
  sku: string;
  name: string;
  spec: string;
  categoryId: number | null;
  categoryName: string | null;
  unit: string;
  listPriceFen: number;
  dealerPriceFen: number;
  floorPriceFen: number;
  costFen: number;
  active: number;
  notes: string;
  updatedAt: string;
}

export const productListSelect = `select p.id, p.sku, p.name, p.spec, p.category_id as categoryId, pc.name as categoryName, p.unit,
  p.list_price_fen as listPriceFen, p.dealer_price_fen as dealerPriceFen, p.floor_price_fen as floorPriceFen, p.cost_fen as costFen,
  p.active, p.notes, p.updated_at as updatedAt
from products p left join product_categories pc on pc.id = p.category_id`;

export function toProductRow(r: ProductSqlRow): ProductRow {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    spec: r.spec,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    unit: r.unit,
    listPriceFen: r.listPriceFen,
    dealerPriceFen: r.dealerPriceFen,
    floorPriceFen: r.floorPriceFen,
    costFen: r.costFen,
    grossMarginBp: grossMarginBp(r.listPriceFen, r.costFen),
    active: r.active === 1,
    notes: r.notes,
    updatedAt: r.updatedAt,
  };
}

export function listProducts(ctx: Ctx, input: ListInput): Output<'products.list'> {
  const { where, params } = productFilterSql(input);
  const { order, params: orderParams } = productOrderSql(ctx, input.sort);
  const offset = (input.page - 1) * input.pageSize;
  if (input.search?.trim()) {
    // the LIKE search is the expensive part: run it once for all ordered ids (the total), then load only this page's rows
    const ids = prepared(ctx.db, `select p.id from products p ${where} order by ${order}`)
      .pluck()
      .all(...params, ...orderParams) as number[];
    return { total: ids.length, rows: rowsByIds(ctx, ids.slice(offset, offset + input.pageSize)) };
  }
  const total = count(ctx.db, `select count(*) as n from products p ${where}`, params);
  const rows = prepared(ctx.db, `${productListSelect} ${where} order by ${order} limit ? offset ?`).all(
    ...params,
    ...orderParams,
    input.pageSize,
    offset,
  ) as ProductSqlRow[];
  return { total, rows: rows.map(toProductRow) };
}

function rowsByIds(ctx: Ctx, ids: number[]): ProductRow[] {
  if (ids.length === 0) return [];
  const rows = prepared(ctx.db, `${productListSelect} where p.id in (select value from json_each(?))`).all(
    JSON.stringify(ids),
  ) as ProductSqlRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => toProductRow(byId.get(id)!));
}

function findProduct(ctx: Ctx, id: number): ProductRow | undefined {
  const row = prepared(ctx.db, `${productListSelect} where p.id = ?`).get(id) as ProductSqlRow | undefined;
  return row ? toProductRow(row) : undefined;
}

export function getProduct(ctx: Ctx, input: ParsedInput<'products.get'>): Output<'products.get'> {
  const row = findProduct(ctx, input.id);
  if (!row) throw notFound('产品', input.id, 'id');
  return row;
}

export function assertProductExists(ctx: Ctx, id: number, field = 'productId'): void {
  if (!findProduct(ctx, id)) throw new DomainError('REFERENCE', `产品：引用的记录不存在（编号 ${id}）`, field);
}

type SaveInput = ParsedInput<'products.save'>;

/** A list price caps the dealer and floor prices; with no list price yet there is nothing to compare. */
export function checkPrices(p: Pick<SaveInput, 'listPriceFen' | 'dealerPriceFen' | 'floorPriceFen'>): void {
  if (p.listPriceFen <= 0) return;
  const list = formatFen(p.listPriceFen, { sign: true });
  if (p.dealerPriceFen > p.listPriceFen) {
    throw new DomainError(
      'VALIDATION',
      `经销价不能高于标准售价（${formatFen(p.dealerPriceFen, { sign: true })} > ${list}）`,
      'dealerPriceFen',
    );
  }
  if (p.floorPriceFen > p.listPriceFen) {
    throw new DomainError(
      'VALIDATION',
      `最低售价不能高于标准售价（${formatFen(p.floorPriceFen, { sign: true })} > ${list}）`,
      'floorPriceFen',
    );
  }
}

/** The product using this SKU (letter case ignored: P0001 and p0001 would be the same code on paper). */
function skuOwner(ctx: Ctx, sku: string, exceptId: number): { name: string } | undefined {
  return prepared(ctx.db, 'select name from products where sku = ? collate nocase and id <> ?').get(sku, exceptId) as
    { name: string } | undefined;
}

export function nextProductSku(ctx: Ctx): string {
  const row = prepared(
    ctx.db,
    "select max(cast(substr(sku, 2) as integer)) as m from products where sku glob 'P[0-9]*' and substr(sku, 2) not glob '*[^0-9]*' and length(sku) <= 10",
  ).get() as { m: number | null };
  for (let n = (row.m ?? 0) + 1; ; n++) {
    const sku = `P${String(n).padStart(5, '0')}`;
    if (!skuOwner(ctx, sku, 0)) return sku;
  }
}

/** Derived columns kept in step with the record: pinyin sort key and one search haystack. */
export function productDerived(p: { sku: string; name: string; spec: string }) {
  return {
    namePinyin: pinyinFull(p.name),
    searchText: buildSearchText({ names: [p.name], codes: [p.sku, toHalfWidth(p.spec)] }),
  };
}

/** What the audit log keeps of a product: the record as shown, without the computed margin. */
function auditSnapshot(row: ProductRow | undefined) {
  if (!row) return undefined;
  const { grossMarginBp: _margin, ...rest } = row;
  return rest;
}

export function saveProduct(ctx: Ctx, input: SaveInput): Output<'products.save'> {
  return ctx.db.transaction(() => {
    checkPrices(input);
    const before = input.id === undefined ? undefined : findProduct(ctx, input.id);
    if (input.id !== undefined && !before) throw notFound('产品', input.id, 'id');
    if (input.categoryId !== null) assertCategoryExists(ctx, input.categoryId);
    const sku = input.sku || before?.sku || nextProductSku(ctx);
    const clash = skuOwner(ctx, sku, input.id ?? 0);
    if (clash) throw new DomainError('CONFLICT', `产品编码：「${sku}」已被产品「${clash.name}」使用`, 'sku');

    const now = nowIso(ctx);
    const values = {
      sku,
      name: input.name,
      spec: input.spec,
      categoryId: input.categoryId,
      unit: input.unit,
      listPriceFen: input.listPriceFen,
      dealerPriceFen: input.dealerPriceFen,
      floorPriceFen: input.floorPriceFen,
      costFen: input.costFen,
      active: input.active ? 1 : 0,
      notes: input.notes,
      ...productDerived({ sku, name: input.name, spec: input.spec }),
      now,
    };
    let id: number;
    if (input.id === undefined) {
      id = Number(
        prepared(
          ctx.db,
          `insert into products (sku, name, spec, category_id, unit, list_price_fen, dealer_price_fen, floor_price_fen, cost_fen, active, notes,
             name_pinyin, search_text, created_at, updated_at)
           values (@sku, @name, @spec, @categoryId, @unit, @listPriceFen, @dealerPriceFen, @floorPriceFen, @costFen, @active, @notes,
             @namePinyin, @searchText, @now, @now)`,
        ).run(values).lastInsertRowid,
      );
    } else {
      id = input.id;
      prepared(
        ctx.db,
        `update products set sku = @sku, name = @name, spec = @spec, category_id = @categoryId, unit = @unit, list_price_fen = @listPriceFen,
           dealer_price_fen = @dealerPriceFen, floor_price_fen = @floorPriceFen, cost_fen = @costFen, active = @active, notes = @notes,
           name_pinyin = @namePinyin, search_text = @searchText, updated_at = @now
         where id = @id`,
      ).run({ ...values, id });
    }
    recordAudit(ctx, {
      action: input.id === undefined ? 'create' : 'update',
      entity: 'product',
      entityId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(findProduct(ctx, id)),
    });
    return { id, code: sku };
  })();
}
