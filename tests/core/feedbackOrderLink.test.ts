// 市场状况反映表 ↔ 窜货 order: a report names a posted order (get / list show its number and parties, the audit log its
// number), a draft, a 红冲 row or a missing order is refused naming 销售单 with nothing written, and the 窜货预警 list
// shows the reports linked to each order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Input } from '../../shared/contract';
import { describeAudit } from '../../shared/domain/audit';
import { digest, fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
let dealer: number;
const orders = { posted: 0, reversed: 0, reversal: 0, draft: 0, inTerritory: 0 };

beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
  dealer = (
    await ok(core, 'dealers.save', { code: 'D02', name: '北京远通商贸', channelType: 'dealer', territoryRegionIds: [s.regions.beijing.id] })
  ).id;
  const at = core.ctx.now().toISOString();
  const insert = core.ctx.db.prepare(
    `insert into orders (doc_no, customer_id, dealer_id, rep_id, date, due_date, total_fen, state, reversal_of_id, cross_territory, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const c2 = s.customers.c2.id;
  const add = (...args: unknown[]) => Number(insert.run(...args, at, at).lastInsertRowid);
  // 远通 (北京) selling to 南京鼓楼: flagged at posting
  orders.posted = add('XS-20250210-001', c2, dealer, s.reps.li.id, '2025-02-10', '2025-03-12', 12_000, 'posted', null, 1);
  orders.reversed = add('XS-20250220-001', c2, dealer, null, '2025-02-20', '2025-03-22', 9_000, 'reversed', null, 1);
  orders.reversal = add('XS-20250221-001', c2, dealer, null, '2025-02-21', '2025-02-21', -9_000, 'posted', orders.reversed, 1);
  orders.draft = add('XS-20250222-001', c2, dealer, null, '2025-02-22', '2025-03-24', 1_000, 'draft', null, 0);
  orders.inTerritory = add('XS-20250223-001', c2, dealer, null, '2025-02-23', '2025-03-25', 2_000, 'posted', null, 0);
});
afterEach(() => core.close());

const report = (extra: Partial<Input<'marketFeedback.save'>> = {}): Input<'marketFeedback.save'> => ({
  date: '2025-02-28',
  repId: s.reps.li.id,
  feedbackType: 'violation',
  subject: '北京经销商窜货到南京',
  content: '鼓楼便利店从北京远通进货，价格比本地经销商低 8%',
  dealerId: dealer,
  customerId: s.customers.c2.id,
  ...extra,
});

/** Refused with this code, naming orderId and saying this, and nothing written. */
async function refused(input: unknown, code: string, text: string) {
  const before = digest(core.ctx.db);
  const err = await fail(core, 'marketFeedback.save', input);
  expect(err, JSON.stringify(input)).toMatchObject({ code, field: 'orderId' });
  expect(err.message).toContain('销售单');
  expect(err.message).toContain(text);
  expect(digest(core.ctx.db)).toBe(before);
}

describe('market feedback linked to a 窜货 order', () => {
  it('keeps the posted order it names; get and list show its number, dealer and customer', async () => {
    const { id } = await ok(core, 'marketFeedback.save', report({ orderId: orders.posted }));
    const got = await ok(core, 'marketFeedback.get', { id });
    expect(got).toMatchObject({
      orderId: orders.posted,
      orderDocNo: 'XS-20250210-001',
      orderDealerName: '北京远通商贸',
      orderCustomerName: '南京鼓楼便利店',
    });
    const listed = await ok(core, 'marketFeedback.list', { page: 1, pageSize: 20 });
    expect(listed.rows.map((r) => [r.id, r.orderDocNo])).toEqual([[id, 'XS-20250210-001']]);
    // without one: none
    const other = await ok(core, 'marketFeedback.save', report({ feedbackType: 'other', content: '没有关联' }));
    expect(await ok(core, 'marketFeedback.get', { id: other.id })).toMatchObject({
      orderId: null,
      orderDocNo: null,
      orderDealerName: null,
    });
  });

  it('the Excel export names the order, last column', async () => {
    await ok(core, 'marketFeedback.save', report({ orderId: orders.posted }));
    const out = await ok(core, 'export.xlsx', { entity: 'marketFeedback', filters: {} });
    const wb = XLSX.read(Buffer.from(out.base64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true });
    expect([rows[0]!.at(-1), rows[1]!.at(-1)]).toEqual(['窜货单', 'XS-20250210-001']);
  });

  it('audits the link by the order number, on entry and when it changes', async () => {
    const { id } = await ok(core, 'marketFeedback.save', report({ orderId: orders.posted }));
    const created = (await ok(core, 'audit.list', { entity: 'marketFeedback', entityId: id, pageSize: 1 })).rows[0]!;
    expect(created.after).toMatchObject({ orderDocNo: 'XS-20250210-001' });
    // a report of another type may name an order too, and one reversed since stays linkable (the 窜货 happened)
    await ok(core, 'marketFeedback.save', { ...report({ feedbackType: 'dealer', orderId: orders.reversed }), id });
    const changed = (await ok(core, 'audit.list', { entity: 'marketFeedback', entityId: id, pageSize: 1 })).rows[0]!;
    expect(changed.action).toBe('update');
    expect(describeAudit(changed, 'zh-CN')).toContain('销售单：XS-20250210-001 → XS-20250220-001');
    expect(describeAudit(changed, 'en')).toContain('Order: XS-20250210-001 → XS-20250220-001');
    // unlinked
    await ok(core, 'marketFeedback.save', { ...report({ orderId: null }), id });
    expect(await ok(core, 'marketFeedback.get', { id })).toMatchObject({ orderId: null, orderDocNo: null });
  });

  it('refuses a missing order, a draft and a 红冲 row, naming 销售单, and writes nothing', async () => {
    await refused(report({ orderId: 99_999 }), 'REFERENCE', '99999');
    await refused(report({ orderId: orders.draft }), 'CONFLICT', 'XS-20250222-001 尚未过账');
    await refused(report({ orderId: orders.reversal }), 'CONFLICT', 'XS-20250221-001 是红冲单');
    // an edit too: the earlier link stays
    const { id } = await ok(core, 'marketFeedback.save', report({ orderId: orders.posted }));
    await refused({ ...report({ orderId: orders.draft }), id }, 'CONFLICT', '尚未过账');
    expect((await ok(core, 'marketFeedback.get', { id })).orderId).toBe(orders.posted);
    // not an id at all: the contract refuses it, naming the field
    const bad = await fail(core, 'marketFeedback.save', report({ orderId: -1 as number }));
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'orderId' });
    expect(bad.message).toContain('销售单');
  });

  it('the 窜货预警 list counts the reports linked to each order and names the latest', async () => {
    const before = await ok(core, 'channelConflicts.list', {});
    expect(before.rows.map((r) => [r.docNo, r.feedbackCount, r.feedbackCode])).toEqual([['XS-20250210-001', 0, null]]);
    const a = await ok(core, 'marketFeedback.save', report({ orderId: orders.posted }));
    expect((await ok(core, 'channelConflicts.list', {})).rows[0]).toMatchObject({ feedbackCount: 1, feedbackCode: a.code });
    const b = await ok(core, 'marketFeedback.save', report({ date: '2025-03-01', content: '又见到一批', orderId: orders.posted }));
    expect((await ok(core, 'channelConflicts.list', {})).rows[0]).toMatchObject({ feedbackCount: 2, feedbackCode: b.code });
    // a report on another order (in the territory, so not listed) counts nowhere here
    await ok(core, 'marketFeedback.save', report({ content: '本地经销商的单', orderId: orders.inTerritory }));
    expect((await ok(core, 'channelConflicts.list', {})).rows.map((r) => r.feedbackCount)).toEqual([2]);
  });
});
