import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegionNode } from '../../shared/contract';
import type { Core } from '../../electron/core/core';
import { digest, fail, makeCore, ok } from './helpers';

let core: Core;
beforeEach(() => {
  core = makeCore();
});
afterEach(() => core.close());

function flatten(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

function paths(): Record<string, { path: string; level: number; parentId: number | null }> {
  const rows = core.ctx.db.prepare('select name, path, level, parent_id as parentId from regions').all() as Array<{
    name: string;
    path: string;
    level: number;
    parentId: number | null;
  }>;
  return Object.fromEntries(rows.map((r) => [r.name, { path: r.path, level: r.level, parentId: r.parentId }]));
}

async function fourLevels() {
  const east = await ok(core, 'regions.save', { name: '华东', code: 'HD' });
  const js = await ok(core, 'regions.save', { name: '江苏省', parentId: east.id });
  const nj = await ok(core, 'regions.save', { name: '南京市', parentId: js.id });
  const gl = await ok(core, 'regions.save', { name: '鼓楼片区', parentId: nj.id });
  return { east, js, nj, gl };
}

describe('regions: a four-level tree', () => {
  it('builds 大区 › 省 › 市 › 片区 with levels, materialised paths and pinyin initials', async () => {
    const { east, js, nj, gl } = await fourLevels();
    expect(east.code).toBe('HD');
    const tree = await ok(core, 'regions.tree', {});
    expect(tree).toHaveLength(1);
    const [root] = tree;
    expect(root).toMatchObject({ id: east.id, parentId: null, name: '华东', code: 'HD', level: 1, initials: 'hd' });
    expect(root!.children[0]).toMatchObject({ id: js.id, parentId: east.id, level: 2, initials: 'jss', pinyin: 'jiangsusheng' });
    expect(root!.children[0]!.children[0]).toMatchObject({ id: nj.id, level: 3 });
    expect(root!.children[0]!.children[0]!.children[0]).toMatchObject({ id: gl.id, level: 4, children: [] });
    expect(paths()).toEqual({
      华东: { path: `/${east.id}/`, level: 1, parentId: null },
      江苏省: { path: `/${east.id}/${js.id}/`, level: 2, parentId: east.id },
      南京市: { path: `/${east.id}/${js.id}/${nj.id}/`, level: 3, parentId: js.id },
      鼓楼片区: { path: `/${east.id}/${js.id}/${nj.id}/${gl.id}/`, level: 4, parentId: nj.id },
    });
  });

  it('refuses a fifth level with a VALIDATION error on parentId, leaving the database unchanged', async () => {
    const { gl } = await fourLevels();
    const before = digest(core.ctx.db);
    const err = await fail(core, 'regions.save', { name: '第五级', parentId: gl.id });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
    expect(err.message).toContain('上级区域');
    expect(err.message).toContain('4');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('orders siblings by sortOrder, then name', async () => {
    await ok(core, 'regions.save', { name: '华南', sortOrder: 2 });
    await ok(core, 'regions.save', { name: '华北', sortOrder: 1 });
    await ok(core, 'regions.save', { name: '东北', sortOrder: 2 });
    const tree = await ok(core, 'regions.tree', {});
    expect(tree.map((n) => n.name)).toEqual(['华北', '东北', '华南']);
  });

  it('rolls active customer counts up to every ancestor (archived customers do not count)', async () => {
    const { east, js, nj, gl } = await fourLevels();
    await ok(core, 'customers.save', { name: '甲', regionId: gl.id });
    await ok(core, 'customers.save', { name: '乙', regionId: nj.id });
    const archived = await ok(core, 'customers.save', { name: '丙', regionId: gl.id });
    await ok(core, 'customers.archive', { id: archived.id });
    const byId = new Map(flatten(await ok(core, 'regions.tree', {})).map((n) => [n.id, n.customerCount]));
    expect(byId.get(gl.id)).toBe(1);
    expect(byId.get(nj.id)).toBe(2);
    expect(byId.get(js.id)).toBe(2);
    expect(byId.get(east.id)).toBe(2);
  });

  it('rejects a dangling parentId with REFERENCE', async () => {
    const err = await fail(core, 'regions.save', { name: '孤儿', parentId: 999 });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'parentId' });
    expect(err.message).toContain('上级区域');
  });

  it('reports NOT_FOUND when updating a region that does not exist', async () => {
    const err = await fail(core, 'regions.save', { id: 999, name: '无' });
    expect(err).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('regions: sibling names', () => {
  it('rejects a duplicate name under the same parent (also at the root), allows it elsewhere', async () => {
    const { east, js } = await fourLevels();
    const north = await ok(core, 'regions.save', { name: '华北' });
    const before = digest(core.ctx.db);

    const root = await fail(core, 'regions.save', { name: '华东' });
    expect(root).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(root.message).toContain('华东');
    const child = await fail(core, 'regions.save', { name: ' 江苏省 ', parentId: east.id }); // trimmed first
    expect(child).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(digest(core.ctx.db)).toBe(before);

    await ok(core, 'regions.save', { name: '江苏省', parentId: north.id }); // a different parent is fine
    // renaming onto a sibling's name conflicts; keeping one's own name does not
    const renamed = await fail(core, 'regions.save', { id: north.id, name: '华东' });
    expect(renamed.code).toBe('CONFLICT');
    await ok(core, 'regions.save', { id: js.id, name: '江苏省', parentId: east.id, sortOrder: 5 });
  });
});

describe('regions: moving a subtree', () => {
  it('moves a region with its descendants: paths and levels follow', async () => {
    const { east, js, nj, gl } = await fourLevels();
    const north = await ok(core, 'regions.save', { name: '华北' });

    await ok(core, 'regions.save', { id: js.id, name: '江苏省', parentId: north.id });
    let p = paths();
    expect(p['江苏省']).toEqual({ path: `/${north.id}/${js.id}/`, level: 2, parentId: north.id });
    expect(p['南京市']).toEqual({ path: `/${north.id}/${js.id}/${nj.id}/`, level: 3, parentId: js.id });
    expect(p['鼓楼片区']).toEqual({ path: `/${north.id}/${js.id}/${nj.id}/${gl.id}/`, level: 4, parentId: nj.id });
    expect(p['华东']).toEqual({ path: `/${east.id}/`, level: 1, parentId: null });

    // up to the root: two levels shallower
    await ok(core, 'regions.save', { id: nj.id, name: '南京市', parentId: null });
    p = paths();
    expect(p['南京市']).toEqual({ path: `/${nj.id}/`, level: 1, parentId: null });
    expect(p['鼓楼片区']).toEqual({ path: `/${nj.id}/${gl.id}/`, level: 2, parentId: nj.id });
    expect(p['江苏省']!.level).toBe(2);

    // and deeper again
    await ok(core, 'regions.save', { id: nj.id, name: '南京市', parentId: east.id });
    p = paths();
    expect(p['南京市']).toEqual({ path: `/${east.id}/${nj.id}/`, level: 2, parentId: east.id });
    expect(p['鼓楼片区']).toEqual({ path: `/${east.id}/${nj.id}/${gl.id}/`, level: 3, parentId: nj.id });

    const tree = await ok(core, 'regions.tree', {});
    const eastNode = tree.find((n) => n.id === east.id)!;
    expect(eastNode.children.map((c) => c.name)).toEqual(['南京市']);
    expect(eastNode.children[0]!.children.map((c) => c.name)).toEqual(['鼓楼片区']);
  });

  it('keeps customer filters on the moved subtree working', async () => {
    const { js, gl } = await fourLevels();
    const north = await ok(core, 'regions.save', { name: '华北' });
    const c = await ok(core, 'customers.save', { name: '鼓楼客户', regionId: gl.id });
    await ok(core, 'regions.save', { id: js.id, name: '江苏省', parentId: north.id });
    const list = await ok(core, 'customers.list', { regionId: north.id });
    expect(list.rows.map((r) => r.id)).toEqual([c.id]);
    const detail = await ok(core, 'customers.get', { id: c.id });
    expect(detail.regionPath).toEqual(['华北', '江苏省', '南京市', '鼓楼片区']);
  });

  it('cannot move a region under itself or under one of its descendants', async () => {
    const { east, js, gl } = await fourLevels();
    const before = digest(core.ctx.db);
    for (const parentId of [js.id, gl.id]) {
      const err = await fail(core, 'regions.save', { id: js.id, name: '江苏省', parentId });
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
      expect(err.message).toContain('上级区域');
    }
    const rootUnderLeaf = await fail(core, 'regions.save', { id: east.id, name: '华东', parentId: gl.id });
    expect(rootUnderLeaf.field).toBe('parentId');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('cannot move a subtree where its deepest region would go beyond level 4', async () => {
    const { nj } = await fourLevels();
    const north = await ok(core, 'regions.save', { name: '华北' });
    await ok(core, 'regions.save', { name: '北京市', parentId: north.id });
    const before = digest(core.ctx.db);
    // 华北 (2 levels deep) under 南京市 (level 3) would put 北京市 at level 5
    const err = await fail(core, 'regions.save', { id: north.id, name: '华北', parentId: nj.id });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'parentId' });
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('writes an audit row with before and after for a move', async () => {
    const { js } = await fourLevels();
    const north = await ok(core, 'regions.save', { name: '华北' });
    await ok(core, 'regions.save', { id: js.id, name: '江苏', parentId: north.id });
    const audit = await ok(core, 'audit.list', { entity: 'region', entityId: js.id });
    expect(audit.rows.map((r) => r.action)).toEqual(['update', 'create']);
    expect(audit.rows[0]!.before).toMatchObject({ name: '江苏省', level: 2 });
    expect(audit.rows[0]!.after).toMatchObject({ name: '江苏', parentId: north.id, path: `/${north.id}/${js.id}/` });
  });
});

describe('regions: delete', () => {
  it('deletes a leaf region and records it in the audit log', async () => {
    const { nj, gl } = await fourLevels();
    expect(await ok(core, 'regions.delete', { id: gl.id })).toEqual({ id: gl.id });
    const names = flatten(await ok(core, 'regions.tree', {})).map((n) => n.name);
    expect(names).not.toContain('鼓楼片区');
    expect(names).toContain('南京市');
    const audit = await ok(core, 'audit.list', { entity: 'region', entityId: gl.id });
    expect(audit.rows[0]).toMatchObject({ action: 'delete', before: { name: '鼓楼片区', parentId: nj.id }, after: null });
  });

  it('refuses to delete a region that has child regions', async () => {
    const { nj } = await fourLevels();
    const before = digest(core.ctx.db);
    const err = await fail(core, 'regions.delete', { id: nj.id });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(err.message).toContain('下级区域');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('refuses to delete a region that still has customers, archived ones included', async () => {
    const { gl } = await fourLevels();
    const c = await ok(core, 'customers.save', { name: '鼓楼客户', regionId: gl.id });
    await ok(core, 'customers.archive', { id: c.id });
    const before = digest(core.ctx.db);
    const err = await fail(core, 'regions.delete', { id: gl.id });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(err.message).toContain('客户');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('unlinks a deleted region from the reps responsible for it', async () => {
    const { nj, gl } = await fourLevels();
    const rep = await ok(core, 'reps.save', { name: '李娜', regionIds: [nj.id, gl.id] });
    await ok(core, 'regions.delete', { id: gl.id });
    const reps = await ok(core, 'reps.list', {});
    expect(reps.rows.find((r) => r.id === rep.id)!.regionIds).toEqual([nj.id]);
  });

  it('reports NOT_FOUND for a region that does not exist', async () => {
    const err = await fail(core, 'regions.delete', { id: 4242 });
    expect(err).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(err.message).toContain('4242');
  });
});

describe('regions used by a dealer territory', () => {
  it('cannot be deleted, and the message says why', async () => {
    const { gl } = await fourLevels();
    await ok(core, 'dealers.save', { name: '南京恒信商贸有限公司', territoryRegionIds: [gl.id] });
    const before = digest(core.ctx.db);
    const err = await fail(core, 'regions.delete', { id: gl.id });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('1 个经销商的授权区域');
    expect(digest(core.ctx.db)).toBe(before);
  });
});
