// Trees stored with a materialised path ('/1/5/23/'): regions, product categories.
import type { DB } from './connection';
import { prepared } from './sql';
import { DomainError } from '../errors';

interface PathRow {
  id: number;
  parentId: number | null;
  path: string;
}

/**
 * Nests rows (already in sibling display order) under their parents and rolls each row's own count up to
 * every ancestor, itself included. Rows whose parent is missing become roots.
 */
export function assemblePathTree<R extends PathRow, N extends { children: N[] }>(
  rows: R[],
  toNode: (row: R) => N,
  ownCounts: Map<number, number>,
  addCount: (node: N, count: number) => void,
): N[] {
  const nodes = new Map<number, N>(rows.map((r) => [r.id, toNode(r)]));
  const roots: N[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
    const n = ownCounts.get(r.id) ?? 0;
    if (!n) continue;
    for (const ancestorId of r.path.split('/').filter(Boolean).map(Number)) {
      const a = nodes.get(ancestorId);
      if (a) addCount(a, n);
    }
  }
  return roots;
}

interface TreeNodeRow {
  id: number;
  path: string;
  level: number;
}

/**
 * Moves a node with its whole subtree under `parent` (null = top level): refuses a move under itself or a
 * descendant, or one that would push the deepest descendant past `maxLevel`; paths and levels move together.
 * `noun` is the record's Chinese name (区域, 分类) for the messages, which name the 上级… field.
 */
export function moveSubtree(
  db: DB,
  table: 'regions' | 'product_categories',
  node: TreeNodeRow,
  parent: TreeNodeRow | null,
  maxLevel: number,
  noun: string,
): void {
  const field = `上级${noun}`;
  if (parent && (parent.id === node.id || parent.path.startsWith(node.path))) {
    throw new DomainError('VALIDATION', `${field}：不能把${noun}移到它自己或它的下级之下`, 'parentId');
  }
  const newPath = `${parent ? parent.path : '/'}${node.id}/`;
  if (newPath === node.path) return;
  const levelShift = (parent ? parent.level + 1 : 1) - node.level;
  const deepest = prepared(db, `select max(level) as m from ${table} where path like ?`).get(`${node.path}%`) as { m: number };
  if (deepest.m + levelShift > maxLevel) {
    throw new DomainError('VALIDATION', `${field}：移动后下级${noun}将超过 ${maxLevel} 级`, 'parentId');
  }
  prepared(db, `update ${table} set path = ? || substr(path, ?), level = level + ? where path like ?`).run(
    newPath,
    node.path.length + 1,
    levelShift,
    `${node.path}%`,
  );
}

/** Node ids → their paths of names from the root, in two queries for any number of ids. A node that does not exist
 *  has no entry; an ancestor without a row is named by `missingName`. */
export function treePathNames(
  db: DB,
  table: 'regions' | 'product_categories',
  ids: Iterable<number | null | undefined>,
  missingName: (id: number) => string = () => '',
): Map<number, string[]> {
  const wanted = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const nodes = prepared(db, `select id, path from ${table} where id in (select value from json_each(?))`).all(
    JSON.stringify(wanted),
  ) as Array<{ id: number; path: string }>;
  const chains = nodes.map((n) => ({ id: n.id, chain: n.path.split('/').filter(Boolean).map(Number) }));
  const ancestors = [...new Set(chains.flatMap((c) => c.chain))];
  const names = new Map(
    (
      prepared(db, `select id, name from ${table} where id in (select value from json_each(?))`).all(JSON.stringify(ancestors)) as Array<{
        id: number;
        name: string;
      }>
    ).map((r) => [r.id, r.name]),
  );
  return new Map(chains.map((c) => [c.id, c.chain.map((id) => names.get(id) ?? missingName(id))]));
}
