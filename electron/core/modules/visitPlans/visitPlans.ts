// 每日拜访计划表: one plan per rep per day — get, save (create or edit a draft), copy from an earlier plan, the state
// changes (submit, return, sign, unsign) and the list.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import type { Output, ParsedInput, VisitPlanDetail } from '../../../../shared/contract';
import { labelForPath } from '../../../../shared/fieldLabels';
import { visitPurposes, type VisitPurpose } from '../../../../shared/domain/dailyForms';
import {
  addDays,
  assertCustomersUsable,
  assertNoOtherForm,
  checkEdit,
  checkSave,
  shortRegionPaths,
  signatureSelect,
  formHandlers,
  writeForm,
  type FormKind,
} from '../dailyForms/forms';
import { reportLinksTo } from '../dailyReports/planLinks';
import { planContent } from './content';

export const planKind: FormKind = {
  entity: 'visitPlan',
  word: '拜访计划',
  table: 'visit_plans',
  linesTable: 'visit_plan_lines',
  fk: 'plan_id',
  content: planContent,
  readyToSubmit: (ctx, id) => {
    const n = prepared(ctx.db, 'select count(*) from visit_plan_lines where plan_id = ?').pluck().get(id) as number;
    if (n === 0) throw new DomainError('VALIDATION', '拜访计划还没有任何拜访行，不能提交');
  },
};

type HeaderRow = Omit<VisitPlanDetail, 'lines' | 'returned'> & { returned: number };
interface LineRow {
  id: number;
  seq: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  regionId: number | null;
  address: string;
  plannedTime: string | null;
  purposes: string;
  contact: string;
  notes: string;
  archived: number;
  mergedIntoId: number | null;
}

function planDetail(ctx: Ctx, id: number, onlyUsableCustomers = false): VisitPlanDetail {
  const h = prepared(
    ctx.db,
    `select p.id, p.rep_id as repId, r.code as repCode, r.name as repName, t.name as teamName, p.date, p.notes, ${signatureSelect('p')},
            p.created_at as createdAt, p.updated_at as updatedAt
     from visit_plans p join reps r on r.id = p.rep_id left join teams t on t.id = r.team_id where p.id = ?`,
  ).get(id) as HeaderRow | undefined;
  if (!h) throw notFound('拜访计划', id, 'id');
  let lines = prepared(
    ctx.db,
    `select l.id, l.seq, l.customer_id as customerId, c.code as customerCode, c.name as customerName, c.region_id as regionId, c.address,
            l.planned_time as plannedTime, l.purposes, l.contact, l.notes, c.archived, c.merged_into_id as mergedIntoId
     from visit_plan_lines l join customers c on c.id = l.customer_id where l.plan_id = ? order by l.seq, l.id`,
  ).all(id) as LineRow[];
  if (onlyUsableCustomers) lines = lines.filter((l) => l.archived === 0 && l.mergedIntoId === null);
  const region = shortRegionPaths(
    ctx,
    lines.map((l) => l.regionId),
  );
  return {
    ...h,
    returned: h.returned === 1,
    lines: lines.map((l) => ({
      id: l.id,
      seq: l.seq,
      customerId: l.customerId,
      customerCode: l.customerCode,
      customerName: l.customerName,
      regionPath: region(l.regionId),
      address: l.address,
      plannedTime: l.plannedTime,
      purposes: JSON.parse(l.purposes) as VisitPurpose[],
      contact: l.contact,
      notes: l.notes,
    })),
  };
}

function assertRepExists(ctx: Ctx, repId: number): void {
  if (prepared(ctx.db, 'select 1 from reps where id = ?').get(repId) === undefined) throw notFound('业务员', repId, 'repId');
}

function planIdOf(ctx: Ctx, repId: number, date: string): number | undefined {
  return prepared(ctx.db, 'select id from visit_plans where rep_id = ? and date = ?').pluck().get(repId, date) as number | undefined;
}

export function getPlan(ctx: Ctx, input: ParsedInput<'visitPlans.get'>): Output<'visitPlans.get'> {
  assertRepExists(ctx, input.repId);
  const id = planIdOf(ctx, input.repId, input.date);
  return id === undefined ? null : planDetail(ctx, id);
}

/** The lines a new plan can start from: the rep's latest earlier plan, or the same weekday a week before; customers
 * archived or merged since are left out. Null when there is no such plan. */
export function copySource(ctx: Ctx, input: ParsedInput<'visitPlans.copySource'>): Output<'visitPlans.copySource'> {
  assertRepExists(ctx, input.repId);
  const id =
    input.copyFrom === 'lastWeek'
      ? planIdOf(ctx, input.repId, addDays(input.date, -7))
      : (prepared(ctx.db, 'select id from visit_plans where rep_id = ? and date < ? order by date desc limit 1')
          .pluck()
          .get(input.repId, input.date) as number | undefined);
  return id === undefined ? null : planDetail(ctx, id, true);
}

/** The plan of a rep's day with its lines, for the report that fulfils it (null when the rep made no plan). */
export function planLinesOf(
  ctx: Ctx,
  repId: number,
  date: string,
): { planId: number; lines: Map<number, { customerId: number; plannedTime: string | null }> } | null {
  const planId = planIdOf(ctx, repId, date);
  if (planId === undefined) return null;
  const rows = prepared(
    ctx.db,
    'select id, customer_id as customerId, planned_time as plannedTime from visit_plan_lines where plan_id = ?',
  ).all(planId) as Array<{ id: number; customerId: number; plannedTime: string | null }>;
  return { planId, lines: new Map(rows.map((r) => [r.id, { customerId: r.customerId, plannedTime: r.plannedTime }])) };
}

/** plannedTime of these plan lines, for a report's planned-vs-actual columns. */
export function plannedTimes(ctx: Ctx, planLineIds: number[]): Map<number, string | null> {
  if (planLineIds.length === 0) return new Map();
  const rows = prepared(
    ctx.db,
    'select id, planned_time as plannedTime from visit_plan_lines where id in (select value from json_each(?))',
  ).all(JSON.stringify(planLineIds)) as Array<{ id: number; plannedTime: string | null }>;
  return new Map(rows.map((r) => [r.id, r.plannedTime]));
}

type SaveInput = ParsedInput<'visitPlans.save'>;
type LineInput = SaveInput['lines'][number];

const where = (i: number, key: string) => labelForPath(['lines', i, key]);

/** Purposes once each, in the order the form prints them. */
const normalisePurposes = (p: VisitPurpose[]) => visitPurposes.filter((v) => p.includes(v));

function lineSnapshot(ctx: Ctx, planId: number) {
  return (
    prepared(
      ctx.db,
      `select c.name, l.customer_id as customerId, l.planned_time as plannedTime, l.purposes, l.contact, l.notes
       from visit_plan_lines l join customers c on c.id = l.customer_id where l.plan_id = ? order by l.seq, l.id`,
    ).all(planId) as Array<{ purposes: string }>
  ).map((l) => ({ ...l, purposes: JSON.parse(l.purposes) as string[] }));
}

function planSnapshot(ctx: Ctx, planId: number) {
  const h = prepared(ctx.db, 'select rep_id as repId, date, notes, state from visit_plans where id = ?').get(planId) as Record<
    string,
    unknown
  >;
  return { ...h, lines: lineSnapshot(ctx, planId) };
}

/** Line ids belong to this plan; rows that reports point at stay, with their customer. */
function checkLineIds(ctx: Ctx, planId: number | undefined, lines: LineInput[]): { remove: number[] } {
  const existing = new Map(
    planId === undefined
      ? []
      : (
          prepared(
            ctx.db,
            'select l.id, l.customer_id as customerId, c.name from visit_plan_lines l join customers c on c.id = l.customer_id where l.plan_id = ?',
          ).all(planId) as Array<{ id: number; customerId: number; name: string }>
        ).map((r) => [r.id, r]),
  );
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (l.id === undefined) return;
    if (!existing.has(l.id))
      throw new DomainError('REFERENCE', `${where(i, 'id')}：不是这份拜访计划中的行（编号 ${l.id}）`, `lines.${i}.id`);
    if (seen.has(l.id)) throw new DomainError('VALIDATION', `${where(i, 'id')}：与前面的行重复（编号 ${l.id}）`, `lines.${i}.id`);
    seen.add(l.id);
  });
  const remove = [...existing.keys()].filter((id) => !seen.has(id));
  const kept = lines.filter((l) => l.id !== undefined && existing.get(l.id)!.customerId !== l.customerId).map((l) => l.id!);
  const links = reportLinksTo(ctx, [...remove, ...kept]);
  if (links.length > 0) {
    const link = links[0]!;
    const row = existing.get(link.planLineId)!;
    const i = lines.findIndex((l) => l.id === link.planLineId);
    const what = i < 0 ? '删除' : '改换客户';
    throw new DomainError(
      'CONFLICT',
      `${i < 0 ? '明细' : where(i, 'customerId')}：拜访「${row.name}」已被 ${link.date} 的销售报告（编号 ${link.reportId}）对应，不能${what}；请先在销售报告中改为计划外拜访`,
      i < 0 ? 'lines' : `lines.${i}.customerId`,
    );
  }
  return { remove };
}

export function savePlan(ctx: Ctx, input: SaveInput): Output<'visitPlans.save'> {
  const id = ctx.db.transaction(() => {
    const rep = checkSave(ctx, planKind, input.repId, input.date);
    if (input.id === undefined) assertNoOtherForm(ctx, planKind, rep, input.date);
    else checkEdit(ctx, planKind, input.id, input.repId, input.date);
    assertCustomersUsable(
      ctx,
      input.lines.map((l) => l.customerId),
    );
    const firstRow = new Map<number, number>();
    input.lines.forEach((l, i) => {
      const first = firstRow.get(l.customerId);
      if (first !== undefined) {
        throw new DomainError(
          'VALIDATION',
          `${where(i, 'customerId')}：与第${first + 1}行是同一个客户，一天的计划里每个客户只列一次`,
          `lines.${i}.customerId`,
        );
      }
      firstRow.set(l.customerId, i);
    });
    const { remove } = checkLineIds(ctx, input.id, input.lines);

    return writeForm(ctx, planKind, {
      id: input.id,
      repId: input.repId,
      date: input.date,
      header: { notes: input.notes ?? '' },
      lineColumns: ['customer_id', 'planned_time', 'purposes', 'contact', 'notes'],
      lines: input.lines.map((l) => ({
        id: l.id,
        values: [l.customerId, l.plannedTime ?? null, JSON.stringify(normalisePurposes(l.purposes)), l.contact ?? '', l.notes ?? ''],
      })),
      remove,
      snapshot: planSnapshot,
    });
  })();
  return planDetail(ctx, id);
}

export const {
  submit: submitPlan,
  return: returnPlan,
  sign: signPlan,
  unsign: unsignPlan,
  list: listPlans,
} = formHandlers(planKind, (ctx, id) => planDetail(ctx, id));
