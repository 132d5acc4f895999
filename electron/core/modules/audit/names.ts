// Names of the records an audit snapshot points at (regionId 358 → 华东 › 河南省 › 郑州市 › 开发区片区). The log is the
// one reader of every domain's names, so it reads them here with plain lookups rather than through the modules (which
// all write the log, and would import each other in a circle).
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { treePathNames } from '../../db/tree';
import { auditRef } from '../../../../shared/domain/audit';

type Kind = NonNullable<ReturnType<typeof auditRef>>['kind'];

const nameSql: Record<Exclude<Kind, 'region' | 'productCategory'>, string> = {
  rep: 'select name from reps where id = ?',
  team: 'select name from teams where id = ?',
  dealer: 'select name from dealers where id = ?',
  customer: 'select name from customers where id = ?',
  product: 'select name from products where id = ?',
};
const treeTable = { region: 'regions', productCategory: 'product_categories' } as const;

/** A record's current name; a tree node's full path. Undefined once the record is gone. */
function nameOf(ctx: Ctx, kind: Kind, id: number): string | string[] | undefined {
  if (kind === 'region' || kind === 'productCategory') {
    return treePathNames(ctx.db, treeTable[kind], [id], String).get(id);
  }
  const row = prepared(ctx.db, nameSql[kind]).get(id) as { name: string } | undefined;
  return row?.name;
}

const joined = (name: string | string[] | undefined) => (Array.isArray(name) ? name.join(' › ') : name);

/**
 * The snapshot with the names of the records it points at, as they are now, for every reference whose name it does
 * not carry yet. Called when a change is recorded (so the log keeps the name after a rename or delete) and when old
 * entries that predate this are listed.
 */
export function withRefNames(ctx: Ctx, entity: string, snapshot: unknown): unknown {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) return snapshot;
  const s = snapshot as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(s)) {
    const ref = auditRef(entity, key);
    const value = s[key];
    if (!ref || value === null || value === undefined || s[ref.nameKey] !== undefined) continue;
    let name: unknown;
    if (ref.many) {
      if (!Array.isArray(value)) continue;
      const names = value.map((id) => (typeof id === 'number' ? joined(nameOf(ctx, ref.kind, id)) : undefined));
      // a list of names lines up with its ids; a gone record leaves a hole the screen words as "deleted"
      name = names.map((n) => n ?? null);
    } else {
      if (typeof value !== 'number') continue;
      name = nameOf(ctx, ref.kind, value);
    }
    if (name === undefined) continue;
    out ??= { ...s };
    out[ref.nameKey] = name;
  }
  return out ?? snapshot;
}
