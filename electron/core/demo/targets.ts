// The demo's targets, set the way an office sets them: last year's and this year's company sales target (the year
// before's actual plus growth) split to reps by the year before's share and each rep to months by its own seasonal
// shape; the collections target split to top-level regions and months the same way; this month of the three biggest
// reps split over their customers; and a few key customers with their own yearly targets. Read from the demo's
// orders, so tracking shows real achievement. Rows go in with prepared statements in the generator's transaction.
import type { DB } from '../db/connection';
import { largestRemainder } from '../../../shared/decompose';
import { childPeriods, parsePeriod } from '../../../shared/periods';
import { DEMO_MANAGER } from './operators';

export interface TargetCounts {
  /** target rows of every level and period */
  targets: number;
  /** last month's supervisor scores (业绩考核) */
  scores: number;
  /** the years given a company target */
  years: number[];
}

export interface TargetOptions {
  /** today in the office's calendar */
  today: string;
  nowIso: string;
}

/** Each unit's target against what it did (or is on course to do): 94%–110%, so some are ahead and some behind. */
function growthBp(unitKey: string): number {
  let h = 0;
  for (const ch of unitKey) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  return 9_400 + (h % 17) * 100;
}
/** Company targets are round: to 10,000 元. */
const ROUND_FEN = 1_000_000;

type Shape = Map<string, number[]>; // unit key → 12 monthly actuals

interface Insert {
  metric: 'sales' | 'collections';
  level: 'company' | 'region' | 'rep' | 'customer';
  unitKey: string;
  period: string;
  kind: 'year' | 'month';
  from: string;
  to: string;
  value: number;
  parentId: number | null;
  split: 'time' | 'unit' | null;
}

export function insertDemoTargets(db: DB, o: TargetOptions): TargetCounts {
  const insert = db.prepare(
    `insert into targets (metric, level, unit_key, period, period_kind, from_date, to_date, value, parent_id, split, locked, note, created_at, updated_at)
     values (@metric, @level, @unitKey, @period, @kind, @from, @to, @value, @parentId, @split, 0, '', @now, @now)`,
  );
  let count = 0;
  const add = (row: Insert): number => {
    count++;
    return Number(insert.run({ ...row, now: o.nowIso }).lastInsertRowid);
  };

  const thisYear = Number(o.today.slice(0, 4));
  const years: number[] = [];
  const activeReps = (db.prepare('select id from reps where active = 1 order by id').all() as Array<{ id: number }>).map((r) =>
    String(r.id),
  );
  const topRegions = (
    db.prepare('select id from regions where parent_id is null order by sort_order, id').all() as Array<{ id: number }>
  ).map((r) => String(r.id));

  for (const year of [thisYear - 1, thisYear]) {
    const salesSet = splitYear(add, 'sales', 'rep', year, planned(db, 'sales', 'rep', year, o.today), activeReps);
    const collectionsSet = splitYear(add, 'collections', 'region', year, planned(db, 'collections', 'region', year, o.today), topRegions);
    if (salesSet || collectionsSet) years.push(year);
  }

  // this month of the three biggest reps, over their customers by last year's share
  const month = parsePeriod(o.today.slice(0, 7))!;
  const bigReps = db
    .prepare(
      `select t.id, t.unit_key as repId, t.value from targets t
       where t.metric = 'sales' and t.level = 'rep' and t.from_date = ? and t.to_date = ? order by t.value desc, t.id limit 3`,
    )
    .all(month.from, month.to) as Array<{ id: number; repId: string; value: number }>;
  const customerShare = db.prepare(
    `select c.id, coalesce((select sum(o.total_fen) from orders o where o.customer_id = c.id and o.rep_id = c.rep_id
                             and o.state <> 'draft' and o.date between ? and ?), 0) as fen
     from customers c where c.rep_id = ? and c.archived = 0 order by c.id`,
  );
  const splitBy = db.prepare(`update targets set split = ? where id = ?`);
  for (const rep of bigReps) {
    const customers = customerShare.all(`${thisYear - 1}-01-01`, `${thisYear - 1}-12-31`, Number(rep.repId)) as Array<{
      id: number;
      fen: number;
    }>;
    if (customers.length === 0 || rep.value === 0) continue;
    const weights = customers.map((c) => Math.max(c.fen, 0));
    const shares = largestRemainder(rep.value, weights.some((w) => w > 0) ? weights : weights.map(() => 1));
    splitBy.run('unit', rep.id);
    customers.forEach((c, i) =>
      add({
        metric: 'sales',
        level: 'customer',
        unitKey: String(c.id),
        period: month.label,
        kind: 'month',
        from: month.from,
        to: month.to,
        value: shares[i]!,
        parentId: rep.id,
        split: null,
      }),
    );
  }

  // key customers: the biggest buyers of the last year outside those reps, each with a yearly target split by month
  const keyCustomers = db
    .prepare(
      `select o.customer_id as id, sum(o.total_fen) as fen from orders o join customers c on c.id = o.customer_id
       where o.state <> 'draft' and o.date between ? and ? and c.archived = 0
         and coalesce(c.rep_id, 0) not in (${bigReps.map(() => '?').join(',') || '0'})
       group by o.customer_id order by fen desc limit 8`,
    )
    .all(`${thisYear - 1}-01-01`, `${thisYear - 1}-12-31`, ...bigReps.map((r) => Number(r.repId))) as Array<{ id: number; fen: number }>;
  const byCustomer = planned(db, 'sales', 'customer', thisYear, o.today);
  for (const c of keyCustomers) {
    const shape = byCustomer.get(String(c.id)) ?? [];
    const plan = shape.reduce((sum, v) => sum + Math.max(v, 0), 0);
    const value = roundUp(Math.round((plan * growthBp(String(c.id))) / 10_000), 100_000); // to 1,000 元
    yearTree(add, 'sales', 'customer', String(c.id), thisYear, value, shape, null);
  }
  return { targets: count, years, scores: insertDemoScores(db, o) };
}

/** Last month's scores: each rep scored by the team's supervisor (the lead rep), the manager for the leads; one in
 *  eight left unscored. Deterministic from the rep's id, 3–5 mostly, with a comment that matches. */
function insertDemoScores(db: DB, o: TargetOptions): number {
  const month = parsePeriod(o.today.slice(0, 7))!;
  const last = new Date(Date.parse(`${month.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
  const reps = db
    .prepare(
      `select r.id, coalesce(s.name, ?) as scorer from reps r left join reps s on s.id = r.supervisor_id where r.active = 1 order by r.id`,
    )
    .all(DEMO_MANAGER) as Array<{ id: number; scorer: string }>;
  const insert = db.prepare(
    `insert into evaluation_scores (rep_id, period, cooperation, enthusiasm, responsibility, comment, scored_by_name, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const comments = ['工作扎实，客户回访及时', '拜访量足，需加强回款跟进', '新客户开发积极，报表偶有延迟', '配合团队好，本月表现稳定'];
  let n = 0;
  for (const r of reps) {
    if (r.id % 8 === 0) continue;
    const score = (salt: number) => 3 + ((r.id * 7 + salt) % 3);
    insert.run(r.id, last, score(1), score(2), score(5), comments[r.id % comments.length]!, r.scorer, o.nowIso, o.nowIso);
    n++;
  }
  return n;
}

/** The company's year as the sum of the units' targets, split over them exactly and each unit's year over months by its shape. */
function splitYear(
  add: (row: Insert) => number,
  metric: 'sales' | 'collections',
  level: 'rep' | 'region',
  year: number,
  plans: Shape,
  units: string[],
): boolean {
  const weights = units.map((u) => {
    const plan = (plans.get(u) ?? []).reduce((s, v) => s + Math.max(v, 0), 0);
    return Math.round((plan * growthBp(u)) / 10_000);
  });
  const sum = weights.reduce((s, v) => s + v, 0);
  if (sum === 0 || units.length === 0) return false;
  const company = roundUp(sum, ROUND_FEN);
  const y = parsePeriod(String(year))!;
  const companyId = add({
    metric,
    level: 'company',
    unitKey: '',
    period: y.label,
    kind: 'year',
    from: y.from,
    to: y.to,
    value: company,
    parentId: null,
    split: 'unit',
  });
  // a unit with nothing to go on (a new rep) is given the median share, not nothing
  const sorted = weights.filter((v) => v > 0).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 1;
  const shares = largestRemainder(
    company,
    weights.map((v) => (v > 0 ? v : median)),
  );
  const companyShape = Array.from({ length: 12 }, (_, m) => units.reduce((s, u) => s + Math.max((plans.get(u) ?? [])[m] ?? 0, 0), 0));
  units.forEach((u, i) => {
    const own = plans.get(u) ?? [];
    yearTree(add, metric, level, u, year, shares[i]!, own.some((v) => v > 0) ? own : companyShape, companyId);
  });
  return true;
}

/**
 * What each unit did, month by month, in a year — and for the months still to come this year, what it is on course
 * to do: the same month a year earlier scaled by how this year compares so far.
 */
function planned(db: DB, metric: 'sales' | 'collections', by: 'rep' | 'customer' | 'region', year: number, today: string): Shape {
  const actual = monthlyActuals(db, metric, year, by);
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return actual;
  const before = monthlyActuals(db, metric, year - 1, by);
  const month = Number(today.slice(5, 7)); // 1-based
  const day = Number(today.slice(8, 10));
  const daysInMonth = Number(parsePeriod(today.slice(0, 7))!.to.slice(8, 10));
  const sumTo = (v: number[] | undefined, months: number) => (v ?? []).slice(0, months).reduce((s, x) => s + x, 0);
  const out: Shape = new Map();
  for (const key of new Set([...actual.keys(), ...before.keys()])) {
    const now = actual.get(key) ?? Array.from({ length: 12 }, () => 0);
    const prev = before.get(key);
    const ratio = sumTo(prev, month - 1) > 0 ? sumTo(now, month - 1) / sumTo(prev, month - 1) : 1;
    out.set(
      key,
      now.map((v, m) => {
        if (m + 1 < month) return v;
        const expected = Math.round((prev?.[m] ?? 0) * ratio);
        // early in a month its days so far say little: last year's month, scaled, unless this one already did more
        if (m + 1 === month) return Math.max(v, prev ? expected : Math.round((v * daysInMonth) / Math.max(day, 1)));
        return expected;
      }),
    );
  }
  return out;
}

/** One unit's year and its twelve months, shaped like the given monthly figures (equal when there are none). */
function yearTree(
  add: (row: Insert) => number,
  metric: 'sales' | 'collections',
  level: Insert['level'],
  unitKey: string,
  year: number,
  value: number,
  shape: number[],
  parentId: number | null,
): void {
  const y = parsePeriod(String(year))!;
  const id = add({ metric, level, unitKey, period: y.label, kind: 'year', from: y.from, to: y.to, value, parentId, split: 'time' });
  const weights = Array.from({ length: 12 }, (_, m) => Math.max(shape[m] ?? 0, 0));
  const months = largestRemainder(value, weights.some((w) => w > 0) ? weights : weights.map(() => 1));
  childPeriods(y, 'month').forEach((p, m) =>
    add({ metric, level, unitKey, period: p.label, kind: 'month', from: p.from, to: p.to, value: months[m]!, parentId: id, split: null }),
  );
}

/** Each unit's monthly actual in a year: sales (orders incl. reversal rows, less returns) or collections (incl. reversals). */
function monthlyActuals(
  db: DB,
  metric: 'sales' | 'collections',
  year: number,
  by: 'rep' | 'customer' | 'region' = metric === 'sales' ? 'rep' : 'region',
): Shape {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const unit =
    by === 'rep'
      ? 'd.rep_id'
      : by === 'customer'
        ? 'd.customer_id'
        : `(select substr(g.path, 2, instr(substr(g.path, 2), '/') - 1) from customers c join regions g on g.id = c.region_id where c.id = d.customer_id)`;
  const sql =
    metric === 'sales'
      ? `select ${unit} as unit, cast(substr(d.date, 6, 2) as integer) as m, sum(d.total_fen) as fen from orders d
           where d.state <> 'draft' and d.date between ? and ? group by unit, m
         union all
         select ${unit.replaceAll('d.rep_id', 'o.rep_id')} as unit, cast(substr(d.date, 6, 2) as integer) as m, -sum(d.total_fen) as fen
           from returns d join orders o on o.id = d.order_id where d.state = 'posted' and d.date between ? and ? group by unit, m`
      : `select ${unit} as unit, cast(substr(d.date, 6, 2) as integer) as m, sum(d.amount_fen) as fen from collections d
           where d.date between ? and ? group by unit, m`;
  const params = metric === 'sales' ? [from, to, from, to] : [from, to];
  const out: Shape = new Map();
  for (const r of db.prepare(sql).all(...params) as Array<{ unit: number | string | null; m: number; fen: number }>) {
    if (r.unit === null) continue;
    const key = String(r.unit);
    let months = out.get(key);
    if (!months) out.set(key, (months = Array.from({ length: 12 }, () => 0)));
    months[r.m - 1]! += r.fen;
  }
  return out;
}

function roundUp(fen: number, step: number): number {
  return Math.max(step, Math.ceil(fen / step) * step);
}
