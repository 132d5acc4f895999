// 窜货预警: posted orders flagged cross-territory at posting, not reversed and not reversal rows; paged, sorted, filtered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
let hengxin: number;
let yuantong: number;

beforeAll(async () => {
  core = makeCore();
  s = await seed(core);
  const { regions } = s;
  hengxin = (
    await ok(core, 'dealers.save', {
      code: 'D01',
      name: '南京恒信商贸有限公司',
      channelType: 'dealer',
      territoryRegionIds: [regions.nanjing.id],
    })
  ).id;
  yuantong = (
    await ok(core, 'dealers.save', { code: 'D02', name: '北京远通商贸', channelType: 'dealer', territoryRegionIds: [regions.beijing.id] })
  ).id;
  const at = core.ctx.now().toISOString();
  const insert = core.ctx.db.prepare(
    `insert into orders (doc_no, customer_id, dealer_id, rep_id, date, due_date, total_fen, state, reversal_of_id, cross_territory, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const { c1, c2, c3 } = s.customers;
  // 恒信 (南京) selling to 北京: flagged
  insert.run('XS-20250105-001', c1.id, hengxin, s.reps.zhao.id, '2025-01-05', '2025-02-04', 50_000, 'posted', null, 1, at, at);
  // 远通 (北京) selling to 南京: flagged, twice
  insert.run('XS-20250210-001', c2.id, yuantong, s.reps.li.id, '2025-02-10', '2025-03-12', 12_000, 'posted', null, 1, at, at);
  insert.run('XS-20250215-001', c3.id, yuantong, null, '2025-02-15', '2025-03-17', 30_000, 'posted', null, 1, at, at);
  // a flagged order since reversed, and its reversal row: not listed
  const reversed = Number(
    insert.run('XS-20250220-001', c2.id, yuantong, null, '2025-02-20', '2025-03-22', 9_000, 'reversed', null, 1, at, at).lastInsertRowid,
  );
  insert.run('XS-20250221-001', c2.id, yuantong, null, '2025-02-21', '2025-02-21', -9_000, 'posted', reversed, 1, at, at);
  // a draft flagged nothing yet, and a sale inside the territory
  insert.run('XS-20250222-001', c2.id, yuantong, null, '2025-02-22', '2025-03-24', 1_000, 'draft', null, 0, at, at);
  insert.run('XS-20250223-001', c2.id, hengxin, null, '2025-02-23', '2025-03-25', 2_000, 'posted', null, 0, at, at);
});
afterAll(() => core.close());

describe('channelConflicts.list', () => {
  it('lists the flagged posted orders, newest first, with dealer, customer, region path, rep and amount', async () => {
    const res = await ok(core, 'channelConflicts.list', {});
    expect(res.total).toBe(3);
    expect(res.sumFen).toBe(92_000);
    expect(res.rows.map((r) => r.docNo)).toEqual(['XS-20250215-001', 'XS-20250210-001', 'XS-20250105-001']);
    expect(res.rows[1]).toEqual({
      orderId: expect.any(Number),
      docNo: 'XS-20250210-001',
      date: '2025-02-10',
      dealerId: yuantong,
      dealerCode: 'D02',
      dealerName: '北京远通商贸',
      customerId: s.customers.c2.id,
      customerCode: s.customers.c2.code,
      customerName: '南京鼓楼便利店',
      regionId: s.regions.gulou.id,
      regionPath: '华东 › 江苏省 › 南京市 › 鼓楼片区',
      repName: '李娜',
      amountFen: 12_000,
      feedbackCount: 0,
      feedbackCode: null,
    });
    expect(res.rows[0]!.repName).toBeNull();
  });

  it('filters by dealer, dates and search, sorts and pages', async () => {
    expect((await ok(core, 'channelConflicts.list', { dealerId: hengxin })).rows.map((r) => r.docNo)).toEqual(['XS-20250105-001']);
    const feb = await ok(core, 'channelConflicts.list', { from: '2025-02-01', to: '2025-02-14' });
    expect(feb).toMatchObject({ total: 1, sumFen: 12_000 });
    // the customer's pinyin initials, the dealer's name, the document number
    expect((await ok(core, 'channelConflicts.list', { search: 'zjyj' })).rows.map((r) => r.docNo)).toEqual(['XS-20250215-001']);
    expect((await ok(core, 'channelConflicts.list', { search: '恒信' })).total).toBe(1);
    expect((await ok(core, 'channelConflicts.list', { search: 'xs-20250210' })).total).toBe(1);
    const byAmount = await ok(core, 'channelConflicts.list', { sort: { field: 'amountFen', order: 'asc' }, page: 2, pageSize: 2 });
    expect(byAmount).toMatchObject({ total: 3, sumFen: 92_000 });
    expect(byAmount.rows.map((r) => r.amountFen)).toEqual([50_000]);
    const byCustomer = await ok(core, 'channelConflicts.list', { sort: { field: 'customerName', order: 'asc' } });
    expect(byCustomer.rows.map((r) => r.customerName)).toEqual(['北京华众商贸有限公司', '南京鼓楼便利店', '张记烟酒行']);
  });
});
