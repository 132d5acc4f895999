// Properties of the import's cell readers: every amount formatFen writes reads back as the same 分, misplaced separators
// and third decimals are refused, dates in every accepted spelling and integers read back exactly. fc.assert is not
// wrapped, so a failure prints its seed and counterexample path for `fc.assert(…, { seed, path })`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen } from '../../shared/money';
import { readDate, readInt, readMoney, serialToDate } from '../../electron/core/modules/import/cells';

const MAX_FEN = 1_000_000_000_000;
const fen = fc.integer({ min: 0, max: MAX_FEN });
const accepted = (value: unknown) => ({ ok: true, value });

describe('money reader', () => {
  it('formatFen → readMoney gives back the same 分, with and without grouping, as text or ¥ text', () => {
    fc.assert(
      fc.property(fen, (x) => {
        expect(readMoney(formatFen(x))).toEqual(accepted(x));
        expect(readMoney(formatFen(x, { grouping: false }))).toEqual(accepted(x));
        expect(readMoney(formatFen(x, { sign: true }))).toEqual(accepted(x));
      }),
      { numRuns: 2000 },
    );
  });

  it('a numeric cell holding x / 100 reads back as x 分', () => {
    fc.assert(
      fc.property(fen, (x) => {
        expect(readMoney(x / 100)).toEqual(accepted(x));
      }),
      { numRuns: 2000 },
    );
  });

  it('a third decimal is refused at any size, as text and as a number', () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 1, max: 9 }), (x, d) => {
        const text = `${formatFen(x, { grouping: false })}${d}`;
        expect(readMoney(text)).toMatchObject({ ok: false, message: `金额最多两位小数「${text}」` });
        expect(readMoney(Number(text)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('a separator that does not split groups of three is refused', () => {
    // digits with a comma at a place that leaves a group of one, two or four digits after it
    const misplaced = fc
      .tuple(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 4 }).filter((n) => n !== 3),
        fc.boolean(),
      )
      .map(([head, tailLength, fullWidth]) => {
        const tail = '7'.repeat(tailLength);
        return `${head}${fullWidth ? '，' : ','}${tail}`;
      });
    fc.assert(
      fc.property(misplaced, (text) => {
        const read = readMoney(text);
        expect(read.ok).toBe(false);
        expect(read.ok ? '' : read.message).toContain('千位分隔符位置不对');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('date reader', () => {
  const day = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
  const parts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it('YYYY-MM-DD, YYYY/M/D, YYYY年M月D日, YYYYMMDD and the Excel serial all give the same date', () => {
    fc.assert(
      fc.property(day, (d) => {
        const [y, m, dd] = parts(d);
        const want = accepted(iso(d));
        expect(readDate(iso(d))).toEqual(want);
        expect(readDate(`${y}/${m}/${dd}`)).toEqual(want);
        expect(readDate(`${y}年${m}月${dd}日`)).toEqual(want);
        expect(readDate(iso(d).replace(/-/g, ''))).toEqual(want);
        // Excel's serial counts days from 1899-12-30 for every date after its fictional 1900-02-29
        const serial = Math.round((Date.UTC(y, m - 1, dd) - Date.UTC(1899, 11, 30)) / 86_400_000);
        expect(serialToDate(serial)).toEqual(want);
        expect(readDate(serial)).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('a day past the end of its month is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(readDate(`${y}-${m}-${last + 1}`).ok).toBe(false);
      }),
    );
  });
});

describe('integer reader', () => {
  it('a whole number as a number, as text and with thousands separators reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (n) => {
        expect(readInt(n)).toEqual(accepted(n));
        expect(readInt(String(n))).toEqual(accepted(n));
        expect(readInt(n.toLocaleString('en-US'))).toEqual(accepted(n));
        expect(readInt(`${n}天`, '天')).toEqual(accepted(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('a number with a fraction is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 99 }), (n, f) => {
        expect(readInt(Number(`${n}.${String(f).padStart(2, '0')}`)).ok).toBe(false);
      }),
    );
  });
});
