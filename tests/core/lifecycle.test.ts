// Lifecycle recomputed in the posting's transaction and by customers.recomputeLifecycle, with its history rows.
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from './helpers';
import { CLERK, moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';
import { asOperator } from './helpers';

let f: MoneyFixture;
const tea = () => [{ productId: f.products.tea, qty: 1, unitPriceFen: 1_000 }];
const lifecycleOf = async (id: number) => (await ok(f.core, 'customers.get', { id })).lifecycle;

beforeEach(async () => {
  f = await moneyFixture(); // today is 2025-03-01
});

describe('lifecycle after postings', () => {
  it('a prospect’s first order makes it first, an order in a second month repeat, each change in the history', async () => {
    const id = (await ok(f.core, 'customers.save', { name: '新街口超市' })).id;
    expect(await lifecycleOf(id)).toBe('prospect');
    // a draft is no purchase
    const draft = await ok(f.core, 'orders.save', { customerId: id, date: '2025-02-10', lines: tea() });
    expect(await lifecycleOf(id)).toBe('prospect');
    await ok(f.core, 'orders.post', { id: draft.id });
    expect(await lifecycleOf(id)).toBe('first');
    await postedOrder(f.core, { customerId: id, date: '2025-02-28', lines: tea() });
    expect(await lifecycleOf(id)).toBe('first');
    await postedOrder(f.core, { customerId: id, date: '2025-03-01', lines: tea() });
    expect(await lifecycleOf(id)).toBe('repeat');
    const history = await ok(f.core, 'customers.lifecycleHistory', { customerId: id });
    expect(history.map((h) => [h.fromLifecycle, h.toLifecycle, h.changedOn, h.reason, h.operatorName])).toEqual([
      ['first', 'repeat', '2025-03-01', 'order', '测试经理'],
      ['prospect', 'first', '2025-03-01', 'order', '测试经理'],
    ]);
    const audit = await ok(f.core, 'audit.list', { entity: 'customer', entityId: id });
    expect(audit.rows.filter((r) => r.action === 'lifecycle')).toHaveLength(2);
  });

  it('a reversal that leaves the last purchase N days back makes the customer lost at once', async () => {
    const id = f.s.customers.c2.id; // repeat
    await postedOrder(f.core, { customerId: id, date: '2024-08-01', lines: tea() }); // 212 days before today
    const recent = await postedOrder(f.core, { customerId: id, date: '2025-02-25', lines: tea() });
    expect(await lifecycleOf(id)).toBe('repeat');
    await ok(f.core, 'orders.reverse', { id: recent.id, date: '2025-03-01', reason: '录错' });
    expect(await lifecycleOf(id)).toBe('lost');
    // buying again brings it back by the rules: two months with purchases → repeat
    await postedOrder(f.core, { customerId: id, date: '2025-03-01', lines: tea() });
    expect(await lifecycleOf(id)).toBe('repeat');
  });

  it('a wholly returned order is no purchase', async () => {
    const id = f.s.customers.c2.id;
    await postedOrder(f.core, { customerId: id, date: '2024-08-01', lines: tea() });
    const recent = await postedOrder(f.core, { customerId: id, date: '2025-02-25', lines: tea() });
    const line = (await ok(f.core, 'orders.get', { id: recent.id })).lines[0]!;
    const ret = await ok(f.core, 'returns.save', { orderId: recent.id, date: '2025-03-01', lines: [{ orderLineId: line.id, qty: 1 }] });
    expect(await lifecycleOf(id)).toBe('repeat');
    await ok(f.core, 'returns.post', { id: ret.id });
    expect(await lifecycleOf(id)).toBe('lost');
  });
});

describe('a stage changed by hand', () => {
  it('is kept in the history as manual; an edit that leaves it alone adds nothing', async () => {
    const id = f.s.customers.c3.id;
    const c = await ok(f.core, 'customers.get', { id });
    const base = { id, code: c.code, name: c.name, type: c.type, regionId: c.regionId, repId: c.repId, grade: c.grade, paymentTermDays: 0 };
    await ok(f.core, 'customers.save', { ...base, lifecycle: 'repeat' });
    await ok(f.core, 'customers.save', { ...base, lifecycle: 'repeat', notes: '只改备注' });
    const history = await ok(f.core, 'customers.lifecycleHistory', { customerId: id });
    expect(history.map((h) => [h.fromLifecycle, h.toLifecycle, h.reason])).toEqual([['prospect', 'repeat', 'manual']]);
  });
});

describe('customers.recomputeLifecycle', () => {
  it('moves every customer by the rules as of today (lost after the setting’s days, at the boundary day)', async () => {
    const id = f.s.customers.c3.id;
    await postedOrder(f.core, { customerId: id, date: '2025-02-09', lines: tea() }); // 20 days before today
    expect(await lifecycleOf(id)).toBe('first');
    await ok(f.core, 'settings.save', { lifecycleLostDays: 21 });
    expect(await ok(f.core, 'customers.recomputeLifecycle', {})).toMatchObject({ changed: 0 });
    expect(await lifecycleOf(id)).toBe('first');
    await ok(f.core, 'settings.save', { lifecycleLostDays: 20 });
    const r = await ok(f.core, 'customers.recomputeLifecycle', {});
    expect(r.changed).toBe(1);
    expect(await lifecycleOf(id)).toBe('lost');
    const [last] = await ok(f.core, 'customers.lifecycleHistory', { customerId: id });
    expect(last).toMatchObject({ fromLifecycle: 'first', toLifecycle: 'lost', reason: 'rule' });
    // customers without purchases keep their stage (c1 loyal, c4 lost, a prospect stays one)
    expect(await lifecycleOf(f.s.customers.c1.id)).toBe('loyal');
    expect(await lifecycleOf(f.s.customers.c4.id)).toBe('lost');
  });

  it('refuses a bad lost-after setting; only entry roles recompute', async () => {
    expect(await fail(f.core, 'settings.save', { lifecycleLostDays: 0 })).toMatchObject({ code: 'VALIDATION', field: 'lifecycleLostDays' });
    const clerk = await asOperator(f.core, CLERK.name, CLERK.password);
    expect(await fail(clerk, 'settings.save', { lifecycleLostDays: 30 })).toMatchObject({ code: 'FORBIDDEN' });
    await ok(clerk, 'customers.recomputeLifecycle', {});
    expect(await fail(f.core, 'customers.lifecycleHistory', { customerId: 99_999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
