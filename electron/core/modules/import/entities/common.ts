// Lookups and readers shared by the entity importers.
import type { Ctx } from '../../../context';
import { contract } from '../../../../../shared/contract';
import { listDealers } from '../../dealers/dealers';
import { regionTree } from '../../regions/regions';
import { listReps, listTeams } from '../../reps/reps';
import { categoryTree } from '../../products/categories';
import { cellText, readText, type Parsed } from '../cells';
import { NamedIndex, TreeIndex, type TreeRow } from '../refs';
import type { Cell } from '../worker';
import { fieldError, type FieldError } from '../types';

/** A reader that resolves the cell's text through an index. */
export const viaIndex =
  (index: { resolve(text: string): Parsed<number> }) =>
  (cell: Cell): Parsed<number> => {
    const t = readText(cell);
    return t.ok ? index.resolve(t.value) : t;
  };

/** A reader for a list of references in one cell ("江苏省、浙江省"). */
export const viaIndexList =
  (index: { resolve(text: string): Parsed<number> }, split: (text: string) => string[]) =>
  (cell: Cell): Parsed<number[]> => {
    const ids: number[] = [];
    for (const part of split(cellText(cell))) {
      const r = index.resolve(part);
      if (!r.ok) return r;
      if (!ids.includes(r.value)) ids.push(r.value);
    }
    return { ok: true, value: ids };
  };

function flatten<T extends { id: number; parentId: number | null; children: T[] }>(nodes: T[], out: T[] = []): T[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
}

export function regionRows(ctx: Ctx): Array<TreeRow & { level: number }> {
  return flatten(regionTree(ctx)).map((r) => ({ id: r.id, parentId: r.parentId, name: r.name, code: r.code, level: r.level }));
}

export function regionIndex(ctx: Ctx): TreeIndex {
  return new TreeIndex('区域', regionRows(ctx));
}

export function categoryIndex(ctx: Ctx): TreeIndex {
  return new TreeIndex(
    '产品分类',
    flatten(categoryTree(ctx)).map((c) => ({ id: c.id, parentId: c.parentId, name: c.name })),
  );
}

export type RepRow = ReturnType<typeof listReps>['rows'][number];

/** Every rep, active or not, through the reps module's own list. */
export function allReps(ctx: Ctx): RepRow[] {
  const out: RepRow[] = [];
  for (let page = 1; ; page++) {
    const input = contract['reps.list'].input.parse({ page, pageSize: 1000, includeInactive: true });
    const { rows, total } = listReps(ctx, input);
    out.push(...rows);
    if (rows.length === 0 || out.length >= total) return out;
  }
}

export function repIndex(reps: RepRow[]): NamedIndex {
  return new NamedIndex('业务员', reps);
}

export type DealerRow = ReturnType<typeof listDealers>['rows'][number];

/** Every dealer, whatever its status, through the dealers module's own list. */
export function allDealers(ctx: Ctx): DealerRow[] {
  const out: DealerRow[] = [];
  for (let page = 1; ; page++) {
    const input = contract['dealers.list'].input.parse({ page, pageSize: 500 });
    const { rows, total } = listDealers(ctx, input);
    out.push(...rows);
    if (rows.length === 0 || out.length >= total) return out;
  }
}

export function teamIndex(ctx: Ctx): NamedIndex {
  return new NamedIndex(
    '团队',
    listTeams(ctx).map((t) => ({ id: t.id, code: '', name: t.name })),
  );
}

/** Codes already used earlier in the file: the later row is the one reported. */
export class SeenInFile {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly field: string,
    private readonly what: string,
  ) {}
  check(key: string, display: string, rowNumber: number): FieldError | null {
    if (!key) return null;
    const first = this.seen.get(key);
    if (first !== undefined) return fieldError(this.field, 'duplicateInFile', { row: first, noun: this.what, value: display });
    this.seen.set(key, rowNumber);
    return null;
  }
  has(key: string): boolean {
    return this.seen.has(key);
  }
}

/** Copies the file's values over a record: only the columns present and non-blank in this row change. */
export function overlay(
  base: Record<string, unknown>,
  values: ReadonlyMap<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const key of keys) if (values.has(key)) out[key] = values.get(key);
  return out;
}
