// Spreadsheet parsing in a worker thread with a heap limit and a timeout: a hostile or broken file can at worst kill
// the worker, never the host. The worker runs from a code string (eval) so it works the same from source (vitest, tsx)
// and from the electron-vite bundle; it loads @e965/xlsx by the absolute path the main thread resolved.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { ImportLimits } from './limits';
import { isImportRefusal, refuse, type ImportRefusalCode } from './refusals';
import type { FileKind, ZipEntry } from './sniff';
import { pinyinReader, type Pinyin } from '../../text';

/** A cell as the main thread sees it: dates already as "YYYY-MM-DD" (or "YYYY-MM-DD HH:mm:ss"), empty as null. */
export type Cell = string | number | boolean | null;

export interface ParsedSheet {
  sheetName: string;
  /** Non-empty rows only, trailing empty cells trimmed. */
  rows: Cell[][];
  /** The Excel row number (1-based) of each entry in rows. */
  rowNumbers: number[];
}

interface WorkerInput {
  xlsxPath: string;
  kind: FileKind;
  bytes: Uint8Array;
  maxRows: number;
  entries: ZipEntry[];
  /** Tests compare the two .xlsx readers; normally the lean one, with SheetJS as its fallback. */
  reader?: 'fast' | 'sheetjs';
}

/**
 * Rows on their way back from the worker, a part at a time: the texts first used in this part, all in one string cut
 * by their lengths (-1: none), and the cells as codes in typed arrays that are moved rather than copied (a code ≥ 0 is
 * a text, counted over all parts; -1 empty, -2 true, -3 false, -4 the next number).
 */
interface PackedRows {
  text: string;
  textLengths: Int32Array;
  codes: Int32Array;
  numbers: Float64Array;
  widths: Int32Array;
  rowNumbers: Int32Array;
}

/** A refusal the user can act on travels as its catalogue code (refusals.ts), said in both languages by the host. */
type UserRefusal = { code: ImportRefusalCode; params: Record<string, string | number> };
/** The worker's messages: parts of rows, "start again" (the lean reader gave way to SheetJS), then done or failed. */
type WorkerMessage =
  | { kind: 'rows'; rows: PackedRows }
  | { kind: 'restart' }
  | { kind: 'done'; sheetName: string }
  | { kind: 'failed'; user: UserRefusal | null; detail: string };

/** Told about the rows as they arrive, before the whole sheet is read (the preview checks them meanwhile). */
export interface SheetListener {
  /** More rows: sheet.rows from `from` on are new. */
  rows(sheet: ParsedSheet, from: number): void;
  /** The rows so far are void: the file is read again from the start. */
  restart(): void;
}

/**
 * The whole worker, self-contained: it must not reference anything outside its own body because it is shipped to
 * the worker as source text. `req` is the worker's require.
 */
function workerMain(req: NodeRequire, input: WorkerInput, post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  type C = string | number | boolean | null;
  const zlib = req('node:zlib') as typeof import('node:zlib');
  const { isAscii } = req('node:buffer') as typeof import('node:buffer');
  const userError = (code: ImportRefusalCode, params: Record<string, string | number> = {}) =>
    Object.assign(new Error(code), { user: { code, params } satisfies UserRefusal });
  const truncated = 'truncated' as const;
  const tooManyRows = (n: number | null) => {
    const max = input.maxRows.toLocaleString('en-US');
    return n === null ? userError('tooManyRows', { max }) : userError('tooManyRowsCounted', { count: n.toLocaleString('en-US'), max });
  };
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);

  function entryData(e: ZipEntry): Buffer {
    const start = e.localHeaderOffset + 30 + bytes.readUInt16LE(e.localHeaderOffset + 26) + bytes.readUInt16LE(e.localHeaderOffset + 28);
    return bytes.subarray(start, start + e.compressedSize);
  }

  const bomb = (e: ZipEntry) => userError('zipBombInflate', { name: e.name.slice(0, 60) });

  function countRows(buf: Buffer): number {
    let n = 0;
    for (let at = buf.indexOf('<row'); at >= 0 && at + 4 < buf.length; at = buf.indexOf('<row', at + 4)) {
      const next = buf[at + 4];
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) n++;
    }
    return n;
  }

  /**
   * Streams an entry through inflate without keeping it: stops as soon as it grows past its declared size (a lying
   * header), and counts the <row> elements of a worksheet on the way.
   */
  function inflateCheck(e: ZipEntry, rows: boolean): Promise<{ bytes: number; rows: number }> {
    const data = entryData(e);
    if (e.method === 0) return Promise.resolve({ bytes: data.length, rows: rows ? countRows(data) : 0 });
    return new Promise((resolve, reject) => {
      const z = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
      let total = 0;
      let n = 0;
      let tail = Buffer.alloc(0);
      z.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > e.uncompressedSize) {
          z.destroy();
          reject(bomb(e));
          return;
        }
        if (rows) {
          // a "<row " split across two chunks is found in the joined tail (4 bytes cannot hold a whole match)
          const joined = Buffer.concat([tail, chunk]);
          n += countRows(joined);
          tail = joined.subarray(Math.max(0, joined.length - 4));
        }
      });
      z.on('error', () => reject(userError(truncated)));
      z.on('end', () => {
        if (total !== e.uncompressedSize) reject(userError(truncated));
        else resolve({ bytes: total, rows: n });
      });
      z.end(data);
    });
  }

  // one compiled pattern per attribute name: a 50,000-row sheet asks for r, s and t a million times
  const attrPatterns = new Map<string, RegExp>();
  function attr(tag: string, name: string): string | null {
    let re = attrPatterns.get(name);
    if (!re) {
      re = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`);
      attrPatterns.set(name, re);
    }
    const m = re.exec(tag);
    return m ? m[1]! : null;
  }

  /** The first sheet's part name, following workbook.xml → workbook.xml.rels. */
  function firstSheetPath(workbook: string, rels: string): string | null {
    const sheetTag = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbook)?.[0];
    const rid = sheetTag ? (attr(sheetTag, 'r:id') ?? attr(sheetTag, '\\w+:id')) : null;
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      if (attr(m[0], 'Id') !== rid) continue;
      const target = attr(m[0], 'Target') ?? '';
      return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    }
    return null;
  }

  /** The parts the lean reader reads (workbook, its rels, styles, shared strings, the first sheet), inflated once. */
  const inflated = new Map<string, Buffer>();
  const readLater = (name: string) =>
    /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml)$/.test(name) || /sharedStrings[^/]*\.xml$/i.test(name);
  /** Up to this size an entry is verified by inflating it whole, and kept; a larger one is streamed, then read again. */
  const INFLATE_WHOLE = 128 * 1024 * 1024;

  /** A whole entry at once, refused when it grows past its declared size (a lying header) or falls short of it. */
  function inflateWhole(e: ZipEntry): Buffer {
    const data = entryData(e);
    if (e.method === 0) return data;
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      throw (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? bomb(e) : userError(truncated);
    }
    if (out.length > e.uncompressedSize) throw bomb(e);
    if (out.length !== e.uncompressedSize) throw userError(truncated);
    return out;
  }

  /** Every entry really inflates to its declared size; the first sheet has no more rows than the cap. */
  async function verifyXlsx(): Promise<void> {
    const sheets: ZipEntry[] = [];
    for (const e of input.entries) {
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) sheets.push(e);
      else if (readLater(e.name) && e.uncompressedSize <= INFLATE_WHOLE) inflated.set(e.name, inflateWhole(e));
      else await inflateCheck(e, false);
    }
    const text = (name: string) => inflated.get(name)?.toString('utf8') ?? '';
    const first = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')) ?? sheets[0]?.name;
    for (const e of sheets) {
      if (e.name === first && e.uncompressedSize <= INFLATE_WHOLE) {
        const data = inflateWhole(e);
        const rows = countRows(data);
        if (rows > input.maxRows + 1) throw tooManyRows(rows - 1);
        inflated.set(e.name, data);
      } else {
        const r = await inflateCheck(e, e.name === first);
        if (e.name === first && r.rows > input.maxRows + 1) throw tooManyRows(r.rows - 1);
      }
    }
  }

  /** The text of an entry (already verified to inflate to its declared size); XML that is all ASCII decodes faster as such. */
  function entryText(name: string): string | null {
    let data = inflated.get(name);
    inflated.delete(name);
    if (!data) {
      const e = input.entries.find((x) => x.name === name);
      if (!e) return null;
      const raw = entryData(e);
      data = e.method === 0 ? raw : zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    }
    return isAscii(data) ? data.toString('latin1') : data.toString('utf8');
  }

  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  function unescapeXml(text: string): string {
    if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
    return text
      .replace(/&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec: string, hex: string) =>
        name ? entities[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
      )
      .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  /** Text of <t> runs, phonetic guides (<rPh>) left out. */
  const blankToNull = (text: string) => (text.trim() === '' ? null : text);

  function runText(xml: string): string {
    // the usual: one plain run
    const plain = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(xml);
    if (plain) return unescapeXml(plain[1]!);
    let out = '';
    const clean = xml.indexOf('<rPh') >= 0 || xml.indexOf(':rPh') >= 0 ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : xml;
    for (const m of clean.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1]!;
    return unescapeXml(out);
  }

  const builtInDates = new Set([
    14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
  ]);

  /**
   * A lean reader for the usual .xlsx (what Excel, WPS and most tools write): regular expressions over the first
   * sheet's XML, producing rows directly instead of SheetJS's cell objects, so a large sheet needs a fraction of the
   * memory. Anything it does not expect throws, and SheetJS reads the file instead.
   */
  /** Rows are sent in parts of this many, so the host can check them while the rest is read. */
  const PART_ROWS = 4096;

  function sendRows(rows: PackedRows): void {
    post(
      { kind: 'rows', rows },
      [rows.textLengths, rows.codes, rows.numbers, rows.widths, rows.rowNumbers].map((a) => a.buffer as ArrayBuffer),
    );
  }

  /** Reads the first sheet, sending its rows in parts as it goes; returns the sheet's name. */
  function readXlsxFast(): string {
    // SheetJS (about half a second to load) only for the date and text formats a sheet actually uses
    let lib: typeof import('@e965/xlsx') | null = null;
    const XLSX = {
      get SSF() {
        lib ??= req(input.xlsxPath) as typeof import('@e965/xlsx');
        return lib.SSF;
      },
    };
    const workbook = entryText('xl/workbook.xml') ?? '';
    const rels = entryText('xl/_rels/workbook.xml.rels') ?? '';
    const sheetTag = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbook)?.[0];
    if (!sheetTag) throw new Error('no sheet');
    const sheetName = unescapeXml(attr(sheetTag, 'name') ?? 'Sheet1');
    const sheetPath = firstSheetPath(workbook, rels);
    const date1904 = /date1904\s*=\s*"(1|true)"/.test(workbook);
    if (!sheetPath) throw new Error('no sheet path');

    // the shared strings are the packed sheet's first texts, so a cell holding one is just its index; a blank one reads empty
    const texts: Array<string | null> = [];
    let sstPath = 'xl/sharedStrings.xml';
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      if (/sharedStrings"?$/.test(attr(m[0], 'Type') ?? '')) {
        const target = attr(m[0], 'Target') ?? '';
        sstPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      }
    }
    const sst = entryText(sstPath);
    if (sst)
      for (const m of sst.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g))
        texts.push(m[1] === undefined ? null : blankToNull(runText(m[1])));
    const shared = texts.length;

    // style index → how its numbers read: a date, text kept as typed ("@", "0000"), or a plain number
    const styles = entryText('xl/styles.xml') ?? '';
    const formats = new Map<number, string>();
    for (const m of styles.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
      const id = Number(attr(m[0], 'numFmtId'));
      formats.set(id, unescapeXml(attr(m[0], 'formatCode') ?? ''));
    }
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
    const styleKind: Array<{ date: boolean; text: string | null }> = [];
    for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
      const id = Number(attr(m[0], 'numFmtId') ?? 0);
      const code = formats.get(id) ?? (id === 49 ? '@' : '');
      const date = builtInDates.has(id) || (code !== '' && XLSX.SSF.is_date(code));
      styleKind.push({ date, text: !date && (code === '@' || /^0+$/.test(code)) ? code : null });
    }

    const xml = entryText(sheetPath);
    if (xml === null) throw new Error('sheet missing');
    const start = xml.search(/<(?:\w+:)?sheetData\b/);
    if (start < 0) throw new Error('no sheetData');
    const pad = (x: number) => String(x).padStart(2, '0');
    const colIndex = (ref: string) => {
      let n = 0;
      for (let i = 0; i < ref.length; i++) {
        const code = ref.charCodeAt(i);
        if (code < 65 || code > 90) break;
        n = n * 26 + (code - 64);
      }
      return n - 1;
    };
    let codes: number[] = [];
    let numbers: number[] = [];
    let widths: number[] = [];
    let rowNumbers: number[] = [];
    let textsSent = 0;
    let rowsRead = 0;
    const send = () => {
      sendRows({
        ...joinTexts(texts.slice(textsSent)),
        codes: Int32Array.from(codes),
        numbers: Float64Array.from(numbers),
        widths: Int32Array.from(widths),
        rowNumbers: Int32Array.from(rowNumbers),
      });
      textsSent = texts.length;
      codes = [];
      numbers = [];
      widths = [];
      rowNumbers = [];
    };
    const row: number[] = [];
    const rowNums: number[] = [];
    const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
    const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
    // the usual cell, as Excel, WPS and SheetJS write it, read in one step: <c r="B2" s="1" t="s"><v>12</v></c>
    const plainCell = /<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="([a-z]+)")?(?:\/>|><\/c>|><v>([^<]*)<\/v><\/c>)/y;
    rowRe.lastIndex = start;
    let implicitRow = 0;
    for (let rm = rowRe.exec(xml); rm; rm = rowRe.exec(xml)) {
      const rAttr = attr(rm[1]!, 'r');
      const rowNumber = rAttr ? Number(rAttr) : implicitRow + 1;
      implicitRow = rowNumber;
      const body = rm[2];
      if (!body) continue;
      row.length = 0;
      rowNums.length = 0;
      let implicitCol = -1;
      for (let at = 0; at < body.length;) {
        let col: number;
        let t: string;
        let v: string | null;
        let style: string | null;
        let inner = '';
        plainCell.lastIndex = at;
        const pm = plainCell.exec(body);
        if (pm) {
          at = plainCell.lastIndex;
          col = colIndex(pm[1]!);
          style = pm[2] ?? null;
          t = pm[3] ?? 'n';
          v = pm[4] ?? null;
        } else {
          cellRe.lastIndex = at;
          const cm = cellRe.exec(body);
          if (!cm) break;
          at = cellRe.lastIndex;
          const a = cm[1]!;
          const ref = attr(a, 'r');
          col = ref ? colIndex(ref) : implicitCol + 1;
          inner = cm[2] ?? '';
          t = attr(a, 't') ?? 'n';
          style = attr(a, 's');
          const vMatch = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
          v = vMatch ? vMatch[1]! : null;
        }
        implicitCol = col;
        if (col < 0 || col >= 256) continue;
        let code = -1;
        if (t === 's') {
          const i = v === null ? -1 : Number(v);
          code = i >= 0 && i < shared && texts[i] != null ? i : -1;
        } else if (t === 'b') code = v === null ? -1 : v.trim() === '1' ? -2 : -3;
        else {
          let value: string | number | null = null;
          if (t === 'inlineStr') value = runText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? '');
          else if (t === 'str') value = v === null ? null : unescapeXml(v);
          else if (t === 'e') value = v === null ? '#N/A' : unescapeXml(v);
          else if (t === 'd') value = v === null ? null : unescapeXml(v).slice(0, 10);
          else if (v !== null && v.trim() !== '') {
            const num = Number(v);
            if (!Number.isFinite(num)) throw new Error(`bad number ${v}`);
            const kind = styleKind[Number(style ?? 0)];
            if (kind?.date) {
              const d = XLSX.SSF.parse_date_code(num, { date1904 });
              value =
                d && d.y > 0
                  ? d.H || d.M || d.S
                    ? `${d.y}-${pad(d.m)}-${pad(d.d)} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}`
                    : `${d.y}-${pad(d.m)}-${pad(d.d)}`
                  : num;
            } else if (kind?.text) value = XLSX.SSF.format(kind.text, num);
            else value = num;
          }
          if (typeof value === 'number') {
            code = -4 - rowNums.length;
            rowNums.push(value);
          } else if (value !== null && value.trim() !== '') {
            code = texts.length;
            texts.push(value);
          }
        }
        while (row.length < col) row.push(-1);
        row[col] = code;
      }
      while (row.length && row[row.length - 1] === -1) row.pop();
      if (!row.length) continue;
      // a number waits in rowNums until its row is kept (a cell written twice keeps only the later value)
      for (const code of row) {
        if (code > -4) codes.push(code);
        else {
          codes.push(-4);
          numbers.push(rowNums[-4 - code]!);
        }
      }
      widths.push(row.length);
      rowNumbers.push(rowNumber);
      if (++rowsRead > input.maxRows + 1) throw tooManyRows(rowsRead - 1);
      if (widths.length === PART_ROWS) send();
    }
    send();
    return sheetName;
  }

  function decodeText(): string {
    const b = bytes;
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
    if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
    if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      // not valid UTF-8: what Excel and WPS save as "CSV" on a Chinese Windows is GBK
      return new TextDecoder('gbk').decode(b);
    }
  }

  /** RFC 4180 CSV (quotes, doubled quotes, CR/LF/CRLF); the delimiter is whichever of , tab ; the first line uses most. */
  function parseDelimited(text: string): ParsedSheet {
    const firstLine = text.slice(0, Math.max(0, text.search(/[\r\n]/)) || text.length);
    const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
    const delim = counts.reduce((a, b) => (b.n > a.n ? b : a)).d;
    const rows: C[][] = [];
    const rowNumbers: number[] = [];
    let row: C[] = [];
    let field = '';
    let quoted = false;
    let line = 1;
    let rowStart = 1;
    const pushField = () => {
      row.push(field.trim() === '' ? null : field);
      field = '';
    };
    const pushRow = () => {
      pushField();
      while (row.length && row[row.length - 1] === null) row.pop();
      if (row.length) {
        rows.push(row);
        rowNumbers.push(rowStart);
        if (rows.length > input.maxRows + 1) {
          let lines = /[\r\n]$/.test(text) ? 0 : 1;
          for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
          throw tooManyRows(Math.max(rows.length, lines) - 1);
        }
      }
      row = [];
      rowStart = line;
    };
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (quoted) {
        if (ch === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === 10) line++;
          field += text[i];
        }
        continue;
      }
      if (ch === 34 && field === '') quoted = true;
      else if (text[i] === delim) pushField();
      else if (ch === 10 || ch === 13) {
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        line++;
        pushRow();
      } else field += text[i];
    }
    if (field !== '' || row.length) pushRow();
    return { sheetName: 'CSV', rows, rowNumbers };
  }

  const errorNames: Record<number, string> = {
    0x00: '#NULL!',
    0x07: '#DIV/0!',
    0x0f: '#VALUE!',
    0x17: '#REF!',
    0x1d: '#NAME?',
    0x24: '#NUM!',
    0x2a: '#N/A',
    0x2b: '#GETTING_DATA',
  };

  function readWorkbook(data: Buffer | string): ParsedSheet {
    const XLSX = req(input.xlsxPath) as typeof import('@e965/xlsx');
    let wb: import('@e965/xlsx').WorkBook;
    try {
      wb = XLSX.read(data, {
        type: typeof data === 'string' ? 'string' : 'buffer',
        dense: true,
        cellNF: true,
        cellText: false,
        cellHTML: false,
        cellFormula: false,
        cellStyles: false,
        bookVBA: false,
        sheets: 0,
        sheetRows: input.maxRows + 2,
      });
    } catch (err) {
      const text = String((err as Error).message ?? err);
      if (/password|encrypt/i.test(text)) throw userError('encryptedOpen');
      if (/unsupported|not supported|unrecognized/i.test(text)) throw userError('unknownFormat');
      throw userError(truncated);
    }
    const sheetName = wb.SheetNames[0];
    const ws = sheetName === undefined ? undefined : wb.Sheets[sheetName];
    if (!sheetName || !ws) throw userError('noSheet');
    const full = (ws as { '!fullref'?: string })['!fullref'];
    if (full) {
      const rows = XLSX.utils.decode_range(full).e.r; // header excluded
      if (rows > input.maxRows) throw tooManyRows(rows);
    }
    const date1904 = Boolean((wb.Workbook as { WBProps?: { date1904?: boolean } } | undefined)?.WBProps?.date1904);
    const pad = (x: number) => String(x).padStart(2, '0');
    const cellValue = (cell: import('@e965/xlsx').CellObject | undefined): C => {
      if (!cell) return null;
      const fmt = typeof cell.z === 'string' ? cell.z : '';
      switch (cell.t) {
        case 's':
          return cell.v === undefined || String(cell.v).trim() === '' ? null : String(cell.v);
        case 'b':
          return Boolean(cell.v);
        case 'e':
          return errorNames[cell.v as number] ?? '#N/A';
        case 'd':
          return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
        case 'n': {
          const v = cell.v as number;
          if (fmt && fmt !== 'General' && XLSX.SSF.is_date(fmt)) {
            const d = XLSX.SSF.parse_date_code(v, { date1904 });
            if (d && d.y > 0) {
              const day = `${d.y}-${pad(d.m)}-${pad(d.d)}`;
              return d.H || d.M || d.S ? `${day} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : day;
            }
          }
          // "0000"-style formats keep the leading zeros a code or account number was typed with
          if (fmt === '@' || /^0+$/.test(fmt)) return XLSX.SSF.format(fmt, v);
          return v;
        }
        default:
          return null;
      }
    };
    const data2 = (ws as { '!data'?: Array<Array<import('@e965/xlsx').CellObject | undefined> | undefined> })['!data'] ?? [];
    const rows: C[][] = [];
    const rowNumbers: number[] = [];
    for (let r = 0; r < data2.length; r++) {
      const src = data2[r];
      if (!src) continue;
      const out: C[] = [];
      const width = Math.min(src.length, 256);
      for (let c = 0; c < width; c++) out.push(cellValue(src[c]));
      while (out.length && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
      if (!out.length) continue;
      rows.push(out);
      rowNumbers.push(r + 1);
    }
    if (rows.length > input.maxRows + 1) throw tooManyRows(rows.length - 1);
    return { sheetName, rows, rowNumbers };
  }

  /** One string crosses to the host much faster than 200,000 small ones. */
  function joinTexts(texts: ReadonlyArray<string | null>): { text: string; textLengths: Int32Array } {
    const textLengths = new Int32Array(texts.length);
    for (let i = 0; i < texts.length; i++) textLengths[i] = texts[i]?.length ?? -1;
    return { text: texts.map((t) => t ?? '').join(''), textLengths };
  }

  /** A whole sheet read by SheetJS or the CSV reader, sent as one part; returns its name. */
  function sendSheet(sheet: ParsedSheet): string {
    const texts: string[] = [];
    const textIndex = new Map<string, number>();
    let cells = 0;
    for (const row of sheet.rows) cells += row.length;
    const codes = new Int32Array(cells);
    const numbers: number[] = [];
    const widths = new Int32Array(sheet.rows.length);
    let k = 0;
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      widths[r] = row.length;
      for (const cell of row) {
        let code: number;
        if (cell === null) code = -1;
        else if (cell === true) code = -2;
        else if (cell === false) code = -3;
        else if (typeof cell === 'number') {
          code = -4;
          numbers.push(cell);
        } else {
          code = textIndex.get(cell) ?? texts.length;
          if (code === texts.length) {
            textIndex.set(cell, code);
            texts.push(cell);
          }
        }
        codes[k++] = code;
      }
    }
    sendRows({
      ...joinTexts(texts),
      codes,
      numbers: Float64Array.from(numbers),
      widths,
      rowNumbers: Int32Array.from(sheet.rowNumbers),
    });
    return sheet.sheetName;
  }

  return (async () => {
    try {
      let sheetName: string;
      if (input.kind === 'xlsx') {
        await verifyXlsx();
        try {
          sheetName = input.reader === 'sheetjs' ? sendSheet(readWorkbook(bytes)) : readXlsxFast();
        } catch (err) {
          if ((err as { user?: UserRefusal }).user) throw err;
          post({ kind: 'restart' });
          sheetName = sendSheet(readWorkbook(bytes));
        }
      } else if (input.kind === 'xls') {
        sheetName = sendSheet(readWorkbook(bytes));
      } else {
        const text = decodeText();
        // an "xls" that is really an HTML table or Excel 2003 XML (what many web systems export)
        sheetName = sendSheet(/^\s*</.test(text.slice(0, 200)) ? readWorkbook(text) : parseDelimited(text));
      }
      post({ kind: 'done', sheetName });
    } catch (err) {
      const user = (err as { user?: UserRefusal }).user ?? null;
      post({ kind: 'failed', user, detail: String((err as Error)?.message ?? err) });
    }
  })();
}

const workerCode = `'use strict';
const __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
(${workerMain.toString()})(require, workerData, (message, transfer) => parentPort.postMessage(message, transfer));
`;

/** A part of rows from the worker unpacked onto the sheet: the same text objects shared by every cell that holds them. */
function addRows(texts: string[], sheet: ParsedSheet, p: PackedRows): void {
  for (let i = 0, at = 0; i < p.textLengths.length; i++) {
    const length = p.textLengths[i]!;
    texts.push(length < 0 ? '' : p.text.slice(at, at + length));
    if (length > 0) at += length;
  }
  let k = 0;
  let n = 0;
  for (let r = 0; r < p.widths.length; r++) {
    const row = new Array<Cell>(p.widths[r]!);
    for (let c = 0; c < row.length; c++) {
      const code = p.codes[k++]!;
      row[c] = code >= 0 ? texts[code]! : code === -1 ? null : code === -4 ? p.numbers[n++]! : code === -2;
    }
    sheet.rows.push(row);
    sheet.rowNumbers.push(p.rowNumbers[r]!);
  }
}

const modulePaths = new Map<string, string>();

/** Absolute path of a package's CommonJS build, for a worker to load; in a packaged app the unpacked copy beside app.asar. */
function modulePath(name: string): string {
  let found = modulePaths.get(name);
  if (!found) {
    const resolved = createRequire(__filename).resolve(name);
    const unpacked = resolved.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    found = unpacked !== resolved && fs.existsSync(unpacked) ? unpacked : resolved;
    modulePaths.set(name, found);
  }
  return found;
}

let queue: Promise<unknown> = Promise.resolve();
let queued = 0;

/**
 * Parses in a fresh worker, one file at a time (each may use up to the worker heap limit). With none before it the
 * worker starts before this returns, so the caller can do its own work while the file is parsed.
 */
export function parseInWorker(
  bytes: Buffer,
  kind: FileKind,
  entries: ZipEntry[],
  limits: ImportLimits,
  reader: WorkerInput['reader'] = 'fast',
  listener: SheetListener | null = null,
): Promise<ParsedSheet> {
  const start = () => runWorker(bytes, kind, entries, limits, reader, listener);
  const run = queued === 0 ? start() : queue.then(start);
  queued++;
  queue = run.then(
    () => void queued--,
    () => void queued--,
  );
  return run;
}

function runWorker(
  bytes: Buffer,
  kind: FileKind,
  entries: ZipEntry[],
  limits: ImportLimits,
  reader: WorkerInput['reader'],
  listener: SheetListener | null,
): Promise<ParsedSheet> {
  // a private copy: Buffer.from(base64) may sit in Node's shared pool, which must never be transferred away
  const own = new Uint8Array(new ArrayBuffer(bytes.length));
  own.set(bytes);
  const input: WorkerInput = { xlsxPath: modulePath('@e965/xlsx'), kind, bytes: own, maxRows: limits.maxRows, entries, reader };
  return new Promise<ParsedSheet>((resolve, rejectPromise) => {
    let settled = false;
    const worker = new Worker(workerCode, {
      eval: true,
      workerData: input,
      transferList: [own.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    // SheetJS may print warnings for odd files: drain them instead of cluttering the host's console
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    // the time limit is the worker's: time the listener spends on the rows (the preview's checks) is not counted
    let budget = limits.timeoutMs;
    let armed = 0;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      armed = Date.now();
      timer = setTimeout(() => finish(() => rejectPromise(refuse('timeout', { seconds: Math.round(limits.timeoutMs / 1000) }))), budget);
    };
    arm();
    let texts: string[] = [];
    let sheet: ParsedSheet = { sheetName: '', rows: [], rowNumbers: [] };
    const tell = (fn: () => void) => {
      clearTimeout(timer);
      budget -= Date.now() - armed;
      try {
        fn();
      } catch {
        // the listener's own failure: it is the listener's to report; the file is read on regardless
      }
      arm();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.kind === 'rows') {
        const from = sheet.rows.length;
        addRows(texts, sheet, message.rows);
        if (listener) tell(() => listener.rows(sheet, from));
      } else if (message.kind === 'restart') {
        texts = [];
        sheet = { sheetName: '', rows: [], rowNumbers: [] };
        if (listener) tell(() => listener.restart());
      } else if (message.kind === 'done') {
        sheet.sheetName = message.sheetName;
        finish(() => resolve(sheet));
      } else {
        const { user, detail } = message;
        finish(() =>
          rejectPromise(
            user && isImportRefusal(user.code) ? refuse(user.code, user.params) : refuse('unreadable', { detail: detail.slice(0, 200) }),
          ),
        );
      }
    });
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() =>
        rejectPromise(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? refuse('outOfMemory')
            : refuse('unreadable', { detail: String(err.message).slice(0, 200) }),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => rejectPromise(refuse('workerExited', { code }))));
  });
}

// ---------- pinyin ahead of the commit ----------

const pinyinWorkerCode = `'use strict';
const __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
const read = (${pinyinReader.toString()})(require(workerData.path).pinyin);
const out = [];
parentPort.on('message', (texts) => {
  if (texts === null) parentPort.postMessage(out);
  else for (const text of texts) out.push(read(text));
});
`;

/** Texts sent in batches to a worker that works out their pinyin as they come; done() answers all of them, in order. */
export interface PinyinJob {
  send(texts: string[]): void;
  /** The pinyin of every text sent, or null if the worker failed (the texts are then worked out where needed). */
  done(): Promise<Pinyin[] | null>;
}

/**
 * A worker thread running the core's own pinyin function (pinyinReader) for the names an import is about to write,
 * while the main thread checks the rows; null if no worker can start.
 */
export function pinyinWorker(timeoutMs = 120_000): PinyinJob | null {
  let worker: Worker;
  try {
    worker = new Worker(pinyinWorkerCode, {
      eval: true,
      workerData: { path: modulePath('pinyin-pro') },
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
  } catch {
    return null;
  }
  worker.stdout.resume();
  worker.stderr.resume();
  let sent = 0;
  const result = new Promise<Pinyin[] | null>((resolve) => {
    const finish = (values: Pinyin[] | null) => {
      clearTimeout(timer);
      resolve(values);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    timer.unref?.();
    worker.on('message', (values: Pinyin[]) => finish(Array.isArray(values) && values.length === sent ? values : null));
    worker.on('error', () => finish(null));
    worker.on('exit', () => finish(null));
  });
  return {
    send(texts) {
      if (texts.length === 0) return;
      sent += texts.length;
      worker.postMessage(texts);
    },
    done() {
      worker.postMessage(null);
      return result;
    },
  };
}
