// 今日看板 and the two lists: every rep's plan and report state for a day with totals on top, ↑ / ↓ / ← / → and Enter
// open a form, 核签 opens the sign dialog for that form and the board refreshes after; the lists ask for this week and
// open a form on Enter.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '@/i18n';
import { today, weekOf } from '@/views/dailyForms/entry';
import { activeField, mountAt, press, settle, typeHere, unmountAll } from './dailyFormsFixtures';

const SLOW = { timeout: 120_000 };
const form = (id: number, state: 'draft' | 'submitted' | 'signed', visits: number, visitsDone = visits, returned = false) => ({
  id,
  state,
  returned,
  visits,
  visitsDone,
});
const boardRow = (repId: number, repName: string, plan: ReturnType<typeof form> | null, report: ReturnType<typeof form> | null) => ({
  repId,
  repCode: `R00${repId}`,
  repName,
  teamId: 1,
  teamName: '郑州一组',
  plan,
  report,
  canSign: true,
});
const rows = () => [
  boardRow(1, '张伟', form(10, 'signed', 8), form(20, 'submitted', 8, 7)),
  boardRow(2, '李娜', form(11, 'submitted', 6), null),
  boardRow(3, '王强', form(12, 'draft', 3, 3, true), form(21, 'draft', 2, 1)),
  boardRow(4, '赵敏', null, null),
];
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('day board', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('shows every rep’s plan and report state, visit counts and the totals of each state', SLOW, async () => {
    const core = await mountAt('/day-board', { 'dayBoard.get': () => ({ date: today(), rows: rows() }) }, 'day-board');
    await vi.waitFor(() => expect(text('[data-test="board-plan-4"]')).toBe('未填'));
    expect(core.of('dayBoard.get')[0]!.input).toEqual({ date: today() });
    expect(text('[data-test="board-plan-1"]')).toBe('已签核');
    expect(text('[data-test="board-plan-2"]')).toBe('已提交');
    expect(text('[data-test="board-plan-3"]')).toBe('已退回');
    expect(text('[data-test="board-report-3"]')).toBe('草稿');
    expect(text('[data-test="board-table"]')).toContain('7/8');
    expect(text('[data-test="board-count-plan-none"]')).toBe('未填 1');
    expect(text('[data-test="board-count-plan-signed"]')).toBe('已签核 1');
    expect(text('[data-test="board-count-report-none"]')).toBe('未填 2');
    expect(text('[data-test="board-count-report-submitted"]')).toBe('已提交 1');
    // sign only what is submitted
    expect(document.querySelector('[data-test="board-sign-plan-2"]')).not.toBeNull();
    expect(document.querySelector('[data-test="board-sign-report-1"]')).not.toBeNull();
    expect(document.querySelector('[data-test="board-sign-plan-1"]')).toBeNull();
    expect(document.querySelector('[data-test="board-sign-plan-3"]')).toBeNull();
  });

  it('↓ ↓ Enter opens the second rep’s plan; → then Enter opens the report', SLOW, async () => {
    const core = await mountAt(
      '/day-board',
      { 'dayBoard.get': () => ({ date: today(), rows: rows() }), 'visitPlans.get': () => null, 'dailyReports.get': () => null },
      'day-board',
    );
    await vi.waitFor(() => expect(text('[data-test="board-plan-4"]')).toBe('未填'));
    expect(activeField()).toBe('board-panel');
    press('ArrowDown');
    press('ArrowDown');
    await settle();
    press('Enter');
    // the editor's page loads lazily: give it time on a slow machine
    await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe(`/visit-plans/edit?repId=2&date=${today()}`), {
      timeout: 15_000,
    });
    await core.router.push('/day-board');
    await vi.waitFor(() => expect(document.querySelector('[data-test="day-board"]')).not.toBeNull(), { timeout: 15_000 });
    await settle();
    press('ArrowDown');
    press('ArrowRight');
    await settle();
    press('Enter');
    await vi.waitFor(() => expect(core.router.currentRoute.value.path).toBe('/daily-reports/edit'), { timeout: 15_000 });
    expect(core.router.currentRoute.value.query).toEqual({ repId: '1', date: today() });
  });

  it('核签 on a row opens the sign dialog for that form and refreshes the board after signing', SLOW, async () => {
    let signed = false;
    const core = await mountAt(
      '/day-board',
      {
        'dayBoard.get': () => ({
          date: today(),
          rows: rows().map((r) => (r.repId === 2 && signed ? { ...r, plan: form(11, 'signed', 6) } : r)),
        }),
        'visitPlans.sign': (input: { id: number; password: string }) => {
          if (input.password !== 'pw') throw { code: 'VALIDATION', message: '密码不正确', field: 'password' };
          signed = true;
          return {};
        },
      },
      'day-board',
    );
    await vi.waitFor(() => expect(document.querySelector('[data-test="board-sign-plan-2"]')).not.toBeNull());
    (document.querySelector('[data-test="board-sign-plan-2"]') as HTMLElement).click();
    await vi.waitFor(() => expect(activeField()).toBe('sign-password'));
    expect(text('[data-test="sign-dialog"]')).toContain('李娜');
    await typeHere('pw');
    press('Enter');
    await settle();
    press('Enter');
    await vi.waitFor(() => expect(core.of('visitPlans.sign')).toHaveLength(1));
    expect(core.of('visitPlans.sign')[0]!.input).toEqual({ id: 11, password: 'pw' });
    await vi.waitFor(() => expect(text('[data-test="board-plan-2"]')).toBe('已签核'));
    expect(text('[data-test="board-count-plan-signed"]')).toBe('已签核 2');
  });

  it('in English', SLOW, async () => {
    i18n.global.locale.value = 'en';
    await mountAt('/day-board', { 'dayBoard.get': () => ({ date: today(), rows: rows() }) }, 'day-board');
    await vi.waitFor(() => expect(text('[data-test="board-plan-4"]')).toBe('None'));
    expect(text('[data-test="board-count-plan-submitted"]')).toBe('Submitted 1');
    expect(text('[data-test="day-board"]')).toContain('Day board');
    expect(text('[data-test="board-plan-3"]')).toBe('Returned');
  });
});

describe('plan and report lists', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  const listRow = {
    id: 40,
    repId: 3,
    repName: '张伟',
    teamName: '郑州一组',
    date: '2026-03-05',
    state: 'submitted',
    returned: false,
    visits: 8,
    signedByName: null,
    signedAt: null,
    updatedAt: '2026-03-05T02:00:00.000Z',
  };

  it('plans: this week by default; the search box has the cursor; Enter on the only hit opens it in the editor', SLOW, async () => {
    const core = await mountAt(
      '/visit-plans',
      { 'visitPlans.list': () => ({ rows: [listRow], total: 1 }), 'visitPlans.get': () => null },
      'plan-table',
    );
    const [from, to] = weekOf(today());
    expect(core.of('visitPlans.list')[0]!.input).toEqual({ page: 1, pageSize: 50, from, to });
    expect(text('[data-test="plan-table"]')).toContain('已提交');
    expect(activeField()).toBe('plan-search');
    await typeHere('zw');
    press('Enter');
    document.activeElement!.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', code: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe('/visit-plans/edit?repId=3&date=2026-03-05'), {
      timeout: 15_000,
    });
    expect(core.of('visitPlans.list').at(-1)!.input).toMatchObject({ search: 'zw', from, to });
  });

  it('reports: the list asks the server for this week', SLOW, async () => {
    const core = await mountAt('/daily-reports', { 'dailyReports.list': () => ({ rows: [], total: 0 }) }, 'report-table');
    expect(core.of('dailyReports.list')).toHaveLength(1);
    expect(core.rejected).toEqual([]);
  });
});
