// A core with the seed data plus products, a dealer with a territory, and helpers to enter and post money documents.
import type { Input, Output } from '../../shared/contract';
import { addOperator, asOperator, makeCore, ok, seed, type Caller, type Seeded, type TestCore } from './helpers';

export interface MoneyFixture {
  core: TestCore;
  s: Seeded;
  products: { beer: number; wine: number; tea: number; old: number };
  /** 江苏 territory (南京 and its districts are inside it) */
  dealer: number;
  clerk: Caller;
}

export const CLERK = { name: '录入员甲', password: 'clerk-pw', role: 'clerk' } as const;
export const MANAGER2 = { name: '经理乙', password: 'manager2-pw', role: 'manager' } as const;

export async function moneyFixture(): Promise<MoneyFixture> {
  const core = makeCore();
  const s = await seed(core);
  const product = (input: Input<'products.save'>) => ok(core, 'products.save', input).then((r) => r.id);
  const beer = await product({
    sku: 'P001',
    name: '青岛啤酒 500ml',
    unit: '箱',
    listPriceFen: 6_000,
    dealerPriceFen: 5_200,
    floorPriceFen: 5_000,
    costFen: 4_100,
  });
  const wine = await product({ sku: 'P002', name: '长城干红', unit: '瓶', listPriceFen: 12_800, dealerPriceFen: 11_000, costFen: 7_333 });
  const tea = await product({ sku: 'P003', name: '西湖龙井', unit: '斤', listPriceFen: 333, costFen: 111 });
  const old = await product({ sku: 'P004', name: '停产老酒', unit: '瓶', listPriceFen: 1_000, costFen: 500 });
  const dealer = (
    await ok(core, 'dealers.save', {
      name: '江苏恒信商贸有限公司',
      channelType: 'dealer',
      territoryRegionIds: [s.regions.jiangsu.id],
      creditLimitFen: 10_000_000,
      repId: s.reps.li.id,
      phone: '025-1234-5678',
    })
  ).id;
  addOperator(core, CLERK);
  addOperator(core, MANAGER2);
  const clerk = await asOperator(core, CLERK.name, CLERK.password);
  return { core, s, products: { beer, wine, tea, old }, dealer, clerk };
}

export type OrderInput = Input<'orders.save'>;

/** Saves and posts an order; returns the post's answer with the order's id. */
export async function postedOrder(caller: Caller, input: OrderInput, override?: Input<'orders.post'>['override']) {
  const saved = await ok(caller, 'orders.save', input);
  const posted = await ok(caller, 'orders.post', { id: saved.id, ...(override ? { override } : {}) });
  return { ...posted, id: saved.id };
}

/** The ledger's balance of a customer as of a date, straight from the tables. */
export function ledgerBalance(core: TestCore, customerId: number, asOf = '9999-12-31'): number {
  const row = core.ctx.db
    .prepare(
      `select (select coalesce(sum(amount_fen), 0) from receivables where customer_id = ? and date <= ?)
            - (select coalesce(sum(amount_fen), 0) from credits where customer_id = ? and date <= ?) as b`,
    )
    .get(customerId, asOf, customerId, asOf) as { b: number };
  return row.b;
}

/** Unpaid now of every receivable of a customer, by doc no. */
export function unpaidByDoc(core: TestCore, customerId: number): Record<string, number> {
  const rows = core.ctx.db
    .prepare(
      `select r.doc_no as docNo, r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id), 0) as unpaid
       from receivables r where r.customer_id = ? order by r.id`,
    )
    .all(customerId) as Array<{ docNo: string; unpaid: number }>;
  return Object.fromEntries(rows.map((r) => [r.docNo, r.unpaid]));
}

export type OrderDetail = Output<'orders.get'>;
