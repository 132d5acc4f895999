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
