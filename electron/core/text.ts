// Search keys for Chinese names: full pinyin and initials (via pinyin-pro), and normalised duplicate keys.
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '../../shared/money';

export interface Pinyin {
  full: string;
  initials: string;
}

/**
 * Full pinyin and initials from one segmentation: a part that is the text itself (a non-Chinese run) is kept, a
 * syllable gives its first letter — what pattern 'first' returns; anything else falls back to pinyin-pro's own call.
 * Self-contained (pinyin-pro's `pinyin` is passed in) so that a worker thread can run this very function.
 */
export function pinyinReader(pinyinOf: typeof pinyin): (text: string) => Pinyin {
  const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const firstOptions = { ...options, pattern: 'first' } as const;
  const squash = (parts: string[]) => parts.join('').replace(/\s+/g, '').toLowerCase();
  return (text) => {
    const parts = pinyinOf(text, options);
    const firsts: string[] = [];
    let pos = 0;
    for (const p of parts) {
      if (!p) break;
      if (text.startsWith(p, pos)) {
        firsts.push(p);
        pos += p.length;
      } else {
        firsts.push(p.charAt(0));
        pos += (text.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
      }
    }
    const initials = pos === text.length && firsts.length === parts.length ? squash(firsts) : squash(pinyinOf(text, firstOptions));
    return { full: squash(parts), initials };
  };
}

const readPinyin = pinyinReader(pinyin);

// pinyin-pro takes ~10–20 µs a name; bulk writes see the same short names and contact names again and again. Two
// generations: when the young one is full it becomes the old one, so the names in use survive a 50,000-row import.
const CACHE_GENERATION = 50_000;
let young = new Map<string, Pinyin>();
let old = new Map<string, Pinyin>();
/** Worked out ahead of a bulk write (an import's names, in a worker thread while its rows are checked). */
let primed: Map<string, Pinyin> | null = null;

function cachedPinyin(text: string): Pinyin {
  let hit = primed?.get(text) ?? young.get(text);
  if (hit) return hit;
  hit = old.get(text) ?? readPinyin(text);
  if (young.size >= CACHE_GENERATION) {
    old = young;
    young = new Map();
  }
  young.set(text, hit);
  return hit;
}

/** Pinyin of texts a bulk write is about to need, worked out elsewhere by pinyinReader; kept until forgetPrimedPinyin. */
export function primePinyin(texts: readonly string[], values: readonly Pinyin[]): void {
  primed ??= new Map();
  texts.forEach((text, i) => primed!.set(text, values[i]!));
}

export function forgetPrimedPinyin(): void {
  primed = null;
}

export function pinyinFull(text: string): string {
  return text ? cachedPinyin(text).full : '';
}

export function pinyinInitials(text: string): string {
  return text ? cachedPinyin(text).initials : '';
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/**
 * toHalfWidth in one pass, and none over the many texts without a full-width character: bulk reads and writes call it
 * for every name, code and phone (a name like 华众（中山路店） took toHalfWidth a replacement callback per bracket).
 */
export function halfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += text.slice(from, i) + String.fromCharCode(c === 0x3000 ? 0x20 : c - 0xfee0);
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

export function digitsOnly(text: string): string {
  return halfWidth(text).replace(/\D/g, '');
}

/** One lower-cased haystack so a single LIKE finds name, short name, code, phone, pinyin or initials. */
export function buildSearchText(parts: { names: string[]; codes?: string[]; phones?: string[] }): string {
  const names = parts.names.filter(Boolean);
  const out: string[] = [];
  const add = (text: string) => {
    if (text) out.push(text);
  };
  for (const name of names) add(halfWidth(name).toLowerCase());
  for (const code of parts.codes ?? []) add(code.toLowerCase());
  for (const phone of parts.phones ?? []) add(digitsOnly(phone));
  const pinyins = names.map(cachedPinyin);
  for (const p of pinyins) add(p.full);
  for (const p of pinyins) add(p.initials);
  return out.join('|');
}

const companySuffixes = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '分公司',
  '公司',
  '商行',
  '经营部',
  '经销部',
  '门市部',
  '批发部',
];

/** Name with spaces, punctuation, full-width forms and company-form suffixes removed: equal keys = likely duplicates. */
export function nameKey(name: string): string {
  let s = halfWidth(name)
    .toLowerCase()
    .replace(/[\s()（）·.,，、\-_]/g, '');
  for (;;) {
    const suffix = companySuffixes.find((x) => s.length > x.length && s.endsWith(x));
    if (!suffix) break;
    s = s.slice(0, -suffix.length);
  }
  return s;
}

/** Escape %, _ and \ for a LIKE pattern with ESCAPE '\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search box as typed: half-width, trimmed, lower-cased (the haystacks are stored that way). */
export function normaliseSearch(raw: string | undefined): string {
  return toHalfWidth(raw ?? '')
    .trim()
    .toLowerCase();
}

/**
 * WHERE clauses for a search over a `search_text` column: every word (up to five) must match somewhere.
 * The haystack keeps phones as digits only, so "010-8888-6666" is also tried as "01088886666".
 */
export function searchWordClauses(column: string, search: string): { clauses: string[]; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const word of search ? search.split(/\s+/).slice(0, 5) : []) {
    const digits = /^[\d+\-()]+$/.test(word) ? digitsOnly(word) : '';
    if (digits && digits !== word) {
      clauses.push(`(${column} like ? escape '\\' or ${column} like ? escape '\\')`);
      params.push(likeContains(word), likeContains(digits));
    } else {
      clauses.push(`${column} like ? escape '\\'`);
      params.push(likeContains(word));
    }
  }
  return { clauses, params };
}
