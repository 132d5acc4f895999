// 商机 Opportunities: the seven stages of the sales process plus 流失, their labels, default probabilities and the
// reasons an opportunity is lost — the single source for the contract, the core, the screens and the demo.
import type { Labelled } from './customer';

/** 潜在客户识别 → 初次接触 → 需求分析 → 方案演示 → 报价 → 谈判 → 成交, and 流失 beside them. */
export const opportunityStages = ['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate', 'won', 'lost'] as const;
export type OpportunityStage = (typeof opportunityStages)[number];

/** The stages an opportunity can still move out of, in the order of the sales process. */
export const openStages = ['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate'] as const;
export type OpenStage = (typeof openStages)[number];

/** The funnel's steps: the open stages then 成交 (流失 is an exit, not a step). */
export const funnelStages = ['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate', 'won'] as const;

export const stageLabels: Record<OpportunityStage, Labelled> = {
  identify: { zh: '潜在客户识别', en: 'Identify' },
  contact: { zh: '初次接触', en: 'First contact' },
  needs: { zh: '需求分析', en: 'Needs analysis' },
  demo: { zh: '方案演示', en: 'Demo' },
  quote: { zh: '报价', en: 'Quote' },
  negotiate: { zh: '谈判', en: 'Negotiation' },
  won: { zh: '成交', en: 'Won' },
  lost: { zh: '流失', en: 'Lost' },
};

/** Default probability of each stage in basis points (a setting can change the open stages'). */
export const defaultStageProbabilityBp: Record<OpportunityStage, number> = {
  identify: 1000,
  contact: 2000,
  needs: 3000,
  demo: 5000,
  quote: 6000,
  negotiate: 8000,
  won: 10_000,
  lost: 0,
};

export const lostReasons = ['price', 'competitor', 'cancelled', 'noBudget', 'unreachable', 'other'] as const;
export type LostReason = (typeof lostReasons)[number];
export const lostReasonLabels: Record<LostReason, Labelled> = {
  price: { zh: '价格', en: 'Price' },
  competitor: { zh: '竞品', en: 'Competitor' },
  cancelled: { zh: '需求取消', en: 'Need cancelled' },
  noBudget: { zh: '无预算', en: 'No budget' },
  unreachable: { zh: '失联', en: 'Unreachable' },
  other: { zh: '其他', en: 'Other' },
};

export function isClosedStage(stage: OpportunityStage): stage is 'won' | 'lost' {
  return stage === 'won' || stage === 'lost';
}

/** The step after `stage` in the sales process (negotiate → won); null for a closed one. */
export function nextStage(stage: OpportunityStage): OpportunityStage | null {
  if (isClosedStage(stage)) return null;
  return funnelStages[funnelStages.indexOf(stage) + 1] ?? null;
}

/** The step before `stage` (contact → identify); null for the first and for closed ones. */
export function previousStage(stage: OpportunityStage): OpportunityStage | null {
  if (isClosedStage(stage)) return null;
  const i = openStages.indexOf(stage);
  return i > 0 ? openStages[i - 1]! : null;
}

/** The position of a stage on the funnel (identify 0 … won 6); lost has none (-1). */
export function funnelIndex(stage: OpportunityStage): number {
  return (funnelStages as readonly string[]).indexOf(stage);
}
