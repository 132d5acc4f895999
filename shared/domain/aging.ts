// Words of the aging report and the statement, one place for the screen, the print and the Excel export.
import type { Labelled } from './customer';
import type { AgingGrouping } from './money';

export const agingGroupingLabels: Record<AgingGrouping, Labelled> = {
  customer: { zh: '客户', en: 'Customer' },
  rep: { zh: '业务员', en: 'Rep' },
  dealer: { zh: '经销商', en: 'Dealer' },
  region: { zh: '区域', en: 'Region' },
};

/** The row of amounts without a rep, a channel dealer or a region (key 0). */
export const agingNoneLabel: Labelled = { zh: '（无）', en: '(none)' };

/** The aging columns around the buckets (未到期 and the buckets are agingBucketLabels); the screen's words. */
export const agingColumnLabels = {
  name: { zh: '名称', en: 'Name' },
  code: { zh: '编码', en: 'Code' },
  overdue: { zh: '逾期合计', en: 'Overdue' },
  prepayment: { zh: '预收', en: 'Prepaid' },
  total: { zh: '余额合计', en: 'Balance' },
  totals: { zh: '合计', en: 'Total' },
  asOf: { zh: '截至日期', en: 'As of' },
} satisfies Record<string, Labelled>;

/** The statement's columns and its opening / totals / closing rows; the screen's words. */
export const statementLabels = {
  title: { zh: '客户对账单', en: 'Customer statement' },
  date: { zh: '日期', en: 'Date' },
  kind: { zh: '类型', en: 'Kind' },
  docNo: { zh: '单号', en: 'Doc no.' },
  note: { zh: '摘要', en: 'Note' },
  debit: { zh: '应收增加', en: 'Debit' },
  credit: { zh: '应收减少', en: 'Credit' },
  balance: { zh: '余额', en: 'Balance' },
  carried: { zh: '上期结转', en: 'Brought forward' },
  periodTotals: { zh: '本期合计', en: 'Period total' },
  closing: { zh: '期末余额', en: 'Closing balance' },
} satisfies Record<string, Labelled>;
