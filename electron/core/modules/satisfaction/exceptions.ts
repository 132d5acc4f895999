// 满意度低 Low satisfaction on the exception list (analytics/exceptions.ts lists these rows with the other kinds).
import type { Ctx } from '../../context';
import type { ExceptionItem } from '../../../../shared/contract/analytics';
import { LOW_SATISFACTION_DAYS, LOW_SATISFACTION_SCORE } from '../../../../shared/domain/satisfaction';
import { addDays, daysBetween } from '../../../../shared/periods';
import { prepared } from '../../db/sql';

/**
 * 满意度低 for the exception list: customers with a score ≤ LOW_SATISFACTION_SCORE in the LOW_SATISFACTION_DAYS days up
 * to the date — the customer's latest low score, the lowest and most recent first.
 */
export function lowSatisfactionExceptions(ctx: Ctx, date: string): ExceptionItem[] {
  const rows = prepared(
    ctx.db,
    `select s.customer_id as customerId, c.name, s.score, s.comment, s.scored_on as scoredOn, s.rep_id as repId, r.name as repName
     from satisfaction_scores s join customers c on c.id = s.customer_id left join reps r on r.id = s.rep_id
     where s.scored_on > @since and s.scored_on <= @date and s.score <= @low and c.archived = 0
     order by s.scored_on desc, s.id desc`,
  ).all({ since: addDays(date, -LOW_SATISFACTION_DAYS), date, low: LOW_SATISFACTION_SCORE }) as Array<{
    customerId: number;
    name: string;
    score: number;
    comment: string;
    scoredOn: string;
    repId: number | null;
    repName: string | null;
  }>;
  const scoreOf = new Map<number, number>();
  const out: ExceptionItem[] = [];
  for (const r of rows) {
    if (scoreOf.has(r.customerId)) continue;
    scoreOf.set(r.customerId, r.score);
    const comment = r.comment.length > 60 ? `${r.comment.slice(0, 60)}…` : r.comment;
    out.push({
      kind: 'lowSatisfaction',
      target: 'customer',
      targetId: r.customerId,
      name: r.name,
      repId: r.repId,
      repName: r.repName,
      amountFen: null,
      days: daysBetween(r.scoredOn, date),
      date: r.scoredOn,
      // the score as n/5 reads the same in both languages; the comment is the customer's own words
      detail: comment ? `${r.score}/5 ${comment}` : `${r.score}/5`,
    });
  }
  return out.sort((a, b) => scoreOf.get(a.targetId)! - scoreOf.get(b.targetId)! || b.date!.localeCompare(a.date!));
}
