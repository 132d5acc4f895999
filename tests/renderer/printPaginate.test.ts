// Pagination of paper forms as pure functions: the fixed grid per paper, the line estimate, the signature block kept
// with the last rows, blank padding, and page x / y of each form inside a batch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paperIds, papers } from '@shared/domain/print';
import {
  blockSpan,
  columnWidths,
  contentWidthMm,
  estimateLines,
  geometry,
  gridHeightMm,
  numberSheets,
  pageLabel,
  paginate,
  recordSpan,
  splitText,
  textWidthEm,
  type PageSlice,
} from '@/print/paginate';
import { formTailRows, layoutDocument, SIGNATURE_ROWS, type FormDoc } from '@/print/layout';
import { visitPlanColumns, visitPlanDoc, blankVisitPlanDoc } from '@/print/forms/visitPlan';
import { dailyReportDoc, blankDailyReportDoc } from '@/print/forms/dailyReport';
import { dateWithWeekday } from '@/print/forms/common';
import { blankMarketFeedbackDoc, marketFeedbackDoc } from '@/print/forms/marketFeedback';
import { offsetFromMeasurement, offsetOf } from '@/print/offset';
import { feedbackRow, planDetail, reportDetail } from './fixtures/printForms';

describe('the fixed grid of each paper', () => {
  it('has a fixed number of rows per page: A4 29, A4 landscape 19, 241×140 三联 12', () => {
    expect(paperIds.map((p) => geometry(p).rowsPerPage)).toEqual([29, 19, 12]);
  });

  it('fits every part of the sheet inside the paper', () => {
    for (const p of paperIds) {
      const g = geometry(p);
      expect(g.widthMm).toBe(papers[p].widthMm);
      expect(g.heightMm).toBe(papers[p].heightMm);
      expect(g.rowsPerPage * g.rowMm).toBeLessThanOrEqual(gridHeightMm(g));
      expect(g.linesPerRow * g.lineMm).toBeLessThanOrEqual(g.rowMm);
      // the tallest record and the longest tail of any form still fit on one page
      expect(g.maxSpan + 3 + 1 + 1 + SIGNATURE_ROWS).toBeLessThanOrEqual(g.rowsPerPage);
    }
  });

  it('gives the columns widths that add up exactly to the content width, fixed columns as set', () => {
    for (const p of paperIds) {
      const g = geometry(p);
      const widths = columnWidths(visitPlanColumns, contentWidthMm(g));
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(contentWidthMm(g), 6);
      expect(widths[0]).toBe(9);
      expect(widths[4]).toBe(15);
      expect(Math.min(...widths)).toBeGreaterThan(8);
    }
  });
});

describe('the line estimate', () => {
  it('counts CJK as 1 em and Latin narrower', () => {
    expect(textWidthEm('郑州华联')).toBe(4);
    expect(textWidthEm('AB12')).toBeCloseTo(2.48);
    expect(textWidthEm('')).toBe(0);
  });

  it('wraps by whole characters, each paragraph on a new line, empty text no line', () => {
    // 9 pt ≈ 3.175 mm per CJK character; a 34 mm cell (32 mm inside) holds 9 characters a line
    expect(estimateLines('一二三四五六七八九', 34, 9, 1)).toBe(1);
    expect(estimateLines('一二三四五六七八九十', 34, 9, 1)).toBe(2);
    expect(estimateLines('一二\n三四', 34, 9, 1)).toBe(2);
    expect(estimateLines('', 34, 9, 1)).toBe(0);
  });

  it('spans grid rows by the tallest cell, at least 1, at most the paper maxSpan', () => {
    const g = geometry('a4');
    expect(recordSpan(['1', '短'], [9, 30], g)).toBe(1);
    expect(recordSpan(['1', '一'.repeat(9 * 3)], [9, 34], g)).toBe(2); // 3 lines, 2 per row
    expect(recordSpan(['1', '一'.repeat(1000)], [9, 34], g)).toBe(g.maxSpan);
    expect(blockSpan(['', ''], 90, g, 1, 3)).toBe(1);
    expect(blockSpan(['一'.repeat(500)], 90, g, 1, 3)).toBe(3);
  });
});

describe('long text continued on the next rows', () => {
  const g = geometry('a4');
  it('cuts a long text into pieces of at most the lines a record may take, losing nothing', () => {
    const text = '上周走访新乡、许昌两地经销商，了解到竞品在做买二送一。'.repeat(20);
    const pieces = splitText(text, 60, g, 10);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(estimateLines(p, 60, g.fontPt, g.cellPadMm)).toBeLessThanOrEqual(10);
    expect(splitText('短', 60, g, 10)).toEqual(['短']);
  });

  it('holds for any text: pieces fit, and put together with the line breaks at the cuts they are the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('一', '二', 'a', 'W', '1', ' ', '，', '\n'), { maxLength: 400 }).map((a) => a.join('')),
        fc.integer({ min: 12, max: 120 }),
        fc.integer({ min: 1, max: 10 }),
        (text, width, maxLines) => {
          const pieces = splitText(text, width, g, maxLines);
          for (const p of pieces) expect(estimateLines(p, width, g.fontPt, g.cellPadMm)).toBeLessThanOrEqual(maxLines);
          expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('continues a long note of a plan line and a long next step of a report line on the rows below, whole', () => {
    const note = '客户要求下次带样品并约采购经理面谈，'.repeat(40);
    const plan = planDetail(2);
    plan.lines[0] = { ...plan.lines[0]!, notes: note };
    const planDoc = visitPlanDoc(plan, g);
    expect(planDoc.records.length).toBeGreaterThan(3);
    const noteCol = visitPlanColumns.findIndex((c) => c.key === 'notes');
    const first = planDoc.records.slice(0, planDoc.records.length - 1);
    expect(first.map((r) => r[noteCol]).join('')).toBe(note);
    // the continuation rows carry only the note; the next line starts with its own number
    for (const r of first.slice(1)) expect(r.filter((c, k) => k !== noteCol && c !== '')).toEqual([]);
    expect(planDoc.records.at(-1)![0]).toBe('2');

    const step = '下周二前回款五万元，余款月底结清，并确认新品铺货数量。'.repeat(30);
    const report = reportDetail(1);
    report.lines[0] = { ...report.lines[0]!, nextStep: step };
    const reportDoc = dailyReportDoc(report, g);
    expect(reportDoc.records.length).toBeGreaterThan(1);
    expect(reportDoc.records.map((r) => r[5]).join('')).toBe(step);
  });
});

function check(pages: PageSlice[], spans: number[], rowsPerPage: number, tail: number) {
  // every record once, in order, pages contiguous
  expect(pages[0]!.from).toBe(0);
  pages.forEach((p, i) => {
    if (i > 0) expect(p.from).toBe(pages[i - 1]!.to);
    const used = spans.slice(p.from, p.to).reduce((a, b) => a + b, 0);
    expect(p.usedRows).toBe(used);
    expect(p.usedRows + p.blankRows + (p.last ? tail : 0)).toBe(rowsPerPage);
    expect(p.blankRows).toBeGreaterThanOrEqual(0);
    expect(p.last).toBe(i === pages.length - 1);
    if (spans.length > 0) expect(p.to).toBeGreaterThan(p.from); // no page without rows
  });
  expect(pages[pages.length - 1]!.to).toBe(spans.length);
}

describe('paginate', () => {
  it('prints an empty form as one page of blank rows with the signature block', () => {
    const pages = paginate({ spans: [], rowsPerPage: 12, tailRows: 2 });
    expect(pages).toEqual([{ from: 0, to: 0, usedRows: 0, blankRows: 10, last: true }]);
  });

  it('keeps a short form on one page, padded with blank rows', () => {
    const pages = paginate({ spans: [1, 1, 2], rowsPerPage: 12, tailRows: 4 });
    expect(pages).toEqual([{ from: 0, to: 3, usedRows: 4, blankRows: 4, last: true }]);
  });

  it('moves the last two rows with the signature block when it does not fit after them', () => {
    // 12 rows fill the page exactly: the signature (2 rows) cannot follow, so records 11 and 12 go with it
    const spans = Array<number>(12).fill(1);
    const pages = paginate({ spans, rowsPerPage: 12, tailRows: 2 });
    expect(pages.map((p) => [p.from, p.to, p.blankRows])).toEqual([
      [0, 10, 2],
      [10, 12, 8],
    ]);
    check(pages, spans, 12, 2);
  });

  it('moves one row when two would not fit with the tail, and never empties the page before', () => {
    // 8 rows on the page, the tail needs 8: the last two (3 + 3) and the tail would need 14, so only the last goes
    const spans = [1, 1, 3, 3];
    const pages = paginate({ spans, rowsPerPage: 12, tailRows: 8 });
    expect(pages.map((p) => [p.from, p.to, p.usedRows, p.blankRows])).toEqual([
      [0, 3, 5, 7],
      [3, 4, 3, 1],
    ]);
    check(pages, spans, 12, 8);
  });

  it('gives a last page holding one record another from the page before (widow control)', () => {
    // 17 rows fill page 1 and the 3-row record starts page 2 alone: the record before it joins it
    const spans = [...Array<number>(17).fill(1), 3];
    const pages = paginate({ spans, rowsPerPage: 19, tailRows: 6 });
    expect(pages.map((p) => [p.from, p.to, p.usedRows, p.blankRows])).toEqual([
      [0, 16, 16, 3],
      [16, 18, 4, 9],
    ]);
    check(pages, spans, 19, 6);
  });

  it('refuses a tail that could never share a page with a record', () => {
    expect(() => paginate({ spans: [3], rowsPerPage: 12, tailRows: 10 })).toThrow(RangeError);
  });

  it('holds for any spans: every record once and in order, fixed grid, tail on the last page with rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 3 }),
        (rowsPerPage, maxSpan, extraTail, raw, keep) => {
          const tail = Math.min(rowsPerPage - maxSpan, 2 + extraTail);
          const spans = raw.map((s) => Math.min(s, maxSpan));
          const pages = paginate({ spans, rowsPerPage, tailRows: tail, keepWithTail: keep });
          check(pages, spans, rowsPerPage, tail);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('page numbers of forms in a batch', () => {
  it('numbers each form’s pages on their own', () => {
    expect(numberSheets([2, 1, 3])).toEqual([
      { form: 0, page: 1, pages: 2 },
      { form: 0, page: 2, pages: 2 },
      { form: 1, page: 1, pages: 1 },
      { form: 2, page: 1, pages: 3 },
      { form: 2, page: 2, pages: 3 },
      { form: 2, page: 3, pages: 3 },
    ]);
    expect(pageLabel({ page: 2, pages: 3 })).toBe('第 2 / 3 页');
  });

  it('lays out a batch: each form starts on a new sheet, numbers its own pages, and ends with its signature block', () => {
    const g = geometry('sanlian');
    const docs: FormDoc[] = [
      visitPlanDoc(planDetail(30, { id: 1, repName: '张伟' }), g),
      visitPlanDoc(planDetail(2, { id: 2, repName: '李娜' }), g),
      visitPlanDoc(planDetail(14, { id: 3, repName: '王强' }), g),
    ];
    const layout = layoutDocument(docs, 'sanlian');
    const byForm = (key: string) => layout.sheets.filter((s) => s.doc.key === key);
    for (const doc of docs) {
      const sheets = byForm(doc.key);
      expect(sheets.map((s) => s.number.page)).toEqual(sheets.map((_, i) => i + 1));
      expect(new Set(sheets.map((s) => s.number.pages))).toEqual(new Set([sheets.length]));
      expect(sheets.map((s) => s.last)).toEqual(sheets.map((_, i) => i === sheets.length - 1));
      expect(sheets[sheets.length - 1]!.records.length).toBeGreaterThan(0);
      expect(sheets.flatMap((s) => s.records.map((r) => r.cells[0]))).toEqual(doc.records.map((r) => r[0]));
      for (const s of sheets) {
        const used = s.records.reduce((a, r) => a + r.span, 0);
        expect(used + s.blankRows + (s.last ? formTailRows(doc) : 0)).toBe(g.rowsPerPage);
      }
    }
    expect(byForm('visit-plan-2')).toHaveLength(1);
    expect(byForm('visit-plan-1').length).toBeGreaterThan(2);
    // the forms follow each other in order
    expect(layout.sheets.map((s) => s.doc.key)).toEqual(
      [...byForm('visit-plan-1'), ...byForm('visit-plan-2'), ...byForm('visit-plan-3')].map((s) => s.doc.key),
    );
  });
});

describe('the forms as data', () => {
  it('prints a plan: header fields, one row per line with purposes in words, notes and the signature', () => {
    const g = geometry('a4');
    const doc = visitPlanDoc(planDetail(3, { notes: '本周重点：回款' }), g, 'data:image/png;base64,AAAA');
    expect(doc.title).toBe('每日拜访计划表');
    expect(doc.meta.map((m) => `${m.label}：${m.value}`)).toEqual([
      '日期：2026-05-12（星期二）',
      '业务员：张伟（R002）',
      '班组：郑州一组',
      '计划拜访：3 家',
      '状态：已签核',
    ]);
    expect(doc.records[0]).toEqual([
      '1',
      'C000500',
      '郑州华联超市有限公司',
      '郑州市 › 金水区片区',
      '08:30',
      '收款、接收订货',
      '李经理',
      '',
    ]);
    expect(doc.tail).toEqual([{ kind: 'texts', rows: 1, items: [{ caption: '备注', text: '本周重点：回款' }] }]);
    expect(doc.signature).toMatchObject({ signerName: '王主管', hash8: '1a2b3c4d', image: 'data:image/png;base64,AAAA', comment: '同意' });
    expect(doc.footer).toBe('每日拜访计划表 · 张伟 · 2026-05-12');
  });

  it('leaves the signature block blank until the form is signed', () => {
    const doc = visitPlanDoc(planDetail(1, { state: 'submitted', signedByName: null, signedAt: null, contentHash: null }), geometry('a4'));
    expect(doc.signature).toBeNull();
    expect(doc.meta.at(-1)).toEqual({ label: '状态', value: '已提交' });
  });

  it('prints a report: unplanned visits, undone visits with their reason, money in yuan, totals and month to date', () => {
    const doc = dailyReportDoc(reportDetail(6), geometry('a4'));
    expect(doc.records[4]![2]).toBe('计划外');
    expect(doc.records[5]![3]).toBe('否');
    expect(doc.records[5]![4]).toBe('未完成：店主外出\n补货 20 箱');
    expect(doc.records[0]![6]).toBe('1,234.00');
    expect(doc.records[1]![6]).toBe('');
    expect(doc.records[2]![8]).toBe('KS0003');
    expect(doc.meta.find((m) => m.label === '出勤情况')?.value).toBe('出勤');
    expect(doc.tail[0]).toEqual({ kind: 'totals', cells: ['', '合计（拜访 6 家）', '', '5', '', '', '9,876.00', '2,500.00', ''] });
    expect(doc.tail[1]).toMatchObject({ kind: 'line' });
    expect((doc.tail[1] as { text: string }).text).toContain('本月累计（5月1日—5月12日）：报告 9 天');
    // the month's sales target as 目标达成 reckons it
    expect(doc.tail[2]).toEqual({
      kind: 'line',
      text: '本月销售目标 120,000.00 元\u3000已完成 51,000.00 元\u3000达成率 42.50%\u3000时间进度 38.10%\u3000超前',
    });
    const noTarget = reportDetail(6);
    noTarget.monthToDate = { ...noTarget.monthToDate, salesTargetFen: null, achievementBp: null, targetStatus: 'noTarget' };
    expect(dailyReportDoc(noTarget, geometry('a4')).tail[2]).toEqual({ kind: 'line', text: '本月销售目标 未设\u3000已完成 51,000.00 元' });
    expect(doc.tail[3]).toMatchObject({ kind: 'texts', items: [{ caption: '存在问题及需求' }, { caption: '明日工作重点' }] });
  });

  it('prints blank forms: one page of blank rows, fields to fill in, a blank signature block', () => {
    for (const paper of paperIds) {
      const g = geometry(paper);
      for (const doc of [blankVisitPlanDoc(g), blankDailyReportDoc(g)]) {
        const layout = layoutDocument([doc], paper);
        expect(layout.sheets).toHaveLength(1);
        expect(layout.sheets[0]!.blankRows).toBe(g.rowsPerPage - formTailRows(doc));
        expect(doc.signature).toBeNull();
        expect(doc.meta.slice(0, 3).map((m) => [m.label, m.value])).toEqual([
          ['日期', ''],
          ['业务员', ''],
          ['班组', ''],
        ]);
      }
    }
  });

  it('prints market feedback: one row per report, whom it concerns, the content, how it was handled', () => {
    const g = geometry('a4');
    const doc = marketFeedbackDoc(
      [feedbackRow(1), feedbackRow(2, { status: 'open', handler: '', response: '', handledDate: null })],
      { from: '2026-05-01', to: '2026-05-31' },
      g,
      'k',
    );
    expect(doc.title).toBe('市场状况反映表');
    expect(doc.meta.map((m) => `${m.label}：${m.value}`)).toEqual(['期间：2026-05-01 至 2026-05-31', '业务员：张伟', '共：2 条']);
    expect(doc.records[0]).toEqual([
      '1',
      '2026-05-12',
      '竞品动态',
      '紧急',
      '客户：郑州华联超市有限公司\n竞品：康师傅',
      'FK-20260512-001 竞品促销\n康师傅在华联超市做买二送一，端架陈列，持续到月底。',
      '已处理（王经理 2026-05-13）\n同意跟进促销，下周报价。',
    ]);
    expect(doc.records[1]![6]).toBe('待处理');
    expect(doc.signature).toBeNull();
    expect(blankMarketFeedbackDoc().records).toEqual([]);
  });

  it('continues a long feedback on the rows below instead of cutting it off', () => {
    const g = geometry('sanlian');
    const content = '经销商反映隔壁片区的货以低于出厂价的价格流入本区，'.repeat(40);
    const doc = marketFeedbackDoc([feedbackRow(1, { content }), feedbackRow(2)], {}, g, 'k');
    const continuation = doc.records.filter((r) => r[0] === '');
    expect(continuation.length).toBeGreaterThan(0);
    for (const r of continuation) expect(r.filter((c, i) => i !== 5 && c !== '')).toEqual([]);
    expect(
      doc.records
        .filter((r) => r[0] !== '1' && r[0] !== '2')
        .map((r) => r[5])
        .join(''),
    ).not.toBe('');
    expect(
      doc.records
        .slice(0, -1)
        .map((r) => r[5])
        .join(''),
    ).toBe(`FK-20260512-001 竞品促销\n${content}`);
    expect(doc.records.at(-1)![0]).toBe('2');
    // and it lays out on pages of its own numbering without clipping any piece
    const layout = layoutDocument([doc], 'sanlian');
    expect(layout.sheets.length).toBeGreaterThan(1);
    expect(layout.sheets.every((s) => s.records.every((r) => r.span <= g.maxSpan))).toBe(true);
  });

  it('names the weekday of the calendar date', () => {
    expect(dateWithWeekday('2026-05-10')).toBe('2026-05-10（星期日）');
    expect(dateWithWeekday('2024-02-29')).toBe('2024-02-29（星期四）');
  });
});

describe('printer offset', () => {
  it('reads the offset of a printer in mm, 0 for an unknown one', () => {
    const settings = { printers: [{ printer: 'EPSON LQ-630K', offsetX: 15, offsetY: -8 }], forms: [] };
    expect(offsetOf(settings, 'EPSON LQ-630K')).toEqual({ x: 1.5, y: -0.8 });
    expect(offsetOf(settings, '')).toEqual({ x: 0, y: 0 });
  });

  it('adds the measured miss of the 30 mm mark to the current offset, within ±30 mm', () => {
    expect(offsetFromMeasurement(0, 31.5)).toBe(-15);
    expect(offsetFromMeasurement(-15, 30)).toBe(-15);
    expect(offsetFromMeasurement(10, 28.2)).toBe(28);
    expect(offsetFromMeasurement(0, 80)).toBe(-300);
  });
});
