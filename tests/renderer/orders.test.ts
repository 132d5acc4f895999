// 销售单 and 退货单 on screen: the line arithmetic is exact in 分 and the same as the core's; the editor is typed from
// the keyboard (customer by pinyin fills dealer, rep, settlement and due date; product → qty → price → discount, Enter in
// the last cell adds a line with the cursor in its product; Ctrl+S saves exactly what was typed and shows the credit
// figures; a price below the floor shows red with the floor); a posting the core refuses with OVERRIDE_REQUIRED opens
// 需要经理授权 (reason + manager name and password for a clerk, only the reason for a manager); a return refuses more
// than is left.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import fc from 'fast-check';
import type { OrderDetail } from '@shared/contract/orders';
import {
  divRoundHalfUp,
  extendFen,
  formatQtyMilli,
  lineAmountFen,
  orderTotalFen,
  parseQtyMilli,
  proRataFen,
  qtyToMilli,
} from '@shared/orderMath';
import * as core from '../../electron/core/modules/orders/amounts';
import { addDays, defaultPriceFen, settlementFor } from '@/views/orders/orderForm';
import { activeField, enter, mountAt, optionTexts, press, settle, shops, typeHere, unmountAll } from './dailyFormsFixtures';

const SLOW = { timeout: 120_000 };
const text = (test: string) => document.querySelector(`[data-test="${test}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('order line arithmetic', () => {
  it('quantities are read exactly, with at most 3 decimals', () => {
    expect(['12', '1.5', '0.125', '１２', '1,000', '2.'].map(parseQtyMilli)).toEqual([12000, 1500, 125, 12000, 1000000, 2000]);
    expect(['', '0', '0.0001', '-1', 'abc', '1.2.3'].map(parseQtyMilli)).toEqual([null, null, null, null, null, null]);
    expect([12000, 1500, 125, 1, -125].map(formatQtyMilli)).toEqual(['12', '1.5', '0.125', '0.001', '-0.125']);
  });

  it('each line rounds half up to the 分, with integer arithmetic (no float drift)', () => {
    // 1.5 × 12.35 = 18.525 → 18.53; 0.333 × 9.99 = 3.32667 → 3.33; 0.005 × 1.00 = 0.005 → 0.01; 0.004 × 1.00 → 0.00
    expect(lineAmountFen(1500, 1235)).toBe(1853);
    expect(lineAmountFen(333, 999, 1)).toBe(332);
    expect(lineAmountFen(5, 100)).toBe(1);
    expect(lineAmountFen(4, 100)).toBe(0);
    // a float would say 1.005 × 100 = 100.49999…: the thousandths say 100.5 → 101
    expect(extendFen(1005, 100)).toBe(101);
    // a reversal's negated line is the exact negation
    expect(extendFen(-1500, 1235)).toBe(-1853);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    // beyond 2^53 in the product: still exact
    expect(extendFen(99_999_999_999, 999_999_999)).toBe(Number(divRoundHalfUp(99_999_999_999n * 999_999_999n, 1000n)));
    expect(orderTotalFen([1853, 332], 85)).toBe(2100);
  });

  it("is the core's arithmetic, figure for figure", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (milli, unit) => extendFen(milli, unit) === core.extendFen(milli, unit),
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.nat(),
        fc.nat(),
        (whole, fen, a, b) => {
          const done = a % (whole + 1);
          const part = Math.max(1, b % (whole - done + 1));
          const doneFen = core.proRataFen(fen, whole, 0, 0, done);
          return proRataFen(fen, whole, done, doneFen, part) === core.proRataFen(fen, whole, done, doneFen, part);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (milli) => qtyToMilli(milli / 1000) === core.qtyToMilli(milli / 1000)),
    );
  });

  it('defaults: dealer price for 经销商 and 批发商, list price otherwise; settlement and due date from the terms', () => {
    const p = { listPriceFen: 1500, dealerPriceFen: 1235 };
    expect(['dealer', 'wholesale', 'retail', null].map((type) => defaultPriceFen(type, p))).toEqual([1235, 1235, 1500, 1500]);
    expect(defaultPriceFen('wholesale', { listPriceFen: 1500, dealerPriceFen: 0 })).toBe(1500);
    expect([settlementFor(0), settlementFor(30)]).toEqual(['cash', 'credit']);
    expect([addDays('2026-03-05', 30), addDays('2026-12-15', 30), addDays('2028-02-28', 1)]).toEqual([
      '2026-04-04',
      '2027-01-14',
      '2028-02-29',
    ]);
  });
});

// ----- the editor -----

const products = [
  {
    id: 31,
    sku: 'P031',
    name: '佳洁士牙膏 120g',
    initials: 'jjsyg',
    unit: '支',
    listPriceFen: 1500,
    dealerPriceFen: 1235,
    floorPriceFen: 1100,
    costFen: 900,
  },
  {
    id: 32,
    sku: 'P032',
    name: '舒肤佳香皂',
    initials: 'sfjxz',
    unit: '块',
    listPriceFen: 1200,
    dealerPriceFen: 1050,
    floorPriceFen: 1000,
    costFen: 700,
  },
];
const productRow = (p: (typeof products)[number]) => ({
  id: p.id,
  sku: p.sku,
  name: p.name,
  spec: '',
  categoryId: null,
  categoryName: null,
  unit: p.unit,
  listPriceFen: p.listPriceFen,
  dealerPriceFen: p.dealerPriceFen,
  floorPriceFen: p.floorPriceFen,
  costFen: p.costFen,
  grossMarginBp: null,
  active: true,
  notes: '',
  updatedAt: '2026-03-01T00:00:00.000Z',
});

const shop = shops[0];
const customerDetail = {
  id: shop.id,
  code: `C0000${shop.id}`,
  name: shop.name,
  type: 'wholesale',
  repId: 3,
  repName: '张伟',
  dealerId: 7,
  dealerName: '郑州豫达商贸',
  creditLimitFen: 500000,
  paymentTermDays: 30,
};

const credit = {
  mode: 'block' as const,
  creditLimitFen: 500000,
  balanceFen: 498000,
  afterFen: 500185,
  overdueFen: 12000,
  overdueDaysLimit: 90,
  maxOverdueDays: 120,
  overLimit: true,
  overdue: true,
};

function orderDetail(extra: Partial<OrderDetail> = {}): OrderDetail {
  return {
    id: 900,
    docNo: 'XS-20260305-001',
    customerId: shop.id,
    customerCode: `C0000${shop.id}`,
    customerName: shop.name,
    dealerId: 7,
    dealerName: '郑州豫达商贸',
    repId: 3,
    repName: '张伟',
    date: '2026-03-05',
    settlement: 'credit',
    dueDate: '2026-04-04',
    discountFen: 0,
    subtotalFen: 2185,
    totalFen: 2185,
    costFen: 0,
    grossProfitFen: 0,
    state: 'draft',
    reversalOfId: null,
    reversedById: null,
    reverseReason: '',
    crossTerritory: false,
    overrideReason: null,
    overrideByName: null,
    postedAt: null,
    postedByName: null,
    notes: '',
    lines: [
      {
        id: 1,
        seq: 1,
        productId: 31,
        sku: 'P031',
        productName: products[0]!.name,
        spec: '',
        unit: '支',
        qty: 1.5,
        unitPriceFen: 1235,
        discountFen: 0,
        amountFen: 1853,
        unitCostFen: 0,
        costFen: 0,
        belowFloor: false,
        floorPriceFen: 1100,
        returnedQty: 0,
      },
      {
        id: 2,
        seq: 2,
        productId: 32,
        sku: 'P032',
        productName: products[1]!.name,
        spec: '',
        unit: '块',
        qty: 0.333,
        unitPriceFen: 999,
        discountFen: 1,
        amountFen: 332,
        unitCostFen: 0,
        costFen: 0,
        belowFloor: true,
        floorPriceFen: 1000,
        returnedQty: 0,
      },
    ],
    credit,
    returns: [],
    createdAt: '2026-03-05T01:00:00.000Z',
    updatedAt: '2026-03-05T01:00:00.000Z',
    ...extra,
  };
}

const orderHandlers = {
  'customers.get': () => customerDetail,
  'dealers.list': () => ({ rows: [{ id: 7, code: 'D007', name: '郑州豫达商贸' }], total: 1 }),
  'products.list': (input: { search?: string }) => {
    const found = products.filter((p) => !input.search || p.initials === input.search || p.sku === input.search);
    return { rows: found.map(productRow), total: found.length };
  },
  'products.get': (input: { id: number }) => productRow(products.find((p) => p.id === input.id)!),
};

describe('order editor', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it(
    'typed from the keyboard: customer fills the header, lines add themselves, amounts exact, Ctrl+S saves what was typed',
    SLOW,
    async () => {
      let saved: any;
      const core = await mountAt(
        '/orders/new',
        {
          ...orderHandlers,
          'orders.save': (input: any) => {
            saved = input;
            return { id: 900, docNo: 'XS-20260305-001' };
          },
          'orders.get': () => orderDetail(),
        },
        'order-lines',
        'clerk',
      );
      await vi.waitFor(() => expect(activeField()).toBe('o-customer'));
      await typeHere(shop.initials);
      await vi.waitFor(() => expect(optionTexts().join()).toContain(shop.name));
      await enter();
      // the customer's serving dealer, rep and terms arrive with the pick
      await vi.waitFor(() => expect(activeField()).toBe('o-dealer'));
      await vi.waitFor(() => expect(core.of('customers.get')).toHaveLength(1));
      await settle();
      for (const next of ['o-rep', 'o-date', 'o-settlement', 'o-due', 'o-notes', 'ol-product-0']) {
        await enter();
        await vi.waitFor(() => expect(activeField()).toBe(next));
      }
      const due = (document.querySelector('[data-test="o-due"] input') as HTMLInputElement).value;
      const date = (document.querySelector('[data-test="o-date"] input') as HTMLInputElement).value;
      expect(due).toBe(addDays(date, 30));

      // line 1: a wholesaler buys at the dealer price (12.35), 1.5 × 12.35 = 18.525 → 18.53
      await typeHere('jjsyg');
      await vi.waitFor(() => expect(optionTexts().join()).toContain(products[0]!.name));
      await enter();
      await vi.waitFor(() => expect(activeField()).toBe('ol-qty-0'));
      await typeHere('1.5');
      await enter();
      expect(activeField()).toBe('ol-price-0');
      expect((document.activeElement as HTMLInputElement).value).toBe('12.35');
      await enter();
      expect(activeField()).toBe('ol-discount-0');
      expect(text('ol-amount-0')).toBe('18.53');
      // Enter in the last cell of the last line: a new line, the cursor in its product
      await enter();
      await vi.waitFor(() => expect(activeField()).toBe('ol-product-1'));

      // line 2 below the floor price (10.00): 0.333 × 9.99 = 3.32667 → 3.33, less 0.01
      await typeHere('sfjxz');
      await vi.waitFor(() => expect(optionTexts().join()).toContain(products[1]!.name));
      await enter();
      await vi.waitFor(() => expect(activeField()).toBe('ol-qty-1'));
      await typeHere('0.333');
      await enter();
      await typeHere('9.99');
      await enter();
      await typeHere('0.01');
      await settle();
      expect(text('ol-amount-1')).toContain('3.32');
      expect(text('ol-floor-1')).toBe('低于最低价 10.00');
      expect(document.querySelector('[data-test="ol-amount-1"]')!.classList.contains('under-floor')).toBe(true);
      expect(text('ol-floor-0')).toBe('');
      expect(text('order-total')).toBe('¥21.85');

      press('s', { ctrlKey: true, code: 'KeyS' });
      await vi.waitFor(() => expect(core.of('orders.save')).toHaveLength(1));
      expect(core.rejected).toEqual([]);
      expect(saved).toEqual({
        customerId: shop.id,
        dealerId: 7,
        repId: 3,
        date,
        settlement: 'credit',
        dueDate: due,
        discountFen: 0,
        notes: '',
        lines: [
          { productId: 31, qty: 1.5, unitPriceFen: 1235, discountFen: 0 },
          { productId: 32, qty: 0.333, unitPriceFen: 999, discountFen: 1 },
        ],
      });
      // the saved draft is at its own address and shows the credit figures it will be judged by
      await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe('/orders/900'));
      await vi.waitFor(() => expect(text('order-credit')).toContain('5,001.85'));
      expect(text('credit-limit')).toBe('¥5,000.00');
      expect(text('credit-balance')).toBe('¥4,980.00');
      expect(text('credit-overdue')).toBe('¥120.00');
      expect(text('credit-over')).toBe('超出信用额度');
      expect(document.querySelector('[data-test="order-credit"]')!.classList.contains('warn')).toBe(true);
    },
  );

  async function postNeedingApproval(role: 'clerk' | 'manager') {
    const posts: any[] = [];
    const core = await mountAt(
      '/orders/900',
      {
        ...orderHandlers,
        'orders.get': () => (posts.some((p) => p.override) ? orderDetail({ state: 'posted', credit: null }) : orderDetail()),
        'orders.post': (input: any) => {
          posts.push(input);
          if (!input.override)
            throw { code: 'OVERRIDE_REQUIRED', message: '客户欠款超出信用额度：额度 5,000.00 元，本单后 5,001.85 元，需要经理授权' };
          return { id: 900, docNo: 'XS-20260305-001', state: 'posted', crossTerritory: false, credit };
        },
      },
      'order-lines',
      role,
    );
    await vi.waitFor(() => expect(activeField()).toBe('o-customer'));
    // Ctrl+Enter posts from wherever the cursor is
    press('Enter', { ctrlKey: true, code: 'Enter' });
    await vi.waitFor(() => expect(document.querySelector('[data-test="override-dialog"]')).not.toBeNull());
    await vi.waitFor(() => expect(activeField()).toBe('override-reason'));
    expect(text('override-message')).toContain('需要经理授权');
    return { core, posts };
  }

  it('需要经理授权 for a clerk: reason, manager name and password, Enter in the last field posts with them', SLOW, async () => {
    const { core, posts } = await postNeedingApproval('clerk');
    // nothing typed: refused before anything is sent
    (document.querySelector('[data-test="override-ok"]') as HTMLElement).click();
    await settle();
    expect(posts).toHaveLength(1);
    expect(document.body.textContent).toContain('请填写原因');
    await typeHere('老客户，月底前回款');
    await enter();
    expect(activeField()).toBe('override-manager');
    await typeHere('周经理');
    await enter();
    expect(activeField()).toBe('override-password');
    await typeHere('manager-pw');
    await enter();
    await vi.waitFor(() => expect(posts).toHaveLength(2));
    expect(core.rejected).toEqual([]);
    expect(posts[1]).toEqual({ id: 900, override: { reason: '老客户，月底前回款', managerName: '周经理', managerPassword: 'manager-pw' } });
    await vi.waitFor(() => expect(text('order-state')).toBe('已过账'));
    // posted: read-only, with 红冲 and 退货
    expect(document.querySelector('[data-test="ol-qty-0"]')).toBeNull();
    expect(document.querySelector('[data-test="order-reverse"]')).not.toBeNull();
    expect(document.querySelector('[data-test="order-return"]')).not.toBeNull();
  });

  it('需要经理授权 for a manager signed in: only the reason', SLOW, async () => {
    const { posts } = await postNeedingApproval('manager');
    expect(document.querySelector('[data-test="override-manager"]')).toBeNull();
    await typeHere('春节备货');
    await enter();
    await vi.waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toEqual({ id: 900, override: { reason: '春节备货' } });
  });

  it('a posted order shows its override, 窜货, gross profit and returns; 红冲 asks a reason and a date', SLOW, async () => {
    const posted = orderDetail({
      state: 'posted',
      credit: null,
      costFen: 1583,
      grossProfitFen: 602,
      crossTerritory: true,
      overrideReason: '老客户',
      overrideByName: '周经理',
      postedAt: '2026-03-05T02:00:00.000Z',
      postedByName: '王文员',
      returns: [{ id: 70, docNo: 'TH-20260306-001', date: '2026-03-06', state: 'posted', totalFen: 1235 }],
    });
    let reversed: any;
    const core = await mountAt(
      '/orders/900',
      {
        ...orderHandlers,
        'orders.get': () => (reversed ? { ...posted, state: 'reversed', reversedById: 901, reverseReason: reversed.reason } : posted),
        'orders.reverse': (input: any) => {
          reversed = input;
          return { id: 901, docNo: 'XS-20260305-002' };
        },
      },
      'order-lines',
      'clerk',
    );
    expect(text('order-gross')).toBe('¥6.02');
    expect(text('order-override-note')).toBe('经理授权：周经理，老客户');
    expect(text('order-cross-flag')).toBe('窜货');
    expect(text('order-returns')).toContain('TH-20260306-001');
    (document.querySelector('[data-test="order-reverse"]') as HTMLElement).click();
    await vi.waitFor(() => expect(activeField()).toBe('order-reverse-dialog-reason'));
    await typeHere('客户取消订单');
    await enter();
    await vi.waitFor(() => expect(core.of('orders.reverse')).toHaveLength(1));
    expect(reversed.reason).toBe('客户取消订单');
    expect(reversed.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await vi.waitFor(() => expect(text('order-state')).toBe('已红冲'));
  });
});

describe('return editor', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('refuses more than is left to return, and saves what was typed', SLOW, async () => {
    const order = orderDetail({
      state: 'posted',
      credit: null,
      lines: orderDetail().lines.map((l, i) => (i === 0 ? { ...l, returnedQty: 0.5 } : l)),
    });
    let saved: any;
    const core = await mountAt(
      '/returns/new?orderId=900',
      {
        'orders.get': () => order,
        'returns.save': (input: any) => {
          saved = input;
          return { id: 70, docNo: 'TH-20260306-001' };
        },
        'returns.get': () => ({
          id: 70,
          docNo: 'TH-20260306-001',
          orderId: 900,
          orderDocNo: order.docNo,
          customerId: shop.id,
          customerName: shop.name,
          date: saved.date,
          state: 'draft',
          totalFen: 1235,
          costFen: 0,
          reason: saved.reason,
          postedAt: null,
          postedByName: null,
          lines: [
            {
              id: 1,
              orderLineId: 1,
              productId: 31,
              sku: 'P031',
              productName: products[0]!.name,
              unit: '支',
              qty: 1,
              amountFen: 1235,
              costFen: 0,
            },
          ],
        }),
      },
      'return-lines',
      'clerk',
    );
    expect(text('rl-left-0')).toBe('1');
    await vi.waitFor(() => expect(activeField()).toBe('rl-qty-0'));
    await typeHere('1.5');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle();
    expect(core.of('returns.save')).toHaveLength(0);
    expect(document.body.textContent).toContain('最多可退 1');
    await typeHere('1');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('returns.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    expect(saved).toMatchObject({ orderId: 900, reason: '', lines: [{ orderLineId: 1, qty: 1 }] });
    await vi.waitFor(() => expect(text('return-total')).toBe('¥12.35'));
  });
});

describe('order list', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('the 窜货-only filter goes to the core, the sum of every filtered order shows; Alt+N opens a new order', SLOW, async () => {
    const row = {
      id: 900,
      docNo: 'XS-20260305-001',
      date: '2026-03-05',
      customerId: shop.id,
      customerCode: 'C00011',
      customerName: shop.name,
      dealerName: '郑州豫达商贸',
      repName: '张伟',
      settlement: 'credit',
      dueDate: '2026-04-04',
      totalFen: 2185,
      grossProfitFen: 600,
      state: 'posted',
      reversalOfId: null,
      crossTerritory: true,
      lineCount: 2,
    };
    const core = await mountAt(
      '/orders',
      { ...orderHandlers, 'orders.list': () => ({ rows: [row], total: 1, sumFen: 123456789 }), 'orders.get': () => orderDetail() },
      'order-table',
      'clerk',
    );
    expect(text('order-sum')).toBe('合计 ¥1,234,567.89（1 单）');
    expect(text('order-cross')).toBe('窜货');
    (document.querySelector('[data-test="order-f-cross"] input') as HTMLInputElement).click();
    await vi.waitFor(() => expect(core.of('orders.list').at(-1)!.input).toMatchObject({ crossTerritory: true, page: 1 }));
    expect(core.rejected).toEqual([]);
    press('n', { altKey: true, code: 'KeyN' });
    await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe('/orders/new'));
  });
});
