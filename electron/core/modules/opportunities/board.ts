// The kanban: a column per open stage plus the won / lost of the last 30 days, each with its full count and amount and
// its first cards (open: soonest expected close first; closed: latest first).
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { BoardCard, Output, ParsedInput } from '../../../../shared/contract';
import { opportunityStages, type OpportunityStage } from '../../../../shared/domain/opportunity';
import { prepared } from '../../db/sql';
import { Where } from '../complaints/handling';
import { scopeWhere } from './opportunities';

/** Cards per column: a rep's board shows all of theirs; a company board the first ones of each stage. */
export const BOARD_CARDS_PER_COLUMN = 200;
const RECENT_CLOSED_DAYS = 30;

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export function opportunityBoard(ctx: Ctx, input: ParsedInput<'opportunities.board'>): Output<'opportunities.board'> {
  const since = daysBefore(todayLocal(ctx), RECENT_CLOSED_DAYS);
  const where = scopeWhere(new Where(), input);
  // the customer join only when a region filter needs it: a rep's board reads opportunities_board_idx alone
  const from = input.regionId !== undefined ? 'from opportunities o join customers c on c.id = o.customer_id' : 'from opportunities o';
  const scope = where.clauses.length ? ` and ${where.clauses.join(' and ')}` : '';
  const live = `(o.closed_on is null or o.closed_on >= ?)`;
  const sums = new Map(
    (
      prepared(
        ctx.db,
        `select o.stage, count(*) as count, sum(o.amount_fen) as amountFen ${from} where ${live}${scope} group by o.stage`,
      ).all(since, ...where.params) as Array<{ stage: OpportunityStage; count: number; amountFen: number }>
    ).map((r) => [r.stage, r]),
  );
  const cardsOf = prepared(
    ctx.db,
    `select o.id, o.title, o.customer_id as customerId, cu.name as customerName, o.rep_id as repId, r.name as repName,
       o.amount_fen as amountFen, o.probability_bp as probabilityBp, o.expected_close_date as expectedCloseDate, o.next_step as nextStep,
       o.next_step_date as nextStepDate, o.stage_since as stageSince, o.closed_on as closedOn, o.lost_reason as lostReason
     from (select o.* ${from} where o.stage = ? and ${live}${scope}
           order by (case when o.closed_on is null then o.expected_close_date end), o.closed_on desc, o.id limit ?) o
     join customers cu on cu.id = o.customer_id join reps r on r.id = o.rep_id
     order by (case when o.closed_on is null then o.expected_close_date end), o.closed_on desc, o.id`,
  );
  return {
    columns: opportunityStages.map((stage) => {
      const s = sums.get(stage);
      const cards = s ? (cardsOf.all(stage, since, ...where.params, BOARD_CARDS_PER_COLUMN) as BoardCard[]) : [];
      return { stage, count: s?.count ?? 0, amountFen: s?.amountFen ?? 0, cards };
    }),
  };
}
