// What an uploaded file really is, judged by its bytes (never by its name), and the zip directory of an .xlsx read
// without inflating anything: truncated files, zip bombs and non-spreadsheets are refused before SheetJS sees them.
import type { ImportLimits } from './limits';
import { notSpreadsheet, refuse, sizeParam, type FileKindName } from './refusals';

export type FileKind = 'xlsx' | 'xls' | 'text';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const truncated = () => refuse('truncated');

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

const binarySignatures: Array<{ sig: number[]; what: FileKindName }> = [
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'png' },
  { sig: [0xff, 0xd8, 0xff], what: 'jpeg' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'gif' },
  { sig: [0x25, 0x50, 0x44, 0x46], what: 'pdf' },
  { sig: [0x4d, 0x5a], what: 'exe' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'rar' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'sevenZip' },
  { sig: [0x1f, 0x8b], what: 'gzip' },
  { sig: [0x42, 0x5a, 0x68], what: 'bzip2' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'exe' },
];

/** xlsx (zip), xls (OLE compound file) or text (CSV / tab-separated / HTML table); anything else is refused. */
export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) throw refuse('empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, [0x50, 0x4b])) throw truncated();
  const known = binarySignatures.find((s) => startsWith(bytes, s.sig));
  if (known) throw notSpreadsheet(known.what);
  // UTF-16 text (Excel's "Unicode text") legitimately has NUL bytes; anything else with them is binary
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16) {
    const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
    let control = 0;
    for (const b of head) {
      if (b === 0) throw notSpreadsheet('binary');
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a && b !== 0x1b)) control++;
    }
    if (control > head.length / 100 + 8) throw notSpreadsheet('binary');
  }
  return 'text';
}

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);
const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) return i;
  }
  return -1;
}

const MAX_ENTRIES = 10_000;

/**
 * Reads the zip central directory: refuses a truncated file (no end record, directory or entries outside the file),
 * anything that is not an Excel workbook, and entries whose declared uncompressed size or ratio is absurd.
 */
export function inspectZip(buf: Buffer, limits: Pick<ImportLimits, 'maxUnzippedBytes' | 'maxZipRatio'>): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw truncated();
  let count = u16(buf, eocd + 10);
  let cdSize = u32(buf, eocd + 12);
  let cdOffset = u32(buf, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits right before the classic end record
    const loc = eocd - 20;
    if (loc < 0 || u32(buf, loc) !== 0x07064b50) throw truncated();
    const rec = u64(buf, loc + 8);
    if (rec + 56 > buf.length || u32(buf, rec) !== 0x06064b50) throw truncated();
    count = u64(buf, rec + 32);
    cdSize = u64(buf, rec + 40);
    cdOffset = u64(buf, rec + 48);
  }
  if (count > MAX_ENTRIES) throw refuse('tooManyEntries', { count });
  if (cdOffset + cdSize > buf.length || cdOffset > eocd) throw truncated();

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50) throw truncated();
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > buf.length) throw truncated();
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: u16(buf, p + 8),
      method: u16(buf, p + 10),
      compressedSize: u32(buf, p + 20),
      uncompressedSize: u32(buf, p + 24),
      localHeaderOffset: u32(buf, p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      readZip64Extra(buf, p + 46 + nameLen, extraLen, entry);
    }
    if (entry.localHeaderOffset + 30 > cdOffset || u32(buf, entry.localHeaderOffset) !== 0x04034b50) throw truncated();
    const dataStart = entry.localHeaderOffset + 30 + u16(buf, entry.localHeaderOffset + 26) + u16(buf, entry.localHeaderOffset + 28);
    if (dataStart + entry.compressedSize > cdOffset) throw truncated();
    if (entry.flags & 0x1) throw refuse('encrypted');
    if (entry.method !== 0 && entry.method !== 8) throw refuse('compression', { method: entry.method });
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxZipRatio) {
      throw refuse('zipBomb', { name: entry.name.slice(0, 60), size: sizeParam(entry.uncompressedSize), ratio: Math.round(ratio) });
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }

  // an honest but large workbook: its parse would take more memory than an import may (limits.ts)
  if (total > limits.maxUnzippedBytes)
    throw refuse('tooLargeUnpacked', { size: sizeParam(total), max: sizeParam(limits.maxUnzippedBytes) });
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw refuse('xlsb');
    if (names.has('word/document.xml')) throw notSpreadsheet('word');
    if ([...names].some((n) => n.startsWith('ppt/'))) throw notSpreadsheet('powerpoint');
    if (names.has('content.xml')) throw refuse('ods');
    throw notSpreadsheet('zip');
  }
  return entries;
}

function readZip64Extra(buf: Buffer, start: number, length: number, entry: ZipEntry): void {
  let q = start;
  while (q + 4 <= start + length) {
    const id = u16(buf, q);
    const size = u16(buf, q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const take = () => {
        if (r + 8 > q + 4 + size) throw truncated();
        const v = u64(buf, r);
        r += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    q += 4 + size;
  }
  throw truncated();
}
