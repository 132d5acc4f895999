import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dealerSortFields, type DealerListRow, type Input } from '../../shared/contract';
import type { Core } from '../../electron/core/core';
import { digest, fail, makeCore, ok, seed, steppingClock, type Seeded, TEST_MANAGER } from './helpers';

// local noon, so "today" is 2025-06-15 in every time zone the tests run in
const TODAY = new Date(2025, 5, 15, 12, 0, 0);

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore(':memory:', { now: steppingClock(TODAY.toISOString()) });
  s = await seed(core);
});
afterEach(() => core.close());

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
const sortIds = (list: number[]) => [...list].sort((a, b) => a - b);

async function list(input: Input<'dealers.list'> = {}) {
  return ok(core, 'dealers.list', input);
}
async function listIds(input: Input<'dealers.list'> = {}) {
  return sortIds(ids((await list({ pageSize: 500, ...input })).rows));
}
async function save(input: Input<'dealers.save'>) {
  return ok(core, 'dealers.save', input);
}

describe('dealers: create and edit', () => {
  it('numbers new dealers D0001… and accepts an explicit code', async () => {
    expect((await save({ name: '南京恒信商贸有限公司' })).code).toBe('D0001');
    expect((await save({ name: '苏州万家批发部' })).code).toBe('D0002');
    expect((await save({ name: '自编号经销商', code: 'JX-01' })).code).toBe('JX-01');
    expect((await save({ name: '跳号经销商', code: 'D0100' })).code).toBe('D0100');
    expect((await save({ name: '下一家' })).code).toBe('D0101');
  });

  it('rejects a code used by another dealer, naming that dealer, and changes nothing', async () => {
    await save({ name: '南京恒信商贸有限公司' });
    const before = digest(core.ctx.db);
    const err = await fail(core, 'dealers.save', { name: '重号', code: 'D0001' });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(err.message).toContain('南京恒信商贸有限公司');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('returns the full detail with territory paths, money as integer fen and days left', async () => {
    const d0 = await save({
      name: '南京恒信商贸有限公司',
      shortName: '恒信',
      channelType: 'agent',
      tier: 2,
      contactName: '刘洋',
      phone: '025-8888-6666',
      address: '南京市鼓楼区中山路 1 号',
      territoryRegionIds: [s.regions.nanjing.id, s.regions.beijing.id],
      contractStart: '2025-01-01',
      contractEnd: '2025-12-31',
      depositFen: 5_000_050,
      creditLimitFen: 1_000_000_000_000,
      repId: s.reps.li.id,
      status: 'suspended',
      notes: '年度返利 2%',
    });
    const d = await ok(core, 'dealers.get', { id: d0.id });
    expect(d).toMatchObject({
      id: d0.id,
      code: 'D0001',
      name: '南京恒信商贸有限公司',
      shortName: '恒信',
      channelType: 'agent',
      tier: 2,
      contactName: '刘洋',
      phone: '025-8888-6666',
      address: '南京市鼓楼区中山路 1 号',
      contractStart: '2025-01-01',
      contractEnd: '2025-12-31',
      contractDaysLeft: 199,
      depositFen: 5_000_050,
      creditLimitFen: 1_000_000_000_000,
      repId: s.reps.li.id,
      repName: '李娜',
      status: 'suspended',
      notes: '年度返利 2%',
      customerCount: 0,
    });
    expect(sortIds(d.territoryIds)).toEqual(sortIds([s.regions.nanjing.id, s.regions.beijing.id]));
    expect(d.territories).toEqual(
      expect.arrayContaining([
        { id: s.regions.nanjing.id, name: '南京市', path: ['华东', '江苏省', '南京市'] },
        { id: s.regions.beijing.id, name: '北京市', path: ['华北', '北京市'] },
      ]),
    );
    expect(core.ctx.db.prepare('select distinct typeof(deposit_fen) || typeof(credit_limit_fen) from dealers').pluck().all()).toEqual([
      'integerinteger',
    ]);
  });

  it('edit keeps the code and createdAt, moves updatedAt, and replaces the territory', async () => {
    const d0 = await save({ name: '南京恒信商贸有限公司', territoryRegionIds: [s.regions.nanjing.id] });
    const before = await ok(core, 'dealers.get', { id: d0.id });
    expect(await save({ id: d0.id, name: '南京恒信商贸', territoryRegionIds: [s.regions.beijing.id] })).toEqual({
      id: d0.id,
      code: 'D0001',
    });
    const after = await ok(core, 'dealers.get', { id: d0.id });
    expect(after.code).toBe('D0001');
    expect(after.name).toBe('南京恒信商贸');
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.territoryIds).toEqual([s.regions.beijing.id]);
    expect(core.ctx.db.prepare('select count(*) from dealer_territories').pluck().get()).toBe(1);
  });

  it('reports NOT_FOUND for get and save of a dealer that does not exist', async () => {
    const before = digest(core.ctx.db);
    for (const [method, input] of [
      ['dealers.get', { id: 999 }],
      ['dealers.save', { id: 999, name: '无' }],
    ] as const) {
      const err = await fail(core, method, input);
      expect(err).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(err.message).toContain('经销商');
      expect(err.message).toContain('999');
    }
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('rejects a dangling rep', async () => {
    const before = digest(core.ctx.db);
    const err = await fail(core, 'dealers.save', { name: '新经销商', repId: 9999 });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'repId' });
    expect(err.message).toContain('业务员');
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('dealers: territory', () => {
  it('rejects a region that does not exist, naming its row, and changes nothing', async () => {
    const d0 = await save({ name: '南京恒信商贸有限公司', territoryRegionIds: [s.regions.nanjing.id] });
    const before = digest(core.ctx.db);
    const err = await fail(core, 'dealers.save', {
      id: d0.id,
      name: '南京恒信商贸有限公司',
      territoryRegionIds: [s.regions.beijing.id, 9999],
    });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'territoryRegionIds.1' });
    expect(err.message).toContain('授权区域');
    expect(err.message).toContain('9999');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('drops duplicates and regions already covered by a listed ancestor', async () => {
    const { east, jiangsu, nanjing, gulou, beijing } = s.regions;
    const a = await save({ name: '甲', territoryRegionIds: [nanjing.id, east.id, gulou.id, east.id] });
    expect((await ok(core, 'dealers.get', { id: a.id })).territoryIds).toEqual([east.id]);
    const b = await save({ name: '乙', territoryRegionIds: [gulou.id, beijing.id, gulou.id] });
    expect(sortIds((await ok(core, 'dealers.get', { id: b.id })).territoryIds)).toEqual(sortIds([gulou.id, beijing.id]));
    const c = await save({ name: '丙', territoryRegionIds: [gulou.id, jiangsu.id] });
    expect((await ok(core, 'dealers.get', { id: c.id })).territoryIds).toEqual([jiangsu.id]);
  });

  it('lists territory names in tree order', async () => {
    const { gulou, north, jiangsu } = s.regions;
    await save({ name: '甲', territoryRegionIds: [gulou.id, north.id, jiangsu.id] });
    const row = (await list()).rows[0]!;
    expect(row.territoryNames).toEqual(['华北', '江苏省']);
  });
});

describe('dealers: contract', () => {
  it('refuses an end date before the start date, on contractEnd', async () => {
    const before = digest(core.ctx.db);
    const err = await fail(core, 'dealers.save', { name: '甲', contractStart: '2025-06-01', contractEnd: '2025-05-31' });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'contractEnd' });
    expect(err.message).toContain('合同到期日期');
    expect(err.message).toContain('合同开始日期');
    expect(digest(core.ctx.db)).toBe(before);
    await save({ name: '同日', contractStart: '2025-06-01', contractEnd: '2025-06-01' });
    await save({ name: '仅到期', contractEnd: '2025-06-01' });
    await save({ name: '仅开始', contractStart: '2025-06-01' });
  });

  it('days left is end − today, negative once ended and null without an end date', async () => {
    const dates: Record<string, string | null> = {
      今天: '2025-06-15',
      明天: '2025-06-16',
      昨天: '2025-06-14',
      明年: '2026-06-15',
      无: null,
    };
    for (const [name, contractEnd] of Object.entries(dates)) await save({ name, contractEnd });
    const rows = (await list()).rows;
    const left = Object.fromEntries(rows.map((r) => [r.name, r.contractDaysLeft]));
    expect(left).toEqual({ 今天: 0, 明天: 1, 昨天: -1, 明年: 365, 无: null });
  });

  it('expiringOnly: active dealers whose contract ends within 30 days, including ended ones', async () => {
    const mk = (name: string, contractEnd: string | null, status: 'active' | 'suspended' | 'terminated' = 'active') =>
      save({ name, contractEnd, status }).then((r) => r.id);
    const today = await mk('今天到期', '2025-06-15');
    const in30 = await mk('30天后', '2025-07-15');
    await mk('31天后', '2025-07-16');
    const ended = await mk('已过期仍合作', '2025-05-01');
    await mk('已过期已终止', '2025-05-01', 'terminated');
    await mk('暂停将到期', '2025-06-20', 'suspended');
    await mk('无到期日', null);
    expect(await listIds({ expiringOnly: true })).toEqual(sortIds([today, in30, ended]));
    expect((await list({ expiringOnly: true })).total).toBe(3);
    expect((await list({ expiringOnly: false })).total).toBe(7);
    const soonest = await list({ expiringOnly: true, sort: { field: 'contractEnd', order: 'asc' } });
    expect(soonest.rows.map((r) => r.contractDaysLeft)).toEqual([-45, 0, 30]);
  });
});

describe('dealers: list filters', () => {
  async function territorySetup() {
    const { east, jiangsu, gulou, north } = s.regions;
    const province = (await save({ name: '江苏省代', territoryRegionIds: [jiangsu.id] })).id;
    const district = (await save({ name: '鼓楼片区经销', territoryRegionIds: [gulou.id] })).id;
    const northOnly = (await save({ name: '华北总代', territoryRegionIds: [north.id] })).id;
    const eastAll = (await save({ name: '华东总代', territoryRegionIds: [east.id] })).id;
    const none = (await save({ name: '无授权区域' })).id;
    return { province, district, northOnly, eastAll, none };
  }

  it('region filter: territory equal to the region, an ancestor of it, or inside it', async () => {
    const { province, district, northOnly, eastAll } = await territorySetup();
    const { east, jiangsu, nanjing, gulou, north, beijing } = s.regions;
    // ancestor (江苏省, 华东) and inside (鼓楼片区)
    expect(await listIds({ regionId: nanjing.id })).toEqual(sortIds([province, district, eastAll]));
    // exact
    expect(await listIds({ regionId: jiangsu.id })).toEqual(sortIds([province, district, eastAll]));
    expect(await listIds({ regionId: gulou.id })).toEqual(sortIds([province, district, eastAll]));
    expect(await listIds({ regionId: east.id })).toEqual(sortIds([province, district, eastAll]));
    expect(await listIds({ regionId: north.id })).toEqual([northOnly]);
    expect(await listIds({ regionId: beijing.id })).toEqual([northOnly]);
    expect(await listIds({ regionId: 9999 })).toEqual([]);
    expect((await list({ regionId: nanjing.id })).total).toBe(3);
  });

  it('filters by channel type, status, tier and rep, and combines them', async () => {
    const a = (await save({ name: '甲', channelType: 'agent', tier: 1, repId: s.reps.li.id })).id;
    const b = (await save({ name: '乙', channelType: 'dealer', tier: 2, status: 'suspended', repId: s.reps.li.id })).id;
    const c = (await save({ name: '丙', channelType: 'retail', tier: 3, status: 'terminated' })).id;
    const d = (await save({ name: '丁', channelType: 'dealer', tier: 1, repId: s.reps.boss.id })).id;
    expect(await listIds({ channelType: ['dealer'] })).toEqual(sortIds([b, d]));
    expect(await listIds({ channelType: ['agent', 'retail'] })).toEqual(sortIds([a, c]));
    expect(await listIds({ channelType: [] })).toEqual(sortIds([a, b, c, d]));
    expect(await listIds({ status: ['active'] })).toEqual(sortIds([a, d]));
    expect(await listIds({ status: ['suspended', 'terminated'] })).toEqual(sortIds([b, c]));
    expect(await listIds({ tier: [1] })).toEqual(sortIds([a, d]));
    expect(await listIds({ tier: [2, 3] })).toEqual(sortIds([b, c]));
    expect(await listIds({ repId: s.reps.li.id })).toEqual(sortIds([a, b]));
    expect(await listIds({ repId: s.reps.li.id, channelType: ['dealer'], tier: [2] })).toEqual([b]);
    expect((await list({ repId: s.reps.li.id, status: ['active'] })).total).toBe(1);
  });

  it('defaults to newest first and pages with a stable total', async () => {
    for (let i = 0; i < 23; i++) await save({ name: `批量经销商${String(i).padStart(2, '0')}` });
    const first = await list({ pageSize: 10 });
    expect(first.total).toBe(23);
    expect(first.rows[0]!.name).toBe('批量经销商22');
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await list({ page, pageSize: 10, sort: { field: 'code', order: 'asc' } });
      expect(res.total).toBe(23);
      expect(res.rows).toHaveLength(page < 3 ? 10 : 3);
      seen.push(...ids(res.rows));
    }
    expect(new Set(seen).size).toBe(23);
    expect(await list({ page: 9, pageSize: 10 })).toEqual({ total: 23, rows: [] });
    const searched = await list({ search: '批量', page: 3, pageSize: 10 });
    expect(searched.total).toBe(23);
    expect(searched.rows).toHaveLength(3);
  });
});

describe('dealers: search', () => {
  it('finds by name, short name, code, contact, phone, full pinyin and pinyin initials', async () => {
    const hx = (await save({ name: '南京恒信商贸有限公司', shortName: '恒信', contactName: '刘洋', phone: '025-8888-6666', code: 'NJ-01' }))
      .id;
    const wj = (await save({ name: '苏州万家批发部', contactName: '陈静', phone: '0512 6666 1234' })).id;
    const by = (search: string) => listIds({ search });
    expect(await by('恒信')).toEqual([hx]);
    expect(await by('njhx')).toEqual([hx]);
    expect(await by('NJHX')).toEqual([hx]);
    expect(await by('nanjinghengxin')).toEqual([hx]);
    expect(await by('nj-01')).toEqual([hx]);
    expect(await by('刘洋')).toEqual([hx]);
    expect(await by('ly')).toEqual([hx]);
    expect(await by('025-8888-6666')).toEqual([hx]);
    expect(await by('88886666')).toEqual([hx]);
    expect(await by('szwj')).toEqual([wj]);
    expect(await by('cj')).toEqual([wj]);
    expect(await by('05126666')).toEqual([wj]);
    expect(await by('D0001')).toEqual([wj]); // the first one took NJ-01
    expect(await by('szwj 陈')).toEqual([wj]);
    expect(await by('szwj 刘')).toEqual([]);
    expect(await by('%')).toEqual([]);
    expect(await by('_')).toEqual([]);
  });

  it('keeps the search text in step when a dealer is renamed', async () => {
    const d = (await save({ name: '南京恒信商贸有限公司' })).id;
    await save({ id: d, name: '杭州利达贸易' });
    expect(await listIds({ search: 'njhx' })).toEqual([]);
    expect(await listIds({ search: 'hzld' })).toEqual([d]);
  });
});

describe('dealers: sorting', () => {
  const keyOf: Partial<Record<(typeof dealerSortFields)[number], (r: DealerListRow) => string | number | null>> = {
    code: (r) => r.code,
    channelType: (r) => r.channelType,
    tier: (r) => r.tier,
    contractEnd: (r) => r.contractEnd ?? '9999-12-31',
    depositFen: (r) => r.depositFen,
    creditLimitFen: (r) => r.creditLimitFen,
    customerCount: (r) => r.customerCount,
    updatedAt: (r) => r.updatedAt,
  };

  async function sortSetup() {
    const a = await save({
      name: '张家港华联',
      channelType: 'retail',
      tier: 3,
      contractEnd: '2025-09-01',
      depositFen: 100,
      creditLimitFen: 900,
    });
    const b = await save({ name: '阿里山茶业', channelType: 'agent', tier: 1, depositFen: 300, creditLimitFen: 100 });
    const c = await save({
      name: '北京华众',
      channelType: 'dealer',
      tier: 2,
      contractEnd: '2025-07-01',
      depositFen: 300,
      creditLimitFen: 500,
    });
    await save({ name: '南京恒信', channelType: 'dealer', tier: 1, contractEnd: '2025-07-01' });
    await ok(core, 'customers.save', { name: '终端一', dealerId: c.id });
    await ok(core, 'customers.save', { name: '终端二', dealerId: c.id });
    await ok(core, 'customers.save', { name: '终端三', dealerId: a.id });
    return { a, b, c };
  }

  it.each(dealerSortFields.map((f) => [f]))('by %s: asc is ordered and desc is its exact reverse', async (field) => {
    await sortSetup();
    const asc = (await list({ sort: { field, order: 'asc' } })).rows;
    const desc = (await list({ sort: { field, order: 'desc' } })).rows;
    expect(asc).toHaveLength(4);
    expect(ids(desc)).toEqual(ids(asc).reverse());
    // the search path orders ids the same way
    const searched = (await list({ sort: { field, order: 'asc' }, search: 'a' })).rows;
    expect(ids(searched)).toEqual(ids(asc).filter((id) => searched.some((r) => r.id === id)));
    const key = keyOf[field];
    if (key) {
      const values = asc.map(key);
      const sorted = [...values].sort((x, y) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1));
      expect(values).toEqual(sorted);
    }
  });

  it('sorts names by pinyin and undated contracts last', async () => {
    await sortSetup();
    const byName = (await list({ sort: { field: 'name', order: 'asc' } })).rows.map((r) => r.name);
    expect(byName).toEqual(['阿里山茶业', '北京华众', '南京恒信', '张家港华联']);
    const byEnd = (await list({ sort: { field: 'contractEnd', order: 'asc' } })).rows.map((r) => r.contractEnd);
    expect(byEnd).toEqual(['2025-07-01', '2025-07-01', '2025-09-01', null]);
    const byCustomers = (await list({ sort: { field: 'customerCount', order: 'desc' } })).rows.map((r) => r.customerCount);
    expect(byCustomers).toEqual([2, 1, 0, 0]);
  });
});

describe('dealers: customers', () => {
  it('customerCount counts non-archived customers served by the dealer', async () => {
    const d = (await save({ name: '南京恒信商贸有限公司' })).id;
    const other = (await save({ name: '苏州万家批发部' })).id;
    const c1 = await ok(core, 'customers.save', { name: '终端一', dealerId: d });
    const c2 = await ok(core, 'customers.save', { name: '终端二', dealerId: d });
    const c3 = await ok(core, 'customers.save', { name: '终端三', dealerId: d });
    await ok(core, 'customers.save', { name: '别家的客户', dealerId: other });
    await ok(core, 'customers.archive', { id: c3.id });
    expect((await ok(core, 'dealers.get', { id: d })).customerCount).toBe(2);
    const rows = (await list()).rows;
    expect(rows.find((r) => r.id === d)!.customerCount).toBe(2);
    expect(rows.find((r) => r.id === other)!.customerCount).toBe(1);
    // the dealer's customers page
    const served = await ok(core, 'customers.list', { dealerId: d });
    expect(sortIds(ids(served.rows))).toEqual(sortIds([c1.id, c2.id]));
    expect(served.rows[0]!.dealerName).toBe('南京恒信商贸有限公司');
    expect((await ok(core, 'customers.get', { id: c1.id })).dealerName).toBe('南京恒信商贸有限公司');
  });

  it('customers.save with a dealer that does not exist → REFERENCE on dealerId, nothing written', async () => {
    const before = digest(core.ctx.db);
    const err = await fail(core, 'customers.save', { name: '新客户', dealerId: 9999 });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'dealerId' });
    expect(err.message).toContain('经销商');
    expect(err.message).toContain('9999');
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('dealers: audit log', () => {
  it('writes before/after for create and update, with territory as region paths', async () => {
    const d = await save({ name: '审计经销商', depositFen: 100, territoryRegionIds: [s.regions.nanjing.id] });
    await save({ id: d.id, name: '审计经销商', depositFen: 250, territoryRegionIds: [s.regions.beijing.id], contractEnd: '2025-07-01' });
    const audit = await ok(core, 'audit.list', { entity: 'dealer', entityId: d.id });
    expect(audit.total).toBe(2);
    const [update, create] = audit.rows;
    expect(create).toMatchObject({ action: 'create', entity: 'dealer', entityId: d.id, operator: TEST_MANAGER.name, before: null });
    expect(create!.after).toMatchObject({
      id: d.id,
      code: 'D0001',
      name: '审计经销商',
      depositFen: 100,
      territoryNames: ['华东 › 江苏省 › 南京市'],
    });
    expect(update).toMatchObject({
      action: 'update',
      before: { depositFen: 100, contractEnd: null, territoryNames: ['华东 › 江苏省 › 南京市'] },
      after: { depositFen: 250, contractEnd: '2025-07-01', territoryNames: ['华北 › 北京市'] },
    });
    // values that change by themselves (days left, customer count) are not part of the record's history
    expect(update!.after).not.toHaveProperty('contractDaysLeft');
    expect(update!.after).not.toHaveProperty('customerCount');
  });

  it('a failed save writes no audit row', async () => {
    await fail(core, 'dealers.save', { name: '甲', territoryRegionIds: [9999] });
    expect((await ok(core, 'audit.list', { entity: 'dealer' })).total).toBe(0);
  });
});
