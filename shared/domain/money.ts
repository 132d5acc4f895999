// Money documents: settlement methods, collection methods, ledger kinds and aging buckets, with zh-CN / en labels.
import type { Labelled } from './customer';

export const settlements = ['cash', 'credit', 'acceptance', 'prepaid'] as const;
export type Settlement = (typeof settlements)[number];
export const settlementLabels: Record<Settlement, Labelled> = {
  cash: { zh: '现款现货', en: 'Cash on delivery' },
  credit: { zh: '账期赊销', en: 'On credit' },
  acceptance: { zh: '承兑汇票', en: 'Bank acceptance' },
  prepaid: { zh: '预付款', en: 'Prepaid' },
};

export const collectionMethods = ['cash', 'transfer', 'draft', 'wechat', 'alipay', 'other'] as const;
export type CollectionMethod = (typeof collectionMethods)[number];
export const collectionMethodLabels: Record<CollectionMethod, Labelled> = {
  cash: { zh: '现金', en: 'Cash' },
  transfer: { zh: '转账', en: 'Bank transfer' },
  draft: { zh: '承兑汇票', en: 'Bank acceptance' },
  wechat: { zh: '微信', en: 'WeChat Pay' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  other: { zh: '其他', en: 'Other' },
};

export const orderStates = ['draft', 'posted', 'reversed'] as const;
export type OrderState = (typeof orderStates)[number];
export const orderStateLabels: Record<OrderState, Labelled> = {
  draft: { zh: '草稿', en: 'Draft' },
  posted: { zh: '已过账', en: 'Posted' },
  reversed: { zh: '已红冲', en: 'Reversed' },
};

/** What a statement line is: debits raise the balance, credits lower it. */
export const statementKinds = ['opening', 'order', 'return', 'order_reversal', 'collection', 'collection_reversal', 'write_off'] as const;
export type StatementKind = (typeof statementKinds)[number];
export const statementKindLabels: Record<StatementKind, Labelled> = {
  opening: { zh: '期初应收', en: 'Opening balance' },
  order: { zh: '销售', en: 'Sale' },
  return: { zh: '退货', en: 'Return' },
  order_reversal: { zh: '销售红冲', en: 'Sale reversed' },
  collection: { zh: '回款', en: 'Collection' },
  collection_reversal: { zh: '回款红冲', en: 'Collection reversed' },
  write_off: { zh: '坏账核销', en: 'Write-off' },
};

export const agingGroupings = ['customer', 'rep', 'dealer', 'region'] as const;
export type AgingGrouping = (typeof agingGroupings)[number];

/** Days overdue at which the buckets after 未到期 begin: 1–30, 31–60, 61–90, 91–180, 180+. */
export const DEFAULT_AGING_EDGES = [30, 60, 90, 180] as const;

/** The labels of the buckets of `edges`: 未到期, 1–30天, …, 180天以上. */
export function agingBucketLabels(edges: readonly number[], lang: 'zh' | 'en' = 'zh'): string[] {
  const labels = [lang === 'zh' ? '未到期' : 'Not due'];
  let from = 1;
  for (const e of edges) {
    labels.push(lang === 'zh' ? `${from}–${e}天` : `${from}–${e} days`);
    from = e + 1;
  }
  labels.push(lang === 'zh' ? `${from - 1}天以上` : `Over ${from - 1} days`);
  return labels;
}

export const creditControlModes = ['warn', 'block'] as const;
export type CreditControlMode = (typeof creditControlModes)[number];
