// Customer enums with their zh-CN / en labels: the single source for forms, filters, exports and print.

export interface Labelled {
  zh: string;
  en: string;
}

export const customerGrades = ['A', 'B', 'C', 'D'] as const;
export type CustomerGrade = (typeof customerGrades)[number];

export const lifecycles = ['prospect', 'first', 'repeat', 'loyal', 'lost'] as const;
export type Lifecycle = (typeof lifecycles)[number];
export const lifecycleLabels: Record<Lifecycle, Labelled> = {
  prospect: { zh: '潜在', en: 'Prospect' },
  first: { zh: '首次购买', en: 'First purchase' },
  repeat: { zh: '重复购买', en: 'Repeat' },
  loyal: { zh: '忠诚', en: 'Loyal' },
  lost: { zh: '流失', en: 'Lost' },
};

export const customerTypes = ['terminal', 'retail', 'enterprise', 'institution', 'wholesale', 'dealer', 'other'] as const;
export type CustomerType = (typeof customerTypes)[number];
export const customerTypeLabels: Record<CustomerType, Labelled> = {
  terminal: { zh: '终端', en: 'Terminal' },
  retail: { zh: '零售店', en: 'Retail store' },
  enterprise: { zh: '企业客户', en: 'Enterprise' },
  institution: { zh: '机关事业单位', en: 'Institution' },
  wholesale: { zh: '批发商', en: 'Wholesaler' },
  // a dealer's own trading account (kept in step with the dealer record)
  dealer: { zh: '经销商', en: 'Dealer' },
  other: { zh: '其他', en: 'Other' },
};

export const customerScales = ['micro', 'small', 'medium', 'large'] as const;
export type CustomerScale = (typeof customerScales)[number];
export const customerScaleLabels: Record<CustomerScale, Labelled> = {
  micro: { zh: '微型', en: 'Micro' },
  small: { zh: '小型', en: 'Small' },
  medium: { zh: '中型', en: 'Medium' },
  large: { zh: '大型', en: 'Large' },
};

export const customerSources = ['coldVisit', 'referral', 'exhibition', 'online', 'dealer', 'advertising', 'other'] as const;
export type CustomerSource = (typeof customerSources)[number];
export const customerSourceLabels: Record<CustomerSource, Labelled> = {
  coldVisit: { zh: '陌生拜访', en: 'Cold visit' },
  referral: { zh: '客户转介绍', en: 'Referral' },
  exhibition: { zh: '展会', en: 'Exhibition' },
  online: { zh: '网络', en: 'Online' },
  dealer: { zh: '经销商推荐', en: 'Dealer' },
  advertising: { zh: '广告', en: 'Advertising' },
  other: { zh: '其他', en: 'Other' },
};

/** A customer is in use or archived: the words of the list's scope switch, the export and the audit log. */
export const customerStatusLabels: Record<'active' | 'archived', Labelled> = {
  active: { zh: '在用', en: 'Active' },
  archived: { zh: '已归档', en: 'Archived' },
};
