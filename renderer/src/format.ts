import { formatFen } from '@shared/money';

export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatFen(fen, { sign: true }));

/** ISO timestamp → local "YYYY-MM-DD HH:mm". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Pinyin-aware match for pickers: name, code, phone, full pinyin or initials contain the query. */
export function matchesQuery(query: string, fields: Array<string | null | undefined>): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return fields.some((f) => (f ?? '').toLowerCase().includes(q));
}

/** One level of a tree path as a picker searches it. */
export interface PathSegment {
  name: string;
  initials: string;
  pinyin?: string;
}

/** A tree node as the pickers receive it (regions, product categories). */
export interface PathTreeNode extends PathSegment {
  id: number;
  level: number;
  code?: string;
  children: PathTreeNode[];
}

/** A tree node flattened for a picker, in tree order: its full path as text and as segments, its ancestors' ids. */
export interface FlatPathNode {
  id: number;
  name: string;
  level: number;
  code: string;
  initials: string;
  pinyin: string;
  label: string;
  path: PathSegment[];
  ancestors: number[];
}

export function flattenPathTree(nodes: readonly PathTreeNode[]): FlatPathNode[] {
  const out: FlatPathNode[] = [];
  const walk = (level: readonly PathTreeNode[], path: PathSegment[], ancestors: number[]) =>
    level.forEach((n) => {
      const full = [...path, { name: n.name, initials: n.initials, pinyin: n.pinyin ?? '' }];
      const label = full.map((s) => s.name).join(' › ');
      out.push({
        id: n.id,
        name: n.name,
        level: n.level,
        code: n.code ?? '',
        initials: n.initials,
        pinyin: n.pinyin ?? '',
        label,
        path: full,
        ancestors,
      });
      walk(n.children, full, [...ancestors, n.id]);
    });
  walk(nodes, [], []);
  return out;
}

/** Path search for tree pickers: the query is read as consecutive prefixes of consecutive path levels ending at the
 *  last one, each the start of that level's name, initials or full pinyin — `zzkfq` finds 郑州市 › 开发区片区. */
export function matchesPath(query: string, path: readonly PathSegment[]): boolean {
  const q = query.toLowerCase().replace(/[\s›>/\\]+/g, '');
  if (!q || !path.length) return !q;
  const keys = path.map((s) => [s.name, s.initials, s.pinyin ?? ''].map((k) => k.toLowerCase()).filter(Boolean));
  const last = keys.length - 1;
  const memo = new Map<number, boolean>();
  // can q[pos..] be read from level `level` down to the last level?
  const from = (level: number, pos: number): boolean => {
    const id = level * (q.length + 1) + pos;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let ok = false;
    const rest = q.slice(pos);
    for (const key of keys[level]!) {
      if (level === last) {
        if (key.startsWith(rest)) ok = true;
      } else {
        for (let len = 1; len <= Math.min(key.length, rest.length - 1) && !ok; len++) {
          if (key[len - 1] !== rest[len - 1]) break;
          ok = from(level + 1, pos + len);
        }
      }
      if (ok) break;
    }
    memo.set(id, ok);
    return ok;
  };
  for (let start = 0; start <= last; start++) if (from(start, 0)) return true;
  return false;
}
