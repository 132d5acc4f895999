// 销售分析 Sales: the monthly trend this year against last year, sales by region, channel type, dealer (top N + others)
// and product category, product ABC (Pareto) and the rep ranking, for the period and filters. Sales and gross profit
// are targets/actuals.ts' definitions (orders by date, 红冲 negative, less returns by return date); a breakdown by product
// or category uses the order lines' amounts, which do not carry an order-level discount.
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { channelTypes } from '../../../../shared/domain/dealer';
import type { TargetLevel } from '../../../../shared/domain/targets';
import { prepared } from '../../db/sql';
import { actualsByUnit, dailyActuals, type ScopeUnit } from '../targets/actuals';
import { checkFilters, orderLineWhere, scopeOf, totalOf } from './filters';
import { changeBp, comparisonPeriods, lastYearRange, monthsOf, shareBp, type DateRange } from './period';

type Input = ParsedInput<'analytics.sales'>;
type Out = Output<'analytics.sales'>;

/** Dealers shown one by one; the rest are summed into 其他. */
export const DEALER_TOP_N = 10;
/** Product ABC: A while the cumulative share is within 70 %, B within 90 %, C the rest. */
export const ABC_CUTOFFS_BP = { a: 7000, b: 9000 } as const;

interface Slice {
  salesFen: number;
  grossProfitFen: number;
  shareBp: number | null;
  lastYearFen: number;
  yoyBp: number | null;
}

/** Sales, gross profit and last year's sales per unit of a level; the slices' shares are of `total`. */
function sliceBy(ctx: Ctx, level: TargetLevel, r: DateRange, ly: DateRange, scope: readonly ScopeUnit[], unitKeys?: string[]) {
  const q = { level, scope, unitKeys };
  const sales = actualsByUnit(ctx, { metric: 'sales', from: r.from, to: r.to, ...q });
  const profit = actualsByUnit(ctx, { metric: 'grossProfit', from: r.from, to: r.to, ...q });
  const last = actualsByUnit(ctx, { metric: 'sales', from: ly.from, to: ly.to, ...q });
  const keys = new Set([...sales.keys(), ...last.keys()]);
  return {
    keys,
    slice(key: string, total: number): Slice {
      const salesFen = sales.get(key) ?? 0;
      const lastYearFen = last.get(key) ?? 0;
      return {
        salesFen,
        grossProfitFen: profit.get(key) ?? 0,
        shareBp: shareBp(salesFen, total),
        lastYearFen,
        yoyBp: changeBp(salesFen, lastYearFen),
      };
    },
  };
}

interface TreeNode {
  id: number;
  parentId: number | null;
  name: string;
  sortOrder: number;
}

/** The children of the filter's node (or the top level); a leaf filter node shows itself. */
function treeLevel(ctx: Ctx, table: 'regions' | 'product_categories', filterId: number | undefined) {
  const nodes = prepared(ctx.db, `select id, parent_id as parentId, name, sort_order as sortOrder from ${table}`).all() as TreeNode[];
  const parents = new Set(nodes.map((n) => n.parentId));
  let shown = nodes.filter((n) => n.parentId === (filterId ?? null));
  if (filterId !== undefined && shown.length === 0) shown = nodes.filter((n) => n.id === filterId);
  shown.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return { shown, hasChildren: (id: number) => parents.has(id) };
}

const treeName = (ctx: Ctx, id: number) => (prepared(ctx.db, 'select name from regions where id = ?').pluck().get(id) as string) ?? '';

function treeSlices(
  ctx: Ctx,
  level: 'region' | 'productCategory',
  filterId: number | undefined,
  r: DateRange,
  ly: DateRange,
  scope: readonly ScopeUnit[],
  total: { salesFen: number; grossProfitFen: number; lastYearFen: number } | null,
): Out['byRegion'] {
  const { shown, hasChildren } = treeLevel(ctx, level === 'region' ? 'regions' : 'product_categories', filterId);
  const s = sliceBy(
    ctx,
    level,
    r,
    ly,
    scope,
    shown.map((n) => String(n.id)),
  );
  const sum = shown.reduce((acc, n) => acc + (s.slice(String(n.id), 0).salesFen ?? 0), 0);
  const base = total ? total.salesFen : sum;
  const rows: Out['byRegion']['rows'] = shown
    .map((n) => ({ id: n.id, name: n.name, hasChildren: hasChildren(n.id) && n.id !== filterId, ...s.slice(String(n.id), base) }))
    .filter((row) => row.salesFen !== 0 || row.lastYearFen !== 0 || row.grossProfitFen !== 0);
  // the rest of the total: customers without a region at the top level, the filter region's own customers below it
  const own = filterId !== undefined && shown.every((n) => n.id !== filterId) ? shown.length > 0 : filterId === undefined;
  if (total && own) {
    const noneSales = total.salesFen - rows.reduce((a, x) => a + x.salesFen, 0);
    const noneProfit = total.grossProfitFen - rows.reduce((a, x) => a + x.grossProfitFen, 0);
    const noneLast = total.lastYearFen - rows.reduce((a, x) => a + x.lastYearFen, 0);
    if (noneSales !== 0 || noneProfit !== 0 || noneLast !== 0)
      rows.push({
        id: filterId ?? 0,
        name: filterId === undefined ? '未分区域' : `${treeName(ctx, filterId)}（本级）`,
        hasChildren: false,
        salesFen: noneSales,
        grossProfitFen: noneProfit,
        shareBp: shareBp(noneSales, base),
        lastYearFen: noneLast,
        yoyBp: changeBp(noneSales, noneLast),
      });
  }
  return { parentId: filterId ?? null, rows };
}

/** Sales per product over the range within the filters: order lines less returned lines (actuals.ts' byLine parts). */
function salesByProduct(ctx: Ctx, r: DateRange, filters: Input['filters']): Map<number, number> {
  const { where, params } = orderLineWhere(filters);
  const extra = where.map((w) => ` and ${w}`).join('');
  const rows = prepared(
    ctx.db,
    `select pid, sum(v) as v from (
       select l.product_id as pid, l.amount_fen as v
         from orders o join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
        where o.state <> 'draft' and o.date between @from and @to${extra}
       union all
       select l.product_id, -rl.amount_fen
         from returns t join orders o on o.id = t.order_id join return_lines rl on rl.return_id = t.id
         join order_lines l on l.id = rl.order_line_id join products p on p.id = l.product_id
        where t.state = 'posted' and t.date between @from and @to${extra})
     group by pid`,
  )
    .raw()
    .all({ ...params, from: r.from, to: r.to }) as Array<[number, number]>;
  return new Map(rows);
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

function abcOf(ctx: Ctx, r: DateRange, filters: Input['filters']): Out['abc'] {
  const byProduct = salesByProduct(ctx, r, filters);
  const classified = abcClassify([...byProduct].map(([productId, salesFen]) => ({ productId, salesFen })));
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
  const cur = byMonth(dailyActuals(ctx, { metric: 'sales', ...thisYear, scope }));
  const last = byMonth(dailyActuals(ctx, { metric: 'sales', ...lastYear, scope }));
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
  const salesFen = totalOf(ctx, 'sales', r, scope)!;
  const grossProfitFen = totalOf(ctx, 'grossProfit', r, scope)!;
  const lastYearFen = totalOf(ctx, 'sales', ly, scope)!;
  const total = { salesFen, grossProfitFen, lastYearFen };

  const channel = sliceBy(ctx, 'channelType', r, ly, scope);
  const byChannelType = channelTypes
    .filter((ct) => channel.keys.has(ct))
    .map((ct) => ({ channelType: ct, ...channel.slice(ct, salesFen) }))
    .sort((a, b) => b.salesFen - a.salesFen);

  const dealer = sliceBy(ctx, 'dealer', r, ly, scope);
  const dealerRows = [...dealer.keys].map((k) => ({ dealerId: Number(k), ...dealer.slice(k, salesFen) }));
  dealerRows.sort((a, b) => b.salesFen - a.salesFen || a.dealerId - b.dealerId);
  const top = dealerRows.slice(0, DEALER_TOP_N);
  const dealerNames = new Map(
    (
      prepared(ctx.db, 'select id, code, name from dealers where id in (select value from json_each(?))')
        .raw()
        .all(JSON.stringify(top.map((d) => d.dealerId))) as Array<[number, string, string]>
    ).map(([id, code, name]) => [id, { code, name }]),
  );
  const dealerSum = dealerRows.reduce((s, d) => s + d.salesFen, 0);
  const others = dealerRows.slice(DEALER_TOP_N);

  const rep = sliceBy(ctx, 'rep', r, ly, scope);
  const reps = new Map(
    (
      prepared(
        ctx.db,
        'select r.id, r.code, r.name, t.name from reps r left join teams t on t.id = r.team_id where r.id in (select value from json_each(?))',
      )
        .raw()
        .all(JSON.stringify([...rep.keys].map(Number))) as Array<[number, string, string, string | null]>
    ).map(([id, code, name, team]) => [id, { code, name, team }]),
  );
  const repRows = [...rep.keys]
    .map((k) => ({ repId: Number(k), ...rep.slice(k, salesFen) }))
    .sort((a, b) => b.salesFen - a.salesFen || a.repId - b.repId);
  let rank = 0;
  const repRanking = repRows.map((row, i) => {
    rank = i > 0 && repRows[i - 1]!.salesFen === row.salesFen ? rank : i + 1;
    const n = reps.get(row.repId);
    return { rank, repCode: n?.code ?? '', repName: n?.name ?? '', teamName: n?.team ?? null, ...row };
  });

  return {
    periods,
    salesFen,
    grossProfitFen,
    monthlyTrend: monthlyTrend(ctx, r.to, scope),
    byRegion: treeSlices(ctx, 'region', input.filters?.regionId, r, ly, scope, total),
    byChannelType,
    byDealer: {
      topN: DEALER_TOP_N,
      rows: top.map((d) => ({
        ...d,
        dealerCode: dealerNames.get(d.dealerId)?.code ?? '',
        dealerName: dealerNames.get(d.dealerId)?.name ?? '',
      })),
      othersFen: others.reduce((s, d) => s + d.salesFen, 0),
      othersCount: others.length,
      directFen: salesFen - dealerSum,
    },
    byCategory: treeSlices(ctx, 'productCategory', input.filters?.productCategoryId, r, ly, scope, null),
    abc: abcOf(ctx, r, input.filters),
    repRanking,
  };
}
