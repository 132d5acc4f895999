// 商机 screens against a fake core: the kanban's keyboard rule (→ / ← / ↑ / ↓, a closed card stays), moving a card by
// keyboard and by drag, 成交 asking for the draft order and 流失 for the reason; the list's server-side filters and
// totals; the form creating a prospect in the same save, refusing a probability over 100 %; the detail's days in each
// stage and its visit opening the daily report.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/i18n';
import type { BoardCard, OpportunityDetail, OpportunityRow } from '@shared/contract';
import type { OpportunityStage } from '@shared/domain/opportunity';
import { boardKey, dropMove } from '@/views/opportunities/boardKeys';
import { daysBetween, freshOpportunityState, opportunityListState } from '@/views/opportunities/listState';
import { todayYmd } from '@/views/complaints/display';
import { mountAt, press, settle, unmountAll } from './dailyFormsFixtures';

// ECharts as the page hands it the options (happy-dom has no canvas)
vi.mock('@/charts/echarts', () => ({
  createChart: () => ({ setOption: () => undefined, on: () => undefined, resize: () => undefined, dispose: () => undefined }),
}));

const SLOW = { timeout: 120_000 };
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const el = (sel: string) => document.querySelector<HTMLElement>(sel)!;
const field = (testId: string) =>
  document.querySelector<HTMLInputElement>(`input[data-test="${testId}"], [data-test="${testId}"] input, textarea[data-test="${testId}"]`)!;
async function type(testId: string, value: string) {
  const input = field(testId);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(30);
}
async function click(target: Element | null | undefined) {
  if (!target) throw new Error('nothing to click');
  (target as HTMLElement).click();
  await settle(60);
}
const ctrlS = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));

const today = todayYmd();

const card = (id: number, extra: Partial<BoardCard> = {}): BoardCard => ({
  id,
  title: `商机${id}`,
  customerId: 10 + id,
  customerName: `客户${id}`,
  repId: 3,
  repName: '张伟',
  amountFen: 1_000_000 * id,
  probabilityBp: 2000,
  expectedCloseDate: '2026-12-31',
  nextStep: '',
  nextStepDate: null,
  stageSince: today,
  closedOn: null,
  lostReason: null,
  ...extra,
});

function detailOf(c: BoardCard, stage: OpportunityStage, extra: Partial<OpportunityDetail> = {}): OpportunityDetail {
  return {
    id: c.id,
    title: c.title,
    customerId: c.customerId,
    customerName: c.customerName,
    regionId: 5,
    regionName: '开发区片区',
    repId: c.repId,
    repName: c.repName,
    stage,
    probabilityBp: c.probabilityBp,
    amountFen: c.amountFen,
    weightedFen: Math.round((c.amountFen * c.probabilityBp) / 10000),
    expectedCloseDate: c.expectedCloseDate,
    nextStep: c.nextStep,
    nextStepDate: c.nextStepDate,
    competitor: '',
    source: '',
    lostReason: null,
    orderId: null,
    createdOn: '2026-11-02',
    closedOn: null,
    stageSince: c.stageSince,
    updatedAt: '2026-11-02T00:00:00.000Z',
    customerLifecycle: 'prospect',
    orderDocNo: null,
    lostNote: '',
    probabilityManual: false,
    products: [],
    history: [],
    visits: [],
    daysInStage: [],
    ...extra,
  };
}

/** A kanban whose cards move as the fake core is told. */
function boardCore(initial: Record<string, BoardCard[]>) {
  const where = new Map<number, { stage: OpportunityStage; card: BoardCard }>();
  for (const [stage, cards] of Object.entries(initial))
    for (const c of cards) where.set(c.id, { stage: stage as OpportunityStage, card: c });
  const stages: OpportunityStage[] = ['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate', 'won', 'lost'];
  return {
    'opportunities.board': () => ({
      columns: stages.map((stage) => {
        const cards = [...where.values()].filter((w) => w.stage === stage).map((w) => w.card);
        return { stage, count: cards.length, amountFen: cards.reduce((s, c) => s + c.amountFen, 0), cards };
      }),
    }),
    'opportunities.move': (input: { id: number; stage: OpportunityStage; createOrder?: boolean }) => {
      const w = where.get(input.id)!;
      w.stage = input.stage;
      const won = input.stage === 'won' && input.createOrder;
      return detailOf(w.card, input.stage, won ? { orderId: 501, orderDocNo: 'XS-20261201-001' } : {});
    },
  };
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  Object.assign(opportunityListState, freshOpportunityState());
});
afterEach(unmountAll);

describe('the kanban keyboard rule', () => {
  const columns = [
    { stage: 'identify' as const, cards: [{ id: 1 }, { id: 2 }] },
    { stage: 'contact' as const, cards: [] },
    { stage: 'negotiate' as const, cards: [{ id: 3 }] },
    { stage: 'won' as const, cards: [{ id: 4 }] },
    { stage: 'lost' as const, cards: [] },
  ];
  it('→ / ← move to the next / previous stage of the process, negotiate → won; ↑ / ↓ select; Enter opens', () => {
    expect(boardKey(columns, 1, 'ArrowRight')).toEqual({ kind: 'move', id: 1, from: 'identify', to: 'contact' });
    expect(boardKey(columns, 1, 'ArrowLeft')).toEqual({ kind: 'none' });
    expect(boardKey(columns, 3, 'ArrowRight')).toEqual({ kind: 'move', id: 3, from: 'negotiate', to: 'won' });
    expect(boardKey(columns, 3, 'ArrowLeft')).toEqual({ kind: 'move', id: 3, from: 'negotiate', to: 'quote' });
    expect(boardKey(columns, 1, 'ArrowDown')).toEqual({ kind: 'select', id: 2 });
    expect(boardKey(columns, 2, 'ArrowDown')).toEqual({ kind: 'none' });
    expect(boardKey(columns, 2, 'ArrowUp')).toEqual({ kind: 'select', id: 1 });
    expect(boardKey(columns, 2, 'Enter')).toEqual({ kind: 'open', id: 2 });
    expect(boardKey(columns, null, 'ArrowRight')).toEqual({ kind: 'none' });
    expect(boardKey(columns, 99, 'ArrowRight')).toEqual({ kind: 'none' });
  });
  it('a closed card does not move, by key or by drop; a drop on its own column is nothing', () => {
    expect(boardKey(columns, 4, 'ArrowLeft')).toEqual({ kind: 'none', closed: true });
    expect(dropMove(columns, 4, 'negotiate')).toEqual({ kind: 'none', closed: true });
    expect(dropMove(columns, 1, 'identify')).toEqual({ kind: 'none' });
    expect(dropMove(columns, 1, 'lost')).toEqual({ kind: 'move', id: 1, from: 'identify', to: 'lost' });
  });
  it('days between business dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(daysBetween('2026-03-05', '2026-03-02')).toBe(0);
  });
});

describe('商机看板', () => {
  it('shows each column with its count and amount; → moves the selected card on, the card keeps the cursor', SLOW, async () => {
    const core = await mountAt(
      '/opportunities/board',
      boardCore({ identify: [card(1), card(2)], quote: [card(3, { nextStepDate: '2020-01-02', nextStep: '送样' })] }),
      'opportunity-board',
    );
    await settle(200);
    expect(text('[data-test="board-count-identify"]')).toBe('2 个');
    expect(text('[data-test="board-amount-identify"]')).toBe('¥3万');
    expect(text('[data-test="board-col-won"] .col-name')).toContain('成交');
    // an overdue next step is red on its card
    expect(el('[data-test="board-card-3"] .overdue').textContent).toContain('01-02');

    await click(el('[data-test="board-card-1"]'));
    expect(document.activeElement).toBe(el('[data-test="board-card-1"]'));
    press('ArrowRight');
    await settle(200);
    expect(core.of('opportunities.move').map((c) => c.input)).toEqual([{ id: 1, stage: 'contact' }]);
    expect(el('[data-test="board-card-1"]').closest('[data-test="board-col-contact"]')).not.toBeNull();
    expect(document.activeElement).toBe(el('[data-test="board-card-1"]'));
    press('ArrowLeft');
    await settle(200);
    expect(core.of('opportunities.move').at(-1)!.input).toEqual({ id: 1, stage: 'identify' });
    expect(core.rejected).toEqual([]);
  });

  it('→ from 谈判 asks whether to create a draft order; 确认成交 sends createOrder and offers the order', SLOW, async () => {
    const core = await mountAt(
      '/opportunities/board',
      {
        ...boardCore({ negotiate: [card(5)] }),
        'opportunities.get': () => detailOf(card(5), 'negotiate', { products: [{ id: 2, sku: 'P002', name: '五粮液' }] }),
      },
      'opportunity-board',
    );
    await settle(200);
    await click(el('[data-test="board-card-5"]'));
    press('ArrowRight');
    await settle(100);
    expect(core.of('opportunities.move')).toHaveLength(0);
    const dialog = el('[data-test="opportunity-won-dialog"]');
    expect(dialog.textContent).toContain('成交：商机5');
    expect(dialog.querySelector<HTMLInputElement>('[data-test="won-create-order"] input')!.checked).toBe(true);
    await click(dialog.querySelector('[data-test="close-confirm"]'));
    await settle(200);
    expect(core.of('opportunities.move').map((c) => c.input)).toEqual([{ id: 5, stage: 'won', date: today, createOrder: true }]);
    expect(el('[data-test="board-card-5"]').closest('[data-test="board-col-won"]')).not.toBeNull();
    expect(document.querySelector('[data-test="won-open-order"]')).not.toBeNull();
    // a closed card stays where it is
    await click(el('[data-test="board-card-5"]'));
    press('ArrowLeft');
    await settle(100);
    expect(core.of('opportunities.move')).toHaveLength(1);
  });

  it('a card dropped on 流失 asks the reason (required) and a note, then moves', SLOW, async () => {
    const core = await mountAt('/opportunities/board', boardCore({ demo: [card(6)] }), 'opportunity-board');
    await settle(200);
    const drag = (target: Element, type: string) => target.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
    drag(el('[data-test="board-card-6"]'), 'dragstart');
    drag(el('[data-test="board-col-lost"]'), 'dragover');
    await settle(20);
    expect(el('[data-test="board-col-lost"]').classList.contains('drop-target')).toBe(true);
    drag(el('[data-test="board-col-lost"]'), 'drop');
    await settle(100);
    const dialog = el('[data-test="opportunity-lost-dialog"]');
    ctrlS();
    await settle(150);
    expect(dialog.textContent).toContain('流失原因：必须选择');
    expect(core.of('opportunities.move')).toHaveLength(0);
    await click(Array.from(dialog.querySelectorAll('[data-test="lost-reason"] label')).find((l) => l.textContent?.trim() === '竞品'));
    await type('lost-note', ' 对方选了低价品牌 ');
    ctrlS();
    await settle(200);
    expect(core.of('opportunities.move').map((c) => c.input)).toEqual([
      { id: 6, stage: 'lost', date: today, lostReason: 'competitor', lostNote: '对方选了低价品牌' },
    ]);
    expect(el('[data-test="board-card-6"]').closest('[data-test="board-col-lost"]')).not.toBeNull();
  });
});

const row = (id: number, extra: Partial<OpportunityRow> = {}): OpportunityRow => {
  const d = detailOf(card(id), 'quote');
  const { customerLifecycle, orderDocNo, lostNote, probabilityManual, products, history, visits, daysInStage, ...r } = d;
  void [customerLifecycle, orderDocNo, lostNote, probabilityManual, products, history, visits, daysInStage];
  return { ...r, ...extra };
};

describe('商机列表', () => {
  it('sends the stage, close month and amount range to the server and shows the totals of all pages', SLOW, async () => {
    const core = await mountAt(
      '/opportunities',
      {
        'opportunities.list': () => ({ rows: [row(1), row(2)], total: 12, totals: { amountFen: 12_345_600, weightedFen: 7_407_360 } }),
      },
      'opportunity-page',
    );
    expect(text('[data-test="opportunity-totals"]')).toBe('合计 ¥123,456.00 · 加权 ¥74,073.60（12 个）');
    await type('opportunity-f-max', '500');
    await settle(300);
    expect(core.of('opportunities.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, maxAmountFen: 50_000 });
    const asked = core.of('opportunities.list').length;
    await type('opportunity-f-min', '1000');
    await settle(300);
    // from above to: refused, nothing asked
    expect(core.of('opportunities.list')).toHaveLength(asked);
    await type('opportunity-f-max', '20000.5');
    await settle(300);
    expect(core.of('opportunities.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, minAmountFen: 100_000, maxAmountFen: 2_000_050 });
    expect(core.rejected).toEqual([]);
  });

  it('the kanban\'s "more" opens the list on that stage', SLOW, async () => {
    const core = await mountAt(
      '/opportunities?stage=quote',
      { 'opportunities.list': () => ({ rows: [row(1)], total: 1, totals: { amountFen: 1_000_000, weightedFen: 200_000 } }) },
      'opportunity-page',
    );
    expect(core.of('opportunities.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, stages: ['quote'] });
  });
});

describe('商机 form', () => {
  it('Alt+N opens it with the cursor in the customer kind; Enter walks on to the customer', SLOW, async () => {
    await mountAt(
      '/opportunities',
      {
        'opportunities.list': () => ({ rows: [], total: 0, totals: { amountFen: 0, weightedFen: 0 } }),
        'products.list': () => ({ rows: [], total: 0 }),
      },
      'opportunity-page',
    );
    press('n', { altKey: true });
    await settle(150);
    const first = document.activeElement as HTMLInputElement;
    expect(first.type).toBe('radio');
    expect(first.closest('[data-test="o-customer-mode"]')).not.toBeNull();
    press('Enter');
    await settle(60);
    expect(document.activeElement).toBe(field('o-customer'));
  });

  it('a new prospect in the same form: its name, region and phone go as `prospect`, no customerId; > 100 % refused', SLOW, async () => {
    const saved: unknown[] = [];
    const core = await mountAt(
      '/opportunities',
      {
        'opportunities.list': () => ({ rows: [], total: 0, totals: { amountFen: 0, weightedFen: 0 } }),
        'products.list': () => ({ rows: [], total: 0 }),
        'regions.tree': () => [{ id: 5, name: '开发区片区', code: 'KF', level: 1, initials: 'kfq', pinyin: 'kaifaqu', children: [] }],
        'opportunities.save': (input: unknown) => {
          saved.push(input);
          return detailOf(card(9), 'identify');
        },
      },
      'opportunity-page',
    );
    await click(el('[data-test="opportunity-new"]'));
    await settle(100);
    await click(
      Array.from(document.querySelectorAll('[data-test="o-customer-mode"] label')).find((l) => l.textContent?.includes('新潜在客户')),
    );
    await type('o-prospect-name', '郑州新华超市');
    await type('o-prospect-phone', '0371-6666');
    await type('o-title', '年货团购');
    await type('o-amount', '50000');
    await type('o-probability', '150');
    ctrlS();
    await settle(200);
    const dialog = el('[data-test="opportunity-dialog"]');
    expect(dialog.textContent).toContain('区域：必填');
    expect(dialog.textContent).toContain('赢率(%)不能超过 100');
    expect(core.of('opportunities.save')).toHaveLength(0);

    // the region by its initials, Enter takes it
    const region = field('o-prospect-region');
    region.focus();
    await type('o-prospect-region', 'kfq');
    region.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    await settle(100);
    await type('o-probability', '30');
    ctrlS();
    await settle(300);
    expect(core.rejected).toEqual([]);
    expect(saved).toEqual([
      {
        prospect: { name: '郑州新华超市', regionId: 5, phone: '0371-6666' },
        title: '年货团购',
        amountFen: 5_000_000,
        expectedCloseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        stage: 'identify',
        probabilityBp: 3000,
        productIds: [],
        nextStep: '',
        nextStepDate: null,
        competitor: '',
        source: '',
      },
    ]);
  });
});

describe('商机 detail', () => {
  it('the history with the days in each stage (the open one until today), a visit opening its daily report', SLOW, async () => {
    const c = card(7, { stageSince: '2026-11-20' });
    const detail = detailOf(c, 'needs', {
      stageSince: '2026-11-20',
      history: [
        { id: 1, fromStage: null, toStage: 'identify', changedOn: '2026-11-02', operatorName: '王经理', note: '' },
        { id: 2, fromStage: 'identify', toStage: 'needs', changedOn: '2026-11-12', operatorName: '王经理', note: '跳过初次接触' },
        {
          id: 3,
          fromStage: 'needs',
          toStage: 'contact',
          changedOn: '2026-11-15',
          operatorName: '王经理',
          note: '',
          visit: { reportId: 40, date: '2026-11-15', repName: '张伟', summary: '客户要求重新介绍' },
        },
        { id: 4, fromStage: 'contact', toStage: 'needs', changedOn: '2026-11-20', operatorName: '王经理', note: '' },
      ],
      daysInStage: [
        { stage: 'identify', days: 10 },
        { stage: 'needs', days: 3 + daysBetween('2026-11-20', today) },
        { stage: 'contact', days: 5 },
      ],
    });
    const core = await mountAt('/opportunities/7', { 'opportunities.get': () => detail }, 'opportunity-detail');
    await settle(100);
    expect(text('[data-test="opportunity-title"]')).toBe('商机7');
    expect(text('[data-test="opportunity-stage"]')).toBe('需求分析');
    const cells = Array.from(document.querySelectorAll('[data-test="opportunity-history"] .el-table__body tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(cells.map((r) => r.slice(0, 4))).toEqual([
      ['2026-11-02', '创建', '潜在客户识别', '10'],
      ['2026-11-12', '潜在客户识别', '需求分析', '3'],
      ['2026-11-15', '需求分析', '初次接触', '5'],
      ['2026-11-20', '初次接触', '需求分析', `${daysBetween('2026-11-20', today)}（进行中）`],
    ]);
    expect(text('[data-test="opportunity-stage-days"]')).toMatch(/初次接触\s*5 天/);
    // the visit that moved it opens the rep's report of that day (张伟 is rep 3 in the lookups)
    await click(el('[data-test="history-visit"]'));
    await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe('/daily-reports/edit?repId=3&date=2026-11-15'), {
      timeout: 5000,
    });
  });

  it('推进 moves to the next stage, 流失 asks the reason; a won one shows its order and no moves', SLOW, async () => {
    const c = card(8);
    let current = detailOf(c, 'demo');
    const core = await mountAt(
      '/opportunities/8',
      {
        'opportunities.get': () => current,
        'opportunities.move': (input: { stage: OpportunityStage }) => (current = detailOf(c, input.stage)),
      },
      'opportunity-detail',
    );
    await settle(100);
    expect(text('[data-test="opportunity-advance"]')).toBe('推进到「报价」');
    await click(el('[data-test="opportunity-advance"]'));
    await settle(100);
    expect(core.of('opportunities.move').map((x) => x.input)).toEqual([{ id: 8, stage: 'quote' }]);
    expect(text('[data-test="opportunity-stage"]')).toBe('报价');

    // 成交 of one without products: no draft order is offered (the core would refuse it)
    await click(el('[data-test="opportunity-won"]'));
    await settle(100);
    const won = el('[data-test="opportunity-won-dialog"]');
    expect(won.querySelector<HTMLInputElement>('[data-test="won-create-order"] input')!.disabled).toBe(true);
    expect(won.querySelector<HTMLInputElement>('[data-test="won-create-order"] input')!.checked).toBe(false);
    expect(text('[data-test="won-order-note"]')).toContain('商机没有意向产品');
    await click(won.querySelector('[data-test="close-confirm"]'));
    await settle(150);
    expect(core.of('opportunities.move').at(-1)!.input).toEqual({ id: 8, stage: 'won', date: today, createOrder: false });

    current = detailOf(c, 'won', { orderId: 501, orderDocNo: 'XS-20261201-001', closedOn: today });
    await core.router.push('/opportunities/board');
    await core.router.push('/opportunities/8');
    await settle(200);
    expect(text('[data-test="opportunity-order"]')).toBe('XS-20261201-001');
    expect(document.querySelector('[data-test="opportunity-advance"]')).toBeNull();
    expect(document.querySelector('[data-test="opportunity-lost"]')).toBeNull();
  });
});

describe('销售漏斗 page', () => {
  it("asks for the dashboards' period with only rep / team / region, shows win rate, cycle and weighted pipeline", SLOW, async () => {
    const core = await mountAt(
      '/analytics/pipeline',
      {
        'pipeline.funnel': () => ({
          stages: (['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate', 'won'] as const).map((stage, i) => ({
            stage,
            entered: 40 - i * 5,
            amountFen: (40 - i * 5) * 1_000_000,
            conversionBp: stage === 'won' ? null : Math.round(((35 - i * 5) / (40 - i * 5)) * 10000),
            avgDays: stage === 'won' ? null : 3 + i,
          })),
          winRateBp: 6250,
          avgCycleDays: 41.5,
          weightedFen: 123_456_78,
          byMonth: [
            { month: '2026-12', weightedFen: 100_000_00, targetGapFen: 250_000_00 },
            { month: '2027-01', weightedFen: 23_456_78, targetGapFen: null },
          ],
        }),
      },
      'analytics-pipeline',
    );
    await settle(200);
    const input = core.of('pipeline.funnel').at(-1)!.input;
    expect(Object.keys(input).sort()).toEqual(['from', 'to']);
    expect(text('[data-test="pipeline-value-winRate"]')).toBe('62.5%');
    expect(text('[data-test="pipeline-value-cycle"]')).toBe('41.5 天');
    expect(text('[data-test="pipeline-value-weighted"]')).toBe('¥123,456.78');
    expect(text('[data-test="pipeline-value-entered"]')).toBe('40');
    // no dealer, channel or category filter on this page
    expect(document.querySelector('[data-test="an-dealer"]')).toBeNull();
    expect(document.querySelector('[data-test="an-rep"]')).not.toBeNull();
    await click(el('[data-test="pipeline-forecast-toggle"]'));
    const rows = Array.from(document.querySelectorAll('[data-test="pipeline-forecast-data"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['2026年12月', '¥100,000.00', '¥250,000.00', '-¥150,000.00'],
      ['2027年1月', '¥23,456.78', '—', '—'],
    ]);
  });
});

describe("系统设置: the stages' default probabilities", () => {
  it('shows them in whole percent, refuses one over 100, sends only them when changed, in bp', SLOW, async () => {
    const stored = {
      initialized: true,
      companyName: '郑州华众商贸有限公司',
      companyPhone: '',
      companyAddress: '',
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
    };
    const core = await mountAt(
      '/settings',
      { 'settings.get': () => stored, 'settings.save': (input: object) => ({ ...stored, ...input }) },
      'settings-form',
      'manager',
    );
    await vi.waitFor(() => expect(field('f-stage-probability-demo').value).toBe('50'));
    await type('f-stage-probability-quote', '150');
    field('f-stage-probability-quote').dispatchEvent(new Event('blur'));
    ctrlS();
    await settle(150);
    expect(text('[data-test="stage-probability-item"]')).toContain('商机默认赢率：每个阶段应为 0–100 的整数');
    expect(core.of('settings.save')).toHaveLength(0);
    await type('f-stage-probability-quote', '65');
    ctrlS();
    await vi.waitFor(() => expect(core.of('settings.save')).toHaveLength(1));
    expect(core.of('settings.save')[0]!.input).toEqual({
      stageProbabilityBp: { identify: 1000, contact: 2000, needs: 3000, demo: 5000, quote: 6500, negotiate: 8000 },
    });
  });
});
