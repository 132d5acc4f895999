// What a print route prints: the route's address read into a target, and the target's forms loaded through the API.
import { call } from '@/api';
import type { MarketFeedbackRow } from '@shared/contract/marketFeedback';
import type { PrintForm } from '@shared/domain/print';
import type { SheetGeometry } from './paginate';
import type { FormDoc } from './layout';
import { blankVisitPlanDoc, visitPlanDoc, VISIT_PLAN_TITLE } from './forms/visitPlan';
import { blankDailyReportDoc, dailyReportDoc, DAILY_REPORT_TITLE } from './forms/dailyReport';
import { blankWeeklyPlanDoc, weeklyPlanDoc, WEEKLY_PLAN_TITLE } from './forms/weeklyPlan';
import { blankMarketFeedbackDoc, marketFeedbackDoc, MARKET_FEEDBACK_TITLE } from './forms/marketFeedback';
import { statementDoc } from './forms/statement';
import { scorecardDoc, SCORECARD_TITLE } from './forms/scorecard';
import { parsePeriod } from '@shared/periods';

/** The blank forms, to fill in by hand: /print/blank/<name>. */
const blanks = {
  'visit-plan': { form: 'visitPlan', title: VISIT_PLAN_TITLE, doc: blankVisitPlanDoc },
  'daily-report': { form: 'dailyReport', title: DAILY_REPORT_TITLE, doc: blankDailyReportDoc },
  'weekly-plan': { form: 'weeklyPlan', title: WEEKLY_PLAN_TITLE, doc: () => blankWeeklyPlanDoc() },
  'market-feedback': { form: 'marketFeedback', title: MARKET_FEEDBACK_TITLE, doc: () => blankMarketFeedbackDoc() },
} as const satisfies Record<string, { form: PrintForm; title: string; doc: (g: SheetGeometry) => FormDoc }>;

export type BlankForm = keyof typeof blanks;
export const blankForms = Object.keys(blanks) as BlankForm[];

export type PrintTarget =
  | { kind: 'visit-plan'; repId: number; date: string }
  | { kind: 'daily-report'; repId: number; date: string }
  /** date: the week's Monday */
  | { kind: 'weekly-plan'; repId: number; date: string }
  | { kind: 'batch'; date: string; form: 'plan' | 'report' }
  /** one report (id), or every report from – to, of one rep or of each rep on their own form */
  | { kind: 'market-feedback'; id?: number; from?: string; to?: string; repId?: number }
  | { kind: 'blank'; form: BlankForm }
  /** 客户对账单 of one customer for from – to */
  | { kind: 'statement'; customerId: number; from: string; to: string }
  /** 业绩考核表 of a month or quarter: one rep, the active reps of a team, or every active rep */
  | { kind: 'scorecard'; period: string; repId?: number; teamId?: number }
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
  if (kind === 'market-feedback') {
    const id = Number(str(query.id));
    if (str(query.id)) return Number.isSafeInteger(id) && id > 0 ? { kind, id } : { error: 'id 应为正整数' };
    const from = str(query.from) || date;
    const to = str(query.to) || date;
    if (!isDate(from) || !isDate(to)) return { error: '缺少期间（from、to=YYYY-MM-DD，或 date）' };
    const repId = Number(str(query.repId));
    return str(query.repId) && Number.isSafeInteger(repId) && repId > 0 ? { kind, from, to, repId } : { kind, from, to };
  }
  if (kind === 'blank') {
    const form = str(params.form);
    if (!(blankForms as readonly string[]).includes(form)) return { error: `没有空白表：${form}` };
    return { kind, form: form as BlankForm };
  }
  if (kind === 'statement') {
    const customerId = Number(str(query.customerId));
    if (!Number.isSafeInteger(customerId) || customerId <= 0) return { error: '缺少客户（customerId）' };
    const from = str(query.from);
    const to = str(query.to);
    if (!isDate(from) || !isDate(to)) return { error: '缺少期间（from、to=YYYY-MM-DD）' };
    return { kind, customerId, from, to };
  }
  if (kind === 'scorecard') {
    const period = str(query.period);
    const p = parsePeriod(period);
    if (!p || (p.kind !== 'month' && p.kind !== 'quarter')) return { error: '缺少考核期间（period=YYYY-MM 或 YYYY-Qn）' };
    const repId = Number(str(query.repId));
    const teamId = Number(str(query.teamId));
    if (str(query.repId)) return Number.isSafeInteger(repId) && repId > 0 ? { kind, period, repId } : { error: 'repId 应为正整数' };
    if (str(query.teamId)) return Number.isSafeInteger(teamId) && teamId > 0 ? { kind, period, teamId } : { error: 'teamId 应为正整数' };
    return { kind, period };
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
    case 'market-feedback':
      return 'marketFeedback';
    case 'blank':
      return blanks[target.form].form;
    case 'statement':
      return 'statement';
    case 'scorecard':
      return 'scorecard';
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
    case 'market-feedback':
      if (target.id || target.repId) return docs[0]?.footer.replaceAll(' · ', '-') ?? MARKET_FEEDBACK_TITLE;
      return `${MARKET_FEEDBACK_TITLE}-全部业务员-${target.from === target.to ? target.from : `${target.from}至${target.to}`}`;
    case 'blank':
      return `${blanks[target.form].title}-空白`;
    case 'statement':
      return docs[0]?.footer.replaceAll(' · ', '-') ?? `客户对账单-${target.from}至${target.to}`;
    case 'scorecard':
      if (target.repId) return docs[0]?.footer.replaceAll(' · ', '-') ?? `${SCORECARD_TITLE}-${target.period}`;
      return `${SCORECARD_TITLE}-${target.teamId ? (docs[0]?.meta.find((m) => m.label === '班组')?.value ?? '团队') : '全部业务员'}-${target.period}`;
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

/** Every report of a period (of one rep), in date order: the list asked page by page, up to 10,000 reports. */
async function feedbackRows(from: string, to: string, repId?: number): Promise<MarketFeedbackRow[]> {
  const rows: MarketFeedbackRow[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await call('marketFeedback.list', { page, pageSize: 500, from, to, repId, sort: { field: 'date', order: 'asc' } });
    rows.push(...res.rows);
    if (res.rows.length < 500 || rows.length >= res.total) break;
  }
  return rows;
}

/** A form per rep (reports without a rep on their own), reps in name order. */
function byRep(rows: readonly MarketFeedbackRow[]): MarketFeedbackRow[][] {
  const groups = new Map<number | null, MarketFeedbackRow[]>();
  for (const r of rows) groups.set(r.repId, [...(groups.get(r.repId) ?? []), r]);
  return [...groups.values()].sort((a, b) => (a[0]!.repName ?? '\uffff').localeCompare(b[0]!.repName ?? '\uffff', 'zh-CN'));
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
    case 'market-feedback': {
      if (target.id) {
        const row = await call('marketFeedback.get', { id: target.id });
        return (g) => [marketFeedbackDoc([row], {}, g, `market-feedback-item-${row.id}`)];
      }
      const scope = { from: target.from, to: target.to };
      const groups = byRep(await feedbackRows(target.from!, target.to!, target.repId));
      return (g) => groups.map((rows) => marketFeedbackDoc(rows, scope, g, `market-feedback-${rows[0]!.repId ?? 0}`));
    }
    case 'blank': {
      const blank = blanks[target.form];
      return (g) => [blank.doc(g)];
    }
    case 'statement': {
      const [statement, settings] = await Promise.all([
        call('statements.get', { customerId: target.customerId, from: target.from, to: target.to }),
        call('settings.get', {}),
      ]);
      return () => [
        statementDoc(statement, { name: settings.companyName, phone: settings.companyPhone, address: settings.companyAddress }),
      ];
    }
    case 'scorecard': {
      // one rep (active or not) by itself; a team or everyone from the list, in its order (by team, then rank)
      const rows = target.repId
        ? [await call('evaluations.get', { repId: target.repId, period: target.period })]
        : (await call('evaluations.list', { period: target.period, teamId: target.teamId })).rows;
      return () => rows.map((row) => scorecardDoc(row));
    }
    case 'calibration':
      return none;
  }
}
