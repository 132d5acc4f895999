// The audit log names what a change points at (regions as paths, reps, teams, dealers, categories) as it was when the
// change was made, falls back to today's names for entries written before that, and reads in either language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import {
  auditActionLabels,
  auditEntityLabels,
  auditFieldLabels,
  auditOperatorLabel,
  describeAudit,
  systemOperatorLabels,
} from '../../shared/domain/audit';
import { makeCore, ok, seed, type Seeded } from './helpers';
import { xlsx } from './importFiles';

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

const latest = async (entity: string, entityId?: number) =>
  (await ok(core, 'audit.list', { entity, ...(entityId ? { entityId } : {}), pageSize: 1 })).rows[0]!;
/** The save input of a stored customer (the detail carries read-only fields the save refuses). */
async function customerInput(id: number) {
  const {
    regionPath: _p,
    repName: _r,
    dealerName: _d,
    mergedIntoId: _m,
    archived: _a,
    archivedAt: _aa,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = await ok(core, 'customers.get', { id });
  return rest;
}
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('names, not ids', () => {
  it('a customer moved to another region and rep reads with their names, and keeps them after a rename', async () => {
    const c2 = await customerInput(s.customers.c2.id);
    await ok(core, 'customers.save', { ...c2, regionId: s.regions.beijing.id, repId: s.reps.zhao.id });
    const entry = await latest('customer', c2.id);
    expect(describeAudit(entry, 'zh-CN')).toBe('所属区域：华东 › 江苏省 › 南京市 › 鼓楼片区 → 华北 › 北京市；业务员：李娜 → 赵磊');
    expect(describeAudit(entry, 'en')).toBe('Region: 华东 › 江苏省 › 南京市 › 鼓楼片区 → 华北 › 北京市; Sales rep: 李娜 → 赵磊');

    await ok(core, 'regions.save', { id: s.regions.north.id, name: '华北大区', code: 'HB' });
    const li = (await ok(core, 'reps.list', { includeInactive: true })).rows.find((r) => r.id === s.reps.li.id)!;
    const { id, code, phone, teamId, supervisorId, hireDate, active, regionIds } = li;
    await ok(core, 'reps.save', { id, code, name: '李娜娜', phone, teamId, supervisorId, hireDate, active, regionIds });
    expect(describeAudit(await latest('customer', c2.id), 'zh-CN')).toBe(
      '所属区域：华东 › 江苏省 › 南京市 › 鼓楼片区 → 华北 › 北京市；业务员：李娜 → 赵磊',
    );
  });

  it('a rep: team, supervisor and responsible regions by name', async () => {
    const li = (await ok(core, 'reps.list', { includeInactive: true })).rows.find((r) => r.id === s.reps.li.id)!;
    await ok(core, 'reps.save', {
      id: li.id,
      code: li.code,
      name: li.name,
      phone: li.phone,
      teamId: s.teams.teamB.id,
      supervisorId: null,
      hireDate: li.hireDate,
      active: true,
      regionIds: [s.regions.beijing.id],
    });
    const entry = await latest('rep', li.id);
    expect(describeAudit(entry, 'zh-CN')).toBe(
      '团队：一组 → 二组；主管：王强 → 空；负责区域：华东 › 江苏省、华东 › 江苏省 › 南京市 → 华北 › 北京市',
    );
    expect(describeAudit(entry, 'en')).toBe(
      'Team: 一组 → 二组; Supervisor: 王强 → (empty); Regions: 华东 › 江苏省, 华东 › 江苏省 › 南京市 → 华北 › 北京市',
    );
  });

  it('a new region names its parent by path; a product its category by path', async () => {
    await ok(core, 'regions.save', { name: '玄武片区', parentId: s.regions.nanjing.id });
    expect(describeAudit(await latest('region'), 'zh-CN')).toBe('上级：华东 › 江苏省 › 南京市；名称：玄武片区；层级：片区');
    const drinks = await ok(core, 'productCategories.save', { name: '饮料' });
    const tea = await ok(core, 'productCategories.save', { name: '茶饮', parentId: drinks.id });
    await ok(core, 'products.save', { sku: 'P-1', name: '乌龙茶', categoryId: tea.id, unit: '瓶', listPriceFen: 500 });
    expect(describeAudit(await latest('product'), 'zh-CN')).toBe(
      '产品编码：P-1；名称：乌龙茶；产品分类：饮料 › 茶饮；单位：瓶；标准售价：¥5.00；状态：在售',
    );
  });

  it('entries written before names were recorded show today’s names; a deleted record is said to be deleted', async () => {
    core.ctx.db
      .prepare('insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, ?, ?, ?, ?, ?, ?)')
      .run(
        '2024-01-01T00:00:00.000Z',
        '管理员',
        'create',
        'customer',
        9999,
        null,
        JSON.stringify({ name: '旧记录', regionId: s.regions.gulou.id, repId: s.reps.li.id, dealerId: 4242 }),
      );
    const entry = (await ok(core, 'audit.list', { entityId: 9999 })).rows[0]!;
    expect(describeAudit(entry, 'zh-CN')).toBe(
      '名称：旧记录；所属区域：华东 › 江苏省 › 南京市 › 鼓楼片区；业务员：李娜；服务经销商：已删除（编号 4242）',
    );
    expect(describeAudit(entry, 'en')).toBe(
      'Name: 旧记录; Region: 华东 › 江苏省 › 南京市 › 鼓楼片区; Sales rep: 李娜; Serving dealer: deleted (ID 4242)',
    );
  });

  it('a deleted region keeps its name in the entries that pointed at it', async () => {
    const c3 = await customerInput(s.customers.c3.id);
    const spare = await ok(core, 'regions.save', { name: '江宁片区', parentId: s.regions.nanjing.id });
    await ok(core, 'customers.save', { ...c3, regionId: spare.id });
    await ok(core, 'customers.save', { ...c3, regionId: s.regions.nanjing.id });
    await ok(core, 'regions.delete', { id: spare.id });
    const rows = (await ok(core, 'audit.list', { entity: 'customer', entityId: c3.id })).rows;
    expect(describeAudit(rows[0]!, 'zh-CN')).toBe('所属区域：华东 › 江苏省 › 南京市 › 江宁片区 → 华东 › 江苏省 › 南京市');
  });
});

describe('imports', () => {
  it('are found under 数据导入 and read as a sentence', async () => {
    await ok(core, 'import.commit', {
      entity: 'customers',
      fileName: '客户.xlsx',
      base64: xlsx([
        ['客户名称', '客户等级'],
        ['甲商店', 'A'],
        ['乙商店', 'B'],
      ]),
    });
    const list = await ok(core, 'audit.list', { entity: 'import' });
    expect(list.total).toBe(1);
    const entry = list.rows[0]!;
    expect(entry).toMatchObject({ action: 'import', entity: 'customers' });
    expect(describeAudit(entry, 'zh-CN')).toBe('从「客户.xlsx」读入 2 行：新增 2 行，更新 0 行，跳过 0 行，拒绝 0 行（跳过已有编码）');
    expect(describeAudit(entry, 'en')).toBe('2 rows from 客户.xlsx: 2 new, 0 updated, 0 skipped, 0 rejected (skip existing codes)');
  });
});

describe('English mode', () => {
  it('no Chinese word of the app’s own in any kind of entry (the data here is all Latin)', async () => {
    const fresh = makeCore();
    try {
      await ok(fresh, 'settings.initialize', { companyName: 'Acme Ltd', admin: { name: 'Boss', password: 'boss-pw' } });
      await ok(fresh, 'settings.save', { locale: 'en' });
      const east = await ok(fresh, 'regions.save', { name: 'East', code: 'E' });
      const city = await ok(fresh, 'regions.save', { name: 'Metro', parentId: east.id });
      const team = await ok(fresh, 'teams.save', { name: 'Team A' });
      const boss = await ok(fresh, 'reps.save', { name: 'Wang', teamId: team.id, regionIds: [east.id], hireDate: '2020-01-15' });
      const rep = await ok(fresh, 'reps.save', { name: 'Li', teamId: team.id, supervisorId: boss.id, regionIds: [city.id] });
      const dealer = await ok(fresh, 'dealers.save', {
        code: 'D1',
        name: 'Acme Distribution',
        channelType: 'agent',
        tier: 2,
        status: 'suspended',
        territoryRegionIds: [east.id],
        repId: rep.id,
        depositFen: 100,
      });
      const cat = await ok(fresh, 'productCategories.save', { name: 'Drinks' });
      await ok(fresh, 'products.save', { sku: 'P1', name: 'Tea', categoryId: cat.id, unit: 'box', listPriceFen: 500, active: false });
      const a = await ok(fresh, 'customers.save', {
        name: 'Acme Store',
        type: 'wholesale',
        scale: 'medium',
        source: 'referral',
        lifecycle: 'loyal',
        grade: 'A',
        regionId: city.id,
        repId: rep.id,
        dealerId: dealer.id,
        creditLimitFen: 100_000,
        tags: ['vip'],
        contacts: [{ name: 'Bob', phone: '13800001111', isPrimary: true }],
      });
      const b = await ok(fresh, 'customers.save', { name: 'Acme Store Two', type: 'retail' });
      const {
        regionPath: _p,
        repName: _r,
        dealerName: _d,
        mergedIntoId: _m,
        archived: _a,
        archivedAt: _aa,
        createdAt: _c,
        updatedAt: _u,
        ...got
      } = await ok(fresh, 'customers.get', { id: a.id });
      await ok(fresh, 'customers.save', { ...got, lifecycle: 'lost', scale: 'large', contacts: [] });
      await ok(fresh, 'strategyCards.save', { customerId: a.id, goals: 'Grow', actions: [{ dueDate: '2025-04-01', action: 'Visit' }] });
      await ok(fresh, 'monthlyEvaluations.save', {
        customerId: a.id,
        month: '2025-01',
        purchaseScore: 4,
        paymentScore: 3,
        cooperationScore: 5,
        potentialScore: 2,
        evaluator: 'Wang',
      });
      await ok(fresh, 'customers.archive', { id: b.id, archived: true });
      await ok(fresh, 'customers.archive', { id: b.id, archived: false });
      await ok(fresh, 'customers.merge', { survivorId: a.id, mergedId: b.id });
      await ok(fresh, 'import.commit', { entity: 'customers', fileName: 'list.xlsx', base64: xlsx([['客户名称'], ['Zeta Shop']]) });
      const spare = await ok(fresh, 'regions.save', { name: 'Spare', parentId: east.id });
      await ok(fresh, 'regions.delete', { id: spare.id });

      const { rows } = await ok(fresh, 'audit.list', { pageSize: 200 });
      expect(new Set(rows.map((r) => `${r.entity}/${r.action}`))).toEqual(
        new Set([
          'settings/initialize',
          'operator/create',
          'settings/update',
          'region/create',
          'region/delete',
          'team/create',
          'rep/create',
          'dealer/create',
          'productCategory/create',
          'product/create',
          'customer/create',
          'customer/update',
          'customer/archive',
          'customer/restore',
          'customer/merge',
          'strategyCard/create',
          'monthlyEvaluation/create',
          'customers/import',
        ]),
      );
      for (const r of rows) {
        const text = describeAudit(r, 'en');
        expect(text, `${r.entity}/${r.action}`).not.toMatch(CJK);
        expect(text, `${r.entity}/${r.action}`).not.toMatch(/\[object|undefined|NaN/);
        expect(text.length, `${r.entity}/${r.action}`).toBeGreaterThan(0);
      }
      const update = rows.find((r) => r.entity === 'customer' && r.action === 'update')!;
      expect(describeAudit(update, 'en')).toBe('Size: Medium → Large; Lifecycle: Loyal → Lost; contacts changed');
      expect(describeAudit(update, 'zh-CN')).toBe('规模：中型 → 大型；生命周期：忠诚 → 流失；联系人已变更');
      const archived = rows.find((r) => r.action === 'archive')!;
      expect(describeAudit(archived, 'en')).toBe('Status: Active → Archived');
      expect(describeAudit(archived, 'zh-CN')).toBe('状态：在用 → 已归档');
      const created = rows.find((r) => r.entity === 'dealer')!;
      expect(describeAudit(created, 'en')).toBe(
        'Code: D1; Name: Acme Distribution; Channel: Agent; Tier: Tier 2; Deposit: ¥1.00; Sales rep: Li; Status: Suspended; Territory: East',
      );
      const card = rows.find((r) => r.entity === 'strategyCard')!;
      expect(describeAudit(card, 'en')).toBe('Customer: Acme Store; Goals: Grow; Next actions: 2025-04-01 Visit');
      const merge = rows.find((r) => r.action === 'merge')!;
      // C000001 is the dealer's own trading account, made when it was saved
      expect(describeAudit(merge, 'en')).toBe(
        'Merged in “Acme Store Two” (C000003): moved 0 contacts, 0 tags, 0 strategy actions, 0 monthly evaluations',
      );
    } finally {
      fresh.close();
    }
  });

  it('every action, record type, field and system operator has an English word', () => {
    for (const table of [auditActionLabels, auditEntityLabels, auditFieldLabels, systemOperatorLabels]) {
      for (const [key, label] of Object.entries(table)) {
        expect(label.en, key).not.toMatch(CJK);
        expect(label.en.length, key).toBeGreaterThan(0);
      }
    }
    expect(auditOperatorLabel('系统', 'en')).toBe('System');
    expect(auditOperatorLabel('系统', 'zh-CN')).toBe('系统');
    expect(auditOperatorLabel('王会计', 'en')).toBe('王会计');
  });
});
