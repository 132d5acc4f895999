import type { Labelled } from './customer';

export const channelTypes = ['direct', 'agent', 'dealer', 'distributor', 'retail'] as const;
export type ChannelType = (typeof channelTypes)[number];
export const channelTypeLabels: Record<ChannelType, Labelled> = {
  direct: { zh: '直销', en: 'Direct' },
  agent: { zh: '代理商', en: 'Agent' },
  dealer: { zh: '经销商', en: 'Dealer' },
  distributor: { zh: '分销商', en: 'Distributor' },
  retail: { zh: '零售', en: 'Retail' },
};

export const dealerTiers = [1, 2, 3] as const;
export type DealerTier = (typeof dealerTiers)[number];
export const dealerTierLabels: Record<DealerTier, Labelled> = {
  1: { zh: '一级', en: 'Tier 1' },
  2: { zh: '二级', en: 'Tier 2' },
  3: { zh: '三级', en: 'Tier 3' },
};

export const dealerStatuses = ['active', 'suspended', 'terminated'] as const;
export type DealerStatus = (typeof dealerStatuses)[number];
export const dealerStatusLabels: Record<DealerStatus, Labelled> = {
  active: { zh: '合作中', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  terminated: { zh: '已终止', en: 'Terminated' },
};

/** A contract ending within this many days is highlighted in lists. */
export const CONTRACT_EXPIRY_WARNING_DAYS = 30;
