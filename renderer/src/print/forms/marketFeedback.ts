// 市场状况反映表: a rep's market feedback for a period (or one report), one row per report — date, type, urgency, whom
// it concerns, what was seen or heard (with the 窜货 order it names), how it was handled; long contents continue on the
// next rows. Signed by hand.
import type { MarketFeedbackRow } from '@shared/contract/marketFeedback';
import { feedbackTypeLabels, handleStatusLabels, urgencyLabels } from '@shared/domain/feedback';
import { printFormLabels } from '@shared/domain/print';
import { columnWidths, contentWidthMm, type Column, type SheetGeometry } from '../paginate';
import type { FormDoc, MetaField } from '../layout';
import { blankMeta, continued } from './common';

export const MARKET_FEEDBACK_TITLE = printFormLabels.marketFeedback.zh;

export const marketFeedbackColumns: Column[] = [
  { key: 'seq', title: '序号', mm: 9, align: 'center' },
  { key: 'date', title: '日期', mm: 19, align: 'center' },
  { key: 'type', title: '类型', mm: 22 },
  { key: 'urgency', title: '紧急程度', mm: 15, align: 'center' },
  { key: 'about', title: '客户 / 经销商 / 产品', weight: 2 },
  { key: 'content', title: '反映内容', weight: 4 },
  { key: 'handling', title: '处理情况', weight: 2.2 },
];

function about(r: MarketFeedbackRow): string {
  return [
    r.customerName && `客户：${r.customerName}`,
    r.dealerName && `经销商：${r.dealerName}`,
    r.productName && `产品：${r.productName}`,
    r.competitor && `竞品：${r.competitor}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function handling(r: MarketFeedbackRow): string {
  const status = handleStatusLabels[r.status].zh;
  if (r.status !== 'handled') return status;
  return `${status}（${[r.handler, r.handledDate].filter(Boolean).join(' ')}）${r.response ? `\n${r.response}` : ''}`;
}

/** The period of a list: one day, or from – to; for one report, its own date. */
export interface FeedbackScope {
  from?: string;
  to?: string;
}

function periodText(scope: FeedbackScope, rows: readonly MarketFeedbackRow[]): string {
  const from = scope.from ?? rows[0]?.date ?? '';
  const to = scope.to ?? rows[rows.length - 1]?.date ?? '';
  return from === to ? from : `${from} 至 ${to}`;
}

/** One form for one rep's reports (repName null: reports without a rep), in date order. */
export function marketFeedbackDoc(rows: readonly MarketFeedbackRow[], scope: FeedbackScope, g: SheetGeometry, key: string): FormDoc {
  const widths = columnWidths(marketFeedbackColumns, contentWidthMm(g));
  const repName = rows[0]?.repName ?? '未指定业务员';
  const period = periodText(scope, rows);
  const meta: MetaField[] = [
    { label: rows.length === 1 && !scope.from ? '日期' : '期间', value: period },
    { label: '业务员', value: repName },
    { label: '共', value: `${rows.length} 条` },
  ];
  return {
    key,
    title: MARKET_FEEDBACK_TITLE,
    meta,
    columns: marketFeedbackColumns,
    records: rows.flatMap((r, i) =>
      continued(
        [
          String(i + 1),
          r.date,
          feedbackTypeLabels[r.feedbackType].zh,
          urgencyLabels[r.urgency].zh,
          about(r),
          `${r.code}${r.subject ? ` ${r.subject}` : ''}${r.orderDocNo ? `（窜货单 ${r.orderDocNo}）` : ''}\n${r.content}`,
          handling(r),
        ],
        widths,
        g,
      ),
    ),
    tail: [],
    signature: null,
    footer: `${MARKET_FEEDBACK_TITLE} · ${repName} · ${period}`,
  };
}

export function blankMarketFeedbackDoc(): FormDoc {
  return {
    key: 'market-feedback-blank',
    title: MARKET_FEEDBACK_TITLE,
    meta: blankMeta([]).map((m) => (m.label === '日期' ? { ...m, label: '期间', widthMm: 50 } : m)),
    columns: marketFeedbackColumns,
    records: [],
    tail: [],
    signature: null,
    footer: MARKET_FEEDBACK_TITLE,
  };
}
