// 销售费用 (expenses): categories with zh-CN / en labels.
import type { Labelled } from './customer';

export const expenseCategories = ['travel', 'entertainment', 'transport', 'promotion', 'other'] as const;
export type ExpenseCategory = (typeof expenseCategories)[number];
export const expenseCategoryLabels: Record<ExpenseCategory, Labelled> = {
  travel: { zh: '差旅', en: 'Travel' },
  entertainment: { zh: '招待', en: 'Entertainment' },
  transport: { zh: '运输', en: 'Transport' },
  promotion: { zh: '促销', en: 'Promotion' },
  other: { zh: '其他', en: 'Other' },
};
