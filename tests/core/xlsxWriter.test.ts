// The export's own .xlsx writer, read back by two independent readers (ExcelJS, SheetJS): headers, text, numbers in
// their formats, dates, the frozen header, the autofilter, escaping, money exact to the 分, and a well-formed zip.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import {
  columnLetter,
  excelSerial,
  writeXlsx,
  xmlText,
  type XlsxColumn,
  type XlsxValue,
} from '../../electron/core/modules/export/xlsxWriter';

const columns: XlsxColumn[] = [
  { header: '客户名称', width: 30, format: 'general' },
  { header: '信用额度(元)', width: 14, format: 'money' },
  { header: '账期(天)', width: 10, format: 'integer' },
  { header: '合同开始日期', width: 13, format: 'date' },
  { header: '创建时间', width: 17, format: 'datetime' },
  { header: '毛利率', width: 10, format: 'percent' },
];

const write = (rows: XlsxValue[][], cols = columns) =>
  writeXlsx({ name: '客户档案', columns: cols, rows, creator: 'SalesDesk 销售管理台' });

async function viaExcelJs(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

function viaSheetJs(buffer: Buffer) {
  const wb = XLSX.read(buffer, { type: 'buffer', cellNF: true, cellDates: false });
  return { names: wb.SheetNames, ws: wb.Sheets[wb.SheetNames[0]!]! };
}

/** Every entry of the zip, inflated, each checked against the CRC and sizes its central directory records. */
function unzipChecked(buffer: Buffer): Map<string, string> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBe(buffer.length - 22);
  const count = buffer.readUInt16LE(end + 10);
  let p = buffer.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(p)).toBe(0x02014b50);
    const [crc, packed, size] = [buffer.readUInt32LE(p + 16), buffer.readUInt32LE(p + 20), buffer.readUInt32LE(p + 24)];
    const nameLength = buffer.readUInt16LE(p + 28);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buffer.readUInt32LE(p + 42);
    expect(buffer.readUInt32LE(local)).toBe(0x04034b50);
    expect(buffer.readUInt32LE(local + 14)).toBe(crc);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = zlib.inflateRawSync(buffer.subarray(start, start + packed));
    expect([raw.length, zlib.crc32(raw) >>> 0]).toEqual([size, crc]);
    files.set(name, raw.toString('utf8'));
    p += 46 + nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  return files;
}

/** Characters XML 1.0 does not allow. */
const forbidden = (c: string) => {
  const n = c.charCodeAt(0);
  return (n < 0x20 && n !== 0x09 && n !== 0x0a && n !== 0x0d) || n === 0xfffe || n === 0xffff;
};

const created = Date.UTC(2025, 2, 1, 9, 30); // wall-clock 2025-03-01 09:30
const rows: XlsxValue[][] = [
  ['南京鼓楼便利店', 1_200_50 / 100, 30, excelSerial(Date.UTC(2025, 0, 1)), excelSerial(created), 0.4],
  ['华东 › 江苏省', null, null, null, null, null],
];

describe('the xlsx writer', () => {
  it('ExcelJS reads headers, text, numbers in their formats, dates, widths, the frozen header and the filter', async () => {
    const { buffer, rowCount } = await write(rows);
    expect(rowCount).toBe(2);
    const ws = await viaExcelJs(buffer);
    expect(ws.name).toBe('客户档案');
    expect(ws.rowCount).toBe(3);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:F3');
    expect(ws.columns.map((c) => c.width)).toEqual(columns.map((c) => c.width));
    const r = ws.getRow(2);
    expect(r.getCell(1).value).toBe('南京鼓楼便利店');
    expect(r.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect([r.getCell(2).value, r.getCell(2).numFmt]).toEqual([1200.5, '#,##0.00']);
    expect([r.getCell(3).value, r.getCell(3).numFmt]).toEqual([30, '0']);
    expect([r.getCell(4).value, r.getCell(4).numFmt]).toEqual([new Date(Date.UTC(2025, 0, 1)), 'yyyy-mm-dd']);
    expect([r.getCell(5).value, r.getCell(5).numFmt]).toEqual([new Date(created), 'yyyy-mm-dd hh:mm']);
    expect([r.getCell(6).value, r.getCell(6).numFmt]).toEqual([0.4, '0.0%']);
    expect(Array.from({ length: 6 }, (_, i) => ws.getRow(3).getCell(i + 1).value ?? null)).toEqual([
      '华东 › 江苏省',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('SheetJS reads the same: the sheet name, the range, types, formats and a date', async () => {
    const { buffer } = await write(rows);
    const { names, ws } = viaSheetJs(buffer);
    expect(names).toEqual(['客户档案']);
    expect(ws['!ref']).toBe('A1:F3');
    expect(ws['!autofilter']).toEqual({ ref: 'A1:F3' });
    expect(ws.A1).toMatchObject({ t: 's', v: '客户名称' });
    expect(ws.A2).toMatchObject({ t: 's', v: '南京鼓楼便利店' });
    expect(ws.B2).toMatchObject({ t: 'n', v: 1200.5, z: '#,##0.00', w: '1,200.50' });
    expect(ws.D2).toMatchObject({ t: 'n', z: 'yyyy-mm-dd', w: '2025-01-01' });
    expect(ws.E2).toMatchObject({ t: 'n', w: '2025-03-01 09:30' });
    expect(ws.F2).toMatchObject({ t: 'n', v: 0.4, w: '40.0%' });
    expect(ws.B3).toBeUndefined();
    expect(XLSX.utils.sheet_to_json(ws).length).toBe(2);
  });

  it('markup, control characters that XML forbids, edge spaces, CR and a literal _x0041_ come back as typed', async () => {
    const typed = [
      'A&B <c> "q" \'s\'',
      'bell\u0001here\u0008\u000b\u000c\u001f\u007f\ufffe end',
      '  leading and trailing  ',
      'line1\r\nline2\ttab',
      'code _x0041_ stays',
      '&amp; is text',
      '陈静 <b>粗体</b>',
    ];
    const { buffer } = await write(
      typed.map((t) => [t]),
      [{ header: '备注 & <说明>', width: 20, format: 'general' }],
    );
    const expected = typed.map((t) => [...t].filter((c) => !forbidden(c) && c !== '\u007f').join(''));
    expect(expected[1]).toBe('bellhere end');
    const { ws } = viaSheetJs(buffer);
    expect(ws.A1!.v).toBe('备注 & <说明>');
    // SheetJS turns CR LF into LF on reading; ExcelJS keeps the CR (written as &#13;) but does not decode the OOXML
    // _xHHHH_ escape that Excel and SheetJS decode: otherwise both read exactly what was written
    expect(typed.map((_, i) => ws[`A${i + 2}`]!.v)).toEqual(expected.map((t) => t.replace('\r\n', '\n')));
    const ex = await viaExcelJs(buffer);
    expect(typed.map((_, i) => ex.getRow(i + 2).getCell(1).value)).toEqual(expected.map((t) => t.replace('_x0041_', '_x005F_x0041_')));
    const xml = unzipChecked(buffer).get('xl/worksheets/sheet1.xml')!;
    expect([...xml].filter(forbidden)).toEqual([]);
    expect(xml).toContain('<t>A&amp;B &lt;c&gt; "q" \'s\'</t>');
    expect(xml).toContain('<t xml:space="preserve">  leading and trailing  </t>');
    expect(xml).toContain('<t>line1&#13;\nline2\ttab</t>');
    expect(xmlText('plain 文本')).toBe('plain 文本');
  });

  it('money from 分: any amount reads back to the same 分', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -1e13, max: 1e13 }), { minLength: 1, maxLength: 50 }), async (fens) => {
        const { buffer } = await write(
          fens.map((f) => [f / 100]),
          [{ header: '金额(元)', width: 14, format: 'money' }],
        );
        const { ws } = viaSheetJs(buffer);
        expect(fens.map((_, i) => Math.round((ws[`A${i + 2}`]!.v as number) * 100))).toEqual(fens);
      }),
      { numRuns: 30 },
    );
    const { buffer } = await write([[1 / 100], [123_456_789 / 100], [-5 / 100]], [{ header: '金额(元)', width: 14, format: 'money' }]);
    expect(unzipChecked(buffer).get('xl/worksheets/sheet1.xml')).toContain(
      '<v>0.01</v></c></row><row r="3"><c r="A3" s="3"><v>1234567.89</v>',
    );
    expect(viaSheetJs(buffer).ws.A4).toMatchObject({ v: -0.05, w: '-0.05' });
  });

  it('a well-formed zip of the parts Excel needs; numbers that are not finite are left empty', async () => {
    const { buffer } = await write([['x', Number.NaN, Number.POSITIVE_INFINITY, null, null, null]]);
    const files = unzipChecked(buffer);
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'客户档案'!$A$1:$F$2</definedName>`,
    );
    expect(files.get('docProps/core.xml')).toContain('<dc:creator>SalesDesk 销售管理台</dc:creator>');
    expect(files.get('xl/worksheets/sheet1.xml')).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>');
  });

  it('many rows over many pieces, and a sheet with none', async () => {
    const many = Array.from({ length: 3000 }, (_, i): XlsxValue[] => [`第${i}行 ${'长文本'.repeat(40)}`, i, i, null, null, null]);
    const { buffer, rowCount } = await write(many);
    expect(rowCount).toBe(3000);
    const { ws } = viaSheetJs(buffer);
    expect(ws['!ref']).toBe('A1:F3001');
    expect([ws.A3001!.v, ws.B3001!.v]).toEqual([many[2999]![0], 2999]);
    expect(buffer.length).toBeLessThan(unzipChecked(buffer).get('xl/worksheets/sheet1.xml')!.length / 5);

    const empty = await write([]);
    expect(empty.rowCount).toBe(0);
    const ex = await viaExcelJs(empty.buffer);
    expect([ex.rowCount, ex.autoFilter]).toEqual([1, 'A1:F1']);
  });

  it('column letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
