// The content hash of a signed form: SHA-256 of its canonical JSON — object keys sorted, no whitespace, lines in seq
// order. Only what the form says goes in (rep, date, customers, texts, amounts); row ids of lines that a re-save may
// renumber, states and timestamps stay out, so the same content always gives the same hash.
import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

export function contentHash(content: Json): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export type { Json };

/** A signed form as stored: its hash from signing beside its content now. */
export interface StoredContent {
  id: number;
  repName: string;
  date: string;
  /** the hash stored at signing */
  contentHash: string | null;
  content: Json;
}

/** Headers and their lines (read in seq order, one list for many forms) → each form's stored hash beside its content. */
export function storedContents<H extends { id: number; repName: string; date: string; contentHash: string | null }, L>(
  headers: H[],
  lines: L[],
  formOf: (line: L) => number,
  content: (header: H, lines: L[]) => Json,
): StoredContent[] {
  const byForm = new Map<number, L[]>();
  for (const l of lines) {
    const list = byForm.get(formOf(l));
    if (list) list.push(l);
    else byForm.set(formOf(l), [l]);
  }
  return headers.map((h) => ({
    id: h.id,
    repName: h.repName,
    date: h.date,
    contentHash: h.contentHash,
    content: content(h, byForm.get(h.id) ?? []),
  }));
}
