// 周计划 editor: a day in the address opens its week (Monday), the cursor starts in the first section, Ctrl+S saves
// exactly the sections typed, and 打印 opens the weekly-plan print route for the rep and week.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { activeField, mountAt, press, typeHere, unmountAll } from './dailyFormsFixtures';

const SLOW = { timeout: 120_000 };

describe('weekly plan editor', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('opens the Monday of the week, Ctrl+S saves the sections, 打印 goes to the print route', SLOW, async () => {
    let saved: Record<string, unknown> | undefined;
    const core = await mountAt(
      '/weekly-plans/edit?repId=3&period=2026-03-05',
      {
        'weeklyPlans.get': () => null,
        'weeklyPlans.save': (input: Record<string, string>) => {
          saved = input;
          return {
            id: 1,
            repCode: 'R003',
            repName: '张伟',
            teamName: '郑州一组',
            createdAt: '2026-03-02T01:00:00.000Z',
            updatedAt: '2026-03-02T01:00:00.000Z',
            ...input,
          };
        },
      },
      'work-review',
    );
    expect(core.of('weeklyPlans.get')[0]!.input).toEqual({ repId: 3, weekStart: '2026-03-02' });
    expect(document.querySelector('[data-test="work-week-range"]')?.textContent).toContain('2026-03-02 至 2026-03-08');
    await vi.waitFor(() => expect(activeField()).toBe('work-review'));
    await typeHere('上周拜访 40 家');
    (document.querySelector('textarea[data-test="work-keyPoints"]') as HTMLTextAreaElement).focus();
    await typeHere('回款\n新品铺货');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('weeklyPlans.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    expect(saved).toEqual({
      repId: 3,
      weekStart: '2026-03-02',
      review: '上周拜访 40 家',
      goals: '',
      actions: '',
      keyPoints: '回款\n新品铺货',
    });
    (document.querySelector('[data-test="weekly-print"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe('/print/weekly-plan?repId=3&date=2026-03-02'), {
      timeout: 20_000,
    });
  });
});
