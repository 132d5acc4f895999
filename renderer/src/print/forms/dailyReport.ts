// 每日销售报告表: one row per visit (planned or not), then 合计, 本月累计, problems and tomorrow's key points, signatures.
import type { DailyReportDetail } from '@shared/contract/dailyReports';
import { attendanceLabels } from '@shared/domain/dailyForms';
import { printFormLabels } from '@shared/domain/print';
import { trackingStatusLabels } from '@shared/domain/targets';
import { bpText } from '@/views/targets/trackingView';
import { formatFen } from '@shared/money';
import { blockSpan, columnWidths, contentWidthMm, type Column, type SheetGeometry } from '../paginate';
import type { FormDoc, TailBlock } from '../layout';
import { blankMeta, continued, footerOf, formMeta, signatureOf } from './common';

export const DAILY_REPORT_TITLE = printFormLabels.dailyReport.zh;

export const dailyReportColumns: Column[] = [
  { key: 'seq', title: '序号', mm: 9, align: 'center' },
  { key: 'customer', title: '客户名称', weight: 2.4 },
  { key: 'planned', title: '计划', mm: 13, align: 'center' },
  { key: 'done', title: '完成', mm: 10, align: 'center' },
  { key: 'outcome', title: '洽谈结果 / 未完成原因', weight: 3.4 },
  { key: 'next', title: '下一步', weight: 2 },
  { key: 'order', title: '订货(元)', mm: 21, align: 'right' },
  { key: 'collected', title: '收款(元)', mm: 21, align: 'right' },
  { key: 'complaint', title: '客诉', mm: 15, align: 'center' },
];

const money = (fen: number) => (fen ? formatFen(fen) : '');

type ReportLine = DailyReportDetail['lines'][number];

function outcomeText(l: ReportLine): string {
  if (l.done) return l.outcome;
  const reason = `未完成：${l.reason || '—'}`;
  return l.outcome ? `${reason}\n${l.outcome}` : reason;
}

function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

/** The month-to-date line: days reported, visits, visits done, orders and collections, in that order. */
function monthLine(period: string, [days, visits, done, order, collected]: string[]): string {
  const gap = '\u3000';
  return [`本月累计${period}：报告 ${days} 天`, `拜访 ${visits} 家，完成 ${done} 家`, `订货 ${order} 元`, `收款 ${collected} 元`].join(gap);
}

/** The month's sales target line (目标达成 as of the report's date); the blank form leaves its figures to the pen. */
function targetLine(mtd: DailyReportDetail['monthToDate'] | null): string {
  const gap = '\u3000';
  const blanks = '________';
  if (!mtd) return [`本月销售目标 ${blanks} 元`, `已完成 ${blanks} 元`, `达成率 ${blanks}`, `时间进度 ${blanks}`].join(gap);
  const done = `已完成 ${formatFen(mtd.salesActualFen ?? 0)} 元`;
  if (mtd.salesTargetFen == null) return [`本月销售目标 未设`, done].join(gap);
  return [
    `本月销售目标 ${formatFen(mtd.salesTargetFen)} 元`,
    done,
    `达成率 ${bpText(mtd.achievementBp ?? null)}`,
    `时间进度 ${bpText(mtd.timeProgressBp ?? null)}`,
    mtd.targetStatus ? trackingStatusLabels[mtd.targetStatus].zh : '',
  ].join(gap);
}

function texts(g: SheetGeometry, problems: string, tomorrow: string): Extract<TailBlock, { kind: 'texts' }> {
  const half = contentWidthMm(g) / 2;
  return {
    kind: 'texts',
    rows: blockSpan([problems, tomorrow], half, g, 1, 3),
    items: [
      { caption: '存在问题及需求', text: problems },
      { caption: '明日工作重点', text: tomorrow },
    ],
  };
}

export function dailyReportDoc(report: DailyReportDetail, g: SheetGeometry, signatureImage: string | null = null): FormDoc {
  const { totals, monthToDate: mtd } = report;
  const widths = columnWidths(dailyReportColumns, contentWidthMm(g));
  return {
    key: `daily-report-${report.id}`,
    title: DAILY_REPORT_TITLE,
    meta: formMeta(report, [{ label: '出勤情况', value: attendanceLabels[report.attendance].zh }]),
    columns: dailyReportColumns,
    records: report.lines.flatMap((l, i) =>
      continued(
        [
          String(i + 1),
          l.customerName,
          l.planLineId === null ? '计划外' : (l.plannedTime ?? '计划'),
          l.done ? '是' : '否',
          outcomeText(l),
          l.nextStep,
          money(l.orderFen),
          money(l.collectedFen),
          l.complaintCode ?? '',
        ],
        widths,
        g,
      ),
    ),
    tail: [
      {
        kind: 'totals',
        cells: [
          '',
          `合计（拜访 ${totals.visits} 家）`,
          '',
          `${totals.visitsDone}`,
          '',
          '',
          formatFen(totals.orderFen),
          formatFen(totals.collectedFen),
          '',
        ],
      },
      {
        kind: 'line',
        text: monthLine(`（${shortDate(mtd.from)}—${shortDate(mtd.to)}）`, [
          String(mtd.reportDays),
          String(mtd.visits),
          String(mtd.visitsDone),
          formatFen(mtd.orderFen),
          formatFen(mtd.collectedFen),
        ]),
      },
      ...(mtd.salesActualFen === undefined ? [] : [{ kind: 'line' as const, text: targetLine(mtd) }]),
      texts(g, report.problems, report.tomorrowPlan),
    ],
    signature: signatureOf(report, signatureImage),
    footer: footerOf(report, DAILY_REPORT_TITLE),
  };
}

export function blankDailyReportDoc(g: SheetGeometry): FormDoc {
  const blanks = '________';
  return {
    key: 'daily-report-blank',
    title: DAILY_REPORT_TITLE,
    meta: blankMeta([{ label: '出勤情况', value: '□出勤 □外出 □请假 □休息' }]),
    columns: dailyReportColumns,
    records: [],
    tail: [
      { kind: 'totals', cells: ['', '合计', '', '', '', '', '', '', ''] },
      { kind: 'line', text: monthLine('', Array<string>(5).fill(blanks)) },
      { kind: 'line', text: targetLine(null) },
      { ...texts(g, '', ''), rows: 2 },
    ],
    signature: null,
    footer: DAILY_REPORT_TITLE,
  };
}
