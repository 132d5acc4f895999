// Ctrl+K quick find against a fake core: the shortcut opens it from wherever the focus is, typing asks the core with
// the text as typed (a burst of keys is one question, an older answer never replaces a newer one), each match shows its
// balance, overdue and credit left, ↑ / ↓ choose, Enter opens the customer's page, Esc closes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore } from './fakeCore';
import QuickFind from '@/components/QuickFind.vue';
import { isQuickFindKey, showQuickFind } from '@/composables/quickFind';

const SLOW = 60_000;
let wrapper: VueWrapper | undefined;
let pinia: Pinia;
let router: Router;

const match = (customerId: number, name: string, extra: Record<string, unknown> = {}) => ({
  customerId,
  code: `C${String(customerId).padStart(4, '0')}`,
  name,
  type: 'retail',
  phone: '13800001111',
  regionPath: '华中 › 河南省 › 郑州市',
  repName: '李娜',
  dealerId: null,
  balanceFen: 123_456,
  overdueFen: 0,
  creditLimitFen: 0,
  creditLeftFen: 0,
  ...extra,
});

const customers = [
  match(1, '北京华众商贸', { balanceFen: 1_250_000, overdueFen: 300_000, creditLimitFen: 2_000_000, creditLeftFen: 750_000 }),
  match(2, '北京华联超市', { balanceFen: -5_000, creditLimitFen: 100_000, creditLeftFen: 105_000 }),
  match(3, '郑州百货大楼'),
];

const settle = async (ms = 80) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
/** Waits (up to 10 s) until `ok()` holds: a route's screen loads lazily, the first time slowly. */
async function until(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await settle(50);
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const input = () => document.querySelector<HTMLInputElement>('[data-test="quick-find-input"] input, input[data-test="quick-find-input"]')!;
const rows = () => Array.from(document.querySelectorAll('[data-test="quick-find-row"]'));
const dialogShown = () => {
  const d = document.querySelector<HTMLElement>('[data-test="quick-find"]');
  return !!d && d.closest<HTMLElement>('.el-overlay')?.style.display !== 'none';
};
function key(el: EventTarget, k: string, init: KeyboardEventInit = {}) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
}
async function typeText(value: string) {
  const el = input();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
}

beforeEach(async () => {
  i18n.global.locale.value = 'zh-CN';
  pinia = createPinia();
  setActivePinia(pinia);
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/receivables/aging');
  showQuickFind(false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('Ctrl+K quick find', () => {
  it('only Ctrl+K / ⌘K opens it', () => {
    expect(isQuickFindKey(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))).toBe(true);
    expect(isQuickFindKey(new KeyboardEvent('keydown', { key: 'K', metaKey: true }))).toBe(true);
    expect(isQuickFindKey(new KeyboardEvent('keydown', { key: 'k' }))).toBe(false);
    expect(isQuickFindKey(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isQuickFindKey(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))).toBe(false);
  });

  it(
    'opens from a focused field, finds by initials with the money figures, ↓ + Enter opens the customer, Esc closes',
    { timeout: SLOW },
    async () => {
      const core = fakeCore({
        'receivables.find': ({ search }: { search: string }) => ({
          rows: search === 'bjh' ? customers.slice(0, 2) : search === 'zz' ? customers.slice(2) : [],
        }),
      });
      wrapper = mount(QuickFind, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
      // a field elsewhere on the page has the focus; the shortcut is taken before it
      const other = document.createElement('input');
      document.body.appendChild(other);
      other.focus();
      const event = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true });
      other.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
      await settle();
      expect(dialogShown()).toBe(true);
      expect(document.activeElement).toBe(input());

      // a burst of keys: one question, for what was typed last
      await typeText('b');
      await typeText('bj');
      await typeText('bjh');
      await settle();
      expect(core.of('receivables.find').map((c) => c.input)).toEqual([{ search: 'bjh', limit: 10 }]);
      expect(rows()).toHaveLength(2);
      expect(text(rows()[0])).toContain('北京华众商贸');
      expect(text(rows()[0]!.querySelector('[data-test="quick-find-balance"]'))).toBe('¥12,500.00');
      expect(text(rows()[0]!.querySelector('[data-test="quick-find-overdue"]'))).toBe('¥3,000.00');
      expect(text(rows()[0]!.querySelector('[data-test="quick-find-credit"]'))).toBe('¥7,500.00');
      expect(text(rows()[0])).toContain('零售店 · 华中 › 河南省 › 郑州市 · 李娜 · 13800001111');
      expect(text(rows()[1]!.querySelector('[data-test="quick-find-balance"]'))).toBe('-¥50.00');
      // a customer with no limit set says so instead of a figure
      await typeText('zz');
      await settle();
      expect(text(rows()[0]!.querySelector('[data-test="quick-find-credit"]'))).toBe('未设额度');

      await typeText('bjh');
      await settle();
      expect(rows()[0]!.getAttribute('aria-selected')).toBe('true');
      key(input(), 'ArrowDown');
      await flushPromises();
      expect(rows()[1]!.getAttribute('aria-selected')).toBe('true');
      key(input(), 'ArrowUp');
      key(input(), 'ArrowUp'); // wraps round to the last
      await flushPromises();
      expect(rows()[1]!.getAttribute('aria-selected')).toBe('true');
      key(input(), 'Enter');
      await until(() => router.currentRoute.value.path !== '/receivables/aging');
      expect(router.currentRoute.value.path).toBe('/customers/2');
      expect(dialogShown()).toBe(false);

      // again from anywhere; Esc closes and the next opening starts empty
      key(window, 'k', { ctrlKey: true });
      await settle();
      expect(dialogShown()).toBe(true);
      expect(input().value).toBe('');
      key(input(), 'Escape');
      await settle(300);
      expect(dialogShown()).toBe(false);
      expect(core.rejected).toEqual([]);
    },
  );

  it(
    'Enter typed before the answer opens the first match of what is typed now; an older answer never wins',
    { timeout: SLOW },
    async () => {
      const pending: Array<() => void> = [];
      let slow = true;
      const core = fakeCore({
        'receivables.find': ({ search }: { search: string }) => ({ rows: search === 'zz' ? customers.slice(2) : customers.slice(0, 2) }),
      });
      // the first answer ("bj") arrives late, after the answer to "zz"
      const { setTransport } = await import('@/api');
      const { contract } = await import('@shared/contract');
      setTransport(async (method, inp) => {
        const search = (inp as { search: string }).search;
        core.calls.push({ method, input: inp });
        contract['receivables.find'].input.parse(inp);
        const data = { rows: search === 'zz' ? customers.slice(2) : customers.slice(0, 2) };
        if (slow && search === 'bj') await new Promise<void>((r) => pending.push(r));
        return { ok: true, data };
      });
      wrapper = mount(QuickFind, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
      showQuickFind();
      await settle();
      await typeText('bj');
      await settle();
      await typeText('zz');
      await settle();
      slow = false;
      pending.forEach((r) => r());
      await settle();
      expect(rows()).toHaveLength(1);
      expect(text(rows()[0])).toContain('郑州百货大楼');

      // typed and Enter at once: the question is asked now and its first match opened
      await typeText('bj');
      key(input(), 'Enter');
      await until(() => router.currentRoute.value.path !== '/receivables/aging');
      expect(router.currentRoute.value.path).toBe('/customers/1');
    },
  );
});
