// 客户分析 Customer analytics for a period: grade and lifecycle distribution, new vs lost per month, top customers, A/B
// customers not visited, segments and rep coverage. The customers are the active ones within the filters, read by the
// customer's own attributes (region subtree, its rep and that rep's team, its serving dealer and that dealer's channel
// type); their sales are targets/actuals.ts' (narrowed to a product category when one is given).
// New and lost as of the period end, the rule of actuals.ts and evaluations/figures.ts: new = the customer's first
// standing order falls in the month (the summary of each customer's first order); lost (PRODUCT §3) = as of the month
// end, the last standing order is within the 12 months before it but not within its last N days (one grouped read of
// orders_customer_idx, the orders that do not stand as of the period end — drafts, 红冲 rows, originals reversed by
// then — taken out).
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { z } from 'zod';
import type { AnalyticsFilters, AnalyticsInput, analyticsMethods } from '../../../../shared/contract/analytics';
import type { CustomerGrade, CustomerScale, CustomerType, Lifecycle } from '../../../../shared/domain/customer';
import { customerGrades, customerScaleLabels, customerScales, customerTypeLabels, lifecycles } from '../../../../shared/domain/customer';
import { addDays, daysBetween } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { actualsByUnit, type ScopeUnit } from '../targets/actuals';
import { evaluationScheme } from '../evaluations/evaluations';
import { yearBefore } from '../evaluations/figures';
import { changeBp, comparisonPeriods, monthsOf, shareBp } from './period';
import { checkFilters } from './filters';
import { NEW_CUSTOMERS_SQL, repSalesInRange } from './summaries';

/** An A/B customer without a completed visit in this many days up to the date is 未拜访. */
export const NOT_VISITED_DAYS = 30;
/** At most this many rows of a long list (the total is always given). */
const LIST_ROWS = 100;
const TOP_CUSTOMERS = 20;

export interface CustomerRecord {
  id: number;
  code: string;
  name: string;
  grade: CustomerGrade;
  lifecycle: Lifecycle;
  type: CustomerType;
  industry: string;
  scale: CustomerScale | null;
  regionId: number | null;
  repId: number | null;
  repName: string | null;
}

/**
 * The active customers (not archived, not merged away) within the filters, by the customer's own attributes; `only`
 * narrows further to some grades or some ids (a caller that needs a few of them, not every customer's row).
 */
export function customersWithin(
  ctx: Ctx,
  filters: AnalyticsFilters = {},
  only: { grades?: readonly CustomerGrade[]; ids?: readonly number[] } = {},
): CustomerRecord[] {
  // some ids: read by id ('+' keeps the planner off the archived indexes, which would visit every customer)
  const where = [only.ids ? '+c.archived = 0' : 'c.archived = 0', 'c.merged_into_id is null'];
  const params: Record<string, string | number> = {};
  if (only.grades) {
    where.push('c.grade in (select value from json_each(@grades))');
    params.grades = JSON.stringify(only.grades);
  }
  if (only.ids) {
    where.push('c.id in (select value from json_each(@ids))');
    params.ids = JSON.stringify(only.ids);
  }
  if (filters.regionId !== undefined) {
    where.push(
      "c.region_id in (select s.id from regions s where s.path like (select q.path from regions q where q.id = @regionId) || '%')",
    );
    params.regionId = filters.regionId;
  }
  if (filters.repId !== undefined) {
    where.push('c.rep_id = @repId');
    params.repId = filters.repId;
  }
  if (filters.teamId !== undefined) {
    where.push('c.rep_id in (select r.id from reps r where r.team_id = @teamId)');
    params.teamId = filters.teamId;
  }
  if (filters.dealerId !== undefined) {
    where.push('c.dealer_id = @dealerId');
    params.dealerId = filters.dealerId;
  }
  if (filters.channelType !== undefined) {
    where.push(
      "(case when c.dealer_id is null then 'direct' else (select d.channel_type from dealers d where d.id = c.dealer_id) end) = @channelType",
    );
    params.channelType = filters.channelType;
  }
  // no join per customer: the reps' names (a few dozen) are put on in memory; rows read as arrays (cheaper than objects);
  // every active customer from the compact index of exactly these columns (the planner, without statistics, prefers
  // the archived index and then reads each wide row)
  const rows = prepared(
    ctx.db,
    `select c.id, c.code, c.name, c.grade, c.lifecycle, c.type, c.industry, c.scale, c.region_id, c.rep_id
     from customers c ${only.ids ? '' : 'indexed by customers_active_analytics_idx'} where ${where.join(' and ')}`,
  )
    .raw()
    .all(params) as Array<
    [number, string, string, CustomerGrade, Lifecycle, CustomerType, string, CustomerScale | null, number | null, number | null]
  >;
  const repNames = new Map(prepared(ctx.db, 'select id, name from reps').raw().all() as Array<[number, string]>);
  return rows.map(([id, code, name, grade, lifecycle, type, industry, scale, regionId, repId]) => ({
    id,
    code,
    name,
    grade,
    lifecycle,
    type,
    industry,
    scale,
    regionId,
    repId,
    repName: repId === null ? null : (repNames.get(repId) ?? null),
  }));
}

/** Orders that do not stand as of `to`: drafts, originals reversed on or before it, and every 红冲 row (a few). */
function notStandingIds(ctx: Ctx, to: string): number[] {
  // the state is read from orders_date_idx (date, state): the narrow index, not every order row, is scanned
  const odd = prepared(
    ctx.db,
    `select o.id, o.state, o.reversed_by_id, (select rv.date from orders rv where rv.id = o.reversed_by_id)
     from orders o indexed by orders_date_idx where o.state in ('draft', 'reversed')`,
  )
    .raw()
    .all() as Array<[number, string, number | null, string | null]>;
  const out: number[] = [];
  for (const [id, state, reversedBy, reversedOn] of odd) {
    if (state === 'draft') out.push(id);
    else {
      if (reversedBy !== null) out.push(reversedBy);
      if (reversedOn !== null && reversedOn <= to) out.push(id);
    }
  }
  return out;
}

/**
 * Every customer's last standing order on or before each of `days` (ascending; the orders that stand as of the last
 * day), in one grouped pass over orders_customer_idx (customer, date) — no table rows are read. Only the orders after
 * the year before the first day are summed: an older last order cannot make a customer lost on any of the days
 * (PRODUCT §3), so such a customer has null there.
 */
export function lastStandingOrders(ctx: Ctx, days: readonly string[]): Map<number, Array<string | null>> {
  if (days.length === 1) {
    const recent = lastStandingOn(ctx, days[0]!);
    if (recent) return recent;
  }
  const to = days[days.length - 1]!;
  const params: Record<string, string> = { to, since: yearBefore(days[0]!), odd: JSON.stringify(notStandingIds(ctx, to)) };
  const cols = days.map((d, i) => {
    params[`e${i}`] = d;
    return `max(case when date <= @e${i} then date end)`;
  });
  const rows = prepared(
    ctx.db,
    `select customer_id, ${cols.join(', ')} from orders indexed by orders_customer_idx
     where date <= @to and date > @since and id not in (select value from json_each(@odd)) group by customer_id`,
  )
    .raw()
    .all(params) as Array<[number, ...Array<string | null>]>;
  return new Map(rows.map(([id, ...lastBy]) => [id, lastBy]));
}

/** At most this many customers with a standing order after the day are looked up one by one (else the grouped pass). */
const LATER_LOOKUPS = 1000;

/**
 * The last standing orders as of one recent day, from customer_last_orders (each customer's last standing order today):
 * the customers whose last order is in the year up to `upTo` (≤ the day) as they are; those with one after the day
 * looked up through their own orders; originals reversed only after the day (they stood on it) added, with their
 * customers' last orders whatever their date. Rows [customer, date], a customer's last being the greatest of its rows;
 * a customer whose last order falls in (upTo, day] may be missing. Null when too many customers ordered after the day
 * (a day long past): the grouped pass is then the cheaper read.
 */
function lastStandingRows(ctx: Ctx, day: string, upTo: string): Array<[number, string]> | null {
  const later = prepared(ctx.db, 'select count(*) from customer_last_orders where date > ?').pluck().get(day) as number;
  if (later > LATER_LOOKUPS) return null;
  const since = yearBefore(day);
  const reversedLater = prepared(
    ctx.db,
    `select o.customer_id, o.date from orders o indexed by orders_date_idx left join orders rv on rv.id = o.reversed_by_id
     where o.date > @since and o.date <= @day and o.state = 'reversed' and o.reversal_of_id is null and (rv.date is null or rv.date > @day)`,
  )
    .raw()
    .all({ day, since }) as Array<[number, string]>;
  const rows = prepared(
    ctx.db,
    `select customer_id, date from customer_last_orders
     where date > @since and date <= @day and (date <= @upTo or customer_id in (select value from json_each(@also)))
     union all
     select o.customer_id, max(o.date) from customer_last_orders l cross join orders o indexed by orders_customer_idx on o.customer_id = l.customer_id
     where l.date > @day and o.date > @since and o.date <= @day and o.state = 'posted' and o.reversal_of_id is null
     group by o.customer_id`,
  )
    .raw()
    .all({ day, since, upTo, also: JSON.stringify(reversedLater.map(([id]) => id)) }) as Array<[number, string]>;
  return rows.concat(reversedLater);
}

/** Each customer's greatest date among the rows. */
function greatest(rows: ReadonlyArray<[number, string]>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [id, date] of rows) {
    const seen = out.get(id);
    if (seen === undefined || date > seen) out.set(id, date);
  }
  return out;
}

/** lastStandingOrders for one recent day (null when the day is long past). */
function lastStandingOn(ctx: Ctx, day: string): Map<number, Array<string | null>> | null {
  const rows = lastStandingRows(ctx, day, day);
  return rows && new Map([...greatest(rows)].map(([id, date]) => [id, [date]]));
}

/**
 * The customers lost on a recent day (isLostOn) with their last standing order — only the customers whose last order
 * may fall in the lost window are read; null when the day is long past (lastStandingOrders then).
 */
export function lostOn(ctx: Ctx, day: string, lostDays: number): Map<number, string> | null {
  const rows = lastStandingRows(ctx, day, addDays(day, -lostDays));
  if (!rows) return null;
  const lost = new Map<number, string>();
  for (const [id, last] of greatest(rows)) if (isLostOn(last, day, lostDays)) lost.set(id, last);
  return lost;
}

/** The customers whose first standing order as of `to` falls in [from, to], with its date (targets/actuals.ts' new
 *  customers, read from the summary of each customer's first order). */
export function firstOrdersWithin(ctx: Ctx, from: string, to: string): Map<number, string> {
  const rows = prepared(ctx.db, `select customer_id, date from (${NEW_CUSTOMERS_SQL})`).raw().all({ from, to }) as Array<[number, string]>;
  return new Map(rows);
}

/** PRODUCT §3: lost on `day` — the last standing order up to it is within the 12 months before it, none in its last N days. */
export function isLostOn(last: string | null, day: string, lostDays: number): boolean {
  return last !== null && last > yearBefore(day) && last <= addDays(day, -lostDays);
}

/** New and lost customers per month: new when the first standing order falls in the month, lost as of its end. */
export function newVsLostByMonth(
  firsts: ReadonlyMap<number, string>,
  lasts: ReadonlyMap<number, ReadonlyArray<string | null>>,
  customerIds: Iterable<number>,
  months: ReadonlyArray<{ month: string; from: string; to: string }>,
  lostDays: number,
): Array<{ month: string; newCustomers: number; lostCustomers: number }> {
  const rows = months.map((m) => ({ month: m.month, newCustomers: 0, lostCustomers: 0 }));
  // isLostOn's window of each month end, worked out once: (after, upTo]
  const windows = months.map((m) => ({ after: yearBefore(m.to), upTo: addDays(m.to, -lostDays) }));
  for (const id of customerIds) {
    const first = firsts.get(id);
    const lastBy = lasts.get(id);
    if (first === undefined && !lastBy) continue;
    for (let i = 0; i < months.length; i++) {
      const m = months[i]!;
      if (first !== undefined && first >= m.from && first <= m.to) rows[i]!.newCustomers++;
      const last = lastBy?.[i] ?? null;
      if (last !== null && last > windows[i]!.after && last <= windows[i]!.upTo) rows[i]!.lostCustomers++;
    }
  }
  return rows;
}

/** The product category filter as a scope for actualsByUnit (the customer filters are applied to the customer set). */
function categoryScope(filters: AnalyticsFilters): ScopeUnit[] {
  return filters.productCategoryId === undefined ? [] : [{ level: 'productCategory', unitKey: String(filters.productCategoryId) }];
}

/** The last completed visit (a done line of a submitted or signed report, as visits count) of every customer up to `to`. */
export function lastVisits(ctx: Ctx, to: string): Map<number, string> {
  const rows = prepared(
    ctx.db,
    // the reports first (a few thousand), then their lines: not every line with a lookup of its report
    `select l.customer_id, max(d.date) from daily_reports d cross join daily_report_lines l on l.report_id = d.id
     where l.done = 1 and d.state in ('submitted', 'signed') and d.date <= ? group by l.customer_id`,
  )
    .raw()
    .all(to) as Array<[number, string]>;
  return new Map(rows);
}

/**
 * Code-point order, for ISO dates and the one-letter grades: the order localeCompare gives them (digits and '-' at the
 * same places, 'A' before 'B'), without a collator call per comparison (thousands of rows are sorted).
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface NotVisitedRow {
  customer: CustomerRecord;
  lastVisitDate: string | null;
  daysSinceVisit: number | null;
}

/** A/B customers with no completed visit in the `days` days up to `to`, the longest unvisited first (never visited first). */
export function abNotVisited(ctx: Ctx, customers: readonly CustomerRecord[], to: string, days: number): NotVisitedRow[] {
  const visits = lastVisits(ctx, to);
  const since = addDays(to, -days);
  const rows: NotVisitedRow[] = [];
  for (const c of customers) {
    if (c.grade !== 'A' && c.grade !== 'B') continue;
    const last = visits.get(c.id) ?? null;
    if (last !== null && last > since) continue;
    rows.push({ customer: c, lastVisitDate: last, daysSinceVisit: last === null ? null : daysBetween(last, to) });
  }
  rows.sort(
    (a, b) =>
      (a.lastVisitDate === null ? 0 : 1) - (b.lastVisitDate === null ? 0 : 1) ||
      compareText(a.lastVisitDate ?? '', b.lastVisitDate ?? '') ||
      compareText(a.customer.grade, b.customer.grade) ||
      a.customer.code.localeCompare(b.customer.code),
  );
  return rows;
}

interface RegionRow {
  id: number;
  name: string;
  path: string;
  sortOrder: number;
}

/** Which region a customer counts under: the child of the filter region on its path (or the top-level region). */
function regionSegmentOf(ctx: Ctx, filterRegionId: number | undefined) {
  const regions = prepared(ctx.db, 'select id, name, path, sort_order as sortOrder from regions').all() as RegionRow[];
  const byId = new Map(regions.map((r) => [r.id, r]));
  const filter = filterRegionId === undefined ? undefined : byId.get(filterRegionId);
  const depth = filter ? filter.path.split('/').filter(Boolean).length : 0;
  // worked out once per region (thousands of customers share a few hundred regions)
  const keys = new Map<number, number | null>();
  return {
    keyOf(regionId: number | null): number | null {
      if (regionId === null) return null;
      let key = keys.get(regionId);
      if (key === undefined) {
        const chain = (byId.get(regionId)?.path ?? '').split('/').filter(Boolean).map(Number);
        keys.set(regionId, (key = chain[depth] ?? filter?.id ?? null));
      }
      return key;
    },
    nameOf: (id: number) => byId.get(id)?.name ?? '',
    orderOf: (id: number) => byId.get(id)?.sortOrder ?? 0,
  };
}

type CustomersOut = z.output<(typeof analyticsMethods)['analytics.customers']['output']>;
type Segment = CustomersOut['segments']['industry'][number];

function segmentRows(
  customers: readonly CustomerRecord[],
  keyOf: (c: CustomerRecord) => string,
  nameOf: (key: string) => string,
  /** each customer's sales and last year's, in `customers` order */
  sales: readonly number[],
  lastYear: readonly number[],
): Segment[] {
  const acc = new Map<string, Segment>();
  customers.forEach((c, i) => {
    const key = keyOf(c);
    let row = acc.get(key);
    if (!row) acc.set(key, (row = { key, name: nameOf(key), customers: 0, salesFen: 0, lastYearFen: 0, yoyBp: null }));
    row.customers++;
    row.salesFen += sales[i]!;
    row.lastYearFen += lastYear[i]!;
  });
  const rows = [...acc.values()];
  for (const r of rows) r.yoyBp = changeBp(r.salesFen, r.lastYearFen);
  // by sales, then by count; the unset value last
  return rows.sort(
    (a, b) =>
      (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || b.salesFen - a.salesFen || b.customers - a.customers || a.key.localeCompare(b.key),
  );
}

export function customerAnalytics(ctx: Ctx, input: AnalyticsInput): CustomersOut {
  const filters = input.filters ?? {};
  checkFilters(ctx, input.filters);
  const periods = comparisonPeriods(input.period);
  const { from, to } = periods.current;
  const lostDays = evaluationScheme(ctx).lostCustomerDays;
  const customers = customersWithin(ctx, filters);
  const scope = categoryScope(filters);

  const grades = customerGrades.map((grade) => ({ grade, customers: 0 }));
  const stages = lifecycles.map((lifecycle) => ({ lifecycle, customers: 0 }));
  for (const c of customers) {
    grades[customerGrades.indexOf(c.grade)]!.customers++;
    stages[lifecycles.indexOf(c.lifecycle)]!.customers++;
  }

  // as of the period end, or today while the period runs: a month not begun has nothing yet, the running one is
  // counted to today (lost is never judged on a day still to come)
  const today = todayLocal(ctx);
  const asOf = to < today ? to : today;
  const months = monthsOf({ from, to });
  const begun = months.filter((m) => m.from <= asOf).map((m) => ({ ...m, to: m.to < asOf ? m.to : asOf }));
  // one month: only the customers lost on its end are read (the others cannot count as lost)
  const lostInMonth = begun.length === 1 ? lostOn(ctx, begun[0]!.to, lostDays) : null;
  const counted = begun.length
    ? newVsLostByMonth(
        firstOrdersWithin(ctx, begun[0]!.from, begun[begun.length - 1]!.to),
        lostInMonth
          ? new Map([...lostInMonth].map(([id, last]) => [id, [last]]))
          : lastStandingOrders(
              ctx,
              begun.map((m) => m.to),
            ),
        customers.map((c) => c.id),
        begun,
        lostDays,
      )
    : [];
  const newVsLost = months.map((m, i) => counted[i] ?? { month: m.month, newCustomers: 0, lostCustomers: 0 });

  const sales = actualsByUnit(ctx, { metric: 'sales', level: 'customer', from, to, scope });
  const lastYear = actualsByUnit(ctx, { metric: 'sales', level: 'customer', from: periods.lastYear.from, to: periods.lastYear.to, scope });
  // each customer's figures looked up once (numeric keys), in `customers` order for the segments
  const salesById = new Map<number, number>();
  for (const [k, v] of sales) salesById.set(Number(k), v);
  const salesOf = (id: number) => salesById.get(id) ?? 0;
  const salesBy = customers.map((c) => salesOf(c.id));
  const lastYearBy = customers.map((c) => lastYear.get(String(c.id)) ?? 0);
  const totalSales = salesBy.reduce((s, v) => s + v, 0);
  const top = customers
    .filter((_c, i) => salesBy[i]! > 0)
    .sort((a, b) => salesOf(b.id) - salesOf(a.id) || a.code.localeCompare(b.code))
    .slice(0, TOP_CUSTOMERS);
  // gross profit of the top customers only: read through each one's own index
  const grossProfit = actualsByUnit(ctx, {
    metric: 'grossProfit',
    level: 'customer',
    from,
    to,
    scope,
    unitKeys: top.map((c) => String(c.id)),
  });
  const topCustomers = top.map((c, i) => {
    const ly = lastYear.get(String(c.id)) ?? 0;
    return {
      rank: i + 1,
      customerId: c.id,
      customerCode: c.code,
      customerName: c.name,
      grade: c.grade,
      salesFen: salesOf(c.id),
      grossProfitFen: grossProfit.get(String(c.id)) ?? 0,
      shareBp: shareBp(salesOf(c.id), totalSales),
      lastYearFen: ly,
      yoyBp: changeBp(salesOf(c.id), ly),
    };
  });

  const unvisited = abNotVisited(ctx, customers, asOf, NOT_VISITED_DAYS);
  const notVisited = {
    days: NOT_VISITED_DAYS,
    total: unvisited.length,
    rows: unvisited.slice(0, LIST_ROWS).map((r) => ({
      customerId: r.customer.id,
      customerCode: r.customer.code,
      customerName: r.customer.name,
      grade: r.customer.grade,
      repName: r.customer.repName,
      lastVisitDate: r.lastVisitDate,
      daysSinceVisit: r.daysSinceVisit,
    })),
  };

  const regionSegment = regionSegmentOf(ctx, filters.regionId);
  const regionRows = segmentRows(
    customers,
    (c) => String(regionSegment.keyOf(c.regionId) ?? ''),
    (k) => (k === '' ? '未设区域' : regionSegment.nameOf(Number(k))),
    salesBy,
    lastYearBy,
  );
  const segments = {
    customerType: segmentRows(
      customers,
      (c) => c.type,
      (k) => customerTypeLabels[k as CustomerType]?.zh ?? '未设',
      salesBy,
      lastYearBy,
    ) as Array<Segment & { key: CustomerType | '' }>,
    industry: segmentRows(
      customers,
      (c) => c.industry.trim(),
      (k) => k || '未填行业',
      salesBy,
      lastYearBy,
    ),
    scale: segmentRows(
      customers,
      (c) => (c.scale && (customerScales as readonly string[]).includes(c.scale) ? c.scale : ''),
      (k) => (k === '' ? '未设规模' : customerScaleLabels[k as CustomerScale].zh),
      salesBy,
      lastYearBy,
    ) as Array<Segment & { key: CustomerScale | '' }>,
    region: regionRows,
  };

  return {
    periods,
    grades,
    lifecycles: stages,
    newVsLost,
    lostCustomerDays: lostDays,
    topCustomers,
    notVisited,
    segments,
    repCoverage: repCoverage(ctx, customers, filters, asOf, scope),
  };
}

/** Per active rep within the team / rep filter: the customers
 *  they own, A/B among them, prospects, and their sales of the 12 months up to `to` (the order's rep, within the filters). */
function repCoverage(
  ctx: Ctx,
  customers: readonly CustomerRecord[],
  filters: AnalyticsFilters,
  to: string,
  categoryScopeUnits: ScopeUnit[],
): CustomersOut['repCoverage'] {
  const where = ['r.active = 1'];
  const params: Record<string, number> = {};
  if (filters.teamId !== undefined) {
    where.push('r.team_id = @teamId');
    params.teamId = filters.teamId;
  }
  if (filters.repId !== undefined) {
    where.push('r.id = @repId');
    params.repId = filters.repId;
  }
  const reps = prepared(
    ctx.db,
    `select r.id as repId, r.name as repName, t.name as teamName from reps r left join teams t on t.id = r.team_id
     where ${where.join(' and ')} order by r.team_id is null, r.team_id, r.code, r.id`,
  ).all(params) as Array<{ repId: number; repName: string; teamName: string | null }>;
  const owned = new Map<number, { customers: number; ab: number; prospects: number }>();
  for (const c of customers) {
    if (c.repId === null) continue;
    let o = owned.get(c.repId);
    if (!o) owned.set(c.repId, (o = { customers: 0, ab: 0, prospects: 0 }));
    o.customers++;
    if (c.grade === 'A' || c.grade === 'B') o.ab++;
    if (c.lifecycle === 'prospect') o.prospects++;
  }
  const scope: ScopeUnit[] = [...categoryScopeUnits];
  if (filters.regionId !== undefined) scope.push({ level: 'region', unitKey: String(filters.regionId) });
  if (filters.dealerId !== undefined) scope.push({ level: 'dealer', unitKey: String(filters.dealerId) });
  if (filters.channelType !== undefined) scope.push({ level: 'channelType', unitKey: filters.channelType });
  const from = addDays(yearBefore(to), 1);
  // without a filter on the documents: whole months from rep_month_facts (12 rows per rep, not a year of facts)
  const sales =
    scope.length === 0
      ? repSalesInRange(
          ctx.db,
          from,
          to,
          reps.map((r) => r.repId),
        )
      : actualsByUnit(ctx, { metric: 'sales', level: 'rep', from, to, scope, unitKeys: reps.map((r) => String(r.repId)) });
  return reps.map((r) => {
    const o = owned.get(r.repId);
    return {
      repId: r.repId,
      repName: r.repName,
      teamName: r.teamName,
      customers: o?.customers ?? 0,
      abCustomers: o?.ab ?? 0,
      prospects: o?.prospects ?? 0,
      last12MonthsSalesFen: sales.get(String(r.repId)) ?? 0,
    };
  });
}
