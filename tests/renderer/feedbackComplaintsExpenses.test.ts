// 销售费用, 客诉 and 市场反映 screens against a fake core: an expense typed from the keyboard (Alt+N, the cursor in the
// first field, Enter from field to field selecting what is there, a zero amount refused naming 金额, Ctrl+S), a complaint
// handled and reopened from its dialog, and the lists' filters sent to the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Component } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useAuthStore } from '@/stores/auth';
import { useLookupsStore } from '@/stores/lookups';
import { fakeCore, type Handler } from './fakeCore';
import ExpenseList from '@/views/expenses/ExpenseList.vue';
import ComplaintList from '@/views/complaints/ComplaintList.vue';
import MarketFeedbackList from '@/views/marketFeedback/MarketFeedbackList.vue';
import { expenseListState, freshExpenseState } from '@/views/expenses/listState';
import { complaintListState, freshComplaintState } from '@/views/complaints/listState';
import { feedbackListState, freshFeedbackState } from '@/views/marketFeedback/listState';
import { todayYmd } from '@/views/complaints/display';
import type { ComplaintRow, ExpenseRow, Rep } from '@shared/contract';

const reps: Rep[] = [
  {
    id: 1,
    code: 'R001',
    name: '李娜',
    phone: '',
    teamId: null,
    teamName: null,
    supervisorId: null,
    supervisorName: null,
    hireDate: null,
    active: true,
    regionIds: [],
    regionNames: [],
    regionPaths: [],
    customerCount: 0,
    pinyin: 'lina',
    initials: 'ln',
  },
];

const expense = (id: number, extra: Partial<ExpenseRow> = {}): ExpenseRow => ({
  id,
  repId: 1,
  repName: '李娜',
  date: '2025-02-28',
  category: 'travel',
  amountFen: 35_800,
  customerId: null,
  customerName: null,
  note: '南京往返高铁',
  createdAt: '2025-02-28T08:00:00.000Z',
  updatedAt: '2025-02-28T08:00:00.000Z',
  ...extra,
});

const complaint = (id: number, extra: Partial<ComplaintRow> = {}): ComplaintRow => ({
  id,
  code: `KS-20250228-00${id}`,
  receivedDate: '2025-02-28',
  customerId: 7,
  customerName: '南京鼓楼便利店',
  productId: 3,
  productName: '贵州茅台酒',
  repId: 1,
  repName: '李娜',
  content: '到货两箱包装破损',
  urgency: 'urgent',
  status: 'open',
  handler: '',
  response: '',
  handledDate: null,
  createdAt: '2025-02-28T08:00:00.000Z',
  updatedAt: '2025-02-28T08:00:00.000Z',
  ...extra,
});

// the app's pages load lazily and this machine may be slow: each test gets room
const SLOW = 120_000;
let wrapper: VueWrapper | undefined;
let pinia: Pinia;

const base: Record<string, Handler> = {
  'reps.list': () => ({ rows: reps, total: reps.length }),
  'regions.tree': () => [],
  'teams.list': () => [],
  'customers.list': () => ({ rows: [], total: 0 }),
  'products.list': () => ({ rows: [], total: 0 }),
  'dealers.list': () => ({ rows: [], total: 0 }),
};

async function mountList(path: string, component: Component) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  await useLookupsStore(pinia).loadAll();
  wrapper = mount(component, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const settle = async (ms = 150) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
const key = (el: Element, init: KeyboardEventInit) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
const enter = (el: Element) => key(el, { key: 'Enter', code: 'Enter' });
const ctrlS = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
const field = (testId: string) =>
  document.querySelector<HTMLInputElement>(`input[data-test="${testId}"], [data-test="${testId}"] input, textarea[data-test="${testId}"]`)!;
async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await flushPromises();
}
function optionsOf(select: Element): HTMLElement[] {
  const listId = select.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
  return Array.from(document.getElementById(listId)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item') ?? []);
}
async function pickOption(testId: string, text: string) {
  const select = document.querySelector(`[data-test="${testId}"]`)!.closest('.el-select')!;
  await click(select.querySelector('.el-select__wrapper'));
  await click(optionsOf(select).find((o) => o.textContent?.trim().startsWith(text)));
}
async function type(testId: string, value: string) {
  const input = field(testId);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await flushPromises();
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  pinia = createPinia();
  setActivePinia(pinia);
  Object.assign(expenseListState, freshExpenseState());
  Object.assign(complaintListState, freshComplaintState());
  Object.assign(feedbackListState, freshFeedbackState());
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('销售费用: an expense typed from the keyboard', () => {
  it('Alt+N, rep, date, Enter through category and amount, 0 refused naming 金额, Ctrl+S saves in 分', { timeout: SLOW }, async () => {
    const rows = [expense(1)];
    const core = fakeCore({
      ...base,
      'expenses.list': () => ({ rows, total: rows.length, sumFen: rows.reduce((s, r) => s + r.amountFen, 0) }),
      'expenses.save': (input: { amountFen: number; note: string }) => {
        rows.unshift(expense(2, { ...input, category: 'entertainment' }));
        return { id: 2 };
      },
    });
    const w = await mountList('/expenses', ExpenseList);
    expect(w.find('[data-test="expense-sum"]').text()).toBe('合计 ¥358.00（1 笔）');

    key(document.body, { key: 'n', code: 'KeyN', altKey: true });
    await settle(50);
    // the cursor is in the first field, the rep picker, as the dialog opens
    expect(document.activeElement).toBe(field('e-rep'));
    await pickOption('e-rep', '李娜');

    await type('e-date', '2025-02-27');
    const date = field('e-date');
    date.focus();
    // an open date panel takes the first Enter itself (it keeps the typed date and closes); the next moves on
    for (let i = 0; i < 2 && document.activeElement === date; i++) {
      enter(date);
      await settle(50);
    }
    // a radio group is one stop: the checked radio (差旅) has the cursor
    const checked = document.activeElement as HTMLInputElement;
    expect(checked.type).toBe('radio');
    expect(checked.closest('[data-test="e-category"]')).not.toBeNull();
    await click(Array.from(document.querySelectorAll('[data-test="e-category"] label')).find((l) => l.textContent?.trim() === '招待'));
    const radio = document.querySelector<HTMLInputElement>('[data-test="e-category"] input:checked')!;
    radio.focus();
    enter(radio);
    // Enter lands in the amount with its text selected, so typing replaces 0.00
    const amount = field('e-amount');
    expect(document.activeElement).toBe(amount);
    expect([amount.selectionStart, amount.selectionEnd]).toEqual([0, amount.value.length]);

    ctrlS();
    await settle();
    expect(document.querySelector('[data-test="expense-dialog"]')!.textContent).toContain('金额(元)：必须大于 0');
    expect(core.of('expenses.save')).toHaveLength(0);

    await type('e-amount', '128.5');
    await type('e-note', ' 客户晚宴 ');
    ctrlS();
    await settle();
    expect(core.rejected).toEqual([]);
    expect(core.of('expenses.save').map((c) => c.input)).toEqual([
      { repId: 1, date: '2025-02-27', category: 'entertainment', amountFen: 12_850, customerId: null, note: '客户晚宴' },
    ]);
    // the dialog closed and the list came back with the new row and the new total
    await settle();
    expect(w.find('[data-test="expense-sum"]').text()).toBe('合计 ¥486.50（2 笔）');
  });

  it('opens a row to edit it on Enter, and sends the filters to the server', { timeout: SLOW }, async () => {
    const core = fakeCore({
      ...base,
      'expenses.list': () => ({ rows: [expense(1)], total: 1, sumFen: 35_800 }),
      'expenses.save': () => ({ id: 1 }),
    });
    const w = await mountList('/expenses', ExpenseList);
    await pickOption('expense-f-category', '招待');
    expect(core.of('expenses.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, category: ['entertainment'] });
    await click(w.find('[data-test="expense-edit"]').element);
    await settle(50);
    expect(field('e-amount').value).toBe('358.00');
    await type('e-amount', '360.5');
    ctrlS();
    await settle();
    expect(core.of('expenses.save').at(-1)!.input).toMatchObject({ id: 1, amountFen: 36_050, category: 'travel' });
  });
});

describe('客诉: handled from its dialog, then reopened', () => {
  it(
    '处理: the cursor waits in the response, the signed-in operator and today are filled in, Ctrl+S confirms',
    { timeout: SLOW },
    async () => {
      useAuthStore(pinia).operator = { id: 5, name: '王主管', role: 'supervisor', repId: null, repName: null, hasSignature: false };
      let rows = [complaint(1), complaint(2, { status: 'handled', handler: '财务', response: '已重开发票', handledDate: '2025-02-28' })];
      const core = fakeCore({
        ...base,
        'complaints.list': () => ({ rows, total: rows.length }),
        'complaints.handle': (input: { id: number; handler: string; response: string; handledDate: string }) => {
          rows = rows.map((r) => (r.id === input.id ? { ...r, ...input, status: 'handled' as const } : r));
          return rows.find((r) => r.id === input.id);
        },
        'complaints.reopen': (input: { id: number }) => {
          rows = rows.map((r) => (r.id === input.id ? { ...r, status: 'open' as const, handler: '', response: '', handledDate: null } : r));
          return rows.find((r) => r.id === input.id);
        },
        'satisfaction.save': (input: Record<string, unknown>) => ({
          id: 1,
          customerName: '南京鼓楼便利店',
          comment: '',
          complaintCode: 'KS-20250228-001',
          dailyReportLineId: null,
          reportDate: null,
          repId: 1,
          repName: '李娜',
          scoredOn: '2025-03-01',
          operatorName: '王主管',
          createdAt: '2025-03-01T02:00:00.000Z',
          ...input,
        }),
      });
      const w = await mountList('/complaints', ComplaintList);
      const actions = w.findAll('[data-test="complaint-handle"]');
      expect(actions.map((a) => a.text())).toEqual(['处理', '查看']);

      await click(actions[0]!.element);
      await settle(50);
      const dialog = document.querySelector('[data-test="handle-dialog"]')!;
      expect(dialog.textContent).toContain('处理：KS-20250228-001');
      expect(dialog.querySelector('[data-test="complaint-details"]')!.textContent).toContain('南京鼓楼便利店');
      expect(document.activeElement).toBe(field('h-response'));
      expect(field('h-handler').value).toBe('王主管');
      expect(field('h-date').value).toBe(todayYmd());

      ctrlS();
      await settle();
      expect(dialog.textContent).toContain('处理结果：必填');
      expect(core.of('complaints.handle')).toHaveLength(0);

      await type('h-response', '已换货两箱，客户满意');
      await type('h-date', '2025-03-01');
      ctrlS();
      await settle();
      expect(core.rejected).toEqual([]);
      expect(core.of('complaints.handle').map((c) => c.input)).toEqual([
        { id: 1, handler: '王主管', response: '已换货两箱，客户满意', handledDate: '2025-03-01' },
      ]);
      await settle();
      expect(w.findAll('[data-test="complaint-status"]').map((s) => s.text())).toEqual(['已处理', '已处理']);
      expect(w.findAll('[data-test="complaint-edit"]')).toHaveLength(0); // a handled complaint is not edited in place

      // the customer is asked to score the handling: 录入评分 opens the satisfaction dialog on this complaint
      expect(document.querySelector('.el-message-box')!.textContent).toContain('客诉已处理');
      await click(document.querySelector('.el-message-box .el-button--primary'));
      await settle(50);
      document.querySelectorAll<HTMLElement>('[data-test="sat-score"] .el-rate__item')[3]!.click();
      await settle();
      await click(document.querySelector('[data-test="sat-save"]'));
      await settle();
      expect(core.rejected).toEqual([]);
      expect(core.of('satisfaction.save').map((c) => c.input)).toMatchObject([
        { customerId: 7, score: 4, source: 'complaint', complaintId: 1 },
      ]);
    },
  );

  it('重新打开: a handled complaint shows its answer and reopens with a reason', { timeout: SLOW }, async () => {
    let rows = [complaint(2, { status: 'handled', handler: '财务', response: '已重开发票', handledDate: '2025-02-28' })];
    const core = fakeCore({
      ...base,
      'complaints.list': () => ({ rows, total: rows.length }),
      'complaints.reopen': (input: { id: number }) => {
        rows = rows.map((r) => (r.id === input.id ? { ...r, status: 'open' as const, handler: '', response: '', handledDate: null } : r));
        return rows[0];
      },
    });
    const w = await mountList('/complaints', ComplaintList);
    await click(w.find('[data-test="complaint-handle"]').element);
    await settle(50);
    expect(document.querySelector('[data-test="handle-result"]')!.textContent).toContain('已重开发票');
    expect(document.querySelector('[data-test="handle-form"]')).toBeNull();

    await click(document.querySelector('[data-test="h-reopen"]'));
    await settle(50);
    const prompt = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    prompt.value = '发票抬头仍然不对';
    prompt.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    await click(Array.from(document.querySelectorAll('.el-message-box button')).find((b) => b.textContent?.trim() === '重新打开'));
    await settle();
    expect(core.of('complaints.reopen').map((c) => c.input)).toEqual([{ id: 2, reason: '发票抬头仍然不对' }]);
    // open again: the dialog offers the handling form
    expect(document.querySelector('[data-test="handle-form"]')).not.toBeNull();
  });
});

describe('市场反映: the list', () => {
  it('sends the date range, type and status filters to the server and shows the words of the screens', { timeout: SLOW }, async () => {
    const core = fakeCore({
      ...base,
      'marketFeedback.list': () => ({
        rows: [
          {
            id: 1,
            code: 'FK-20250228-001',
            date: '2025-02-28',
            repId: 1,
            repName: '李娜',
            feedbackType: 'competitor',
            urgency: 'critical',
            subject: '竞品降价',
            content: '某品牌终端降价 10%',
            competitor: '某品牌',
            productId: null,
            productName: null,
            dealerId: null,
            dealerName: '南京恒达酒业',
            customerId: 7,
            customerName: '南京鼓楼便利店',
            regionId: null,
            regionPath: [],
            status: 'open',
            handler: '',
            response: '',
            handledDate: null,
            createdAt: '',
            updatedAt: '',
          },
        ],
        total: 1,
      }),
    });
    const w = await mountList('/market-feedback', MarketFeedbackList);
    const row = w.find('[data-test="feedback-table"] .el-table__body-wrapper tr.el-table__row').text();
    expect(row).toContain('竞品动态');
    expect(row).toContain('特急');
    expect(row).toContain('竞品降价：某品牌终端降价 10%');
    expect(row).toContain('南京鼓楼便利店 · 南京恒达酒业 · 某品牌');
    await pickOption('feedback-f-type', '窜货与价格违规');
    await pickOption('feedback-f-status', '待处理');
    expect(core.rejected).toEqual([]);
    expect(core.of('marketFeedback.list').at(-1)!.input).toEqual({ page: 1, pageSize: 50, status: ['open'], feedbackType: ['violation'] });
  });
});
