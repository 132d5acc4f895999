// A dealer's trading account: saving a dealer creates (or links by exact name) a customer of type 经销商 kept in step
// with it; dealers without one get theirs at start-up; orders billed to it count in the ledger like any customer's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { addOperator, actAs, makeCore, ok, seed, steppingClock, TEST_COST, TEST_MANAGER } from './helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const customerRow = (core: { ctx: { db: import('better-sqlite3').Database } }, id: number) =>
  core.ctx.db
    .prepare(
      'select name, type, phone, address, credit_limit_fen as creditLimitFen, rep_id as repId, search_text as searchText from customers where id = ?',
    )
    .get(id) as {
    name: string;
    type: string;
    phone: string;
    address: string;
    creditLimitFen: number;
    repId: number | null;
    searchText: string;
  };

describe('dealer trading accounts', () => {
  it('saving a dealer creates its account and keeps it in step; dealers.get shows it', async () => {
    const core = makeCore();
    const s = await seed(core);
    const saved = await ok(core, 'dealers.save', {
      name: '苏州顺达商贸有限公司',
      channelType: 'distributor',
      phone: '0512-6666-8888',
      address: '苏州市姑苏区',
      creditLimitFen: 8_000_000,
      repId: s.reps.li.id,
      territoryRegionIds: [s.regions.jiangsu.id],
    });
    const dealer = await ok(core, 'dealers.get', { id: saved.id });
    expect(dealer.accountCustomerId).not.toBeNull();
    const accountId = dealer.accountCustomerId!;
    expect(customerRow(core, accountId)).toMatchObject({
      name: '苏州顺达商贸有限公司',
      type: 'dealer',
      phone: '0512-6666-8888',
      address: '苏州市姑苏区',
      creditLimitFen: 8_000_000,
      repId: s.reps.li.id,
    });
    expect((await ok(core, 'customers.list', { search: 'szsd', type: ['dealer'] })).rows.map((r) => r.id)).toEqual([accountId]);
    await ok(core, 'dealers.save', {
      id: saved.id,
      code: saved.code,
      name: '苏州顺达贸易有限公司',
      channelType: 'distributor',
      phone: '0512-7777-9999',
      address: '苏州市工业园区',
      creditLimitFen: 9_000_000,
      repId: s.reps.boss.id,
    });
    expect((await ok(core, 'dealers.get', { id: saved.id })).accountCustomerId).toBe(accountId);
    expect(customerRow(core, accountId)).toMatchObject({
      name: '苏州顺达贸易有限公司',
      phone: '0512-7777-9999',
      address: '苏州市工业园区',
      creditLimitFen: 9_000_000,
      repId: s.reps.boss.id,
    });
    expect(customerRow(core, accountId).searchText).toContain('szsdmy');
    const audit = await ok(core, 'audit.list', { entity: 'customer', entityId: accountId, page: 1, pageSize: 10 });
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['create', 'update']);
    // the account owes like any customer
    const product = await ok(core, 'products.save', { name: '青岛啤酒', listPriceFen: 6_000, dealerPriceFen: 5_200 });
    const order = await ok(core, 'orders.save', {
      customerId: accountId,
      date: '2025-02-10',
      lines: [{ productId: product.id, qty: 100, unitPriceFen: 5_200 }],
    });
    const posted = await ok(core, 'orders.post', { id: order.id });
    expect(posted.credit).toMatchObject({ creditLimitFen: 9_000_000, afterFen: 520_000, overLimit: false });
    core.close();
  });

  it('links a customer of exactly the dealer’s name instead of making a second one', async () => {
    const core = makeCore();
    const existing = await ok(core, 'customers.save', { name: '杭州利达贸易', type: 'wholesale', phone: '0571-1111-2222' });
    const saved = await ok(core, 'dealers.save', { name: '杭州利达贸易', channelType: 'dealer', phone: '0571-3333-4444' });
    expect((await ok(core, 'dealers.get', { id: saved.id })).accountCustomerId).toBe(existing.id);
    expect(customerRow(core, existing.id)).toMatchObject({ type: 'dealer', phone: '0571-3333-4444' });
    expect((await ok(core, 'customers.list', { search: '杭州利达' })).total).toBe(1);
    // a second dealer of the same name gets its own account (one account per dealer)
    const twin = await ok(core, 'dealers.save', { name: '杭州利达贸易', channelType: 'agent' });
    const twinAccount = (await ok(core, 'dealers.get', { id: twin.id })).accountCustomerId;
    expect(twinAccount).not.toBe(existing.id);
    core.close();
  });

  it('dealers without an account (saved before accounts existed, or written in bulk) get one at start-up, once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'salesdesk-dealer-accounts-'));
    dirs.push(dir);
    const file = path.join(dir, 'test.db');
    const open = () => createCore(file, { now: steppingClock(), passwordCost: TEST_COST });
    const first = open();
    first.ctx.db
      .prepare(
        `insert into dealers (code, name, channel_type, phone, credit_limit_fen, created_at, updated_at)
         values ('D0100', '常州老客户批发部', 'dealer', '0519-8888-0000', 3000000, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
      )
      .run();
    first.close();
    const second = open();
    addOperator(second, TEST_MANAGER);
    const row = second.ctx.db.prepare('select customer_id as id from dealer_accounts').all() as Array<{ id: number }>;
    expect(row.length).toBe(1);
    expect(customerRow(second, row[0]!.id)).toMatchObject({ name: '常州老客户批发部', type: 'dealer', creditLimitFen: 3_000_000 });
    const byAudit = second.ctx.db.prepare("select operator from audit_log where entity = 'customer'").pluck().all();
    expect(byAudit).toEqual(['系统']);
    second.close();
    const third = open();
    expect(third.ctx.db.prepare('select count(*) from customers').pluck().get() as number).toBe(1);
    const manager = actAs(third, TEST_MANAGER.name);
    expect(manager.session).toBeTruthy();
    third.close();
  });
});
