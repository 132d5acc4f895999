// Tolerant reading of real-world cells: full-width characters, phones with spaces or dashes, dates typed as text or
// stored as Excel serials, money with ¥, thousands separators or 万. Each reader returns a value or a Chinese reason.
import { parseYuanToFen } from '../../../../shared/money';
import { halfWidth } from '../../text';
import { formatImportReason, type ImportReasonCode, type ReasonParams } from '../../../../shared/domain/importReasons';
import type { Labelled } from '../../../../shared/domain/customer';
import type { Cell } from './worker';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; code?: ImportReasonCode; params?: ReasonParams };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** A refusal: the Chinese message for the contract, the code and parameters for the other language. */
export const bad = (code: ImportReasonCode, params: ReasonParams = {}): Parsed<never> => ({
  ok: false,
  message: formatImportReason(code, params),
  code,
  params,
});

/** The contract's ceiling for an amount (100 亿元), said in 元 rather than as a fen count. */
const MAX_FEN = 1_000_000_000_000;
const tooLarge = () => bad('amountTooLarge');

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|GETTING_DATA)$/;

/** A number as typed: integers never in exponent form (13800001111, not 1.38e10). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** Only digits, Latin letters and spaces are made half-width; Chinese punctuation such as （） is kept as typed. */
function halfWidthAlnum(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Any cell as trimmed text: full-width digits/letters/spaces normalised, invisible characters dropped. */
const NEEDS_CLEANING = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u200b-\u200d\u2060\ufeff\u00a0\u3000\r]/;

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (!NEEDS_CLEANING.test(cell)) {
    const plain = cell.trim();
    return plain.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(plain) ? plain.slice(1) : plain;
  }
  let s = halfWidthAlnum(cell)
    .replace(ZERO_WIDTH, '')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\r\n?/g, '\n')
    .trim();
  // our own export writes '=… for cells that would be formulas: read them back as typed
  if (/^'[=+\-@\t\r]/.test(s)) s = s.slice(1);
  return s;
}

export function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}

/** Plain text (names, addresses, notes): a formula error value left in the sheet is a mistake, not data. */
export function readText(cell: Cell): Parsed<string> {
  const s = cellText(cell);
  if (EXCEL_ERROR.test(s)) return bad('formulaError', { value: s });
  return ok(s);
}

/** Codes: half-width, no spaces inside ("C 0001" is "C0001"). */
export function readCode(cell: Cell): Parsed<string> {
  const t = readText(cell);
  if (!t.ok) return t;
  return ok(halfWidth(t.value).replace(/\s+/g, ''));
}

/** Phones keep their grouping, normalised: "１３８－００００ １１１１" → "138-0000 1111". */
export function readPhone(cell: Cell): Parsed<string> {
  if (typeof cell === 'number') return ok(numberText(cell));
  const t = readText(cell);
  if (!t.ok) return t;
  const s = halfWidth(t.value)
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
  return ok(s);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  if (y < 1900 || y > 9999 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return bad('badDate', { value: `${y}年${m}月${d}日` });
  }
  return ok(`${y}-${pad2(m)}-${pad2(d)}`);
}

/** Excel's 1900 date system, including its fictional 1900-02-29 (serial 60). */
export function serialToDate(serial: number): Parsed<string> {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465) return bad('badDate', { value: numberText(serial) });
  if (whole === 60) return bad('badDate', { value: '1900年2月29日' });
  const days = whole < 60 ? whole - 1 : whole - 2;
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return ok(`${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`);
}

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, an Excel serial (45356) or a date cell → "2024-03-05". */
export function readDate(cell: Cell): Parsed<string> {
  if (typeof cell === 'number') return serialToDate(cell);
  const t = readText(cell);
  if (!t.ok) return t;
  const s = halfWidth(t.value).replace(/\s+/g, ' ').trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{1,7}(\.\d+)?$/.test(s)) return serialToDate(Number(s));
  return bad('notDate', { value: s.slice(0, 30) });
}

/**
 * A numeric cell as Excel shows it at full precision (15 significant digits), so a formula's float noise
 * (0.1 + 0.2 = 0.30000000000000004) reads as 0.3 while a real third decimal (1234567.891) stays visible.
 */
export function excelDecimal(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (n === 0) return '0';
  const text = n.toPrecision(15);
  if (!/e/i.test(text)) return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  // only a magnitude below 1e-6 or from 1e15 reaches exponent form: too small to be whole fen, or far over the ceiling
  return Math.abs(n) >= 1 ? numberText(n) : n.toFixed(20).replace(/0+$/, '');
}

/** Money → integer fen: ¥/￥, thousands separators in groups of three, 元 and 万 are understood; at most two decimals; never negative. */
export function readMoney(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    const text = excelDecimal(cell);
    if (text === null) return bad('notAmount', { value: String(cell) });
    return moneyText(text, text);
  }
  const t = readText(cell);
  if (!t.ok) return t;
  return moneyText(t.value, t.value.slice(0, 30));
}

function moneyText(raw: string, shown: string): Parsed<number> {
  let s = halfWidth(raw)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(RMB|CNY)\s*/i, '')
    .replace(/\s*元$/, '');
  let scale = 0;
  if (/万$/.test(s)) {
    s = s.slice(0, -1).trim();
    scale = 4;
  }
  // the sign may stand before or after the currency sign: -¥100, ¥-100
  const m = /^([+-]?)\s*[¥￥]?\s*([+-]?)(\d[\d, ]*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] && m[2])) return bad('notAmount', { value: shown });
  const sign = m[1] || m[2];
  const whole = m[3]!.trimEnd();
  // 1,234 and 12,345.67 are amounts; 12,34 and 1,23.45 are typing mistakes, not 1234 and 123.45
  if (/[, ]/.test(whole) && !/^\d{1,3}(?:[, ]\d{3})+$/.test(whole)) return bad('amountSeparators', { value: shown });
  const digits = whole.replace(/[, ]/g, '');
  const decimals = m[4] ?? '';
  if (sign === '-' && /[1-9]/.test(`${digits}${decimals}`)) return bad('amountNegative');
  // 1.2345万 = 12345 元: shift the decimal point as text, so nothing goes through a float
  const intPart = digits + decimals.slice(0, scale).padEnd(scale, '0');
  const frac = decimals.slice(scale).replace(/0+$/, '');
  if (frac.length > 2) return bad('amountDecimals', { value: shown });
  if (intPart.replace(/^0+/, '').length > 12) return tooLarge();
  const fen = parseYuanToFen(`${intPart}.${frac}`);
  if (fen === null) return bad('notAmount', { value: shown });
  return fen > MAX_FEN ? tooLarge() : ok(fen);
}

/** Whole numbers; a unit after the number (30天) is allowed; thousands separators only in groups of three. */
export function readInt(cell: Cell, unit = ''): Parsed<number> {
  if (typeof cell === 'number') {
    const text = excelDecimal(cell);
    if (text === null || !/^-?\d{1,15}$/.test(text)) return bad('notInteger', { value: numberText(cell) });
    return ok(Number(text) === 0 ? 0 : Number(text));
  }
  const t = readText(cell);
  if (!t.ok) return t;
  let s = halfWidth(t.value).trim();
  if (unit && s.endsWith(unit)) s = s.slice(0, -unit.length).trim();
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$/.exec(s);
  if (!m) {
    const shown = t.value.slice(0, 30);
    return bad(/^[+-]?[\d,]+(\.0*)?$/.test(s) ? 'integerSeparators' : 'notInteger', { value: shown });
  }
  const digits = m[2]!.replace(/,/g, '');
  if (digits.replace(/^0+/, '').length > 15) return bad('notInteger', { value: t.value.slice(0, 30) });
  const n = Number(digits);
  return ok(m[1] === '-' && n !== 0 ? -n : n);
}

const truthy = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '启用', '在职', '有效', '正常', '对', 't']);
const falsy = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘', 'x', '停用', '离职', '无效', '禁用', '错', 'f']);

export function readBool(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return ok(cell === 1);
  const s = halfWidth(cellText(cell)).toLowerCase();
  if (truthy.has(s)) return ok(true);
  if (falsy.has(s)) return ok(false);
  return bad('notYesNo', { value: s.slice(0, 20) });
}

/**
 * An enum value by its code (retail), Chinese label (零售店), English label (Retail store) or an alias; case and
 * width do not matter.
 */
export function readEnum<T extends string | number>(
  cell: Cell,
  values: readonly T[],
  labels: Record<T, Labelled> | null,
  aliases: Record<string, T> = {},
): Parsed<T> {
  return enumReader(values, labels, aliases)(cell);
}

const enumKey = (text: string) => halfWidth(text).replace(/\s+/g, '').toLowerCase();

/** readEnum with its lookup table built once, for reading a whole column. */
export function enumReader<T extends string | number>(
  values: readonly T[],
  labels: Record<T, Labelled> | null,
  aliases: Record<string, T> = {},
): (cell: Cell) => Parsed<T> {
  const table = new Map<string, T>();
  for (const v of values) {
    const label = labels?.[v];
    for (const name of [String(v), label?.zh, label?.en]) if (name && !table.has(enumKey(name))) table.set(enumKey(name), v);
  }
  for (const [alias, v] of Object.entries(aliases)) if (!table.has(enumKey(alias))) table.set(enumKey(alias), v);
  const choices = values.map((v) => labels?.[v]?.zh ?? String(v)).join('、');
  const choicesEn = values.map((v) => labels?.[v]?.en ?? String(v)).join(', ');
  return (cell) => {
    const raw = cellText(cell);
    const v = table.get(enumKey(raw));
    return v !== undefined ? ok(v) : bad('notChoice', { value: raw.slice(0, 20), choices, choicesEn });
  };
}

/** "重点, 批发；新客户" → ["重点", "批发", "新客户"]: commas, 、, semicolons, | and line breaks separate. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Header text as it is compared: half-width, no spaces, no * marks, no unit in brackets, lower case. */
export function headerKey(text: string): string {
  return halfWidth(text)
    .replace(ZERO_WIDTH, '')
    .replace(/[\s*＊]/g, '')
    .replace(/[(（][^)）]*[)）]$/, '')
    .toLowerCase();
}
