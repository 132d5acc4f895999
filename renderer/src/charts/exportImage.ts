// A chart leaving the app: as a PNG at 2× on white with its title and caption (period and filters) drawn above it, and
// its 查看数据 table as an .xlsx whose figures are numbers (money in 元, percentages as fractions) with Excel formats.
import type { ECharts } from './echarts';
import type { DataTable } from './table';
import { textColor } from './theme';

/** Exported images are drawn at twice the screen size: sharp on slides and in print. */
export const EXPORT_PIXEL_RATIO = 2;

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const CAPTION_COLOR = '#606266';

/** Where the header's lines go on the exported image, in image pixels (CSS pixels × ratio). */
export interface ImageLayout {
  width: number;
  height: number;
  padding: number;
  titleFont: string;
  titleBaseline: number;
  captionFont: string;
  captionBaseline: number;
  chartTop: number;
}

/** The image is exactly the chart's width × ratio; the title (and caption, when there is one) sit above the chart. */
export function imageLayout(chartWidth: number, chartHeight: number, hasCaption: boolean, ratio = EXPORT_PIXEL_RATIO): ImageLayout {
  const r = ratio;
  const padding = 12 * r;
  const titleSize = 16 * r;
  const captionSize = 12 * r;
  const titleBaseline = padding + titleSize;
  const captionBaseline = hasCaption ? titleBaseline + 6 * r + captionSize : titleBaseline;
  const chartTop = captionBaseline + 10 * r;
  return {
    width: Math.round(chartWidth * r),
    height: Math.round(chartTop + chartHeight * r),
    padding,
    titleFont: `600 ${titleSize}px ${FONT}`,
    titleBaseline,
    captionFont: `${captionSize}px ${FONT}`,
    captionBaseline,
    chartTop,
  };
}

/** A name for the exported file: title and caption, dots between, nothing a file system refuses. */
export function exportFileName(title: string, caption: string | undefined, extension: string): string {
  const base = [title, caption]
    .filter((s): s is string => Boolean(s && s.trim()))
    .join('-')
    .replace(/\s*·\s*/g, '-')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/\s+/g, '')
    .slice(0, 100);
  return `${base || 'chart'}.${extension}`;
}

/** Cuts `text` to fit `maxWidth` with an ellipsis, as the canvas measures it. */
function fit(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The chart drawn at 2× on white under its title and caption, as PNG bytes. */
export async function chartPng(chart: ECharts, title: string, caption?: string): Promise<Blob> {
  const source = chart.getRenderedCanvas({ pixelRatio: EXPORT_PIXEL_RATIO, backgroundColor: '#ffffff' }) as HTMLCanvasElement;
  const layout = imageLayout(chart.getWidth(), chart.getHeight(), Boolean(caption));
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('无法绘制图片');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const textWidth = layout.width - 2 * layout.padding;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = textColor;
  ctx.font = layout.titleFont;
  ctx.fillText(fit(ctx, title, textWidth), layout.padding, layout.titleBaseline);
  if (caption) {
    ctx.fillStyle = CAPTION_COLOR;
    ctx.font = layout.captionFont;
    ctx.fillText(fit(ctx, caption, textWidth), layout.padding, layout.captionBaseline);
  }
  ctx.drawImage(source, 0, layout.chartTop, layout.width, Math.round(chart.getHeight() * EXPORT_PIXEL_RATIO));
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('无法生成 PNG'))), 'image/png'),
  );
}

/** An Excel cell: a number with its display format, or text; null is an empty cell. */
export type SheetCell = { t: 'n'; v: number; z: string } | { t: 's'; v: string } | null;

const MONEY = /^(-?)¥([\d,]+\.\d{2})$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)%$/;
const COUNT = /^-?\d{1,3}(?:,\d{3})*$|^-?\d+$/;

/**
 * A 查看数据 cell as Excel should hold it: ¥1,234.56 → 1234.56 in a ¥ format, 12.3% → 0.123 in a 0.0% format,
 * 1,234 → 1234, — → empty; other text (names, statuses) stays text. Only numeric columns are read as numbers.
 */
export function sheetCell(text: string | undefined, numeric: boolean): SheetCell {
  const s = (text ?? '').trim();
  if (s === '' || s === '—') return null;
  if (numeric) {
    const money = MONEY.exec(s);
    if (money) {
      // 分 are exact integers: divide once, rounding away float noise
      const fen = Number(money[2]!.replace(/[,.]/g, ''));
      return { t: 'n', v: (money[1] ? -fen : fen) / 100, z: '"¥"#,##0.00' };
    }
    const pct = PERCENT.exec(s);
    if (pct) return { t: 'n', v: Math.round(Number(pct[1]) * 10) / 1000, z: '0.0%' };
    if (COUNT.test(s)) return { t: 'n', v: Number(s.replace(/,/g, '')), z: '#,##0' };
  }
  return { t: 's', v: s };
}

/** The sheet as rows of cells: the title, the caption, a blank row, the header, then the table's rows. */
export function sheetRows(table: DataTable, title: string, caption?: string): SheetCell[][] {
  const text = (v: string): SheetCell => ({ t: 's', v });
  return [
    [text(title)],
    caption ? [text(caption)] : [],
    [],
    table.columns.map((c) => text(c.label)),
    ...table.rows.map((r) => table.columns.map((c) => sheetCell(r[c.key], c.numeric))),
  ];
}

/** The table as .xlsx bytes (SheetJS, loaded only when someone exports). */
export async function tableXlsx(table: DataTable, title: string, caption?: string): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const rows = sheetRows(table, title, caption);
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => c ?? undefined)));
  // columns wide enough for their longest text (CJK counts double)
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  sheet['!cols'] = table.columns.map((c) => ({
    wch: Math.min(60, Math.max(8, width(c.label), ...table.rows.map((r) => width(r[c.key] ?? ''))) + 2),
  }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName(title));
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\. */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}
