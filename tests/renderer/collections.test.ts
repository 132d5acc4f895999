// 回款 on screen: Alt+N opens the form with the cursor in the customer; picking the customer fills its rep and lists its
// open items as of the date; 自动 shows what oldest-due-first will allocate and what is left as 预收; 手工核销 refuses an
// item above its unpaid part and a sum above the amount (nothing is sent) and sends exactly the typed allocations. A
// posted collection opens read-only and 红冲 sends a reason. Writing off is a manager's only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { allocationSummary, manualAllocations, type AllocItem } from '@/views/collections/allocation';
import { todayYmd } from '@/views/complaints/display';
import { activeField, enter, mountAt, optionTexts, press, settle, shops, typeHere, unmountAll } from './dailyFormsFixtures';

const SLOW = { timeout: 120_000 };
const text = (test: string) => document.querySelector(`[data-test="${test}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const input = (test: string) => document.querySelector(`[data-test="${test}"] input, input[data-test="${test}"]`) as HTMLInputElement;

const item = (receivableId: number, unpaidFen: number, overdueDays: number, allocFen: number | null = 0): AllocItem => ({
  receivableId,
  kind: 'order',
  sourceId: receivableId,
  docNo: `XS-2026010${receivableId}-001`,
  date: `2026-01-0${receivableId}`,
  dueDate: `2026-02-0${receivableId}`,
  amountFen: unpaidFen + 1000,
  paidFen: 1000,
  unpaidFen,
  overdueDays,
  bucket: overdueDays > 0 ? 1 : 0,
  repName: '张伟',
  allocFen,
});

describe('allocation figures', () => {
  it('automatic: min(amount, Σ unpaid) allocated, the rest prepayment', () => {
    const items = [item(1, 60000, 30), item(2, 80000, 0)];
    expect(allocationSummary(100000, items, false)).toMatchObject({ allocatedFen: 100000, prepaymentFen: 0, overAmount: false });
    expect(allocationSummary(150000, items, false)).toMatchObject({ allocatedFen: 140000, prepaymentFen: 10000 });
    expect(allocationSummary(5000, [], false)).toMatchObject({ allocatedFen: 0, prepaymentFen: 5000 });
  });

  it('by hand: what was typed; more than the amount or than an unpaid part is flagged; only items with an amount are sent', () => {
    const typed = [item(1, 60000, 30, 60000), item(2, 80000, 0, 30000), item(3, 5000, 0, 0)];
    expect(allocationSummary(100000, typed, true)).toMatchObject({
      manualSumFen: 90000,
      allocatedFen: 90000,
      prepaymentFen: 10000,
      overAmount: false,
      overUnpaid: false,
    });
    expect(allocationSummary(80000, typed, true)).toMatchObject({ overAmount: true });
    expect(allocationSummary(200000, [item(1, 60000, 30, 60001)], true)).toMatchObject({ overUnpaid: true });
    expect(manualAllocations(typed)).toEqual([
      { receivableId: 1, amountFen: 60000 },
      { receivableId: 2, amountFen: 30000 },
    ]);
  });
});

const shop = shops[1];
const openItems = [item(1, 60000, 30), item(2, 80000, -5)].map(({ allocFen: _a, ...rest }) => rest);

const handlers = {
  'collections.list': () => ({ rows: [], total: 0, sumFen: 0 }),
  'customers.get': () => ({ id: shop.id, name: shop.name, repId: 3, dealerId: null, type: 'retail', paymentTermDays: 30 }),
  'receivables.documents': () => ({ rows: openItems, total: 2, unpaidFen: 140000, prepaymentFen: 0, bucketEdges: [30, 60, 90, 180] }),
};

describe('collection form', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('from the keyboard, allocated by hand within the limits', SLOW, async () => {
    let saved: any;
    const core = await mountAt(
      '/collections',
      {
        ...handlers,
        'collections.save': (i: any) => {
          saved = i;
          return { id: 5, docNo: 'HK-20260305-001', allocatedFen: 90000, prepaymentFen: 10000 };
        },
      },
      'collection-table',
      'clerk',
    );
    press('n', { altKey: true, code: 'KeyN' });
    await vi.waitFor(() => expect(activeField()).toBe('c-customer'));
    await typeHere(shop.initials);
    await vi.waitFor(() => expect(optionTexts().join()).toContain(shop.name));
    await enter();
    await vi.waitFor(() => expect(activeField()).toBe('c-date'));
    await vi.waitFor(() => expect(core.of('receivables.documents')).toHaveLength(1));
    expect(core.of('receivables.documents')[0]!.input).toMatchObject({ customerId: shop.id });
    await enter();
    expect(activeField()).toBe('c-amount');
    await typeHere('1000');
    await enter();
    expect(activeField()).toBe('c-rep');
    await enter(); // the customer's rep came with the pick
    await vi.waitFor(() => expect(activeField()).toBe('c-reference'));
    await typeHere('流水 8821');
    await settle();
    // automatic: the oldest due first takes all of it
    expect(text('c-allocated')).toBe('核销 ¥1,000.00');
    expect(text('c-prepayment')).toBe('计入预收 ¥0.00');

    (document.querySelector('[data-test="c-manual"]') as HTMLElement).click();
    await settle();
    input('ci-alloc-0').focus();
    await typeHere('700'); // more than its unpaid 600.00
    input('ci-alloc-1').focus();
    await typeHere('500');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle(200);
    expect(core.of('collections.save')).toHaveLength(0);
    expect(document.body.textContent).toContain('不能超过未收 600.00');

    input('ci-alloc-0').focus();
    await typeHere('600');
    await settle();
    // 600 + 500 is more than the 1,000 collected
    expect(text('c-over')).toBe('核销合计 ¥1,100.00 超过回款金额 ¥1,000.00');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle(200);
    expect(core.of('collections.save')).toHaveLength(0);

    input('ci-alloc-1').focus();
    await typeHere('300');
    await settle();
    expect(text('c-allocated')).toBe('核销 ¥900.00');
    expect(text('c-prepayment')).toBe('计入预收 ¥100.00');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('collections.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    expect(saved).toEqual({
      customerId: shop.id,
      date: core.of('receivables.documents')[0]!.input.asOf,
      amountFen: 100000,
      method: 'transfer',
      repId: 3,
      reference: '流水 8821',
      notes: '',
      allocations: [
        { receivableId: 1, amountFen: 60000 },
        { receivableId: 2, amountFen: 30000 },
      ],
    });
    // posted: the toast names the allocation and the prepayment, the dialog closes and the list reloads
    await vi.waitFor(() => expect(document.body.textContent).toContain('已入账 HK-20260305-001：核销 ¥900.00，预收 ¥100.00'));
    await vi.waitFor(() => expect(core.of('collections.list').length).toBeGreaterThan(1));
  });

  it('a posted collection is read-only; 红冲 sends a reason', SLOW, async () => {
    const row = {
      id: 5,
      docNo: 'HK-20260305-001',
      customerId: shop.id,
      customerCode: 'C00012',
      customerName: shop.name,
      repId: 3,
      repName: '张伟',
      date: '2026-03-05',
      amountFen: 100000,
      method: 'transfer',
      reference: '流水 8821',
      state: 'posted',
      reversalOfId: null,
      reversedById: null,
      reverseReason: '',
      notes: '',
      allocatedFen: 90000,
      createdByName: '王文员',
      createdAt: '2026-03-05T02:00:00.000Z',
    };
    let reversed: any;
    const core = await mountAt(
      '/collections',
      {
        ...handlers,
        'collections.list': () => ({ rows: [row], total: 1, sumFen: 100000 }),
        'collections.get': () => ({
          ...row,
          ...(reversed ? { state: 'reversed', reverseReason: reversed.reason, reversedById: 6 } : {}),
          allocations: [
            { receivableId: 1, docNo: 'XS-20260101-001', receivableDate: '2026-01-01', dueDate: '2026-02-01', amountFen: 90000 },
          ],
        }),
        'collections.reverse': (i: any) => {
          reversed = i;
          return { id: 6, docNo: 'HK-20260305-002' };
        },
      },
      'collection-table',
      'clerk',
    );
    expect(text('collection-sum')).toBe('合计 ¥1,000.00（1 笔）');
    (document.querySelector('[data-test="collection-table"] tbody tr') as HTMLElement).dispatchEvent(
      new MouseEvent('dblclick', { bubbles: true }),
    );
    await vi.waitFor(() => expect(text('cd-allocations')).toContain('XS-20260101-001'));
    expect(text('cd-prepayment')).toBe('¥100.00');
    (document.querySelector('[data-test="cd-reverse"]') as HTMLElement).click();
    await vi.waitFor(() => expect(activeField()).toBe('collection-reverse-dialog-reason'));
    await typeHere('重复登记');
    await enter();
    await vi.waitFor(() => expect(core.of('collections.reverse')).toHaveLength(1));
    expect(reversed).toMatchObject({ id: 5, reason: '重复登记' });
    await vi.waitFor(() => expect(text('cd-reversed')).toBe('已被红冲（重复登记）'));
  });

  it("write-offs are a manager's: the button shows for a manager only", SLOW, async () => {
    await mountAt('/write-offs', { 'writeOffs.list': () => ({ rows: [], total: 0, sumFen: 0 }) }, 'writeoff-table', 'clerk');
    expect(document.querySelector('[data-test="writeoff-new"]')).toBeNull();
    unmountAll();
    await mountAt('/write-offs', { 'writeOffs.list': () => ({ rows: [], total: 0, sumFen: 0 }) }, 'writeoff-table', 'manager');
    expect(document.querySelector('[data-test="writeoff-new"]')).not.toBeNull();
  });
});

describe('write-off and opening balance forms', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('a write-off is refused above what the customer owes as of its date, then sent with its reason', SLOW, async () => {
    const core = await mountAt(
      '/write-offs',
      {
        'writeOffs.list': () => ({ rows: [], total: 0, sumFen: 0 }),
        'receivables.balance': (i: any) => ({
          customerId: i.customerId,
          asOf: i.asOf,
          balanceFen: 34500,
          owedFen: 34500,
          overdueFen: 34500,
          prepaymentFen: 0,
        }),
        'writeOffs.save': () => ({ id: 3, docNo: 'HX-20260305-001' }),
      },
      'writeoff-table',
      'manager',
    );
    press('n', { altKey: true, code: 'KeyN' });
    await vi.waitFor(() => expect(activeField()).toBe('w-customer'));
    await typeHere(shop.initials);
    await vi.waitFor(() => expect(optionTexts().join()).toContain(shop.name));
    await enter();
    await vi.waitFor(() => expect(activeField()).toBe('w-date'));
    await vi.waitFor(() => expect(text('w-owed')).toBe('当前欠款 ¥345.00'));
    await enter();
    expect(activeField()).toBe('w-amount');
    await typeHere('345.01');
    await enter();
    await typeHere('客户破产');
    await enter(); // the last field: writes off, unless refused
    await settle(200);
    expect(core.of('writeOffs.save')).toHaveLength(0);
    expect(document.body.textContent).toContain('不能超过欠款 345.00');
    input('w-amount').focus();
    await typeHere('345');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('writeOffs.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    expect(core.of('writeOffs.save')[0]!.input).toEqual({
      customerId: shop.id,
      date: core.of('receivables.balance')[0]!.input.asOf,
      amountFen: 34500,
      reason: '客户破产',
    });
  });

  it('an opening balance typed from the keyboard; an empty due date is left to the terms', SLOW, async () => {
    const core = await mountAt(
      '/opening-balances',
      {
        'openingBalances.list': () => ({ rows: [], total: 0, sumFen: 0 }),
        'openingBalances.save': () => ({ id: 4, docNo: 'QC-20251231-001' }),
      },
      'opening-table',
      'clerk',
    );
    press('n', { altKey: true, code: 'KeyN' });
    await vi.waitFor(() => expect(activeField()).toBe('ob-customer'));
    await typeHere(shop.initials);
    await vi.waitFor(() => expect(optionTexts().join()).toContain(shop.name));
    await enter();
    await vi.waitFor(() => expect(activeField()).toBe('ob-date'));
    await enter(); // today (a typed date is checked in the e2e, in a real browser)
    expect(activeField()).toBe('ob-due');
    await enter();
    expect(activeField()).toBe('ob-amount');
    await typeHere('1234.56');
    await enter();
    await typeHere('XS-2025-0911');
    await enter();
    expect(activeField()).toBe('ob-notes');
    await enter(); // the last field saves
    await vi.waitFor(() => expect(core.of('openingBalances.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    expect(core.of('openingBalances.save')[0]!.input).toEqual({
      customerId: shop.id,
      date: todayYmd(),
      amountFen: 123456,
      sourceNo: 'XS-2025-0911',
      notes: '',
    });
  });
});
