// 业绩考核 screen: the period's reps from evaluations.list with totals, ranks and scores; ↓ Enter opens a rep, the scores
// are typed from the keyboard (a value outside 1–5 refused with the field's message, nothing sent), saved and reloaded;
// the scorecards print for one rep or the team; the weights dialog shows the sum and sends bp; the column sort.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { EvaluationRow } from '@shared/contract/evaluations';
import { DEFAULT_EVALUATION_WEIGHTS } from '@shared/domain/evaluations';
import { defaultPeriod, hundredthsOf, mayScore, sortRows } from '@/views/evaluations/evaluationState';
import { activeField, mountAt, press, settle, typeHere, unmountAll } from './dailyFormsFixtures';
import { evaluation } from './evaluationFixture';

const SLOW = { timeout: 120_000 };
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = (sel: string) => (document.querySelector(sel) as HTMLElement).click();

const li = evaluation();
const zhou = evaluation({ repId: 3, repCode: 'R03', repName: '周明', scores: null, totalScoreBp: 0, teamRank: 2, rank: 3 });
const scheme = { weights: DEFAULT_EVALUATION_WEIGHTS, standardVisitsPerDayX100: 600, lostCustomerDays: 90 };

function handlers(rows: EvaluationRow[] = [li, zhou]) {
  return {
    'evaluations.list': () => ({ period: '2025-10', from: '2025-10-01', to: '2025-10-31', rows, scheme }),
    'evaluations.get': (input: { repId: number }) => rows.find((r) => r.repId === input.repId)!,
    'evaluations.saveScores': (input: { repId: number; period: string }) => ({ repId: input.repId, period: input.period }),
    'evaluations.weights': () => scheme,
    'evaluations.saveWeights': () => scheme,
  };
}

describe('evaluations page', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('lists the period’s reps with total, ranks and scores', SLOW, async () => {
    const core = await mountAt('/evaluations?period=2025-10', handlers(), 'evaluations', 'manager');
    await vi.waitFor(() => expect(text('[data-test="eval-total-2"]')).toBe('67.95'));
    expect(core.of('evaluations.list')[0]!.input).toEqual({ period: '2025-10' });
    expect(text('[data-test="eval-total-3"]')).toBe('0.00');
    expect(text('[data-test="eval-rank-2"]')).toBe('1');
    expect(text('[data-test="eval-scores-2"]')).toBe('4 / 5 / 3');
    expect(text('[data-test="eval-scores-3"]')).toBe('未评分');
    expect(text('[data-test="eval-table"]')).toContain('1,900.00');
    expect(text('[data-test="eval-table"]')).toContain('95.00%');
  });

  it('↓ Enter opens the rep; scores typed from the keyboard; 9 is refused, 3 is saved', SLOW, async () => {
    const core = await mountAt('/evaluations?period=2025-10', handlers(), 'evaluations', 'manager');
    await vi.waitFor(() => expect(text('[data-test="eval-total-3"]')).toBe('0.00'));
    (document.querySelector('[data-test="eval-panel"]') as HTMLElement).focus();
    press('ArrowDown');
    press('ArrowDown');
    await settle();
    press('Enter');
    await vi.waitFor(() => expect(text('[data-test="eval-fig-sales"]')).toBe('1,900.00'));
    expect(core.of('evaluations.get').at(-1)!.input).toEqual({ repId: 3, period: '2025-10' });
    expect(text('[data-test="eval-fig-compliance"]')).toBe('11.76%');
    expect(text('[data-test="eval-fig-plans"]')).toBe('17 / 4 / 2');
    const first = document.querySelector('[data-test="eval-score-cooperation"]') as HTMLInputElement;
    first.focus();
    await typeHere('4');
    press('Enter');
    await settle();
    expect(activeField()).toBe('eval-score-enthusiasm');
    await typeHere('9');
    press('Enter');
    await settle();
    await typeHere('3');
    click('[data-test="eval-save-scores"]');
    await settle();
    expect(text('[data-test="eval-score-form"]')).toContain('工作热情应为 1–5 的整数');
    expect(core.of('evaluations.saveScores')).toHaveLength(0);
    const enthusiasm = document.querySelector('[data-test="eval-score-enthusiasm"]') as HTMLInputElement;
    enthusiasm.focus();
    await typeHere('5');
    click('[data-test="eval-save-scores"]');
    await vi.waitFor(() => expect(core.of('evaluations.saveScores')).toHaveLength(1));
    expect(core.of('evaluations.saveScores')[0]!.input).toEqual({
      repId: 3,
      period: '2025-10',
      cooperation: 4,
      enthusiasm: 5,
      responsibility: 3,
      comment: '',
    });
    // the list and the rep are asked again
    await vi.waitFor(() => expect(core.of('evaluations.list').length).toBeGreaterThanOrEqual(2));
  });

  it('prints one rep’s scorecard and the team’s in one job', SLOW, async () => {
    const core = await mountAt('/evaluations?period=2025-10&teamId=1', handlers(), 'evaluations', 'manager');
    await vi.waitFor(() => expect(text('[data-test="eval-total-2"]')).toBe('67.95'));
    expect(core.of('evaluations.list')[0]!.input).toEqual({ period: '2025-10', teamId: 1 });
    const push = vi.spyOn(core.router, 'push').mockResolvedValue(undefined);
    click('[data-test="eval-print-batch"]');
    expect(push).toHaveBeenLastCalledWith({ name: 'print-scorecard', query: { period: '2025-10', teamId: '1' } });
  });

  it('the weights dialog shows the sum and sends basis points', SLOW, async () => {
    const core = await mountAt('/evaluations?period=2025-10', handlers(), 'evaluations', 'manager');
    click('[data-test="eval-weights"]');
    await vi.waitFor(() => expect(text('[data-test="eval-weight-sum"]')).toBe('合计 100.00%'));
    const sales = document.querySelector('[data-test="eval-weight-salesAchievement"]') as HTMLInputElement;
    sales.focus();
    await typeHere('25.5');
    await settle();
    expect(text('[data-test="eval-weight-sum"]')).toBe('合计 95.50%');
    click('[data-test="eval-weights-save"]');
    await settle();
    expect(core.of('evaluations.saveWeights')).toHaveLength(0);
    const coll = document.querySelector('[data-test="eval-weight-collectionsAchievement"]') as HTMLInputElement;
    coll.focus();
    await typeHere('24.5');
    click('[data-test="eval-weights-save"]');
    await vi.waitFor(() => expect(core.of('evaluations.saveWeights')).toHaveLength(1));
    expect(core.of('evaluations.saveWeights')[0]!.input).toMatchObject({
      weights: { salesAchievement: 2550, collectionsAchievement: 2450, visitsPerDay: 1000 },
      standardVisitsPerDayX100: 600,
      lostCustomerDays: 90,
    });
  });
});

describe('evaluation state', () => {
  it('sorts by a column with empty values last, reads typed hundredths and the default period', () => {
    const a = evaluation({ repId: 1, achievementBp: 8000, repName: '甲' });
    const b = evaluation({ repId: 2, achievementBp: null, repName: '乙' });
    const c = evaluation({ repId: 3, achievementBp: 12000, repName: '丙' });
    expect(sortRows([a, b, c], { prop: 'achievementBp', order: 'descending' }).map((r) => r.repId)).toEqual([3, 1, 2]);
    expect(sortRows([a, b, c], { prop: 'achievementBp', order: 'ascending' }).map((r) => r.repId)).toEqual([1, 3, 2]);
    expect(sortRows([a, b, c], null).map((r) => r.repId)).toEqual([1, 2, 3]);
    expect([hundredthsOf('30'), hundredthsOf('12.5'), hundredthsOf('0.05'), hundredthsOf('1.234'), hundredthsOf('-1')]).toEqual([
      3000,
      1250,
      5,
      null,
      null,
    ]);
    expect(defaultPeriod(undefined, new Date(2026, 0, 15))).toMatchObject({ kind: 'month', month: '2025-12' });
    expect(defaultPeriod('2025-Q3')).toMatchObject({ kind: 'quarter', year: '2025', quarter: 3 });
  });

  it('offers the score form to a manager for anyone, to a supervisor for their own team only (never themselves)', () => {
    const reps = [
      { id: 1, teamId: 1, supervisorId: null },
      { id: 2, teamId: 1, supervisorId: 1 },
      { id: 3, teamId: 2, supervisorId: null },
      { id: 4, teamId: 2, supervisorId: 1 },
    ];
    const wang = { role: 'supervisor', repId: 1 };
    expect([1, 2, 3, 4].map((id) => mayScore(wang, id, reps))).toEqual([false, true, false, true]);
    expect([1, 3].map((id) => mayScore({ role: 'manager', repId: null }, id, reps))).toEqual([true, true]);
    expect(mayScore({ role: 'supervisor', repId: null }, 2, reps)).toBe(false);
    expect(mayScore({ role: 'clerk', repId: null }, 2, reps)).toBe(false);
  });
});
