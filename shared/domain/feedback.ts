// 市场状况反映表 (market feedback) and 客诉 (complaints): their enums with zh-CN / en labels, one source for screens,
// export and the audit log.
import type { Labelled } from './customer';

export const feedbackTypes = ['consumer', 'competitor', 'dealer', 'violation', 'other'] as const;
export type FeedbackType = (typeof feedbackTypes)[number];
export const feedbackTypeLabels: Record<FeedbackType, Labelled> = {
  consumer: { zh: '消费者意见', en: 'Consumer opinion' },
  competitor: { zh: '竞品动态', en: 'Competitor activity' },
  dealer: { zh: '经销商反馈', en: 'Dealer feedback' },
  violation: { zh: '窜货与价格违规', en: 'Cross-territory / price violation' },
  other: { zh: '其他', en: 'Other' },
};

/** How fast a report or complaint needs an answer (feedback and complaints share it). */
export const urgencies = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, Labelled> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' },
};

/** open → handled (with handler, response and date); a handled record is reopened, never edited in place. */
export const handleStatuses = ['open', 'handled'] as const;
export type HandleStatus = (typeof handleStatuses)[number];
export const handleStatusLabels: Record<HandleStatus, Labelled> = {
  open: { zh: '待处理', en: 'Open' },
  handled: { zh: '已处理', en: 'Handled' },
};
