// 目标 Targets: the metrics a target can be set on (unit, direction, how the actual is computed), the levels of
// responsibility, and the tracking statuses, with zh-CN / en labels.
import type { Labelled } from './customer';

export const targetMetrics = ['sales', 'collections', 'grossProfit', 'newCustomers', 'visits', 'expenses'] as const;
export type TargetMetric = (typeof targetMetrics)[number];

export interface MetricDefinition {
  /** 'fen' for money (integer 分), 'count' for counts */
  unit: 'fen' | 'count';
  /** 'higher': more is better (sales); 'lower': a budget, less is better (expenses) */
  direction: 'higher' | 'lower';
  label: Labelled;
  /** how the actual is computed from documents, for the screen's 口径 note */
  actual: Labelled;
}

export const metricDefinitions: Record<TargetMetric, MetricDefinition> = {
  sales: {
    unit: 'fen',
    direction: 'higher',
    label: { zh: '销售额', en: 'Sales' },
    actual: {
      zh: '已过账订单金额（含红冲负数）减已过账退货金额，按单据日期',
      en: 'Posted orders (reversals negative) less posted returns, by document date',
    },
  },
  collections: {
    unit: 'fen',
    direction: 'higher',
    label: { zh: '回款额', en: 'Collections' },
    actual: { zh: '回款单金额（含红冲负数），按回款日期', en: 'Collections (reversals negative), by collection date' },
  },
  grossProfit: {
    unit: 'fen',
    direction: 'higher',
    label: { zh: '毛利', en: 'Gross profit' },
    actual: {
      zh: '订单金额减下单时成本（含红冲），减退货金额再加回退货成本',
      en: 'Order amount less cost at order time (reversals included), less returns plus their cost',
    },
  },
  newCustomers: {
    unit: 'count',
    direction: 'higher',
    label: { zh: '新客户数', en: 'New customers' },
    actual: {
      zh: '首笔有效订单落在期间内的客户数（红冲掉的订单不算）',
      en: 'Customers whose first standing order falls in the period (reversed orders do not count)',
    },
  },
  visits: {
    unit: 'count',
    direction: 'higher',
    label: { zh: '完成拜访数', en: 'Completed visits' },
    actual: { zh: '日报中标记为已完成的拜访行', en: 'Daily report visit lines marked done' },
  },
  expenses: {
    unit: 'fen',
    direction: 'lower',
    label: { zh: '费用预算', en: 'Expense budget' },
    actual: { zh: '销售费用金额，按费用日期', en: 'Sales expenses, by expense date' },
  },
};

/** Levels of responsibility, from the company down; the last three split a unit's figure by a business attribute. */
export const targetLevels = [
  'company',
  'region',
  'team',
  'rep',
  'customer',
  'productCategory',
  'dealer',
  'settlement',
  'channelType',
] as const;
export type TargetLevel = (typeof targetLevels)[number];

export const targetLevelLabels: Record<TargetLevel, Labelled> = {
  company: { zh: '公司', en: 'Company' },
  region: { zh: '区域', en: 'Region' },
  team: { zh: '团队', en: 'Team' },
  rep: { zh: '业务员', en: 'Rep' },
  customer: { zh: '客户', en: 'Customer' },
  productCategory: { zh: '品种', en: 'Product category' },
  dealer: { zh: '经销商', en: 'Dealer' },
  settlement: { zh: '结算方式', en: 'Settlement' },
  channelType: { zh: '销售方式', en: 'Channel type' },
};

export const decomposeMethods = ['equal', 'weights', 'history'] as const;
export type DecomposeMethod = (typeof decomposeMethods)[number];
export const decomposeMethodLabels: Record<DecomposeMethod, Labelled> = {
  equal: { zh: '平均', en: 'Equal' },
  weights: { zh: '按权重', en: 'By weights' },
  history: { zh: '按去年实际', en: "By last year's actual" },
};

/** ahead: achievement ≥ time progress; onTrack: behind by no more than the tolerance; behind: more than that. */
export const trackingStatuses = ['ahead', 'onTrack', 'behind', 'noTarget'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];
export const trackingStatusLabels: Record<TrackingStatus, Labelled> = {
  ahead: { zh: '超前', en: 'Ahead' },
  onTrack: { zh: '正常', en: 'On track' },
  behind: { zh: '落后', en: 'Behind' },
  noTarget: { zh: '无目标', en: 'No target' },
};

/** The supervisor's qualitative scores on a rep's evaluation, 1–5 each. */
export const evaluationScoreKeys = ['cooperation', 'enthusiasm', 'responsibility'] as const;
export type EvaluationScoreKey = (typeof evaluationScoreKeys)[number];
export const evaluationScoreLabels: Record<EvaluationScoreKey, Labelled> = {
  cooperation: { zh: '合作精神', en: 'Cooperation' },
  enthusiasm: { zh: '工作热情', en: 'Enthusiasm' },
  responsibility: { zh: '责任感', en: 'Responsibility' },
};
