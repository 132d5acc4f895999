// 系统设置: loads the settings, edits them from the keyboard, refuses aging edges that do not ascend (with the message,
// live under the field), sends only what changed in the sections the role may change, and is read-only for a clerk.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useAppStore } from '@/stores/app';
import { useAuthStore } from '@/stores/auth';
import type { OperatorRole } from '@shared/domain/dailyForms';
import { mayChangeAnySetting, mayChangeSection } from '@/views/settings/rights';
import { parseEdgesText } from '@/views/settings/edgesText';
import { loadDocs } from '@/print/load';
import { fakeCore } from './fakeCore';

const stored = () => ({
  initialized: true,
  companyName: '郑州华众商贸有限公司',
  companyPhone: '0371-6666 8888',
  companyAddress: '郑州市金水区花园路 1 号',
  locale: 'zh-CN' as const,
  schemaVersion: 12,
  databasePath: ':memory:',
  needsAdmin: false,
  idleMinutes: 30,
  creditControlMode: 'warn' as const,
  overdueDays: 90,
  agingBucketEdges: [30, 60, 90, 180],
  trackingToleranceBp: 500,
  abcCutoffsBp: [7000, 9000, 9800],
  lifecycleLostDays: 180,
  stageProbabilityBp: { identify: 1000, contact: 2000, needs: 3000, demo: 5000, quote: 6000, negotiate: 8000 },
});

const settle = async (ms = 100) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
const ctrlS = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
const enter = (el: Element) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
const field = (w: VueWrapper, name: string) => w.find<HTMLInputElement>(`input[data-test="${name}"], [data-test="${name}"] input`);
const messages = () => Array.from(document.querySelectorAll('.el-message')).map((m) => m.textContent ?? '');

let wrapper: VueWrapper;
let pinia: Pinia;

/** The app's routes at /settings, signed in as `role` (none: the component-test default where everything shows). */
async function mountSettings(role: OperatorRole | null = 'admin') {
  let current = stored();
  const core = fakeCore({
    'settings.get': () => current,
    'settings.save': (input: Record<string, unknown>) => (current = { ...current, ...input }),
    'customers.list': () => ({ rows: [], total: 0 }),
    'customers.tags': () => [],
  });
  pinia = createPinia();
  setActivePinia(pinia);
  if (role) useAuthStore(pinia).operator = { id: 3, name: '测试', role, repId: null, repName: null, hasSignature: false };
  const router: Router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/settings');
  await router.isReady();
  const App = defineComponent({ render: () => h(RouterView) });
  wrapper = mount(App, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await vi.waitFor(() => expect(field(wrapper, 'f-companyName').element.value).toBe('郑州华众商贸有限公司'), { timeout: 10_000 });
  return Object.assign(core, { router });
}

/** The reason under the edges field, shown as they are typed. */
const edgesError = async (text: string) =>
  vi.waitFor(() => {
    expect(wrapper.find('[data-test="edges-item"] .el-form-item__error').text()).toBe(text);
    expect(wrapper.find('[data-test="aging-no-preview"]').exists()).toBe(true);
  });
const previewLabels = () => wrapper.findAll('[data-test="aging-bucket"]').map((t) => t.text());

describe('settings screen', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
    i18n.global.locale.value = 'zh-CN';
  });

  it('loads every setting into its section, with the bucket labels of the stored edges', async () => {
    await mountSettings();
    expect(field(wrapper, 'f-companyPhone').element.value).toBe('0371-6666 8888');
    expect(field(wrapper, 'f-companyAddress').element.value).toBe('郑州市金水区花园路 1 号');
    expect(wrapper.find('[data-test="mode-warn"]').classes()).toContain('is-checked');
    expect(field(wrapper, 'f-overdueDays').element.value).toBe('90');
    expect(field(wrapper, 'f-agingEdges').element.value).toBe('30, 60, 90, 180');
    expect(field(wrapper, 'f-idleMinutes').element.value).toBe('30');
    expect(previewLabels()).toEqual(['未到期', '1–30天', '31–60天', '61–90天', '91–180天', '180天以上']);
    expect(wrapper.find('[data-test="mode-help"]').text()).toContain('须经理填写理由放行');
    expect(wrapper.findAll('[data-test="read-only-tag"]')).toHaveLength(0);
    // the cursor starts in the company name
    expect(document.activeElement).toBe(field(wrapper, 'f-companyName').element);
  });

  it('Enter walks the fields in order; Ctrl+S sends exactly what changed and the app follows at once', async () => {
    const core = await mountSettings();
    const order = ['f-companyName', 'f-companyPhone', 'f-companyAddress'];
    for (let i = 0; i < order.length - 1; i++) {
      enter(field(wrapper, order[i]!).element);
      expect(document.activeElement).toBe(field(wrapper, order[i + 1]!).element);
    }
    enter(field(wrapper, 'f-companyAddress').element);
    // the mode is one stop (a radio group), then the days, the edges and the idle minutes
    expect((document.activeElement as HTMLInputElement).type).toBe('radio');
    enter(document.activeElement!);
    expect(document.activeElement).toBe(field(wrapper, 'f-overdueDays').element);
    enter(document.activeElement!);
    expect(document.activeElement).toBe(field(wrapper, 'f-agingEdges').element);
    enter(document.activeElement!);
    expect(document.activeElement).toBe(field(wrapper, 'f-trackingTolerance').element);
    expect(field(wrapper, 'f-trackingTolerance').element.value).toBe('5');
    // the grading cut-offs A, B, C in whole percent, then the lost-after days
    for (const [name, value] of [
      ['f-abcA', '70'],
      ['f-abcB', '90'],
      ['f-abcC', '98'],
      ['f-lifecycleLostDays', '180'],
      // the opportunity stages' default probabilities in whole percent
      ['f-stage-probability-identify', '10'],
      ['f-stage-probability-contact', '20'],
      ['f-stage-probability-needs', '30'],
      ['f-stage-probability-demo', '50'],
      ['f-stage-probability-quote', '60'],
      ['f-stage-probability-negotiate', '80'],
    ] as const) {
      enter(document.activeElement!);
      expect(document.activeElement).toBe(field(wrapper, name).element);
      expect(field(wrapper, name).element.value).toBe(value);
    }
    enter(document.activeElement!);
    expect(document.activeElement).toBe(field(wrapper, 'f-idleMinutes').element);

    await field(wrapper, 'f-companyPhone').setValue('0371-6000 1234');
    await wrapper.find('[data-test="mode-block"] input').setValue(true);
    await field(wrapper, 'f-overdueDays').setValue('60');
    await field(wrapper, 'f-agingEdges').setValue('15，45、120');
    await field(wrapper, 'f-trackingTolerance').setValue('3');
    await field(wrapper, 'f-abcB').setValue('85');
    await field(wrapper, 'f-lifecycleLostDays').setValue('90');
    await field(wrapper, 'f-idleMinutes').setValue('20');
    // the preview follows what is typed
    expect(previewLabels()).toEqual(['未到期', '1–15天', '16–45天', '46–120天', '120天以上']);
    ctrlS();
    await settle();
    expect(core.rejected).toEqual([]);
    expect(core.of('settings.save').map((c) => c.input)).toEqual([
      {
        companyPhone: '0371-6000 1234',
        creditControlMode: 'block',
        overdueDays: 60,
        agingBucketEdges: [15, 45, 120],
        trackingToleranceBp: 300,
        abcCutoffsBp: [7000, 8500, 9800],
        lifecycleLostDays: 90,
        idleMinutes: 20,
      },
    ]);
    expect(messages().join()).toContain('已保存');
    // shown as stored; the header's settings and this window's idle sign-out take the new values
    expect(field(wrapper, 'f-agingEdges').element.value).toBe('15, 45, 120');
    expect(useAppStore(pinia).settings).toMatchObject({ creditControlMode: 'block', companyPhone: '0371-6000 1234' });
    expect(useAuthStore(pinia).idleMinutes).toBe(20);
    // nothing more changed: nothing is sent again
    ctrlS();
    await settle();
    expect(core.of('settings.save')).toHaveLength(1);
    expect(messages().join()).toContain('没有修改');
  });

  it('refuses aging edges that do not ascend (and other bad values) with a message, in both languages, and saves nothing', async () => {
    const core = await mountSettings();
    await field(wrapper, 'f-agingEdges').setValue('30, 90, 60');
    await edgesError('账龄分段必须从小到大：60 不大于它前面的 90');
    expect(previewLabels()).toEqual([]);
    ctrlS();
    await settle();
    await edgesError('账龄分段必须从小到大：60 不大于它前面的 90');
    expect(core.of('settings.save')).toHaveLength(0);

    await field(wrapper, 'f-agingEdges').setValue('30, 3x');
    await edgesError('账龄分段：「3x」不是整数天数');
    await field(wrapper, 'f-agingEdges').setValue('');
    await edgesError('账龄分段：至少填写一个天数');

    i18n.global.locale.value = 'en';
    await field(wrapper, 'f-agingEdges').setValue('30 30');
    await edgesError('Aging buckets must ascend: 30 is not greater than the 30 before it');
    await field(wrapper, 'f-agingEdges').setValue('10 20');
    expect(previewLabels()).toEqual(['Not due', '1–10 days', '11–20 days', 'Over 20 days']);
    // other bad values are refused too: a phone with letters, overdue days 0
    await field(wrapper, 'f-companyPhone').setValue('tel 0371');
    await field(wrapper, 'f-overdueDays').setValue('0');
    ctrlS();
    await settle();
    await vi.waitFor(() => {
      const errors = wrapper.findAll('.el-form-item__error').map((e) => e.text());
      expect(errors).toContain('Company phone: digits, spaces, +, - and brackets only');
      expect(errors).toContain('Overdue days N cannot be less than 1');
    });
    expect(core.of('settings.save')).toHaveLength(0);
  });

  it('a manager changes credit control and aging only: company and sign-in are read-only and never sent', async () => {
    const core = await mountSettings('manager');
    expect(field(wrapper, 'f-companyName').element.disabled).toBe(true);
    expect(field(wrapper, 'f-companyPhone').element.disabled).toBe(true);
    expect(field(wrapper, 'f-idleMinutes').element.disabled).toBe(true);
    expect(field(wrapper, 'f-overdueDays').element.disabled).toBe(false);
    expect(wrapper.findAll('[data-test="read-only-tag"]')).toHaveLength(2);
    expect(wrapper.find('[data-test="section-company"]').text()).toContain('可修改：系统管理员');
    // the cursor goes to the first field the manager may change
    expect((document.activeElement as HTMLInputElement).type).toBe('radio');
    await field(wrapper, 'f-agingEdges').setValue('30, 60, 90, 180, 365');
    await wrapper.find('[data-test="settings-save"]').trigger('click');
    await settle();
    expect(core.of('settings.save').map((c) => c.input)).toEqual([{ agingBucketEdges: [30, 60, 90, 180, 365] }]);
  });

  it('is read-only for a clerk: every field disabled, no save, Ctrl+S sends nothing', async () => {
    const core = await mountSettings('clerk');
    for (const f of [
      'f-companyName',
      'f-companyPhone',
      'f-companyAddress',
      'f-overdueDays',
      'f-agingEdges',
      'f-abcA',
      'f-lifecycleLostDays',
      'f-stage-probability-quote',
      'f-idleMinutes',
    ]) {
      expect(field(wrapper, f).element.disabled, f).toBe(true);
    }
    expect(wrapper.findAll('[data-test="f-creditControlMode"] input').every((r) => (r.element as HTMLInputElement).disabled)).toBe(true);
    expect(wrapper.findAll('[data-test="read-only-tag"]')).toHaveLength(5);
    expect(wrapper.find('[data-test="settings-save"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="settings-read-only"]').text()).toContain('你的角色（文员）不能修改这些设置');
    ctrlS();
    await settle();
    expect(core.of('settings.save')).toHaveLength(0);
  });

  it('asks before leaving with unsaved changes', async () => {
    const core = await mountSettings();
    await field(wrapper, 'f-overdueDays').setValue('45');
    void core.router.push('/customers');
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('放弃未保存的修改');
    expect(core.router.currentRoute.value.path).toBe('/settings');
  });
});

describe('the statement print', () => {
  it('prints the company phone and address set here on its contact line', async () => {
    fakeCore({
      'settings.get': () => stored(),
      'statements.get': () => ({
        customerId: 9,
        customerCode: 'C0009',
        customerName: '北京华众超市',
        contactName: '',
        phone: '',
        address: '',
        from: '2026-03-01',
        to: '2026-03-31',
        openingFen: 0,
        lines: [],
        debitFen: 0,
        creditFen: 0,
        closingFen: 0,
        aging: { bucketEdges: [30, 60, 90, 180], notDueFen: 0, bucketsFen: [0, 0, 0, 0, 0], totalFen: 0, overdueFen: 0, prepaymentFen: 0 },
      }),
    });
    const build = await loadDocs({ kind: 'statement', customerId: 9, from: '2026-03-01', to: '2026-03-31' });
    const lines = build({} as never)[0]!.tail.map((b) => ('text' in b ? b.text : ''));
    expect(lines.at(-1)).toContain(
      '如有不符请与我司联系。\u3000郑州华众商贸有限公司\u3000电话 0371-6666 8888\u3000地址 郑州市金水区花园路 1 号',
    );
  });
});

describe('settings rights and edges', () => {
  it('shows the menu item only to roles that may change something', () => {
    expect(mayChangeAnySetting('admin')).toBe(true);
    expect(mayChangeAnySetting('manager')).toBe(true);
    expect(mayChangeAnySetting('supervisor')).toBe(false);
    expect(mayChangeAnySetting('clerk')).toBe(false);
    expect(mayChangeSection('manager', 'company')).toBe(false);
    expect(mayChangeSection('manager', 'aging')).toBe(true);
  });

  it('reads edges typed with any separator and names the first fault', () => {
    expect(parseEdgesText(' 30,60 90，180、365 ')).toEqual({ ok: true, edges: [30, 60, 90, 180, 365] });
    expect(parseEdgesText('３０, ６０')).toEqual({ ok: true, edges: [30, 60] });
    expect(parseEdgesText('0, 30')).toMatchObject({ ok: false, message: 'edgesRange' });
    expect(parseEdgesText('30, 3651')).toMatchObject({ ok: false, message: 'edgesRange' });
    expect(parseEdgesText('1 2 3 4 5 6 7 8 9')).toMatchObject({ ok: false, message: 'edgesTooMany', values: { n: 9 } });
    expect(parseEdgesText('30, 30.5')).toMatchObject({ ok: false, message: 'edgesNotNumber' });
    expect(parseEdgesText('60, 30')).toMatchObject({ ok: false, message: 'edgesNotAscending', values: { value: 30, previous: 60 } });
  });
});
