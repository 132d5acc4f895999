// The dashboards' filters (region, team, rep, channel dealer, channel type, product category) as targets/actuals.ts
// scope units — so every figure narrows exactly as the tracking tables do — and as SQL conditions for the few figures
// actualsByUnit does not break down (sales by product), read from the summary tables.
import type { Ctx } from '../../context';
import type { AnalyticsFilters } from '../../../../shared/contract/analytics';
import type { TargetMetric } from '../../../../shared/domain/targets';
import { metricLevelSupported } from '../../../../shared/contract/tracking';
import { prepared } from '../../db/sql';
import { danglingRef } from '../../errors';
import { actualsByUnit, type ScopeUnit } from '../targets/actuals';
import { productRangeSource } from './summaries';
import type { DateRange } from './period';

const references = [
  ['regionId', 'regions', '区域'],
  ['teamId', 'teams', '团队'],
  ['repId', 'reps', '业务员'],
  ['dealerId', 'dealers', '经销商'],
  ['productCategoryId', 'product_categories', '品种'],
] as const;

/** A filter naming a record that does not exist is refused, naming the field. */
export function checkFilters(ctx: Ctx, filters: AnalyticsFilters | undefined): void {
  if (!filters) return;
  for (const [field, table, label] of references) {
    const id = filters[field];
    if (id !== undefined && prepared(ctx.db, `select 1 from ${table} where id = ?`).get(id) === undefined)
      throw danglingRef(label, `filters.${field}`, id);
  }
}

/** The filters as actualsByUnit scope units (broadest first); region and product category take their subtrees. */
export function scopeOf(filters: AnalyticsFilters | undefined): ScopeUnit[] {
  const f = filters ?? {};
  const out: ScopeUnit[] = [];
  if (f.regionId !== undefined) out.push({ level: 'region', unitKey: String(f.regionId) });
  if (f.teamId !== undefined) out.push({ level: 'team', unitKey: String(f.teamId) });
  if (f.repId !== undefined) out.push({ level: 'rep', unitKey: String(f.repId) });
  if (f.channelType !== undefined) out.push({ level: 'channelType', unitKey: f.channelType });
  if (f.dealerId !== undefined) out.push({ level: 'dealer', unitKey: String(f.dealerId) });
  if (f.productCategoryId !== undefined) out.push({ level: 'productCategory', unitKey: String(f.productCategoryId) });
  return out;
}

/** Whether every filter can narrow the metric (collections have no product: a category filter cannot). */
export function metricFilterable(metric: TargetMetric, scope: readonly ScopeUnit[]): boolean {
  return scope.every((s) => metricLevelSupported(metric, s.level));
}

/** The metric's total over the range within the filters; null when a filter cannot narrow it. */
export function totalOf(ctx: Ctx, metric: TargetMetric, range: DateRange, scope: readonly ScopeUnit[]): number | null {
  if (!metricFilterable(metric, scope)) return null;
  return actualsByUnit(ctx, { metric, level: 'company', from: range.from, to: range.to, scope }).get('') ?? 0;
}

/**
 * SQL conditions on a summary row `f` (analytics/summaries.ts: its customer, rep and dealer, 0 = none) and a product
 * `p` for the filters, with their named parameters — the attribution of targets/actuals.ts: region by the customer's
 * region subtree, team by the rep's team, dealer and channel type by the order's dealer ('direct' without one),
 * category by the product's subtree.
 */
export function factsWhere(filters: AnalyticsFilters | undefined): { where: string[]; params: Record<string, string | number> } {
  const f = filters ?? {};
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const subtree = (table: string, param: string) =>
    `(select s.id from ${table} s where s.path like (select q.path from ${table} q where q.id = @${param}) || '%')`;
  if (f.regionId !== undefined) {
    params.fRegion = f.regionId;
    where.push(`f.customer_id in (select c.id from customers c where c.region_id in ${subtree('regions', 'fRegion')})`);
  }
  if (f.teamId !== undefined) {
    params.fTeam = f.teamId;
    where.push('f.rep_id in (select r.id from reps r where r.team_id = @fTeam)');
  }
  if (f.repId !== undefined) {
    params.fRep = f.repId;
    where.push('f.rep_id = @fRep');
  }
  if (f.channelType !== undefined) {
    params.fChannel = f.channelType;
    where.push(
      "(case when f.dealer_id = 0 then 'direct' else (select d.channel_type from dealers d where d.id = f.dealer_id) end) = @fChannel",
    );
  }
  if (f.dealerId !== undefined) {
    params.fDealer = f.dealerId;
    where.push('f.dealer_id = @fDealer');
  }
  if (f.productCategoryId !== undefined) {
    params.fCategory = f.productCategoryId;
    where.push(`p.category_id in ${subtree('product_categories', 'fCategory')}`);
  }
  return { where, params };
}

/** Sales and gross profit of one combination of the order's rep, dealer and customer region. */
export interface SalesGroup {
  repId: number | null;
  dealerId: number | null;
  regionId: number | null;
  salesFen: number;
  grossProfitFen: number;
}

/**
 * Sales and gross profit over the range within the filters, grouped by (rep, dealer, customer region) in one pass —
 * targets/actuals.ts' definitions (orders not in draft by order date, 红冲 rows negative, less posted returns by return
 * date; under a category filter the lines' amounts), read from the summary tables, so every breakdown of the sales
 * dashboard rolls up from the same rows. tests/core/analyticsOverviewSales.test.ts checks each breakdown equals
 * actualsByUnit's.
 */
export function salesGroups(ctx: Ctx, range: DateRange, filters: AnalyticsFilters | undefined): SalesGroup[] {
  const { where, params } = factsWhere(filters);
  const extra = where.map((w) => ` and ${w}`).join('');
  const byLine = filters?.productCategoryId !== undefined;
  const source = byLine
    ? `select f.customer_id, f.rep_id, f.dealer_id, sum(f.amount_fen) as s, sum(f.amount_fen - f.cost_fen) as g
         from product_sales_facts f join products p on p.id = f.product_id`
    : `select f.customer_id, f.rep_id, f.dealer_id, sum(f.sales_fen) as s, sum(f.sales_fen - f.cost_fen) as g from sales_facts f`;
  // summed per customer first, so each customer's region is looked up once
  return prepared(
    ctx.db,
    `select nullif(x.rep_id, 0) as repId, nullif(x.dealer_id, 0) as dealerId, c.region_id as regionId,
            sum(x.s) as salesFen, sum(x.g) as grossProfitFen
       from (${source} where f.date between @from and @to${extra} group by f.customer_id, f.rep_id, f.dealer_id) x
       left join customers c on c.id = x.customer_id
      group by x.rep_id, x.dealer_id, c.region_id`,
  ).all({ ...params, from: range.from, to: range.to }) as SalesGroup[];
}

/** Sales and gross profit over the range within the filters: salesGroups' rows summed (without filters, one sum). */
export function salesTotals(
  ctx: Ctx,
  range: DateRange,
  filters: AnalyticsFilters | undefined,
): { salesFen: number; grossProfitFen: number } {
  if (Object.values(filters ?? {}).every((v) => v === undefined)) {
    const [salesFen, grossProfitFen] = prepared(
      ctx.db,
      'select coalesce(sum(sales_fen), 0), coalesce(sum(sales_fen - cost_fen), 0) from sales_facts where date between ? and ?',
    )
      .raw()
      .get(range.from, range.to) as [number, number];
    return { salesFen, grossProfitFen };
  }
  return salesGroups(ctx, range, filters).reduce(
    (a, g) => ({ salesFen: a.salesFen + g.salesFen, grossProfitFen: a.grossProfitFen + g.grossProfitFen }),
    { salesFen: 0, grossProfitFen: 0 },
  );
}

/** Sales and gross profit per product over the range within the filters: order lines less returned lines. */
export function productSales(
  ctx: Ctx,
  range: DateRange,
  filters: AnalyticsFilters | undefined,
): Map<number, { salesFen: number; grossProfitFen: number }> {
  const { where, params } = factsWhere(filters);
  const extra = where.map((w) => ` and ${w}`).join('');
  const join = filters?.productCategoryId !== undefined ? ' join products p on p.id = f.product_id' : '';
  const { productCategoryId: _category, ...byCustomer } = filters ?? {};
  // no filter by customer, rep or dealer: whole months come from the monthly table
  const source = Object.values(byCustomer).every((v) => v === undefined) ? productRangeSource(range.from, range.to) : null;
  const rows = prepared(
    ctx.db,
    source
      ? `select f.product_id, sum(f.amount_fen), sum(f.amount_fen - f.cost_fen) from (${source.sql}) f${join}
          where 1 = 1${extra} group by f.product_id`
      : `select f.product_id, sum(f.amount_fen), sum(f.amount_fen - f.cost_fen) from product_sales_facts f${join}
          where f.date between @from and @to${extra} group by f.product_id`,
  )
    .raw()
    .all({ ...params, ...source?.params, from: range.from, to: range.to }) as Array<[number, number, number]>;
  return new Map(rows.map(([id, salesFen, grossProfitFen]) => [id, { salesFen, grossProfitFen }]));
}
