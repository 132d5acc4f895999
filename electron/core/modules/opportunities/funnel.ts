// 销售漏斗 pipeline.funnel: the period's cohort (opportunities created in it) through the steps, win rate and cycle of
// those closed in it, and the weighted pipeline of the coming three months beside the sales target's remaining gap.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { OpportunityStage } from '../../../../shared/domain/opportunity';
import type { TargetLevel } from '../../../../shared/domain/targets';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { Where } from '../complaints/handling';
import { tracking } from '../targets/tracking';
import { daysBetween, funnelFigures, oneDecimal, ratioBp, type FunnelOpportunity } from './funnelMath';
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

/** The cohort with its stage changes up to the period's end, oldest first. */
export function cohortOf(ctx: Ctx, input: Input): FunnelOpportunity[] {
  const { where, from } = scoped(input);
  const rows = prepared(
    ctx.db,
    `select o.id, o.amount_fen as amountFen, sc.to_stage as toStage, sc.changed_on as changedOn
     ${from} join opportunity_stage_changes sc on sc.opportunity_id = o.id
     where o.created_on >= ? and o.created_on <= ? and sc.changed_on <= ?${and(where)}
     order by o.id, sc.changed_on, sc.id`,
  )
    .raw()
    .all(input.from, input.to, input.to, ...where.params) as Array<[number, number, OpportunityStage, string]>;
  const out: FunnelOpportunity[] = [];
  let last = -1;
  let current: { amountFen: number; changes: Array<{ toStage: OpportunityStage; changedOn: string }> } | undefined;
  for (const [id, amountFen, toStage, changedOn] of rows) {
    if (id !== last) {
      current = { amountFen, changes: [] };
      out.push(current);
      last = id;
    }
    current!.changes.push({ toStage, changedOn });
  }
  return out;
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
  return row && row.targetId !== null ? Math.max(0, row.gap) : null;
}

export function pipelineFunnel(ctx: Ctx, input: Input): Output<'pipeline.funnel'> {
  if (input.to < input.from) throw new DomainError('VALIDATION', `结束日期：不能早于开始日期（${input.from}），现为 ${input.to}`, 'to');
  const today = todayLocal(ctx);
  const until = input.to < today ? input.to : today;
  const stages = funnelFigures(cohortOf(ctx, input), until < input.from ? input.from : until);

  const { where, from } = scoped(input);
  const closed = prepared(
    ctx.db,
    `select o.stage, o.created_on as createdOn, o.closed_on as closedOn ${from}
     where o.closed_on >= ? and o.closed_on <= ?${and(where)}`,
  ).all(input.from, input.to, ...where.params) as Array<{ stage: OpportunityStage; createdOn: string; closedOn: string }>;
  const won = closed.filter((c) => c.stage === 'won');
  const winRateBp = ratioBp(won.length, closed.length);
  const avgCycleDays = won.length ? oneDecimal(won.reduce((s, w) => s + daysBetween(w.createdOn, w.closedOn), 0) / won.length) : null;

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
