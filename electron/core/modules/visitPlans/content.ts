// A plan's canonical content (what its signature's hash covers): rep, date, notes, and per line in seq order the
// customer, planned time, purposes, contact and notes. Read for one plan at signing, or for every signed plan at once.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { storedContents, type Json, type StoredContent } from '../dailyForms/content';

interface HeaderRow {
  id: number;
  repId: number;
  repName: string;
  date: string;
  notes: string;
  contentHash: string | null;
}
interface LineRow {
  planId: number;
  customerId: number;
  plannedTime: string | null;
  purposes: string;
  contact: string;
  notes: string;
}

const headerSql = `select p.id, p.rep_id as repId, r.name as repName, p.date, p.notes, p.content_hash as contentHash
  from visit_plans p join reps r on r.id = p.rep_id`;
const lineSql = `select l.plan_id as planId, l.customer_id as customerId, l.planned_time as plannedTime, l.purposes, l.contact, l.notes
  from visit_plan_lines l`;

const assemble = (headers: HeaderRow[], lines: LineRow[]): StoredContent[] =>
  storedContents(
    headers,
    lines,
    (l) => l.planId,
    (h, own) => ({
      form: 'visitPlan',
      repId: h.repId,
      date: h.date,
      notes: h.notes,
      lines: own.map((l) => ({
        customerId: l.customerId,
        plannedTime: l.plannedTime,
        purposes: JSON.parse(l.purposes) as string[],
        contact: l.contact,
        notes: l.notes,
      })),
    }),
  );

export function planContent(ctx: Ctx, id: number): Json {
  const headers = prepared(ctx.db, `${headerSql} where p.id = ?`).all(id) as HeaderRow[];
  const lines = prepared(ctx.db, `${lineSql} where l.plan_id = ? order by l.seq, l.id`).all(id) as LineRow[];
  return assemble(headers, lines)[0]?.content ?? null;
}

/** Every signed plan with its stored hash and its content now: two queries however many there are. */
export function signedPlanContents(ctx: Ctx): StoredContent[] {
  const headers = prepared(ctx.db, `${headerSql} where p.state = 'signed' order by p.id`).all() as HeaderRow[];
  const lines = prepared(
    ctx.db,
    `${lineSql} join visit_plans p on p.id = l.plan_id where p.state = 'signed' order by l.plan_id, l.seq, l.id`,
  ).all() as LineRow[];
  return assemble(headers, lines);
}
