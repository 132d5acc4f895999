// Headers → fields by meaning: a sheet exported from another system says 客户代号 / 业务负责人 / 座机电话 where the
// template says 客户编码 / 业务员 / 电话. Exact names first, then names with their prefixes and synonyms folded, then —
// for a header that could be two fields (客户类别: grade or type) — the column's own values decide.
import { createHash } from 'node:crypto';
import { headerKey } from './cells';
import type { Importer } from './types';

/** Prefixes that say whose column it is, not what it holds (联系人 is kept: it names the contact). */
const PREFIX = /^(客户|公司|企业|单位|所属|联系(?!人))/;

/** Words other systems use for the same thing, folded to one; a header may fold to several readings (类别). */
const SYNONYMS: Array<[RegExp, string[]]> = [
  [/(代号|编号|代码)$/, ['编码']],
  [/^(座机电话|座机号码|座机|固定电话|固话|办公电话|电话号码)$/, ['电话']],
  [/^(手机号码|手机号|移动电话)$/, ['手机']],
  [/^(业务负责人|负责业务员|业务代表|销售代表|销售员|销售人员|业务员姓名|负责人)$/, ['业务员']],
  [/^行业(划分|分类|类别|类型)$/, ['行业']],
  [/^(类别|级别|等级|分级|分类等级)$/, ['等级', '类型']],
  [/^(初次)?(备案|建档|创建|登记|录入)(日期|时间)$/, ['建档日期']],
];

/** Header text as compared: width, spaces, * marks, a trailing unit in brackets and punctuation do not count. */
export function normaliseHeader(text: string): string {
  return headerKey(text).replace(/[:：、,，.。·_\-—/\\|]/g, '');
}

/**
 * Every reading of a header: as written, without its owner prefix, and each with synonyms folded. A field's own names
 * (`asField`) take only the one-way folds, so 客户等级 is not also read as 类型.
 */
export function readings(text: string, asField = false): string[] {
  const base = normaliseHeader(text);
  const stripped = base.replace(PREFIX, '');
  const forms = new Set([base]);
  if (stripped.length >= 2) forms.add(stripped);
  for (const form of [...forms]) {
    for (const [pattern, to] of SYNONYMS) {
      if (!pattern.test(form) || (asField && to.length > 1)) continue;
      for (const word of to) forms.add(form.replace(pattern, word));
    }
  }
  return [...forms];
}

export interface HeaderContext {
  /** The non-blank cells of a column, for telling two candidate fields apart. */
  sample(column: number): unknown[];
  /** Whether `field` reads (nearly) every sampled cell. */
  accepts(field: string, cells: unknown[]): boolean;
}

/**
 * The field of each header, or null. `fixed` holds the user's own choices (header → field or null), which win.
 * Order of confidence: the exact name, the label by meaning, an alias by meaning, then ambiguous headers by their values.
 */
export function matchHeaders(
  importer: Importer,
  headers: readonly string[],
  fixed: ReadonlyMap<string, string | null>,
  ctx: HeaderContext,
): Array<string | null> {
  const exact = new Map<string, string>();
  const byLabel = new Map<string, string[]>();
  const byAlias = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, field: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(field)) list.push(field);
    map.set(key, list);
  };
  for (const c of importer.columns) {
    for (const name of [c.key, c.label, ...(c.aliases ?? [])]) {
      const k = normaliseHeader(name);
      if (!exact.has(k)) exact.set(k, c.key);
    }
    for (const r of readings(c.label, true)) add(byLabel, r, c.key);
    for (const alias of c.aliases ?? []) for (const r of readings(alias, true)) add(byAlias, r, c.key);
  }

  const fieldOf: Array<string | null> = headers.map(() => null);
  const taken = new Set<string>();
  const open = new Set<number>();
  headers.forEach((h, i) => {
    if (isReasonHeader(h)) return; // the reasons column of our own error file
    if (fixed.has(h)) {
      const f = fixed.get(h) ?? null;
      fieldOf[i] = f;
      if (f) taken.add(f);
    } else open.add(i);
  });
  const assign = (i: number, f: string) => {
    fieldOf[i] = f;
    taken.add(f);
    open.delete(i);
  };

  // 1 · the exact name, label or alias
  for (const i of [...open]) {
    const f = exact.get(normaliseHeader(headers[i]!));
    if (f && !taken.has(f)) assign(i, f);
  }
  // 2 · by meaning: labels before aliases, a single free candidate only
  const ambiguous = new Map<number, string[]>();
  for (const table of [byLabel, byAlias]) {
    for (const i of [...open]) {
      const candidates = [...new Set(readings(headers[i]!).flatMap((r) => table.get(r) ?? []))].filter((f) => !taken.has(f));
      if (candidates.length === 1) assign(i, candidates[0]!);
      else if (candidates.length > 1 && !ambiguous.has(i)) ambiguous.set(i, candidates);
    }
  }
  // 3 · one header, several fields: the field that reads the column's values
  for (const [i, candidates] of ambiguous) {
    if (!open.has(i)) continue;
    const cells = ctx.sample(i);
    const fit = candidates.filter((f) => !taken.has(f) && cells.length > 0 && ctx.accepts(f, cells));
    if (fit.length >= 1) assign(i, fit[0]!);
  }
  // 4 · words that several fields could take (手机): the first free one whose companion column is mapped
  for (const i of [...open]) {
    const rs = new Set(readings(headers[i]!));
    const f = importer.columns.find(
      (c) =>
        !taken.has(c.key) &&
        (!c.needs || taken.has(c.needs)) &&
        (c.weakAliases ?? []).some((w) => readings(w, true).some((r) => rs.has(r))),
    )?.key;
    if (f) assign(i, f);
  }
  return fieldOf;
}

/** Whether a header names some field of the importer, exactly or by meaning (for finding the header row). */
export function headerRecogniser(importer: Importer): (text: string) => boolean {
  const known = new Set<string>();
  for (const c of importer.columns) {
    for (const name of [c.key, c.label, ...(c.aliases ?? []), ...(c.weakAliases ?? [])]) for (const r of readings(name, true)) known.add(r);
  }
  return (text) => readings(text).some((r) => known.has(r));
}

/** The last column of a downloaded error file: never data, never part of a mapping's identity. */
export const REASON_HEADERS = { zh: '错误原因', en: 'Error reasons' } as const;
const isReasonHeader = (h: string) =>
  normaliseHeader(h) === normaliseHeader(REASON_HEADERS.zh) || normaliseHeader(h) === normaliseHeader(REASON_HEADERS.en);

/** The settings key of a confirmed mapping: the entity and the set of its headers, order and spelling aside. */
export function mappingKey(entity: string, headers: readonly string[]): string {
  const set = [...new Set(headers.filter((h) => !isReasonHeader(h)).map(normaliseHeader))].sort().join('\u0001');
  return `import.mapping.${entity}.${createHash('sha256').update(set).digest('hex').slice(0, 32)}`;
}

/** A confirmed mapping as stored: normalised header → field (null: not imported). */
export function storedMapping(headers: readonly string[], fieldOf: ReadonlyArray<string | null>): string {
  return JSON.stringify(Object.fromEntries(headers.map((h, i) => [normaliseHeader(h), fieldOf[i] ?? null])));
}

/** A stored mapping applied to this file's headers; null when it does not fit (a field gone, a header missing). */
export function applyStored(importer: Importer, headers: readonly string[], stored: string | null): Map<string, string | null> | null {
  if (!stored) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const byHeader = parsed as Record<string, unknown>;
  const keys = new Set(importer.columns.map((c) => c.key));
  const out = new Map<string, string | null>();
  for (const h of headers) {
    if (isReasonHeader(h)) {
      out.set(h, null);
      continue;
    }
    const f = byHeader[normaliseHeader(h)];
    if (f === undefined) return null;
    if (f !== null && (typeof f !== 'string' || !keys.has(f))) return null;
    out.set(h, f);
  }
  return out;
}
