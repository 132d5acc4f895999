// The status words the exports and the audit log take from shared/domain are the ones the list screens show.
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import { customerStatusLabels } from '@shared/domain/customer';
import { productStatusLabels } from '@shared/domain/product';
import { repStatusLabels } from '@shared/domain/rep';

const t = (locale: 'zh-CN' | 'en', key: string) => {
  i18n.global.locale.value = locale;
  return i18n.global.t(key);
};

describe('status words', () => {
  it.each(['zh-CN', 'en'] as const)('customers, products and reps in %s', (locale) => {
    const pick = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
    expect([pick(customerStatusLabels.active), pick(customerStatusLabels.archived)]).toEqual([
      t(locale, 'customer.scopeActive'),
      t(locale, 'customer.scopeArchived'),
    ]);
    expect([pick(productStatusLabels.active), pick(productStatusLabels.inactive)]).toEqual([
      t(locale, 'product.active'),
      t(locale, 'product.inactive'),
    ]);
    expect([pick(repStatusLabels.active), pick(repStatusLabels.inactive)]).toEqual([t(locale, 'rep.active'), t(locale, 'rep.inactive')]);
  });

  it('are written out', () => {
    expect([customerStatusLabels.active.zh, productStatusLabels.active.zh, repStatusLabels.inactive.zh]).toEqual(['在用', '在售', '离职']);
  });
});
