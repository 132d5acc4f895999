// 客户对账单 print layout: the opening balance carried forward, one row per document with its running balance, 本期合计,
// the closing balance and the aging on the last page, the customer's confirmation block kept with the last rows, the
// table header and page x / y on every page; the print route's target.
import { describe, expect, it } from 'vitest';
import type { StatementOutput } from '@shared/contract/receivables';
import { layoutDocument, formTailRows } from '@/print/layout';
import { fileNameOf, parseTarget, printFormOf } from '@/print/load';
import { agingLine, contactLine, statementColumns, statementDoc } from '@/print/forms/statement';
import { geometry } from '@/print/paginate';

/** A statement of `n` lines: sales of 1,000.00 and collections of 400.00 alternating, from an opening of 50.00. */
function statement(n: number): StatementOutput {
  let balance = 5_000;
  const lines = Array.from({ length: n }, (_, i) => {
    const sale = i % 2 === 0;
    const debitFen = sale ? 100_000 : 0;
    const creditFen = sale ? 0 : 40_000;
    balance += debitFen - creditFen;
    return {
      date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      kind: sale ? ('order' as const) : ('collection' as const),
      docNo: `${sale ? 'XS' : 'HK'}-20260301-${String(i + 1).padStart(3, '0')}`,
      debitFen,
      creditFen,
      balanceFen: balance,
      note: sale ? '' : '转账',
    };
  });
  const debitFen = lines.reduce((s, l) => s + l.debitFen, 0);
  const creditFen = lines.reduce((s, l) => s + l.creditFen, 0);
  return {
    customerId: 9,
    customerCode: 'C0009',
    customerName: '北京华众商贸有限公司',
    contactName: '王强',
    phone: '13800001111',
    address: '北京市朝阳区建国路 88 号',
    from: '2026-03-01',
    to: '2026-03-31',
    openingFen: 5_000,
    lines,
    debitFen,
    creditFen,
    closingFen: balance,
    aging: {
      bucketEdges: [30, 60, 90, 180],
      notDueFen: balance - 30_000,
      bucketsFen: [30_000, 0, 0, 0, 0],
      totalFen: balance,
      overdueFen: 30_000,
      prepaymentFen: 0,
    },
  };
}

describe('statement print', () => {
  it('the opening carried forward, each line with its running balance, 本期合计 and the closing balance', () => {
    const s = statement(3);
    const doc = statementDoc(s, { name: '郑州华众商贸' });
    expect(doc.title).toBe('客户对账单');
    expect(doc.columns.map((c) => c.title)).toEqual(['序号', '日期', '类型', '单号', '摘要', '应收增加(元)', '应收减少(元)', '余额(元)']);
    expect(doc.records[0]).toEqual(['', '2026-03-01', '期初', '', '上期结转', '', '', '50.00']);
    expect(doc.records[1]).toEqual(['1', '2026-03-01', '销售', 'XS-20260301-001', '', '1,000.00', '', '1,050.00']);
    expect(doc.records[2]).toEqual(['2', '2026-03-02', '回款', 'HK-20260301-002', '转账', '', '400.00', '650.00']);
    expect(doc.records).toHaveLength(4);
    expect(doc.tail[0]).toEqual({ kind: 'totals', cells: ['', '', '', '', '本期合计（3 笔）', '2,000.00', '400.00', '1,650.00'] });
    expect(doc.tail[1]).toEqual({ kind: 'line', text: '期末余额（截至 2026-03-31）：¥1,650.00　期初余额：¥50.00' });
    expect(doc.confirmation).toBe(true);
    expect(doc.signature).toBeNull();
    expect(doc.meta.map((m) => `${m.label}：${m.value}`)).toEqual([
      '客户：北京华众商贸有限公司（C0009）',
      '联系人：王强',
      '电话：13800001111',
      '期间：2026-03-01 至 2026-03-31',
      '地址：北京市朝阳区建国路 88 号',
    ]);
  });

  it('the aging line names each bucket with an amount, the overdue total and the prepayment; the contact line the company', () => {
    const s = statement(1);
    s.aging = {
      bucketEdges: [30, 60],
      notDueFen: -2_000,
      bucketsFen: [0, 12_345, 0],
      totalFen: 10_345,
      overdueFen: 12_345,
      prepaymentFen: 2_000,
    };
    expect(agingLine(s)).toBe('账龄（截至 2026-03-31）：未到期 -20.00；31–60天 123.45；逾期合计 123.45；预收 20.00');
    expect(contactLine({ name: '郑州华众商贸' })).toContain('郑州华众商贸');
    expect(contactLine({ name: '郑州华众商贸', phone: '0371-6666' })).toContain('电话 0371-6666');
  });

  it('a statement of 150 lines: every page has the header and page x / y, the confirmation block sits with the last rows', () => {
    const doc = statementDoc(statement(150), { name: '郑州华众商贸' });
    const layout = layoutDocument([doc], 'a4');
    const g = geometry('a4');
    const n = layout.sheets.length;
    expect(n).toBeGreaterThan(4);
    // every record prints once, in order, across the pages
    expect(layout.sheets.flatMap((s) => s.records.map((r) => r.cells[0]))).toEqual([
      '',
      ...Array.from({ length: 150 }, (_, i) => String(i + 1)),
    ]);
    layout.sheets.forEach((s, i) => {
      expect(s.number).toEqual({ form: 0, page: i + 1, pages: n });
      expect(s.doc.columns).toBe(doc.columns); // the header row is drawn from these on every sheet
      expect(s.last).toBe(i === n - 1);
      // a fixed grid: records + blank rows (+ the tail and confirmation on the last page) fill the page exactly
      const used = s.records.reduce((a, r) => a + r.span, 0) + s.blankRows + (s.last ? formTailRows(doc) : 0);
      expect(used).toBe(g.rowsPerPage);
    });
    const last = layout.sheets[n - 1]!;
    // the last rows are on the last page with the totals and the confirmation block, never the block alone
    expect(last.records.length).toBeGreaterThanOrEqual(2);
    expect(last.records.at(-1)!.cells[0]).toBe('150');
    // money columns fit the widest amount on one line
    const widths = layout.widthsByForm.get(doc.key)!;
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(186, 5);
    expect(statementColumns.find((c) => c.key === 'balance')!.align).toBe('right');
  });

  it('the print route: customer and period; remembered as statement; the PDF named after the customer and period', () => {
    expect(parseTarget('statement', {}, { customerId: '9', from: '2026-03-01', to: '2026-03-31' })).toEqual({
      kind: 'statement',
      customerId: 9,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(parseTarget('statement', {}, { from: '2026-03-01', to: '2026-03-31' })).toHaveProperty('error');
    expect(parseTarget('statement', {}, { customerId: '9', from: '2026-03-01' })).toHaveProperty('error');
    const target = { kind: 'statement', customerId: 9, from: '2026-03-01', to: '2026-03-31' } as const;
    expect(printFormOf(target)).toBe('statement');
    expect(fileNameOf(target, [statementDoc(statement(1), { name: 'x' })])).toBe('客户对账单-北京华众商贸有限公司-2026-03-01至2026-03-31');
  });
});
