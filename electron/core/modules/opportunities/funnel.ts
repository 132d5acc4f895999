// 销售漏斗 pipeline.funnel: the period's cohort (opportunities created in it) through the steps, win rate and cycle of
// those closed in it, and the weighted pipeline of the coming three months beside the sales target's remaining gap.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { funnelStages, type OpportunityStage } from '../../../../shared/domain/opportunity';
import type { TargetLevel } from '../../../../shared/domain/targets';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { Where } from '../complaints/handling';
import { tracking } from '../targets/tracking';
import { dayNumber, figuresFromSums, oneDecimal, ratioBp, type FunnelStageFigures } from './funnelMath';
import { scopeWhere } from './opportunities';

type Input = ParsedInput<'pipeline.funnel'>;

const FORECAST_MONTHS = 3;

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

function scoped(input: Input): { where: Where; from: string } {
  const where = scopeWhere(new Where(), input);
  return {
    where,
    from: input.regionId !== undefined ? 'from opportunities o join customers c on c.id = o.customer_id' : 'from opportunities o',
  };
}
const and = (w: Where) => (w.clauses.length ? ` and ${w.clauses.join(' and ')}` : '');

const stepSql = `(case sc.to_stage ${funnelStages.map((st, i) => `when '${st}' then ${i}`).join(' ')} else -1 end)`;
// julianday of a date is x.5: less 1970-01-01's, a whole day number (funnelMath's dayNumber)
const daySql = 'cast(julianday(sc.changed_on) - 2440587.5 as integer)';

/**
 * The cohort's figures aggregated in SQL — the rules of funnelMath.funnelFiguresOf, which the tests hold both to: the
 * furthest step each opportunity reached (entered = reached it or beyond), and per step the days each one stayed
 * (a stay ends at the next change, an open one at `untilDay`; a revisit adds up). A few rows cross into JS, not 80,000.
 * The opportunities are read in rowid order (the + keeps created_on's index out), so the changes reach the window
 * function already in its partition order and no sort of every change is made; two streaming reads, nothing materialised
 * (a year on the large demo ~300 → 80 ms CPU under load).
 */
export function cohortFigures(ctx: Ctx, input: Input, untilDay: number): FunnelStageFigures[] {
  const { where, from } = scoped(input);
  const joined = `${from} join opportunity_stage_changes sc on sc.opportunity_id = o.id
    where +o.created_on >= ? and +o.created_on <= ? and sc.changed_on <= ?${and(where)}`;
  const params = [input.from, input.to, input.to, ...where.params];
  const furthest = prepared(
    ctx.db,
    `select 0, furthest, count(*), sum(amount) from (
       select max(${stepSql}) as furthest, o.amount_fen as amount ${joined} group by o.id)
     group by furthest`,
  )
    .raw()
    .all(...params) as Array<[0, number, number, number]>;
  // a revisit's days add up: the step's opportunities counted once, their days summed over every stay
  const stays = prepared(
    ctx.db,
    `select 1, step, count(distinct id), sum(d) from (
       select o.id, ${stepSql} as step,
         max(0, coalesce(lead(${daySql}) over (partition by o.id order by sc.changed_on, sc.id), ?) - ${daySql}) as d
       ${joined})
     where step >= 0 and step < ${funnelStages.length - 1} group by step`,
  )
    .raw()
    .all(untilDay, ...params) as Array<[1, number, number, number]>;
  return figuresFromSums([...furthest, ...stays]);
}

/** The sales target's remaining gap of one month for the funnel's scope (rep, else team, else region, else company). */
function targetGap(ctx: Ctx, input: Input, month: string, asOf: string): number | null {
  const [level, unitId]: [TargetLevel, number | null] =
    input.repId !== undefined
      ? ['rep', input.repId]
      : input.teamId !== undefined
        ? ['team', input.teamId]
        : input.regionId !== undefined
          ? ['region', input.regionId]
          : ['company', null];
  const t = tracking(ctx, { metric: 'sales', level, period: month, asOf });
  const row = t.rows.find((r) => (r.unitId ?? null) === unitId);
  // a month without a target row of its own still has one resolved from the year's or the units' (targetId null then)
  return row && row.status !== 'noTarget' && row.target > 0 ? Math.max(0, row.gap) : null;
}

export function pipelineFunnel(ctx: Ctx, input: Input): Output<'pipeline.funnel'> {
  if (input.to < input.from) throw new DomainError('VALIDATION', `结束日期：不能早于开始日期（${input.from}），现为 ${input.to}`, 'to');
  const today = todayLocal(ctx);
  const until = input.to < today ? input.to : today;
  const stages = cohortFigures(ctx, input, dayNumber(until < input.from ? input.from : until));

  const { where, from } = scoped(input);
  // won / lost closed in the period, with the won ones' days from entry to close, summed in SQL
  const closed = new Map(
    (
      prepared(
        ctx.db,
        `select o.stage, count(*), sum(julianday(o.closed_on) - julianday(o.created_on)) ${from}
         where o.closed_on >= ? and o.closed_on <= ?${and(where)} group by o.stage`,
      )
        .raw()
        .all(input.from, input.to, ...where.params) as Array<[OpportunityStage, number, number]>
    ).map(([stage, n, days]) => [stage, { n, days }]),
  );
  const won = closed.get('won') ?? { n: 0, days: 0 };
  const winRateBp = ratioBp(won.n, won.n + (closed.get('lost')?.n ?? 0));
  const avgCycleDays = won.n ? oneDecimal(Math.round(won.days) / won.n) : null;

  // open ones expected this month or the next two; those already overdue are still expected, so they count this month
  const first = today.slice(0, 7);
  const end = addMonths(first, FORECAST_MONTHS);
  const byMonthRows = new Map(
    (
      prepared(
        ctx.db,
        `select max(substr(o.expected_close_date, 1, 7), ?) as month, sum((o.amount_fen * o.probability_bp + 5000) / 10000) as weightedFen
         ${from} where o.closed_on is null and o.expected_close_date < ?${and(where)} group by 1`,
      ).all(first, `${end}-01`, ...where.params) as Array<{ month: string; weightedFen: number }>
    ).map((r) => [r.month, r.weightedFen]),
  );
  const byMonth = Array.from({ length: FORECAST_MONTHS }, (_, i) => {
    const month = addMonths(first, i);
    return { month, weightedFen: byMonthRows.get(month) ?? 0, targetGapFen: targetGap(ctx, input, month, today) };
  });
  return { stages, winRateBp, avgCycleDays, weightedFen: byMonth.reduce((s, m) => s + m.weightedFen, 0), byMonth };
}
