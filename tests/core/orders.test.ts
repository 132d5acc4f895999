// 销售单: drafts (defaults from the customer, exact line math), posting (receivable, frozen cost, credit control in warn
// and block mode, floor prices, a manager's override on the clerk's session, 窜货), 红冲 reversal, delete, list.
import { beforeAll, describe, expect, it } from 'vitest';
import { digest, fail, ok } from './helpers';
import { CLERK, ledgerBalance, MANAGER2, moneyFixture, postedOrder, unpaidByDoc, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
beforeAll(async () => {
  f = await moneyFixture();
});

const line = (productId: number, qty: number, unitPriceFen: number, discountFen = 0) => ({ productId, qty, unitPriceFen, discountFen });

describe('orders.save: a draft', () => {
  it('takes the customer’s rep, serving dealer and payment terms by default; qty kept exactly, amounts half up', async () => {
    const { core, s, products } = f;
    await ok(core, 'customers.save', {
      id: s.customers.c2.id,
      name: '南京鼓楼便利店',
      regionId: s.regions.gulou.id,
      repId: s.reps.li.id,
      dealerId: f.dealer,
      grade: 'B',
      lifecycle: 'repeat',
      creditLimitFen: 120_050,
      paymentTermDays: 45,
    });
    const saved = await ok(core, 'orders.save', {
      customerId: s.customers.c2.id,
      date: '2025-02-10',
      discountFen: 100,
      lines: [line(products.tea, 1.125, 333), line(products.wine, 2, 12_800, 600)],
    });
    expect(saved.docNo).toBe('XS-20250210-001');
    const o = await ok(core, 'orders.get', { id: saved.id });
    expect(o).toMatchObject({
      state: 'draft',
      repId: s.reps.li.id,
      dealerId: f.dealer,
      settlement: 'credit',
      dueDate: '2025-03-27',
      discountFen: 100,
    });
    // 1.125 × 3.33 = 3.74625 → 3.75; 2 × 128.00 − 6.00 = 250.00
    expect(o.lines.map((l) => [l.qty, l.amountFen])).toEqual([
      [1.125, 375],
      [2, 25_000],
    ]);
    expect(o.subtotalFen).toBe(25_375);
    expect(o.totalFen).toBe(25_275);
    expect(o.lines[0]!.returnedQty).toBe(0);
    expect(o.credit).toMatchObject({ mode: 'warn', creditLimitFen: 120_050, balanceFen: 0, afterFen: 25_275, overLimit: false });
    const second = await ok(core, 'orders.save', {
      customerId: s.customers.c2.id,
      date: '2025-02-10',
      lines: [line(products.tea, 1, 333)],
    });
    expect(second.docNo).toBe('XS-20250210-002');
    await ok(core, 'orders.delete', { id: second.id });
  });

  it('a customer on 0 days’ terms settles cash, due the same day; explicit values win over the defaults', async () => {
    const { core, s, products } = f;
    const cash = await ok(core, 'orders.save', { customerId: s.customers.c3.id, date: '2025-02-11', lines: [line(products.tea, 3, 333)] });
    expect(await ok(core, 'orders.get', { id: cash.id })).toMatchObject({
      settlement: 'cash',
      dueDate: '2025-02-11',
      repId: s.reps.li.id,
      dealerId: null,
    });
    const explicit = await ok(core, 'orders.save', {
      id: cash.id,
      customerId: s.customers.c3.id,
      date: '2025-02-11',
      settlement: 'acceptance',
      dueDate: '2025-05-11',
      repId: null,
      dealerId: f.dealer,
      lines: [line(products.tea, 3, 333)],
    });
    expect(explicit).toEqual({ id: cash.id, docNo: cash.docNo });
    expect(await ok(core, 'orders.get', { id: cash.id })).toMatchObject({
      settlement: 'acceptance',
      dueDate: '2025-05-11',
      repId: null,
      dealerId: f.dealer,
    });
    await ok(core, 'orders.delete', { id: cash.id });
    expect((await fail(core, 'orders.get', { id: cash.id })).code).toBe('NOT_FOUND');
  });

  it('refuses bad lines with the field named and changes nothing', async () => {
    const { core, s, products } = f;
    const before = digest(core.ctx.db);
    const base = { customerId: s.customers.c2.id, date: '2025-02-12' };
    const cases: Array<[unknown, string, string]> = [
      [{ ...base, lines: [line(products.tea, 0, 333)] }, 'lines.0.qty', '数量'],
      [{ ...base, lines: [line(products.tea, 1, -1)] }, 'lines.0.unitPriceFen', '单价'],
      [{ ...base, lines: [line(products.tea, 1.0001, 333)] }, 'lines.0.qty', '3 位小数'],
      [{ ...base, lines: [line(products.tea, 1, 333), line(products.tea, 1, 333, 334)] }, 'lines.1.discountFen', '折扣'],
      [{ ...base, discountFen: 1_000, lines: [line(products.tea, 1, 333)] }, 'discountFen', '折扣'],
      [{ ...base, dueDate: '2025-02-01', lines: [line(products.tea, 1, 333)] }, 'dueDate', '日期'],
      [{ ...base, lines: [line(9999, 1, 333)] }, 'lines.0.productId', '产品'],
      [{ ...base, lines: [] }, 'lines', '至少要有一行'],
    ];
    for (const [input, field, text] of cases) {
      const err = await fail(core, 'orders.save', input);
      expect(err.field, JSON.stringify(input)).toBe(field);
      expect(err.message).toContain(text);
    }
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('orders.post', () => {
  it('writes the receivable, freezes the cost, and a posted order is locked (CONFLICT on save and delete)', async () => {
    const { core, s, products } = f;
    const saved = await ok(core, 'orders.save', {
      customerId: s.customers.c1.id,
      date: '2025-02-03',
      lines: [line(products.beer, 10, 6_000), line(products.wine, 1.5, 12_800)],
    });
    const posted = await ok(core, 'orders.post', { id: saved.id });
    expect(posted).toMatchObject({ state: 'posted', crossTerritory: false, credit: { balanceFen: 0, afterFen: 79_200, overLimit: false } });
    await ok(core, 'products.save', { id: products.wine, sku: 'P002', name: '长城干红', unit: '瓶', listPriceFen: 12_800, costFen: 9_999 });
    const o = await ok(core, 'orders.get', { id: saved.id });
    // 1.5 × 73.33 = 109.995 → 110.00, frozen at posting
    expect(o.lines.map((l) => [l.unitCostFen, l.costFen])).toEqual([
      [4_100, 41_000],
      [7_333, 11_000],
    ]);
    expect(o.grossProfitFen).toBe(79_200 - 52_000);
    expect(o.postedByName).toBe('测试经理');
    expect(unpaidByDoc(core, s.customers.c1.id)).toEqual({ [saved.docNo]: 79_200 });
    const save = await fail(core, 'orders.save', {
      id: saved.id,
      customerId: s.customers.c1.id,
      date: '2025-02-03',
      lines: [line(products.beer, 1, 6_000)],
    });
    expect(save).toMatchObject({ code: 'CONFLICT', message: '已过账的销售单不能修改，请红冲后重新录入' });
    expect((await fail(core, 'orders.delete', { id: saved.id })).code).toBe('CONFLICT');
    expect((await fail(core, 'orders.post', { id: saved.id })).code).toBe('CONFLICT');
  });

  it('refuses an archived customer and a discontinued product (naming the line), changing nothing', async () => {
    const { core, s, products } = f;
    const forArchived = await ok(core, 'orders.save', {
      customerId: s.customers.c4.id,
      date: '2025-02-04',
      lines: [line(products.tea, 1, 333)],
    });
    const withOld = await ok(core, 'orders.save', {
      customerId: s.customers.c3.id,
      date: '2025-02-04',
      lines: [line(products.tea, 1, 333), line(products.old, 1, 1_000)],
    });
    await ok(core, 'customers.archive', { id: s.customers.c4.id, archived: true });
    await ok(core, 'products.save', {
      id: products.old,
      sku: 'P004',
      name: '停产老酒',
      unit: '瓶',
      listPriceFen: 1_000,
      costFen: 500,
      active: false,
    });
    const before = digest(core.ctx.db);
    expect(await fail(core, 'orders.post', { id: forArchived.id })).toMatchObject({ code: 'VALIDATION', field: 'customerId' });
    const err = await fail(core, 'orders.post', { id: withOld.id });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'lines.1.productId' });
    expect(err.message).toContain('停产老酒');
    expect(err.message).toContain('第2行');
    expect(digest(core.ctx.db)).toBe(before);
    await ok(core, 'customers.archive', { id: s.customers.c4.id, archived: false });
    await ok(core, 'orders.delete', { id: forArchived.id });
    await ok(core, 'orders.delete', { id: withOld.id });
  });

  it('a price below the floor needs a manager’s override with a reason, even in warn mode', async () => {
    const { core, s, products, clerk } = f;
    // 4 × 50.00 floor = 200.00; 4 × 52.00 − 10.00 = 198.00 is below it once the discount is taken
    const saved = await ok(clerk, 'orders.save', {
      customerId: s.customers.c3.id,
      date: '2025-02-05',
      lines: [line(products.beer, 4, 5_200, 1_000)],
    });
    expect((await ok(clerk, 'orders.get', { id: saved.id })).lines[0]).toMatchObject({ belowFloor: true, floorPriceFen: 5_000 });
    const before = digest(core.ctx.db);
    const err = await fail(clerk, 'orders.post', { id: saved.id });
    expect(err.code).toBe('OVERRIDE_REQUIRED');
    expect(err.message).toContain('最低售价');
    // a clerk's own reason is not an override
    expect((await fail(clerk, 'orders.post', { id: saved.id, override: { reason: '老客户' } })).code).toBe('OVERRIDE_REQUIRED');
    expect(digest(core.ctx.db)).toBe(before);
    const posted = await ok(core, 'orders.post', { id: saved.id, override: { reason: '清库存特价' } });
    expect(posted.state).toBe('posted');
    expect(await ok(core, 'orders.get', { id: saved.id })).toMatchObject({ overrideReason: '清库存特价', overrideByName: '测试经理' });
    const audit = await ok(core, 'audit.list', { entity: 'order', entityId: saved.id, page: 1, pageSize: 10 });
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'post', 'override']));
  });

  it('credit control: warn posts and shows the figures; block refuses until a manager overrides, also on the clerk’s session', async () => {
    const { core, s, products, clerk } = f;
    const c2 = s.customers.c2.id; // credit limit 1,200.50
    const first = await postedOrder(clerk, { customerId: c2, date: '2025-02-06', lines: [line(products.wine, 10, 12_800)] });
    expect(first.credit).toMatchObject({ mode: 'warn', overLimit: true, balanceFen: 0, afterFen: 128_000, creditLimitFen: 120_050 });
    await ok(core, 'settings.save', { creditControlMode: 'block' });
    const saved = await ok(clerk, 'orders.save', { customerId: c2, date: '2025-02-07', lines: [line(products.wine, 2, 12_800)] });
    const before = digest(core.ctx.db);
    const blocked = await fail(clerk, 'orders.post', { id: saved.id });
    expect(blocked.code).toBe('OVERRIDE_REQUIRED');
    expect(blocked.message).toContain('超过信用额度 ¥1,200.50');
    expect(blocked.message).toContain('¥1,536.00'); // the balance after this order
    expect(digest(core.ctx.db)).toBe(before);
    // a wrong manager password is refused (and counts toward that manager's lockout, as at sign-in)
    const wrong = await fail(clerk, 'orders.post', {
      id: saved.id,
      override: { reason: '老客户', managerName: MANAGER2.name, managerPassword: 'nope' },
    });
    expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'override.managerPassword' });
    const notManager = await fail(clerk, 'orders.post', {
      id: saved.id,
      override: { reason: '老客户', managerName: CLERK.name, managerPassword: CLERK.password },
    });
    expect(notManager).toMatchObject({ code: 'VALIDATION', field: 'override.managerName' });
    const posted = await ok(clerk, 'orders.post', {
      id: saved.id,
      override: { reason: '老客户月底回款', managerName: MANAGER2.name, managerPassword: MANAGER2.password },
    });
    expect(posted.credit).toMatchObject({ mode: 'block', balanceFen: 128_000, afterFen: 153_600, overLimit: true });
    expect(await ok(core, 'orders.get', { id: saved.id })).toMatchObject({
      overrideReason: '老客户月底回款',
      overrideByName: MANAGER2.name,
      postedByName: CLERK.name,
    });
    await ok(core, 'settings.save', { creditControlMode: 'warn' });
  });

  it('credit control is judged as of the order’s date: overdue beyond N days counts, later documents do not', async () => {
    const { core, s, products } = f;
    const c3 = s.customers.c3.id; // cash terms: due the day of the order
    const old = await postedOrder(core, { customerId: c3, date: '2024-10-01', lines: [line(products.tea, 10, 333)] });
    expect(old.credit.overdue).toBe(false);
    await ok(core, 'settings.save', { overdueDays: 30 });
    const check = await ok(core, 'orders.save', { customerId: c3, date: '2024-11-15', lines: [line(products.tea, 1, 333)] });
    expect((await ok(core, 'orders.get', { id: check.id })).credit).toMatchObject({
      overdue: true,
      overdueFen: 3_330,
      maxOverdueDays: 45,
      overdueDaysLimit: 30,
      balanceFen: 3_330,
    });
    // as of a date before the old order it did not exist
    await ok(core, 'orders.save', { id: check.id, customerId: c3, date: '2024-09-30', lines: [line(products.tea, 1, 333)] });
    expect((await ok(core, 'orders.get', { id: check.id })).credit).toMatchObject({ overdue: false, balanceFen: 0, maxOverdueDays: 0 });
    await ok(core, 'orders.delete', { id: check.id });
    await ok(core, 'settings.save', { overdueDays: 90 });
  });

  it('flags 窜货 when the channel dealer’s territory does not cover the customer’s region (sub-regions covered)', async () => {
    const { core, s, products } = f;
    const inside = await postedOrder(core, {
      customerId: s.customers.c3.id,
      dealerId: f.dealer,
      date: '2025-02-08',
      lines: [line(products.tea, 1, 333)],
    });
    expect(inside.crossTerritory).toBe(false);
    const outside = await postedOrder(core, {
      customerId: s.customers.c1.id,
      dealerId: f.dealer,
      date: '2025-02-08',
      lines: [line(products.tea, 1, 333)],
    });
    expect(outside.crossTerritory).toBe(true);
    expect((await ok(core, 'orders.get', { id: outside.id })).crossTerritory).toBe(true);
    const list = await ok(core, 'orders.list', { crossTerritory: true });
    expect(list.rows.map((r) => r.id)).toEqual([outside.id]);
  });
});

describe('orders.reverse (红冲)', () => {
  it('writes a negated order row, marks the original reversed, and credits the customer; twice is refused', async () => {
    const { core, s, products } = f;
    const c1 = s.customers.c1.id;
    const o = await postedOrder(core, {
      customerId: c1,
      date: '2025-02-09',
      discountFen: 500,
      lines: [line(products.beer, 3, 6_000), line(products.tea, 2.5, 333)],
    });
    const balanceBefore = ledgerBalance(core, c1);
    const rev = await ok(core, 'orders.reverse', { id: o.id, date: '2025-02-20', reason: '客户拒收' });
    expect(rev.docNo).toBe('XS-20250220-001');
    const original = await ok(core, 'orders.get', { id: o.id });
    const reversal = await ok(core, 'orders.get', { id: rev.id });
    expect(original).toMatchObject({ state: 'reversed', reversedById: rev.id, reverseReason: '客户拒收' });
    expect(reversal).toMatchObject({ state: 'posted', reversalOfId: o.id, date: '2025-02-20', credit: null });
    expect(reversal.totalFen).toBe(-original.totalFen);
    expect(reversal.costFen).toBe(-original.costFen);
    expect(reversal.lines.map((l) => [l.qty, l.amountFen])).toEqual(original.lines.map((l) => [-l.qty, -l.amountFen]));
    expect(ledgerBalance(core, c1)).toBe(balanceBefore - original.totalFen);
    expect(ledgerBalance(core, c1, '2025-02-19')).toBe(balanceBefore);
    expect(unpaidByDoc(core, c1)[o.docNo]).toBe(0);
    const before = digest(core.ctx.db);
    expect(await fail(core, 'orders.reverse', { id: o.id, reason: '再来一次' })).toMatchObject({ code: 'CONFLICT' });
    expect(await fail(core, 'orders.reverse', { id: rev.id, reason: '冲红冲' })).toMatchObject({ code: 'CONFLICT' });
    expect(await fail(core, 'orders.reverse', { id: o.id, date: '2025-01-01', reason: 'x' })).toMatchObject({ code: 'CONFLICT' });
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('a reversal may not be dated before its order; a draft is deleted, not reversed', async () => {
    const { core, s, products } = f;
    const o = await postedOrder(core, { customerId: s.customers.c1.id, date: '2025-02-15', lines: [line(products.tea, 1, 333)] });
    expect(await fail(core, 'orders.reverse', { id: o.id, date: '2025-02-14', reason: '错单' })).toMatchObject({
      code: 'VALIDATION',
      field: 'date',
    });
    const draft = await ok(core, 'orders.save', { customerId: s.customers.c1.id, date: '2025-02-15', lines: [line(products.tea, 1, 333)] });
    expect(await fail(core, 'orders.reverse', { id: draft.id, reason: '错单' })).toMatchObject({ code: 'CONFLICT' });
    await ok(core, 'orders.delete', { id: draft.id });
  });
});

describe('orders.list', () => {
  it('pages, sorts and filters on the server, with the sum; searches doc no, name and pinyin initials', async () => {
    const { core, s } = f;
    const all = await ok(core, 'orders.list', { pageSize: 500 });
    expect(all.total).toBe(all.rows.length);
    expect(all.sumFen).toBe(all.rows.reduce((t, r) => t + r.totalFen, 0));
    const page = await ok(core, 'orders.list', { page: 2, pageSize: 2, sort: { field: 'totalFen', order: 'desc' } });
    const sorted = [...all.rows].sort((a, b) => b.totalFen - a.totalFen || b.id - a.id);
    expect(page.rows.map((r) => r.id)).toEqual(sorted.slice(2, 4).map((r) => r.id));
    const byInitials = await ok(core, 'orders.list', { search: 'bjhz' });
    expect(byInitials.rows.length).toBeGreaterThan(0);
    expect(byInitials.rows.every((r) => r.customerId === s.customers.c1.id)).toBe(true);
    const byDoc = await ok(core, 'orders.list', { search: 'xs-20250220' });
    expect(byDoc.rows.map((r) => r.docNo)).toEqual(['XS-20250220-001']);
    const reversed = await ok(core, 'orders.list', { state: ['reversed'] });
    expect(reversed.rows.every((r) => r.state === 'reversed')).toBe(true);
    const febC3 = await ok(core, 'orders.list', { customerId: s.customers.c3.id, from: '2025-02-01', to: '2025-02-28' });
    expect(febC3.rows.every((r) => r.customerId === s.customers.c3.id && r.date >= '2025-02-01' && r.date <= '2025-02-28')).toBe(true);
    expect(febC3.sumFen).toBe(febC3.rows.reduce((t, r) => t + r.totalFen, 0));
  });
});
