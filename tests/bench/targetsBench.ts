// Targets in the bench (issue 9, Performance), on the large demo: targets.tracking for all reps for last month (≤ 100 ms)
// and for all customers of a rep (≤ 50 ms), a full year → month → rep decomposition of a company target (≤ 200 ms), and
// evaluations.list for all reps for a month (≤ 300 ms) — each through the real dispatcher as the bench's manager, beside
// hand-written SQL giving the same answer or making the same rows. Reads use the database in place; the decomposition
// works on a copy, so a database given with --db is never changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import { todayLocal } from '../../electron/core/context';
import { largestRemainder } from '../../shared/decompose';
import { addDays, childPeriods, parsePeriod } from '../../shared/periods';
import { callAs, registered, type MoneyOperation } from './moneyBench';

export const TRACKING_REPS_BUDGET_MS = 100;
export const TRACKING_CUSTOMERS_BUDGET_MS = 50;
export const DECOMPOSE_BUDGET_MS = 200;
export const EVALUATIONS_BUDGET_MS = 300;

export interface TargetsBench {
  operations: MoneyOperation[];
  missing: string[];
  close: () => void;
}

interface TrackingOut {
  rows: Array<{ unitId: number | string | null; target: number; actual: number }>;
}
/** What both sides must agree on: the units with a target, Σ targets and Σ actuals. */
const trackingPrint = (r: unknown) => {
  const rows = (r as TrackingOut).rows;
  const withTarget = rows.filter((x) => x.target > 0);
  return `${withTarget.length}:${withTarget.reduce((s, x) => s + x.target, 0)}:${rows.reduce((s, x) => s + x.actual, 0)}`;
};

export async function targetsOperations(core: Core, dbPath: string, options: { keep?: boolean } = {}): Promise<TargetsBench> {
  const db = core.ctx.db;
  const today = todayLocal(core.ctx);
  const month = parsePeriod(today.slice(0, 7))!;
  const operations: MoneyOperation[] = [];
  const missing: string[] = [];
  const hasTargets = (db.prepare('select count(*) as n from targets').get() as { n: number }).n > 0;
  if (!hasTargets)
    return { operations, missing: ['数据库里没有目标，请用新的演示数据 / no targets: generate a new demo'], close: () => {} };

  // sales by rep and by customer of a rep, this month through today: orders (reversal rows negative) less returns
  const salesBy = (unit: 'o.rep_id' | 'o.customer_id', repFilter: boolean) =>
    db.prepare(
      `select unit, sum(fen) as fen from (
         select ${unit} as unit, o.total_fen as fen from orders o
           where o.state <> 'draft' and o.date between @f and @t ${repFilter ? 'and o.rep_id = @rep' : ''}
         union all
         select ${unit} as unit, -r.total_fen from returns r join orders o on o.id = r.order_id
           where r.state = 'posted' and r.date between @f and @t ${repFilter ? 'and o.rep_id = @rep' : ''})
       where unit is not null group by unit`,
    );
  const repSales = salesBy('o.rep_id', false);
  const repTargets = db.prepare(
    `select unit_key as unit, value from targets where metric = 'sales' and level = 'rep' and from_date = @f and to_date = @t`,
  );
  const baselineRows = (targets: Array<{ unit: string; value: number }>, actuals: Array<{ unit: number; fen: number }>) => {
    const rows = new Map<string, { unitId: string; target: number; actual: number }>();
    for (const t of targets) rows.set(t.unit, { unitId: t.unit, target: t.value, actual: 0 });
    for (const a of actuals) {
      const key = String(a.unit);
      const row = rows.get(key) ?? { unitId: key, target: 0, actual: 0 };
      row.actual = a.fen;
      rows.set(key, row);
    }
    return { rows: [...rows.values()] };
  };

  // last month, whole: every document of a month (this month may be a day old)
  const lastMonth = parsePeriod(addDays(month.from, -1).slice(0, 7))!;
  if (await registered(core, 'targets.tracking', { metric: 'sales', level: 'rep', period: month.label, asOf: today })) {
    operations.push({
      name: 'targets.tracking reps',
      detail: `全部业务员上月（${lastMonth.label}）销售目标达成，截至月末`,
      budgetMs: TRACKING_REPS_BUDGET_MS,
      run: () => callAs(core, 'targets.tracking', { metric: 'sales', level: 'rep', period: lastMonth.label, asOf: lastMonth.to }),
      baseline: () =>
        baselineRows(
          repTargets.all({ f: lastMonth.from, t: lastMonth.to }) as Array<{ unit: string; value: number }>,
          repSales.all({ f: lastMonth.from, t: lastMonth.to }) as Array<{ unit: number; fen: number }>,
        ),
      fingerprint: trackingPrint,
    });

    // the rep whose month is split over the most customers (the demo splits three)
    const rep = db
      .prepare(
        `select p.id, p.unit_key as repId, count(c.id) as n from targets p join targets c on c.parent_id = p.id
         where p.metric = 'sales' and p.level = 'rep' and p.from_date = ? and p.to_date = ? and p.split = 'unit'
         group by p.id order by n desc limit 1`,
      )
      .get(month.from, month.to) as { id: number; repId: string; n: number } | undefined;
    if (rep) {
      const customerSales = salesBy('o.customer_id', true);
      const customerTargets = db.prepare(`select unit_key as unit, value from targets where parent_id = ?`);
      operations.push({
        name: 'targets.tracking customers',
        detail: `一名业务员本月的全部客户（${rep.n} 个有目标），截至今天`,
        budgetMs: TRACKING_CUSTOMERS_BUDGET_MS,
        run: () =>
          callAs(core, 'targets.tracking', { metric: 'sales', level: 'customer', period: month.label, asOf: today, parentId: rep.id }),
        baseline: () =>
          baselineRows(
            customerTargets.all(rep.id) as Array<{ unit: string; value: number }>,
            customerSales.all({ f: month.from, t: today, rep: Number(rep.repId) }) as Array<{ unit: number; fen: number }>,
          ),
        fingerprint: trackingPrint,
      });
    } else missing.push('targets.tracking customers (没有按客户分解的业务员月目标 / no rep month split by customer)');
  } else missing.push('targets.tracking');

  // evaluations.list: every active rep for last month (complete), beside the grouped SQL of its main figures
  if (await registered(core, 'evaluations.list', { period: lastMonth.label })) {
    const evalSql = [
      db.prepare(`select rep_id, sum(total_fen) from orders where state <> 'draft' and date between @f and @t group by rep_id`),
      db.prepare(`select rep_id, sum(amount_fen) from collections where date between @f and @t group by rep_id`),
      db.prepare(`select rep_id, sum(amount_fen) from expenses where date between @f and @t group by rep_id`),
      db.prepare(
        `select d.rep_id, count(*), sum(l.done) from daily_reports d join daily_report_lines l on l.report_id = d.id where d.date between @f and @t group by d.rep_id`,
      ),
      db.prepare(`select rep_id, count(*), sum(state = 'signed') from visit_plans where date between @f and @t group by rep_id`),
      db.prepare(`select rep_id, count(*), sum(state = 'signed') from daily_reports where date between @f and @t group by rep_id`),
    ];
    const activeReps = db.prepare('select id from reps where active = 1');
    operations.push({
      name: 'evaluations.list',
      detail: `全部业务员 ${lastMonth.label} 的考核（销售、回款、毛利、拜访、费用、报表合规、达成）`,
      budgetMs: EVALUATIONS_BUDGET_MS,
      run: () => callAs(core, 'evaluations.list', { period: lastMonth.label }),
      baseline: () => {
        for (const s of evalSql) s.all({ f: lastMonth.from, t: lastMonth.to });
        return { rows: activeReps.all() };
      },
      fingerprint: (r) => String((r as { rows: unknown[] }).rows.length),
    });
  } else missing.push('evaluations.list');

  // ---------- decomposition, on a copy ----------
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-targets-bench-'));
  let copy: Core | null = null;
  const close = () => {
    if (copy?.ctx.db.open) copy.close();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (await registered(core, 'targets.decompose', { parentId: 1, by: 'time', method: 'equal' })) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const copyPath = path.join(dir, 'targets.db');
      fs.copyFileSync(dbPath, copyPath);
      copy = createCore(copyPath);
      const w = copy;
      const wdb = w.ctx.db;
      const reps = (wdb.prepare('select id from reps where active = 1 order by id').all() as Array<{ id: number }>).map((r) => r.id);
      const VALUE = 120_000_000_00; // 1.2 亿元
      // each call a year of its own, far ahead, so no run meets another's rows (the bench calls run(0) more than once)
      const used = [0, 0];
      const yearOf = (side: number) => 2100 + side * 400 + used[side]!++;
      const insert = wdb.prepare(
        `insert into targets (metric, level, unit_key, period, period_kind, from_date, to_date, value, parent_id, split, locked, note, created_at, updated_at)
         values (@metric, @level, @unit, @period, @kind, @from, @to, @value, @parent, @split, 0, '', @now, @now)`,
      );
      const audit = wdb.prepare(
        `insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, 'bench', 'target.decompose', 'target', ?, null, ?)`,
      );
      operations.push({
        name: 'targets.decompose year→month→rep',
        detail: `公司年度目标分解到 12 个月，每月平均分到 ${reps.length} 名业务员（${1 + 12 + 12 * reps.length} 行）`,
        budgetMs: DECOMPOSE_BUDGET_MS,
        run: async () => {
          const y = String(yearOf(0));
          const { id } = await callAs<{ id: number }>(w, 'targets.save', { metric: 'sales', level: 'company', period: y, value: VALUE });
          const months = await callAs<{ rows: Array<{ id: number }> }>(w, 'targets.decompose', {
            parentId: id,
            by: 'time',
            method: 'equal',
            periodKind: 'month',
          });
          let n = 1 + months.rows.length;
          for (const m of months.rows) {
            const out = await callAs<{ rows: unknown[] }>(w, 'targets.decompose', {
              parentId: m.id,
              by: 'unit',
              method: 'equal',
              level: 'rep',
              unitIds: reps,
            });
            n += out.rows.length;
          }
          return n;
        },
        baseline: () => {
          const y = parsePeriod(String(yearOf(1)))!;
          const now = new Date().toISOString();
          return wdb.transaction(() => {
            const top = Number(
              insert.run({
                metric: 'sales',
                level: 'company',
                unit: '',
                period: y.label,
                kind: 'year',
                from: y.from,
                to: y.to,
                value: VALUE,
                parent: null,
                split: 'time',
                now,
              }).lastInsertRowid,
            );
            audit.run(now, top, '{}');
            let n = 1;
            const months = childPeriods(y, 'month');
            largestRemainder(
              VALUE,
              months.map(() => 1),
            ).forEach((value, k) => {
              const p = months[k]!;
              const mid = Number(
                insert.run({
                  metric: 'sales',
                  level: 'company',
                  unit: '',
                  period: p.label,
                  kind: 'month',
                  from: p.from,
                  to: p.to,
                  value,
                  parent: top,
                  split: 'unit',
                  now,
                }).lastInsertRowid,
              );
              audit.run(now, mid, '{}');
              n++;
              largestRemainder(
                value,
                reps.map(() => 1),
              ).forEach((v, r) => {
                insert.run({
                  metric: 'sales',
                  level: 'rep',
                  unit: String(reps[r]),
                  period: p.label,
                  kind: 'month',
                  from: p.from,
                  to: p.to,
                  value: v,
                  parent: mid,
                  split: null,
                  now,
                });
                n++;
              });
            });
            return n;
          })();
        },
        fingerprint: (n) => String(n),
      });
    } else missing.push('targets.decompose');
  } catch (err) {
    close();
    throw err;
  }
  return { operations, missing, close };
}
