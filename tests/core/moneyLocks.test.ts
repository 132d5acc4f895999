// Posted money documents and the ledger refuse UPDATE and DELETE in the database itself (triggers, migration 0003), as
// signed forms do: raw SQL against a database file gets POSTED_LOCKED, which the envelope words as a CONFLICT. A draft
// order stays editable; the only change a posted order or collection accepts is being marked reversed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorData } from '../../electron/core/errors';
import { makeCore, ok, seed, type TestCore } from './helpers';

let core: TestCore;
let dir: string;
const ids = { order: 0, draft: 0, ret: 0, collection: 0, writeOff: 0, opening: 0, receivable: 0, credit: 0, allocation: 0, line: 0 };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesdesk-money-locks-'));
  core = makeCore(path.join(dir, 'locks.db'));
  const s = await seed(core);
  const c = s.customers.c2.id;
  const product = (await ok(core, 'products.save', { name: '青岛啤酒', listPriceFen: 6_000, costFen: 4_000 })).id;
  const order = await ok(core, 'orders.save', {
    customerId: c,
    date: '2025-02-01',
    lines: [{ productId: product, qty: 10, unitPriceFen: 6_000 }],
  });
  await ok(core, 'orders.post', { id: order.id });
  ids.order = order.id;
  ids.draft = (
    await ok(core, 'orders.save', { customerId: c, date: '2025-02-02', lines: [{ productId: product, qty: 1, unitPriceFen: 6_000 }] })
  ).id;
  ids.line = (await ok(core, 'orders.get', { id: order.id })).lines[0]!.id;
  const ret = await ok(core, 'returns.save', { orderId: order.id, date: '2025-02-03', lines: [{ orderLineId: ids.line, qty: 1 }] });
  await ok(core, 'returns.post', { id: ret.id });
  ids.ret = ret.id;
  ids.collection = (await ok(core, 'collections.save', { customerId: c, date: '2025-02-04', amountFen: 10_000, method: 'cash' })).id;
  ids.opening = (await ok(core, 'openingBalances.save', { customerId: c, date: '2024-12-01', amountFen: 5_000 })).id;
  ids.writeOff = (await ok(core, 'writeOffs.save', { customerId: c, date: '2025-02-05', amountFen: 1_000, reason: '坏账' })).id;
  const db = core.ctx.db;
  ids.receivable = db.prepare('select min(id) from receivables').pluck().get() as number;
  ids.credit = db.prepare('select min(id) from credits').pluck().get() as number;
  ids.allocation = db.prepare('select min(id) from allocations').pluck().get() as number;
});
afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs raw SQL that a trigger must stop; returns the envelope's words for the error. */
function refused(sql: string, ...params: unknown[]) {
  let error: unknown;
  try {
    core.ctx.db.prepare(sql).run(...params);
  } catch (e) {
    error = e;
  }
  expect(error, sql).toBeInstanceOf(Error);
  expect((error as Error).message).toContain('POSTED_LOCKED');
  return toErrorData(error);
}

describe('posted documents and the ledger are locked by trigger', () => {
  it.each([
    ['update orders set total_fen = 1 where id = ?', 'order'],
    ['update orders set notes = ? || notes where id = ?', 'order'],
    ['delete from orders where id = ?', 'order'],
    ["update orders set state = 'draft' where id = ?", 'order'],
    ['update order_lines set qty_milli = 1 where id = ?', 'line'],
    ['delete from order_lines where id = ?', 'line'],
    ['update returns set total_fen = 0 where id = ?', 'ret'],
    ['delete from returns where id = ?', 'ret'],
    ['update return_lines set qty_milli = 2000 where return_id = ?', 'ret'],
    ['delete from return_lines where return_id = ?', 'ret'],
    ['update collections set amount_fen = 1 where id = ?', 'collection'],
    ['delete from collections where id = ?', 'collection'],
    ['update write_offs set amount_fen = 2 where id = ?', 'writeOff'],
    ['delete from write_offs where id = ?', 'writeOff'],
    ['update opening_balances set amount_fen = 2 where id = ?', 'opening'],
    ['delete from opening_balances where id = ?', 'opening'],
    ['update receivables set amount_fen = 1 where id = ?', 'receivable'],
    ['delete from receivables where id = ?', 'receivable'],
    ['update credits set amount_fen = 1 where id = ?', 'credit'],
    ['delete from credits where id = ?', 'credit'],
    ['update allocations set amount_fen = 1 where id = ?', 'allocation'],
    ['delete from allocations where id = ?', 'allocation'],
  ] as const)('%s (%s)', (sql, key) => {
    const params = sql.includes('? ||') ? ['x', ids[key]] : [ids[key]];
    const err = refused(sql, ...params);
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    expect(err.message).not.toContain('POSTED_LOCKED');
  });

  it('a new line cannot be slipped into a posted order', () => {
    const err = refused(
      'insert into order_lines (order_id, seq, product_id, qty_milli, unit_price_fen, amount_fen) values (?, 99, 1, 1000, 1, 1)',
      ids.order,
    );
    expect(err.message).toContain('已过账的销售单明细不能修改');
  });

  it('a posted order is marked reversed only with every other column unchanged, and only once', () => {
    expect(() =>
      core.ctx.db.prepare("update orders set state = 'reversed', reversed_by_id = ?, total_fen = 0 where id = ?").run(ids.draft, ids.order),
    ).toThrow(/POSTED_LOCKED/);
    // the receivable's settled-date cache is the one ledger column the posting code may change
    core.ctx.db.prepare('update receivables set settled_date = settled_date where id = ?').run(ids.receivable);
  });

  it('the service refuses first, in its own words: a posted order cannot be saved or deleted', async () => {
    const err = await core.call('orders.delete', { id: ids.order });
    expect(err).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a draft order is edited and deleted freely, lines included', () => {
    const db = core.ctx.db;
    db.prepare("update orders set notes = '改过' where id = ?").run(ids.draft);
    db.prepare('update order_lines set qty_milli = 2000 where order_id = ?').run(ids.draft);
    expect(db.prepare('select notes from orders where id = ?').pluck().get(ids.draft)).toBe('改过');
    db.prepare('delete from order_lines where order_id = ?').run(ids.draft);
    db.prepare('delete from orders where id = ?').run(ids.draft);
    expect(db.prepare('select count(*) from orders where id = ?').pluck().get(ids.draft)).toBe(0);
  });
});
