// A printable form as plain data (title, header fields, columns, records, tail, signature) and its layout onto sheets
// of one paper: pure, so the sheets a document gets — and each form's page x / y — are known before anything renders.
import {
  columnWidths,
  contentWidthMm,
  geometry,
  numberSheets,
  paginate,
  recordSpan,
  type Column,
  type SheetGeometry,
  type SheetNumber,
} from './paginate';
import type { PaperId } from '@shared/domain/print';

/** A header field (日期、业务员 …); a blank one is a line to write on, `widthMm` long. */
export interface MetaField {
  label: string;
  value: string;
  widthMm?: number;
}

/** What the last page carries after the last rows, before the signature block. */
export type TailBlock =
  /** a row aligned with the columns (合计) */
  | { kind: 'totals'; cells: string[] }
  /** one full-width line (本月累计) */
  | { kind: 'line'; text: string }
  /** captioned text boxes side by side (存在问题及需求 / 明日工作重点), `rows` grid rows high */
  | { kind: 'texts'; rows: number; items: Array<{ caption: string; text: string }> };

export function tailRows(block: TailBlock): number {
  return block.kind === 'texts' ? block.rows : 1;
}

/** The signature block: blank lines to sign by hand, or who signed, when, their signature image and the content hash. */
export interface Signature {
  signerName: string | null;
  signedAt: string | null;
  /** first 8 hex digits of the form's content hash at signing */
  hash8: string | null;
  /** data: URL of the signer's stored signature image */
  image: string | null;
  comment: string;
}

export const SIGNATURE_ROWS = 2;

export interface FormDoc {
  /** unique within a document (a batch holds several forms) */
  key: string;
  title: string;
  meta: MetaField[];
  columns: Column[];
  records: string[][];
  tail: TailBlock[];
  signature: Signature | null;
  /** identifies a loose page of a batch: rep · date */
  footer: string;
  /** the customer confirms it (客户确认签章 / 日期) instead of the rep and the supervisor signing */
  confirmation?: boolean;
  /** the rep and the supervisor each sign and date it by hand (业务员签字 / 日期, 主管签字 / 日期): the 业绩考核表 */
  twoSigners?: boolean;
  /** header fields that may take two lines, in a smaller type (a customer's name, contact and address) */
  metaWrap?: boolean;
}

export interface SheetRecord {
  cells: string[];
  span: number;
}

export interface Sheet {
  doc: FormDoc;
  number: SheetNumber;
  /** records on this sheet, each with the grid rows it takes */
  records: SheetRecord[];
  /** seq of the first record on this sheet (0-based within the form) */
  first: number;
  blankRows: number;
  last: boolean;
}

export interface DocumentLayout {
  geometry: SheetGeometry;
  widthsByForm: Map<string, number[]>;
  sheets: Sheet[];
}

export function formTailRows(doc: Pick<FormDoc, 'tail'>): number {
  return doc.tail.reduce((sum, b) => sum + tailRows(b), 0) + SIGNATURE_ROWS;
}

/** Lays out every form of a document on one paper: each form starts on a new sheet and numbers its own pages. */
export function layoutDocument(docs: readonly FormDoc[], paper: PaperId): DocumentLayout {
  const g = geometry(paper);
  const width = contentWidthMm(g);
  const widthsByForm = new Map<string, number[]>();
  const perForm = docs.map((doc) => {
    const widths = columnWidths(doc.columns, width);
    widthsByForm.set(doc.key, widths);
    const spans = doc.records.map((cells) => recordSpan(cells, widths, g));
    const pages = paginate({ spans, rowsPerPage: g.rowsPerPage, tailRows: formTailRows(doc) });
    return { doc, spans, pages };
  });
  const numbers = numberSheets(perForm.map((f) => f.pages.length));
  let n = 0;
  const sheets = perForm.flatMap(({ doc, spans, pages }) =>
    pages.map((p) => ({
      doc,
      number: numbers[n++]!,
      records: doc.records.slice(p.from, p.to).map((cells, i) => ({ cells, span: spans[p.from + i]! })),
      first: p.from,
      blankRows: p.blankRows,
      last: p.last,
    })),
  );
  return { geometry: g, widthsByForm, sheets };
}
