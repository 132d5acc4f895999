// A screen's first question asked ahead (as the router enters it, or as the app starts on its address) is answered
// once, to that screen's first load of the very same question, and only while fresh; otherwise the screen asks itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { askAhead, askOnEnter, useLatestCall } from '@/composables/latestCall';
import { askDashboardAhead, dashboardChoice, initialChoice, receivablesUnsupported } from '@/views/analytics/analyticsState';
import { fakeCore } from './fakeCore';

const exceptionsAnswer = (date: string) => ({ date, items: [], counts: {} });

/** A screen asking analytics.exceptions for `date()` on mount, showing the date it was answered for. */
function screen(date: () => string) {
  return defineComponent({
    setup() {
      const { answer, load } = useLatestCall('analytics.exceptions', () => ({ date: date() }));
      void load();
      return () => h('p', answer.value ? (answer.value as { date: string }).date : '');
    },
  });
}

afterEach(() => {
  vi.useRealTimers();
  Object.assign(dashboardChoice, initialChoice());
});

describe('asking ahead', () => {
  it('the first load of the same question takes the answer asked ahead: one request, not two', async () => {
    const core = fakeCore({ 'analytics.exceptions': (i: { date: string }) => exceptionsAnswer(i.date) });
    askAhead('analytics.exceptions', { date: '2026-11-30' });
    askAhead('analytics.exceptions', { date: '2026-11-30' }); // asked twice ahead (guard and start): still one
    expect(core.of('analytics.exceptions')).toHaveLength(1);
    const w = mount(screen(() => '2026-11-30'));
    await flushPromises();
    expect(w.text()).toBe('2026-11-30');
    expect(core.of('analytics.exceptions')).toHaveLength(1);
    // taken once: a second screen asks again
    const again = mount(screen(() => '2026-11-30'));
    await flushPromises();
    expect(again.text()).toBe('2026-11-30');
    expect(core.of('analytics.exceptions')).toHaveLength(2);
  });

  it('another question (the choices changed meanwhile) is asked anew, and the answer shown is for it', async () => {
    const core = fakeCore({ 'analytics.exceptions': (i: { date: string }) => exceptionsAnswer(i.date) });
    askAhead('analytics.exceptions', { date: '2026-11-29' });
    const w = mount(screen(() => '2026-11-28'));
    await flushPromises();
    expect(w.text()).toBe('2026-11-28');
    expect(core.of('analytics.exceptions').map((c) => c.input.date)).toEqual(['2026-11-29', '2026-11-28']);
  });

  it('an answer asked ahead more than 3 s before is stale: the screen asks again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
    const core = fakeCore({ 'analytics.exceptions': (i: { date: string }) => exceptionsAnswer(i.date) });
    askAhead('analytics.exceptions', { date: '2026-11-27' });
    vi.setSystemTime(new Date('2026-12-01T08:00:03.001Z'));
    mount(screen(() => '2026-11-27'));
    await flushPromises();
    expect(core.of('analytics.exceptions')).toHaveLength(2);
  });

  it('a question that failed ahead is asked again by the screen, which shows the second answer', async () => {
    let fail = true;
    const core = fakeCore({
      'analytics.exceptions': (i: { date: string }) => {
        if (fail) throw { code: 'INTERNAL', message: '暂时不可用' };
        return exceptionsAnswer(i.date);
      },
    });
    askAhead('analytics.exceptions', { date: '2026-11-26' });
    await flushPromises();
    fail = false;
    const w = mount(screen(() => '2026-11-26'));
    await flushPromises();
    expect(w.text()).toBe('2026-11-26');
    expect(core.of('analytics.exceptions')).toHaveLength(2);
  });

  it('a dashboard asks with the shared choice less the filters it cannot take, as its load will', async () => {
    const core = fakeCore({ 'analytics.receivables': () => ({}) });
    Object.assign(dashboardChoice, { kind: 'month', month: '2026-10', regionId: 7, channelType: 'distributor', productCategoryId: 3 });
    const options = askDashboardAhead('analytics.receivables', receivablesUnsupported);
    expect(options.prefetchOnStart).toBe(options.beforeRouteEnter);
    options.beforeRouteEnter();
    expect(core.rejected).toEqual([]);
    expect(core.of('analytics.receivables').map((c) => c.input)).toEqual([
      { period: { from: '2026-10-01', to: '2026-10-31' }, filters: { regionId: 7 } },
    ]);
    const exceptions = fakeCore({ 'analytics.exceptions': (i: { date: string }) => exceptionsAnswer(i.date) });
    askOnEnter('analytics.exceptions', () => ({ date: '2026-12-01' })).prefetchOnStart();
    expect(exceptions.of('analytics.exceptions').map((c) => c.input)).toEqual([{ date: '2026-12-01' }]);
  });
});
