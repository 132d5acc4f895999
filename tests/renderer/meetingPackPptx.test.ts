// @vitest-environment node
// The meeting pack's .pptx built in Node as the page builds it, then read back as the zip it is: one slide per PDF page,
// native charts (ppt/charts/chartN.xml) carrying the page's figures with an embedded workbook each, tables as tables.
import { describe, expect, it } from 'vitest';
import PptxGenJS from 'pptxgenjs';
import JSZip from 'jszip';
import { chartValues, formatCode, meetingPackPptxBytes, pointsOf } from '@/views/meetingPack/pptx';
import { packSheets } from '@/print/forms/meetingPack';
import { fixturePack, REPS } from './meetingPackFixture';

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async('string');
  const names = Object.keys(zip.files);
  return { zip, text, names };
}

const slideNo = (n: string) => Number(/(\d+)\.xml$/.exec(n)![1]);
/** every <c:v> of a chart part, in order */
const cachedValues = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
/** the chart part a slide refers to */
async function chartOfSlide(files: Awaited<ReturnType<typeof unzip>>, slide: number): Promise<string | null> {
  const rels = await files.text(`ppt/slides/_rels/slide${slide}.xml.rels`);
  const target = /Target="(?:\/ppt|\.\.)\/charts\/(chart\d+\.xml)"/.exec(rels);
  return target ? files.text(`ppt/charts/${target[1]}`) : null;
}

describe('meeting pack .pptx', () => {
  it('one slide per PDF page; charts native with the page’s figures, tables native with every row', async () => {
    const pack = fixturePack();
    const bytes = await meetingPackPptxBytes(PptxGenJS, pack, '2026-12-01');
    expect(bytes[0]).toBe(0x50); // PK: a zip
    const files = await unzip(bytes);
    const slides = files.names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => slideNo(a) - slideNo(b));
    const sheets = packSheets(pack);
    expect(sheets.map((s) => s.key)).toEqual(['cover', 'kpis', 'targets', 'trend', 'regions', 'abc', 'aging', 'activity-1', 'activity-2']);
    expect(slides).toHaveLength(sheets.length);

    // 16:9
    const presentation = await files.text('ppt/presentation.xml');
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!;
    expect(Number(size[1]) / Number(size[2])).toBeCloseTo(16 / 9, 2);

    // five chart pages → five chart parts, each with its workbook
    const charts = files.names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(5);
    expect(files.names.filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))).toHaveLength(5);

    // each slide says its title and finding
    for (const [i, sheet] of sheets.entries()) {
      const xml = await files.text(`ppt/slides/slide${i + 1}.xml`);
      expect(xml).toContain(sheet.page.title);
      expect(xml).toContain(sheet.page.finding);
      expect(xml).toContain(`${i + 1} / ${sheets.length}`);
    }

    // 目标达成: the achievement as labelled columns, the time progress a dashed line across them
    const targets = (await chartOfSlide(files, 3))!;
    expect(targets).toContain('<c:barDir val="col"/>');
    expect(targets).toContain('<c:lineChart>');
    expect(targets).toContain('<a:prstDash val="dash"/>');
    expect(cachedValues(targets)).toEqual(['达成率', '销售额', '回款额', '1.0077', '0.9444', '时间进度', '销售额', '回款额', '1', '1']);

    // trend: two line parts (solid and dashed), this year's month to come left out (a gap, not an empty number)
    const trend = (await chartOfSlide(files, 4))!;
    expect(trend.match(/<c:lineChart>/g)).toHaveLength(2);
    expect(trend).toContain('<a:prstDash val="dash"/>');
    expect(cachedValues(trend)).toEqual([
      '2026年',
      '1月',
      '2月',
      '3月',
      '298.010887',
      '107.51658',
      '2025年',
      '1月',
      '2月',
      '3月',
      '188.251775',
      '50.310849',
      '131.526919',
    ]);
    for (const xml of await Promise.all(charts.map(files.text))) expect(xml).not.toContain('<c:v></c:v>');

    // regions: clustered columns in 元, labelled in 万
    const regions = (await chartOfSlide(files, 5))!;
    expect(regions).toContain('<c:grouping val="clustered"/>');
    expect(regions).toContain('formatCode="#,##0.0&quot;万&quot;"');
    expect(cachedValues(regions)).toEqual(expect.arrayContaining(['华东', '华北', '181.77855', '95.962725', '93.043073', '33.408164']));

    // Pareto: bars and a line on a second axis
    const abc = (await chartOfSlide(files, 6))!;
    expect(abc).toContain('<c:barChart>');
    expect(abc).toContain('<c:lineChart>');
    expect(abc.match(/<c:valAx>/g)).toHaveLength(2);
    expect(cachedValues(abc)).toEqual(expect.arrayContaining(['窖香坊十年陈酿', '166.397185', '0.4585', '0.5291']));

    // aging: stacked
    const aging = (await chartOfSlide(files, 7))!;
    expect(aging).toContain('<c:grouping val="stacked"/>');
    expect(cachedValues(aging)).toEqual(expect.arrayContaining(['未到期', '1–30 天', '31 天以上', '1.1421', '0']));

    // the process table over two slides, header repeated, each rep once
    const t1 = await files.text('ppt/slides/slide8.xml');
    const t2 = await files.text('ppt/slides/slide9.xml');
    for (const t of [t1, t2]) expect(t).toContain('<a:tbl>');
    for (const t of [t1, t2]) expect(t).toContain('单次拜访收入');
    expect(t2).toContain('过程指标（按业务员）（续 2/2）');
    expect(REPS.filter((r) => t1.includes(r))).toEqual(REPS.slice(0, 10));
    expect(REPS.filter((r) => t2.includes(r))).toEqual(REPS.slice(10));
    expect(t1).toContain('¥3,979.19');
    expect(t1).toContain('4.00');
    expect(t1).toContain('90.5%');

    // 经营概况 as a table with 同比 / 环比; no base → —
    const kpis = await files.text('ppt/slides/slide2.xml');
    expect(kpis).toContain('¥3,628,981.66');
    expect(kpis).toContain('+104.2%');
    expect(kpis).toContain('-16.8%');
  });

  it('a page without figures (no targets set for the scope) says so under its finding, with no chart', async () => {
    const pack = fixturePack();
    const targets = pack.pages[2]!;
    targets.finding = '华东销售额没有设定目标';
    targets.categories = [];
    targets.series = targets.series.map((s) => ({ ...s, values: [] }));
    const files = await unzip(await meetingPackPptxBytes(PptxGenJS, pack, '2026-12-01'));
    const slide = await files.text('ppt/slides/slide3.xml');
    expect(slide).toContain('华东销售额没有设定目标');
    expect(slide).toContain('没有可列出的数字（见上方结论）');
    expect(await chartOfSlide(files, 3)).toBeNull();
    expect(files.names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(4);
  });

  it('chart data units: 万元 exact to the 分, rates as fractions, ×100 ratios as numbers; blanks stay blank', () => {
    expect(chartValues('fen', [123_456_78, null, -5, 1])).toEqual([12.345678, null, -0.000005, 0.000001]);
    expect(chartValues('bp', [6230, 10_000])).toEqual([0.623, 1]);
    expect(chartValues('x100', [481])).toEqual([4.81]);
    expect(chartValues('count', [21])).toEqual([21]);
    expect(pointsOf('fen', [100, null, 200, null, null])).toEqual([0.0001, null, 0.0002]);
    expect(formatCode('bp')).toBe('0.0%');
    expect(formatCode('fen')).toBe('#,##0.0"万"');
  });
});
