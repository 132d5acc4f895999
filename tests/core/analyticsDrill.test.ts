// The lists the dashboards drill down to hold exactly the documents behind a bar or a card: on the small demo, the
// collections list under a region, team, dealer or channel type filter sums to 总览's collections under the same filter,
// and the order list (posted and 红冲 rows) less the period's posted returns of orders under the filter sums to
// 销售分析's bar (the list holds the orders; a return counts on its own date).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { DEMO_MANAGER } from '../../electron/core/demo/operators';
import type { Input } from '../../shared/contract';
import { actAs, fail, ok } from './helpers';

const NOW = new Date('2026-10-20T02:00:00.000Z');
const SEP = { from: '2026-09-01', to: '2026-09-30' };
let dir: string;
let core: Core;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-drill-'));
  const c = createCore(path.join(dir, 'small.db'), { now: () => NOW });
  generateDemo(c.ctx.db, { scale: 'small', seed: 7, now: NOW });
  core = actAs(c, DEMO_MANAGER);
}, 60_000);
afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const STANDING = ['posted', 'reversed'] as const;
type OrderFilter = Pick<Input<'orders.list'>, 'regionId' | 'teamId' | 'channelType' | 'productCategoryId' | 'dealerId' | 'repId'>;

/** Every page of the order list under the filter (September's by default): the ids and the list's own sum. */
async function ordersOf(filter: OrderFilter, period: { from?: string; to?: string } = SEP) {
  const input = { pageSize: 500, ...period, state: [...STANDING], ...filter };
  const first = await ok(core, 'orders.list', { page: 1, ...input });
  const ids = first.rows.map((r) => r.id);
  for (let page = 2; ids.length < first.total; page++)
    ids.push(...(await ok(core, 'orders.list', { page, ...input })).rows.map((r) => r.id));
  return { ids, sumFen: first.sumFen };
}

/**
 * September's orders under the filter less September's posted returns of any order under it (a return counts on its own
 * date, also against an order of an earlier month): what the dashboards' sales figure holds.
 */
async function salesOf(filter: OrderFilter): Promise<number> {
  const orders = await ordersOf(filter);
  const ever = await ordersOf(filter, {});
  const row = core.ctx.db
    .prepare(
      `select coalesce(sum(total_fen), 0) as s from returns
        where state = 'posted' and date between ? and ? and order_id in (select value from json_each(?))`,
    )
    .get(SEP.from, SEP.to, JSON.stringify(ever.ids)) as { s: number };
  return orders.sumFen - row.s;
}

const collectionsSum = async (filter: Partial<Input<'collections.list'>>) =>
  (await ok(core, 'collections.list', { page: 1, pageSize: 1, ...SEP, ...filter })).sumFen;

describe('drill-down lists on the small demo', () => {
  it('each region bar of 销售分析 is its orders less their returns; 总览’s collections are the collections list’s sum', async () => {
    const sales = await ok(core, 'analytics.sales', { period: SEP });
    const regions = sales.byRegion.rows.filter((r) => r.id > 0);
    expect(regions.length).toBeGreaterThan(1);
    for (const r of regions) {
      expect(await salesOf({ regionId: r.id }), r.name).toBe(r.salesFen);
      const overview = await ok(core, 'analytics.overview', { period: SEP, filters: { regionId: r.id } });
      expect(await collectionsSum({ regionId: r.id }), r.name).toBe(overview.collectionsFen);
    }
  });

  it('channel types, dealers and reps: the bars are their orders less returns; collections match 总览 under each filter', async () => {
    const sales = await ok(core, 'analytics.sales', { period: SEP });
    for (const c of sales.byChannelType) {
      expect(await salesOf({ channelType: c.channelType }), c.channelType).toBe(c.salesFen);
      const overview = await ok(core, 'analytics.overview', { period: SEP, filters: { channelType: c.channelType } });
      expect(await collectionsSum({ channelType: c.channelType }), c.channelType).toBe(overview.collectionsFen);
    }
    for (const d of sales.byDealer.rows.slice(0, 3)) {
      expect(await salesOf({ dealerId: d.dealerId }), d.dealerName).toBe(d.salesFen);
      const overview = await ok(core, 'analytics.overview', { period: SEP, filters: { dealerId: d.dealerId } });
      expect(await collectionsSum({ dealerId: d.dealerId }), d.dealerName).toBe(overview.collectionsFen);
    }
    for (const r of sales.repRanking.slice(0, 3)) {
      expect(await salesOf({ repId: r.repId }), r.repName).toBe(r.salesFen);
    }
  });

  it('a team filter narrows both lists to the team’s reps as 总览 does', async () => {
    const teams = await ok(core, 'teams.list', {});
    expect(teams.length).toBeGreaterThan(0);
    for (const t of teams.slice(0, 3)) {
      const overview = await ok(core, 'analytics.overview', { period: SEP, filters: { teamId: t.id } });
      expect(await salesOf({ teamId: t.id }), t.name).toBe(overview.salesFen);
      expect(await collectionsSum({ teamId: t.id }), t.name).toBe(overview.collectionsFen);
    }
  });

  it('a category filter lists exactly the orders with a line in the category or below', async () => {
    const sales = await ok(core, 'analytics.sales', { period: SEP });
    const cat = sales.byCategory.rows.find((r) => r.id > 0 && r.hasChildren) ?? sales.byCategory.rows.find((r) => r.id > 0)!;
    const listed = (await ordersOf({ productCategoryId: cat.id })).ids.sort((a, b) => a - b);
    const expected = (
      core.ctx.db
        .prepare(
          `select distinct o.id from orders o join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
            where o.state <> 'draft' and o.date between ? and ?
              and p.category_id in (select s.id from product_categories s
                                     where s.path like (select q.path from product_categories q where q.id = ?) || '%')
            order by o.id`,
        )
        .all(SEP.from, SEP.to, cat.id) as Array<{ id: number }>
    ).map((r) => r.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(expected);
  });

  it('refuses a channel type that does not exist, naming the field', async () => {
    const e = await fail(core, 'orders.list', { page: 1, pageSize: 10, channelType: 'wholesale' } as never);
    expect(e.code).toBe('VALIDATION');
    expect(e.field).toBe('channelType');
    expect((await fail(core, 'collections.list', { page: 1, pageSize: 10, regionId: -1 } as never)).field).toBe('regionId');
  });
});
