// The aging bucket edges as the office types them ("30, 60, 90, 180", also with 、，or spaces) and back; a list the
// contract would refuse (not whole days, out of 1–3650, more than 8, not ascending) is named with the message key.

export type EdgesParse =
  | { ok: true; edges: number[] }
  | {
      ok: false;
      message: 'edgesEmpty' | 'edgesNotNumber' | 'edgesRange' | 'edgesTooMany' | 'edgesNotAscending';
      values: Record<string, unknown>;
    };

export const MAX_EDGES = 8;
export const MAX_EDGE_DAYS = 3650;

export function edgesToText(edges: readonly number[]): string {
  return edges.join(', ');
}

export function parseEdgesText(text: string): EdgesParse {
  // full-width digits and separators count as typed (a Chinese input method is often on)
  const normal = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const parts = normal.split(/[\s,，、;；]+/).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: 'edgesEmpty', values: {} };
  const edges: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { ok: false, message: 'edgesNotNumber', values: { value: p } };
    const n = Number(p);
    if (n < 1 || n > MAX_EDGE_DAYS) return { ok: false, message: 'edgesRange', values: { value: p } };
    const previous = edges.at(-1);
    if (previous !== undefined && n <= previous) return { ok: false, message: 'edgesNotAscending', values: { value: n, previous } };
    edges.push(n);
  }
  if (edges.length > MAX_EDGES) return { ok: false, message: 'edgesTooMany', values: { n: edges.length } };
  return { ok: true, edges };
}
