// Words of the aging report and the statement, one place for the screen, the print and the Excel export.
import type { Labelled } from './customer';
import type { AgingGrouping } from './money';

export const agingGroupingLabels: Record<AgingGrouping, Labelled> = {
  customer: { zh: '客户', en: 'Customer' },
  rep: { zh: '业务员', en: 'Sales rep' },
  dealer: { zh: '渠道经销商', en: 'Channel dealer' },
  region: { zh: '区域', en: 'Region' },
};

/** The row of amounts without a rep, a channel dealer or a region (key 0). */
export const agingNoneLabels: Record<Exclude<AgingGrouping, 'customer'>, Labelled> = {
  rep: { zh: '（无业务员）', en: '(no rep)' },
  dealer: { zh: '（直销，无渠道经销商）', en: '(direct, no channel dealer)' },
  region: { zh: '（未分区域）', en: '(no region)' },
};

/** The aging columns after the row's name: 未到期, the buckets (agingBucketLabels), then these. */
export const agingColumnLabels = {
  code: { zh: '编码', en: 'Code' },
  overdue: { zh: '逾期合计', en: 'Overdue' },
  total: { zh: '应收余额', en: 'Balance' },
  prepayment: { zh: '预收', en: 'Prepayment' },
  totals: { zh: '合计', en: 'Total' },
} satisfies Record<string, Labelled>;

/** The statement's columns and its opening / closing rows. */
export const statementLabels = {
  title: { zh: '客户对账单', en: 'Customer statement' },
  date: { zh: '日期', en: 'Date' },
  kind: { zh: '摘要', en: 'Entry' },
  docNo: { zh: '单号', en: 'Document' },
  debit: { zh: '应收增加', en: 'Debit' },
  credit: { zh: '应收减少', en: 'Credit' },
  balance: { zh: '余额', en: 'Balance' },
  note: { zh: '备注', en: 'Note' },
  opening: { zh: '期初余额', en: 'Opening balance' },
  closing: { zh: '期末余额', en: 'Closing balance' },
  period: { zh: '对账期间', en: 'Period' },
} satisfies Record<string, Labelled>;
