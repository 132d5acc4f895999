// Pagination of paper forms, as pure functions: a paper form has a fixed grid (the same rows per page on every page of a
// paper), so the page count is computed here from a per-row line estimate, never left to the browser's fragmentation.
// Every size is in millimetres and the sheet is drawn from these same numbers, so what is counted is what prints.
import { papers, type PaperId } from '@shared/domain/print';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The fixed frame of one paper: where the title, the grid and the footer go. */
export interface SheetGeometry {
  paper: PaperId;
  widthMm: number;
  heightMm: number;
  margin: Margins;
  /** body text size and the height of one text line in a cell */
  fontPt: number;
  lineMm: number;
  /** company name + form title */
  titleMm: number;
  /** the line with date, rep and the form's other header fields */
  metaMm: number;
  /** the table's header row (repeated on every page) */
  headMm: number;
  /** page x / y */
  footMm: number;
  /** one grid row, and how many text lines it holds */
  rowMm: number;
  linesPerRow: number;
  /** a record may take up to this many grid rows; longer text ends in … */
  maxSpan: number;
  /** padding inside a cell, left and right */
  cellPadMm: number;
  /** grid rows on every page (the last page gives some of them to the tail and the signature block) */
  rowsPerPage: number;
}

type PaperFrame = Omit<SheetGeometry, 'paper' | 'widthMm' | 'heightMm' | 'rowsPerPage'>;

const a4Frame: PaperFrame = {
  margin: { top: 12, right: 12, bottom: 10, left: 12 },
  fontPt: 9,
  lineMm: 3.7,
  titleMm: 15,
  metaMm: 7,
  headMm: 8,
  footMm: 6,
  rowMm: 8,
  linesPerRow: 2,
  maxSpan: 5,
  cellPadMm: 1,
};

const frames: Record<PaperId, PaperFrame> = {
  a4: a4Frame,
  // a lower title keeps 19 rows on the short side
  'a4-landscape': { ...a4Frame, titleMm: 14, maxSpan: 4 },
  // continuous 三联 paper: the tractor strips take about 13 mm on each side, the dot-matrix head needs a top margin
  sanlian: {
    margin: { top: 7, right: 13, bottom: 6, left: 13 },
    fontPt: 9,
    lineMm: 3.7,
    titleMm: 11,
    metaMm: 6,
    headMm: 7,
    footMm: 5,
    rowMm: 8,
    linesPerRow: 2,
    maxSpan: 3,
    cellPadMm: 1,
  },
};

/** The table's outer top border (the rows draw their own bottom borders inside their height). */
export const GRID_BORDER_MM = 0.3;

/** The grid height a page gives to rows: everything between the table header and the footer. */
export function gridHeightMm(g: Omit<SheetGeometry, 'rowsPerPage'>): number {
  return g.heightMm - g.margin.top - g.margin.bottom - g.titleMm - g.metaMm - g.headMm - g.footMm - GRID_BORDER_MM;
}

export function contentWidthMm(g: Pick<SheetGeometry, 'widthMm' | 'margin'>): number {
  return g.widthMm - g.margin.left - g.margin.right;
}

export function geometry(paper: PaperId): SheetGeometry {
  const size = papers[paper];
  const base = { paper, widthMm: size.widthMm, heightMm: size.heightMm, ...frames[paper] };
  return { ...base, rowsPerPage: Math.floor(gridHeightMm(base) / base.rowMm + 1e-9) };
}

/** A column: a fixed width in mm, or a share (weight) of what the fixed columns leave. */
export interface Column {
  key: string;
  title: string;
  mm?: number;
  weight?: number;
  align?: 'left' | 'center' | 'right';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Column widths in mm (to 0.1 mm) that add up exactly to the content width: the last column takes the remainder. */
export function columnWidths(columns: readonly Column[], widthMm: number): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.mm ?? 0), 0);
  const weights = columns.reduce((sum, c) => sum + (c.mm === undefined ? (c.weight ?? 1) : 0), 0);
  const free = Math.max(0, widthMm - fixed);
  const widths = columns.map((c) => (c.mm !== undefined ? c.mm : round1((free * (c.weight ?? 1)) / (weights || 1))));
  const rest = round1(widthMm - widths.slice(0, -1).reduce((a, b) => a + b, 0));
  if (widths.length) widths[widths.length - 1] = rest;
  return widths;
}

const PT_MM = 25.4 / 72;

/**
 * The width of a character in em of the body font: CJK characters, full-width forms and CJK punctuation are 1 em; the
 * Latin letters and digits of Noto Sans CJK / Microsoft YaHei are narrower, counted generously so the estimate rather
 * overcounts lines than undercounts them.
 */
function charEm(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return 0;
  if (code < 0x7f) return ch === ' ' ? 0.35 : 0.62;
  return code < 0x2e80 ? 0.75 : 1; // Latin-1 and other narrow scripts, symbols : CJK
}

export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

/** How much of a line a cell `widthMm` wide (paddings included) holds at `fontPt`, in em. */
function lineEm(widthMm: number, fontPt: number, padMm: number): number {
  return Math.max(1, ((widthMm - 2 * padMm) * 0.96) / (fontPt * PT_MM));
}

/**
 * Breaks a text into lines as the cell wraps it: whole characters (a character that does not fit starts the next line),
 * a new line at every line break. Calls `onLine(start)` with the character index where each line after the first starts.
 */
function wrap(text: string, perLineEm: number, onLine: (start: number) => void): number {
  let lines = 1;
  let em = 0;
  let i = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines += 1;
      em = 0;
      onLine(i + 1);
    } else {
      const w = charEm(ch);
      if (em > 0 && em + w > perLineEm + 1e-9) {
        lines += 1;
        em = 0;
        onLine(i);
      }
      em += w;
    }
    i += ch.length;
  }
  return lines;
}

/** Lines a text takes in a cell of `widthMm` (paddings included) at `fontPt`; every paragraph starts a line. Empty: 0. */
export function estimateLines(text: string, widthMm: number, fontPt: number, padMm: number): number {
  return text ? wrap(text, lineEm(widthMm, fontPt, padMm), () => undefined) : 0;
}

/**
 * A long text cut into pieces of at most `maxLines` lines each (as estimateLines counts them), at line starts, so a
 * form can continue it on the next rows instead of cutting it off. A line break where a piece ends is dropped.
 */
export function splitText(text: string, widthMm: number, g: Pick<SheetGeometry, 'fontPt' | 'cellPadMm'>, maxLines: number): string[] {
  const cuts: number[] = [];
  let line = 1;
  wrap(text, lineEm(widthMm, g.fontPt, g.cellPadMm), (start) => {
    line += 1;
    if ((line - 1) % maxLines === 0) cuts.push(start);
  });
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(0, -1).map((from, k) => text.slice(from, bounds[k + 1]).replace(/\n$/, ''));
}

/** Grid rows a record takes: enough for its tallest cell, at least 1, at most the paper's maxSpan (then clipped). */
export function recordSpan(cells: readonly string[], widthsMm: readonly number[], g: SheetGeometry): number {
  let lines = 1;
  cells.forEach((text, i) => {
    lines = Math.max(lines, estimateLines(text, widthsMm[i] ?? 0, g.fontPt, g.cellPadMm));
  });
  return Math.min(g.maxSpan, Math.max(1, Math.ceil(lines / g.linesPerRow)));
}

/** Rows a text block of the tail (problems, notes) takes, between `min` and `max` grid rows. */
export function blockSpan(texts: readonly string[], widthMm: number, g: SheetGeometry, min: number, max: number): number {
  const lines = Math.max(0, ...texts.map((t) => estimateLines(t, widthMm, g.fontPt, g.cellPadMm)));
  // the block's first line is its caption
  return Math.min(max, Math.max(min, Math.ceil((lines + 1) / g.linesPerRow)));
}

/** One page of a form: records [from, to) of the form, the grid rows they use, blank rows after them. */
export interface PageSlice {
  from: number;
  to: number;
  usedRows: number;
  blankRows: number;
  /** the last page carries the tail (totals, notes) and the signature block after its blank rows */
  last: boolean;
}

export interface PaginateInput {
  /** grid rows each record takes (see recordSpan) */
  spans: readonly number[];
  rowsPerPage: number;
  /** rows the last page keeps for the tail and the signature block */
  tailRows: number;
  /** how many records, at most, move to a new page with the tail when it does not fit after them (at least one does) */
  keepWithTail?: number;
}

/**
 * Greedy fill, then the tail: the signature block never stands alone on a page — when it does not fit after the last
 * rows, the last records (up to `keepWithTail`, at least one, always leaving one behind) go with it to a new page; and
 * a last page with fewer than `keepWithTail` records takes more from the page before while they fit.
 * No records: one page of blank rows with the tail.
 */
export function paginate({ spans, rowsPerPage, tailRows, keepWithTail = 2 }: PaginateInput): PageSlice[] {
  const maxSpan = Math.max(0, ...spans);
  if (tailRows + Math.max(1, maxSpan) > rowsPerPage) {
    throw new RangeError(`tail (${tailRows}) and a record of ${maxSpan} rows do not fit on a page of ${rowsPerPage} rows`);
  }
  const pages: Array<{ from: number; to: number; used: number }> = [];
  let current = { from: 0, to: 0, used: 0 };
  spans.forEach((span, i) => {
    if (current.used + span > rowsPerPage && current.to > current.from) {
      pages.push(current);
      current = { from: i, to: i, used: 0 };
    }
    current.to = i + 1;
    current.used += span;
  });
  pages.push(current);

  const last = pages[pages.length - 1]!;
  if (last.used + tailRows > rowsPerPage) {
    let move = Math.min(keepWithTail, last.to - last.from - 1);
    const movedRows = (k: number) => spans.slice(last.to - k, last.to).reduce((a, b) => a + b, 0);
    while (move > 1 && movedRows(move) + tailRows > rowsPerPage) move -= 1;
    const moved = movedRows(move);
    pages.push({ from: last.to - move, to: last.to, used: moved });
    last.to -= move;
    last.used -= moved;
  }
  // widow control: a last page with fewer than `keepWithTail` records takes more from the page before, while they fit
  const final = pages[pages.length - 1]!;
  const before = pages[pages.length - 2];
  while (
    before &&
    final.to - final.from < keepWithTail &&
    before.to - before.from > 1 &&
    final.used + spans[before.to - 1]! + tailRows <= rowsPerPage
  ) {
    before.to -= 1;
    final.from -= 1;
    before.used -= spans[final.from]!;
    final.used += spans[final.from]!;
  }
  return pages.map((p, i) => {
    const isLast = i === pages.length - 1;
    return { from: p.from, to: p.to, usedRows: p.used, blankRows: rowsPerPage - p.used - (isLast ? tailRows : 0), last: isLast };
  });
}

/** Where a sheet sits in a document of several forms: each form numbers its own pages. */
export interface SheetNumber {
  form: number;
  page: number;
  pages: number;
}

export function numberSheets(pageCounts: readonly number[]): SheetNumber[] {
  return pageCounts.flatMap((pages, form) => Array.from({ length: pages }, (_, i) => ({ form, page: i + 1, pages })));
}

export function pageLabel(n: Pick<SheetNumber, 'page' | 'pages'>): string {
  return `第 ${n.page} / ${n.pages} 页`;
}
