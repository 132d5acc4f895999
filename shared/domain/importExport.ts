// Entities that can be imported from / exported to Excel, with their Chinese names.
import type { Labelled } from './customer';

export const importEntities = ['customers', 'dealers', 'products', 'reps', 'regions', 'openingBalances', 'orders', 'collections'] as const;
export type ImportEntity = (typeof importEntities)[number];

export const exportEntities = [
  'customers',
  'dealers',
  'products',
  'reps',
  'audit',
  'marketFeedback',
  'complaints',
  'expenses',
  'aging',
  'statement',
  'opportunities',
] as const;
export type ExportEntity = (typeof exportEntities)[number];

export const entityLabels: Record<ImportEntity | ExportEntity, Labelled> = {
  customers: { zh: '客户', en: 'Customers' },
  dealers: { zh: '经销商', en: 'Dealers' },
  products: { zh: '产品', en: 'Products' },
  reps: { zh: '业务员', en: 'Sales reps' },
  regions: { zh: '区域', en: 'Regions' },
  openingBalances: { zh: '期初应收', en: 'Opening balances' },
  orders: { zh: '销售单', en: 'Sales orders' },
  collections: { zh: '回款', en: 'Collections' },
  audit: { zh: '操作日志', en: 'Audit log' },
  marketFeedback: { zh: '市场状况反映', en: 'Market feedback' },
  complaints: { zh: '客诉', en: 'Complaints' },
  expenses: { zh: '销售费用', en: 'Expenses' },
  aging: { zh: '账龄分析', en: 'Aging' },
  statement: { zh: '客户对账单', en: 'Customer statement' },
  opportunities: { zh: '商机', en: 'Opportunities' },
};

/** Defaults; the host may lower or raise them (settings). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;
