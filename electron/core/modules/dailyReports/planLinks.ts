// Which report lines say "this visit fulfils that plan row": the plan asks before it drops or changes a row.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';

export interface PlanLineLink {
  planLineId: number;
  reportId: number;
  date: string;
}

/** Report lines linked to any of these plan lines (one query). */
export function reportLinksTo(ctx: Ctx, planLineIds: number[]): PlanLineLink[] {
  if (planLineIds.length === 0) return [];
  return prepared(
    ctx.db,
    `select l.plan_line_id as planLineId, l.report_id as reportId, d.date from daily_report_lines l join daily_reports d on d.id = l.report_id
     where l.plan_line_id in (select value from json_each(?)) order by l.id`,
  ).all(JSON.stringify(planLineIds)) as PlanLineLink[];
}
