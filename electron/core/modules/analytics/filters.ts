// The dashboards' filters (region, team, rep, channel dealer, channel type, product category) as targets/actuals.ts
// scope units — so every figure narrows exactly as the tracking tables do — and as SQL conditions for the few figures
// actualsByUnit does not break down (sales by product).
import type { Ctx } from '../../context';
import type { AnalyticsFilters } from '../../../../shared/contract/analytics';
import type { TargetMetric } from '../../../../shared/domain/targets';
import { metricLevelSupported } from '../../../../shared/contract/tracking';
import { prepared } from '../../db/sql';
import { danglingRef } from '../../errors';
import { actualsByUnit, type ScopeUnit } from '../targets/actuals';
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
 * SQL conditions on an order `o` (its customer `o.customer_id`) and a product `p` for the filters, with their named
 * parameters — the attribution of targets/actuals.ts: region by the customer's region subtree, team by the order rep's
 * team, dealer and channel type by the order's dealer ('direct' without one), category by the product's subtree.
 */
export function orderLineWhere(filters: AnalyticsFilters | undefined): { where: string[]; params: Record<string, string | number> } {
  const f = filters ?? {};
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const subtree = (table: string, param: string) =>
    `(select s.id from ${table} s where s.path like (select q.path from ${table} q where q.id = @${param}) || '%')`;
  if (f.regionId !== undefined) {
    params.fRegion = f.regionId;
    where.push(`(select c.region_id from customers c where c.id = o.customer_id) in ${subtree('regions', 'fRegion')}`);
  }
  if (f.teamId !== undefined) {
    params.fTeam = f.teamId;
    where.push('o.rep_id in (select r.id from reps r where r.team_id = @fTeam)');
  }
  if (f.repId !== undefined) {
    params.fRep = f.repId;
    where.push('o.rep_id = @fRep');
  }
  if (f.channelType !== undefined) {
    params.fChannel = f.channelType;
    where.push(
      "(case when o.dealer_id is null then 'direct' else (select d.channel_type from dealers d where d.id = o.dealer_id) end) = @fChannel",
    );
  }
  if (f.dealerId !== undefined) {
    params.fDealer = f.dealerId;
    where.push('o.dealer_id = @fDealer');
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
 * date; under a category filter the lines' amounts), so every breakdown of the sales dashboard rolls up from the same
 * rows. tests/core/analyticsOverviewSales.test.ts checks each breakdown equals actualsByUnit's.
 */
export function salesGroups(ctx: Ctx, range: DateRange, filters: AnalyticsFilters | undefined): SalesGroup[] {
  const { where, params } = orderLineWhere(filters);
  const extra = where.map((w) => ` and ${w}`).join('');
  const byLine = filters?.productCategoryId !== undefined;
  const orderPart = byLine
    ? `select o.rep_id as rep, o.dealer_id as dealer, o.customer_id as customer, l.amount_fen as s, l.amount_fen - l.cost_fen as g
         from orders o join order_lines l on l.order_id = o.id join products p on p.id = l.product_id`
    : `select o.rep_id as rep, o.dealer_id as dealer, o.customer_id as customer, o.total_fen as s, o.total_fen - o.cost_fen as g
         from orders o`;
  const returnPart = byLine
    ? `select o.rep_id, o.dealer_id, t.customer_id, -rl.amount_fen, rl.cost_fen - rl.amount_fen
         from returns t join orders o on o.id = t.order_id join return_lines rl on rl.return_id = t.id
         join order_lines l on l.id = rl.order_line_id join products p on p.id = l.product_id`
    : `select o.rep_id, o.dealer_id, t.customer_id, -t.total_fen, t.cost_fen - t.total_fen
         from returns t join orders o on o.id = t.order_id`;
  return prepared(
    ctx.db,
    `select x.rep as repId, x.dealer as dealerId, c.region_id as regionId, sum(x.s) as salesFen, sum(x.g) as grossProfitFen
       from (${orderPart} where o.state <> 'draft' and o.date between @from and @to${extra}
             union all
             ${returnPart} where t.state = 'posted' and t.date between @from and @to${extra}) x
       left join customers c on c.id = x.customer
      group by x.rep, x.dealer, c.region_id`,
  ).all({ ...params, from: range.from, to: range.to }) as SalesGroup[];
}

/** Sales and gross profit per product over the range within the filters: order lines less returned lines. */
export function productSales(
  ctx: Ctx,
  range: DateRange,
  filters: AnalyticsFilters | undefined,
): Map<number, { salesFen: number; grossProfitFen: number }> {
  const { where, params } = orderLineWhere(filters);
  const extra = where.map((w) => ` and ${w}`).join('');
  const rows = prepared(
    ctx.db,
    `select pid, sum(s), sum(g) from (
       select l.product_id as pid, l.amount_fen as s, l.amount_fen - l.cost_fen as g
         from orders o join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
        where o.state <> 'draft' and o.date between @from and @to${extra}
       union all
       select l.product_id, -rl.amount_fen, rl.cost_fen - rl.amount_fen
         from returns t join orders o on o.id = t.order_id join return_lines rl on rl.return_id = t.id
         join order_lines l on l.id = rl.order_line_id join products p on p.id = l.product_id
        where t.state = 'posted' and t.date between @from and @to${extra})
     group by pid`,
  )
    .raw()
    .all({ ...params, from: range.from, to: range.to }) as Array<[number, number, number]>;
  return new Map(rows.map(([id, salesFen, grossProfitFen]) => [id, { salesFen, grossProfitFen }]));
}
