// A one-sheet .xlsx written as XML text and zipped on the way: inline strings, one small styles.xml (a bold header,
// a number format per column kind), column widths, a frozen header row and an autofilter. Fast and lean where a
// general workbook library with a style object per cell is neither on 100,000 rows.
import { DeflatingEntry, deflatedEntry, zipArchive } from './zip';

/** How a column's numbers are shown; text cells never carry a style. */
export type XlsxFormat = 'general' | 'integer' | 'money' | 'date' | 'datetime' | 'percent';
/** A number is written as a number in its column's format (dates as Excel serials), a string as text, null as nothing. */
export type XlsxValue = string | number | null;

export interface XlsxColumn {
  header: string;
  width: number;
  format: XlsxFormat;
}

export interface XlsxSheet {
  /** Up to 31 characters, none of : \ / ? * [ ] */
  name: string;
  columns: XlsxColumn[];
  /** The data rows, one value per column. */
  rows: Iterable<XlsxValue[]>;
  creator: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 does not allow (Excel refuses the whole file over one), and DEL, which Excel shows as a box.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|_x[0-9a-f]{4}_/i;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/** Text for element content: illegal characters dropped, markup escaped, a carriage
 *  return kept as a reference (a parser would turn a raw one into a line feed), and a literal `_x0041_` escaped the
 *  OOXML way so Excel shows it as typed instead of decoding it. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(ILLEGAL, '')
    .replace(/_(?=x[0-9a-f]{4}_)/gi, '_x005F_')
    .replace(/[&<>\r]/g, (c) => ENTITY[c]!);
}
const xmlAttr = (text: string) => xmlText(text).replace(/"/g, '&quot;');

// cellXfs: 0 plain, 1 header, then one per number format
const numFmts: Array<[XlsxFormat, string]> = [
  ['integer', '0'],
  ['money', '#,##0.00'],
  ['date', 'yyyy-mm-dd'],
  ['datetime', 'yyyy-mm-dd hh:mm'],
  ['percent', '0.0%'],
];
const HEADER_STYLE = 1;
const styleOf = (f: XlsxFormat) => (f === 'general' ? 0 : 2 + numFmts.findIndex(([k]) => k === f));

const stylesXml =
  `${DECL}<styleSheet xmlns="${MAIN}">` +
  `<numFmts count="${numFmts.length}">` +
  numFmts.map(([, code], i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlAttr(code)}"/>`).join('') +
  '</numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE8F0FE"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${2 + numFmts.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">' +
  '<alignment vertical="center"/></xf>' +
  numFmts.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('') +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** A, B, … Z, AA, AB, … */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const EDGE_SPACE = /^\s|\s$/;
function textCell(ref: string, text: string, style: string): string {
  const space = EDGE_SPACE.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function worksheetHead(columns: XlsxColumn[]): string {
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const header = columns.map((c, i) => textCell(`${columnLetter(i)}1`, c.header, ` s="${HEADER_STYLE}"`)).join('');
  return (
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`
  );
}

/** The sheet's XML, row by row, into the zip entry; returns the number of data rows. */
async function writeRows(entry: DeflatingEntry, sheet: XlsxSheet): Promise<number> {
  const letters = sheet.columns.map((_, i) => columnLetter(i));
  const styles = sheet.columns.map((c) => ` s="${styleOf(c.format)}"`);
  await entry.add(worksheetHead(sheet.columns));
  let r = 1;
  for (const row of sheet.rows) {
    r++;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < letters.length; i++) {
      const v = row[i];
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += `<c r="${letters[i]}${r}"${styles[i]}><v>${v}</v></c>`;
      } else if (v) xml += textCell(`${letters[i]}${r}`, v, '');
    }
    const behind = entry.add(`${xml}</row>`);
    if (behind) await behind;
  }
  const ref = `A1:${letters.at(-1) ?? 'A'}${r}`;
  await entry.add(
    `</sheetData><autoFilter ref="${ref}"/>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  return r - 1;
}

function workbookXml(name: string, columns: number, rows: number): string {
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const filter = `${quoted}!$A$1:$${columnLetter(Math.max(columns, 1) - 1)}$${rows + 1}`;
  return (
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews>` +
    `<sheets><sheet name="${xmlAttr(name)}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(filter)}</definedName>` +
    '</definedNames></workbook>'
  );
}

const CT = 'application/vnd.openxmlformats-officedocument';
const contentTypesXml =
  `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const rootRelsXml =
  `${DECL}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const workbookRelsXml =
  `${DECL}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
  '</Relationships>';

function coreXml(creator: string, at: Date): string {
  const when = `${at.toISOString().slice(0, 19)}Z`;
  return (
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** The whole .xlsx file and its number of data rows. */
export async function writeXlsx(sheet: XlsxSheet): Promise<{ buffer: Buffer; rowCount: number }> {
  const now = new Date();
  const sheetEntry = new DeflatingEntry('xl/worksheets/sheet1.xml');
  const rowCount = await writeRows(sheetEntry, sheet);
  const entries = [
    deflatedEntry('[Content_Types].xml', contentTypesXml),
    deflatedEntry('_rels/.rels', rootRelsXml),
    deflatedEntry('docProps/core.xml', coreXml(sheet.creator, now)),
    deflatedEntry('xl/workbook.xml', workbookXml(sheet.name, sheet.columns.length, rowCount)),
    deflatedEntry('xl/_rels/workbook.xml.rels', workbookRelsXml),
    deflatedEntry('xl/styles.xml', stylesXml),
    await sheetEntry.end(),
  ];
  return { buffer: zipArchive(entries, now), rowCount };
}

/** Excel's serial day number of a date-time read as wall-clock time (days since 1899-12-30, fraction for the time). */
export const excelSerial = (wallClockMs: number) => wallClockMs / 86_400_000 + 25_569;
