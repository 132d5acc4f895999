// Money is integer 分 (fen) everywhere; yuan exists only as text on screen and paper.

const MAX_FEN = Number.MAX_SAFE_INTEGER;

export function assertFen(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分：${fen}`);
  return fen;
}

/** 1234567 → "1,234,567". Plain digits, not Intl: toLocaleString built a formatter per call (a list page's money
 *  cells), and the first Intl formatter of a page loads locale data — tens of ms before the first row. */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** 123450 → "1,234.50" (no currency sign); negative keeps its sign. */
export function formatFen(fen: number, opts: { sign?: boolean; grouping?: boolean } = {}): string {
  assertFen(fen);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const yuanText = opts.grouping === false ? String(yuan) : groupThousands(yuan);
  const body = `${yuanText}.${cents.toString().padStart(2, '0')}`;
  return `${negative ? '-' : ''}${opts.sign ? '¥' : ''}${body}`;
}

/** "¥1,234.5" / "1234.50" / "-12" / "１２３" → fen; null when the text is not an amount. Exact: no floats. */
export function parseYuanToFen(text: string): number | null {
  const cleaned = toHalfWidth(String(text))
    .replace(/[¥￥,\s]/g, '')
    .replace(/元$/, '');
  const m = /^([+-]?)(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!m) return null;
  const yuan = Number(m[2]);
  const cents = Number((m[3] ?? '').padEnd(2, '0'));
  const fen = yuan * 100 + cents;
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return null;
  return m[1] === '-' && fen !== 0 ? -fen : fen; // never -0
}

/** Yuan as a JS number for display widgets/exports only (never for arithmetic). */
export function fenToYuanNumber(fen: number): number {
  return assertFen(fen) / 100;
}

export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
