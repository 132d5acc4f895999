import { createI18n } from 'vue-i18n';
import zhCNBase from './zh-CN';
import enBase from './en';
import dealerMessages from '@/views/dealers/messages';
import productMessages from '@/views/products/messages';
import importMessages from '@/views/import/messages';
import cardMessages from '@/views/customers/cardMessages';
import listMessages from '@/components/list/messages';
import feedbackMessages from '@/views/marketFeedback/messages';
import complaintMessages from '@/views/complaints/messages';
import expenseMessages from '@/views/expenses/messages';
import dailyMessages from '@/views/dailyForms/messages';
import printMessages from '@/print/messages';
import authMessages from '@/views/auth/messages';
import workMessages from '@/views/workPlans/messages';
import meetingMessages from '@/views/meetings/messages';
import receivableMessages from '@/views/receivables/messages';
import statementMessages from '@/views/statements/messages';
import conflictMessages from '@/views/channelConflicts/messages';
import orderMessages from '@/views/orders/messages';
import returnMessages from '@/views/returns/messages';
import collectionMessages from '@/views/collections/messages';
import settingsMessages from '@/views/settings/messages';
import backupMessages from '@/views/backups/messages';
import lanMessages from '@/views/lan/messages';
import calendarMessages from '@/views/calendar/messages';
import targetMessages from '@/views/targets/messages';
import evaluationMessages from '@/views/evaluations/messages';
import trackingMessages from '@/views/targets/trackingMessages';
import analyticsMessages from '@/views/analytics/messages';
import meetingPackMessages from '@/views/meetingPack/messages';
import opportunityMessages from '@/views/opportunities/messages';
import gradingMessages from '@/views/customers/gradingMessages';

// each domain keeps its texts beside its views, under its own namespace
const zhCN = {
  ...zhCNBase,
  dealer: dealerMessages.zh,
  product: productMessages.zh,
  import: importMessages.zh,
  cards: cardMessages.zh,
  list: listMessages.zh,
  feedback: feedbackMessages.zh,
  complaint: complaintMessages.zh,
  expense: expenseMessages.zh,
  daily: dailyMessages.zh,
  print: printMessages.zh,
  auth: authMessages.zh,
  work: workMessages.zh,
  meeting: meetingMessages.zh,
  receivable: receivableMessages.zh,
  statement: statementMessages.zh,
  conflict: conflictMessages.zh,
  order: orderMessages.zh,
  salesReturn: returnMessages.zh,
  collection: collectionMessages.zh,
  settings: settingsMessages.zh,
  backups: backupMessages.zh,
  lan: lanMessages.zh,
  calendar: calendarMessages.zh,
  target: targetMessages.zh,
  evaluation: evaluationMessages.zh,
  tracking: trackingMessages.zh,
  analytics: analyticsMessages.zh,
  meetingPack: meetingPackMessages.zh,
  opportunity: opportunityMessages.zh,
  grading: gradingMessages.zh,
};
const en: typeof zhCN = {
  ...enBase,
  dealer: dealerMessages.en,
  product: productMessages.en,
  import: importMessages.en,
  cards: cardMessages.en,
  list: listMessages.en,
  feedback: feedbackMessages.en,
  complaint: complaintMessages.en,
  expense: expenseMessages.en,
  daily: dailyMessages.en,
  print: printMessages.en,
  auth: authMessages.en,
  work: workMessages.en,
  meeting: meetingMessages.en,
  receivable: receivableMessages.en,
  statement: statementMessages.en,
  conflict: conflictMessages.en,
  order: orderMessages.en,
  salesReturn: returnMessages.en,
  collection: collectionMessages.en,
  settings: settingsMessages.en,
  backups: backupMessages.en,
  lan: lanMessages.en,
  calendar: calendarMessages.en,
  target: targetMessages.en,
  evaluation: evaluationMessages.en,
  tracking: trackingMessages.en,
  analytics: analyticsMessages.en,
  meetingPack: meetingPackMessages.en,
  opportunity: opportunityMessages.en,
  grading: gradingMessages.en,
};

export type Locale = 'zh-CN' | 'en';

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** Enum labels come from shared/domain in both languages; pick by the current locale. */
export function pickLabel(label: { zh: string; en: string } | undefined, locale: string): string {
  if (!label) return '';
  return locale === 'en' ? label.en : label.zh;
}
