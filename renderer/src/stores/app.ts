import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '@/api';
import type { Output } from '@shared/contract';
import { i18n, type Locale } from '@/i18n';

export const useAppStore = defineStore('app', () => {
  const settings = ref<Output<'settings.get'> | null>(null);
  const loadError = ref<string | null>(null);

  function applyLocale(locale: Locale) {
    i18n.global.locale.value = locale;
    document.documentElement.lang = locale;
  }

  async function load() {
    try {
      settings.value = await call('settings.get', {});
      applyLocale(settings.value.locale);
      loadError.value = null;
    } catch (e) {
      loadError.value = (e as Error).message;
    }
  }

  async function initialize(companyName: string, loadDemo: boolean) {
    settings.value = await call('settings.initialize', { companyName, loadDemo });
  }

  async function setLocale(locale: Locale) {
    applyLocale(locale);
    settings.value = await call('settings.save', { locale });
  }

  return { settings, loadError, load, initialize, setLocale };
});
