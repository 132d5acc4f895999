// What a print route prints: the route's address read into a target, and the target's forms loaded through the API.
import { call } from '@/api';
import type { PrintForm } from '@shared/domain/print';
import type { SheetGeometry } from './paginate';
import type { FormDoc } from './layout';
import { blankVisitPlanDoc, visitPlanDoc, VISIT_PLAN_TITLE } from './forms/visitPlan';
import { blankDailyReportDoc, dailyReportDoc, DAILY_REPORT_TITLE } from './forms/dailyReport';
import { blankWeeklyPlanDoc, weeklyPlanDoc, WEEKLY_PLAN_TITLE } from './forms/weeklyPlan';

export const blankForms = ['visit-plan', 'daily-report', 'weekly-plan'] as const;
export type BlankForm = (typeof blankForms)[number];

export type PrintTarget =
  | { kind: 'visit-plan'; repId: number; date: string }
  | { kind: 'daily-report'; repId: number; date: string }
  /** date: the week's Monday */
  | { kind: 'weekly-plan'; repId: number; date: string }
  | { kind: 'batch'; date: string; form: 'plan' | 'report' }
  | { kind: 'blank'; form: BlankForm }
  | { kind: 'calibration' };

export type PrintKind = PrintTarget['kind'];

type Query = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The route's address as a target, or the Chinese reason it is incomplete. */
export function parseTarget(kind: string, params: Query, query: Query): PrintTarget | { error: string } {
  const date = str(query.date);
  if (kind === 'visit-plan' || kind === 'daily-report' || kind === 'weekly-plan') {
    const repId = Number(str(query.repId));
    if (!Number.isSafeInteger(repId) || repId <= 0) return { error: '缺少业务员（repId）' };
    if (!isDate(date)) return { error: '缺少日期（date=YYYY-MM-DD）' };
    return { kind, repId, date };
  }
  if (kind === 'batch') {
    const form = str(query.form);
    if (form !== 'plan' && form !== 'report') return { error: 'form 应为 plan 或 report' };
    if (!isDate(date)) return { error: '缺少日期（date=YYYY-MM-DD）' };
    return { kind, date, form };
  }
  if (kind === 'blank') {
    const form = str(params.form);
    if (!(blankForms as readonly string[]).includes(form)) return { error: `没有空白表：${form}` };
    return { kind, form: form as BlankForm };
  }
  if (kind === 'calibration') return { kind };
  return { error: `未知的打印内容：${kind}` };
}

/** The form whose printer and paper are remembered for this target. */
export function printFormOf(target: PrintTarget): PrintForm {
  switch (target.kind) {
    case 'visit-plan':
      return 'visitPlan';
    case 'daily-report':
      return 'dailyReport';
    case 'weekly-plan':
      return 'weeklyPlan';
    case 'batch':
      return target.form === 'plan' ? 'visitPlan' : 'dailyReport';
    case 'blank':
      return target.form === 'visit-plan' ? 'visitPlan' : target.form === 'weekly-plan' ? 'weeklyPlan' : 'dailyReport';
    case 'calibration':
      return 'calibration';
  }
}

/** The suggested PDF name: 每日拜访计划表-张三-2026-05-12, 每日销售报告表-全部业务员-2026-05-12 … */
export function fileNameOf(target: PrintTarget, docs: readonly FormDoc[]): string {
  switch (target.kind) {
    case 'visit-plan':
    case 'daily-report':
    case 'weekly-plan':
      return docs[0]?.footer.replaceAll(' · ', '-') ?? target.kind;
    case 'batch':
      return `${target.form === 'plan' ? VISIT_PLAN_TITLE : DAILY_REPORT_TITLE}-全部业务员-${target.date}`;
    case 'blank':
      return `${{ 'visit-plan': VISIT_PLAN_TITLE, 'daily-report': DAILY_REPORT_TITLE, 'weekly-plan': WEEKLY_PLAN_TITLE }[target.form]}-空白`;
    case 'calibration':
      return '打印偏移校准页';
  }
}

/** Signature images by operator id, each asked for once per document. */
function signatureImages(): (operatorId: number | null) => Promise<string | null> {
  const cache = new Map<number, Promise<string | null>>();
  return (id) => {
    if (id === null) return Promise.resolve(null);
    let image = cache.get(id);
    if (!image) {
      image = call('operators.signature', { id })
        .then((s) => (s ? `data:${s.mime};base64,${s.base64}` : null))
        // a missing image never stops a form from printing
        .catch(() => null);
      cache.set(id, image);
    }
    return image;
  };
}

/** A document built for one paper: the data is fetched once, the forms are laid out again when the paper changes. */
export type DocBuilder = (g: SheetGeometry) => FormDoc[];

async function planSource(repId: number, date: string, image: ReturnType<typeof signatureImages>): Promise<DocBuilder | null> {
  const plan = await call('visitPlans.get', { repId, date });
  if (!plan) return null;
  const signature = await image(plan.signedByOperatorId);
  return (g) => [visitPlanDoc(plan, g, signature)];
}

async function reportSource(repId: number, date: string, image: ReturnType<typeof signatureImages>): Promise<DocBuilder | null> {
  const report = await call('dailyReports.get', { repId, date });
  if (!report) return null;
  const signature = await image(report.signedByOperatorId);
  return (g) => [dailyReportDoc(report, g, signature)];
}

/** The forms of a target, in print order (a batch: the day board's order); none when there is nothing to print. */
export async function loadDocs(target: PrintTarget): Promise<DocBuilder> {
  const image = signatureImages();
  const none: DocBuilder = () => [];
  switch (target.kind) {
    case 'visit-plan':
      return (await planSource(target.repId, target.date, image)) ?? none;
    case 'daily-report':
      return (await reportSource(target.repId, target.date, image)) ?? none;
    case 'weekly-plan': {
      const plan = await call('weeklyPlans.get', { repId: target.repId, weekStart: target.date });
      return plan ? () => [weeklyPlanDoc(plan)] : none;
    }
    case 'batch': {
      const board = await call('dayBoard.get', { date: target.date });
      const source = target.form === 'plan' ? planSource : reportSource;
      const reps = board.rows.filter((r) => (target.form === 'plan' ? r.plan : r.report) !== null);
      const builders = (await Promise.all(reps.map((r) => source(r.repId, target.date, image)))).filter((b) => b !== null);
      return (g) => builders.flatMap((b) => b(g));
    }
    case 'blank':
      return (g) => [
        target.form === 'visit-plan' ? blankVisitPlanDoc(g) : target.form === 'weekly-plan' ? blankWeeklyPlanDoc() : blankDailyReportDoc(g),
      ];
    case 'calibration':
      return none;
  }
}
