import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertFen, fenToYuanNumber, formatFen, parseYuanToFen, toHalfWidth } from '../../shared/money';

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [123450, '1,234.50'],
    [100000000, '1,000,000.00'],
    [-5, '-0.05'],
    [-123456789, '-1,234,567.89'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91'],
  ])('%d → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('adds ¥ after the minus sign and can drop grouping', () => {
    expect(formatFen(123450, { sign: true })).toBe('¥1,234.50');
    expect(formatFen(-5, { sign: true })).toBe('-¥0.05');
    expect(formatFen(123456789, { grouping: false })).toBe('1234567.89');
    expect(formatFen(-0)).toBe('0.00');
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses %s (not an integer fen)', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
    expect(() => assertFen(fen)).toThrow(/整数分/);
  });

  it('fenToYuanNumber is for display only and still refuses fractions of a fen', () => {
    expect(fenToYuanNumber(123450)).toBe(1234.5);
    expect(() => fenToYuanNumber(0.5)).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['1', 100],
    ['1.', 100],
    ['1.5', 150],
    ['1.05', 105],
    ['00012.30', 1230],
    ['1234.56', 123456],
    ['1,234.5', 123450],
    ['¥1,234.50', 123450],
    ['￥1,234.50', 123450],
    ['12元', 1200],
    [' 1 234.00 ', 123400],
    ['+5', 500],
    ['-12', -1200],
    ['-¥12.30', -1230],
    ['¥-12.30', -1230],
    ['-0.01', -1],
    // full-width digits, separators, point and sign (typed with a Chinese IME)
    ['１２３', 12300],
    ['１２３元', 12300],
    ['￥１，２３４．５６', 123456],
    ['－１．５', -150],
    ['１２\u3000３', 12300],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j → %d', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each([
    '',
    ' ',
    '-',
    '.',
    '.5',
    '1.234',
    '0.001',
    '1.2.3',
    'abc',
    '12a',
    '1e3',
    '0x10',
    'Infinity',
    'NaN',
    '--1',
    '1-',
    '¥',
    '90071992547409.92', // one fen beyond MAX_SAFE_INTEGER
    '9007199254740991', // that many yuan is far beyond a safe fen count
  ])('%j → null (not an amount)', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });

  it('never returns -0', () => {
    expect(Object.is(parseYuanToFen('-0'), 0)).toBe(true);
    expect(Object.is(parseYuanToFen('-0.00'), 0)).toBe(true);
  });

  it('round-trips formatFen for any safe integer, with and without sign and grouping', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), fc.boolean(), (fen, sign, grouping) => {
        const text = formatFen(fen, { sign, grouping });
        expect(parseYuanToFen(text)).toBe(fen);
        expect(parseYuanToFen(toFullWidth(text))).toBe(fen);
      }),
      { numRuns: 2000, seed: 20250301 },
    );
  });

  it('is exact where float arithmetic is not (0.1 + 0.2 style amounts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${String(cents).padStart(2, '0')}`;
        expect(parseYuanToFen(text)).toBe(yuan * 100 + cents);
      }),
      { numRuns: 500, seed: 7 },
    );
    expect(parseYuanToFen('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(parseYuanToFen('1.13')).toBe(113);
  });

  it('only ever returns a safe integer or null, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[-+¥￥]?[\d,，.．０-９]{0,20}元?$/)),
        (text) => {
          const fen = parseYuanToFen(text);
          expect(fen === null || (Number.isSafeInteger(fen) && !Object.is(fen, -0))).toBe(true);
        },
      ),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('ＡＢＣ１２３，．（）\u3000')).toBe('ABC123,.() ');
    expect(toHalfWidth('中文不变')).toBe('中文不变');
  });
});

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
