// 月度会议材料 as a PowerPoint file (16:9): the same sheets as the PDF, one slide each — charts as native PowerPoint
// charts carrying their data (editable in PowerPoint and WPS: bar, line, stacked bar, Pareto as bar + line), tables as
// native tables. Pure: pptxgenjs is passed in (the page loads it on demand, the tests in Node).
import type PptxGenJS from 'pptxgenjs';
import { categoryLabelOf, packTable, pairFills, rampFills, type PackUnit } from '@/charts/meetingPackCharts';
import { palette } from '@/charts/theme';
import {
  contentsOf,
  monthWords,
  packFooter,
  packSheets,
  scopeWords,
  sheetTitle,
  type MeetingPack,
  type PackSheet,
} from '@/print/forms/meetingPack';

type Pptx = InstanceType<typeof PptxGenJS>;
type Slide = ReturnType<Pptx['addSlide']>;
type ChartOpts = NonNullable<Parameters<Slide['addChart']>[2]>;

const FONT = 'Microsoft YaHei';
const COLORS = palette.map((c) => c.slice(1));
/** LAYOUT_WIDE: 13.333 × 7.5 in */
const W = 13.333;
const MARGIN = 0.5;
const BODY = { x: MARGIN, y: 1.95, w: W - 2 * MARGIN, h: 4.95 };

/** A series' values as the chart's data: money in 万元 (exact to the 分: six decimals), rates as fractions, ×100 ratios
 *  as numbers. */
export function chartValues(unit: PackUnit, values: ReadonlyArray<number | null>): Array<number | null> {
  return values.map((v) => {
    if (v === null) return null;
    if (unit === 'fen') return Number((v / 1_000_000).toFixed(6));
    if (unit === 'bp') return v / 10_000;
    if (unit === 'x100') return v / 100;
    return v;
  });
}

/** The number format of a unit on a data label: money in 万 (7,318.5万, a plain suffix every office suite reads), %. */
export function formatCode(unit: PackUnit): string {
  if (unit === 'fen') return '#,##0.0"万"';
  if (unit === 'bp') return '0.0%';
  if (unit === 'x100') return '0.00';
  return '#,##0';
}

/** The values without trailing blanks (months still to come): PowerPoint reads a missing point as a gap, where an
 *  empty one is not a number. */
export function pointsOf(unit: PackUnit, values: ReadonlyArray<number | null>): number[] {
  const out = chartValues(unit, values);
  while (out.length > 0 && out.at(-1) === null) out.pop();
  return out as number[];
}

const baseChart = (unit: PackUnit): ChartOpts => ({
  ...BODY,
  chartColors: COLORS,
  showLegend: true,
  legendPos: 't',
  legendFontFace: FONT,
  legendFontSize: 12,
  catAxisLabelFontFace: FONT,
  catAxisLabelFontSize: 11,
  valAxisLabelFontFace: FONT,
  valAxisLabelFontSize: 11,
  valAxisLabelFormatCode: unit === 'fen' ? '#,##0"万"' : unit === 'bp' ? '0%' : formatCode(unit),
  valGridLine: { color: 'DDDDDD', size: 0.5 },
  dataLabelFontFace: FONT,
  dataLabelFontSize: 10,
  dataLabelFormatCode: formatCode(unit),
  dataBorder: { pt: 0.5, color: '000000' },
});

type ChartData = Array<{ name: string; labels: string[]; values: number[] }>;

function dataOf(sheet: PackSheet, which?: number[]): ChartData {
  const { page } = sheet;
  return page.series
    .filter((_, i) => !which || which.includes(i))
    .map((s) => ({ name: s.name, labels: page.categories, values: pointsOf(s.unit, s.values) }));
}

function addChart(pptx: Pptx, slide: Slide, sheet: PackSheet): void {
  const { page } = sheet;
  const unit = page.series[0]?.unit ?? 'fen';
  if (sheet.layout === 'achievement') {
    // columns for the achievement, labelled; the time progress as a black dashed line across them
    const many = page.categories.length > 12;
    slide.addChart(
      [
        {
          type: pptx.ChartType.bar,
          data: dataOf(sheet, [0]),
          options: {
            barDir: 'col',
            barGrouping: 'clustered',
            barGapWidthPct: page.categories.length <= 4 ? 180 : 40,
            chartColors: [COLORS[0]!],
            showValue: true,
          },
        },
        {
          type: pptx.ChartType.line,
          data: dataOf(sheet, [1]),
          options: { chartColors: ['000000'], lineDash: 'dash', lineSize: 2, lineDataSymbol: 'none', showValue: false },
        },
      ],
      {
        ...baseChart('bp'),
        valAxisMinVal: 0,
        // inside the column's top, in white: clear of the time-progress line just above or across it
        dataLabelPosition: 'inEnd',
        dataLabelColor: 'FFFFFF',
        dataLabelFontSize: many ? 8 : 12,
        catAxisLabelRotate: many ? -45 : 0,
      } as unknown as unknown[],
    );
  } else if (sheet.layout === 'groupedBar' || sheet.layout === 'stackedBar') {
    const stacked = sheet.layout === 'stackedBar';
    slide.addChart(pptx.ChartType.bar, dataOf(sheet), {
      ...baseChart(unit),
      // the printed pages' fills: dark and light side by side, parts of a stack light to dark
      chartColors: (stacked ? rampFills : pairFills).map((c) => c.slice(1)),
      barDir: 'col',
      barGrouping: stacked ? 'stacked' : 'clustered',
      barGapWidthPct: stacked ? 60 : 80,
      ...(stacked ? { barOverlapPct: 100 } : {}),
      showValue: !stacked,
      dataLabelPosition: 'outEnd',
      catAxisLabelRotate: page.categories.length > 8 ? -30 : 0,
    });
  } else if (sheet.layout === 'line') {
    // each year its own line part: solid with circles, dashed with triangles — apart without colour
    const dashes = ['solid', 'dash', 'sysDot'] as const;
    const symbols = ['circle', 'triangle', 'square'] as const;
    slide.addChart(
      page.series.map((s, i) => ({
        type: pptx.ChartType.line,
        data: [{ name: s.name, labels: page.categories, values: pointsOf(s.unit, s.values) }],
        options: {
          chartColors: [COLORS[i % COLORS.length]!],
          lineDash: dashes[i % dashes.length],
          lineDataSymbol: symbols[i % symbols.length],
          lineDataSymbolSize: 7,
          lineSize: 2.5,
        },
      })),
      // a combination's options come second (pptxgenjs reads them there; its typing says data)
      { ...baseChart(unit), showValue: false } as unknown as unknown[],
    );
  } else if (sheet.layout === 'pareto') {
    const [bars, line] = page.series;
    slide.addChart(
      [
        {
          type: pptx.ChartType.bar,
          data: dataOf(sheet, [0]),
          options: { barDir: 'col', barGrouping: 'clustered', chartColors: [pairFills[1].slice(1)], barGapWidthPct: 50 },
        },
        {
          type: pptx.ChartType.line,
          data: dataOf(sheet, [1]),
          options: {
            chartColors: ['000000'],
            lineDash: 'dash',
            lineDataSymbol: 'triangle',
            lineDataSymbolSize: 7,
            lineSize: 2,
            secondaryValAxis: true,
            secondaryCatAxis: true,
          },
        },
      ],
      {
        ...baseChart(bars?.unit ?? 'fen'),
        catAxisLabelRotate: -35,
        valAxes: [
          { showValAxisTitle: true, valAxisTitle: bars?.name ?? '', valAxisLabelFormatCode: formatCode(bars?.unit ?? 'fen') },
          {
            showValAxisTitle: true,
            valAxisTitle: line?.name ?? '',
            valAxisMinVal: 0,
            valAxisMaxVal: 1,
            valAxisLabelFormatCode: '0%',
            valGridLine: { style: 'none' },
          },
        ],
        catAxes: [{ catAxisTitle: categoryLabelOf(page) }, { catAxisHidden: true }],
      } as unknown as unknown[],
    );
  }
}

function addTable(slide: Slide, sheet: PackSheet): void {
  const table = packTable(sheet.page, categoryLabelOf(sheet.page));
  const roomy = sheet.layout === 'kpis';
  const cell = (text: string, numeric: boolean, head = false) => ({
    text,
    options: {
      bold: head,
      fill: head ? { color: 'E4E7ED' } : undefined,
      align: numeric ? ('right' as const) : ('left' as const),
    },
  });
  const rows = [
    table.columns.map((c) => cell(c.label, c.numeric, true)),
    ...table.rows.map((r) => r.map((text, i) => cell(text, table.columns[i]?.numeric ?? false))),
  ];
  // 经营概况: money columns wide enough for ¥123,456,789.00 on one line, the changes narrow
  const colW = roomy
    ? table.columns.map((c, i) => (i === 0 ? 1.9 : c.label === '同比' || c.label === '环比' ? 1.35 : (BODY.w - 1.9 - 2 * 1.35) / 3))
    : [2.4, ...table.columns.slice(1).map(() => (BODY.w - 2.4) / Math.max(1, table.columns.length - 1))];
  slide.addTable(rows, {
    x: BODY.x,
    y: BODY.y,
    w: BODY.w,
    colW,
    rowH: roomy ? 0.6 : 0.25,
    fontFace: FONT,
    fontSize: roomy ? 16 : 10.5,
    valign: 'middle',
    border: { type: 'solid', pt: 0.75, color: '000000' },
    margin: [0, 0.08, 0, 0.08],
  });
}

/** The band, title, finding and footer every page slide has. */
function frame(slide: Slide, pack: MeetingPack, sheet: PackSheet): void {
  const small = { fontFace: FONT, fontSize: 10, color: '606266' };
  slide.addText(pack.companyName, { x: MARGIN, y: 0.2, w: 6, h: 0.3, ...small });
  slide.addText(`${monthWords(pack.month)} 销售会议材料 · ${scopeWords(pack)}`, {
    x: W / 2,
    y: 0.2,
    w: W / 2 - MARGIN,
    h: 0.3,
    align: 'right',
    ...small,
  });
  slide.addShape('line', { x: MARGIN, y: 0.52, w: W - 2 * MARGIN, h: 0, line: { color: '000000', width: 1 } });
  slide.addText(sheetTitle(sheet), { x: MARGIN, y: 0.6, w: W - 2 * MARGIN, h: 0.6, fontFace: FONT, fontSize: 26, bold: true });
  slide.addShape('rect', { x: MARGIN, y: 1.28, w: W - 2 * MARGIN, h: 0.55, fill: { color: 'F2F3F5' }, line: { color: 'F2F3F5' } });
  slide.addShape('rect', { x: MARGIN, y: 1.28, w: 0.08, h: 0.55, fill: { color: '000000' }, line: { color: '000000' } });
  slide.addText(sheet.page.finding, {
    x: MARGIN + 0.18,
    y: 1.28,
    w: W - 2 * MARGIN - 0.2,
    h: 0.55,
    fontFace: FONT,
    fontSize: 16,
    bold: true,
    fit: 'shrink',
  });
  footer(slide, pack, sheet);
}

function footer(slide: Slide, pack: MeetingPack, sheet: PackSheet): void {
  const small = { fontFace: FONT, fontSize: 9, color: '606266' };
  slide.addText(packFooter(pack), { x: MARGIN, y: 7.05, w: 9, h: 0.3, ...small });
  slide.addText(`${sheet.number} / ${sheet.total}`, { x: W - MARGIN - 2, y: 7.05, w: 2, h: 0.3, align: 'right', ...small });
}

function cover(slide: Slide, pack: MeetingPack, sheet: PackSheet, made: string, sheets: readonly PackSheet[]): void {
  const center = { x: MARGIN, w: W - 2 * MARGIN, align: 'center' as const, fontFace: FONT };
  slide.addText(pack.companyName, { ...center, y: 0.5, h: 0.5, fontSize: 20 });
  slide.addText('月度销售会议材料', { ...center, y: 1.1, h: 0.9, fontSize: 40, bold: true, charSpacing: 6 });
  slide.addText(sheet.page.title, { ...center, y: 2.0, h: 0.6, fontSize: 24 });
  slide.addText(`范围：${scopeWords(pack)}    期间：${pack.from} — ${pack.to}    制作日期：${made}`, {
    ...center,
    y: 2.7,
    h: 0.4,
    fontSize: 14,
    color: '303133',
  });
  slide.addText(sheet.page.finding, { ...center, y: 3.25, h: 0.55, fontSize: 18, bold: true });
  const list = contentsOf(sheets);
  slide.addTable(
    list.map((c) => [
      { text: c.title, options: { align: 'left' as const } },
      { text: String(c.number), options: { align: 'right' as const } },
    ]),
    {
      x: (W - 7) / 2,
      y: 4.0,
      w: 7,
      colW: [6, 1],
      rowH: 0.3,
      fontFace: FONT,
      fontSize: 12,
      border: { type: 'none' },
      margin: [0, 0.05, 0, 0.05],
    },
  );
  footer(slide, pack, sheet);
}

/** The whole pack as a presentation: one slide per PDF page, in the same order. */
export function buildMeetingPackPptx(Pptx: typeof PptxGenJS, pack: MeetingPack, made: string): Pptx {
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.company = pack.companyName;
  pptx.title = `${monthWords(pack.month)} 销售会议材料 · ${scopeWords(pack)}`;
  pptx.subject = '月度会议材料';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const sheets = packSheets(pack);
  for (const sheet of sheets) {
    const slide = pptx.addSlide();
    if (sheet.layout === 'cover') {
      cover(slide, pack, sheet, made, sheets);
      continue;
    }
    frame(slide, pack, sheet);
    if (sheet.page.categories.length === 0)
      slide.addText('没有可列出的数字（见上方结论）', { ...BODY, align: 'center', fontFace: FONT, fontSize: 18, color: '606266' });
    else if (sheet.layout === 'table' || sheet.layout === 'kpis') addTable(slide, sheet);
    else addChart(pptx, slide, sheet);
  }
  return pptx;
}

/** The .pptx file's bytes. */
export async function meetingPackPptxBytes(Pptx: typeof PptxGenJS, pack: MeetingPack, made: string): Promise<Uint8Array> {
  const out = await buildMeetingPackPptx(Pptx, pack, made).write({ outputType: 'uint8array' });
  return out as Uint8Array;
}
