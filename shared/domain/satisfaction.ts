// 客户满意度 Satisfaction: where a score came from and what each score means, in zh-CN / en.
import type { Labelled } from './customer';

export const satisfactionSources = ['complaint', 'visit', 'survey'] as const;
export type SatisfactionSource = (typeof satisfactionSources)[number];
export const satisfactionSourceLabels: Record<SatisfactionSource, Labelled> = {
  complaint: { zh: '客诉回访', en: 'After a complaint' },
  visit: { zh: '拜访', en: 'Visit' },
  survey: { zh: '定期调查', en: 'Survey' },
};

export const satisfactionScoreLabels: Record<1 | 2 | 3 | 4 | 5, Labelled> = {
  1: { zh: '很不满意', en: 'Very dissatisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  3: { zh: '一般', en: 'Neutral' },
  4: { zh: '满意', en: 'Satisfied' },
  5: { zh: '很满意', en: 'Very satisfied' },
};

/** A score at or below this is low: it goes on the exception list for LOW_SATISFACTION_DAYS days. */
export const LOW_SATISFACTION_SCORE = 2;
export const LOW_SATISFACTION_DAYS = 30;
