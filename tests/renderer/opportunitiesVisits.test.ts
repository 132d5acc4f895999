// 商机 in the daily process: a report's visit line names one of its customer's open opportunities and the stage the visit
// moved it to (sent with the line; a saved move shows read-only and is sent back unchanged); the visit plan lists the
// rep's opportunities whose next step falls on its day.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { DailyReportDetail, OpportunityRow } from '@shared/contract';
import { DATE, mountAt, planDetail, reportDetail, settle, shops, unmountAll } from './dailyFormsFixtures';

const SLOW = { timeout: 120_000 };
const ctrlS = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function optionsOf(testId: string): HTMLElement[] {
  const select = document.querySelector(`[data-test="${testId}"]`)!.closest('.el-select')!;
  const listId = select.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
  return Array.from(document.getElementById(listId)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item') ?? []);
}
async function pick(testId: string, label: string) {
  const select = document.querySelector(`[data-test="${testId}"]`)!.closest('.el-select')!;
  select.querySelector<HTMLElement>('.el-select__wrapper')!.click();
  await settle(50);
  const option = optionsOf(testId).find((o) => o.textContent?.trim().startsWith(label));
  if (!option) throw new Error(`${testId}: no option ${label} in ${optionsOf(testId).map((o) => o.textContent)}`);
  option.click();
  await settle(50);
}

const opportunity = (id: number, customerId: number, extra: Partial<OpportunityRow> = {}): OpportunityRow => ({
  id,
  title: `商机${id}`,
  customerId,
  customerName: shops.find((s) => s.id === customerId)?.name ?? '',
  regionId: 5,
  regionName: '开发区片区',
  repId: 3,
  repName: '张伟',
  stage: 'contact',
  probabilityBp: 2000,
  amountFen: 5_000_000,
  weightedFen: 1_000_000,
  expectedCloseDate: '2026-04-30',
  nextStep: '送样品',
  nextStepDate: DATE,
  competitor: '',
  source: '',
  lostReason: null,
  orderId: null,
  createdOn: '2026-02-01',
  closedOn: null,
  stageSince: '2026-02-10',
  updatedAt: '2026-02-10T00:00:00.000Z',
  ...extra,
});

beforeEach(() => setActivePinia(createPinia()));
afterEach(unmountAll);

describe('daily report: a visit names a 商机 and moves it', () => {
  it("picks one of the customer's open opportunities and a stage; a saved move stays read-only and goes back as it was", SLOW, async () => {
    const detail: DailyReportDetail = reportDetail([
      { customerId: 11, done: true, planLineId: 401, outcome: '谈了样品' },
      { customerId: 12, done: true, planLineId: 402 },
    ]);
    detail.lines[1] = { ...detail.lines[1]!, opportunityId: 88, opportunityTitle: '商机88', opportunityStage: 'needs' };
    type SaveInput = { lines: Array<Record<string, unknown>> };
    const core = await mountAt(
      `/daily-reports/edit?repId=3&date=${DATE}`,
      {
        'dailyReports.get': () => detail,
        'visitPlans.get': () => planDetail([{ customerId: 11, purposes: ['develop'], id: 401 }]),
        'opportunities.list': (input: { customerId?: number }) => {
          const rows =
            input.customerId === 11 ? [opportunity(77, 11)] : input.customerId === 12 ? [opportunity(88, 12, { stage: 'needs' })] : [];
          return { rows, total: rows.length, totals: { amountFen: 0, weightedFen: 0 } };
        },
        'dailyReports.save': (input: SaveInput) =>
          detail && { ...detail, lines: detail.lines.map((l, i) => ({ ...l, ...input.lines[i] })) },
      },
      'report-editor',
    );
    await vi.waitFor(() => expect(document.querySelector('[data-test="r-opportunity-0"]')).not.toBeNull());
    expect(core.of('opportunities.list').map((c) => c.input)).toEqual(
      expect.arrayContaining([
        { page: 1, pageSize: 50, customerId: 11, stages: ['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate'] },
      ]),
    );
    // the line whose visit already moved its opportunity: shown, not offered again
    expect(document.querySelector('[data-test="r-opportunity-1"]')).toBeNull();
    expect(text('[data-test="r-opportunity-text-1"]')).toMatch(/^商机88\s*→ 需求分析$/);

    await pick('r-opportunity-0', '商机77');
    await vi.waitFor(() => expect(document.querySelector('[data-test="r-opportunity-stage-0"]')).not.toBeNull());
    // its own stage is not a move
    await pick('r-opportunity-stage-0', '推进到 需求分析');
    ctrlS();
    await vi.waitFor(() => expect(core.of('dailyReports.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    const lines = core.of('dailyReports.save')[0]!.input.lines as Array<Record<string, unknown>>;
    expect(lines[0]).toMatchObject({ customerId: 11, opportunityId: 77, opportunityStage: 'needs' });
    expect(lines[1]).toMatchObject({ customerId: 12, opportunityId: 88, opportunityStage: 'needs' });
  });
});

describe('visit plan: the opportunities due that day', () => {
  it("lists the rep's open opportunities whose next step is on the plan's day; 加入计划 adds the visit", SLOW, async () => {
    const core = await mountAt(
      `/visit-plans/edit?repId=3&date=${DATE}`,
      {
        'visitPlans.get': () => planDetail([{ customerId: 11, purposes: ['develop'], id: 401 }]),
        'opportunities.list': (input: { nextStepDate?: string }) => {
          const rows =
            input.nextStepDate === DATE ? [opportunity(77, 11), opportunity(78, 12, { stage: 'quote', nextStep: '报价确认' })] : [];
          return { rows, total: rows.length, totals: { amountFen: 0, weightedFen: 0 } };
        },
      },
      'plan-editor',
    );
    await vi.waitFor(() => expect(document.querySelector('[data-test="plan-due-78"]')).not.toBeNull());
    expect(core.of('opportunities.list').at(-1)!.input).toEqual({
      page: 1,
      pageSize: 50,
      repId: 3,
      nextStepDate: DATE,
      stages: ['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate'],
      sort: { field: 'customerName', order: 'asc' },
    });
    expect(text('[data-test="plan-due-78"]')).toContain('报价确认');
    expect(text('[data-test="plan-due-78"]')).toContain('报价');
    // the first one's customer is planned already; the other is added as a visit, its purposes still to choose
    expect(text('[data-test="plan-due-77"]')).toContain('已在计划中');
    (document.querySelector('[data-test="plan-due-add-78"]') as HTMLElement).click();
    await settle(100);
    expect(text('[data-test="plan-due-78"]')).toContain('已在计划中');
    const rows = Array.from(document.querySelectorAll('[data-test="plan-lines"] .el-table__body tr'));
    expect(rows).toHaveLength(2);
    expect(document.querySelector<HTMLInputElement>('[data-test="p-notes-1"]')!.value).toBe('商机：商机78');
  });
});
