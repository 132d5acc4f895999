// customers.regradePreview / regradeApply: the 12 months' net sales (returns taken off, a return exceeding the window's
// sales gives D), only the changes listed, a stale preview refused with nothing changed, one audit entry per customer.
import { beforeEach, describe, expect, it } from 'vitest';
import { digest, fail, ok } from './helpers';
import { CLERK, moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';
import { asOperator } from './helpers';

let f: MoneyFixture;
let ids: { c1: number; c2: number; c3: number; c4: number; c5: number; dealer: number };
const tea = (priceFen: number) => [{ productId: f.products.tea, qty: 1, unitPriceFen: priceFen }];

beforeEach(async () => {
  f = await moneyFixture();
  const { core, s } = f;
  const c5 = (await ok(core, 'customers.save', { name: '新街口超市', grade: 'D', regionId: s.regions.nanjing.id })).id;
  // the dealer's own trading account is a customer too (grade B, no sales)
  const dealer = (core.ctx.db.prepare("select id from customers where type = 'dealer'").get() as { id: number }).id;
  ids = { c1: s.customers.c1.id, c2: s.customers.c2.id, c3: s.customers.c3.id, c4: s.customers.c4.id, c5, dealer };
  // today is 2025-03-01: the window is 2024-03-02 … 2025-03-01
  await postedOrder(core, { customerId: ids.c3, date: '2025-02-10', lines: tea(70_000) });
  await postedOrder(core, { customerId: ids.c2, date: '2025-02-11', lines: tea(20_000) });
  await postedOrder(core, { customerId: ids.c5, date: '2025-02-12', lines: tea(10_000) });
  // c4 bought before the window and returned it inside: net −5,000 in the window
  const old = await postedOrder(core, { customerId: ids.c4, date: '2024-01-10', lines: tea(5_000) });
  const line = (await ok(core, 'orders.get', { id: old.id })).lines[0]!;
  const ret = await ok(core, 'returns.save', { orderId: old.id, date: '2025-02-15', lines: [{ orderLineId: line.id, qty: 1 }] });
  await ok(core, 'returns.post', { id: ret.id });
  // a draft counts for nothing
  await ok(core, 'orders.save', { customerId: ids.c1, date: '2025-02-20', lines: tea(900_000) });
});

describe('customers.regradePreview', () => {
  it('grades net sales by the cut-offs and lists only the changes, largest sales first', async () => {
    const p = await ok(f.core, 'customers.regradePreview', {});
    expect(p).toMatchObject({ from: '2024-03-02', to: '2025-03-01', cutoffsBp: [7000, 9000, 9800], totalSalesFen: 100_000 });
    // c3 A (nothing before it), c2 B (70 % before it: on the line), c5 C (90 %), c4 D (returns exceed sales), c1 D (none)
    expect(p.rows.map((r) => [r.customerId, r.oldGrade, r.newGrade, r.salesFen, r.cumulativeBp])).toEqual([
      [ids.c3, 'C', 'A', 70_000, 7000],
      [ids.c5, 'D', 'C', 10_000, 10000],
      [ids.c1, 'A', 'D', 0, null],
      [ids.dealer, 'B', 'D', 0, null],
    ]);
    expect(p.rows[0]).toMatchObject({ name: '张记烟酒行', repName: '李娜' });
    const customers = f.core.ctx.db.prepare('select count(*) as n from customers where archived = 0').get() as { n: number };
    expect(p.counts).toMatchObject({ customers: customers.n, changed: 4, upgraded: 2, downgraded: 2 });
    expect(p.counts.after.A + p.counts.after.B + p.counts.after.C + p.counts.after.D).toBe(customers.n);
    expect(p.total).toBe(4);
    // the c4 row stays D: its −5,000 is not in the total and gives no share
    const only = await ok(f.core, 'customers.regradePreview', { newGrade: 'D', pageSize: 1 });
    expect(only.rows.map((r) => r.customerId)).toEqual([ids.c1]);
    expect(only.total).toBe(2);
  });

  it('follows the cut-offs of the settings', async () => {
    await ok(f.core, 'settings.save', { abcCutoffsBp: [6000, 8000, 9000] });
    const p = await ok(f.core, 'customers.regradePreview', {});
    // c2's 70 % before it is past B's 60 % … under 80 %: B as before; c5's 90 % is past C's line: D, no change
    expect(p.rows.map((r) => [r.customerId, r.newGrade])).toEqual([
      [ids.c3, 'A'],
      [ids.c1, 'D'],
      [ids.dealer, 'D'],
    ]);
    const bad = await fail(f.core, 'settings.save', { abcCutoffsBp: [9000, 8000, 9500] });
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'abcCutoffsBp' });
  });
});

describe('customers.regradeApply', () => {
  it('applies the preview in one go, one audit entry per changed customer', async () => {
    const p = await ok(f.core, 'customers.regradePreview', {});
    expect(await ok(f.core, 'customers.regradeApply', { token: p.token })).toEqual({ changed: 4 });
    expect((await ok(f.core, 'customers.get', { id: ids.c3 })).grade).toBe('A');
    expect((await ok(f.core, 'customers.get', { id: ids.c5 })).grade).toBe('C');
    expect((await ok(f.core, 'customers.get', { id: ids.c1 })).grade).toBe('D');
    expect((await ok(f.core, 'customers.get', { id: ids.c2 })).grade).toBe('B');
    const audit = await ok(f.core, 'audit.list', { entity: 'customer', entityId: ids.c3 });
    expect(audit.rows[0]).toMatchObject({ action: 'regrade' });
    const entries = f.core.ctx.db.prepare("select count(*) as n from audit_log where action = 'regrade'").get() as { n: number };
    expect(entries.n).toBe(4);
    // nothing left to change
    const again = await ok(f.core, 'customers.regradePreview', {});
    expect(again.counts.changed).toBe(0);
  });

  it('refuses a stale preview (an order posted, a customer edited, the same token twice) and changes nothing', async () => {
    const p = await ok(f.core, 'customers.regradePreview', {});
    await postedOrder(f.core, { customerId: ids.c1, date: '2025-02-28', lines: tea(1_000) });
    const before = digest(f.core.ctx.db);
    const stale = await fail(f.core, 'customers.regradeApply', { token: p.token });
    expect(stale).toMatchObject({ code: 'CONFLICT', field: 'token' });
    expect(stale.message).toContain('请重新预览');
    expect(digest(f.core.ctx.db)).toBe(before);

    const p2 = await ok(f.core, 'customers.regradePreview', {});
    await ok(f.core, 'customers.save', { ...(await editable(ids.c2)), notes: '改了备注' });
    expect(await fail(f.core, 'customers.regradeApply', { token: p2.token })).toMatchObject({ code: 'CONFLICT' });

    const p3 = await ok(f.core, 'customers.regradePreview', {});
    await ok(f.core, 'customers.regradeApply', { token: p3.token });
    expect(await fail(f.core, 'customers.regradeApply', { token: p3.token })).toMatchObject({ code: 'CONFLICT' });
  });

  it('is a manager’s: a clerk may preview but not apply; a bad token is refused', async () => {
    const clerk = await asOperator(f.core, CLERK.name, CLERK.password);
    const p = await ok(clerk, 'customers.regradePreview', {});
    expect(await fail(clerk, 'customers.regradeApply', { token: p.token })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(f.core, 'customers.regradeApply', { token: '' })).toMatchObject({ code: 'VALIDATION', field: 'token' });
    expect(await fail(f.core, 'customers.regradeApply', { token: p.token, extra: 1 })).toMatchObject({ code: 'VALIDATION' });
  });
});

async function editable(id: number) {
  const c = await ok(f.core, 'customers.get', { id });
  return {
    id,
    code: c.code,
    name: c.name,
    type: c.type,
    regionId: c.regionId,
    repId: c.repId,
    grade: c.grade,
    lifecycle: c.lifecycle,
    creditLimitFen: c.creditLimitFen,
    tags: c.tags,
  };
}
