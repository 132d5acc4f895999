// The target of a unit for any period, read from the target trees: the exact row when one exists, otherwise the sum
// the tree implies — a company year split into reps and each rep into months gives the company's November as the
// sum of the reps' Novembers; a year split into quarters gives a quarter directly. Undefined when the trees hold no
// figure at that granularity (a year never split by month has no monthly target: we never pro-rate silently).
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import type { TargetLevel, TargetMetric } from '../../../../shared/domain/targets';
import { addDays } from '../../../../shared/periods';

interface Node {
  id: number;
  level: TargetLevel;
  unitKey: string;
  from: string;
  to: string;
  value: number;
  parentId: number | null;
  split: 'time' | 'unit' | null;
}

export interface ResolvedTarget {
  value: number;
  /** the row when the period matches one exactly; null when the value is summed from the tree */
  targetId: number | null;
}

/** All target rows of a metric that overlap [from, to], indexed for resolution. */
export class TargetForest {
  private readonly children = new Map<number, Node[]>();
  private readonly byUnit = new Map<string, Node[]>();

  constructor(nodes: Node[]) {
    for (const n of nodes) {
      if (n.parentId !== null) {
        const list = this.children.get(n.parentId);
        if (list) list.push(n);
        else this.children.set(n.parentId, [n]);
      }
      const key = `${n.level}\u0000${n.unitKey}`;
      const list = this.byUnit.get(key);
      if (list) list.push(n);
      else this.byUnit.set(key, [n]);
    }
  }

  static load(ctx: Ctx, metric: TargetMetric, from: string, to: string): TargetForest {
    const rows = prepared(
      ctx.db,
      `select id, level, unit_key as unitKey, from_date as "from", to_date as "to", value, parent_id as parentId, split
       from targets where metric = ? and from_date <= ? and to_date >= ?`,
    ).all(metric, to, from) as Node[];
    return new TargetForest(rows);
  }

  /** The unit keys of a level that have any target row overlapping the loaded range. */
  unitKeys(level: TargetLevel): string[] {
    const out: string[] = [];
    const prefix = `${level}\u0000`;
    for (const key of this.byUnit.keys()) if (key.startsWith(prefix)) out.push(key.slice(prefix.length));
    return out;
  }

  resolve(level: TargetLevel, unitKey: string, from: string, to: string): ResolvedTarget | undefined {
    const nodes = this.byUnit.get(`${level}\u0000${unitKey}`) ?? [];
    const exact = nodes.find((n) => n.from === from && n.to === to);
    if (exact) return { value: exact.value, targetId: exact.id };
    // the narrowest row that holds the period, read down its tree
    const holders = nodes.filter((n) => n.from <= from && n.to >= to).sort((a, b) => span(a) - span(b));
    for (const holder of holders) {
      const value = this.within(holder, from, to);
      if (value !== undefined) return { value, targetId: null };
    }
    // rows that tile the period exactly (months set on their own, asked for the quarter)
    const inside = nodes.filter((n) => n.from >= from && n.to <= to).sort((a, b) => a.from.localeCompare(b.from) || span(b) - span(a));
    let cursor = from;
    let sum = 0;
    for (const n of inside) {
      if (n.from < cursor) continue; // inside a row already counted
      if (n.from !== cursor) return undefined;
      sum += n.value;
      cursor = addDays(n.to, 1);
      if (n.to === to) return { value: sum, targetId: null };
    }
    return undefined;
  }

  private within(node: Node, from: string, to: string): number | undefined {
    if (node.from === from && node.to === to) return node.value;
    const kids = this.children.get(node.id);
    if (!kids || kids.length === 0 || node.split === null) return undefined;
    let sum = 0;
    if (node.split === 'unit') {
      for (const k of kids) {
        const v = this.within(k, from, to);
        if (v === undefined) return undefined;
        sum += v;
      }
      return sum;
    }
    // by time: the children overlapping the period, each asked for its own part of it
    for (const k of kids) {
      if (k.to < from || k.from > to) continue;
      const v = this.within(k, k.from > from ? k.from : from, k.to < to ? k.to : to);
      if (v === undefined) return undefined;
      sum += v;
    }
    return sum;
  }
}

function span(n: Node): number {
  return Date.parse(n.to) - Date.parse(n.from);
}
