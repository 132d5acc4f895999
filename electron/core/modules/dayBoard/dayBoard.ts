// 今日看板: for one date, every active rep with their plan and report (state, returned, visits planned and done) and
// whether the signed-in operator may sign them — one query for all reps, plus one for a supervisor's team.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { FormState } from '../../../../shared/domain/dailyForms';
import { signerScope } from '../dailyForms/access';

interface BoardSqlRow {
  repId: number;
  repCode: string;
  repName: string;
  teamId: number | null;
  teamName: string | null;
  planId: number | null;
  planState: FormState | null;
  planReturned: number;
  planVisits: number;
  reportId: number | null;
  reportState: FormState | null;
  reportReturned: number;
  reportVisits: number;
  reportDone: number;
}

// teams in the order they were set up (一组, 二组 …), reps without a team last; within a team by rep code
const boardSql = (teamFilter: boolean) => `
  select r.id as repId, r.code as repCode, r.name as repName, r.team_id as teamId, t.name as teamName,
         p.id as planId, p.state as planState, coalesce(p.state = 'draft' and p.return_comment <> '', 0) as planReturned,
         (select count(*) from visit_plan_lines pl where pl.plan_id = p.id) as planVisits,
         d.id as reportId, d.state as reportState, coalesce(d.state = 'draft' and d.return_comment <> '', 0) as reportReturned,
         (select count(*) from daily_report_lines dl where dl.report_id = d.id) as reportVisits,
         (select coalesce(sum(dl.done), 0) from daily_report_lines dl where dl.report_id = d.id) as reportDone
  from reps r
  left join teams t on t.id = r.team_id
  left join visit_plans p on p.rep_id = r.id and p.date = ?
  left join daily_reports d on d.rep_id = r.id and d.date = ?
  where r.active = 1${teamFilter ? ' and r.team_id = ?' : ''}
  order by r.team_id is null, r.team_id, r.code, r.id`;

export function getDayBoard(ctx: Ctx, input: ParsedInput<'dayBoard.get'>): Output<'dayBoard.get'> {
  const params: unknown[] = [input.date, input.date];
  if (input.teamId !== undefined) params.push(input.teamId);
  const rows = prepared(ctx.db, boardSql(input.teamId !== undefined)).all(...params) as BoardSqlRow[];
  const maySign = signerScope(ctx);
  return {
    date: input.date,
    rows: rows.map((r) => ({
      repId: r.repId,
      repCode: r.repCode,
      repName: r.repName,
      teamId: r.teamId,
      teamName: r.teamName,
      plan:
        r.planId === null
          ? null
          : { id: r.planId, state: r.planState!, returned: r.planReturned === 1, visits: r.planVisits, visitsDone: r.planVisits },
      report:
        r.reportId === null
          ? null
          : { id: r.reportId, state: r.reportState!, returned: r.reportReturned === 1, visits: r.reportVisits, visitsDone: r.reportDone },
      canSign: maySign(r.repId),
    })),
  };
}
