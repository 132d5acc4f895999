// 生命周期 Customer lifecycle by rules, recomputed for the customer of each order / return posting (in its transaction)
// and for every customer by customers.recomputeLifecycle; every change is kept in customer_lifecycle_changes.
// A purchase is an order that stands (posted, not a 红冲 row, not reversed) and is not wholly returned (its total
// exceeds its posted returns). With purchases, first match wins:
// - 流失 lost: the last purchase is lostDays (setting, default 180) or more days before today;
// - 忠诚 loyal: the run of consecutive calendar months with purchases ending at the last purchase's month is ≥ 12;
// - 重复购买 repeat: purchases in ≥ 2 distinct calendar months;
// - 首次购买 first: otherwise (purchases in one month only).
// The rules only move a customer up the ladder prospect → first → repeat → loyal, or to lost; a lost customer who buys
// again takes the stage the rules give. So a stage typed by hand for a customer whose purchases predate this system
// (an imported 忠诚 customer's first order here) is not pulled down, and a loyal customer stays loyal until lost.
// Without any purchase the stage is left as it is: a prospect stays a prospect.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { Lifecycle } from '../../../../shared/domain/customer';
import { daysBetween } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { customerRuleSettings } from '../settings/settings';

export const LOYAL_MONTHS = 12;

/** Months as a running number, for telling consecutive months apart across a year end. */
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The stage the rules give a customer whose purchases are on `purchaseDates` (any order, repeats allowed), on `today`. */
export function lifecycleByRules(current: Lifecycle, purchaseDates: readonly string[], today: string, lostDays: number): Lifecycle {
  if (purchaseDates.length === 0) return current;
  let last = purchaseDates[0]!;
  for (const d of purchaseDates) if (d > last) last = d;
  if (daysBetween(last, today) >= lostDays) return 'lost';
  const months = new Set(purchaseDates.map(monthIndex));
  let run = 0;
  for (let m = monthIndex(last); months.has(m); m--) run++;
  const byRules: Lifecycle = run >= LOYAL_MONTHS ? 'loyal' : months.size >= 2 ? 'repeat' : 'first';
  return current !== 'lost' && ladder.indexOf(current) > ladder.indexOf(byRules) ? current : byRules;
}

const ladder: readonly Lifecycle[] = ['prospect', 'first', 'repeat', 'loyal'];

// purchases: standing orders with something left after their posted returns
const PURCHASES = `select o.customer_id, o.date from orders o
  where o.state = 'posted' and o.reversal_of_id is null
    and o.total_fen > coalesce((select sum(t.total_fen) from returns t where t.order_id = o.id and t.state = 'posted'), 0)`;

type Reason = 'order' | 'rule' | 'manual';

/** The history row of a stage change made by the caller (customers.save keeps a stage changed by hand with it). */
export function logLifecycleChange(ctx: Ctx, customerId: number, from: Lifecycle, to: Lifecycle, reason: Reason): void {
  prepared(
    ctx.db,
    `insert into customer_lifecycle_changes (customer_id, from_lifecycle, to_lifecycle, changed_on, reason, operator_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  ).run(customerId, from, to, todayLocal(ctx), reason, ctx.actor?.id ?? null, nowIso(ctx));
}

function recordChange(ctx: Ctx, customerId: number, from: Lifecycle, to: Lifecycle, reason: Reason): void {
  prepared(ctx.db, 'update customers set lifecycle = ?, updated_at = ? where id = ?').run(to, nowIso(ctx), customerId);
  logLifecycleChange(ctx, customerId, from, to, reason);
}

/**
 * The customer's stage by the rules after a posting, inside the posting's transaction: changed (with its history row
 * and audit entry) when the rules say so. Returns the new stage, or null when it stays.
 */
export function recomputeCustomerLifecycle(ctx: Ctx, customerId: number): Lifecycle | null {
  const row = prepared(ctx.db, 'select lifecycle from customers where id = ?').get(customerId) as { lifecycle: Lifecycle } | undefined;
  if (!row) throw notFound('客户', customerId);
  const dates = prepared(ctx.db, `select date from (${PURCHASES} and o.customer_id = ?)`).pluck().all(customerId) as string[];
  const today = todayLocal(ctx);
  const next = lifecycleByRules(row.lifecycle, dates, today, customerRuleSettings(ctx).lifecycleLostDays);
  if (next === row.lifecycle) return null;
  recordChange(ctx, customerId, row.lifecycle, next, 'order');
  recordAudit(ctx, {
    action: 'lifecycle',
    entity: 'customer',
    entityId: customerId,
    before: { lifecycle: row.lifecycle },
    after: { lifecycle: next },
  });
  return next;
}

/** Every customer in use by the rules as of today, in one transaction; one audit entry with the counts. */
export function recomputeAllLifecycles(ctx: Ctx): Output<'customers.recomputeLifecycle'> {
  return ctx.db.transaction(() => {
    const lostDays = customerRuleSettings(ctx).lifecycleLostDays;
    const today = todayLocal(ctx);
    const customers = prepared(ctx.db, 'select id, lifecycle from customers where archived = 0 and merged_into_id is null')
      .raw()
      .all() as Array<[number, Lifecycle]>;
    // one date per customer and month is enough for the rules: the month's last purchase
    const byCustomer = new Map<number, string[]>();
    for (const [customerId, date] of prepared(
      ctx.db,
      `select customer_id, max(date) from (${PURCHASES}) group by customer_id, substr(date, 1, 7)`,
    )
      .raw()
      .all() as Array<[number, string]>) {
      let dates = byCustomer.get(customerId);
      if (!dates) byCustomer.set(customerId, (dates = []));
      dates.push(date);
    }
    const changes: Partial<Record<Lifecycle, number>> = {};
    let changed = 0;
    for (const [customerId, current] of customers) {
      const next = lifecycleByRules(current, byCustomer.get(customerId) ?? [], today, lostDays);
      if (next === current) continue;
      recordChange(ctx, customerId, current, next, 'rule');
      changes[next] = (changes[next] ?? 0) + 1;
      changed++;
    }
    recordAudit(ctx, {
      action: 'lifecycle',
      entity: 'customers',
      entityId: null,
      after: { date: today, lostDays, customers: customers.length, changed, byLifecycle: changes },
    });
    return { customers: customers.length, changed };
  })();
}

export function lifecycleHistory(ctx: Ctx, input: ParsedInput<'customers.lifecycleHistory'>): Output<'customers.lifecycleHistory'> {
  if (!prepared(ctx.db, 'select 1 from customers where id = ?').get(input.customerId))
    throw notFound('客户', input.customerId, 'customerId');
  return prepared(
    ctx.db,
    `select h.id, h.from_lifecycle as fromLifecycle, h.to_lifecycle as toLifecycle, h.changed_on as changedOn, h.reason,
       o.name as operatorName
     from customer_lifecycle_changes h left join operators o on o.id = h.operator_id
     where h.customer_id = ? order by h.changed_on desc, h.id desc`,
  ).all(input.customerId) as Output<'customers.lifecycleHistory'>;
}
