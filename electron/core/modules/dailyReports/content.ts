// A report's canonical content (what its signature's hash covers): rep, date, attendance, problems, tomorrow's points,
// and per line in seq order the plan row it fulfils, customer, done, reason, outcome, next step, amounts, complaint.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { storedContents, type Json, type StoredContent } from '../dailyForms/content';

interface HeaderRow {
  id: number;
  repId: number;
  repName: string;
  date: string;
  attendance: string;
  problems: string;
  tomorrowPlan: string;
  contentHash: string | null;
}
interface LineRow {
  reportId: number;
  planLineId: number | null;
  customerId: number;
  done: number;
  reason: string;
  outcome: string;
  nextStep: string;
  orderFen: number;
  collectedFen: number;
  complaintId: number | null;
}

const headerSql = `select d.id, d.rep_id as repId, r.name as repName, d.date, d.attendance, d.problems, d.tomorrow_plan as tomorrowPlan,
  d.content_hash as contentHash from daily_reports d join reps r on r.id = d.rep_id`;
const lineSql = `select l.report_id as reportId, l.plan_line_id as planLineId, l.customer_id as customerId, l.done, l.reason, l.outcome,
  l.next_step as nextStep, l.order_fen as orderFen, l.collected_fen as collectedFen, l.complaint_id as complaintId from daily_report_lines l`;

const assemble = (headers: HeaderRow[], lines: LineRow[]): StoredContent[] =>
  storedContents(
    headers,
    lines,
    (l) => l.reportId,
    (h, own) => ({
      form: 'dailyReport',
      repId: h.repId,
      date: h.date,
      attendance: h.attendance,
      problems: h.problems,
      tomorrowPlan: h.tomorrowPlan,
      lines: own.map((l) => ({
        planLineId: l.planLineId,
        customerId: l.customerId,
        done: l.done === 1,
        reason: l.reason,
        outcome: l.outcome,
        nextStep: l.nextStep,
        orderFen: l.orderFen,
        collectedFen: l.collectedFen,
        complaintId: l.complaintId,
      })),
    }),
  );

export function reportContent(ctx: Ctx, id: number): Json {
  const headers = prepared(ctx.db, `${headerSql} where d.id = ?`).all(id) as HeaderRow[];
  const lines = prepared(ctx.db, `${lineSql} where l.report_id = ? order by l.seq, l.id`).all(id) as LineRow[];
  return assemble(headers, lines)[0]?.content ?? null;
}

/** Every signed report with its stored hash and its content now: two queries however many there are. */
export function signedReportContents(ctx: Ctx): StoredContent[] {
  const headers = prepared(ctx.db, `${headerSql} where d.state = 'signed' order by d.id`).all() as HeaderRow[];
  const lines = prepared(
    ctx.db,
    `${lineSql} join daily_reports d on d.id = l.report_id where d.state = 'signed' order by l.report_id, l.seq, l.id`,
  ).all() as LineRow[];
  return assemble(headers, lines);
}
