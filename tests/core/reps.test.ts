import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { digest, fail, makeCore, ok } from './helpers';

let core: Core;
beforeEach(() => {
  core = makeCore();
});
afterEach(() => core.close());

describe('teams', () => {
  it('creates, renames and lists teams with their active rep count', async () => {
    const a = await ok(core, 'teams.save', { name: '一组' });
    const b = await ok(core, 'teams.save', { name: '二组' });
    await ok(core, 'teams.save', { id: b.id, name: '直营组' });
    await ok(core, 'reps.save', { name: '王强', teamId: a.id });
    await ok(core, 'reps.save', { name: '李娜', teamId: a.id });
    await ok(core, 'reps.save', { name: '赵磊', teamId: a.id, active: false });
    const teams = await ok(core, 'teams.list', {});
    expect(teams).toEqual(
      expect.arrayContaining([
        { id: a.id, name: '一组', repCount: 2 },
        { id: b.id, name: '直营组', repCount: 0 },
      ]),
    );
    expect(teams).toHaveLength(2);
  });

  it('rejects a duplicate team name and an unknown team id', async () => {
    const a = await ok(core, 'teams.save', { name: '一组' });
    await ok(core, 'teams.save', { name: '二组' });
    const before = digest(core.ctx.db);
    expect(await fail(core, 'teams.save', { name: '一组' })).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await fail(core, 'teams.save', { id: a.id, name: '二组' })).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await fail(core, 'teams.save', { id: 99, name: '三组' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(digest(core.ctx.db)).toBe(before);
    await ok(core, 'teams.save', { id: a.id, name: '一组' }); // keeping its own name is fine
  });
});

describe('reps: save', () => {
  it('numbers reps R001, R002… and keeps the code on edit', async () => {
    const a = await ok(core, 'reps.save', { name: '王强' });
    const b = await ok(core, 'reps.save', { name: '李娜' });
    expect([a.code, b.code]).toEqual(['R001', 'R002']);
    const custom = await ok(core, 'reps.save', { name: '赵磊', code: 'R010' });
    expect(custom.code).toBe('R010');
    expect((await ok(core, 'reps.save', { name: '钱七' })).code).toBe('R011'); // continues after the highest
    const edited = await ok(core, 'reps.save', { id: a.id, name: '王强强', phone: '13800001111' });
    expect(edited).toEqual({ id: a.id, code: 'R001' });
    const row = (await ok(core, 'reps.list', { search: '王强强' })).rows[0]!;
    expect(row).toMatchObject({ code: 'R001', name: '王强强', phone: '13800001111' });
  });

  it('rejects a code already used by another rep', async () => {
    await ok(core, 'reps.save', { name: '王强' });
    const b = await ok(core, 'reps.save', { name: '李娜' });
    const err = await fail(core, 'reps.save', { id: b.id, name: '李娜', code: 'R001' });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(err.message).toContain('R001');
  });

  it('stores team, supervisor, hire date and responsible regions', async () => {
    const team = await ok(core, 'teams.save', { name: '一组' });
    const east = await ok(core, 'regions.save', { name: '华东' });
    const js = await ok(core, 'regions.save', { name: '江苏省', parentId: east.id });
    const boss = await ok(core, 'reps.save', { name: '王强', teamId: team.id });
    const li = await ok(core, 'reps.save', {
      name: '李娜',
      teamId: team.id,
      supervisorId: boss.id,
      regionIds: [east.id, js.id, east.id], // duplicates collapse
      hireDate: '2024-02-29',
    });
    const row = (await ok(core, 'reps.list', {})).rows.find((r) => r.id === li.id)!;
    expect(row).toMatchObject({
      teamId: team.id,
      teamName: '一组',
      supervisorId: boss.id,
      supervisorName: '王强',
      hireDate: '2024-02-29',
      active: true,
      regionIds: [east.id, js.id],
      pinyin: 'lina',
      initials: 'ln',
      customerCount: 0,
    });
    expect([...row.regionNames].sort()).toEqual(['华东', '江苏省'].sort());

    // editing replaces the region set
    await ok(core, 'reps.save', { id: li.id, name: '李娜', regionIds: [js.id] });
    const after = (await ok(core, 'reps.list', {})).rows.find((r) => r.id === li.id)!;
    expect(after).toMatchObject({ regionIds: [js.id], teamId: null, supervisorId: null });
  });

  it('rejects dangling team, supervisor and region references with REFERENCE naming the field', async () => {
    const boss = await ok(core, 'reps.save', { name: '王强' });
    const before = digest(core.ctx.db);
    const team = await fail(core, 'reps.save', { name: '李娜', teamId: 77 });
    expect(team).toMatchObject({ code: 'REFERENCE', field: 'teamId' });
    expect(team.message).toContain('团队');
    const sup = await fail(core, 'reps.save', { name: '李娜', supervisorId: 77 });
    expect(sup).toMatchObject({ code: 'REFERENCE', field: 'supervisorId' });
    expect(sup.message).toContain('主管');
    const region = await fail(core, 'reps.save', { name: '李娜', regionIds: [77] });
    expect(region).toMatchObject({ code: 'REFERENCE', field: 'regionIds.0' });
    expect(region.message).toContain('区域');
    const self = await fail(core, 'reps.save', { id: boss.id, name: '王强', supervisorId: boss.id });
    expect(self).toMatchObject({ code: 'VALIDATION', field: 'supervisorId' });
    expect(await fail(core, 'reps.save', { id: 99, name: '无' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('refuses a supervisor chain that loops back (A › B › C › A)', async () => {
    const a = await ok(core, 'reps.save', { name: '甲' });
    const b = await ok(core, 'reps.save', { name: '乙', supervisorId: a.id });
    const c = await ok(core, 'reps.save', { name: '丙', supervisorId: b.id });
    const before = digest(core.ctx.db);
    for (const sub of [b, c]) {
      const err = await fail(core, 'reps.save', { id: a.id, name: '甲', supervisorId: sub.id });
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'supervisorId' });
      expect(err.message).toContain('主管');
    }
    expect(digest(core.ctx.db)).toBe(before);
    // moving someone sideways is fine
    await ok(core, 'reps.save', { id: c.id, name: '丙', supervisorId: a.id });
  });

  it.each(['2024-13-01', '2023-02-29', '2024-04-31', '2024-00-10', '0000-01-01', '2024-1-1', '2024/01/01'])(
    'rejects the hire date %s',
    async (hireDate) => {
      const err = await fail(core, 'reps.save', { name: '王强', hireDate });
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'hireDate' });
      expect(err.message).toContain('入职日期');
    },
  );

  it('audits create and update with before/after', async () => {
    const a = await ok(core, 'reps.save', { name: '王强' });
    await ok(core, 'reps.save', { id: a.id, name: '王刚' });
    const audit = await ok(core, 'audit.list', { entity: 'rep', entityId: a.id });
    expect(audit.rows.map((r) => r.action)).toEqual(['update', 'create']);
    expect(audit.rows[0]!.before).toMatchObject({ name: '王强', code: 'R001' });
    expect(audit.rows[0]!.after).toMatchObject({ name: '王刚', code: 'R001' });
    expect(audit.rows[1]!.before).toBeNull();
  });
});

describe('reps: list', () => {
  async function crew() {
    const t1 = await ok(core, 'teams.save', { name: '一组' });
    const t2 = await ok(core, 'teams.save', { name: '二组' });
    const wang = await ok(core, 'reps.save', { name: '王强', teamId: t1.id, phone: '139-0000-1234', hireDate: '2021-05-01' });
    const li = await ok(core, 'reps.save', { name: '李娜', teamId: t1.id, hireDate: '2019-03-01' });
    const zhao = await ok(core, 'reps.save', { name: '赵磊', teamId: t2.id, active: false, hireDate: '2022-01-01' });
    const an = await ok(core, 'reps.save', { name: '安然', teamId: t2.id, hireDate: '2020-07-01' });
    await ok(core, 'customers.save', { name: '甲客户', repId: li.id });
    await ok(core, 'customers.save', { name: '乙客户', repId: li.id });
    await ok(core, 'customers.save', { name: '丙客户', repId: an.id });
    return { t1, t2, wang, li, zhao, an };
  }

  it('hides inactive reps unless asked', async () => {
    const { zhao } = await crew();
    const active = await ok(core, 'reps.list', {});
    expect(active.total).toBe(3);
    expect(active.rows.map((r) => r.id)).not.toContain(zhao.id);
    const all = await ok(core, 'reps.list', { includeInactive: true });
    expect(all.total).toBe(4);
    expect(all.rows.find((r) => r.id === zhao.id)!.active).toBe(false);
    expect(all.rows.at(-1)!.id).toBe(zhao.id); // inactive reps come last by default
  });

  it('searches by name, pinyin initials, full pinyin, code and phone', async () => {
    const { wang, li, an } = await crew();
    const find = async (search: string) => (await ok(core, 'reps.list', { search, includeInactive: true })).rows.map((r) => r.id);
    expect(await find('李娜')).toEqual([li.id]);
    expect(await find('ln')).toEqual([li.id]);
    expect(await find('LN')).toEqual([li.id]);
    expect(await find('wangqiang')).toEqual([wang.id]);
    expect(await find('anr')).toEqual([an.id]);
    expect(await find('r002')).toEqual([li.id]);
    expect(await find('1234')).toEqual([wang.id]);
    expect(await find('%')).toEqual([]);
    expect(await find('_')).toEqual([]);
  });

  it('filters by team and pages with a total', async () => {
    const { t1, t2, wang, li, an } = await crew();
    expect((await ok(core, 'reps.list', { teamId: t1.id })).rows.map((r) => r.id).sort()).toEqual([wang.id, li.id].sort());
    expect((await ok(core, 'reps.list', { teamId: t2.id })).rows.map((r) => r.id)).toEqual([an.id]);
    const p1 = await ok(core, 'reps.list', { pageSize: 2, page: 1, includeInactive: true });
    const p2 = await ok(core, 'reps.list', { pageSize: 2, page: 2, includeInactive: true });
    const p3 = await ok(core, 'reps.list', { pageSize: 2, page: 3, includeInactive: true });
    expect([p1.total, p2.total, p3.total]).toEqual([4, 4, 4]);
    expect([p1.rows.length, p2.rows.length, p3.rows.length]).toEqual([2, 2, 0]);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(4);
  });

  it('sorts by name (pinyin), hire date, customer count and code in both directions', async () => {
    const { wang, li, zhao, an } = await crew();
    const sorted = async (field: 'code' | 'name' | 'teamName' | 'hireDate' | 'customerCount', order: 'asc' | 'desc') =>
      (await ok(core, 'reps.list', { includeInactive: true, sort: { field, order } })).rows.map((r) => r.id);
    expect(await sorted('name', 'asc')).toEqual([an.id, li.id, wang.id, zhao.id]); // an < li < wang < zhao
    expect(await sorted('hireDate', 'asc')).toEqual([li.id, an.id, wang.id, zhao.id]);
    expect(await sorted('code', 'desc')).toEqual([an.id, zhao.id, li.id, wang.id]);
    const byCount = (await ok(core, 'reps.list', { includeInactive: true, sort: { field: 'customerCount', order: 'desc' } })).rows;
    expect(byCount.map((r) => r.customerCount)).toEqual([2, 1, 0, 0]);
    expect(byCount[0]!.id).toBe(li.id);
    const byTeam = (await ok(core, 'reps.list', { includeInactive: true, sort: { field: 'teamName', order: 'asc' } })).rows;
    expect(byTeam.map((r) => r.teamName)).toEqual([...byTeam.map((r) => r.teamName)].sort());
  });
});
