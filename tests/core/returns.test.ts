// 退货单: at most what is left to return; exact pro-rata amounts, cost and the order discount that add up to the order
// when everything comes back; the credit goes to the order's own receivable first; a reversal after returns credits
// only what was not returned.
import { beforeAll, describe, expect, it } from 'vitest';
import { digest, fail, ok } from './helpers';
import { ledgerBalance, moneyFixture, postedOrder, unpaidByDoc, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
let c3: number;
beforeAll(async () => {
  f = await moneyFixture();
  c3 = f.s.customers.c3.id;
});

describe('returns', () => {
  it('take a pro-rata share of line, cost and order discount; the last one takes exactly the rest', async () => {
    const { core, products } = f;
    const o = await postedOrder(core, {
      customerId: c3,
      date: '2025-02-01',
      discountFen: 600,
      lines: [
        { productId: products.tea, qty: 3, unitPriceFen: 1_000 },
        { productId: products.wine, qty: 2, unitPriceFen: 12_800 },
      ],
    });
    const order = await ok(core, 'orders.get', { id: o.id });
    expect(order.totalFen).toBe(28_000);
    const [teaLine, wineLine] = order.lines;
    const first = await ok(core, 'returns.save', {
      orderId: o.id,
      date: '2025-02-03',
      reason: '破损',
      lines: [{ orderLineId: teaLine!.id, qty: 1 }],
    });
    expect(first.docNo).toBe('TH-20250203-001');
    let r = await ok(core, 'returns.get', { id: first.id });
    // 10.00 of 286.00 of goods, on an order of 280.00: 9.79
    expect(r).toMatchObject({ state: 'draft', totalFen: 979, costFen: 111, orderDocNo: o.docNo, customerId: c3 });
    expect(r.lines).toMatchObject([{ orderLineId: teaLine!.id, qty: 1, amountFen: 1_000, costFen: 111, productName: '西湖龙井' }]);
    expect(unpaidByDoc(core, c3)[o.docNo]).toBe(28_000); // a draft credits nothing
    await ok(core, 'returns.post', { id: first.id });
    r = await ok(core, 'returns.get', { id: first.id });
    expect(r).toMatchObject({ state: 'posted', postedByName: '测试经理' });
    expect(unpaidByDoc(core, c3)[o.docNo]).toBe(28_000 - 979);
    expect((await ok(core, 'orders.get', { id: o.id })).lines.map((l) => l.returnedQty)).toEqual([1, 0]);

    const before = digest(core.ctx.db);
    const tooMany = await fail(core, 'returns.save', {
      orderId: o.id,
      date: '2025-02-04',
      lines: [{ orderLineId: teaLine!.id, qty: 2.001 }],
    });
    expect(tooMany).toMatchObject({ code: 'VALIDATION', field: 'lines.0.qty' });
    expect(tooMany.message).toContain('可退数量 2');
    const twice = await fail(core, 'returns.save', {
      orderId: o.id,
      date: '2025-02-04',
      lines: [
        { orderLineId: wineLine!.id, qty: 1 },
        { orderLineId: wineLine!.id, qty: 1 },
      ],
    });
    expect(twice).toMatchObject({ code: 'VALIDATION', field: 'lines.1.orderLineId' });
    const early = await fail(core, 'returns.save', { orderId: o.id, date: '2025-01-31', lines: [{ orderLineId: wineLine!.id, qty: 1 }] });
    expect(early).toMatchObject({ code: 'VALIDATION', field: 'date' });
    expect(digest(core.ctx.db)).toBe(before);

    // everything else comes back: exactly the rest of the order's total
    const rest = await ok(core, 'returns.save', {
      orderId: o.id,
      date: '2025-02-05',
      lines: [
        { orderLineId: teaLine!.id, qty: 2 },
        { orderLineId: wineLine!.id, qty: 2 },
      ],
    });
    await ok(core, 'returns.post', { id: rest.id });
    r = await ok(core, 'returns.get', { id: rest.id });
    expect(r.totalFen).toBe(28_000 - 979);
    expect(r.costFen).toBe(222 + 2 * 7_333);
    expect(unpaidByDoc(core, c3)[o.docNo]).toBe(0);
    expect(ledgerBalance(core, c3)).toBe(0);
    expect(await fail(core, 'orders.reverse', { id: o.id, reason: '已全退' })).toMatchObject({ code: 'CONFLICT' });
    expect(
      await fail(core, 'returns.save', { orderId: o.id, date: '2025-02-06', lines: [{ orderLineId: teaLine!.id, qty: 0.001 }] }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'lines.0.qty',
    });
  });

  it('thirds of a line add up exactly to the line', async () => {
    const { core, products } = f;
    const o = await postedOrder(core, {
      customerId: c3,
      date: '2025-02-07',
      lines: [{ productId: products.tea, qty: 1.5, unitPriceFen: 333 }],
    });
    const lineId = (await ok(core, 'orders.get', { id: o.id })).lines[0]!.id;
    const totals: number[] = [];
    for (const day of ['08', '09', '10']) {
      const t = await ok(core, 'returns.save', { orderId: o.id, date: `2025-02-${day}`, lines: [{ orderLineId: lineId, qty: 0.5 }] });
      await ok(core, 'returns.post', { id: t.id });
      totals.push((await ok(core, 'returns.get', { id: t.id })).totalFen);
    }
    // 1.5 × 3.33 = 4.995 → 5.00; returned as 1.67, 1.66, 1.67
    expect(totals).toEqual([167, 166, 167]);
  });

  it('a draft is judged again when posted: another return posted in between leaves less to return', async () => {
    const { core, products } = f;
    const o = await postedOrder(core, {
      customerId: c3,
      date: '2025-02-11',
      lines: [{ productId: products.tea, qty: 4, unitPriceFen: 1_000 }],
    });
    const lineId = (await ok(core, 'orders.get', { id: o.id })).lines[0]!.id;
    const a = await ok(core, 'returns.save', { orderId: o.id, date: '2025-02-12', lines: [{ orderLineId: lineId, qty: 3 }] });
    const b = await ok(core, 'returns.save', { orderId: o.id, date: '2025-02-12', lines: [{ orderLineId: lineId, qty: 2 }] });
    await ok(core, 'returns.post', { id: a.id });
    const before = digest(core.ctx.db);
    expect(await fail(core, 'returns.post', { id: b.id })).toMatchObject({ code: 'VALIDATION', field: 'lines.0.qty' });
    expect(digest(core.ctx.db)).toBe(before);
    expect(await fail(core, 'returns.post', { id: a.id })).toMatchObject({ code: 'CONFLICT' });
    expect(
      await fail(core, 'returns.save', { id: a.id, orderId: o.id, date: '2025-02-12', lines: [{ orderLineId: lineId, qty: 1 }] }),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a reversal after a return credits only what was not returned; returns against drafts, reversals or other orders are refused', async () => {
    const { core, products } = f;
    const o = await postedOrder(core, {
      customerId: c3,
      date: '2025-02-13',
      lines: [{ productId: products.wine, qty: 5, unitPriceFen: 10_000 }],
    });
    const other = await postedOrder(core, {
      customerId: c3,
      date: '2025-02-13',
      lines: [{ productId: products.tea, qty: 1, unitPriceFen: 500 }],
    });
    const lineId = (await ok(core, 'orders.get', { id: o.id })).lines[0]!.id;
    const otherLine = (await ok(core, 'orders.get', { id: other.id })).lines[0]!.id;
    expect(
      await fail(core, 'returns.save', { orderId: o.id, date: '2025-02-14', lines: [{ orderLineId: otherLine, qty: 1 }] }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'lines.0.orderLineId',
    });
    const t = await ok(core, 'returns.save', { orderId: o.id, date: '2025-02-14', lines: [{ orderLineId: lineId, qty: 2 }] });
    await ok(core, 'returns.post', { id: t.id });
    const balance = ledgerBalance(core, c3);
    const rev = await ok(core, 'orders.reverse', { id: o.id, date: '2025-02-15', reason: '整单作废' });
    const reversal = await ok(core, 'orders.get', { id: rev.id });
    expect(reversal.totalFen).toBe(-30_000);
    expect(reversal.lines.map((l) => l.qty)).toEqual([-3]);
    expect(ledgerBalance(core, c3)).toBe(balance - 30_000);
    expect(unpaidByDoc(core, c3)[o.docNo]).toBe(0);
    expect(await fail(core, 'returns.save', { orderId: o.id, date: '2025-02-16', lines: [{ orderLineId: lineId, qty: 1 }] })).toMatchObject(
      {
        code: 'CONFLICT',
        field: 'orderId',
      },
    );
    expect((await fail(core, 'returns.save', { orderId: rev.id, date: '2025-02-16', lines: [{ orderLineId: lineId, qty: 1 }] })).code).toBe(
      'CONFLICT',
    );
    const draft = await ok(core, 'orders.save', {
      customerId: c3,
      date: '2025-02-16',
      lines: [{ productId: products.tea, qty: 1, unitPriceFen: 500 }],
    });
    expect((await fail(core, 'returns.save', { orderId: draft.id, date: '2025-02-16', lines: [{ orderLineId: 1, qty: 1 }] })).code).toBe(
      'CONFLICT',
    );
  });

  it('lists page, filter and sum on the server', async () => {
    const { core } = f;
    const all = await ok(core, 'returns.list', { customerId: c3, pageSize: 500 });
    expect(all.total).toBe(all.rows.length);
    expect(all.sumFen).toBe(all.rows.reduce((s, r) => s + r.totalFen, 0));
    const found = await ok(core, 'returns.list', { search: 'th-20250203' });
    expect(found.rows.map((r) => r.docNo)).toEqual(['TH-20250203-001']);
    const sorted = await ok(core, 'returns.list', { sort: { field: 'totalFen', order: 'desc' }, pageSize: 1 });
    expect(sorted.rows[0]!.totalFen).toBe(Math.max(...all.rows.map((r) => r.totalFen)));
  });
});
