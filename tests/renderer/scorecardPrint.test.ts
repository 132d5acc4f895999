// 业绩考核表 print layout: the figures in three label / value pairs per row, each component with weight and points, the
// total with the team ranking, the comment, two hand signatures; one A4 sheet per rep, a batch numbering each scorecard
// 第 1 / 1 页 on its own; the print route's target and file name.
import { describe, expect, it } from 'vitest';
import { formTailRows, layoutDocument } from '@/print/layout';
import { fileNameOf, parseTarget, printFormOf } from '@/print/load';
import { hundredths, percent, periodText, scorecardDoc } from '@/print/forms/scorecard';
import { geometry, pageLabel } from '@/print/paginate';
import { evaluation } from './evaluationFixture';

describe('scorecard print', () => {
  it('formats rates, hundredths and periods', () => {
    expect([percent(9500), percent(1176), percent(5), percent(-250), percent(null)]).toEqual(['95.00%', '11.76%', '0.05%', '-2.50%', '—']);
    expect([hundredths(41), hundredths(4286), hundredths(0), hundredths(null)]).toEqual(['0.41', '42.86', '0.00', '—']);
    expect([periodText('2025-10'), periodText('2025-Q4')]).toEqual(['2025年10月', '2025年第4季度']);
  });

  it('every figure in the grid, the components with weight and points, the total, the comment and two signatures', () => {
    const doc = scorecardDoc(evaluation());
    expect(doc.title).toBe('业绩考核表');
    expect(doc.columns.map((c) => c.title)).toEqual(['项目', '数值', '项目', '数值', '项目', '数值']);
    expect(doc.meta.map((m) => `${m.label}：${m.value}`)).toEqual([
      '业务员：李娜（R02）',
      '班组：一组',
      '考核期间：2025-10（2025年10月，2025-10-01 至 2025-10-31）',
      '总分：67.95',
    ]);
    expect(doc.records.slice(0, 8)).toEqual([
      ['销售额(元)', '1,900.00', '回款额(元)', '300.00', '毛利(元)', '760.00'],
      ['销售目标(元)', '2,000.00', '销售达成率', '95.00%', '回款目标(元)', '—'],
      ['回款达成率', '—', '销售费用(元)', '40.00', '费用率', '2.11%'],
      ['成交客户数', '2', '新客户', '1', '流失客户(90天)', '2'],
      ['工作日', '18', '请假天数', '1', '出勤天数', '17'],
      ['完成拜访(次)', '7', '日均拜访(次)', '0.41', '百次拜访订单', '42.86'],
      ['单次拜访收入(元)', '271.43', '单次拜访费用(元)', '5.71', '有订单的拜访', '3'],
      ['计划 应交/按时签核', '17 / 2', '报告 应交/按时签核', '17 / 2', '报表合规率', '11.76%'],
    ]);
    expect(doc.records.slice(8)).toEqual([
      ['考核项目', '实际', '权重', '得分率', '说明', '得分'],
      ['销售目标达成率', '95.00%', '30.00%', '95.00%', '', '35.63'],
      ['回款目标达成率', '—', '20.00%', '—', '无目标，不计', '—'],
      ['日均拜访', '0.41 次/天', '10.00%', '6.83%', '', '0.85'],
      ['报表合规率', '11.76%', '10.00%', '11.76%', '', '1.47'],
      ['合作精神', '4 分', '10.00%', '80.00%', '', '10.00'],
      ['工作热情', '5 分', '10.00%', '100.00%', '', '12.50'],
      ['责任感', '3 分', '10.00%', '60.00%', '', '7.50'],
      ['加权总分（满分 100）', '', '100.00%', '', '团队排名 1 / 3', '67.95'],
    ]);
    expect(doc.tail[1]).toEqual({ kind: 'texts', rows: 3, items: [{ caption: '主管评语', text: '积极主动\u3000评分人：王主管' }] });
    expect(doc.twoSigners).toBe(true);
    expect(doc.signature).toBeNull();
    expect(doc.footer).toBe('业绩考核表 · 李娜 · 2025-10');
    const unscored = scorecardDoc(evaluation({ scores: null, teamRank: null }));
    expect(unscored.tail[1]).toMatchObject({ items: [{ caption: '主管评语', text: '尚未评分' }] });
    expect(unscored.records.at(-1)![4]).toBe('团队排名 —');
  });

  it('one A4 portrait sheet per rep; a batch numbers each scorecard on its own', () => {
    const g = geometry('a4');
    const docs = [evaluation(), evaluation({ repId: 3, repName: '周明', repCode: 'R03' }), evaluation({ repId: 4, repName: '赵磊' })].map(
      scorecardDoc,
    );
    // 17 records + the note line + 3 rows of comment + the signature fit the page's grid
    expect(docs[0]!.records.length + formTailRows(docs[0]!)).toBe(17 + 1 + 3 + 2);
    expect(docs[0]!.records.length + formTailRows(docs[0]!)).toBeLessThanOrEqual(g.rowsPerPage);
    const layout = layoutDocument(docs, 'a4');
    expect(layout.sheets).toHaveLength(3);
    expect(layout.sheets.map((s) => [s.doc.footer, pageLabel(s.number), s.last])).toEqual([
      ['业绩考核表 · 李娜 · 2025-10', '第 1 / 1 页', true],
      ['业绩考核表 · 周明 · 2025-10', '第 1 / 1 页', true],
      ['业绩考核表 · 赵磊 · 2025-10', '第 1 / 1 页', true],
    ]);
    // every record on one grid row (two lines at most), the columns filling the width
    expect(layout.sheets[0]!.records.every((r) => r.span === 1)).toBe(true);
    expect(layout.widthsByForm.get(docs[0]!.key)!.reduce((a, b) => a + b, 0)).toBeCloseTo(186, 5);
  });

  it('the print route: one rep, a team, or everyone for a month or quarter; a wrong period refused', () => {
    expect(parseTarget('scorecard', {}, { period: '2025-10', repId: '2' })).toEqual({ kind: 'scorecard', period: '2025-10', repId: 2 });
    expect(parseTarget('scorecard', {}, { period: '2025-Q4', teamId: '1' })).toEqual({ kind: 'scorecard', period: '2025-Q4', teamId: 1 });
    expect(parseTarget('scorecard', {}, { period: '2025-10' })).toEqual({ kind: 'scorecard', period: '2025-10' });
    expect(parseTarget('scorecard', {}, { period: '2025-13' })).toHaveProperty('error');
    expect(parseTarget('scorecard', {}, { period: '2025' })).toHaveProperty('error');
    expect(printFormOf({ kind: 'scorecard', period: '2025-10' })).toBe('scorecard');
    const docs = [scorecardDoc(evaluation())];
    expect(fileNameOf({ kind: 'scorecard', period: '2025-10', repId: 2 }, docs)).toBe('业绩考核表-李娜-2025-10');
    expect(fileNameOf({ kind: 'scorecard', period: '2025-10', teamId: 1 }, docs)).toBe('业绩考核表-一组-2025-10');
    expect(fileNameOf({ kind: 'scorecard', period: '2025-10' }, docs)).toBe('业绩考核表-全部业务员-2025-10');
  });
});
