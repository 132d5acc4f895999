// 市场状况反映表 ↔ 窜货 order, against a fake core: the form offers the order picker for 窜货与价格违规 (searching the
// 窜货预警 list) and a picked order fills in dealer, customer and subject; the list shows the linked order as a link to
// its page; the 窜货预警 list's 反映 opens a report prefilled with its order and shows the report already linked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { Component } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useLookupsStore } from '@/stores/lookups';
import { fakeCore, type Handler } from './fakeCore';
import MarketFeedbackList from '@/views/marketFeedback/MarketFeedbackList.vue';
import ChannelConflictList from '@/views/channelConflicts/ChannelConflictList.vue';
import { feedbackListState, freshFeedbackState } from '@/views/marketFeedback/listState';
import type { MarketFeedbackRow } from '@shared/contract';
import type { ChannelConflictRow } from '@shared/contract/receivables';
import { geometry } from '@/print/paginate';
import { marketFeedbackDoc } from '@/print/forms/marketFeedback';

const SLOW = 120_000;
let wrapper: VueWrapper | undefined;
let pinia: Pinia;
let router: Router;

const conflict = (extra: Partial<ChannelConflictRow> = {}): ChannelConflictRow => ({
  orderId: 41,
  docNo: 'XS-20250210-001',
  date: '2025-02-10',
  dealerId: 3,
  dealerCode: 'D003',
  dealerName: '北京远通商贸',
  customerId: 9,
  customerCode: 'C009',
  customerName: '南京鼓楼便利店',
  regionId: 12,
  regionPath: '华东 › 江苏省 › 南京市 › 鼓楼片区',
  repName: '李娜',
  amountFen: 1_200_000,
  feedbackCount: 0,
  feedbackCode: null,
  ...extra,
});

const feedbackRow = (extra: Partial<MarketFeedbackRow> = {}): MarketFeedbackRow => ({
  id: 1,
  code: 'FK-20250228-001',
  date: '2025-02-28',
  repId: null,
  repName: null,
  feedbackType: 'violation',
  urgency: 'urgent',
  subject: '北京经销商窜货',
  content: '鼓楼便利店从北京远通进货',
  competitor: '',
  productId: null,
  productName: null,
  dealerId: 3,
  dealerName: '北京远通商贸',
  customerId: 9,
  customerName: '南京鼓楼便利店',
  regionId: null,
  regionPath: [],
  orderId: 41,
  orderDocNo: 'XS-20250210-001',
  orderDealerName: '北京远通商贸',
  orderCustomerName: '南京鼓楼便利店',
  status: 'open',
  handler: '',
  response: '',
  handledDate: null,
  createdAt: '',
  updatedAt: '',
  ...extra,
});

const base: Record<string, Handler> = {
  'reps.list': () => ({ rows: [], total: 0 }),
  'regions.tree': () => [],
  'teams.list': () => [],
  'customers.list': () => ({ rows: [], total: 0 }),
  'products.list': () => ({ rows: [], total: 0 }),
  'dealers.list': () => ({ rows: [], total: 0 }),
};

async function mountList(path: string, component: Component) {
  router = createRouter({ history: createMemoryHistory(), routes });
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
const ctrlS = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const selectOf = (testId: string) => document.querySelector(`[data-test="${testId}"]`)?.closest('.el-select') ?? null;
/** What a picker shows as its value. */
const shown = (testId: string) => text(selectOf(testId)?.querySelector('.el-select__placeholder:not(.is-transparent)'));
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
async function type(testId: string, value: string) {
  const input = field(testId);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await flushPromises();
}
const typeRadio = (label: string) =>
  Array.from(document.querySelectorAll('[data-test="fb-type"] label')).find((l) => l.textContent?.trim() === label);

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  pinia = createPinia();
  setActivePinia(pinia);
  Object.assign(feedbackListState, freshFeedbackState());
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('市场反映 form: the 窜货 order', () => {
  it(
    'offers the order picker for 窜货与价格违规; a picked order fills dealer, customer and subject; the save sends it',
    { timeout: SLOW },
    async () => {
      const core = fakeCore({
        ...base,
        'marketFeedback.list': () => ({ rows: [], total: 0 }),
        'channelConflicts.list': (input: { search?: string }) => ({
          rows: input.search === 'XS-20250210' || !input.search ? [conflict()] : [],
          total: 1,
          sumFen: 1_200_000,
        }),
        'marketFeedback.save': () => ({ id: 2, code: 'FK-20250228-002' }),
      });
      await mountList('/market-feedback', MarketFeedbackList);
      await click(document.querySelector('[data-test="feedback-new"]'));
      await settle(50);
      // another type: no order picker
      expect(document.querySelector('[data-test="fb-order"]')).toBeNull();
      await click(typeRadio('窜货与价格违规'));
      await settle(50);
      const select = selectOf('fb-order');
      expect(select).not.toBeNull();

      // the picker searches the 窜货预警 list on the server
      await click(select!.querySelector('.el-select__wrapper'));
      await settle();
      expect(core.of('channelConflicts.list').at(-1)!.input).toEqual({ page: 1, pageSize: 20 });
      const option = optionsOf(select!).find((o) => o.textContent?.includes('XS-20250210-001'));
      expect(text(option)).toContain('北京远通商贸 → 南京鼓楼便利店');
      await click(option);
      await settle(50);
      expect(shown('fb-order')).toBe('XS-20250210-001');
      expect(shown('fb-dealer')).toBe('北京远通商贸');
      expect(shown('fb-customer')).toBe('南京鼓楼便利店');
      expect(field('fb-subject').value).toBe('窜货：北京远通商贸 销往 南京鼓楼便利店（XS-20250210-001）');

      await type('fb-content', '鼓楼便利店从北京远通进货，价格低 8%');
      ctrlS();
      await settle();
      expect(core.rejected).toEqual([]);
      expect(core.of('marketFeedback.save')).toHaveLength(1);
      expect(core.of('marketFeedback.save')[0]!.input).toMatchObject({
        feedbackType: 'violation',
        orderId: 41,
        dealerId: 3,
        customerId: 9,
        subject: '窜货：北京远通商贸 销往 南京鼓楼便利店（XS-20250210-001）',
        content: '鼓楼便利店从北京远通进货，价格低 8%',
      });
    },
  );

  it('the list shows the linked order as a link to its page; editing keeps it', { timeout: SLOW }, async () => {
    const core = fakeCore({
      ...base,
      'marketFeedback.list': () => ({
        rows: [feedbackRow(), feedbackRow({ id: 2, code: 'FK-20250228-002', orderId: null, orderDocNo: null })],
        total: 2,
      }),
      'marketFeedback.save': () => ({ id: 1, code: 'FK-20250228-001' }),
    });
    await mountList('/market-feedback', MarketFeedbackList);
    const links = document.querySelectorAll('[data-test="feedback-order"]');
    expect(Array.from(links).map((l) => text(l))).toEqual(['XS-20250210-001']);

    await click(document.querySelector('[data-test="feedback-edit"]'));
    await settle(50);
    expect(shown('fb-order')).toBe('XS-20250210-001');
    ctrlS();
    await settle();
    expect(core.of('marketFeedback.save')[0]!.input).toMatchObject({ id: 1, orderId: 41 });
    await settle(300);

    await click(document.querySelector('[data-test="feedback-order"]'));
    for (let i = 0; i < 100 && router.currentRoute.value.path !== '/orders/41'; i++) await settle(50);
    expect(router.currentRoute.value.path).toBe('/orders/41');
  });
});

describe('窜货预警: 反映', () => {
  it('opens a report prefilled with the order, and shows the report already linked', { timeout: SLOW }, async () => {
    const core = fakeCore({
      ...base,
      'channelConflicts.list': () => ({
        rows: [conflict(), conflict({ orderId: 42, docNo: 'XS-20250215-001', feedbackCount: 2, feedbackCode: 'FK-20250301-001' })],
        total: 2,
        sumFen: 2_400_000,
      }),
      'marketFeedback.save': () => ({ id: 3, code: 'FK-20250301-002' }),
    });
    await mountList('/channel-conflicts', ChannelConflictList);
    const rows = Array.from(document.querySelectorAll('[data-test="conflict-table"] .el-table__body-wrapper tr.el-table__row'));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('[data-test="conflict-feedback-code"]')).toBeNull();
    expect(text(rows[1]!.querySelector('[data-test="conflict-feedback-code"]'))).toBe('FK-20250301-001 等 2 条');

    await click(rows[0]!.querySelector('[data-test="conflict-feedback-new"]'));
    await settle(50);
    const dialog = document.querySelector('[data-test="feedback-dialog"]');
    expect(dialog).not.toBeNull();
    expect(text(document.querySelector('[data-test="fb-type"] .is-active'))).toBe('窜货与价格违规');
    expect(shown('fb-order')).toBe('XS-20250210-001');
    expect(shown('fb-dealer')).toBe('北京远通商贸');
    expect(shown('fb-customer')).toBe('南京鼓楼便利店');

    await type('fb-content', '终端价格比本地低');
    ctrlS();
    await settle();
    expect(core.rejected).toEqual([]);
    expect(core.of('marketFeedback.save')[0]!.input).toMatchObject({ feedbackType: 'violation', orderId: 41, dealerId: 3, customerId: 9 });
    // saved: the list asks again, so the row shows its report
    expect(core.of('channelConflicts.list').length).toBeGreaterThan(1);

    // the linked report opens the market-feedback list searching for it
    await click(rows[1]!.querySelector('[data-test="conflict-feedback-code"]'));
    for (let i = 0; i < 100 && router.currentRoute.value.path !== '/market-feedback'; i++) await settle(50);
    expect(router.currentRoute.value.path).toBe('/market-feedback');
    expect(feedbackListState.search).toBe('FK-20250301-001');
  });
});

describe('市场状况反映表 print', () => {
  it('names the linked 窜货 order beside the subject', () => {
    const printed = (row: MarketFeedbackRow) => JSON.stringify(marketFeedbackDoc([row], {}, geometry('a4'), 'k').records);
    expect(printed(feedbackRow())).toContain('FK-20250228-001 北京经销商窜货（窜货单 XS-20250210-001）');
    expect(printed(feedbackRow({ orderId: null, orderDocNo: null }))).not.toContain('窜货单');
  });
});
