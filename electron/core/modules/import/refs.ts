// References written the way people write them: a region by name, path (华东/江苏省/南京市) or code; a rep, dealer or
// team by name or code. Ambiguous names are refused with the candidates named, never guessed.
import { halfWidth } from '../../text';
import { bad, type Parsed } from './cells';

const norm = (s: string) => halfWidth(s).replace(/\s+/g, '').toLowerCase();
const PATH_SEPARATOR = /\s*[/／>›»\\]\s*|\s+-\s+/;

export interface TreeRow {
  id: number;
  parentId: number | null;
  name: string;
  code?: string;
}

/** A tree (regions, product categories) searchable by name, by full or trailing path, and by code. */
export class TreeIndex {
  private readonly nodes = new Map<number, TreeRow & { names: string[]; keys: string[] }>();
  private readonly byName = new Map<string, number[]>();
  private readonly byCode = new Map<string, number[]>();
  // a sheet names the same few regions thousands of times
  private readonly cache = new Map<string, Parsed<number>>();

  constructor(
    private readonly noun: string,
    rows: TreeRow[],
  ) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const namesOf = (r: TreeRow): string[] => {
      const out: string[] = [];
      let cur: TreeRow | undefined = r;
      for (let guard = 0; cur && guard < 20; guard++) {
        out.unshift(cur.name);
        cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
      }
      return out;
    };
    for (const r of rows) this.insert({ ...r, names: namesOf(r) });
  }

  private insert(row: TreeRow & { names: string[] }): void {
    const node = { ...row, keys: row.names.map(norm) };
    this.nodes.set(node.id, node);
    this.cache.clear();
    const push = (map: Map<string, number[]>, key: string) => {
      if (!key) return;
      const list = map.get(key);
      if (list) list.push(node.id);
      else map.set(key, [node.id]);
    };
    push(this.byName, norm(node.name));
    if (node.code) push(this.byCode, norm(node.code));
  }

  /** A node created earlier in the same file (its id may be a placeholder until the commit writes it). */
  add(row: TreeRow): void {
    const parent = row.parentId === null ? undefined : this.nodes.get(row.parentId);
    this.insert({ ...row, names: [...(parent?.names ?? []), row.name] });
  }

  pathOf(id: number): string[] {
    return this.nodes.get(id)?.names ?? [];
  }

  has(id: number): boolean {
    return this.nodes.has(id);
  }

  /** The node with this parent and name, if any. */
  child(parentId: number | null, name: string): number | undefined {
    const key = norm(name);
    return (this.byName.get(key) ?? []).find((id) => (this.nodes.get(id)!.parentId ?? null) === parentId);
  }

  resolve(text: string): Parsed<number> {
    let hit = this.cache.get(text);
    if (!hit) {
      hit = this.lookup(text);
      if (this.cache.size < 10_000) this.cache.set(text, hit);
    }
    return hit;
  }

  private lookup(text: string): Parsed<number> {
    const parts = text
      .split(PATH_SEPARATOR)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return bad('refBlank', { noun: this.noun });
    const wanted = parts.map(norm);
    const last = wanted[wanted.length - 1]!;
    let ids = (this.byName.get(last) ?? []).filter((id) => {
      const keys = this.nodes.get(id)!.keys;
      return wanted.length <= keys.length && wanted.every((p, i) => keys[keys.length - wanted.length + i] === p);
    });
    if (ids.length === 0 && parts.length === 1) ids = this.byCode.get(last) ?? [];
    if (ids.length === 1) return { ok: true, value: ids[0]! };
    if (ids.length === 0) return bad('refMissing', { noun: this.noun, value: text.slice(0, 40) });
    const examples = ids
      .slice(0, 3)
      .map((id) => this.nodes.get(id)!.names.join('/'))
      .join('、');
    return bad('refAmbiguousPath', {
      count: ids.length,
      value: text.slice(0, 40),
      noun: this.noun,
      examples: `${examples}${ids.length > 3 ? '…' : ''}`,
      example: this.nodes.get(ids[0]!)!.names.join('/'),
    });
  }
}

export interface NamedRow {
  id: number;
  code: string;
  name: string;
}

/** Records (reps, dealers, teams) by exact code or name; "张伟(R001)" is read as the code in brackets. */
export class NamedIndex {
  private readonly byCode = new Map<string, NamedRow>();
  private readonly byName = new Map<string, NamedRow[]>();
  private readonly cache = new Map<string, Parsed<number>>();

  constructor(
    private readonly noun: string,
    rows: NamedRow[],
  ) {
    for (const r of rows) this.add(r);
  }

  add(r: NamedRow): void {
    this.cache.clear();
    if (r.code) this.byCode.set(norm(r.code), r);
    const key = norm(r.name);
    const list = this.byName.get(key);
    if (list) list.push(r);
    else this.byName.set(key, [r]);
  }

  resolve(text: string): Parsed<number> {
    let hit = this.cache.get(text);
    if (!hit) {
      hit = this.lookup(text);
      if (this.cache.size < 10_000) this.cache.set(text, hit);
    }
    return hit;
  }

  private lookup(text: string): Parsed<number> {
    const bracket = /^(.*?)[(（]([^)）]+)[)）]$/.exec(text.trim());
    if (bracket) {
      const byCode = this.byCode.get(norm(bracket[2]!));
      if (byCode) return { ok: true, value: byCode.id };
    }
    const key = norm(text);
    const byCode = this.byCode.get(key);
    if (byCode) return { ok: true, value: byCode.id };
    const named = this.byName.get(key) ?? [];
    if (named.length === 1) return { ok: true, value: named[0]!.id };
    if (named.length === 0) return bad('refMissing', { noun: this.noun, value: text.slice(0, 40) });
    const codes = named
      .slice(0, 4)
      .map((r) => r.code)
      .join('、');
    return bad('refAmbiguousCode', { count: named.length, value: text.slice(0, 40), noun: this.noun, codes });
  }
}
