// A daily report's visit line naming a 商机 and, optionally, the stage the visit moved it to: the move is made in the
// report's save transaction, dated the report's day, and its stage change keeps the line (the history shows the visit).
// A line whose move is recorded keeps its opportunity and stage and is not removed: the history would lose its visit.
import type { Ctx } from '../../context';
import type { OpportunityStage } from '../../../../shared/domain/opportunity';
import { stageLabels } from '../../../../shared/domain/opportunity';
import { labelForPath } from '../../../../shared/fieldLabels';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { moveOpportunity } from './opportunities';

export interface VisitLineLink {
  id?: number;
  customerId: number;
  opportunityId?: number | null;
  opportunityStage?: OpportunityStage | null;
}

interface RecordedMove {
  lineId: number;
  opportunityId: number;
  toStage: OpportunityStage;
  title: string;
}

function recordedMoves(ctx: Ctx, reportId: number | undefined): Map<number, RecordedMove> {
  if (reportId === undefined) return new Map();
  const rows = prepared(
    ctx.db,
    `select sc.daily_report_line_id as lineId, sc.opportunity_id as opportunityId, sc.to_stage as toStage, o.title
     from daily_report_lines l join opportunity_stage_changes sc on sc.daily_report_line_id = l.id join opportunities o on o.id = sc.opportunity_id
     where l.report_id = ?`,
  ).all(reportId) as RecordedMove[];
  return new Map(rows.map((r) => [r.lineId, r]));
}

const at = (i: number, key: string) => labelForPath(['lines', i, key]);

/** Before the report is written: the opportunity exists and is the line's customer's; recorded moves stay as they are. */
export function checkVisitLinks(
  ctx: Ctx,
  reportId: number | undefined,
  lines: readonly VisitLineLink[],
  removedLineIds: readonly number[],
): void {
  const recorded = recordedMoves(ctx, reportId);
  for (const id of removedLineIds) {
    const r = recorded.get(id);
    if (r) {
      throw new DomainError(
        'CONFLICT',
        `明细：被删除的拜访行已将商机「${r.title}」推进到「${stageLabels[r.toStage].zh}」，不能删除（商机历史记录着这次拜访）`,
        'lines',
      );
    }
  }
  lines.forEach((l, i) => {
    const r = l.id === undefined ? undefined : recorded.get(l.id);
    if (r && (l.opportunityId !== r.opportunityId || l.opportunityStage !== r.toStage)) {
      throw new DomainError(
        'CONFLICT',
        `${at(i, 'opportunityStage')}：这次拜访已将商机「${r.title}」推进到「${stageLabels[r.toStage].zh}」，不能再修改商机或阶段`,
        `lines.${i}.opportunityStage`,
      );
    }
    if (l.opportunityStage && (l.opportunityId === undefined || l.opportunityId === null)) {
      throw new DomainError('VALIDATION', `${at(i, 'opportunityId')}：推进阶段时请选择商机`, `lines.${i}.opportunityId`);
    }
    if (l.opportunityId === undefined || l.opportunityId === null || r) return;
    const o = prepared(ctx.db, 'select customer_id as customerId, title from opportunities where id = ?').get(l.opportunityId) as
      { customerId: number; title: string } | undefined;
    if (!o) {
      throw new DomainError(
        'REFERENCE',
        `${at(i, 'opportunityId')}：引用的记录不存在（编号 ${l.opportunityId}）`,
        `lines.${i}.opportunityId`,
      );
    }
    if (o.customerId !== l.customerId) {
      throw new DomainError('VALIDATION', `${at(i, 'opportunityId')}：商机「${o.title}」不是这一行客户的商机`, `lines.${i}.opportunityId`);
    }
  });
}

/** After the report is written: each line with a stage and no recorded move moves its opportunity, dated the report's day. */
export function applyVisitMoves(ctx: Ctx, reportId: number, date: string, lines: readonly VisitLineLink[]): void {
  if (!lines.some((l) => l.opportunityStage)) return;
  const recorded = recordedMoves(ctx, reportId);
  const ids = prepared(ctx.db, 'select id from daily_report_lines where report_id = ? order by seq').pluck().all(reportId) as number[];
  lines.forEach((l, i) => {
    const lineId = ids[i]!;
    if (!l.opportunityStage || !l.opportunityId || recorded.has(lineId)) return;
    moveOpportunity(ctx, {
      id: l.opportunityId,
      stage: l.opportunityStage,
      date,
      lineId,
      from: { field: `lines.${i}.opportunityStage`, label: labelForPath(['lines', i]) },
    });
  });
}

/** The opportunity each line names, for the report's detail. */
export function visitLinksOf(
  ctx: Ctx,
  reportId: number,
): Map<number, { opportunityId: number; opportunityTitle: string; opportunityStage: OpportunityStage | null }> {
  const rows = prepared(
    ctx.db,
    `select l.id, l.opportunity_id as opportunityId, o.title as opportunityTitle, l.opportunity_stage as opportunityStage
     from daily_report_lines l join opportunities o on o.id = l.opportunity_id where l.report_id = ?`,
  ).all(reportId) as Array<{ id: number; opportunityId: number; opportunityTitle: string; opportunityStage: OpportunityStage | null }>;
  return new Map(
    rows.map((r) => [r.id, { opportunityId: r.opportunityId, opportunityTitle: r.opportunityTitle, opportunityStage: r.opportunityStage }]),
  );
}
