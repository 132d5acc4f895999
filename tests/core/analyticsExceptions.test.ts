// 异常预警 analytics.exceptions for 2025-02-26 (a Wednesday; the office clock is past every deadline): one case of each
// kind built by hand, and its neighbours that must not be listed, each row linking to its record.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { ok } from './helpers';
import { moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
const date = '2025-02-26';
const tea = (qty: number) => [{ productId: f.products.tea, qty, unitPriceFen: 1_000 }];
const ids = { bossPlan: 0, liPlan: 0, target: 0, conflictOrder: 0, lateComplaint: 0 };

function form(table: 'visit_plans' | 'daily_reports', rep: number, day: string, state: string, lines: number[] = []): number {
  const db = f.core.ctx.db;
  const at = '2025-02-01T00:00:00.000Z';
  const id = Number(
    db
      .prepare(`insert into ${table} (rep_id, date, state, submitted_at, created_at, updated_at) values (?, ?, 'draft', ?, ?, ?)`)
      .run(rep, day, state === 'draft' ? null : at, at, at).lastInsertRowid,
  );
  lines.forEach((customerId, i) =>
    db.prepare('insert into daily_report_lines (report_id, seq, customer_id, done) values (?, ?, ?, 1)').run(id, i + 1, customerId),
  );
  if (state !== 'draft') db.prepare(`update ${table} set state = ? where id = ?`).run(state, id);
  return id;
}

beforeEach(async () => {
  f = await moneyFixture();
  const { reps, customers } = f.s;
  const { c1, c2, c3 } = customers;
  // forms: 王强's plan for the day is a draft, 李娜's is submitted (not signed); 王强 reported the 25th (visiting c1),
  // 李娜 did not; an old unsigned report is outside the 30 days
  ids.bossPlan = form('visit_plans', reps.boss.id, date, 'draft');
  ids.liPlan = form('visit_plans', reps.li.id, date, 'submitted');
  form('daily_reports', reps.boss.id, '2025-02-25', 'signed', [c1.id]);
  form('daily_reports', reps.li.id, '2025-01-10', 'submitted');
  // c2 (B, limit 120050, 30 days) owes 130000 from 01-05, 22 days overdue; c3 (0 days) owes 9000 since 2024-11-01
  await postedOrder(f.core, { customerId: c2.id, date: '2025-01-05', lines: tea(130) });
  await postedOrder(f.core, { customerId: c3.id, date: '2024-11-01', lines: tea(9) });
  // 窜货: the 江苏 dealer's goods to c1 in 北京
  ids.conflictOrder = (await postedOrder(f.core, { customerId: c1.id, dealerId: f.dealer, date: '2025-02-20', lines: tea(1) })).id;
  // 李娜's February sales target: nothing sold in February
  ids.target = Number(
    f.core.ctx.db
      .prepare(
        `insert into targets (metric, level, unit_key, period, period_kind, from_date, to_date, value, created_at, updated_at)
         values ('sales', 'rep', ?, '2025-02', 'month', '2025-02-01', '2025-02-28', 1000000, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
      )
      .run(String(reps.li.id)).lastInsertRowid,
  );
  // complaints: an ordinary one of 02-20 is due 02-27; an urgent one of 02-20 was due 02-23
  await ok(f.core, 'complaints.save', { customerId: c2.id, receivedDate: '2025-02-20', content: '包装破损', urgency: 'normal' });
  ids.lateComplaint = (
    await ok(f.core, 'complaints.save', { customerId: c3.id, receivedDate: '2025-02-20', content: '送货延迟三天', urgency: 'urgent' })
  ).id;
  // satisfaction: c1 scored 2 on 02-20 (listed); c2 scored 1 on 01-27, 30 days before (not listed) and 3 on 02-25 (not low)
  await ok(f.core, 'satisfaction.save', { customerId: c1.id, score: 2, source: 'survey', comment: '价格偏高', scoredOn: '2025-02-20' });
  await ok(f.core, 'satisfaction.save', { customerId: c2.id, score: 1, source: 'survey', scoredOn: '2025-01-27' });
  await ok(f.core, 'satisfaction.save', { customerId: c2.id, score: 3, source: 'survey', scoredOn: '2025-02-25' });
});

type Item = Output<'analytics.exceptions'>['items'][number];

describe('analytics.exceptions', () => {
  it('lists one row of each kind, linking to its record', async () => {
    const out = await ok(f.core, 'analytics.exceptions', { date });
    const { reps, customers } = f.s;
    expect(out.thresholds).toEqual({ notVisitedDays: 30, silentDays: 90, overdueDays: 90 });
    // one of each, and two A/B customers not visited: c2 and the dealer's own trading account (a customer graded B)
    expect(out.counts.map((c) => c.count)).toEqual([1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1]);
    const account = f.core.ctx.db.prepare('select customer_id from dealer_accounts where dealer_id = ?').pluck().get(f.dealer) as number;
    const pick = (i: Item) => [i.kind, i.target, i.targetId, i.name, i.repName, i.amountFen, i.days, i.date];
    expect(out.items.map(pick)).toEqual([
      ['noPlan', 'visitPlan', ids.bossPlan, '王强', '王强', null, null, date],
      ['noReport', 'rep', reps.li.id, '李娜', '李娜', null, null, '2025-02-25'],
      ['unsignedForm', 'visitPlan', ids.liPlan, '李娜', '李娜', null, 0, date],
      ['overCredit', 'customer', customers.c2.id, '南京鼓楼便利店', '李娜', 130_000 - 120_050, null, date],
      ['longOverdue', 'customer', customers.c3.id, '张记烟酒行', '李娜', 9_000, 117, '2024-11-01'],
      ['behindTarget', 'target', ids.target, '李娜', '李娜', 1_000_000, null, date],
      ['abNotVisited', 'customer', customers.c2.id, '南京鼓楼便利店', '李娜', null, null, null],
      ['abNotVisited', 'customer', account, '江苏恒信商贸有限公司', '李娜', null, null, null],
      ['silentCustomer', 'customer', customers.c3.id, '张记烟酒行', '李娜', null, 117, '2024-11-01'],
      ['channelConflict', 'channelConflict', ids.conflictOrder, '江苏恒信商贸有限公司', '赵磊', 1_000, 6, '2025-02-20'],
      ['complaintOverdue', 'complaint', ids.lateComplaint, '张记烟酒行', '李娜', null, 3, '2025-02-20'],
      ['lowSatisfaction', 'customer', customers.c1.id, '北京华众商贸有限公司', '赵磊', null, 6, '2025-02-20'],
    ]);
    expect(out.items.find((i) => i.kind === 'lowSatisfaction')!.detail).toBe('2/5 价格偏高');
    expect(out.items.find((i) => i.kind === 'overCredit')!.detail).toBe('应收余额 ¥1,300.00 超过信用额度 ¥1,200.50');
    expect(out.items.find((i) => i.kind === 'complaintOverdue')!.detail).toContain('送货延迟三天');
  });

  it('moves with the documents: a payment and a visit clear their rows', async () => {
    const { customers, reps } = f.s;
    await ok(f.core, 'collections.save', { customerId: customers.c2.id, date: '2025-02-26', amountFen: 20_000, method: 'cash' });
    form('daily_reports', reps.li.id, '2025-02-25', 'signed', [customers.c2.id]);
    const out = await ok(f.core, 'analytics.exceptions', { date });
    const count = (kind: string) => out.counts.find((c) => c.kind === kind)!.count;
    expect(count('overCredit')).toBe(0); // 110000 ≤ 120050
    expect(count('abNotVisited')).toBe(1); // the dealer's account only
    expect(count('noReport')).toBe(0);
    expect(count('longOverdue')).toBe(1);
  });
});
