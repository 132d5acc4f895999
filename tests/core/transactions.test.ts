// Every write that touches more than one row runs in one transaction: a failure at any point leaves nothing behind.
// Failures are real: SQLite triggers that RAISE(ABORT) on a chosen row (as a full disk or a constraint would),
// or a business check that only fails after earlier rows of the same call were already written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { addOperator, asOperator, digest, fail, makeCore, ok, seed, type Caller, type Seeded } from './helpers';

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

/** Makes SQLite abort the statement that writes a matching row; returns a remover. */
function sabotage(table: string, when: string, event: 'INSERT' | 'UPDATE' | 'DELETE' = 'INSERT'): () => void {
  const name = `sabotage_${table}_${event.toLowerCase()}`;
  core.ctx.db.exec(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END`);
  return () => core.ctx.db.exec(`DROP TRIGGER ${name}`);
}

async function expectRolledBack(method: string, input: unknown, expectedCode = 'CONFLICT', caller: Caller = core) {
  const before = digest(core.ctx.db);
  const err = await fail(caller, method, input);
  expect(err.code).toBe(expectedCode);
  expect(err.code).not.toBe('INTERNAL');
  expect(core.ctx.db.inTransaction).toBe(false);
  expect(digest(core.ctx.db)).toBe(before);
  return err;
}

describe('customers.save is all-or-nothing', () => {
  it('a new customer whose third contact fails to insert leaves no customer, contact, tag or audit row', async () => {
    sabotage('contacts', "NEW.name = '丙'");
    const err = await expectRolledBack('customers.save', {
      name: '事务客户',
      tags: ['甲标签', '乙标签'],
      contacts: [{ name: '甲' }, { name: '乙' }, { name: '丙' }],
    });
    // the database's own words stay in the log; the clerk reads a sentence
    expect(err.message).toBe('数据不符合规则，未保存任何更改');
    expect(err.message).not.toContain('模拟写入失败');
    expect(core.ctx.db.prepare("select count(*) from customers where name = '事务客户'").pluck().get()).toBe(0);
    // the autoincrement counter and the next code were not consumed either
    expect((await ok(core, 'customers.save', { name: '下一位' })).code).toBe('C000005');
  });

  it('an edit whose new contact fails keeps the old record, its contacts and tags', async () => {
    const id = s.customers.c1.id;
    const original = await ok(core, 'customers.get', { id });
    sabotage('contacts', "NEW.name = '新人'");
    await expectRolledBack('customers.save', {
      id,
      name: '改了名的华众',
      tags: ['换掉'],
      contacts: [{ name: '新人' }], // drops 刘洋 first, then fails inserting 新人
    });
    expect(await ok(core, 'customers.get', { id })).toEqual(original);
  });

  it('a failing tag insert undoes the customer row and its contacts', async () => {
    sabotage('customer_tags', "NEW.tag = '坏标签'");
    await expectRolledBack('customers.save', { name: '标签客户', tags: ['好标签', '坏标签'], contacts: [{ name: '甲' }] });
  });

  it('a failing audit insert undoes the change it describes', async () => {
    sabotage('audit_log', "NEW.entity = 'customer'");
    await expectRolledBack('customers.save', { name: '无审计不落库', contacts: [{ name: '甲' }] });
    await expectRolledBack('customers.save', { id: s.customers.c2.id, name: '南京鼓楼便利店（改）' });
    await expectRolledBack('customers.archive', { id: s.customers.c2.id });
  });

  it('a contact id of another customer is only detected after the customer row was written, and is still undone', async () => {
    const foreign = (await ok(core, 'customers.get', { id: s.customers.c1.id })).contacts[0]!.id;
    // create: the customers row is inserted before writeContacts rejects the foreign id
    await expectRolledBack('customers.save', { name: '新客户', contacts: [{ id: foreign, name: '冒名' }] }, 'REFERENCE');
    // update: the customers row is updated before the same rejection
    await expectRolledBack(
      'customers.save',
      { id: s.customers.c3.id, name: '张记（改）', creditLimitFen: 999, contacts: [{ id: foreign, name: '冒名' }] },
      'REFERENCE',
    );
  });

  it('the connection is usable after a rolled-back call', async () => {
    const remove = sabotage('contacts', "NEW.name = '丙'");
    await expectRolledBack('customers.save', { name: '事务客户', contacts: [{ name: '丙' }] });
    remove();
    const c = await ok(core, 'customers.save', { name: '事务客户', contacts: [{ name: '丙' }] });
    expect((await ok(core, 'customers.get', { id: c.id })).contacts.map((k) => k.name)).toEqual(['丙']);
  });
});

describe('other multi-row writes', () => {
  it('moving a region subtree: if the last update fails, no descendant path or level has moved', async () => {
    const { jiangsu, north } = s.regions;
    const paths = () => core.ctx.db.prepare('select id, path, level, parent_id from regions order by id').all();
    const before = paths();
    // the subtree re-rooting runs first; the region's own parent_id update comes last and fails
    sabotage('regions', `OLD.id = ${jiangsu.id} AND NEW.parent_id IS NOT OLD.parent_id`, 'UPDATE');
    await expectRolledBack('regions.save', { id: jiangsu.id, name: '江苏省', parentId: north.id });
    expect(paths()).toEqual(before);
  });

  it('reps.save: a failing region link leaves no rep and no links', async () => {
    sabotage('rep_regions', `NEW.region_id = ${s.regions.beijing.id}`);
    await expectRolledBack('reps.save', { name: '新业务员', regionIds: [s.regions.east.id, s.regions.beijing.id] });
    expect((await ok(core, 'reps.save', { name: '再来一位' })).code).toBe('R004');
  });

  it('reps.save edit: old region links survive a failed relink', async () => {
    const li = s.reps.li.id;
    sabotage('rep_regions', `NEW.region_id = ${s.regions.beijing.id}`);
    await expectRolledBack('reps.save', { id: li, name: '李娜', regionIds: [s.regions.beijing.id] });
    const row = (await ok(core, 'reps.list', {})).rows.find((r) => r.id === li)!;
    expect(row.regionIds.sort()).toEqual([s.regions.jiangsu.id, s.regions.nanjing.id].sort());
  });

  it('regions.delete: a failing delete keeps the reps’ links to the region', async () => {
    const { east } = s.regions;
    const leaf = await ok(core, 'regions.save', { name: '空片区', parentId: s.regions.nanjing.id });
    await ok(core, 'reps.save', { id: s.reps.boss.id, name: '王强', regionIds: [east.id, leaf.id] });
    sabotage('regions', `OLD.id = ${leaf.id}`, 'DELETE');
    await expectRolledBack('regions.delete', { id: leaf.id });
  });

  it('settings.save: two settings and an audit row, all or none', async () => {
    sabotage('audit_log', "NEW.entity = 'settings'");
    // the company name is the admin's to change
    addOperator(core, { name: '测试管理员', role: 'admin', password: 'admin-pw' });
    const admin = await asOperator(core, '测试管理员', 'admin-pw');
    await expectRolledBack('settings.save', { companyName: '新公司名', locale: 'en' }, 'CONFLICT', admin);
    expect(await ok(core, 'settings.get', {})).toMatchObject({ companyName: '', locale: 'zh-CN' });
  });

  it('settings.initialize without demo data: all or none', async () => {
    sabotage('audit_log', "NEW.action = 'initialize'");
    await expectRolledBack('settings.initialize', { companyName: '测试公司', admin: { name: '老板', password: 'boss-pw' } });
    expect((await ok(core, 'settings.get', {})).initialized).toBe(false);
  });
});
