// The two daily forms side by side: their contract methods, editor routes and print routes, so one piece of screen
// (sign dialog, state actions, lists, day board) serves both.
import type { RouteLocationRaw } from 'vue-router';
import type { DailyReportDetail } from '@shared/contract/dailyReports';
import type { VisitPlanDetail } from '@shared/contract/visitPlans';

export type FormKind = 'plan' | 'report';
export type FormDetail = VisitPlanDetail | DailyReportDetail;
export type SignMode = 'sign' | 'return' | 'unsign';

export const formMethods = {
  plan: {
    get: 'visitPlans.get',
    save: 'visitPlans.save',
    submit: 'visitPlans.submit',
    return: 'visitPlans.return',
    sign: 'visitPlans.sign',
    unsign: 'visitPlans.unsign',
    list: 'visitPlans.list',
  },
  report: {
    get: 'dailyReports.get',
    save: 'dailyReports.save',
    submit: 'dailyReports.submit',
    return: 'dailyReports.return',
    sign: 'dailyReports.sign',
    unsign: 'dailyReports.unsign',
    list: 'dailyReports.list',
  },
} as const;

/** The title words of each form (namespace daily). */
export const formTitleKey: Record<FormKind, string> = { plan: 'daily.planTitle', report: 'daily.reportTitle' };

export const editorPath: Record<FormKind, string> = { plan: '/visit-plans/edit', report: '/daily-reports/edit' };

/** The editor of a rep's form for a day. */
export function editorRoute(kind: FormKind, repId: number | null | undefined, date: string): RouteLocationRaw {
  return { path: editorPath[kind], query: { ...(repId ? { repId: String(repId) } : {}), date } };
}

/** The print pipeline's preview routes (renderer/src/print): one form, or every rep's forms of a day. */
export const printRouteName: Record<FormKind, string> = { plan: 'print-visit-plan', report: 'print-daily-report' };
/** every rep's forms of a day in one document: query { date, form: 'plan' | 'report' } */
export const BATCH_PRINT_ROUTE = 'print-batch';
