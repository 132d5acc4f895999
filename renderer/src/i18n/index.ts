import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN';
import en from './en';

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
