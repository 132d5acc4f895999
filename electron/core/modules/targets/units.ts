// The units a target is set for: unit_key ↔ the contract's unitId, their names, and the default units one level
// down from a target's unit (company → regions, region → its reps, rep → its customers …).
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { fieldLabels } from '../../../../shared/fieldLabels';
import { channelTypeLabels, channelTypes, type ChannelType } from '../../../../shared/domain/dealer';
import { settlementLabels, settlements, type Settlement } from '../../../../shared/domain/money';
import { targetLevelLabels, targetLevels, type TargetLevel } from '../../../../shared/domain/targets';

export type UnitId = number | Settlement | ChannelType;

/** Levels whose unit is a record (its id, as text, is the unit_key). */
const recordTables = {
  region: 'regions',
  team: 'teams',
  rep: 'reps',
  customer: 'customers',
  productCategory: 'product_categories',
  dealer: 'dealers',
} as const;
type RecordLevel = keyof typeof recordTables;
const isRecordLevel = (level: TargetLevel): level is RecordLevel => Object.hasOwn(recordTables, level);

/** The contract's unitId of a stored unit_key. */
export function unitIdOf(level: TargetLevel, unitKey: string): UnitId | null {
  if (level === 'company') return null;
  return isRecordLevel(level) ? Number(unitKey) : (unitKey as UnitId);
}

/** The unit_key of a level's unitId, checked: the record exists, the code is one of the level's codes. */
export function unitKeyOf(ctx: Ctx, level: TargetLevel, unitId: UnitId | undefined | null, field = 'unitId'): string {
  const label = targetLevelLabels[level].zh;
  const name = Object.hasOwn(fieldLabels, field) ? fieldLabels[field]! : '单位';
  if (level === 'company') {
    if (unitId !== undefined && unitId !== null) throw new DomainError('VALIDATION', `${name}：公司目标不选单位`, field);
    return '';
  }
  if (unitId === undefined || unitId === null) throw new DomainError('VALIDATION', `${name}：请选择${label}`, field);
  if (isRecordLevel(level)) {
    if (typeof unitId !== 'number') throw new DomainError('VALIDATION', `${name}：${label}应为编号`, field);
    const row = prepared(ctx.db, `select id from ${recordTables[level]} where id = ?`).get(unitId);
    if (!row) throw new DomainError('REFERENCE', `${name}：${label}不存在（编号 ${unitId}）`, field);
    return String(unitId);
  }
  const codes: readonly string[] = level === 'settlement' ? settlements : channelTypes;
  if (typeof unitId !== 'string' || !codes.includes(unitId))
    throw new DomainError('VALIDATION', `${name}：${label}应为 ${codes.join('、')} 之一`, field);
  return unitId;
}

/** Names of units of one level, by unit_key. */
export function unitNames(ctx: Ctx, level: TargetLevel, keys: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  if (level === 'company') {
    out.set('', targetLevelLabels.company.zh);
    return out;
  }
  if (level === 'settlement' || level === 'channelType') {
    const labels: Record<string, { zh: string }> = level === 'settlement' ? settlementLabels : channelTypeLabels;
    for (const k of keys) out.set(k, labels[k]?.zh ?? k);
    return out;
  }
  const ids = [...new Set(keys)].map(Number);
  if (ids.length === 0) return out;
  const rows = prepared(ctx.db, `select id, name from ${recordTables[level]} where id in (select value from json_each(?))`).all(
    JSON.stringify(ids),
  ) as Array<{ id: number; name: string }>;
  for (const r of rows) out.set(String(r.id), r.name);
  return out;
}

/** May a target of `child` level sit under one of `parent` level (split by unit)? A region under a region is its sub-region. */
export function isFinerLevel(parent: TargetLevel, child: TargetLevel): boolean {
  if (parent === 'region' && child === 'region') return true;
  if (parent === 'productCategory' && child === 'productCategory') return true;
  return targetLevels.indexOf(child) > targetLevels.indexOf(parent);
}

/** The level a unit split goes to when none is asked. */
export function defaultChildLevel(ctx: Ctx, level: TargetLevel, unitKey: string): TargetLevel | null {
  switch (level) {
    case 'company':
      return prepared(ctx.db, 'select 1 from regions limit 1').get() ? 'region' : 'rep';
    case 'region':
      return prepared(ctx.db, 'select 1 from regions where parent_id = ? limit 1').get(Number(unitKey)) ? 'region' : 'rep';
    case 'team':
      return 'rep';
    case 'rep':
      return 'customer';
    case 'customer':
    case 'dealer':
      return 'productCategory';
    case 'productCategory':
      return 'settlement';
    case 'settlement':
      return 'channelType';
    case 'channelType':
      return null;
  }
}

const regionSubtree = `select id from regions where path like (select path from regions where id = ?) || '%'`;
/** the active reps answerable for a parent unit */
function repsUnder(level: TargetLevel, key: string): { sql: string; params: unknown[] } | null {
  switch (level) {
    case 'company':
      return { sql: 'select id from reps where active = 1', params: [] };
    case 'region':
      return {
        sql: `select distinct rr.rep_id from rep_regions rr join reps r on r.id = rr.rep_id
              where r.active = 1 and rr.region_id in (${regionSubtree})`,
        params: [Number(key)],
      };
    case 'team':
      return { sql: 'select id from reps where active = 1 and team_id = ?', params: [Number(key)] };
    case 'rep':
      return { sql: 'select ? as id', params: [Number(key)] };
    default:
      return null;
  }
}
/** the customers (not archived) a parent unit covers */
function customersUnder(level: TargetLevel, key: string): { sql: string; params: unknown[] } | null {
  switch (level) {
    case 'company':
      return { sql: 'select id from customers where archived = 0', params: [] };
    case 'region':
      return { sql: `select id from customers where archived = 0 and region_id in (${regionSubtree})`, params: [Number(key)] };
    case 'team':
      return {
        sql: 'select c.id from customers c join reps r on r.id = c.rep_id where c.archived = 0 and r.team_id = ?',
        params: [Number(key)],
      };
    case 'rep':
      return { sql: 'select id from customers where archived = 0 and rep_id = ?', params: [Number(key)] };
    case 'customer':
      return { sql: 'select ? as id', params: [Number(key)] };
    default:
      return null;
  }
}

const byId = (ctx: Ctx, sql: string, params: unknown[]) =>
  (prepared(ctx.db, sql).all(...params) as Array<{ id: number }>).map((r) => String(r.id));

/**
 * The units of `child` level under a parent unit, in display order: company → top regions | all teams | active reps |
 * customers …; region → sub-regions | its reps (rep_regions over the subtree) | their teams; team → its reps; rep →
 * its customers | top categories | the dealers of its customers' orders and its own | settlements | channel types.
 */
export function defaultUnits(ctx: Ctx, parentLevel: TargetLevel, parentKey: string, child: TargetLevel): string[] {
  switch (child) {
    case 'company':
      return [];
    case 'settlement':
      return [...settlements];
    case 'channelType':
      return [...channelTypes];
    case 'region':
      if (parentLevel === 'company') return byId(ctx, 'select id from regions where parent_id is null order by sort_order, id', []);
      if (parentLevel === 'region')
        return byId(ctx, 'select id from regions where parent_id = ? order by sort_order, id', [Number(parentKey)]);
      return [];
    case 'productCategory':
      if (parentLevel === 'productCategory')
        return byId(ctx, 'select id from product_categories where parent_id = ? order by sort_order, id', [Number(parentKey)]);
      return byId(ctx, 'select id from product_categories where parent_id is null order by sort_order, id', []);
    case 'team': {
      if (parentLevel === 'company') return byId(ctx, 'select id from teams order by name', []);
      const reps = repsUnder(parentLevel, parentKey);
      if (!reps) return [];
      return byId(
        ctx,
        `select t.id from teams t where t.id in (select team_id from reps where id in (${reps.sql})) order by t.name`,
        reps.params,
      );
    }
    case 'rep': {
      const reps = repsUnder(parentLevel, parentKey);
      if (!reps || parentLevel === 'rep') return [];
      return byId(ctx, `select id from reps where id in (${reps.sql}) order by code, id`, reps.params);
    }
    case 'customer': {
      const customers = customersUnder(parentLevel, parentKey);
      if (!customers || parentLevel === 'customer') return [];
      return byId(ctx, `select id from customers where id in (${customers.sql}) order by code, id`, customers.params);
    }
    case 'dealer': {
      if (parentLevel === 'company') return byId(ctx, `select id from dealers where status != 'terminated' order by code, id`, []);
      const customers = customersUnder(parentLevel, parentKey);
      if (!customers) return [];
      const reps = repsUnder(parentLevel, parentKey);
      const own = reps ? `or rep_id in (${reps.sql})` : '';
      return byId(
        ctx,
        `select id from dealers where status != 'terminated' and (id in (select dealer_id from orders where dealer_id is not null
           and customer_id in (${customers.sql})) ${own}) order by code, id`,
        [...customers.params, ...(reps ? reps.params : [])],
      );
    }
  }
}
