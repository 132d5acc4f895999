// 销售分析 Sales: the monthly trend this year against last year, sales by region, channel type, dealer (top N + others)
// and product category, product ABC (Pareto) and the rep ranking, for the period and filters. Sales and gross profit
// are targets/actuals.ts' definitions (orders by date, 红冲 negative, less returns by return date); a breakdown by product
// or category uses the order lines' amounts, which do not carry an order-level discount.
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { channelTypes } from '../../../../shared/domain/dealer';
import { prepared } from '../../db/sql';
import { dailyActuals, type ScopeUnit } from '../targets/actuals';
import { checkFilters, productSales, salesGroups, scopeOf, type SalesGroup } from './filters';
import { changeBp, comparisonPeriods, lastYearRange, monthsOf, shareBp } from './period';

type Input = ParsedInput<'analytics.sales'>;
type Out = Output<'analytics.sales'>;

/** Dealers shown one by one; the rest are summed into 其他. */
export const DEALER_TOP_N = 10;
/** Product ABC: A while the cumulative share is within 70 %, B within 90 %, C the rest. */
export const ABC_CUTOFFS_BP = { a: 7000, b: 9000 } as const;

interface Amounts {
  salesFen: number;
  grossProfitFen: number;
  lastYearFen: number;
}
const zero = (): Amounts => ({ salesFen: 0, grossProfitFen: 0, lastYearFen: 0 });

/** Amounts per key from this period's and last year's rows; the key null drops a row. */
function sumBy<T>(cur: readonly T[], last: readonly T[], keyOf: (row: T) => string | null, value: (row: T) => [number, number]) {
  const out = new Map<string, Amounts>();
  const add = (rows: readonly T[], current: boolean) => {
    for (const row of rows) {
      const key = keyOf(row);
      if (key === null) continue;
      let a = out.get(key);
      if (!a) out.set(key, (a = zero()));
      const [sales, profit] = value(row);
      if (current) {
        a.salesFen += sales;
        a.grossProfitFen += profit;
      } else a.lastYearFen += sales;
    }
  };
  add(cur, true);
  add(last, false);
  return out;
}

/** A slice: its amounts, share of the total and 同比. */
const slice = (a: Amounts, total: number) => ({
  salesFen: a.salesFen,
  grossProfitFen: a.grossProfitFen,
  shareBp: shareBp(a.salesFen, total),
  lastYearFen: a.lastYearFen,
  yoyBp: changeBp(a.salesFen, a.lastYearFen),
});

interface TreeNode {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  sortOrder: number;
}

/**
 * A tree breakdown (region, product category): the filter node's children (a leaf filter node: itself), or the top
 * level. Each node id maps to the shown node on its path; what falls on none of them (no region; the filter node's own
 * customers or products) is one more row, so the rows add up to the total.
 */
function treeBreakdown(
  ctx: Ctx,
  table: 'regions' | 'product_categories',
  filterId: number | undefined,
  amountsOf: (keyOf: (nodeId: number | null) => string | null) => Map<string, Amounts>,
  total: number,
  noneName: string,
): Out['byRegion'] {
  const nodes = prepared(ctx.db, `select id, parent_id as parentId, name, path, sort_order as sortOrder from ${table}`).all() as TreeNode[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parents = new Set(nodes.map((n) => n.parentId));
  let shown = nodes.filter((n) => n.parentId === (filterId ?? null));
  if (filterId !== undefined && shown.length === 0) shown = nodes.filter((n) => n.id === filterId);
  shown.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const shownIds = new Set(shown.map((n) => n.id));
  const REST = 'rest';
  const cache = new Map<number, string>();
  const amounts = amountsOf((nodeId) => {
    if (nodeId === null) return REST;
    let key = cache.get(nodeId);
    if (key === undefined) {
      const path = (byId.get(nodeId)?.path ?? '').split('/').filter(Boolean).map(Number);
      const hit = path.find((id) => shownIds.has(id));
      cache.set(nodeId, (key = hit === undefined ? REST : String(hit)));
    }
    return key;
  });
  const rows: Out['byRegion']['rows'] = shown
    .map((n) => ({
      id: n.id,
      name: n.name,
      hasChildren: parents.has(n.id) && n.id !== filterId,
      ...slice(amounts.get(String(n.id)) ?? zero(), total),
    }))
    .filter((r) => r.salesFen !== 0 || r.grossProfitFen !== 0 || r.lastYearFen !== 0);
  const rest = amounts.get(REST);
  if (rest && (rest.salesFen !== 0 || rest.grossProfitFen !== 0 || rest.lastYearFen !== 0)) {
    const own = filterId === undefined ? undefined : byId.get(filterId);
    rows.push({ id: own?.id ?? 0, name: own ? `${own.name}（本级）` : noneName, hasChildren: false, ...slice(rest, total) });
  }
  return { parentId: filterId ?? null, rows };
}

/** Products by sales descending with the cumulative share and the A / B / C class (a product is A while the share
 *  before it is under 70 %, so the product that crosses the line is still A). Products with sales ≤ 0 are left out. */
export function abcClassify(sales: ReadonlyArray<{ productId: number; salesFen: number }>) {
  const sorted = sales.filter((p) => p.salesFen > 0).sort((a, b) => b.salesFen - a.salesFen || a.productId - b.productId);
  const total = sorted.reduce((s, p) => s + p.salesFen, 0);
  let before = 0;
  return sorted.map((p) => {
    const beforeBp = shareBp(before, total) ?? 0;
    before += p.salesFen;
    const abcClass = beforeBp < ABC_CUTOFFS_BP.a ? 'A' : beforeBp < ABC_CUTOFFS_BP.b ? 'B' : 'C';
    return { ...p, shareBp: shareBp(p.salesFen, total), cumulativeBp: shareBp(before, total), abcClass } as const;
  });
}

function abcOf(ctx: Ctx, byProduct: ReadonlyMap<number, { salesFen: number }>): Out['abc'] {
  const classified = abcClassify([...byProduct].map(([productId, p]) => ({ productId, salesFen: p.salesFen })));
  const names = new Map(
    (
      prepared(ctx.db, 'select id, sku, name from products where id in (select value from json_each(?))')
        .raw()
        .all(JSON.stringify(classified.map((p) => p.productId))) as Array<[number, string, string]>
    ).map(([id, sku, name]) => [id, { sku, name }]),
  );
  const total = classified.reduce((s, p) => s + p.salesFen, 0);
  const classes = (['A', 'B', 'C'] as const).map((abcClass) => {
    const of = classified.filter((p) => p.abcClass === abcClass);
    const salesFen = of.reduce((s, p) => s + p.salesFen, 0);
    return { abcClass, products: of.length, salesFen, shareBp: shareBp(salesFen, total) };
  });
  return {
    cutoffsBp: { ...ABC_CUTOFFS_BP },
    rows: classified.map((p) => ({
      productId: p.productId,
      productCode: names.get(p.productId)?.sku ?? '',
      productName: names.get(p.productId)?.name ?? '',
      salesFen: p.salesFen,
      shareBp: p.shareBp,
      cumulativeBp: p.cumulativeBp,
      abcClass: p.abcClass,
    })),
    classes,
  };
}

/** 12 months of the year holding the period end: this year's up to the period end, last year's whole. */
function monthlyTrend(ctx: Ctx, periodTo: string, scope: readonly ScopeUnit[]): Out['monthlyTrend'] {
  const year = Number(periodTo.slice(0, 4));
  const thisYear = { from: `${periodTo.slice(0, 4)}-01-01`, to: periodTo };
  const lastYear = lastYearRange({ from: thisYear.from, to: `${periodTo.slice(0, 4)}-12-31` });
  const byMonth = (days: Map<string, number>) => {
    const out = new Map<string, number>();
    for (const [day, v] of days) out.set(day.slice(5, 7), (out.get(day.slice(5, 7)) ?? 0) + v);
    return out;
  };
  // both years' days in one pass (a day's sales do not depend on the range asked)
  const days = dailyActuals(ctx, { metric: 'sales', from: lastYear.from, to: thisYear.to, scope });
  const cur = byMonth(new Map([...days].filter(([day]) => day >= thisYear.from)));
  const last = byMonth(new Map([...days].filter(([day]) => day <= lastYear.to)));
  const months = monthsOf({ from: thisYear.from, to: `${year}-12-31` }).map(({ month }) => {
    const mm = month.slice(5, 7);
    const thisYearFen = month <= periodTo.slice(0, 7) ? (cur.get(mm) ?? 0) : null;
    const lastYearFen = last.get(mm) ?? 0;
    return { month, thisYearFen, lastYearFen, yoyBp: thisYearFen === null ? null : changeBp(thisYearFen, lastYearFen) };
  });
  return { year, months };
}

export function analyticsSales(ctx: Ctx, input: Input): Out {
  checkFilters(ctx, input.filters);
  const periods = comparisonPeriods(input.period);
  const scope = scopeOf(input.filters);
  const r = periods.current;
  const ly = periods.lastYear;
  // one pass over the orders for each period and one over their lines; every breakdown rolls up from those rows
  const cur = salesGroups(ctx, r, input.filters);
  const last = salesGroups(ctx, ly, input.filters);
  const both = (g: SalesGroup): [number, number] => [g.salesFen, g.grossProfitFen];
  const salesFen = cur.reduce((a, g) => a + g.salesFen, 0);
  const grossProfitFen = cur.reduce((a, g) => a + g.grossProfitFen, 0);

  const channelOf = new Map(prepared(ctx.db, 'select id, channel_type from dealers').raw().all() as Array<[number, string]>);
  const channel = sumBy(cur, last, (g) => (g.dealerId === null ? 'direct' : (channelOf.get(g.dealerId) ?? null)), both);
  const byChannelType = channelTypes
    .filter((ct) => channel.has(ct))
    .map((ct) => ({ channelType: ct, ...slice(channel.get(ct)!, salesFen) }))
    .sort((a, b) => b.salesFen - a.salesFen);

  const dealer = sumBy(cur, last, (g) => (g.dealerId === null ? null : String(g.dealerId)), both);
  const dealerRows = [...dealer]
    .map(([k, a]) => ({ dealerId: Number(k), ...slice(a, salesFen) }))
    .sort((a, b) => b.salesFen - a.salesFen || a.dealerId - b.dealerId);
  const top = dealerRows.slice(0, DEALER_TOP_N);
  const dealerNames = new Map(
    (
      prepared(ctx.db, 'select id, code, name from dealers where id in (select value from json_each(?))')
        .raw()
        .all(JSON.stringify(top.map((d) => d.dealerId))) as Array<[number, string, string]>
    ).map(([id, code, name]) => [id, { code, name }]),
  );
  const dealerSum = dealerRows.reduce((a, d) => a + d.salesFen, 0);
  const others = dealerRows.slice(DEALER_TOP_N);

  const rep = sumBy(cur, last, (g) => (g.repId === null ? null : String(g.repId)), both);
  const reps = new Map(
    (
      prepared(
        ctx.db,
        'select r.id, r.code, r.name, t.name from reps r left join teams t on t.id = r.team_id where r.id in (select value from json_each(?))',
      )
        .raw()
        .all(JSON.stringify([...rep.keys()].map(Number))) as Array<[number, string, string, string | null]>
    ).map(([id, code, name, team]) => [id, { code, name, team }]),
  );
  const repRows = [...rep]
    .map(([k, a]) => ({ repId: Number(k), ...slice(a, salesFen) }))
    .sort((a, b) => b.salesFen - a.salesFen || a.repId - b.repId);
  let rank = 0;
  const repRanking = repRows.map((row, i) => {
    rank = i > 0 && repRows[i - 1]!.salesFen === row.salesFen ? rank : i + 1;
    const n = reps.get(row.repId);
    return { rank, repCode: n?.code ?? '', repName: n?.name ?? '', teamName: n?.team ?? null, ...row };
  });

  const byRegion = treeBreakdown(
    ctx,
    'regions',
    input.filters?.regionId,
    (keyOf) => sumBy(cur, last, (g) => keyOf(g.regionId), both),
    salesFen,
    '未分区域',
  );

  // categories roll up from the products' line amounts (an order-level discount is not on its lines)
  const products = productSales(ctx, r, input.filters);
  const lastProducts = productSales(ctx, ly, input.filters);
  const categoryOf = new Map(prepared(ctx.db, 'select id, category_id from products').raw().all() as Array<[number, number | null]>);
  const lineTotal = [...products.values()].reduce((a, p) => a + p.salesFen, 0);
  type ProductRow = [number, { salesFen: number; grossProfitFen: number }];
  const byCategory = treeBreakdown(
    ctx,
    'product_categories',
    input.filters?.productCategoryId,
    (keyOf) =>
      sumBy<ProductRow>(
        [...products],
        [...lastProducts],
        ([id]) => keyOf(categoryOf.get(id) ?? null),
        ([, p]) => [p.salesFen, p.grossProfitFen],
      ),
    lineTotal,
    '未分类',
  );

  return {
    periods,
    salesFen,
    grossProfitFen,
    monthlyTrend: monthlyTrend(ctx, r.to, scope),
    byRegion,
    byChannelType,
    byDealer: {
      topN: DEALER_TOP_N,
      rows: top.map((d) => ({
        ...d,
        dealerCode: dealerNames.get(d.dealerId)?.code ?? '',
        dealerName: dealerNames.get(d.dealerId)?.name ?? '',
      })),
      othersFen: others.reduce((a, d) => a + d.salesFen, 0),
      othersCount: others.length,
      directFen: salesFen - dealerSum,
    },
    byCategory,
    abc: abcOf(ctx, products),
    repRanking,
  };
}
