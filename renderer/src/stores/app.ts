import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '@/api';
import type { Output } from '@shared/contract';
import { i18n, type Locale } from '@/i18n';
import { setCompactUnits } from '@/charts/format';

export const useAppStore = defineStore('app', () => {
  const settings = ref<Output<'settings.get'> | null>(null);
  const loadError = ref<string | null>(null);

  function applyLocale(locale: Locale) {
    i18n.global.locale.value = locale;
    document.documentElement.lang = locale;
    setCompactUnits(locale);
  }

  let loading: Promise<void> | null = null;
  /** The settings, asked for once (main.ts starts it; the router guard waits for it). */
  function ready(): Promise<void> {
    return (loading ??= load());
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

  /** First run: the answer carries the admin's session and the one-time recovery code; `applyInitialized` once it is noted. */
  function initialize(companyName: string, loadDemo: boolean, admin: { name: string; password: string }) {
    return call('settings.initialize', { companyName, loadDemo, admin });
  }

  function applyInitialized(result: Output<'settings.initialize'>) {
    const { recoveryCode: _code, session: _session, operator: _operator, idleMinutes: _idle, ...rest } = result;
    settings.value = { ...rest, idleMinutes: result.idleMinutes };
  }

  /** A database from before sign-in got its admin. */
  function adminCreated() {
    if (settings.value) settings.value = { ...settings.value, needsAdmin: false };
  }

  /** Switches the language; it is saved for everyone only when someone is signed in (the sign-in screen switches locally). */
  async function setLocale(locale: Locale, save = true) {
    applyLocale(locale);
    if (save) settings.value = await call('settings.save', { locale });
  }

  return { settings, loadError, load, ready, initialize, applyInitialized, adminCreated, setLocale };
});
