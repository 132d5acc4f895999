// 工作日历 screen: the year's months coloured by the core's kinds with the month and year totals, a company day set and
// cleared from a click or the keyboard, the warning for a year without an official schedule and the schedule entered
// from it (preview, errors by line, save only from an unchanged error-free preview), read-only for a clerk, English.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useAuthStore } from '@/stores/auth';
import type { OperatorRole } from '@shared/domain/dailyForms';
import type { CalendarDay, CalendarDayKind, CalendarYear, SchedulePreview } from '@shared/contract/calendar';
import { LIBRARY_LAST_YEAR, WorkCalendar, type DayOverride } from '@shared/calendar';
import { addDays, isoWeekday } from '@shared/periods';
import { fakeCore } from './fakeCore';

/** The fake core's calendar: the shared WorkCalendar over the entries the screen sends. */
function fakeCalendar() {
  const company = new Map<string, { kind: DayOverride; note: string }>();
  const official = new Map<string, { kind: DayOverride; name: string }>();
  function year(y: number): CalendarYear {
    const cal = new WorkCalendar({
      company: new Map([...company].map(([d, e]) => [d, e.kind])),
      official: new Map([...official].map(([d, e]) => [d, e.kind])),
    });
    const base = new WorkCalendar({ official: new Map([...official].map(([d, e]) => [d, e.kind])) });
    const days: CalendarDay[] = [];
    for (let d = `${String(y)}-01-01`; d <= `${String(y)}-12-31`; d = addDays(d, 1)) {
      const info = cal.day(d);
      const own = company.get(d);
      const name = official.get(d)?.name ?? base.day(d).name;
      const weekend = isoWeekday(d) > 5;
      const kind: CalendarDayKind = own
        ? own.kind === 'work'
          ? 'companyWork'
          : 'companyOff'
        : info.work
          ? weekend
            ? 'makeUp'
            : 'workday'
          : !weekend || name
            ? 'holiday'
            : 'weekend';
      days.push({ date: d, work: info.work, source: info.source, kind, name, note: own?.note ?? '', officialWork: base.day(d).work });
    }
    const monthWorkingDays = Array.from(
      { length: 12 },
      (_, i) => days.filter((x) => x.work && Number(x.date.slice(5, 7)) === i + 1).length,
    );
    return {
      year: y,
      days,
      monthWorkingDays,
      workingDays: monthWorkingDays.reduce((a, b) => a + b, 0),
      hasOfficialSchedule: cal.hasOfficialSchedule(y),
      libraryLastYear: LIBRARY_LAST_YEAR,
      officialEntries: [...official.keys()].filter((d) => d.startsWith(String(y))).length,
    };
  }
  return { company, official, year };
}

const cleanPreview: SchedulePreview = {
  year: 2027,
  days: [
    { line: 1, date: '2027-01-01', kind: 'off', name: '元旦' },
    { line: 2, date: '2027-02-14', kind: 'work', name: '春节' },
  ],
  errors: [],
  ignored: [{ line: 3, text: '国务院办公厅关于2027年部分节假日安排的通知' }],
  offDays: 1,
  makeUpDays: 1,
  monthWorkingDays: [20, 21, 23, 22, 21, 22, 22, 22, 22, 21, 22, 23],
  workingDays: 261,
  replaced: 0,
  committed: false,
};

let wrapper: VueWrapper;
let pinia: Pinia;

async function mountCalendar(year: number, role: OperatorRole | null = 'manager') {
  const cal = fakeCalendar();
  let nextPreview: SchedulePreview = cleanPreview;
  const core = fakeCore({
    'calendar.year': (input: { year: number }) => cal.year(input.year),
    'calendar.setDays': (input: { dates: string[]; kind: DayOverride | null; note: string }) => {
      for (const d of input.dates) {
        if (input.kind) cal.company.set(d, { kind: input.kind, note: input.note });
        else cal.company.delete(d);
      }
      return { changed: input.dates.length };
    },
    'calendar.importSchedule': (input: { commit: boolean }) => {
      if (input.commit) for (const d of nextPreview.days) cal.official.set(d.date, { kind: d.kind, name: d.name });
      return { ...nextPreview, committed: input.commit };
    },
    'customers.list': () => ({ rows: [], total: 0 }),
    'customers.tags': () => [],
  });
  pinia = createPinia();
  setActivePinia(pinia);
  if (role) useAuthStore(pinia).operator = { id: 3, name: '测试', role, repId: null, repName: null, hasSignature: false };
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(`/calendar?year=${String(year)}`);
  await router.isReady();
  const App = defineComponent({ render: () => h(RouterView) });
  wrapper = mount(App, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.findAll('[data-date]').length).toBeGreaterThan(360), { timeout: 10_000 });
  return Object.assign(core, { cal, setPreview: (p: SchedulePreview) => (nextPreview = p) });
}

const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 50));
  await flushPromises();
};
const day = (date: string) => wrapper.find(`[data-date="${date}"]`);
const monthCounts = () => wrapper.findAll('[data-test="month-count"]').map((c) => c.text());
const dialog = (name: string) => document.querySelector<HTMLElement>(`[data-test="${name}"]`);
const click = async (el: Element | null) => {
  (el as HTMLElement).click();
  await settle();
};

describe('working-day calendar screen', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
    i18n.global.locale.value = 'zh-CN';
  });

  it('shows the year Monday first, coloured by kind, with holiday names and the month and year counts', async () => {
    const core = await mountCalendar(2025);
    expect(core.of('calendar.year').map((c) => c.input)).toEqual([{ year: 2025 }]);
    expect(wrapper.findAll('section.month')).toHaveLength(12);
    // October 2025: National Day 1–8 off, Sunday 9/28 and Saturday 10/11 worked → 18 working days
    expect(monthCounts()[9]).toBe('工作日 18 天');
    expect(monthCounts()[0]).toBe('工作日 19 天');
    expect(wrapper.find('[data-test="year-total"]').text()).toBe('全年工作日 248 天');
    expect(day('2025-10-01').attributes('data-kind')).toBe('holiday');
    expect(day('2025-10-01').text()).toContain('国庆节');
    expect(day('2025-10-11').attributes('data-kind')).toBe('makeUp');
    expect(day('2025-10-11').find('.mark').text()).toBe('班');
    expect(day('2025-10-18').attributes('data-kind')).toBe('weekend');
    expect(day('2025-10-20').attributes('data-kind')).toBe('workday');
    expect(day('2025-10-20').attributes('title')).toBe('2025-10-20 一 · 工作日');
    expect(day('2025-10-01').attributes('title')).toBe('2025-10-01 三 · 法定节假日 · 国庆节 · 国家安排（内置）');
    // Monday first: 1 October 2025 is a Wednesday, the third cell of the month's first row
    const october = wrapper.find('[data-test="month-10"]');
    expect(october.findAll('th').map((th) => th.text())).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(october.find('tbody tr').findAll('td')[2]!.find('[data-date]').attributes('data-date')).toBe('2025-10-01');
    expect(wrapper.find('[data-test="legend"]').text()).toContain('调休上班');
    expect(wrapper.find('[data-test="no-schedule"]').exists()).toBe(false);
    // a year the library knows needs no schedule entered
    expect(wrapper.find('[data-test="open-import"]').exists()).toBe(false);
  });

  it('a click sets a company day off with its note, the keyboard reaches another day, and 按国家安排 clears it', async () => {
    const core = await mountCalendar(2025);
    await day('2025-10-09').trigger('click');
    await settle();
    expect(dialog('day-dialog')?.textContent).toContain('2025-10-09（星期四）');
    expect(dialog('day-official')?.textContent).toContain('上班');
    // a working day proposes a company day off
    expect(document.querySelector('[data-test="choice-off"]')?.classList.contains('is-checked')).toBe(true);
    const note = document.querySelector<HTMLInputElement>('input[data-test="day-note"], [data-test="day-note"] input')!;
    note.value = '公司年会';
    note.dispatchEvent(new Event('input'));
    await click(document.querySelector('[data-test="day-save"]'));
    expect(core.rejected).toEqual([]);
    expect(core.of('calendar.setDays').map((c) => c.input)).toEqual([
      { dates: ['2025-10-09'], source: 'company', kind: 'off', note: '公司年会' },
    ]);
    expect(core.of('calendar.year')).toHaveLength(2); // reloaded
    expect(day('2025-10-09').attributes('data-kind')).toBe('companyOff');
    expect(day('2025-10-09').text()).toContain('公司年会');
    expect(monthCounts()[9]).toBe('工作日 17 天');

    // arrows move the focus a day or a week (Enter on the focused day is the button's own click)
    (day('2025-10-09').element as HTMLElement).focus();
    day('2025-10-09').element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle();
    expect((document.activeElement as HTMLElement).dataset.date).toBe('2025-10-16');
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await settle();
    expect((document.activeElement as HTMLElement).dataset.date).toBe('2025-10-15');
    expect(day('2025-10-15').attributes('tabindex')).toBe('0');
    expect(day('2025-10-09').attributes('tabindex')).toBe('-1');

    // the company day, opened again, shows its entry; 按国家安排 removes it
    await day('2025-10-09').trigger('click');
    await settle();
    expect(document.querySelector('[data-test="choice-off"]')?.classList.contains('is-checked')).toBe(true);
    await click(document.querySelector('[data-test="choice-official"] input'));
    await click(document.querySelector('[data-test="day-save"]'));
    expect(core.of('calendar.setDays').at(-1)!.input).toEqual({ dates: ['2025-10-09'], source: 'company', kind: null, note: '' });
    expect(day('2025-10-09').attributes('data-kind')).toBe('workday');
    expect(monthCounts()[9]).toBe('工作日 18 天');
    // Shift+click on a second day sets the whole range at once
    await day('2025-12-29').trigger('click');
    await settle();
    await click(document.querySelector('[data-test="day-cancel"]'));
    await day('2025-12-31').trigger('click', { shiftKey: true });
    await settle();
    expect(document.querySelector('[data-test="day-dialog"] .el-dialog__title')?.textContent).toBe('2025-12-29 至 2025-12-31（3 天）');
    expect(dialog('day-official')?.textContent).toContain('上班 3 天，休息 0 天');
    // Enter on the chosen option saves
    document
      .querySelector('[data-test="day-choice"] .is-checked input')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle();
    expect(core.of('calendar.setDays').at(-1)!.input).toEqual({
      dates: ['2025-12-29', '2025-12-30', '2025-12-31'],
      source: 'company',
      kind: 'off',
      note: '',
    });
    expect(['2025-12-29', '2025-12-30', '2025-12-31'].map((d) => day(d).attributes('data-kind'))).toEqual([
      'companyOff',
      'companyOff',
      'companyOff',
    ]);
    expect(monthCounts()[11]).toBe('工作日 20 天');
  });

  it('warns about a year without an official schedule and enters it: preview, then save exactly the previewed text', async () => {
    const core = await mountCalendar(2027);
    const banner = wrapper.find('[data-test="no-schedule"]');
    expect(banner.text()).toContain('2027 年的国家法定节假日安排尚未录入');
    expect(banner.text()).toContain('内置的节假日数据只到 2026 年');
    expect(wrapper.find('[data-test="weekday-only"]').text()).toBe('按周一至周五');
    expect(day('2027-03-01').attributes('title')).toBe('2027-03-01 一 · 工作日 · 按周一至周五');
    await banner.find('[data-test="banner-import"]').trigger('click');
    await settle();
    expect(dialog('import-dialog')?.textContent).toContain('录入 2027 年国家法定节假日安排');
    const save = () => document.querySelector<HTMLButtonElement>('[data-test="schedule-save"]')!;
    expect(save().disabled).toBe(true);

    const area = document.querySelector<HTMLTextAreaElement>('textarea[data-test="schedule-text"], [data-test="schedule-text"] textarea')!;
    const text = '2027-01-01 休 元旦\n2027-02-14 班 春节\n国务院办公厅关于2027年部分节假日安排的通知';
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await settle();
    await click(document.querySelector('[data-test="schedule-preview"]'));
    expect(core.of('calendar.importSchedule').map((c) => c.input)).toEqual([{ year: 2027, text, commit: false }]);
    expect(dialog('preview-summary')?.textContent).toContain('放假 1 天，调休上班 1 天；按此安排全年工作日 261 天');
    expect(dialog('preview-days')?.textContent).toContain('元旦');
    expect(dialog('preview-ignored')?.textContent).toContain('1 行没有日期，未读取：3');
    expect(save().disabled).toBe(false);

    // a changed text must be previewed again before it can be saved
    area.value = `${text}\n`;
    area.dispatchEvent(new Event('input'));
    await settle();
    expect(dialog('preview-stale')).not.toBeNull();
    expect(save().disabled).toBe(true);
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await settle();
    expect(save().disabled).toBe(false);

    await click(save());
    expect(core.rejected).toEqual([]);
    expect(core.of('calendar.importSchedule').at(-1)!.input).toEqual({ year: 2027, text, commit: true });
    expect(core.of('calendar.year')).toHaveLength(2);
    expect(wrapper.find('[data-test="no-schedule"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="weekday-only"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="official-entered"]').text()).toBe('2027 年的国家安排已录入（2 天）');
    expect(day('2027-01-01').attributes('data-kind')).toBe('holiday');
    expect(day('2027-02-14').attributes('data-kind')).toBe('makeUp');
    expect(wrapper.find('[data-test="open-import"]').text()).toBe('重新录入国家安排');
  });

  it('a preview with bad lines lists each with its line number and cannot be saved', async () => {
    const core = await mountCalendar(2027);
    core.setPreview({
      ...cleanPreview,
      days: [],
      offDays: 0,
      makeUpDays: 0,
      ignored: [],
      errors: [{ line: 2, text: '2026-12-31 休', message: '2026-12-31 不在 2027 年内' }],
    });
    await wrapper.find('[data-test="open-import"]').trigger('click');
    await settle();
    const area = document.querySelector<HTMLTextAreaElement>('textarea[data-test="schedule-text"], [data-test="schedule-text"] textarea')!;
    area.value = '2027-01-01 休\n2026-12-31 休';
    area.dispatchEvent(new Event('input'));
    await settle();
    await click(document.querySelector('[data-test="schedule-preview"]'));
    const errors = dialog('schedule-errors')!.textContent!;
    expect(errors).toContain('2026-12-31 不在 2027 年内');
    expect(dialog('import-dialog')?.textContent).toContain('1 行有误，改正后才能保存');
    expect(document.querySelector<HTMLButtonElement>('[data-test="schedule-save"]')!.disabled).toBe(true);
    expect(core.of('calendar.importSchedule').filter((c) => c.input.commit)).toHaveLength(0);
  });

  it('is read-only for a clerk, and speaks English', async () => {
    const core = await mountCalendar(2027, 'clerk');
    expect(wrapper.find('[data-test="open-import"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="banner-import"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="legend"]').text()).toContain('只读：工作日历由经理或管理员维护');
    await day('2027-03-01').trigger('click');
    await settle();
    expect(dialog('day-dialog')).toBeNull();
    expect(core.of('calendar.setDays')).toHaveLength(0);

    i18n.global.locale.value = 'en';
    await settle();
    expect(wrapper.find('[data-test="month-1"] .month-name').text()).toBe('January');
    expect(wrapper.find('[data-test="no-schedule"]').text()).toContain("2027's official holiday schedule has not been entered");
    expect(wrapper.find('[data-test="year-total"]').text()).toBe('261 working days in the year');
  });
});
