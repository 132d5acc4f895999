// 业绩考核表 on the print route, against the fake core: a team's scorecards in one job (evaluations.list with the team),
// one sheet per rep with its name, the period and the title, page 1 / 1 each, the two hand-signature blocks; one rep's
// scorecard from evaluations.get.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useAppStore } from '@/stores/app';
import { fakeCore, type Handler } from './fakeCore';
import { evaluation } from './evaluationFixture';

const SLOW = { timeout: 120_000 };
let wrapper: VueWrapper | undefined;

async function mountAt(path: string, handlers: Record<string, Handler>) {
  const core = fakeCore({ 'print.settings.get': () => ({ printers: [], forms: [] }), ...handlers });
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  const pinia = createPinia();
  setActivePinia(pinia);
  useAppStore().settings = { initialized: true, companyName: '华众商贸有限公司', locale: 'zh-CN' } as never;
  wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [pinia, router, i18n] },
    attachTo: document.body,
  });
  await vi.waitFor(() => expect(wrapper!.find('[data-test="print-stage"]').attributes('data-print-ready')).toBe('true'), {
    timeout: 20_000,
  });
  return core;
}

const team = [evaluation(), evaluation({ repId: 3, repCode: 'R03', repName: '周明', scores: null, teamRank: 2 })];
const scheme = { weights: {}, standardVisitsPerDayX100: 600, lostCustomerDays: 90 };

describe('scorecard print preview', () => {
  afterEach(() => {
    wrapper?.unmount();
    wrapper = undefined;
    document.body.innerHTML = '';
  });

  it('prints a team’s scorecards in one job, one sheet each with the rep, the period and two signature blocks', SLOW, async () => {
    const core = await mountAt('/print/scorecard?period=2025-10&teamId=1&paper=a4', {
      'evaluations.list': () => ({ period: '2025-10', from: '2025-10-01', to: '2025-10-31', rows: team, scheme }),
    });
    expect(core.of('evaluations.list')[0]!.input).toEqual({ period: '2025-10', teamId: 1 });
    const sheets = wrapper!.findAll('[data-test="print-sheet"]');
    expect(sheets).toHaveLength(2);
    for (const [i, name] of ['李娜', '周明'].entries()) {
      const sheet = sheets[i]!;
      expect(sheet.find('h1').text()).toBe('业绩考核表');
      expect(sheet.text()).toContain(`业务员：${name}`);
      expect(sheet.text()).toContain('2025-10');
      expect(sheet.find('[data-test="print-page-no"]').text()).toBe('第 1 / 1 页');
      const signature = sheet.find('[data-test="print-signature"]').text();
      expect(signature).toContain('业务员签字');
      expect(signature).toContain('主管签字');
    }
    expect(sheets[0]!.text()).toContain('积极主动');
    expect(sheets[1]!.text()).toContain('尚未评分');
    expect(wrapper!.find('[data-test="print-summary"]').text()).toBe('共 2 份表单，2 页');
  });

  it('prints one rep’s scorecard from evaluations.get', SLOW, async () => {
    const core = await mountAt('/print/scorecard?period=2025-10&repId=2&paper=a4', { 'evaluations.get': () => team[0] });
    expect(core.of('evaluations.get')[0]!.input).toEqual({ repId: 2, period: '2025-10' });
    expect(wrapper!.findAll('[data-test="print-sheet"]')).toHaveLength(1);
  });
});
