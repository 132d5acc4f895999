import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerSortFields, type CustomerListRow, type Input } from '../../shared/contract';
import type { Core } from '../../electron/core/core';
import { digest, fail, makeCore, ok, seed, type Seeded, TEST_MANAGER } from './helpers';

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
const sortIds = (list: number[]) => [...list].sort((a, b) => a - b);

async function list(input: Input<'customers.list'> = {}) {
  return ok(core, 'customers.list', input);
}
async function search(text: string, extra: Input<'customers.list'> = {}) {
  return sortIds(ids((await list({ search: text, archived: 'all', ...extra })).rows));
}

describe('customers: create and edit', () => {
  it('numbers new customers C000001… and accepts an explicit code', async () => {
    expect(Object.values(s.customers).map((c) => c.code)).toEqual(['C000001', 'C000002', 'C000003', 'C000004']);
    expect((await ok(core, 'customers.save', { name: '自编号客户', code: 'VIP-01' })).code).toBe('VIP-01');
    expect((await ok(core, 'customers.save', { name: '跳号客户', code: 'C000100' })).code).toBe('C000100');
    expect((await ok(core, 'customers.save', { name: '下一位' })).code).toBe('C000101');
  });

  it('rejects a code used by another customer, naming that customer', async () => {
    const before = digest(core.ctx.db);
    const err = await fail(core, 'customers.save', { name: '重号', code: 'C000001' });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(err.message).toContain('北京华众商贸有限公司');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('returns the full detail, with money as integer fen and the region path', async () => {
    const d = await ok(core, 'customers.get', { id: s.customers.c2.id });
    expect(d).toMatchObject({
      id: s.customers.c2.id,
      code: 'C000002',
      name: '南京鼓楼便利店',
      regionId: s.regions.gulou.id,
      regionPath: ['华东', '江苏省', '南京市', '鼓楼片区'],
      repId: s.reps.li.id,
      repName: '李娜',
      grade: 'B',
      lifecycle: 'repeat',
      type: 'retail',
      creditLimitFen: 120_050,
      paymentTermDays: 30,
      tags: ['重点'],
      archived: false,
      archivedAt: null,
      contacts: [],
    });
    expect(Number.isSafeInteger(d.creditLimitFen)).toBe(true);
    const big = await ok(core, 'customers.save', { name: '大额客户', creditLimitFen: 1_000_000_000_000 });
    expect((await ok(core, 'customers.get', { id: big.id })).creditLimitFen).toBe(1_000_000_000_000);
    expect(core.ctx.db.prepare('select distinct typeof(credit_limit_fen) from customers').pluck().all()).toEqual(['integer']);
  });

  it('edit keeps the code and createdAt, moves updatedAt, and replaces tags', async () => {
    const id = s.customers.c1.id;
    const before = await ok(core, 'customers.get', { id });
    const saved = await ok(core, 'customers.save', {
      id,
      name: '北京华众商贸有限公司',
      phone: '010-8888-6666',
      grade: 'B',
      tags: ['批发', '新标签', '新标签'],
      contacts: before.contacts,
    });
    expect(saved).toEqual({ id, code: 'C000001' });
    const after = await ok(core, 'customers.get', { id });
    expect(after.code).toBe('C000001');
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.grade).toBe('B');
    expect(after.tags).toEqual(['批发', '新标签']);
    // fields left out go back to their defaults: save is a full replace, not a patch
    expect(after.regionId).toBeNull();
    expect(after.creditLimitFen).toBe(0);
    const tags = await ok(core, 'customers.tags', {});
    expect(tags).toEqual(
      expect.arrayContaining([
        { tag: '重点', count: 1 },
        { tag: '批发', count: 1 },
        { tag: '新标签', count: 1 },
      ]),
    );
  });

  it('reports NOT_FOUND for get, save and archive of a customer that does not exist', async () => {
    const before = digest(core.ctx.db);
    for (const [method, input] of [
      ['customers.get', { id: 999 }],
      ['customers.save', { id: 999, name: '无' }],
      ['customers.archive', { id: 999 }],
    ] as const) {
      const err = await fail(core, method, input);
      expect(err).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(err.message).toContain('客户');
      expect(err.message).toContain('999');
    }
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('rejects dangling region and rep references', async () => {
    const before = digest(core.ctx.db);
    const region = await fail(core, 'customers.save', { name: '新客户', regionId: 9999 });
    expect(region).toMatchObject({ code: 'REFERENCE', field: 'regionId' });
    expect(region.message).toContain('区域');
    const rep = await fail(core, 'customers.save', { name: '新客户', repId: 9999 });
    expect(rep).toMatchObject({ code: 'REFERENCE', field: 'repId' });
    expect(rep.message).toContain('业务员');
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('customers: contacts', () => {
  it('makes the first contact primary when none is marked', async () => {
    const c = await ok(core, 'customers.save', { name: '联系人客户', contacts: [{ name: '甲' }, { name: '乙' }] });
    const d = await ok(core, 'customers.get', { id: c.id });
    expect(d.contacts.map((k) => [k.name, k.isPrimary])).toEqual([
      ['甲', true],
      ['乙', false],
    ]);
    const row = (await list({ search: '联系人客户' })).rows[0]!;
    expect(row.primaryContact).toBe('甲');
  });

  it('keeps the one marked primary, and lists it first', async () => {
    const c = await ok(core, 'customers.save', {
      name: '联系人客户',
      contacts: [{ name: '甲' }, { name: '乙', isPrimary: true, phone: '139 0000 0000', email: 'yi@example.com', title: '经理' }],
    });
    const d = await ok(core, 'customers.get', { id: c.id });
    expect(d.contacts.map((k) => [k.name, k.isPrimary])).toEqual([
      ['乙', true],
      ['甲', false],
    ]);
    expect(d.contacts[0]).toMatchObject({ phone: '139 0000 0000', email: 'yi@example.com', title: '经理', wechat: '' });
  });

  it('rejects two primary contacts', async () => {
    const before = digest(core.ctx.db);
    const err = await fail(core, 'customers.save', {
      name: '两个主联系人',
      contacts: [
        { name: '甲', isPrimary: true },
        { name: '乙', isPrimary: true },
      ],
    });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'contacts' });
    expect(err.message).toContain('主联系人');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('updates kept contacts in place, removes missing ones and adds new ones', async () => {
    const c = await ok(core, 'customers.save', { name: '联系人客户', contacts: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] });
    const [jia, yi] = (await ok(core, 'customers.get', { id: c.id })).contacts;
    await ok(core, 'customers.save', {
      id: c.id,
      name: '联系人客户',
      contacts: [{ id: yi!.id, name: '乙（改）', isPrimary: true }, { id: jia!.id, name: '甲' }, { name: '丁' }],
    });
    const d = await ok(core, 'customers.get', { id: c.id });
    expect(d.contacts.map((k) => [k.name, k.isPrimary])).toEqual([
      ['乙（改）', true],
      ['甲', false],
      ['丁', false],
    ]);
    expect(d.contacts[0]!.id).toBe(yi!.id);
    expect(d.contacts[1]!.id).toBe(jia!.id);
    expect(core.ctx.db.prepare('select count(*) from contacts where customer_id = ?').pluck().get(c.id)).toBe(3);
  });

  it('refuses a contact id that belongs to another customer, changing nothing', async () => {
    const other = (await ok(core, 'customers.get', { id: s.customers.c1.id })).contacts[0]!;
    const before = digest(core.ctx.db);
    const err = await fail(core, 'customers.save', {
      id: s.customers.c2.id,
      name: '南京鼓楼便利店（改名）',
      contacts: [{ name: '新人' }, { id: other.id, name: '抢来的' }],
    });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'contacts.1.id' });
    expect(err.message).toContain('联系人');
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('customers: contacts (duplicates)', () => {
  it('refuses the same contact id twice in one save (it would silently lose the primary contact)', async () => {
    const c = await ok(core, 'customers.save', { name: '联系人客户', contacts: [{ name: '甲' }] });
    const [jia] = (await ok(core, 'customers.get', { id: c.id })).contacts;
    const before = digest(core.ctx.db);
    const err = await fail(core, 'customers.save', {
      id: c.id,
      name: '联系人客户',
      contacts: [
        { id: jia!.id, name: '甲' },
        { id: jia!.id, name: '乙' },
      ],
    });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'contacts.1.id' });
    expect(err.message).toContain('联系人 › 第2行');
    expect(digest(core.ctx.db)).toBe(before);
    expect((await ok(core, 'customers.get', { id: c.id })).contacts).toEqual([expect.objectContaining({ name: '甲', isPrimary: true })]);
  });
});

describe('customers: archive', () => {
  it('archives and restores, and an archived customer cannot be edited until restored', async () => {
    const id = s.customers.c3.id;
    expect(await ok(core, 'customers.archive', { id })).toEqual({ id, archived: true });
    const d = await ok(core, 'customers.get', { id });
    expect(d.archived).toBe(true);
    expect(d.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const before = digest(core.ctx.db);
    const err = await fail(core, 'customers.save', { id, name: '张记烟酒行' });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(err.message).toContain('归档');
    expect(digest(core.ctx.db)).toBe(before);

    // archiving again changes nothing and writes no audit row
    await ok(core, 'customers.archive', { id, archived: true });
    expect(digest(core.ctx.db)).toBe(before);

    expect(await ok(core, 'customers.archive', { id, archived: false })).toEqual({ id, archived: false });
    expect((await ok(core, 'customers.get', { id })).archivedAt).toBeNull();
    await ok(core, 'customers.save', { id, name: '张记烟酒行（恢复后）' });
    expect((await ok(core, 'customers.get', { id })).name).toBe('张记烟酒行（恢复后）');
  });
});

describe('customers: audit log', () => {
  it('writes before/after for create, update, archive and restore', async () => {
    const c = await ok(core, 'customers.save', { name: '审计客户', creditLimitFen: 100 });
    await ok(core, 'customers.save', { id: c.id, name: '审计客户', creditLimitFen: 250 });
    await ok(core, 'customers.archive', { id: c.id });
    await ok(core, 'customers.archive', { id: c.id, archived: false });
    const audit = await ok(core, 'audit.list', { entity: 'customer', entityId: c.id });
    expect(audit.total).toBe(4);
    const [restore, archive, update, create] = audit.rows;
    expect(create).toMatchObject({ action: 'create', entity: 'customer', entityId: c.id, operator: TEST_MANAGER.name, before: null });
    expect(create!.after).toMatchObject({ id: c.id, code: c.code, name: '审计客户', creditLimitFen: 100 });
    expect(update).toMatchObject({ action: 'update', before: { creditLimitFen: 100 }, after: { creditLimitFen: 250 } });
    expect(archive).toMatchObject({ action: 'archive', before: { archived: false }, after: { archived: true } });
    expect(restore).toMatchObject({ action: 'restore', before: { archived: true }, after: { archived: false } });
    for (const r of audit.rows) expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(audit.rows.map((r) => r.id)).toEqual([...audit.rows.map((r) => r.id)].sort((a, b) => b - a)); // newest first
  });

  it('audit.list pages and filters by entity', async () => {
    const all = await ok(core, 'audit.list', {});
    // seed: 6 regions + 2 teams + 3 reps + 4 customers
    expect(all.total).toBe(15);
    const page = await ok(core, 'audit.list', { pageSize: 4, page: 2 });
    expect(page.total).toBe(15);
    expect(ids(page.rows)).toEqual(ids(all.rows).slice(4, 8));
    const reps = await ok(core, 'audit.list', { entity: 'rep' });
    expect(reps.total).toBe(3);
    expect(reps.rows.every((r) => r.entity === 'rep')).toBe(true);
    expect((await ok(core, 'audit.list', { entity: 'nothing' })).total).toBe(0);
  });
});

describe('customers: list', () => {
  it('defaults to active customers, newest first, with list columns filled in', async () => {
    const res = await list();
    expect(res.total).toBe(4);
    expect(ids(res.rows)).toEqual([s.customers.c4.id, s.customers.c3.id, s.customers.c2.id, s.customers.c1.id]);
    const c1 = res.rows.find((r) => r.id === s.customers.c1.id)!;
    expect(c1).toMatchObject({
      code: 'C000001',
      regionName: '北京市',
      repName: '赵磊',
      primaryContact: '刘洋',
      creditLimitFen: 5_000_000,
      tags: ['重点', '批发'],
      archived: false,
    });
  });

  it('gives each row its region path from the root, and sorts by region as lists show it (city, then district)', async () => {
    const henan = await ok(core, 'regions.save', { name: '河南省', parentId: s.regions.north.id });
    const zhengzhou = await ok(core, 'regions.save', { name: '郑州市', parentId: henan.id });
    const zzKfq = await ok(core, 'regions.save', { name: '开发区片区', parentId: zhengzhou.id });
    const njKfq = await ok(core, 'regions.save', { name: '开发区片区', parentId: s.regions.nanjing.id });
    const inZz = await ok(core, 'customers.save', { name: '郑州开发区客户', regionId: zzKfq.id });
    const inNj = await ok(core, 'customers.save', { name: '南京开发区客户', regionId: njKfq.id });
    const rows = (await list()).rows;
    const pathOf = (id: number) => rows.find((r) => r.id === id)!.regionPath;
    expect(pathOf(inZz.id)).toEqual(['华北', '河南省', '郑州市', '开发区片区']);
    expect(pathOf(inNj.id)).toEqual(['华东', '江苏省', '南京市', '开发区片区']);
    expect(pathOf(s.customers.c1.id)).toEqual(['华北', '北京市']);
    expect(pathOf(s.customers.c2.id)).toEqual(['华东', '江苏省', '南京市', '鼓楼片区']);
    expect(pathOf(s.customers.c4.id)).toEqual([]);
    // the search path loads its page by ids: the same paths
    expect((await list({ search: '开发区' })).rows.map((r) => r.regionPath.join('›')).sort()).toEqual([
      '华东›江苏省›南京市›开发区片区',
      '华北›河南省›郑州市›开发区片区',
    ]);

    // no region first, then by the city's initials and the district's: bjs, njs, njs/glpq, njs/kfqpq, zzs/kfqpq
    const byRegion = (await list({ sort: { field: 'regionName', order: 'asc' } })).rows.map((r) => r.name);
    expect(byRegion).toEqual(['阿里山茶庄', '北京华众商贸有限公司', '张记烟酒行', '南京鼓楼便利店', '南京开发区客户', '郑州开发区客户']);
    const desc = (await list({ sort: { field: 'regionName', order: 'desc' } })).rows.map((r) => r.name);
    expect(desc).toEqual([...byRegion].reverse());
  });

  it('pages with a stable total', async () => {
    for (let i = 0; i < 21; i++) await ok(core, 'customers.save', { name: `批量客户${String(i).padStart(2, '0')}` });
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await list({ page, pageSize: 10, sort: { field: 'code', order: 'asc' } });
      expect(res.total).toBe(25);
      expect(res.rows).toHaveLength(page < 3 ? 10 : 5);
      seen.push(...ids(res.rows));
    }
    expect(new Set(seen).size).toBe(25);
    const beyond = await list({ page: 9, pageSize: 10 });
    expect(beyond).toEqual({ total: 25, rows: [] });
  });

  describe('sorting', () => {
    const keyOf: Partial<Record<(typeof customerSortFields)[number], (r: CustomerListRow) => string | number | null>> = {
      code: (r) => r.code,
      grade: (r) => r.grade,
      lifecycle: (r) => r.lifecycle,
      type: (r) => r.type,
      creditLimitFen: (r) => r.creditLimitFen,
      paymentTermDays: (r) => r.paymentTermDays,
      updatedAt: (r) => r.updatedAt,
      createdAt: (r) => r.id, // created in id order by the stepping clock
    };

    it.each(customerSortFields.map((f) => [f]))('by %s: asc is ordered and desc is its exact reverse', async (field) => {
      await ok(core, 'customers.save', { name: '同分客户', grade: 'A', creditLimitFen: 5_000_000, paymentTermDays: 30 });
      const asc = (await list({ sort: { field, order: 'asc' }, archived: 'all' })).rows;
      const desc = (await list({ sort: { field, order: 'desc' }, archived: 'all' })).rows;
      expect(asc).toHaveLength(5);
      expect(ids(desc)).toEqual(ids(asc).reverse());
      const key = keyOf[field];
      if (key) {
        const values = asc.map(key);
        const sorted = [...values].sort((a, b) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
        expect(values).toEqual(sorted);
      }
    });

    it('sorts names by pinyin: 阿 before 北 before 南 before 张', async () => {
      const rows = (await list({ sort: { field: 'name', order: 'asc' } })).rows;
      expect(rows.map((r) => r.name)).toEqual(['阿里山茶庄', '北京华众商贸有限公司', '南京鼓楼便利店', '张记烟酒行']);
      const desc = (await list({ sort: { field: 'name', order: 'desc' } })).rows;
      expect(desc.map((r) => r.name)[0]).toBe('张记烟酒行');
    });

    it('sorts by rep name by pinyin (no rep first) and by money numerically', async () => {
      const byRep = (await list({ sort: { field: 'repName', order: 'asc' } })).rows.map((r) => r.repName);
      expect(byRep).toEqual([null, '李娜', '李娜', '赵磊']);
      const byCredit = (await list({ sort: { field: 'creditLimitFen', order: 'desc' } })).rows.map((r) => r.creditLimitFen);
      expect(byCredit).toEqual([5_000_000, 120_050, 0, 0]);
    });
  });

  describe('filters', () => {
    it('region filter includes the whole subtree', async () => {
      const { east, jiangsu, nanjing, gulou, north, beijing } = s.regions;
      const { c1, c2, c3 } = s.customers;
      const by = async (regionId: number) => sortIds(ids((await list({ regionId })).rows));
      expect(await by(east.id)).toEqual(sortIds([c2.id, c3.id]));
      expect(await by(jiangsu.id)).toEqual(sortIds([c2.id, c3.id]));
      expect(await by(nanjing.id)).toEqual(sortIds([c2.id, c3.id]));
      expect(await by(gulou.id)).toEqual([c2.id]);
      expect(await by(north.id)).toEqual([c1.id]);
      expect(await by(beijing.id)).toEqual([c1.id]);
      expect(await by(9999)).toEqual([]);
    });

    it('filters by rep, grade, lifecycle, type and tag, and combines them', async () => {
      const { c1, c2, c3, c4 } = s.customers;
      const by = async (input: Input<'customers.list'>) => sortIds(ids((await list(input)).rows));
      expect(await by({ repId: s.reps.li.id })).toEqual(sortIds([c2.id, c3.id]));
      expect(await by({ grade: ['A', 'B'] })).toEqual(sortIds([c1.id, c2.id]));
      expect(await by({ grade: [] })).toEqual(sortIds([c1.id, c2.id, c3.id, c4.id])); // empty = no filter
      expect(await by({ lifecycle: ['lost'] })).toEqual([c4.id]);
      expect(await by({ lifecycle: ['loyal', 'repeat'] })).toEqual(sortIds([c1.id, c2.id]));
      expect(await by({ type: ['terminal'] })).toEqual([c3.id]);
      expect(await by({ type: ['wholesale', 'other'] })).toEqual(sortIds([c1.id, c4.id]));
      expect(await by({ tag: '重点' })).toEqual(sortIds([c1.id, c2.id]));
      expect(await by({ tag: '批发' })).toEqual([c1.id]);
      expect(await by({ tag: '不存在' })).toEqual([]);
      expect(await by({ tag: '重点', grade: ['B'] })).toEqual([c2.id]);
      expect(await by({ repId: s.reps.li.id, grade: ['C'], regionId: s.regions.nanjing.id })).toEqual([c3.id]);
      const count = await list({ tag: '重点', grade: ['B'] });
      expect(count.total).toBe(1);
    });

    it('archived filter: active (default), archived, all', async () => {
      const { c1, c2, c3, c4 } = s.customers;
      await ok(core, 'customers.archive', { id: c3.id });
      const by = async (archived?: 'active' | 'archived' | 'all') => sortIds(ids((await list(archived ? { archived } : {})).rows));
      expect(await by()).toEqual(sortIds([c1.id, c2.id, c4.id]));
      expect(await by('active')).toEqual(sortIds([c1.id, c2.id, c4.id]));
      expect(await by('archived')).toEqual([c3.id]);
      expect(await by('all')).toEqual(sortIds([c1.id, c2.id, c3.id, c4.id]));
      expect((await list({ archived: 'archived' })).rows[0]!.archived).toBe(true);
      // archived customers drop out of tag counts
      expect(await ok(core, 'customers.tags', {})).toEqual([
        { tag: '重点', count: 2 },
        { tag: '批发', count: 1 },
      ]);
    });
  });

  describe('search', () => {
    it('finds by name, short name, code and contact name', async () => {
      const { c1, c2, c3 } = s.customers;
      const shorty = await ok(core, 'customers.save', { name: '上海新世纪超市', shortName: '沪新' });
      expect(await search('华众')).toEqual([c1.id]);
      expect(await search('沪新')).toEqual([shorty.id]);
      expect(await search('C000002')).toEqual([c2.id]);
      expect(await search('c000003')).toEqual([c3.id]);
      expect(await search('刘洋')).toEqual([c1.id]);
      expect(await search('  华众  ')).toEqual([c1.id]);
      expect(await search('没有这个客户')).toEqual([]);
    });

    it('finds by pinyin initials and full pinyin, in any case', async () => {
      const { c1, c2, c4 } = s.customers;
      expect(await search('bjhz')).toEqual([c1.id]);
      expect(await search('BJHZ')).toEqual([c1.id]);
      expect(await search('beijing')).toEqual([c1.id]);
      expect(await search('nanjing')).toEqual([c2.id]);
      expect(await search('alishan')).toEqual([c4.id]);
      expect(await search('hz')).toContain(c1.id);
    });

    it('finds by phone digits, the customer phone or a contact phone, typed with or without separators', async () => {
      const { c1, c2 } = s.customers;
      expect(await search('88886666')).toEqual([c1.id]);
      expect(await search('01088886666')).toEqual([c1.id]);
      expect(await search('010-8888-6666')).toEqual([c1.id]);
      expect(await search('55557777')).toEqual([c2.id]);
      expect(await search('13911112222')).toEqual([c1.id]); // contact phone
      expect(await search('139-1111-2222')).toEqual([c1.id]);
      expect(await search('１３９１１１１２２２２')).toEqual([c1.id]); // full-width digits
    });

    it('several words must all match', async () => {
      const { c1, c2 } = s.customers;
      expect(await search('南京 便利')).toEqual([c2.id]);
      expect(await search('便利 nanjing')).toEqual([c2.id]);
      expect(await search('bj 88886666')).toEqual([c1.id]);
      expect(await search('南京 烟酒')).toEqual([]);
      expect(await search('南京\u3000便利')).toEqual([c2.id]); // ideographic space
    });

    it('treats LIKE wildcards % and _ literally', async () => {
      const pct = await ok(core, 'customers.save', { name: '100%纯净水' });
      const under = await ok(core, 'customers.save', { name: 'A_B贸易' });
      const other = await ok(core, 'customers.save', { name: 'AxB贸易' });
      expect(await search('%')).toEqual([pct.id]);
      expect(await search('100%')).toEqual([pct.id]);
      expect(await search('_')).toEqual([under.id]);
      expect(await search('a_b')).toEqual([under.id]);
      expect(await search('axb')).toEqual([other.id]);
      expect(await search('\\')).toEqual([]);
    });

    it('combines search with filters and counts the total', async () => {
      const res = await list({ search: '南京', grade: ['C'] });
      expect(res.total).toBe(0);
      const res2 = await list({ search: '重点' });
      expect(res2.total).toBe(0); // tags are filtered with `tag`, not searched
    });
  });
});

describe('customers: findDuplicates', () => {
  const find = async (input: Input<'customers.findDuplicates'>) => ok(core, 'customers.findDuplicates', input);

  it('matches the same name with another company suffix, spaces or full-width characters', async () => {
    const c1 = s.customers.c1.id;
    for (const name of [
      '北京华众商贸有限公司',
      '北京华众商贸有限责任公司',
      '北京华众商贸股份有限公司',
      '北京华众商贸',
      '北京 华众 商贸 有限公司',
      '北京华众商贸（有限公司）',
    ]) {
      const res = await find({ name });
      expect(res, name).toEqual([expect.objectContaining({ id: c1, code: 'C000001', reason: 'name', archived: false })]);
    }
    const abc = await ok(core, 'customers.save', { name: 'ABC科技有限公司' });
    expect(ids(await find({ name: 'ＡＢＣ科技公司' }))).toEqual([abc.id]);
    expect(ids(await find({ name: 'abc 科技' }))).toEqual([abc.id]);
    expect(await find({ name: '北京华众' })).toEqual([]); // not the same name
  });

  it('matches the same phone typed with dashes or spaces, including contact phones', async () => {
    const c1 = s.customers.c1.id;
    for (const phone of ['01088886666', '010-8888-6666', '010 8888 6666', '(010)88886666']) {
      expect(await find({ phone }), phone).toEqual([expect.objectContaining({ id: c1, reason: 'phone' })]);
    }
    expect(await find({ phone: '139-1111-2222' })).toEqual([expect.objectContaining({ id: c1, reason: 'phone' })]);
    expect(await find({ phone: '8888' })).toEqual([]); // too short to mean anything
  });

  it('reports each customer once, excludes the one being edited, and flags archived matches', async () => {
    const c1 = s.customers.c1.id;
    const both = await find({ name: '北京华众商贸', phone: '010-8888-6666' });
    expect(both).toEqual([expect.objectContaining({ id: c1, reason: 'name' })]);
    expect(await find({ name: '北京华众商贸', phone: '010-8888-6666', excludeId: c1 })).toEqual([]);
    await ok(core, 'customers.archive', { id: c1 });
    expect(await find({ name: '北京华众商贸' })).toEqual([expect.objectContaining({ id: c1, archived: true })]);
  });

  it('returns nothing for empty or one-character input', async () => {
    expect(await find({})).toEqual([]);
    expect(await find({ name: '张' })).toEqual([]);
    expect(await find({ name: '有限公司' })).toEqual([]);
  });
});
