// 统计表 of migrations 0007 and 0008 — customer_last_orders, customer_balances, open_receivables, rep_month_facts: after random sequences of
// order postings and 红冲, returns, collections and their reversals, write-offs, opening balances and raw ledger rows
// they equal a full recomputation from the documents, and the ledger as of a date read from them (aging's ledgerAt)
// equals the one read from the ledger rows themselves; dropping any of their triggers makes verify find a difference.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import { addDays } from '../../shared/periods';
import { lastStandingOrders, lostOn, isLostOn } from '../../electron/core/modules/analytics/customers';
import { verifySummaries } from '../../electron/core/modules/analytics/summaries';
import { ledgerAt, ledgerFromDocuments, recentLedgerDate, type LedgerAt } from '../../electron/core/modules/receivables/aging';
import { moneyFixture, type MoneyFixture } from './moneyFixture';

const START = '2025-01-01';
const dateOf = (day: number) => addDays(START, day);

type Op =
  | { kind: 'order'; c: number; day: number; qty: number; post: boolean }
  | { kind: 'rawOrder'; c: number; day: number }
  | { kind: 'reverseOrder'; pick: number; after: number }
  | { kind: 'return'; pick: number; after: number }
  | { kind: 'collect'; c: number; day: number; amountFen: number }
  | { kind: 'reverseCollection'; pick: number; after: number }
  | { kind: 'writeOff'; c: number; day: number; amountFen: number }
  | { kind: 'opening'; c: number; day: number; amountFen: number }
  | { kind: 'rawLedger'; c: number; day: number; amountFen: number; credit: boolean; allocate: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      c: fc.nat(3),
      day: fc.nat(120),
      qty: fc.integer({ min: 1, max: 5 }),
      post: fc.constantFrom(true, true, true, false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rawOrder' as const), c: fc.nat(3), day: fc.nat(120) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverseOrder' as const), pick: fc.nat(), after: fc.constantFrom(0, 2, 30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat(), after: fc.constantFrom(0, 5) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('collect' as const),
      c: fc.nat(3),
      day: fc.nat(120),
      amountFen: fc.integer({ min: 1, max: 40_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reverseCollection' as const), pick: fc.nat(), after: fc.constantFrom(0, 1, 20) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('writeOff' as const),
      c: fc.nat(3),
      day: fc.nat(120),
      amountFen: fc.integer({ min: 1, max: 5_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('opening' as const),
      c: fc.nat(3),
      day: fc.nat(30),
      amountFen: fc.integer({ min: 1, max: 30_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rawLedger' as const),
      c: fc.nat(3),
      day: fc.nat(120),
      amountFen: fc.integer({ min: 1, max: 9_000 }),
      credit: fc.boolean(),
      allocate: fc.boolean(),
    }),
  },
);

/** A ledger with its items in one order, to compare two reads of it. */
const normal = (l: LedgerAt) => ({
  open: l.open.map((item) => JSON.stringify(item)).sort(),
  prepayment: [...l.prepayment].sort((a, b) => a[0] - b[0]),
});

function player(f: MoneyFixture) {
  const customers = [f.s.customers.c1.id, f.s.customers.c2.id, f.s.customers.c3.id, f.s.customers.c4.id];
  const orders: Array<{ id: number; date: string }> = [];
  const collections: Array<{ id: number; date: string }> = [];
  let raw = 0;
  async function attempt<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M> | null> {
    const res = await f.core.call(method, input);
    if (res.ok) return res.data as Output<M>;
    expect(res.error.code, `${method} ${JSON.stringify(input)}: ${res.error.message}`).not.toBe('INTERNAL');
    return null;
  }
  return async function play(o: Op): Promise<void> {
    switch (o.kind) {
      case 'order': {
        const saved = await attempt('orders.save', {
          customerId: customers[o.c]!,
          date: dateOf(o.day),
          repId: f.s.reps.li.id,
          lines: [{ productId: f.products.beer, qty: o.qty, unitPriceFen: 6_000 }],
        });
        if (saved && o.post && (await attempt('orders.post', { id: saved.id }))) orders.push({ id: saved.id, date: dateOf(o.day) });
        return;
      }
      case 'rawOrder': {
        // a posted order written straight into the table (as an import would): the triggers see it too
        const at = f.core.ctx.now().toISOString();
        const date = dateOf(o.day);
        f.core.ctx.db
          .prepare(
            `insert into orders (doc_no, customer_id, rep_id, date, due_date, subtotal_fen, total_fen, cost_fen, state, created_at, updated_at)
             values (?, ?, ?, ?, ?, 5000, 5000, 3000, 'posted', ?, ?)`,
          )
          .run(`RAW-O${++raw}`, customers[o.c]!, f.s.reps.li.id, date, date, at, at);
        return;
      }
      case 'reverseOrder': {
        const order = orders[o.pick % Math.max(1, orders.length)];
        if (order) await attempt('orders.reverse', { id: order.id, date: addDays(order.date, o.after), reason: '录错' });
        return;
      }
      case 'return': {
        const order = orders[o.pick % Math.max(1, orders.length)];
        if (!order) return;
        const detail = await attempt('orders.get', { id: order.id });
        const line = detail?.lines.find((l) => l.qty - l.returnedQty >= 1);
        if (!detail || detail.state !== 'posted' || !line) return;
        const saved = await attempt('returns.save', {
          orderId: order.id,
          date: addDays(order.date, o.after),
          lines: [{ orderLineId: line.id, qty: 1 }],
        });
        if (saved) await attempt('returns.post', { id: saved.id });
        return;
      }
      case 'collect': {
        const saved = await attempt('collections.save', {
          customerId: customers[o.c]!,
          date: dateOf(o.day),
          amountFen: o.amountFen,
          method: 'transfer',
        });
        if (saved) collections.push({ id: saved.id, date: dateOf(o.day) });
        return;
      }
      case 'reverseCollection': {
        const collection = collections[o.pick % Math.max(1, collections.length)];
        if (collection)
          await attempt('collections.reverse', { id: collection.id, date: addDays(collection.date, o.after), reason: '退票' });
        return;
      }
      case 'writeOff':
        await attempt('writeOffs.save', { customerId: customers[o.c]!, date: dateOf(o.day), amountFen: o.amountFen, reason: '尾差' });
        return;
      case 'opening':
        await attempt('openingBalances.save', { customerId: customers[o.c]!, date: dateOf(o.day), amountFen: o.amountFen });
        return;
      case 'rawLedger': {
        // ledger rows written straight into the tables (as a repair script would): the triggers see them too
        const db = f.core.ctx.db;
        const at = f.core.ctx.now().toISOString();
        const n = ++raw;
        const date = dateOf(o.day);
        const customerId = customers[o.c]!;
        if (!o.credit) {
          db.prepare(
            `insert into receivables (customer_id, source_kind, source_id, doc_no, date, due_date, amount_fen, rep_id, created_at)
             values (?, 'opening', ?, ?, ?, ?, ?, ?, ?)`,
          ).run(customerId, 900_000 + n, `RAW-R${n}`, date, addDays(date, 30), o.amountFen, f.s.reps.li.id, at);
          return;
        }
        const credit = db
          .prepare(
            `insert into credits (customer_id, source_kind, source_id, doc_no, date, amount_fen, created_at)
             values (?, 'write_off', ?, ?, ?, ?, ?)`,
          )
          .run(customerId, 900_000 + n, `RAW-C${n}`, date, o.amountFen, at).lastInsertRowid;
        const open = db
          .prepare(
            `select r.id, r.date, r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id), 0) as unpaid
             from receivables r where r.customer_id = ? order by r.id limit 1`,
          )
          .get(customerId) as { id: number; date: string; unpaid: number } | undefined;
        if (o.allocate && open && open.unpaid > 0) {
          const amount = Math.min(open.unpaid, o.amountFen);
          db.prepare('insert into allocations (credit_id, receivable_id, date, amount_fen, created_at) values (?, ?, ?, ?, ?)').run(
            credit,
            open.id,
            date > open.date ? date : open.date,
            amount,
            at,
          );
        }
        return;
      }
    }
  };
}

describe('receivable summaries under random postings, collections, reversals and write-offs', () => {
  let f: MoneyFixture;
  beforeAll(async () => {
    f = await moneyFixture();
  });
  afterAll(() => f.core.close());

  it('equal a full recomputation after every sequence; the ledger read from them equals the one read from the rows', async () => {
    const play = player(f);
    let mostOpen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), fc.nat(130), async (ops, day) => {
        for (const o of ops) await play(o);
        for (const t of verifySummaries(f.core.ctx.db)) expect(t.mismatches, `${t.name} after ${JSON.stringify(ops)}`).toBe(0);
        mostOpen = Math.max(mostOpen, f.core.ctx.db.prepare('select count(*) from open_receivables').pluck().get() as number);
        // as of any date: before, inside and after the documents' days
        for (const asOf of [dateOf(day), dateOf(day + 1), dateOf(60), '2024-12-31', '2030-01-01']) {
          // (the fixture's documents are few and its today is near them: the summaries are read on every date)
          expect(recentLedgerDate(f.core.ctx, asOf), asOf).toBe(true);
          expect(normal(ledgerAt(f.core.ctx, asOf)), asOf).toEqual(normal(ledgerFromDocuments(f.core.ctx, asOf)));
          // the last standing orders and the customers lost on a day, against the grouped pass over the orders
          const grouped = lastStandingOrders(f.core.ctx, [asOf, asOf]);
          expect(new Map([...lastStandingOrders(f.core.ctx, [asOf])].map(([id, [d]]) => [id, d]))).toEqual(
            new Map([...grouped].map(([id, [d]]) => [id, d])),
          );
          const lost = new Map([...grouped].filter(([, [d]]) => isLostOn(d ?? null, asOf, 20)).map(([id, [d]]) => [id, d]));
          expect(lostOn(f.core.ctx, asOf, 20)).toEqual(lost);
        }
      }),
      { numRuns: 40, seed: 20261202 },
    );
    const counts = f.core.ctx.db
      .prepare(
        `select (select count(*) from allocations where amount_fen < 0) as undone,
                (select count(*) from credits where source_kind = 'order_reversal') as reversals,
                (select count(*) from receivables) - (select count(*) from open_receivables) as paid`,
      )
      .get() as { undone: number; reversals: number; paid: number };
    // the sequences did reverse collections and orders, leaving receivables paid and unpaid
    expect(counts.undone).toBeGreaterThan(0);
    expect(counts.reversals).toBeGreaterThan(0);
    expect(mostOpen).toBeGreaterThan(5);
    expect(counts.paid).toBeGreaterThan(5);
  }, 180_000);
});

describe('each trigger of migrations 0007 and 0008 is needed', () => {
  const sequence: Op[] = [
    { kind: 'order', c: 0, day: 3, qty: 2, post: true },
    { kind: 'order', c: 1, day: 5, qty: 1, post: true },
    { kind: 'order', c: 0, day: 9, qty: 1, post: true },
    { kind: 'collect', c: 0, day: 10, amountFen: 7_000 },
    { kind: 'reverseOrder', pick: 2, after: 1 },
    { kind: 'writeOff', c: 1, day: 12, amountFen: 100 },
    { kind: 'rawOrder', c: 2, day: 14 },
    // the same customer, rep and day again: sales_facts' row is updated, not inserted
    { kind: 'order', c: 1, day: 5, qty: 3, post: true },
  ];
  for (const [trigger, table] of [
    ['orders_last_insert', 'customer_last_orders'],
    ['orders_last_update', 'customer_last_orders'],
    ['receivables_summaries_insert', 'customer_balances'],
    ['credits_summaries_insert', 'customer_balances'],
    ['allocations_summaries_insert', 'open_receivables'],
    ['sales_facts_rep_month_insert', 'rep_month_facts'],
    ['sales_facts_rep_month_update', 'rep_month_facts'],
  ] as const) {
    it(`without ${trigger}, ${table} differs from the documents`, async () => {
      const f = await moneyFixture();
      try {
        const play = player(f);
        f.core.ctx.db.exec(`drop trigger ${trigger}`);
        for (const o of sequence) await play(o);
        const report = Object.fromEntries(verifySummaries(f.core.ctx.db).map((t) => [t.name, t.mismatches]));
        expect(report[table]).toBeGreaterThan(0);
      } finally {
        f.core.close();
      }
    });
  }
});
