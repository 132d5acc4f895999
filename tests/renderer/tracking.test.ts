// 目标达成表 against a fake core: the question sent (metric, level, period, as-of date, breadcrumb), money in 元 and
// counts plain, 达成率 / 时间进度 as percentages with "—" for a 0 target, the bar's fill and time marker, the totals row,
// drill-down company → regions → reps → customers with the breadcrumb back, the missing-holiday warning, English.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore } from './fakeCore';
import type { TrackingRow } from '@shared/contract/tracking';
import { bpText, barWidth, drillLevelOf, parseWithin, periodFor } from '@/views/targets/trackingView';
import { todayYmd } from '@/views/receivables/dates';

const SLOW = 120_000;
let wrapper: VueWrapper | undefined;
let router: Router;

const row = (unitId: TrackingRow['unitId'], name: string, extra: Partial<TrackingRow>): TrackingRow => ({
  unitId,
  name,
  target: 0,
  actual: 0,
  achievementBp: null,
  timeProgressBp: 3333,
  gap: 0,
  requiredPerDay: 0,
  status: 'noTarget',
  rank: null,
  targetId: null,
  ...extra,
});

const reps = [
  row(7, '李娜', {
    target: 20_000_000,
    actual: 7_693_000,
    achievementBp: 3847,
    timeProgressBp: 2941,
    gap: 12_307_000,
    requiredPerDay: 1_025_584,
    status: 'ahead',
    rank: 1,
    targetId: 11,
  }),
  row(8, '王强', {
    target: 100_000,
    actual: 0,
    achievementBp: 0,
    gap: 100_000,
    requiredPerDay: 8_334,
    status: 'behind',
    rank: 2,
    targetId: 12,
  }),
  row(9, '赵磊', { target: 0, actual: 50_000, achievementBp: null, gap: -50_000, status: 'ahead', rank: 3, targetId: 13 }),
  row(10, '周敏', { actual: 12_345 }),
];
const total = {
  name: '合计',
  target: 20_100_000,
  actual: 7_755_345,
  achievementBp: 3858,
  timeProgressBp: 3333,
  gap: 12_344_655,
  requiredPerDay: 1_028_722,
  status: 'ahead' as const,
};

function tracking(input: { metric: string; level: string; period: string; within?: unknown[] }) {
  const base = { from: '2025-10-01', to: '2025-10-31', workingDays: 18, workingDaysElapsed: 6, toleranceBp: 500 };
  const unit = input.metric === 'visits' ? ('count' as const) : ('fen' as const);
  if (input.level === 'region')
    return {
      ...base,
      unit,
      yearsWithoutSchedule: [],
      rows: [row(3, '华东', { actual: 5_000_000 })],
      total: { ...total, target: 0, actual: 5_000_000, status: 'noTarget' as const },
    };
  if (input.level === 'customer')
    return {
      ...base,
      unit,
      yearsWithoutSchedule: [],
      scope: { ...reps[0]!, level: 'rep' as const, rank: undefined },
      rows: [row(21, '南京鼓楼便利店', { target: 5_000_000, actual: 12_800, achievementBp: 26, status: 'behind', rank: 1, targetId: 30 })],
      total: { ...total, target: 5_000_000, actual: 12_800 },
    };
  if (input.metric === 'visits')
    return {
      ...base,
      unit,
      yearsWithoutSchedule: [],
      rows: [row(7, '李娜', { target: 40, actual: 12, achievementBp: 3000, gap: 28, requiredPerDay: 3, status: 'onTrack', rank: 1 })],
      total: { ...total, target: 40, actual: 12, gap: 28, requiredPerDay: 3 },
    };
  return { ...base, unit, yearsWithoutSchedule: input.period.startsWith('2027') ? [2027] : [], rows: reps, total };
}

const base = { 'reps.list': () => ({ rows: [], total: 0 }), 'regions.tree': () => [], 'teams.list': () => [] };
const Host = defineComponent({ render: () => h(RouterView) });
const settle = async (ms = 60) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
async function until(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await settle(50);
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const bodyRows = () => Array.from(document.querySelectorAll('[data-test="tracking-table"] .el-table__body-wrapper tbody tr'));
const cells = (tr: Element) => Array.from(tr.querySelectorAll('td')).map((c) => text(c));
const footer = () => Array.from(document.querySelectorAll('[data-test="tracking-table"] .el-table__footer-wrapper td')).map((c) => text(c));

async function mountAt(path: string) {
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  wrapper = mount(Host, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
  await until(() => bodyRows().length > 0 || !!document.querySelector('[data-test="tracking-page"] .el-table__empty-text'));
  await settle();
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  setActivePinia(createPinia());
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('目标达成表', () => {
  it(
    'asks for the month of today by rep and shows money in 元, rates, the bar against the time marker, status, rank and the total',
    { timeout: SLOW },
    async () => {
      const core = fakeCore({ ...base, 'targets.tracking': tracking });
      await mountAt('/targets/tracking?period=2025-10&asOf=2025-10-15');
      expect(core.rejected).toEqual([]);
      expect(core.of('targets.tracking')[0]!.input).toEqual({ metric: 'sales', level: 'rep', period: '2025-10', asOf: '2025-10-15' });
      const rows = bodyRows();
      expect(rows).toHaveLength(4);
      expect(cells(rows[0]!).slice(0, 10)).toEqual([
        '李娜',
        '200,000.00',
        '76,930.00',
        '38.47%',
        '29.41%',
        '',
        '123,070.00',
        '10,255.84',
        '超前',
        '1',
      ]);
      // a 0 target: achievement "—"; no target: the target, rate, gap and rank stay empty
      expect(cells(rows[2]!).slice(0, 4)).toEqual(['赵磊', '0.00', '500.00', '—']);
      expect(cells(rows[3]!)).toEqual(['周敏', '', '123.45', '', '33.33%', '', '', '', '无目标', '']);
      const fill = rows[0]!.querySelector('[data-test="tracking-bar-fill"]') as HTMLElement;
      const marker = rows[0]!.querySelector('[data-test="tracking-bar-marker"]') as HTMLElement;
      expect(fill.style.width).toBe('38.47%');
      expect(fill.classList.contains('ahead')).toBe(true);
      expect(marker.style.left).toBe('29.41%');
      expect((rows[1]!.querySelector('[data-test="tracking-bar-fill"]') as HTMLElement).classList.contains('behind')).toBe(true);
      expect(rows[3]!.querySelector('[data-test="tracking-bar"]')).toBeNull();
      expect(footer().slice(0, 10)).toEqual([
        '合计',
        '201,000.00',
        '77,553.45',
        '38.58%',
        '33.33%',
        '',
        '123,446.55',
        '10,287.22',
        '超前',
        '',
      ]);
      expect(text(document.querySelector('[data-test="tracking-days"]'))).toBe('工作日 6 / 18 天 · 落后不超过 5 个百分点为正常');
      expect(document.querySelector('[data-test="tracking-no-schedule"]')).toBeNull();
    },
  );

  it('counts show plain; a year without an official schedule warns', { timeout: SLOW }, async () => {
    const core = fakeCore({ ...base, 'targets.tracking': tracking });
    await mountAt('/targets/tracking?metric=visits&period=2025-10&asOf=2025-10-15');
    expect(cells(bodyRows()[0]!).slice(0, 4)).toEqual(['李娜', '40', '12', '30.00%']);
    await router.push('/targets/tracking?period=2027&asOf=2027-03-01');
    await settle();
    expect(core.of('targets.tracking').at(-1)!.input).toMatchObject({ period: '2027', asOf: '2027-03-01' });
    expect(text(document.querySelector('[data-test="tracking-no-schedule"]'))).toContain('2027 年的法定节假日安排尚未录入');
  });

  it('drills company → regions → reps → customers with the breadcrumb, and goes back by it', { timeout: SLOW }, async () => {
    const core = fakeCore({
      ...base,
      'targets.tracking': (input: { level: string }) =>
        input.level === 'company'
          ? { ...tracking({ metric: 'sales', level: 'rep', period: '2025-10' }), rows: [row(null, '华众商贸', { actual: 1 })] }
          : tracking({ metric: 'sales', period: '2025-10', ...input }),
    });
    await mountAt('/targets/tracking?level=company&period=2025-10&asOf=2025-10-15');
    (document.querySelector('[data-test="tracking-drill"]') as HTMLElement).click();
    await settle();
    expect(core.of('targets.tracking').at(-1)!.input).toEqual({ metric: 'sales', level: 'region', period: '2025-10', asOf: '2025-10-15' });
    expect(text(bodyRows()[0]!.querySelector('td'))).toBe('华东');
    (document.querySelector('[data-test="tracking-drill"]') as HTMLElement).click();
    await settle();
    expect(core.of('targets.tracking').at(-1)!.input).toEqual({
      metric: 'sales',
      level: 'rep',
      period: '2025-10',
      asOf: '2025-10-15',
      within: [{ level: 'region', unitId: 3 }],
    });
    (document.querySelector('[data-test="tracking-drill"]') as HTMLElement).click();
    await settle();
    expect(core.of('targets.tracking').at(-1)!.input.within).toEqual([
      { level: 'region', unitId: 3 },
      { level: 'rep', unitId: 7 },
    ]);
    expect(core.of('targets.tracking').at(-1)!.input.level).toBe('customer');
    // Element Plus renders a separator after every item (the last one hidden by its CSS)
    expect(text(document.querySelector('[data-test="tracking-scope"]'))).toBe(
      // (the gaps after the name and around the tag are CSS margins)
      '业务员 李娜目标 200,000.00 · 实际 76,930.00 · 达成率 38.47% · 时间进度 29.41% · 超前· 已分配到下级 50,000.00，未分配 150,000.00',
    );
    expect(text(document.querySelector('[data-test="tracking-crumbs"]'))).toBe('全部›区域 华东›业务员 李娜›');
    // a customer leads nowhere further
    expect(document.querySelector('[data-test="tracking-drill"]')).toBeNull();
    (document.querySelector('[data-test="tracking-crumb-1"]') as HTMLElement).click();
    await settle();
    expect(core.of('targets.tracking').at(-1)!.input).toMatchObject({ level: 'rep', within: [{ level: 'region', unitId: 3 }] });
    expect(core.rejected).toEqual([]);
  });

  it('in English', { timeout: SLOW }, async () => {
    fakeCore({ ...base, 'targets.tracking': tracking });
    i18n.global.locale.value = 'en';
    await mountAt('/targets/tracking?period=2025-10&asOf=2025-10-15');
    const head = Array.from(document.querySelectorAll('[data-test="tracking-table"] .el-table__header-wrapper th')).map((c) => text(c));
    expect(head.slice(0, 10)).toEqual([
      'Rep',
      'Target',
      'Actual',
      'Achievement',
      'Time progress',
      'Progress',
      'Gap',
      'Needed per day',
      'Status',
      'Rank',
    ]);
    expect(cells(bodyRows()[0]!)[8]).toBe('Ahead');
  });
});

describe('trackingView', () => {
  it('bp as percentages and points, bars clamped, drill levels per metric, the breadcrumb and period kinds', () => {
    expect([bpText(3847), bpText(10_000), bpText(5), bpText(-150), bpText(null), bpText(500, false), bpText(550, false)]).toEqual([
      '38.47%',
      '100.00%',
      '0.05%',
      '-1.50%',
      '—',
      '5',
      '5.5',
    ]);
    expect([barWidth(12_500), barWidth(-10), barWidth(null), barWidth(2941)]).toEqual(['100%', '0%', '0%', '29.41%']);
    expect(drillLevelOf('rep', 'sales')).toBe('customer');
    expect(drillLevelOf('customer', 'sales')).toBeNull();
    expect(drillLevelOf('productCategory', 'sales')).toBe('productCategory');
    expect(parseWithin('[{"level":"rep","unitId":7,"name":"李娜"},{"level":"bogus","unitId":1,"name":"x"}]')).toEqual([
      { level: 'rep', unitId: 7, name: '李娜' },
    ]);
    expect(parseWithin('{not json')).toEqual([]);
    expect([
      periodFor('quarter', '2025-10', '2025-11-15'),
      periodFor('year', '2025-10', '2025-11-15'),
      periodFor('month', '2024', '2025-11-15'),
    ]).toEqual(['2025-Q4', '2025', '2024-01']);
    expect(todayYmd()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
