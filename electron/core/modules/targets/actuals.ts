// 实际完成 Actuals of the target metrics (PRODUCT §3), per unit of a level, in one aggregate query per call.
// Only documents dated in [from, to] count, so a caller asking "as of" a past date passes to = that date and later
// documents (a later 红冲, a later return) are ignored. Definitions:
// - sales: posted orders' total (a 红冲 row is a posted order with negative figures, dated on its own date) less posted
//   returns' total by return date; by product category: the order lines' amounts (order discounts are not on lines),
//   returns by their order line's product.
// - grossProfit: the same with (amount − cost at order time) on both sides.
// - collections: collections' amounts by date (a 红冲 row is negative).
// - newCustomers: customers whose first standing order (not a 红冲 row; not reversed on or before `to`) is dated in
//   [from, to]; attributed by that first order (lowest id on the first day).
// - visits: daily report lines marked done on submitted or signed reports (a draft is not a report yet), by report date.
// - expenses: expenses by date.
// Attribution: rep → the document's rep; team → that rep's team; region → the customer's region, rolled up to every
// ancestor; customer → the document's customer; dealer → the order's dealer (collections, visits and expenses: the
// customer's serving dealer); channelType → that dealer's channel type, 'direct' without one; settlement → the
// order's settlement; productCategory → the product's category, rolled up to every ancestor.
// Sales, grossProfit and newCustomers read the summary tables of analytics/summaries.ts, which hold exactly these
// documents (tests/core/analyticsSummaries.test.ts compares them with a recomputation).
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { NEW_CUSTOMERS_SQL, productRangeSource } from '../analytics/summaries';
import { DomainError } from '../../errors';
import { metricLevelSupported } from '../../../../shared/contract/tracking';
import { metricDefinitions, targetLevelLabels, type TargetLevel, type TargetMetric } from '../../../../shared/domain/targets';

/** An ancestor's unit that narrows the documents (rep X's customers: orders of customer c by rep X). */
export interface ScopeUnit {
  level: TargetLevel;
  /** '' for the company; the id as text; the code for a settlement or channel type */
  unitKey: string;
}

export interface ActualsQuery {
  metric: TargetMetric;
  level: TargetLevel;
  from: string;
  to: string;
  scope?: readonly ScopeUnit[];
  /** only these units (region / product category: each one's subtree total) */
  unitKeys?: readonly string[];
}

/** One source of documents, its columns as SQL expressions. */
interface Part {
  from: string;
  where: string;
  date: string;
  rep: string;
  customer: string;
  /** the dealer the document reaches the customer through ('c.' = the customer's serving dealer) */
  dealer: string;
  settlement: string | null;
  category: string | null;
  value: string;
}

// sales and gross profit are read from the summary tables (analytics/summaries.ts: the same documents, summed per
// date, customer, rep, dealer and settlement; by line also per product), kept current by triggers as documents post
const FACTS = 'sales_facts f';
const PRODUCT_FACTS = 'product_sales_facts f join products p on p.id = f.product_id';
const factCols = {
  date: 'f.date',
  customer: 'f.customer_id',
  rep: 'nullif(f.rep_id, 0)',
  dealer: 'nullif(f.dealer_id, 0)',
  settlement: 'f.settlement',
};

function partsOf(metric: TargetMetric, byLine: boolean): Part[] {
  const profit = metric === 'grossProfit';
  switch (metric) {
    case 'sales':
    case 'grossProfit':
      if (byLine)
        return [
          {
            from: PRODUCT_FACTS,
            where: '1 = 1',
            ...factCols,
            category: 'p.category_id',
            value: profit ? 'f.amount_fen - f.cost_fen' : 'f.amount_fen',
          },
        ];
      return [{ from: FACTS, where: '1 = 1', ...factCols, category: null, value: profit ? 'f.sales_fen - f.cost_fen' : 'f.sales_fen' }];
    case 'newCustomers':
      return [
        {
          // the customer's first standing order as of @to, dated in the range
          from: `(${NEW_CUSTOMERS_SQL}) o`,
          where: '1 = 1',
          date: 'o.date',
          customer: 'o.customer_id',
          rep: 'o.rep_id',
          dealer: 'o.dealer_id',
          settlement: 'o.settlement',
          category: null,
          value: '1',
        },
      ];
    case 'collections':
      return [
        {
          from: 'collections k',
          where: '1 = 1',
          date: 'k.date',
          rep: 'k.rep_id',
          customer: 'k.customer_id',
          dealer: 'c.dealer_id',
          settlement: null,
          category: null,
          value: 'k.amount_fen',
        },
      ];
    case 'visits':
      return [
        {
          from: 'daily_report_lines dl join daily_reports dr on dr.id = dl.report_id',
          where: "dl.done = 1 and dr.state in ('submitted', 'signed')",
          date: 'dr.date',
          rep: 'dr.rep_id',
          customer: 'dl.customer_id',
          dealer: 'c.dealer_id',
          settlement: null,
          category: null,
          value: '1',
        },
      ];
    case 'expenses':
      return [
        {
          from: 'expenses e',
          where: '1 = 1',
          date: 'e.date',
          rep: 'e.rep_id',
          customer: 'e.customer_id',
          dealer: 'c.dealer_id',
          settlement: null,
          category: null,
          value: 'e.amount_fen',
        },
      ];
  }
}

/** A metric the level cannot be attributed to (collections by product category) is refused, naming both. */
export function assertMetricLevel(metric: TargetMetric, level: TargetLevel, field = 'level'): void {
  if (!metricLevelSupported(metric, level)) {
    throw DomainError.bilingual(
      'VALIDATION',
      {
        zh: `层级：${metricDefinitions[metric].label.zh}不能按${targetLevelLabels[level].zh}统计`,
        en: `Level: ${metricDefinitions[metric].label.en} cannot be broken down by ${targetLevelLabels[level].en.toLowerCase()}`,
      },
      field,
    );
  }
}

const idLevels = new Set<TargetLevel>(['region', 'team', 'rep', 'customer', 'productCategory', 'dealer']);
const subtree = (table: 'regions' | 'product_categories', param: string) =>
  `(select s.id from ${table} s where s.path like (select q.path from ${table} q where q.id = ${param}) || '%')`;

/** The SQL of one call: `select key, sum(v)` over the parts, grouped by `keyOf(part)`. */
function buildQuery(
  metric: TargetMetric,
  levels: readonly TargetLevel[],
  scope: readonly ScopeUnit[],
  keyOf: (p: Part, cols: Record<TargetLevel, string>) => string,
  only?: { level: TargetLevel; keys: readonly string[] },
  /** a period total (not per day): by product category alone, whole months may be read from the monthly table */
  total?: { from: string; to: string },
): { sql: string; params: Record<string, string | number> } {
  const byLine = levels.includes('productCategory') || scope.some((s) => s.level === 'productCategory');
  const params: Record<string, string | number> = {};
  let parts = partsOf(metric, byLine);
  const categoryOnly = [...levels, ...scope.map((s) => s.level)].every((l) => l === 'company' || l === 'productCategory');
  if (total && byLine && categoryOnly && (metric === 'sales' || metric === 'grossProfit')) {
    const source = productRangeSource(total.from, total.to);
    Object.assign(params, source.params);
    parts = [
      {
        ...parts[0]!,
        from: `(${source.sql}) f join products p on p.id = f.product_id`,
        // the source holds the range's rows only
        date: '@from',
      },
    ];
  }
  const selects = parts.map((p) => {
    const channel = `case when ${p.customer} is null then null when ${p.dealer} is null then 'direct' else d.channel_type end`;
    const cols: Record<TargetLevel, string> = {
      company: "''",
      region: 'c.region_id',
      team: 'r.team_id',
      rep: p.rep,
      customer: p.customer,
      productCategory: p.category ?? 'null',
      dealer: p.dealer,
      settlement: p.settlement ?? 'null',
      channelType: channel,
    };
    const used = [...levels, ...scope.map((s) => s.level)];
    const joins: string[] = [];
    if (levels.includes('region') || ((used.includes('dealer') || used.includes('channelType')) && p.dealer.startsWith('c.')))
      joins.push(`left join customers c on c.id = ${p.customer}`);
    if (used.includes('team')) joins.push(`left join reps r on r.id = ${p.rep}`);
    if (used.includes('channelType')) joins.push(`left join dealers d on d.id = ${p.dealer}`);
    const where = [p.where, `${p.date} between @from and @to`];
    // a few units asked for by key: filtered in SQL, so the date range is read through that unit's index
    if (only) {
      params.only = JSON.stringify(idLevels.has(only.level) ? only.keys.map(Number) : only.keys);
      where.push(`${cols[only.level]} in (select value from json_each(@only))`);
    }
    scope.forEach((s, i) => {
      if (s.level === 'company') return;
      const name = `s${i}`;
      params[name] = idLevels.has(s.level) ? Number(s.unitKey) : s.unitKey;
      // the region's customers as one set (made once per query), looked up per document of the date range
      // ('+': the range drives the scan, not the set)
      if (s.level === 'region') where.push(`+${p.customer} in region_customers_${name}`);
      else if (s.level === 'productCategory') where.push(`${cols.productCategory} in ${subtree('product_categories', `@${name}`)}`);
      else where.push(`${cols[s.level]} = @${name}`);
    });
    return `select ${keyOf(p, cols)} as key, ${p.value} as v from ${p.from} ${joins.join(' ')} where ${where.join(' and ')}`;
  });
  const sets = scope
    .map((s, i) =>
      s.level === 'region'
        ? `region_customers_s${i} as materialized (select rc.id from customers rc where rc.region_id in ${subtree('regions', `@s${i}`)})`
        : null,
    )
    .filter((x) => x !== null);
  const withSets = sets.length ? `with ${sets.join(', ')} ` : '';
  return { sql: `${withSets}select key, sum(v) as v from (${selects.join(' union all ')}) group by key`, params };
}

function checkScope(metric: TargetMetric, level: TargetLevel, scope: readonly ScopeUnit[]): void {
  assertMetricLevel(metric, level);
  for (const s of scope) assertMetricLevel(metric, s.level, 'parentId');
}

/** Each node's own sum added to itself and every ancestor (paths '/1/5/23/'). */
function rollUp(ctx: Ctx, table: 'regions' | 'product_categories', own: Map<string, number>, wanted: Set<string> | null) {
  const out = new Map<string, number>();
  if (own.size === 0) return out;
  const paths = new Map(
    (prepared(ctx.db, `select id, path from ${table}`).all() as Array<{ id: number; path: string }>).map((r) => [String(r.id), r.path]),
  );
  for (const [id, v] of own) {
    const path = paths.get(id);
    for (const a of path ? path.split('/').filter(Boolean) : [id]) {
      if (wanted && !wanted.has(a)) continue;
      out.set(a, (out.get(a) ?? 0) + v);
    }
  }
  return out;
}

/**
 * The metric's actual per unit of the level over [from, to] (documents dated after `to` ignored): unitKey → value,
 * '' for the company. Units without any document are absent. Region and product category: each one's subtree total.
 */
export function actualsByUnit(ctx: Ctx, q: ActualsQuery): Map<string, number> {
  const scope = q.scope ?? [];
  checkScope(q.metric, q.level, scope);
  if (q.from > q.to) return new Map();
  const direct = q.unitKeys && q.unitKeys.length <= 500 && q.level !== 'region' && q.level !== 'productCategory' && q.level !== 'company';
  const { sql, params } = buildQuery(
    q.metric,
    [q.level],
    scope,
    (_p, cols) => cols[q.level],
    direct ? { level: q.level, keys: q.unitKeys! } : undefined,
    { from: q.from, to: q.to },
  );
  const rows = prepared(ctx.db, sql).all({ ...params, from: q.from, to: q.to }) as Array<{ key: string | number | null; v: number }>;
  const own = new Map<string, number>();
  for (const r of rows) if (r.key !== null) own.set(String(r.key), r.v);
  const wanted = q.unitKeys ? new Set(q.unitKeys) : null;
  if (q.level === 'region') return rollUp(ctx, 'regions', own, wanted);
  if (q.level === 'productCategory') return rollUp(ctx, 'product_categories', own, wanted);
  if (!wanted) return own;
  return new Map([...own].filter(([k]) => wanted.has(k)));
}

/** The metric's actual per day over [from, to] within the scope (a rep's days: scope [{ level: 'rep', unitKey }]). */
export function dailyActuals(
  ctx: Ctx,
  q: { metric: TargetMetric; from: string; to: string; scope?: readonly ScopeUnit[] },
): Map<string, number> {
  const scope = q.scope ?? [];
  checkScope(q.metric, 'company', scope);
  if (q.from > q.to) return new Map();
  const { sql, params } = buildQuery(q.metric, ['company'], scope, (p) => p.date);
  const rows = prepared(ctx.db, sql).all({ ...params, from: q.from, to: q.to }) as Array<{ key: string; v: number }>;
  return new Map(rows.map((r) => [r.key, r.v]));
}

export type MetricValues = Record<TargetMetric, number>;

/** Every metric's actual per rep over [from, to] (one query per metric); reps without any document are absent. */
export function repPeriodActuals(ctx: Ctx, from: string, to: string, repIds?: readonly number[]): Map<number, MetricValues> {
  const out = new Map<number, MetricValues>();
  const unitKeys = repIds?.map(String);
  for (const metric of Object.keys(metricDefinitions) as TargetMetric[]) {
    for (const [key, v] of actualsByUnit(ctx, { metric, level: 'rep', from, to, unitKeys })) {
      const repId = Number(key);
      let values = out.get(repId);
      if (!values) out.set(repId, (values = { sales: 0, collections: 0, grossProfit: 0, newCustomers: 0, visits: 0, expenses: 0 }));
      values[metric] = v;
    }
  }
  return out;
}
