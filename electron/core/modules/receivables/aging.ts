// 账龄 Aging as of any date, by customer, rep, channel dealer or region (a region row holds its sub-regions).
// Three reads of the ledger for every customer at once: Σ receivables and Σ credits dated ≤ A per customer (covering
// indexes) and the receivables open at A (the settled_date fast path); the rest is arithmetic here.
// A row's unpaid parts go to its buckets by days overdue; the customer's prepayment (owed − balance) is taken off its
// 未到期, so that notDue + Σ buckets = total = balance, row by row and in the totals.
import { todayLocal, type Ctx } from '../../context';
import { addDays } from '../../../../shared/periods';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { AgingGrouping } from '../../../../shared/domain/money';
import { agingNoneLabel } from '../../../../shared/domain/aging';
import { prepared } from '../../db/sql';
import { normaliseSearch, searchWordClauses } from '../../text';
import { moneySettings } from '../settings/settings';
import { bucketOf, dayNumber, type OpenReceivable, type Position } from './balance';

type AgingInput = ParsedInput<'receivables.aging'>;
type AgingOut = Output<'receivables.aging'>;
type AgingRow = AgingOut['rows'][number];

/** The bucket edges: the caller's, else the setting (default 30 / 60 / 90 / 180). */
export function agingEdges(ctx: Ctx, buckets?: readonly number[]): number[] {
  return buckets ? [...buckets] : [...moneySettings(ctx).agingBucketEdges];
}

export interface AgingAmounts {
  notDueFen: number;
  bucketsFen: number[];
  totalFen: number;
  overdueFen: number;
  prepaymentFen: number;
}

function emptyAmounts(edges: readonly number[]): AgingAmounts {
  return { notDueFen: 0, bucketsFen: new Array<number>(edges.length + 1).fill(0), totalFen: 0, overdueFen: 0, prepaymentFen: 0 };
}

/** Adds an unpaid part to its bucket (0 = 未到期). */
function addToBucket(acc: AgingAmounts, bucket: number, unpaidFen: number): void {
  if (bucket === 0) acc.notDueFen += unpaidFen;
  else acc.bucketsFen[bucket - 1]! += unpaidFen;
}

function addPrepayment(acc: AgingAmounts, prepaymentFen: number): void {
  acc.notDueFen -= prepaymentFen;
  acc.prepaymentFen += prepaymentFen;
}

function finish(acc: AgingAmounts): AgingAmounts {
  acc.overdueFen = acc.bucketsFen.reduce((s, v) => s + v, 0);
  acc.totalFen = acc.notDueFen + acc.overdueFen;
  return acc;
}

/** One customer's aging from its position as of A (the statement's aging at its end date). */
export function agingOfPosition(p: Position, asOf: string, edges: readonly number[]): AgingAmounts {
  const acc = emptyAmounts(edges);
  const day = dayNumber(asOf);
  for (const r of p.open) addToBucket(acc, bucketOf(day - dayNumber(r.dueDate), edges), r.unpaidFen);
  addPrepayment(acc, p.prepaymentFen);
  return finish(acc);
}

interface CustomerAttrs {
  repId: number | null;
  dealerId: number | null;
  regionId: number | null;
}

interface RegionRow {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  path: string;
  sortOrder: number;
  initials: string;
}

// the receivables open at A, every column from receivables_open_idx (no table lookups): never settled, or settled after A
const openLean = `select r.customer_id, r.source_kind, r.due_date, r.rep_id, r.dealer_id,
  r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @asOf), 0)`;
export type OpenLean = [
  customerId: number,
  kind: OpenReceivable['kind'],
  dueDate: string,
  repId: number | null,
  dealerId: number | null,
  unpaidFen: number,
];

function openAt(ctx: Ctx, asOf: string): OpenLean[] {
  return prepared(
    ctx.db,
    `${openLean} from receivables r where r.settled_date is null and r.date <= @asOf
     union all
     ${openLean} from receivables r where r.settled_date > @asOf and r.date <= @asOf`,
  )
    .raw()
    .all({ asOf }) as OpenLean[];
}

/** Σ amount per customer dated ≤ A, from a covering index. */
function sumsByCustomer(ctx: Ctx, table: 'receivables' | 'credits', asOf: string): Map<number, number> {
  const rows = prepared(ctx.db, `select customer_id as c, sum(amount_fen) as s from ${table} where date <= ? group by customer_id`)
    .raw()
    .all(asOf) as Array<[number, number]>;
  return new Map(rows);
}

/** Which region row a customer's region falls in: the filter region's child on its path, the region itself, or none. */
function regionKeyer(regions: RegionRow[], filterRegionId: number | undefined): (regionId: number | null) => number | null {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const filter = filterRegionId === undefined ? undefined : byId.get(filterRegionId);
  const depth = filter ? filter.path.split('/').filter(Boolean).length : 0;
  const cache = new Map<number, number | null>();
  return (regionId) => {
    if (regionId === null) return filterRegionId === undefined ? 0 : null;
    const hit = cache.get(regionId);
    if (hit !== undefined) return hit;
    const region = byId.get(regionId);
    let key: number | null = null;
    if (filterRegionId !== undefined && !filter) key = null;
    else if (!region) key = filter ? null : 0;
    else {
      const chain = region.path.split('/').filter(Boolean).map(Number);
      if (!filter) key = chain[0] ?? 0;
      else if (region.path.startsWith(filter.path)) key = chain[depth] ?? filter.id;
    }
    cache.set(regionId, key);
    return key;
  };
}

/** Ids among `keys` whose record matches every word of the search. */
function searchKeys(ctx: Ctx, grouping: AgingGrouping, keys: number[], search: string): Set<number> {
  const haystack: Record<AgingGrouping, { table: string; column: string }> = {
    customer: { table: 'customers', column: 't.search_text' },
    dealer: { table: 'dealers', column: 't.search_text' },
    rep: { table: 'reps', column: "lower(t.code || '|' || t.name || '|' || t.pinyin || '|' || t.initials)" },
    region: { table: 'regions', column: "lower(t.code || '|' || t.name || '|' || t.initials)" },
  };
  const { table, column } = haystack[grouping];
  const words = searchWordClauses(column, search);
  const ids = prepared(
    ctx.db,
    `select t.id from ${table} t where t.id in (select value from json_each(?)) and ${words.clauses.join(' and ')}`,
  )
    .pluck()
    .all(JSON.stringify(keys), ...words.params) as number[];
  return new Set(ids);
}

interface RowName {
  code: string;
  name: string;
  sortName: string;
  sortOrder: number;
  hasChildren: boolean;
}

function namesOf(ctx: Ctx, grouping: AgingGrouping, keys: number[], regions: RegionRow[]): Map<number, RowName> {
  const names = new Map<number, RowName>();
  if (grouping === 'region') {
    const parents = new Set(regions.map((r) => r.parentId));
    for (const r of regions) {
      names.set(r.id, { code: r.code, name: r.name, sortName: r.initials, sortOrder: r.sortOrder, hasChildren: parents.has(r.id) });
    }
  } else {
    const sql: Record<Exclude<AgingGrouping, 'region'>, string> = {
      customer: 'select id, code, name, name_pinyin as sortName from customers',
      rep: 'select id, code, name, pinyin as sortName from reps',
      dealer: 'select id, code, name, name_pinyin as sortName from dealers',
    };
    const rows = prepared(ctx.db, `${sql[grouping]} where id in (select value from json_each(?))`).all(JSON.stringify(keys)) as Array<{
      id: number;
      code: string;
      name: string;
      sortName: string;
    }>;
    for (const r of rows) names.set(r.id, { code: r.code, name: r.name, sortName: r.sortName, sortOrder: 0, hasChildren: false });
  }
  if (grouping !== 'customer') {
    names.set(0, { code: '', name: agingNoneLabel.zh, sortName: '', sortOrder: 0, hasChildren: false });
  }
  return names;
}

const isEmpty = (a: AgingAmounts) => a.notDueFen === 0 && a.prepaymentFen === 0 && a.bucketsFen.every((v) => v === 0);

/** The ledger of every customer as of A, read once so that several agings of the same date share it. */
export interface LedgerAt {
  asOf: string;
  /** the receivables open at A with a non-zero unpaid part */
  open: OpenLean[];
  /** customer → prepayment (owed − balance), for the customers where it is not 0 */
  prepayment: Map<number, number>;
  /** every customer's rep, dealer and region, read by the first aging that needs them and shared by the others */
  attrs?: Map<number, CustomerAttrs>;
}

/** At most this many ledger rows dated after the date: it is read from the summaries less those rows. */
const RECENT_LEDGER_ROWS = 20_000;
const RECENT_DAYS = 62;

/** Whether few enough ledger rows are dated after the date for it to be read from the summaries less them. */
export function recentLedgerDate(ctx: Ctx, asOf: string): boolean {
  // two months back or more: not worth counting (a month holds ~10,000 rows on the large demo)
  if (asOf < addDays(todayLocal(ctx), -RECENT_DAYS)) return false;
  const later = (table: 'receivables' | 'credits' | 'allocations') =>
    prepared(ctx.db, `select count(*) from (select 1 from ${table} where date > ? limit ${RECENT_LEDGER_ROWS + 1})`)
      .pluck()
      .get(asOf) as number;
  return later('allocations') + later('receivables') + later('credits') <= RECENT_LEDGER_ROWS;
}

/**
 * The ledger as of a recent date from the summary tables of migration 0007: each customer's balance today less its
 * rows dated after the date; the receivables unpaid today (dated on or before it) with the allocations dated after it
 * added back — a receivable paid in full since is open again by those. Null when too many rows are dated after it.
 */
function ledgerFromSummaries(ctx: Ctx, asOf: string): LedgerAt | null {
  if (!recentLedgerDate(ctx, asOf)) return null;
  // the allocations dated after the date, per receivable dated on or before it: unpaid then, paid since
  const paidLater = prepared(
    ctx.db,
    `select a.receivable_id, r.customer_id, r.source_kind, r.due_date, r.rep_id, r.dealer_id, sum(a.amount_fen)
     from allocations a indexed by allocations_date_idx cross join receivables r on r.id = a.receivable_id
     where a.date > @asOf and r.date <= @asOf group by a.receivable_id`,
  )
    .raw()
    .all({ asOf }) as Array<[number, ...OpenLean]>;
  const later = new Map(paidLater.map((row) => [row[0], row]));
  const open: OpenLean[] = [];
  const rows = prepared(
    ctx.db,
    'select customer_id, source_kind, due_date, rep_id, dealer_id, unpaid_fen, receivable_id from open_receivables where date <= ?',
  )
    .raw()
    .all(asOf) as Array<[...OpenLean, number?]>;
  for (const row of rows) {
    const id = row.pop() as number;
    const paid = later.get(id);
    if (paid) {
      row[5] += paid[6];
      later.delete(id);
    }
    if (row[5] !== 0) open.push(row as OpenLean);
  }
  for (const [, ...item] of later.values()) if (item[5] !== 0) open.push(item);

  // prepayment = owed − balance: today's (summed in SQL, only the customers where it is not 0 come back), then for
  // the date: the allocations dated after it are owed again, the ledger rows dated after it not yet on the balance
  const prepayment = new Map(
    prepared(
      ctx.db,
      `select b.customer_id, coalesce(o.owed, 0) - (b.receivables_fen - b.credits_fen) as p from customer_balances b
       left join (select customer_id, sum(unpaid_fen) as owed from open_receivables where date <= @asOf group by customer_id) o
         on o.customer_id = b.customer_id
       where p <> 0`,
    )
      .raw()
      .all({ asOf }) as Array<[number, number]>,
  );
  const corrections = prepared(
    ctx.db,
    `select customer_id, sum(amount_fen) from receivables indexed by receivables_date_idx where date > @asOf group by customer_id
     union all
     select customer_id, -sum(amount_fen) from credits indexed by credits_date_idx where date > @asOf group by customer_id`,
  )
    .raw()
    .all({ asOf }) as Array<[number, number]>;
  for (const [, customerId, , , , , amountFen] of paidLater) corrections.push([customerId, amountFen]);
  for (const [id, v] of corrections) {
    const p = (prepayment.get(id) ?? 0) + v;
    if (p === 0) prepayment.delete(id);
    else prepayment.set(id, p);
  }
  return { asOf, open, prepayment };
}

export function ledgerAt(ctx: Ctx, asOf: string): LedgerAt {
  return ledgerFromSummaries(ctx, asOf) ?? ledgerFromDocuments(ctx, asOf);
}

/** The ledger as of any date from the ledger rows themselves. */
export function ledgerFromDocuments(ctx: Ctx, asOf: string): LedgerAt {
  const debits = sumsByCustomer(ctx, 'receivables', asOf);
  const credits = sumsByCustomer(ctx, 'credits', asOf);
  const open = openAt(ctx, asOf).filter((item) => item[5] !== 0);
  const owed = new Map<number, number>();
  for (const [customerId, , , , , unpaidFen] of open) owed.set(customerId, (owed.get(customerId) ?? 0) + unpaidFen);
  const prepayment = new Map<number, number>();
  for (const id of new Set([...debits.keys(), ...credits.keys()])) {
    const p = (owed.get(id) ?? 0) - ((debits.get(id) ?? 0) - (credits.get(id) ?? 0));
    if (p !== 0) prepayment.set(id, p);
  }
  return { asOf, open, prepayment };
}

export function receivablesAging(ctx: Ctx, input: AgingInput): AgingOut {
  return agingOfLedger(ctx, ledgerAt(ctx, input.asOf), input);
}

/**
 * The aging of a ledger read as of input.asOf. `repIds` narrows to the documents (and prepayments) of any of those reps
 * — a team — as the sum of one aging per rep would, from the one ledger. `named` false: customer rows sorted by an
 * amount come without code and name (a caller that names the few rows it keeps itself).
 */
export function agingOfLedger(ctx: Ctx, ledger: LedgerAt, input: AgingInput, repIds?: ReadonlySet<number>, named = true): AgingOut {
  const asOf = input.asOf;
  if (ledger.asOf !== asOf) throw new Error(`aging as of ${asOf} asked of the ledger as of ${ledger.asOf}`);
  const edges = agingEdges(ctx, input.buckets);
  const grouping = input.groupBy;
  const asOfDay = dayNumber(asOf);

  const needAttrs =
    grouping !== 'customer' ||
    input.repId !== undefined ||
    repIds !== undefined ||
    input.dealerId !== undefined ||
    input.regionId !== undefined;
  const attrs = ledger.attrs ?? new Map<number, CustomerAttrs>();
  if (needAttrs && !ledger.attrs) {
    for (const [id, repId, dealerId, regionId] of prepared(ctx.db, 'select id, rep_id, dealer_id, region_id from customers')
      .raw()
      .all() as Array<[number, number | null, number | null, number | null]>) {
      attrs.set(id, { repId, dealerId, regionId });
    }
    ledger.attrs = attrs;
  }
  const regions =
    grouping === 'region' || input.regionId !== undefined
      ? (prepared(
          ctx.db,
          'select id, parent_id as parentId, code, name, path, sort_order as sortOrder, initials from regions',
        ).all() as RegionRow[])
      : [];
  const regionKey = regionKeyer(regions, input.regionId);
  const noAttrs: CustomerAttrs = { repId: null, dealerId: null, regionId: null };

  // the rep / dealer of an unpaid part is its document's (an opening balance's falls back to the customer's);
  // the prepayment's is the customer's
  const keyOf = (customerId: number, item: OpenLean | null): number | null => {
    if (!needAttrs) return customerId;
    const c = attrs.get(customerId) ?? noAttrs;
    if (input.regionId !== undefined && regionKey(c.regionId) === null) return null;
    const rep = item ? (item[1] === 'opening' ? (item[3] ?? c.repId) : item[3]) : c.repId;
    const dealer = item ? (item[1] === 'opening' ? (item[4] ?? c.dealerId) : item[4]) : c.dealerId;
    if (input.repId !== undefined && rep !== input.repId) return null;
    if (repIds !== undefined && (rep === null || !repIds.has(rep))) return null;
    if (input.dealerId !== undefined && dealer !== input.dealerId) return null;
    switch (grouping) {
      case 'customer':
        return customerId;
      case 'rep':
        return rep ?? 0;
      case 'dealer':
        return dealer ?? 0;
      case 'region':
        return regionKey(c.regionId);
    }
  };

  const groups = new Map<number, AgingAmounts>();
  const groupOf = (key: number) => {
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = emptyAmounts(edges)));
    return acc;
  };
  // a due date's bucket worked out once (thousands of items share a handful of due dates)
  const bucketByDue = new Map<string, number>();
  for (const item of ledger.open) {
    const [customerId, , dueDate, , , unpaidFen] = item;
    const key = keyOf(customerId, item);
    if (key === null) continue;
    let bucket = bucketByDue.get(dueDate);
    if (bucket === undefined) bucketByDue.set(dueDate, (bucket = bucketOf(asOfDay - dayNumber(dueDate), edges)));
    addToBucket(groupOf(key), bucket, unpaidFen);
  }
  for (const [id, prepayment] of ledger.prepayment) {
    const key = keyOf(id, null);
    if (key !== null) addPrepayment(groupOf(key), prepayment);
  }

  let keys = [...groups.keys()].filter((k) => !isEmpty(groups.get(k)!));
  const search = normaliseSearch(input.search);
  if (search) {
    const hits = searchKeys(ctx, grouping, keys, search);
    keys = keys.filter((k) => hits.has(k));
  }
  const totals = emptyAmounts(edges);
  const rows: AgingRow[] = keys.map((key) => {
    const a = finish(groups.get(key)!);
    totals.notDueFen += a.notDueFen;
    totals.prepaymentFen += a.prepaymentFen;
    a.bucketsFen.forEach((v, i) => (totals.bucketsFen[i]! += v));
    return { key, code: '', name: '', hasChildren: false, ...a };
  });
  finish(totals);

  const sort = input.sort ?? { field: 'totalFen', order: 'desc' };
  const dir = sort.order === 'asc' ? 1 : -1;
  // customers sorted by an amount: names are read for the returned rows only (equal amounts in key order)
  const namesLater = grouping === 'customer' && sort.field !== 'name';
  let names = namesLater ? new Map<number, RowName>() : namesOf(ctx, grouping, keys, regions);
  const byName = (a: AgingRow, b: AgingRow) => {
    const na = names.get(a.key);
    const nb = names.get(b.key);
    return (na?.sortOrder ?? 0) - (nb?.sortOrder ?? 0) || (na?.sortName ?? '').localeCompare(nb?.sortName ?? '') || a.key - b.key;
  };
  rows.sort((a, b) => {
    // the row without a rep / dealer / region stays last when sorted by name
    if (sort.field === 'name') return (a.key === 0 ? 1 : 0) - (b.key === 0 ? 1 : 0) || dir * byName(a, b);
    return dir * (a[sort.field] - b[sort.field]) || byName(a, b);
  });
  const pageSize = input.pageSize ?? 50;
  const page = input.page === undefined ? rows : rows.slice((input.page - 1) * pageSize, input.page * pageSize);
  if (namesLater && named)
    names = namesOf(
      ctx,
      grouping,
      page.map((r) => r.key),
      regions,
    );
  for (const r of page) {
    const n = names.get(r.key);
    r.code = n?.code ?? '';
    r.name = n?.name ?? '';
    // the filter region's own row (its customers not in a sub-region) has nothing further down to show
    r.hasChildren = (n?.hasChildren ?? false) && !(grouping === 'region' && r.key === input.regionId);
  }
  return { asOf, groupBy: grouping, bucketEdges: edges, rows: page, total: rows.length, totals };
}
