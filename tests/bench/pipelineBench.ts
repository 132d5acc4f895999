// The pipeline in the bench (issue 11, Performance), on the large demo (≥ 20,000 opportunities): the kanban of the rep
// with the most open opportunities (≤ 50 ms), pipeline.funnel for the company over a year (≤ 200 ms) and the regrade
// preview of every customer (≤ 1 s) — each through the real dispatcher as the bench's manager, beside hand-written SQL
// giving the same figures. Reads only: the database is used in place.
import type { Core } from '../../electron/core/core';
import { todayLocal } from '../../electron/core/context';
import { addDays } from '../../shared/periods';
import { callAs, registered, type MoneyOperation } from './moneyBench';

export const BOARD_BUDGET_MS = 50;
export const FUNNEL_BUDGET_MS = 200;
export const REGRADE_BUDGET_MS = 1000;

export interface PipelineBench {
  operations: MoneyOperation[];
  missing: string[];
  close: () => void;
}

const stepCase = `(case sc.to_stage when 'identify' then 0 when 'contact' then 1 when 'needs' then 2 when 'demo' then 3
  when 'quote' then 4 when 'negotiate' then 5 when 'won' then 6 else -1 end)`;

interface BoardOut {
  columns: Array<{ stage: string; count: number; amountFen: number; cards: Array<{ id: number }> }>;
}
interface FunnelOut {
  stages: Array<{ entered: number; amountFen: number }>;
  weightedFen: number;
}

export async function pipelineOperations(core: Core): Promise<PipelineBench> {
  const db = core.ctx.db;
  const today = todayLocal(core.ctx);
  const operations: MoneyOperation[] = [];
  const missing: string[] = [];
  const n = (db.prepare('select count(*) as n from opportunities').get() as { n: number }).n;
  if (n === 0)
    return { operations, missing: ['数据库里没有商机，请用新的演示数据 / no opportunities: generate a new demo'], close: () => {} };

  // ---------- kanban of one rep ----------
  const since = addDays(today, -30);
  const rep = db
    .prepare(
      `select rep_id as id, count(*) as n from opportunities where closed_on is null or closed_on >= ? group by rep_id order by n desc limit 1`,
    )
    .get(since) as { id: number; n: number };
  if (await registered(core, 'opportunities.board', { repId: rep.id })) {
    const sums = db.prepare(
      `select stage, count(*) as count, sum(amount_fen) as amountFen from opportunities
       where rep_id = ? and (closed_on is null or closed_on >= ?) group by stage`,
    );
    const cards = db.prepare(
      `select o.id, o.title, c.name, r.name, o.amount_fen, o.probability_bp, o.expected_close_date, o.next_step, o.next_step_date, o.stage_since
       from opportunities o join customers c on c.id = o.customer_id join reps r on r.id = o.rep_id
       where o.rep_id = ? and (o.closed_on is null or o.closed_on >= ?) order by o.stage, o.expected_close_date`,
    );
    operations.push({
      name: 'opportunities.board rep',
      detail: `看板：一名业务员（${rep.n} 个进行中或近 30 天关闭的商机），共 ${n} 个商机`,
      budgetMs: BOARD_BUDGET_MS,
      run: () => callAs(core, 'opportunities.board', { repId: rep.id }),
      baseline: () => {
        cards.all(rep.id, since);
        return sums.all(rep.id, since);
      },
      fingerprint: (r) =>
        Array.isArray(r)
          ? (r as Array<{ stage: string; count: number; amountFen: number }>)
              .map((x) => `${x.stage}:${x.count}:${x.amountFen}`)
              .sort()
              .join(',')
          : (r as BoardOut).columns
              .filter((c) => c.count > 0)
              .map((c) => `${c.stage}:${c.count}:${c.amountFen}`)
              .sort()
              .join(','),
    });
  } else missing.push('opportunities.board');

  // ---------- the company's funnel over the last year ----------
  const from = addDays(today, -364);
  if (await registered(core, 'pipeline.funnel', { from: today, to: today })) {
    const entered = db.prepare(
      `with furthest as (
         select o.id, o.amount_fen as amount, max(${stepCase}) as step from opportunities o
         join opportunity_stage_changes sc on sc.opportunity_id = o.id
         where o.created_on between @f and @t and sc.changed_on <= @t group by o.id),
       steps(i) as (values (0), (1), (2), (3), (4), (5), (6))
       select steps.i, count(f.id) as entered, coalesce(sum(f.amount), 0) as amountFen
       from steps left join furthest f on f.step >= steps.i group by steps.i order by steps.i`,
    );
    const days = db.prepare(
      `select to_stage, avg(d) from (
         select opportunity_id, to_stage, sum(julianday(coalesce(next_on, @t)) - julianday(changed_on)) as d from (
           select sc.opportunity_id, sc.to_stage, sc.changed_on,
             lead(sc.changed_on) over (partition by sc.opportunity_id order by sc.changed_on, sc.id) as next_on
           from opportunities o join opportunity_stage_changes sc on sc.opportunity_id = o.id
           where o.created_on between @f and @t and sc.changed_on <= @t)
         where to_stage not in ('won', 'lost') group by opportunity_id, to_stage)
       group by to_stage`,
    );
    const closed = db.prepare(
      `select stage, count(*), avg(julianday(closed_on) - julianday(created_on)) from opportunities where closed_on between @f and @t group by stage`,
    );
    const weighted = db.prepare(
      `select coalesce(sum((amount_fen * probability_bp + 5000) / 10000), 0) as w from opportunities
       where closed_on is null and expected_close_date < @end`,
    );
    const [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
    const end = new Date(Date.UTC(y, m - 1 + 3, 1)).toISOString().slice(0, 10);
    operations.push({
      name: 'pipeline.funnel company year',
      detail: `销售漏斗：全公司 ${from} 至 ${today}（进入各阶段、转化、平均停留天数、赢单率、周期、加权金额）`,
      budgetMs: FUNNEL_BUDGET_MS,
      run: () => callAs(core, 'pipeline.funnel', { from, to: today }),
      baseline: () => {
        days.all({ f: from, t: today });
        closed.all({ f: from, t: today });
        return {
          stages: entered.all({ f: from, t: today }) as FunnelOut['stages'],
          weightedFen: (weighted.get({ end }) as { w: number }).w,
        };
      },
      fingerprint: (r) => {
        const f = r as FunnelOut;
        return `${f.stages.map((s) => `${s.entered}/${s.amountFen}`).join(',')};${f.weightedFen}`;
      },
    });
  } else missing.push('pipeline.funnel');

  // ---------- regrade preview of every customer (H3's customers.regradePreview) ----------
  if (await registered(core, 'customers.regradePreview', { pageSize: 1 })) {
    const yearAgo = addDays(today, -365);
    const sales = db.prepare(
      `select c.id, c.grade, coalesce(s.fen, 0) as fen from customers c
       left join (select customer_id, sum(sales_fen) as fen from sales_facts where date > ? and date <= ? group by customer_id) s on s.customer_id = c.id
       where c.archived = 0 order by fen desc, c.id`,
    );
    operations.push({
      name: 'customers.regradePreview',
      detail: '客户自动评级预览：全部在用客户近 12 个月净销售额的 ABC 分析（变动的客户列出前 100 个）',
      budgetMs: REGRADE_BUDGET_MS,
      run: () => callAs(core, 'customers.regradePreview', { pageSize: 100 }),
      baseline: () => {
        // ABC by cumulative share at 70 / 90 / 98 %: the hand-written pass over the same sums
        const rows = sales.all(yearAgo, today) as Array<{ id: number; grade: string; fen: number }>;
        const total = rows.reduce((t, r) => t + Math.max(0, r.fen), 0);
        let cum = 0;
        let changed = 0;
        for (const r of rows) {
          cum += Math.max(0, r.fen);
          const share = total === 0 ? 1 : (cum - Math.max(0, r.fen)) / total;
          const g = r.fen <= 0 ? 'D' : share < 0.7 ? 'A' : share < 0.9 ? 'B' : share < 0.98 ? 'C' : 'D';
          if (g !== r.grade) changed++;
        }
        return { counts: { customers: rows.length, changed } };
      },
      fingerprint: (r) => String((r as { counts: { customers: number } }).counts.customers),
    });
  } else missing.push('customers.regradePreview');

  return { operations, missing, close: () => {} };
}
