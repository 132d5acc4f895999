// 每日销售报告表: one report per rep per day — a line per visit (fulfilling a row of that day's plan, or unplanned), the
// rep's month-to-date figures beside it, and the same states as the plan.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import type { DailyReportDetail, Output, ParsedInput } from '../../../../shared/contract';
import { labelForPath } from '../../../../shared/fieldLabels';
import {
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
import { planLinesOf, plannedTimes } from '../visitPlans/visitPlans';
import { repDayDocuments } from '../receivables/balance';
import { formatFen } from '../../../../shared/money';
import { reportContent } from './content';
import { repSalesMonthToDate } from '../targets/tracking';
import { applyVisitMoves, checkVisitLinks, visitLinksOf } from '../opportunities/visitLinks';

export const reportKind: FormKind = {
  entity: 'dailyReport',
  word: '销售报告',
  table: 'daily_reports',
  linesTable: 'daily_report_lines',
  fk: 'report_id',
  content: reportContent,
};

type HeaderRow = Omit<DailyReportDetail, 'lines' | 'returned' | 'totals' | 'monthToDate' | 'planId'> & { returned: number };
interface LineRow {
  id: number;
  seq: number;
  planLineId: number | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  regionId: number | null;
  done: number;
  reason: string;
  outcome: string;
  nextStep: string;
  orderFen: number;
  collectedFen: number;
  complaintId: number | null;
  complaintCode: string | null;
}

/** A line's amounts as the rep's posted documents of the day give them: null where there is no such document. */
interface DocumentAmounts {
  orderFen: number | null;
  collectedFen: number | null;
}

/**
 * Per line, what the rep's posted orders and collections of the report's day say for its customer: the first line of a
 * customer gets the documents' sums, a second line of the same customer 0 (the documents are counted once).
 */
function documentAmountsOf(ctx: Ctx, repId: number, date: string, customerIds: readonly number[]) {
  const docs = repDayDocuments(ctx, repId, date);
  const seen = new Set<number>();
  const perLine: Array<DocumentAmounts | null> = customerIds.map((customerId) => {
    const d = docs.get(customerId);
    if (!d) return null;
    const first = !seen.has(customerId);
    seen.add(customerId);
    return {
      orderFen: d.orderFen === null ? null : first ? d.orderFen : 0,
      collectedFen: d.collectedFen === null ? null : first ? d.collectedFen : 0,
    };
  });
  const unlisted = [...docs].filter(([customerId]) => !seen.has(customerId));
  return { perLine, unlisted };
}

/** The customers the rep posted documents for that day without a line in the report, with their sums. */
function unlistedDocuments(ctx: Ctx, unlisted: Array<[number, DocumentAmounts]>): DailyReportDetail['unlistedDocuments'] {
  if (unlisted.length === 0) return undefined;
  const names = new Map(
    (
      prepared(ctx.db, 'select id, code, name from customers where id in (select value from json_each(?))').all(
        JSON.stringify(unlisted.map(([id]) => id)),
      ) as Array<{ id: number; code: string; name: string }>
    ).map((c) => [c.id, c]),
  );
  return unlisted.map(([customerId, d]) => ({
    customerId,
    customerCode: names.get(customerId)?.code ?? '',
    customerName: names.get(customerId)?.name ?? '',
    orderFen: d.orderFen ?? 0,
    collectedFen: d.collectedFen ?? 0,
  }));
}

/** The rep's month so far: the 1st of the report's month through its date, from that rep's reports in any state; and
 *  the month's sales target against the posted documents, as 目标达成 reckons it. */
export function monthToDate(ctx: Ctx, repId: number, date: string): DailyReportDetail['monthToDate'] {
  const from = `${date.slice(0, 8)}01`;
  const row = prepared(
    ctx.db,
    `select count(distinct d.id) as reportDays, count(l.id) as visits, coalesce(sum(l.done), 0) as visitsDone,
            coalesce(sum(l.order_fen), 0) as orderFen, coalesce(sum(l.collected_fen), 0) as collectedFen
     from daily_reports d left join daily_report_lines l on l.report_id = d.id where d.rep_id = ? and d.date between ? and ?`,
  ).get(repId, from, date) as Omit<DailyReportDetail['monthToDate'], 'from' | 'to'>;
  return { from, to: date, ...row, ...repSalesMonthToDate(ctx, repId, date) };
}

function reportDetail(ctx: Ctx, id: number): DailyReportDetail {
  const h = prepared(
    ctx.db,
    `select d.id, d.rep_id as repId, r.code as repCode, r.name as repName, t.name as teamName, d.date, d.attendance, d.problems,
            d.tomorrow_plan as tomorrowPlan, ${signatureSelect('d')}, d.created_at as createdAt, d.updated_at as updatedAt
     from daily_reports d join reps r on r.id = d.rep_id left join teams t on t.id = r.team_id where d.id = ?`,
  ).get(id) as HeaderRow | undefined;
  if (!h) throw notFound('销售报告', id, 'id');
  const lines = prepared(
    ctx.db,
    `select l.id, l.seq, l.plan_line_id as planLineId, l.customer_id as customerId, c.code as customerCode, c.name as customerName,
            c.region_id as regionId, l.done, l.reason, l.outcome, l.next_step as nextStep, l.order_fen as orderFen,
            l.collected_fen as collectedFen, l.complaint_id as complaintId, k.code as complaintCode
     from daily_report_lines l join customers c on c.id = l.customer_id left join complaints k on k.id = l.complaint_id
     where l.report_id = ? order by l.seq, l.id`,
  ).all(id) as LineRow[];
  const region = shortRegionPaths(
    ctx,
    lines.map((l) => l.regionId),
  );
  const times = plannedTimes(
    ctx,
    lines.flatMap((l) => (l.planLineId === null ? [] : [l.planLineId])),
  );
  const links = visitLinksOf(ctx, id);
  const out: DailyReportDetail['lines'] = lines.map((l) => ({
    id: l.id,
    seq: l.seq,
    planLineId: l.planLineId,
    customerId: l.customerId,
    customerCode: l.customerCode,
    customerName: l.customerName,
    regionPath: region(l.regionId),
    plannedTime: l.planLineId === null ? null : (times.get(l.planLineId) ?? null),
    done: l.done === 1,
    reason: l.reason,
    outcome: l.outcome,
    nextStep: l.nextStep,
    orderFen: l.orderFen,
    collectedFen: l.collectedFen,
    complaintId: l.complaintId,
    complaintCode: l.complaintCode,
    ...links.get(l.id), // present only on a line naming an opportunity
  }));
  // a draft shows what the rep's posted documents of the day say (saving stores it); a submitted or signed report keeps
  // the amounts it was submitted with, and says which of them are the documents' sums
  const docs = documentAmountsOf(
    ctx,
    h.repId,
    h.date,
    out.map((l) => l.customerId),
  );
  out.forEach((l, i) => {
    const d = docs.perLine[i];
    if (!d) return;
    if (h.state === 'draft') {
      if (d.orderFen !== null) l.orderFen = d.orderFen;
      if (d.collectedFen !== null) l.collectedFen = d.collectedFen;
      l.fromDocuments = { order: d.orderFen !== null, collected: d.collectedFen !== null };
    } else {
      const fromDocuments = { order: d.orderFen === l.orderFen, collected: d.collectedFen === l.collectedFen };
      if (fromDocuments.order || fromDocuments.collected) l.fromDocuments = fromDocuments;
    }
  });
  const unlisted = unlistedDocuments(ctx, docs.unlisted);
  return {
    ...h,
    returned: h.returned === 1,
    planId: planLinesOf(ctx, h.repId, h.date)?.planId ?? null,
    lines: out,
    ...(unlisted ? { unlistedDocuments: unlisted } : {}),
    totals: {
      visits: out.length,
      visitsDone: out.filter((l) => l.done).length,
      orderFen: out.reduce((s, l) => s + l.orderFen, 0),
      collectedFen: out.reduce((s, l) => s + l.collectedFen, 0),
    },
    monthToDate: monthToDate(ctx, h.repId, h.date),
  };
}

export function getReport(ctx: Ctx, input: ParsedInput<'dailyReports.get'>): Output<'dailyReports.get'> {
  if (prepared(ctx.db, 'select 1 from reps where id = ?').get(input.repId) === undefined) throw notFound('业务员', input.repId, 'repId');
  const id = prepared(ctx.db, 'select id from daily_reports where rep_id = ? and date = ?').pluck().get(input.repId, input.date) as
    number | undefined;
  return id === undefined ? null : reportDetail(ctx, id);
}

/**
 * The rep's posted orders and collections of the day per customer, read the same way as a report's lines: the editor
 * fills a new report's amounts from them before anything is saved.
 */
export function reportDocuments(ctx: Ctx, input: ParsedInput<'dailyReports.documents'>): Output<'dailyReports.documents'> {
  if (prepared(ctx.db, 'select 1 from reps where id = ?').get(input.repId) === undefined) throw notFound('业务员', input.repId, 'repId');
  const docs = [...repDayDocuments(ctx, input.repId, input.date)];
  const names = new Map(
    (
      prepared(ctx.db, 'select id, code, name from customers where id in (select value from json_each(?))').all(
        JSON.stringify(docs.map(([id]) => id)),
      ) as Array<{ id: number; code: string; name: string }>
    ).map((c) => [c.id, c]),
  );
  return {
    rows: docs.map(([customerId, d]) => ({
      customerId,
      customerCode: names.get(customerId)?.code ?? '',
      customerName: names.get(customerId)?.name ?? '',
      orderFen: d.orderFen ?? 0,
      collectedFen: d.collectedFen ?? 0,
      orderDocNos: d.orderDocNos,
      collectionDocNos: d.collectionDocNos,
    })),
  };
}

type SaveInput = ParsedInput<'dailyReports.save'>;
const where = (i: number, key: string) => labelForPath(['lines', i, key]);

/** Each line: its plan row is one of this rep's rows that day, for the same customer, used once; a visit not done says why. */
function checkLines(ctx: Ctx, input: SaveInput): void {
  const plan = planLinesOf(ctx, input.repId, input.date);
  const usedPlanRows = new Map<number, number>();
  input.lines.forEach((l, i) => {
    if (l.planLineId !== undefined && l.planLineId !== null) {
      const field = `lines.${i}.planLineId`;
      if (!plan) {
        throw new DomainError('VALIDATION', `${where(i, 'planLineId')}：该业务员 ${input.date} 没有拜访计划，请记为计划外拜访`, field);
      }
      const row = plan.lines.get(l.planLineId);
      if (!row) {
        throw new DomainError(
          'VALIDATION',
          `${where(i, 'planLineId')}：不是该业务员 ${input.date} 拜访计划中的行（编号 ${l.planLineId}）`,
          field,
        );
      }
      if (row.customerId !== l.customerId) {
        throw new DomainError('VALIDATION', `${where(i, 'customerId')}：与所对应计划行的客户不一致`, `lines.${i}.customerId`);
      }
      const first = usedPlanRows.get(l.planLineId);
      if (first !== undefined) throw new DomainError('VALIDATION', `${where(i, 'planLineId')}：与第${first + 1}行对应同一个计划行`, field);
      usedPlanRows.set(l.planLineId, i);
    }
    if (!l.done && !l.reason) throw new DomainError('VALIDATION', `${where(i, 'reason')}：未完成的拜访请填写原因`, `lines.${i}.reason`);
  });
  const complaintIds = input.lines.flatMap((l) => (l.complaintId === undefined || l.complaintId === null ? [] : [l.complaintId]));
  if (complaintIds.length > 0) {
    // the complaint a visit handled: the complaints table is only read here, for existence
    const known = new Set(
      prepared(ctx.db, 'select id from complaints where id in (select value from json_each(?))')
        .pluck()
        .all(JSON.stringify(complaintIds)) as number[],
    );
    input.lines.forEach((l, i) => {
      if (l.complaintId !== undefined && l.complaintId !== null && !known.has(l.complaintId)) {
        throw new DomainError(
          'REFERENCE',
          `${where(i, 'complaintId')}：引用的记录不存在（编号 ${l.complaintId}）`,
          `lines.${i}.complaintId`,
        );
      }
    });
  }
}

function lineIdsToRemove(ctx: Ctx, reportId: number | undefined, lines: SaveInput['lines']): number[] {
  const existing = new Set(
    reportId === undefined
      ? []
      : (prepared(ctx.db, 'select id from daily_report_lines where report_id = ?').pluck().all(reportId) as number[]),
  );
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (l.id === undefined) return;
    if (!existing.has(l.id))
      throw new DomainError('REFERENCE', `${where(i, 'id')}：不是这份销售报告中的行（编号 ${l.id}）`, `lines.${i}.id`);
    if (seen.has(l.id)) throw new DomainError('VALIDATION', `${where(i, 'id')}：与前面的行重复（编号 ${l.id}）`, `lines.${i}.id`);
    seen.add(l.id);
  });
  return [...existing].filter((id) => !seen.has(id));
}

function reportSnapshot(ctx: Ctx, reportId: number) {
  const h = prepared(
    ctx.db,
    'select rep_id as repId, date, attendance, problems, tomorrow_plan as tomorrowPlan, state from daily_reports where id = ?',
  ).get(reportId) as Record<string, unknown>;
  const lines = (
    prepared(
      ctx.db,
      `select c.name, l.customer_id as customerId, l.plan_line_id as planLineId, l.done, l.reason, l.outcome, l.next_step as nextStep,
              l.order_fen as orderFen, l.collected_fen as collectedFen, l.complaint_id as complaintId,
              l.opportunity_id as opportunityId, l.opportunity_stage as opportunityStage
       from daily_report_lines l join customers c on c.id = l.customer_id where l.report_id = ? order by l.seq, l.id`,
    ).all(reportId) as Array<{ done: number }>
  ).map((l) => ({ ...l, done: l.done === 1 }));
  return { ...h, lines };
}

/**
 * The amounts a save stores: the documents' sums where the rep posted orders or collections for the customer that day
 * (a typed amount there must be left as shown, or 0), the typed amounts elsewhere.
 */
function amountsToStore(ctx: Ctx, input: SaveInput): Array<{ orderFen: number; collectedFen: number }> {
  const docs = documentAmountsOf(
    ctx,
    input.repId,
    input.date,
    input.lines.map((l) => l.customerId),
  );
  const pick = (i: number, key: 'orderFen' | 'collectedFen', typed: number | undefined, fromDocs: number | null, what: string): number => {
    if (fromDocs === null) return typed ?? 0;
    if (typed !== undefined && typed !== 0 && typed !== fromDocs) {
      throw new DomainError(
        'VALIDATION',
        `${where(i, key)}：该客户当天已有本业务员的${what}，金额取自单据（${formatFen(fromDocs, { sign: true })}），不能手填，现为 ${formatFen(typed, { sign: true })}`,
        `lines.${i}.${key}`,
      );
    }
    return fromDocs;
  };
  return input.lines.map((l, i) => {
    const d = docs.perLine[i];
    return {
      orderFen: pick(i, 'orderFen', l.orderFen, d?.orderFen ?? null, '销售单'),
      collectedFen: pick(i, 'collectedFen', l.collectedFen, d?.collectedFen ?? null, '回款单'),
    };
  });
}

export function saveReport(ctx: Ctx, input: SaveInput): Output<'dailyReports.save'> {
  const id = ctx.db.transaction(() => {
    const rep = checkSave(ctx, reportKind, input.repId, input.date);
    if (input.id === undefined) assertNoOtherForm(ctx, reportKind, rep, input.date);
    else checkEdit(ctx, reportKind, input.id, input.repId, input.date);
    assertCustomersUsable(
      ctx,
      input.lines.map((l) => l.customerId),
    );
    checkLines(ctx, input);
    const amounts = amountsToStore(ctx, input);
    const remove = lineIdsToRemove(ctx, input.id, input.lines);
    checkVisitLinks(ctx, input.id, input.lines, remove);

    const reportId = writeForm(ctx, reportKind, {
      id: input.id,
      repId: input.repId,
      date: input.date,
      header: { attendance: input.attendance, problems: input.problems ?? '', tomorrow_plan: input.tomorrowPlan ?? '' },
      lineColumns: [
        'plan_line_id',
        'customer_id',
        'done',
        'reason',
        'outcome',
        'next_step',
        'order_fen',
        'collected_fen',
        'complaint_id',
        'opportunity_id',
        'opportunity_stage',
      ],
      lines: input.lines.map((l, i) => ({
        id: l.id,
        values: [
          l.planLineId ?? null,
          l.customerId,
          l.done ? 1 : 0,
          l.reason ?? '',
          l.outcome ?? '',
          l.nextStep ?? '',
          amounts[i]!.orderFen,
          amounts[i]!.collectedFen,
          l.complaintId ?? null,
          l.opportunityId ?? null,
          l.opportunityStage ?? null,
        ],
      })),
      remove,
      snapshot: reportSnapshot,
    });
    // a visit line that moves its opportunity: in this transaction, dated the report's day
    applyVisitMoves(ctx, reportId, input.date, input.lines);
    return reportId;
  })();
  return reportDetail(ctx, id);
}

export const {
  submit: submitReport,
  return: returnReport,
  sign: signReport,
  unsign: unsignReport,
  list: listReports,
} = formHandlers(reportKind, (ctx, id) => reportDetail(ctx, id));
