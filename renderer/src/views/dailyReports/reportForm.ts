// The daily report as the editor holds it: one line per visit, planned ones started from the day's plan (the customer
// fixed, linked by planLineId), unplanned ones added by the clerk; and as the contract takes it.
import type { Input, Output } from '@shared/contract';
import type { DailyReportDetail } from '@shared/contract/dailyReports';
import type { VisitPlanDetail } from '@shared/contract/visitPlans';
import type { Attendance } from '@shared/domain/dailyForms';
import type { OpportunityStage } from '@shared/domain/opportunity';
import { listRegionPath } from '@/components/list/regionPath';

export interface ReportLineForm {
  key: number;
  id?: number;
  /** the plan line this visit fulfils; null for an unplanned visit */
  planLineId: number | null;
  customerId: number | null;
  customerName: string;
  regionPath: string;
  plannedTime: string | null;
  done: boolean;
  reason: string;
  outcome: string;
  nextStep: string;
  /** 分; null while the typed text is not an amount */
  orderFen: number | null;
  collectedFen: number | null;
  /** the complaint handled on this visit (客诉), and its code for showing it */
  complaintId: number | null;
  complaintCode: string;
  /** the 商机 this visit worked on, and the stage it moved it to (null: only named) */
  opportunityId: number | null;
  opportunityTitle: string;
  opportunityStage: OpportunityStage | null;
  /** a saved line that moved its opportunity: the move is history, the line keeps it */
  opportunityMoved: boolean;
}

export interface ReportForm {
  attendance: Attendance;
  problems: string;
  tomorrowPlan: string;
  lines: ReportLineForm[];
}

let nextKey = 1;

export const blankReportLine = (): ReportLineForm => ({
  key: nextKey++,
  planLineId: null,
  customerId: null,
  customerName: '',
  regionPath: '',
  plannedTime: null,
  done: true,
  reason: '',
  outcome: '',
  nextStep: '',
  orderFen: 0,
  collectedFen: 0,
  complaintId: null,
  complaintCode: '',
  opportunityId: null,
  opportunityTitle: '',
  opportunityStage: null,
  opportunityMoved: false,
});

/** An unplanned row nothing was typed into (planned rows are never blank: they stand for a visit of the plan). */
export const isBlankReportLine = (l: ReportLineForm): boolean =>
  l.planLineId === null &&
  l.customerId === null &&
  !l.reason.trim() &&
  !l.outcome.trim() &&
  !l.nextStep.trim() &&
  l.orderFen === 0 &&
  l.collectedFen === 0 &&
  l.complaintId === null &&
  l.opportunityId === null;

/** Each line of the day's plan becomes a visit to report on, linked to it. */
export function linesFromPlan(plan: VisitPlanDetail): ReportLineForm[] {
  return plan.lines.map((l) => ({
    ...blankReportLine(),
    planLineId: l.id,
    customerId: l.customerId,
    customerName: l.customerName,
    regionPath: l.regionPath,
    plannedTime: l.plannedTime,
  }));
}

export function reportFormFrom(detail: DailyReportDetail | null, plan: VisitPlanDetail | null = null): ReportForm {
  const lines = detail
    ? detail.lines.map((l) => ({
        key: nextKey++,
        id: l.id,
        planLineId: l.planLineId,
        customerId: l.customerId,
        customerName: l.customerName,
        regionPath: l.regionPath,
        plannedTime: l.plannedTime,
        done: l.done,
        reason: l.reason,
        outcome: l.outcome,
        nextStep: l.nextStep,
        orderFen: l.orderFen,
        collectedFen: l.collectedFen,
        complaintId: l.complaintId,
        complaintCode: l.complaintCode ?? '',
        opportunityId: l.opportunityId ?? null,
        opportunityTitle: l.opportunityTitle ?? '',
        opportunityStage: l.opportunityStage ?? null,
        opportunityMoved: !!l.opportunityStage,
      }))
    : plan
      ? linesFromPlan(plan)
      : [];
  return {
    attendance: detail?.attendance ?? 'present',
    problems: detail?.problems ?? '',
    tomorrowPlan: detail?.tomorrowPlan ?? '',
    lines: lines.length ? lines : [blankReportLine()],
  };
}

/** One customer's posted orders and collections of the rep's day (dailyReports.documents). */
export type DayDocuments = Output<'dailyReports.documents'>['rows'][number];

/** A line's amounts as the documents give them: null where there is no such document (the amount is typed). */
export interface LineDocuments {
  orderFen: number | null;
  collectedFen: number | null;
  docs: DayDocuments;
}

/**
 * Per line, what the day's documents say for its customer, as the core stores it: the first line of a customer gets the
 * sums, a later line of the same customer 0.
 */
export function lineDocuments(lines: readonly ReportLineForm[], docs: readonly DayDocuments[]): Array<LineDocuments | null> {
  const byCustomer = new Map(docs.map((d) => [d.customerId, d]));
  const seen = new Set<number>();
  return lines.map((l) => {
    const d = l.customerId === null ? undefined : byCustomer.get(l.customerId);
    if (!d || l.customerId === null) return null;
    const first = !seen.has(l.customerId);
    seen.add(l.customerId);
    return {
      orderFen: d.orderDocNos.length ? (first ? d.orderFen : 0) : null,
      collectedFen: d.collectionDocNos.length ? (first ? d.collectedFen : 0) : null,
      docs: d,
    };
  });
}

/** Puts the documents' amounts into the lines that have documents (only where they differ, so nothing looks typed). */
export function fillFromDocuments(lines: ReportLineForm[], docs: readonly DayDocuments[]): void {
  lineDocuments(lines, docs).forEach((d, i) => {
    const l = lines[i]!;
    if (d?.orderFen != null && l.orderFen !== d.orderFen) l.orderFen = d.orderFen;
    if (d?.collectedFen != null && l.collectedFen !== d.collectedFen) l.collectedFen = d.collectedFen;
  });
}

/** Per line (by identity), which amounts the documents gave it the last time they were applied. */
export type DocumentFilled = WeakMap<ReportLineForm, { orderFen: boolean; collectedFen: boolean }>;

/**
 * Applies the documents to the lines as they change: a line whose customer no longer has a document for an amount (the
 * clerk picked another customer) starts again at 0 instead of keeping the documents' figure as if typed.
 */
export function followDocuments(
  lines: ReportLineForm[],
  perLine: ReadonlyArray<LineDocuments | null>,
  docs: readonly DayDocuments[],
  filled: DocumentFilled,
): void {
  lines.forEach((line, i) => {
    const was = filled.get(line);
    const now = { orderFen: perLine[i]?.orderFen != null, collectedFen: perLine[i]?.collectedFen != null };
    if (was?.orderFen && !now.orderFen) line.orderFen = 0;
    if (was?.collectedFen && !now.collectedFen) line.collectedFen = 0;
    filled.set(line, now);
  });
  fillFromDocuments(lines, docs);
}

/** Customers with documents that day and no line in the report. */
export function unlistedDocuments(lines: readonly ReportLineForm[], docs: readonly DayDocuments[]): DayDocuments[] {
  const listed = new Set(lines.map((l) => l.customerId));
  return docs.filter((d) => !listed.has(d.customerId));
}

/** A customer picked on an unplanned line. */
export function pickReportCustomer(line: ReportLineForm, customer: { name: string; regionPath: string[] } | null): void {
  line.customerName = customer?.name ?? '';
  line.regionPath = customer ? listRegionPath(customer.regionPath) : '';
}

export interface ReportTotals {
  visits: number;
  done: number;
  orderFen: number;
  collectedFen: number;
}

export function reportTotals(lines: readonly ReportLineForm[]): ReportTotals {
  const counted = lines.filter((l) => !isBlankReportLine(l));
  return {
    visits: counted.length,
    done: counted.filter((l) => l.done).length,
    orderFen: counted.reduce((s, l) => s + (l.orderFen ?? 0), 0),
    collectedFen: counted.reduce((s, l) => s + (l.collectedFen ?? 0), 0),
  };
}

export function reportSaveInput(form: ReportForm, repId: number, date: string, id: number | undefined): Input<'dailyReports.save'> {
  return {
    ...(id ? { id } : {}),
    repId,
    date,
    attendance: form.attendance,
    problems: form.problems.trim(),
    tomorrowPlan: form.tomorrowPlan.trim(),
    lines: form.lines
      .filter((l) => !isBlankReportLine(l))
      .map((l) => ({
        ...(l.id ? { id: l.id } : {}),
        ...(l.planLineId ? { planLineId: l.planLineId } : {}),
        customerId: l.customerId!,
        done: l.done,
        ...(l.done ? {} : { reason: l.reason.trim() }),
        outcome: l.outcome.trim(),
        nextStep: l.nextStep.trim(),
        orderFen: l.orderFen ?? 0,
        collectedFen: l.collectedFen ?? 0,
        ...(l.complaintId ? { complaintId: l.complaintId } : {}),
        ...(l.opportunityId ? { opportunityId: l.opportunityId, opportunityStage: l.opportunityStage } : {}),
      })),
  };
}
