// 客户自动评级: the ABC rule by hand — cut-offs, a customer crossing a line, ties, returns exceeding sales, no sales.
import { describe, expect, it } from 'vitest';
import { abcGrades, gradingWindow, type CustomerSales } from '../../electron/core/modules/customers/regrade';

const CUTS = [7000, 9000, 9800] as const;
const grades = (sales: CustomerSales[], cuts: readonly [number, number, number] = CUTS) =>
  Object.fromEntries([...abcGrades(sales, cuts)].map(([id, r]) => [id, r.grade]));
const s = (...fen: number[]) => fen.map((salesFen, i) => ({ customerId: i + 1, salesFen }));

describe('abcGrades', () => {
  it('grades by the share of sales before each customer: the customer crossing a line is still inside it', () => {
    // total 100: shares before each: 0, 50, 70, 70 (a tie: 3 and 4), 90, 95, 98, 98 (a tie)
    const r = grades(s(50, 20, 10, 10, 5, 3, 1, 1));
    expect(r).toEqual({ 1: 'A', 2: 'A', 3: 'B', 4: 'B', 5: 'C', 6: 'C', 7: 'D', 8: 'D' });
  });

  it('a share exactly on the cut-off belongs to the next grade', () => {
    // before customer 2: 70 % exactly → B (A needs strictly under 70 %)
    expect(grades(s(70, 20, 8, 2))).toEqual({ 1: 'A', 2: 'B', 3: 'C', 4: 'D' });
    // one fen less before it keeps it in A
    expect(
      grades([
        { customerId: 1, salesFen: 6999 },
        { customerId: 2, salesFen: 3001 },
      ]),
    ).toEqual({ 1: 'A', 2: 'A' });
    expect(
      grades([
        { customerId: 1, salesFen: 7000 },
        { customerId: 2, salesFen: 3000 },
      ]),
    ).toEqual({ 1: 'A', 2: 'B' });
  });

  it('one customer with all the sales is A', () => {
    expect(grades(s(12345))).toEqual({ 1: 'A' });
  });

  it('equal sales get the same grade, whatever their ids or the order they come in', () => {
    // 60 + three ties of 10 (shares before: 0, 60, 60, 60) + 10 → the ties all A although the later ones pass 70 %
    const rows = [
      { customerId: 9, salesFen: 10 },
      { customerId: 1, salesFen: 60 },
      { customerId: 7, salesFen: 10 },
      { customerId: 3, salesFen: 10 },
      { customerId: 5, salesFen: 5 },
      { customerId: 4, salesFen: 5 },
    ];
    const r = grades(rows);
    expect(r).toEqual({ 1: 'A', 9: 'A', 7: 'A', 3: 'A', 5: 'C', 4: 'C' });
    expect(grades([...rows].reverse())).toEqual(r);
    // everybody equal: all A
    expect(grades(s(5, 5, 5, 5))).toEqual({ 1: 'A', 2: 'A', 3: 'A', 4: 'A' });
  });

  it('returns exceeding sales (net below zero), net zero and no sales are D, and do not count in the total', () => {
    const r = abcGrades(
      [
        { customerId: 1, salesFen: 80 },
        { customerId: 2, salesFen: 20 },
        { customerId: 3, salesFen: -500 },
        { customerId: 4, salesFen: 0 },
      ],
      CUTS,
    );
    expect(r.get(1)).toEqual({ grade: 'A', cumulativeBp: 8000 });
    expect(r.get(2)).toEqual({ grade: 'B', cumulativeBp: 10000 });
    expect(r.get(3)).toEqual({ grade: 'D', cumulativeBp: null });
    expect(r.get(4)).toEqual({ grade: 'D', cumulativeBp: null });
  });

  it('follows the cut-offs of the setting', () => {
    // shares before: 0, 50, 70 (the tie of 3 and 4), 90, 95, 98, 98 (the tie of 7 and 8)
    expect(grades(s(50, 20, 10, 10, 5, 3, 1, 1), [5000, 8000, 9500])).toEqual({
      1: 'A',
      2: 'B',
      3: 'B',
      4: 'B',
      5: 'C',
      6: 'D',
      7: 'D',
      8: 'D',
    });
  });

  it('is exact with totals beyond what a double holds times 10,000', () => {
    const big = 900_000_000_000_000; // 9e14 fen × 10,000 > 2^53
    expect(
      grades([
        { customerId: 1, salesFen: big },
        { customerId: 2, salesFen: big / 3 },
        { customerId: 3, salesFen: 1 },
      ]),
    ).toEqual({
      1: 'A',
      2: 'B',
      3: 'D',
    });
  });
});

describe('gradingWindow', () => {
  it('is the 12 months ending today', () => {
    expect(gradingWindow('2026-12-01')).toEqual({ from: '2025-12-02', to: '2026-12-01' });
    expect(gradingWindow('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(gradingWindow('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});
