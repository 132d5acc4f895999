// The money core's correctness property (issue 8): random sequences of opening balances, orders, returns, order
// reversals, collections (over- and under-payments, automatic and by hand, prepayments), collection reversals and
// write-offs over random dates, entered through the contract, checked against a model that knows only the documents:
//   every balance as of any date = opening + orders − returns − reversals − collections + collection reversals − write-offs;
//   an allocation never exceeds either side, as of every date;
//   the aging's 未到期 + buckets = total = balance, row by row and in the totals;
//   the statement's opening = balance the day before its start, closing = receivables.balance at its end;
//   results as of a past date ignore documents dated later (computed, later documents added, computed again: equal).
// Each run works on fresh customers inside a transaction rolled back at its end, so the database stays small.
// MONEY_PROPERTY_RUNS / MONEY_PROPERTY_SEED widen or replay a run (scripts/money-property.mjs runs 10,000).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import { makeCore, ok, type TestCore } from './helpers';

const RUNS = Number(process.env.MONEY_PROPERTY_RUNS ?? 1000);
const SEED = process.env.MONEY_PROPERTY_SEED === undefined ? 20261201 : Number(process.env.MONEY_PROPERTY_SEED);

// the documents fall on 120 days before the test clock's today (2025-03-01)
const FIRST_DAY = Date.UTC(2024, 10, 1) / 86_400_000;
const DAYS = 120;
const dateOf = (day: number) => new Date((FIRST_DAY + Math.min(Math.max(day, -1), DAYS - 1)) * 86_400_000).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000 - FIRST_DAY;
const LAST_DATE = dateOf(DAYS - 1);

// ---------- the operations, as drawn: indexes and fractions resolved against the model when played ----------

const day = fc.integer({ min: 0, max: DAYS - 1 });
const perMille = fc.integer({ min: 1, max: 1000 });
const line = fc.record({
  product: fc.nat({ max: 1 }),
  qtyMilli: fc.oneof(
    fc.integer({ min: 1, max: 20_000 }),
    fc.integer({ min: 1, max: 20 }).map((q) => q * 1000),
  ),
  priceFen: fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom(1, 333, 999, 10_000)),
  discountFen: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 3_000 }), weight: 1 }),
});
const op = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('opening' as const),
      c: fc.nat(),
      day,
      dueIn: fc.integer({ min: 0, max: 60 }),
      amountFen: fc.integer({ min: 1, max: 300_000 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      c: fc.nat(),
      day,
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      discountFen: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 5_000 }), weight: 1 }),
      dueIn: fc.option(fc.integer({ min: 0, max: 45 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      pick: fc.nat(),
      after: fc.integer({ min: 0, max: 20 }),
      line: fc.nat(),
      part: perMille,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reverseOrder' as const), pick: fc.nat(), after: fc.integer({ min: 0, max: 20 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('collection' as const),
      c: fc.nat(),
      day,
      // % of what the customer owes now (under-, exact and over-payment), or an amount of its own
      percent: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constant(100)),
      amountFen: fc.option(fc.integer({ min: 1, max: 300_000 })),
      manual: fc.option(fc.array(fc.record({ pick: fc.nat(), part: perMille }), { minLength: 1, maxLength: 3 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reverseCollection' as const), pick: fc.nat(), after: fc.integer({ min: 0, max: 20 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('writeOff' as const), c: fc.nat(), day, part: perMille }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const runArb = fc.record({
  customers: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 3 }),
  ops: fc.array(op, { minLength: 5, maxLength: 30 }),
  checkDays: fc.array(fc.integer({ min: -1, max: DAYS - 1 }), { minLength: 2, maxLength: 5 }),
  statement: fc.tuple(day, day),
  // the past date whose answers must not move when later documents are added, and what is added after it
  stableDay: fc.integer({ min: 0, max: DAYS - 2 }),
  later: fc.array(op, { minLength: 1, maxLength: 4 }),
});
type Run = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

// ---------- the model: documents only, each with the amount it moves the balance by ----------

interface Doc {
  customer: number;
  date: string;
  /** + raises what the customer owes, − lowers it */
  signedFen: number;
}
interface ModelOrder {
  id: number;
  customer: number;
  date: string;
  totalFen: number;
  returnedFen: number;
  reversed: boolean;
}
interface ModelCollection {
  id: number;
  customer: number;
  date: string;
  amountFen: number;
  reversed: boolean;
}

class Model {
  docs: Doc[] = [];
  orders: ModelOrder[] = [];
  collections: ModelCollection[] = [];
  constructor(readonly customers: number[]) {}
  add(customer: number, date: string, signedFen: number) {
    if (signedFen !== 0) this.docs.push({ customer, date, signedFen });
  }
  balance(customer: number, asOf: string): number {
    let sum = 0;
    for (const d of this.docs) if (d.customer === customer && d.date <= asOf) sum += d.signedFen;
    return sum;
  }
}

/** Half up on the exact product, in integers: what a line's gross amount must be. */
const lineGross = (qtyMilli: number, priceFen: number) => Math.floor((qtyMilli * priceFen + 500) / 1000);

// ---------- playing the operations through the contract ----------

let core: TestCore;
let products: number[];
const stats = { tried: 0, done: 0, refused: new Map<string, number>() };

function ledgerCounts(): string {
  return JSON.stringify(
    core.ctx.db
      .prepare(
        `select (select count(*) from receivables) r, (select count(*) from credits) c, (select count(*) from allocations) a,
                (select count(*) from orders) o, (select count(*) from collections) k`,
      )
      .get(),
  );
}

/** A call that may be refused by a business rule: refused → nothing changed, and the model does not move. */
async function attempt<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M> | null> {
  const before = ledgerCounts();
  const res = await core.call(method, input);
  if (res.ok) return res.data as Output<M>;
  expect(res.error.code, `${method} ${JSON.stringify(input)}: ${res.error.message}`).not.toBe('INTERNAL');
  expect(ledgerCounts(), `${method} was refused (${res.error.message}) but changed the ledger`).toBe(before);
  const key = `${method}: ${res.error.code}`;
  stats.refused.set(key, (stats.refused.get(key) ?? 0) + 1);
  return null;
}

async function play(model: Model, o: Op): Promise<void> {
  stats.tried++;
  const customerOf = (c: number) => model.customers[c % model.customers.length]!;
  const done = (): void => {
    stats.done++;
  };
  switch (o.kind) {
    case 'opening': {
      const customer = customerOf(o.c);
      const date = dateOf(o.day);
      const saved = await attempt('openingBalances.save', {
        customerId: customer,
        date,
        dueDate: dateOf(o.day + o.dueIn),
        amountFen: o.amountFen,
      });
      if (!saved) return;
      model.add(customer, date, o.amountFen);
      return done();
    }
    case 'order': {
      const customer = customerOf(o.c);
      const date = dateOf(o.day);
      let subtotal = 0;
      const lines = o.lines.map((l) => {
        const gross = lineGross(l.qtyMilli, l.priceFen);
        const discountFen = Math.min(l.discountFen, gross);
        subtotal += gross - discountFen;
        return { productId: products[l.product]!, qty: l.qtyMilli / 1000, unitPriceFen: l.priceFen, discountFen };
      });
      const discountFen = Math.min(o.discountFen, subtotal);
      const total = subtotal - discountFen;
      const saved = await attempt('orders.save', {
        customerId: customer,
        date,
        discountFen,
        lines,
        ...(o.dueIn === null ? {} : { dueDate: dateOf(o.day + o.dueIn) }),
      });
      if (!saved) return;
      const posted = await attempt('orders.post', { id: saved.id });
      if (!posted) return;
      const detail = await ok(core, 'orders.get', { id: saved.id });
      // the order's amounts follow from its lines alone: half up per line, less the discounts
      expect(detail.totalFen, `order total of ${JSON.stringify(o)}`).toBe(total);
      model.orders.push({ id: saved.id, customer, date, totalFen: total, returnedFen: 0, reversed: false });
      model.add(customer, date, total);
      return done();
    }
    case 'return': {
      const live = model.orders.filter((x) => !x.reversed);
      if (live.length === 0) return;
      const order = live[o.pick % live.length]!;
      const detail = await ok(core, 'orders.get', { id: order.id });
      const lines = detail.lines.map((l) => ({ id: l.id, left: Math.round(l.qty * 1000) - Math.round(l.returnedQty * 1000) }));
      const open = lines.filter((l) => l.left > 0);
      if (open.length === 0) return;
      const target = open[o.line % open.length]!;
      const qtyMilli = Math.max(1, Math.floor((target.left * o.part) / 1000));
      const date = dateOf(dayOf(order.date) + o.after);
      const saved = await attempt('returns.save', { orderId: order.id, date, lines: [{ orderLineId: target.id, qty: qtyMilli / 1000 }] });
      if (!saved) return;
      if (!(await attempt('returns.post', { id: saved.id }))) return;
      const ret = await ok(core, 'returns.get', { id: saved.id });
      // never more than what is left of the order
      expect(ret.totalFen).toBeGreaterThanOrEqual(0);
      expect(order.returnedFen + ret.totalFen).toBeLessThanOrEqual(order.totalFen);
      order.returnedFen += ret.totalFen;
      if (lines.every((l) => (l.id === target.id ? l.left - qtyMilli : l.left) === 0)) {
        // the return that completes the order brings back exactly its total
        expect(order.returnedFen).toBe(order.totalFen);
      }
      model.add(order.customer, date, -ret.totalFen);
      return done();
    }
    case 'reverseOrder': {
      const live = model.orders.filter((x) => !x.reversed);
      if (live.length === 0) return;
      const order = live[o.pick % live.length]!;
      const date = dateOf(dayOf(order.date) + o.after);
      if (!(await attempt('orders.reverse', { id: order.id, date, reason: '录错' }))) return;
      order.reversed = true;
      model.add(order.customer, date, -(order.totalFen - order.returnedFen));
      return done();
    }
    case 'collection': {
      const customer = customerOf(o.c);
      const date = dateOf(o.day);
      const owedNow = (await ok(core, 'receivables.balance', { customerId: customer, asOf: LAST_DATE })).owedFen;
      let manual: Array<{ receivableId: number; amountFen: number }> | undefined;
      if (o.manual) {
        const open = (await ok(core, 'receivables.documents', { customerId: customer, asOf: LAST_DATE })).rows;
        if (open.length > 0) {
          const chosen = new Map<number, number>();
          for (const p of o.manual) {
            const item = open[p.pick % open.length]!;
            chosen.set(item.receivableId, Math.max(1, Math.floor((item.unpaidFen * p.part) / 1000)));
          }
          manual = [...chosen].map(([receivableId, amountFen]) => ({ receivableId, amountFen }));
        }
      }
      const allocated = manual?.reduce((s, a) => s + a.amountFen, 0) ?? 0;
      const wanted = o.amountFen ?? Math.max(1, Math.floor((owedNow * o.percent) / 100));
      const amountFen = Math.max(wanted, allocated, 1);
      const saved = await attempt('collections.save', {
        customerId: customer,
        date,
        amountFen,
        method: 'transfer',
        ...(manual ? { allocations: manual } : {}),
      });
      if (!saved) return;
      expect(saved.allocatedFen + saved.prepaymentFen).toBe(amountFen);
      if (manual) expect(saved.allocatedFen).toBe(allocated);
      model.collections.push({ id: saved.id, customer, date, amountFen, reversed: false });
      model.add(customer, date, -amountFen);
      return done();
    }
    case 'reverseCollection': {
      const live = model.collections.filter((x) => !x.reversed);
      if (live.length === 0) return;
      const k = live[o.pick % live.length]!;
      const date = dateOf(dayOf(k.date) + o.after);
      if (!(await attempt('collections.reverse', { id: k.id, date, reason: '退票' }))) return;
      k.reversed = true;
      model.add(k.customer, date, k.amountFen);
      return done();
    }
    case 'writeOff': {
      const customer = customerOf(o.c);
      const date = dateOf(o.day);
      const owed = (await ok(core, 'receivables.balance', { customerId: customer, asOf: date })).owedFen;
      if (owed <= 0) return;
      const amountFen = Math.max(1, Math.floor((owed * o.part) / 1000));
      if (!(await attempt('writeOffs.save', { customerId: customer, date, amountFen, reason: '无法收回' }))) return;
      model.add(customer, date, -amountFen);
      return done();
    }
  }
}

// ---------- the checks ----------

/** Σ allocations per receivable (0 ≤ Σ ≤ amount) and per credit (within 0 and its amount) as of every date. */
function checkAllocationBounds(): void {
  const sides = [
    { table: 'receivables', column: 'receivable_id' },
    { table: 'credits', column: 'credit_id' },
  ] as const;
  for (const side of sides) {
    const amounts = new Map(
      (core.ctx.db.prepare(`select id, amount_fen from ${side.table}`).raw().all() as Array<[number, number]>).map(([id, a]) => [id, a]),
    );
    const steps = core.ctx.db
      .prepare(`select ${side.column}, date, sum(amount_fen) from allocations group by ${side.column}, date order by ${side.column}, date`)
      .raw()
      .all() as Array<[number, string, number]>;
    let current = -1;
    let running = 0;
    for (const [id, date, fen] of steps) {
      if (id !== current) [current, running] = [id, 0];
      running += fen;
      const amount = amounts.get(id)!;
      const [low, high] = amount >= 0 ? [0, amount] : [amount, 0];
      expect(running >= low && running <= high, `${side.table} ${id} (amount ${amount}) has ${running} allocated as of ${date}`).toBe(true);
    }
  }
}

type Amounts = Pick<Output<'receivables.aging'>['totals'], 'notDueFen' | 'bucketsFen' | 'totalFen' | 'overdueFen'>;
function expectAddsUp(a: Amounts, context: string): void {
  expect(a.notDueFen + a.bucketsFen.reduce((s, v) => s + v, 0), `${context}: 未到期 + buckets`).toBe(a.totalFen);
  expect(
    a.bucketsFen.reduce((s, v) => s + v, 0),
    `${context}: overdue`,
  ).toBe(a.overdueFen);
}

async function checkAsOf(model: Model, asOf: string): Promise<void> {
  const aging = await ok(core, 'receivables.aging', { asOf, groupBy: 'customer' });
  const rows = new Map(aging.rows.map((r) => [r.key, r]));
  let total = 0;
  for (const customer of model.customers) {
    const expected = model.balance(customer, asOf);
    total += expected;
    const b = await ok(core, 'receivables.balance', { customerId: customer, asOf });
    const context = `customer ${customer} as of ${asOf}`;
    expect(b.balanceFen, `${context}: balance`).toBe(expected);
    expect(b.owedFen - b.prepaymentFen, `${context}: owed − prepayment`).toBe(b.balanceFen);
    expect(b.owedFen, context).toBeGreaterThanOrEqual(0);
    expect(b.prepaymentFen, context).toBeGreaterThanOrEqual(0);
    expect(b.overdueFen, context).toBeLessThanOrEqual(b.owedFen);
    const row = rows.get(customer) ?? { notDueFen: 0, bucketsFen: [0, 0, 0, 0, 0], totalFen: 0, overdueFen: 0, prepaymentFen: 0 };
    expectAddsUp(row, `aging ${context}`);
    expect(row.totalFen, `aging ${context}: total = balance`).toBe(expected);
    expect(row.prepaymentFen, `aging ${context}`).toBe(b.prepaymentFen);
    expect(row.overdueFen, `aging ${context}`).toBe(b.overdueFen);
    const docs = await ok(core, 'receivables.documents', { customerId: customer, asOf });
    expect(docs.unpaidFen, `documents ${context}`).toBe(b.owedFen);
    expect(
      docs.rows.reduce((s, r) => s + r.unpaidFen, 0),
      `documents ${context}`,
    ).toBe(b.owedFen);
    for (const r of docs.rows)
      expect(r.unpaidFen > 0 && r.unpaidFen <= r.amountFen && r.date <= asOf, `${context}: ${JSON.stringify(r)}`).toBe(true);
  }
  expectAddsUp(aging.totals, `aging totals as of ${asOf}`);
  expect(aging.totals.totalFen, `aging totals as of ${asOf}`).toBe(total);
  for (const groupBy of ['rep', 'region'] as const) {
    const grouped = await ok(core, 'receivables.aging', { asOf, groupBy });
    expectAddsUp(grouped.totals, `aging by ${groupBy} as of ${asOf}`);
    expect(grouped.totals.totalFen, `aging by ${groupBy} as of ${asOf}`).toBe(total);
  }
}

async function checkStatement(model: Model, customer: number, from: string, to: string): Promise<void> {
  const st = await ok(core, 'statements.get', { customerId: customer, from, to });
  const dayBefore = dateOf(dayOf(from) - 1);
  const context = `statement of ${customer} ${from}..${to}`;
  expect(st.openingFen, `${context}: opening`).toBe(model.balance(customer, dayBefore));
  expect(st.closingFen, `${context}: closing`).toBe(model.balance(customer, to));
  expect(st.closingFen, `${context}: closing = receivables.balance at its end`).toBe(
    (await ok(core, 'receivables.balance', { customerId: customer, asOf: to })).balanceFen,
  );
  expect(st.openingFen, `${context}: opening = balance the day before`).toBe(
    (await ok(core, 'receivables.balance', { customerId: customer, asOf: dayBefore })).balanceFen,
  );
  expect(st.openingFen + st.debitFen - st.creditFen, context).toBe(st.closingFen);
  expect(st.aging.totalFen, `${context}: aging at the end`).toBe(st.closingFen);
  expectAddsUp(st.aging, context);
  let running = st.openingFen;
  for (const l of st.lines) {
    running += l.debitFen - l.creditFen;
    expect(l.balanceFen, context).toBe(running);
  }
  const lines = st.lines.map((l) => `${l.date} ${l.debitFen - l.creditFen}`).sort();
  const docs = model.docs.filter((d) => d.customer === customer && d.date >= from && d.date <= to).map((d) => `${d.date} ${d.signedFen}`);
  expect(lines, `${context}: one line per document`).toEqual(docs.sort());
}

/** Everything the read side answers for one date. */
async function answersAt(model: Model, asOf: string) {
  const out: unknown[] = [
    await ok(core, 'receivables.aging', { asOf, groupBy: 'customer' }),
    await ok(core, 'receivables.aging', { asOf, groupBy: 'rep' }),
  ];
  for (const customer of model.customers) {
    out.push(await ok(core, 'receivables.balance', { customerId: customer, asOf }));
    out.push(await ok(core, 'receivables.documents', { customerId: customer, asOf }));
    out.push(await ok(core, 'statements.get', { customerId: customer, from: dateOf(dayOf(asOf) - 30), to: asOf }));
  }
  return out;
}

/** Moves a drawn operation to after the stable day: its date, or the date it counts from. */
function after(o: Op, stableDay: number): Op {
  const later = (d: number) => stableDay + 1 + (d % (DAYS - 1 - stableDay));
  switch (o.kind) {
    case 'opening':
    case 'order':
    case 'collection':
    case 'writeOff':
      return { ...o, day: later(o.day) };
    default:
      return o;
  }
}

async function runOnce(r: Run): Promise<void> {
  const db = core.ctx.db;
  db.exec('begin');
  try {
    const customers: number[] = [];
    for (const [i, terms] of r.customers.entries()) {
      customers.push((await ok(core, 'customers.save', { name: `性质客户${i + 1}`, paymentTermDays: terms, repId: null })).id);
    }
    const model = new Model(customers);
    for (const o of r.ops) await play(model, o);
    checkAllocationBounds();
    const dates = [...new Set([...r.checkDays.map(dateOf), LAST_DATE, ...model.docs.slice(0, 3).map((d) => d.date)])];
    for (const asOf of dates) await checkAsOf(model, asOf);
    const [a, b] = r.statement;
    await checkStatement(model, customers[a % customers.length]!, dateOf(Math.min(a, b)), dateOf(Math.max(a, b)));

    // as of a past date, documents dated later do not exist: add some, and the answers for that date stay the same
    const stable = dateOf(r.stableDay);
    const before = await answersAt(model, stable);
    const movedOps = r.later
      .map((o) => after(o, r.stableDay))
      .filter((o) => o.kind !== 'return' && o.kind !== 'reverseOrder' && o.kind !== 'reverseCollection');
    for (const o of movedOps) await play(model, o);
    // reversals of earlier documents dated after the stable day
    for (const o of r.later) {
      if (o.kind === 'reverseCollection' || o.kind === 'reverseOrder' || o.kind === 'return') {
        await play(model, { ...o, after: o.after + DAYS } as Op); // capped at the last day, after the stable day
      }
    }
    expect(await answersAt(model, stable), `answers as of ${stable} moved when later documents were added`).toEqual(before);
    checkAllocationBounds();
    await checkAsOf(model, LAST_DATE);
  } finally {
    db.exec('rollback');
  }
}

beforeAll(async () => {
  core = makeCore();
  const product = (input: Input<'products.save'>) => ok(core, 'products.save', input).then((r) => r.id);
  products = [
    await product({ sku: 'PP1', name: '性质测试甲', unit: '箱', listPriceFen: 6_000, costFen: 4_100 }),
    await product({ sku: 'PP2', name: '性质测试乙', unit: '斤', listPriceFen: 333, costFen: 111 }),
  ];
});
afterAll(() => core.close());

describe('the money ledger against a model of its documents', () => {
  // the shrunk counterexample the property first found, kept as an example
  it('a collection dated before another collection’s reversal takes only what the receivable owes from its date on', async () => {
    core.ctx.db.exec('begin');
    try {
      const customer = (await ok(core, 'customers.save', { name: '倒记回款客户', paymentTermDays: 0 })).id;
      const k1 = await ok(core, 'collections.save', { customerId: customer, date: '2024-11-01', amountFen: 1, method: 'cash' });
      const order = await ok(core, 'orders.save', {
        customerId: customer,
        date: '2024-11-01',
        lines: [{ productId: products[0]!, qty: 0.001, unitPriceFen: 1_500, discountFen: 1 }],
      });
      await ok(core, 'orders.post', { id: order.id }); // total 1, paid by the prepayment of 11-01
      await ok(core, 'collections.reverse', { id: k1.id, date: '2024-11-02', reason: '退票' }); // unpaid again from 11-02
      await ok(core, 'collections.save', { customerId: customer, date: '2024-11-01', amountFen: 1, method: 'cash' });
      checkAllocationBounds();
      const b = await ok(core, 'receivables.balance', { customerId: customer, asOf: '2024-11-01' });
      expect(b).toMatchObject({ balanceFen: -1, owedFen: 0, prepaymentFen: 1 });
      expect(await ok(core, 'receivables.balance', { customerId: customer, asOf: '2024-11-02' })).toMatchObject({
        balanceFen: 0,
        owedFen: 0,
      });
    } finally {
      core.ctx.db.exec('rollback');
    }
  });

  it(
    `${RUNS} random sequences of documents: balances, allocations, aging, statements and past dates agree`,
    { timeout: Math.max(120_000, RUNS * 300) },
    async () => {
      await fc.assert(
        fc.asyncProperty(runArb, (r) => runOnce(r)),
        { numRuns: RUNS, seed: SEED },
      );
      // the generator reaches the postings: most operations go through, and refusals are business rules, not crashes
      expect(stats.done / stats.tried, JSON.stringify([...stats.refused])).toBeGreaterThan(0.7);
      console.log(
        `money property: ${RUNS} runs, ${stats.done} of ${stats.tried} operations posted; refused: ${JSON.stringify([...stats.refused])}`,
      );
    },
  );
});
