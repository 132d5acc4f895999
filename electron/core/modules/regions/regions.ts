// 区域: a four-level tree (大区 › 省 › 市 › 片区) with a materialised path for subtree filters.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput, RegionNode } from '../../../../shared/contract';
import { MAX_REGION_LEVEL } from '../../../../shared/domain/region';
import { DomainError, danglingRef, notFound } from '../../errors';
import { assemblePathTree, moveSubtree } from '../../db/tree';
import { pinyinFull, pinyinInitials } from '../../text';
import { recordAudit } from '../audit/audit';
import { regionPathsOf } from './paths';

interface RegionRow {
  id: number;
  parentId: number | null;
  name: string;
  code: string;
  level: number;
  path: string;
  sortOrder: number;
  initials: string;
}

const selectRegion = 'select id, parent_id as parentId, name, code, level, path, sort_order as sortOrder, initials from regions';

export function getRegion(ctx: Ctx, id: number): RegionRow | undefined {
  return ctx.db.prepare(`${selectRegion} where id = ?`).get(id) as RegionRow | undefined;
}

export function regionTree(ctx: Ctx): Output<'regions.tree'> {
  const rows = ctx.db.prepare(`${selectRegion} order by level, sort_order, name`).all() as RegionRow[];
  // customers counted on their own region, then rolled up to ancestors
  const direct = new Map<number, number>(
    (
      ctx.db
        .prepare('select region_id as id, count(*) as n from customers where archived = 0 and region_id is not null group by region_id')
        .all() as Array<{
        id: number;
        n: number;
      }>
    ).map((r) => [r.id, r.n]),
  );
  return assemblePathTree(
    rows,
    (r): RegionNode => ({
      id: r.id,
      parentId: r.parentId,
      name: r.name,
      code: r.code,
      level: r.level,
      sortOrder: r.sortOrder,
      initials: r.initials,
      pinyin: pinyinFull(r.name),
      customerCount: 0,
      children: [],
    }),
    direct,
    (node, n) => (node.customerCount += n),
  );
}

/** Ids of a region and everything below it. */
export function regionSubtreeIds(ctx: Ctx, id: number): number[] {
  const region = getRegion(ctx, id);
  if (!region) return [];
  return (ctx.db.prepare('select id from regions where path like ?').all(`${region.path}%`) as Array<{ id: number }>).map((r) => r.id);
}

/** "华东 › 江苏省 › 南京市" for a region id. */
export function regionPathNames(ctx: Ctx, id: number | null): string[] {
  return id === null ? [] : (regionPathsOf(ctx, [id]).get(id) ?? []);
}

export function assertRegionExists(ctx: Ctx, id: number, field = 'regionId'): void {
  if (!getRegion(ctx, id)) throw danglingRef('区域', field, id);
}

export function saveRegion(ctx: Ctx, input: ParsedInput<'regions.save'>): Output<'regions.save'> {
  return ctx.db.transaction(() => {
    const parent = input.parentId === null ? null : getRegion(ctx, input.parentId);
    if (input.parentId !== null && !parent) throw danglingRef('上级区域', 'parentId', input.parentId);
    const level = parent ? parent.level + 1 : 1;
    if (level > MAX_REGION_LEVEL)
      throw new DomainError('VALIDATION', `上级区域：区域最多 ${MAX_REGION_LEVEL} 级（大区 › 省 › 市 › 片区）`, 'parentId');
    const sibling = ctx.db
      .prepare('select id from regions where coalesce(parent_id, 0) = ? and name = ? and id <> ?')
      .get(input.parentId ?? 0, input.name, input.id ?? 0) as { id: number } | undefined;
    if (sibling) throw new DomainError('CONFLICT', `名称：同一上级下已有区域「${input.name}」`, 'name');
    const now = nowIso(ctx);
    const initials = pinyinInitials(input.name);

    if (input.id === undefined) {
      const info = ctx.db
        .prepare(
          `insert into regions (parent_id, name, code, level, path, sort_order, initials, created_at, updated_at)
           values (?, ?, ?, ?, '', ?, ?, ?, ?)`,
        )
        .run(input.parentId, input.name, input.code, level, input.sortOrder, initials, now, now);
      const id = Number(info.lastInsertRowid);
      const path = `${parent ? parent.path : '/'}${id}/`;
      ctx.db.prepare('update regions set path = ? where id = ?').run(path, id);
      recordAudit(ctx, { action: 'create', entity: 'region', entityId: id, after: { ...input, level, path } });
      return { id, code: input.code };
    }

    const before = getRegion(ctx, input.id);
    if (!before) throw notFound('区域', input.id, 'id');
    moveSubtree(ctx.db, 'regions', before, parent ?? null, MAX_REGION_LEVEL, '区域');
    ctx.db
      .prepare('update regions set parent_id = ?, name = ?, code = ?, sort_order = ?, initials = ?, updated_at = ? where id = ?')
      .run(input.parentId, input.name, input.code, input.sortOrder, initials, now, input.id);
    recordAudit(ctx, { action: 'update', entity: 'region', entityId: input.id, before, after: getRegion(ctx, input.id) });
    return { id: input.id, code: input.code };
  })();
}

export function deleteRegion(ctx: Ctx, input: ParsedInput<'regions.delete'>): Output<'regions.delete'> {
  return ctx.db.transaction(() => {
    const region = getRegion(ctx, input.id);
    if (!region) throw notFound('区域', input.id, 'id');
    const child = ctx.db.prepare('select count(*) as n from regions where parent_id = ?').get(input.id) as { n: number };
    if (child.n > 0) throw new DomainError('CONFLICT', `区域「${region.name}」下还有 ${child.n} 个下级区域，不能删除`, 'id');
    const used = ctx.db.prepare('select count(*) as n from customers where region_id = ?').get(input.id) as { n: number };
    if (used.n > 0) throw new DomainError('CONFLICT', `区域「${region.name}」下还有 ${used.n} 个客户（含已归档），不能删除`, 'id');
    // read here, not through the dealers module, which itself reads regions (no import cycle)
    const dealers = (ctx.db.prepare('select count(*) as n from dealer_territories where region_id = ?').get(input.id) as { n: number }).n;
    if (dealers > 0) throw new DomainError('CONFLICT', `区域「${region.name}」是 ${dealers} 个经销商的授权区域，不能删除`, 'id');
    ctx.db.prepare('delete from rep_regions where region_id = ?').run(input.id);
    ctx.db.prepare('delete from regions where id = ?').run(input.id);
    recordAudit(ctx, { action: 'delete', entity: 'region', entityId: input.id, before: region });
    return { id: input.id };
  })();
}
