// Trees stored with a materialised path ('/1/5/23/'): regions, product categories.

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
