// 客户对账单: the customer's documents of a period with a running balance — the opening balance carried forward, one row
// per document, 本期合计 and the closing balance, the aging at the end date, the company's contact line, and a block for
// the customer to confirm (客户确认签章 / 日期) kept with the last rows.
import type { StatementOutput } from '@shared/contract/receivables';
import { agingBucketLabels, statementKindLabels } from '@shared/domain/money';
import { printFormLabels } from '@shared/domain/print';
import { formatFen } from '@shared/money';
import type { Column } from '../paginate';
import type { FormDoc, MetaField } from '../layout';

export const STATEMENT_TITLE = printFormLabels.statement.zh;

export const statementColumns: Column[] = [
  { key: 'seq', title: '序号', mm: 9, align: 'center' },
  { key: 'date', title: '日期', mm: 19, align: 'center' },
  { key: 'kind', title: '类型', mm: 14, align: 'center' },
  { key: 'docNo', title: '单号', mm: 34 },
  { key: 'note', title: '摘要', weight: 1 },
  { key: 'debit', title: '应收增加(元)', mm: 22, align: 'right' },
  { key: 'credit', title: '应收减少(元)', mm: 22, align: 'right' },
  { key: 'balance', title: '余额(元)', mm: 24, align: 'right' },
];

const money = (fen: number) => (fen ? formatFen(fen) : '');

/** 账龄 at the end date on one line: each bucket with an amount, the overdue total and the prepayment. */
export function agingLine(s: Pick<StatementOutput, 'to' | 'aging'>): string {
  const labels = agingBucketLabels(s.aging.bucketEdges);
  const parts = [`${labels[0]} ${formatFen(s.aging.notDueFen)}`];
  s.aging.bucketsFen.forEach((fen, i) => {
    if (fen) parts.push(`${labels[i + 1]} ${formatFen(fen)}`);
  });
  parts.push(`逾期合计 ${formatFen(s.aging.overdueFen)}`);
  if (s.aging.prepaymentFen) parts.push(`预收 ${formatFen(s.aging.prepaymentFen)}`);
  return `账龄（截至 ${s.to}）：${parts.join('；')}`;
}

export function statementMeta(s: StatementOutput): MetaField[] {
  const customer = s.customerCode ? `${s.customerName}（${s.customerCode}）` : s.customerName;
  return [
    { label: '客户', value: customer },
    { label: '联系人', value: s.contactName || '—' },
    { label: '电话', value: s.phone || '—' },
    { label: '期间', value: `${s.from} 至 ${s.to}` },
    { label: '地址', value: s.address || '—' },
  ];
}

/** The company's line: who sends the statement and whom to call about it. */
export function contactLine(company: { name: string; phone?: string; address?: string }): string {
  const who = [company.name, company.phone && `电话 ${company.phone}`, company.address && `地址 ${company.address}`].filter(Boolean);
  return `请核对以上往来明细，核对无误请签章确认后回传；如有不符请与我司联系。${who.length ? `\u3000${who.join('\u3000')}` : ''}`;
}

export function statementDoc(s: StatementOutput, company: { name: string; phone?: string; address?: string }): FormDoc {
  const records = [
    ['', s.from, '期初', '', '上期结转', '', '', formatFen(s.openingFen)],
    ...s.lines.map((l, i) => [
      String(i + 1),
      l.date,
      statementKindLabels[l.kind].zh,
      l.docNo,
      l.note,
      money(l.debitFen),
      money(l.creditFen),
      formatFen(l.balanceFen),
    ]),
  ];
  return {
    key: `statement-${s.customerId}-${s.from}-${s.to}`,
    title: STATEMENT_TITLE,
    meta: statementMeta(s),
    metaWrap: true,
    columns: statementColumns,
    records,
    tail: [
      {
        kind: 'totals',
        cells: ['', '', '', '', `本期合计（${s.lines.length} 笔）`, formatFen(s.debitFen), formatFen(s.creditFen), formatFen(s.closingFen)],
      },
      { kind: 'line', text: `期末余额（截至 ${s.to}）：¥${formatFen(s.closingFen)}\u3000期初余额：¥${formatFen(s.openingFen)}` },
      { kind: 'line', text: agingLine(s) },
      { kind: 'line', text: contactLine(company) },
    ],
    signature: null,
    confirmation: true,
    footer: `${STATEMENT_TITLE} · ${s.customerName} · ${s.from}至${s.to}`,
  };
}
