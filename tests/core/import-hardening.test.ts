// Hostile and broken files: each is refused with a clear Chinese message, nothing is written, and the host keeps working.
// How fast is the bench's business; the test timeout (30 s in vitest.config.ts) is only a hang guard.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { configureImport, type ImportLimits } from '../../electron/core/modules/import/limits';
import { digest, fail, makeCore, ok } from './helpers';
import { pdfBytes, pngBytes, sheetBytes, sheetXml, workbookParts, xlsx, zip } from './importFiles';

let core: Core;
beforeAll(() => {
  core = makeCore();
});
afterAll(() => core.close());

const good = xlsx([
  ['客户名称', '电话'],
  ['甲商店', '138 0000 1111'],
]);

/** Refused with VALIDATION, nothing written, and the next ordinary import still works. */
async function refused(base64: string, fileName = 'bad.xlsx') {
  const before = digest(core.ctx.db);
  const err = await fail(core, 'import.preview', { entity: 'customers', fileName, base64 });
  expect(err.code).toBe('VALIDATION');
  expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(digest(core.ctx.db)).toBe(before);
  const next = await ok(core, 'import.preview', { entity: 'customers', fileName: 'good.xlsx', base64: good });
  expect(next.counts).toMatchObject({ total: 1, new: 1 });
  return err.message;
}

const TRUNCATED = '文件不完整或已损坏';

describe('truncated and corrupted files', () => {
  const whole = sheetBytes([['客户名称', '地址'], ...Array.from({ length: 2000 }, (_, i) => [`客户${i}`, `中山路${i}号`])]);

  it.each([
    ['cut in half', whole.subarray(0, whole.length / 2)],
    ['missing its last bytes', whole.subarray(0, whole.length - 10)],
    ['only the first 100 bytes', whole.subarray(0, 100)],
    ['just the zip signature', Buffer.from('PK')],
  ])('an .xlsx %s', async (_name, bytes) => {
    expect(await refused(Buffer.from(bytes).toString('base64'))).toContain(TRUNCATED);
  });

  it('an .xlsx whose compressed data is damaged in the middle', async () => {
    const damaged = Buffer.from(whole);
    const sheetAt = damaged.indexOf('xl/worksheets/sheet1.xml') + 40;
    crypto.randomFillSync(damaged, sheetAt, 200);
    expect(await refused(damaged.toString('base64'))).toContain(TRUNCATED);
  });
});

describe('zip bombs', () => {
  // a megabyte of zeros, deflated and flushed so the block can be repeated: N copies inflate to N MB
  const zerosMb = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), {
    flush: zlib.constants.Z_FULL_FLUSH,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const finalBlock = Buffer.from([0x03, 0x00]);
  const bomb = (mb: number) => Buffer.concat([...Array.from({ length: mb }, () => zerosMb), finalBlock]);
  const threeGb = bomb(3072);

  it('a sheet that honestly declares 3 GB is refused before anything is inflated', async () => {
    const files = workbookParts(null);
    files.push({ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: threeGb, declaredSize: 3072 * 1024 * 1024 });
    expect(await refused(zip(files).toString('base64'))).toMatch(/压缩炸弹/);
  });

  it('a sheet that declares 1 MB but inflates to 3 GB is stopped at its declared size', async () => {
    const files = workbookParts(null);
    files.push({ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: threeGb, declaredSize: 1024 * 1024 });
    expect(await refused(zip(files).toString('base64'))).toContain('解压后超过其声明的大小，疑似“压缩炸弹”');
  });

  it('a high-ratio entry (64 MB from a few KB) is refused', async () => {
    const files = workbookParts(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>'));
    files.push({ name: 'xl/media/image1.bin', data: Buffer.alloc(0), deflated: bomb(64), declaredSize: 64 * 1024 * 1024 });
    expect(await refused(zip(files).toString('base64'))).toMatch(/压缩比 \d+ 倍/);
  });

  it('a zip with ten thousand entries is refused', async () => {
    const files = workbookParts(sheetXml(''));
    for (let i = 0; i < 10_001; i++) files.push({ name: `xl/x${i}.xml`, data: Buffer.from('x'), stored: true });
    expect(await refused(zip(files).toString('base64'))).toContain('压缩包内文件过多');
  });
});

describe('a million rows', () => {
  it('a 1,000,001-row CSV is refused by the row cap', async () => {
    const lines = ['客户名称,电话'];
    for (let i = 0; i < 1_000_001; i++) lines.push(`客户${i},1`);
    const message = await refused(Buffer.from(lines.join('\n')).toString('base64'), 'million.csv');
    expect(message).toBe('文件有 1,000,001 行数据，超过单次导入上限 200,000 行，请分成几个文件分别导入');
  });

  it('a 1,000,001-row .xlsx is refused by the row cap before its cells are read', async () => {
    const parts: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>'];
    for (let r = 2; r <= 1_000_002; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const files = workbookParts(null);
    const xml = sheetXml(parts.join(''));
    files.push({ name: 'xl/worksheets/sheet1.xml', data: xml, deflated: zlib.deflateRawSync(xml, { level: 1 }) });
    const message = await refused(zip(files).toString('base64'));
    expect(message).toBe('文件有 1,000,001 行数据，超过单次导入上限 200,000 行，请分成几个文件分别导入');
  });
});

describe('files that are not spreadsheets', () => {
  it.each([
    ['a PNG image', pngBytes, 'PNG 图片'],
    ['a PDF', pdfBytes, 'PDF 文档'],
    ['a Windows program', Buffer.concat([Buffer.from('MZ'), crypto.randomBytes(500)]), '可执行程序'],
    ['random bytes', Buffer.concat([Buffer.from([0x00, 0x01]), crypto.randomBytes(2000)]), '二进制数据'],
    ['a Word document', zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), 'Word 文档'],
    ['a plain zip', zip([{ name: 'readme.txt', data: Buffer.from('hello') }]), '普通 ZIP 压缩包'],
  ])('%s', async (_name, bytes, what) => {
    const message = await refused(Buffer.from(bytes).toString('base64'));
    expect(message).toContain('不是 Excel 或 CSV 文件');
    expect(message).toContain(what);
  });

  it('an OLE file that is not a workbook', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), crypto.randomBytes(4000)]);
    expect(await refused(ole.toString('base64'), 'a.xls')).toMatch(/无法|损坏|格式/);
  });

  it('text with nothing in it', async () => {
    expect(await refused(Buffer.from('   \r\n\r\n').toString('base64'), 'a.csv')).toContain('文件中没有数据');
  });
});

describe('limits', () => {
  let saved: ImportLimits | null = null;
  afterEach(() => {
    if (saved) configureImport(saved);
    saved = null;
  });

  it('a file over the byte cap is refused before it is decoded', async () => {
    saved = configureImport({ maxBytes: 1024 * 1024 });
    const big = crypto.randomBytes(1024 * 1024 + 10).toString('base64');
    expect(await refused(big)).toBe('文件过大（1.0 MB），单个文件不能超过 1.0 MB，请分成几个文件导入');
  });

  it('the default cap is 20 MB', async () => {
    const over = 'A'.repeat(Math.ceil(((20 * 1024 * 1024 + 1) * 4) / 3 / 4) * 4);
    expect(await refused(over)).toContain('单个文件不能超过 20.0 MB');
  });

  it('text that is not base64', async () => {
    expect(await refused('这不是base64')).toBe('文件内容不是有效的 base64 编码');
  });

  it('a worker that runs past the timeout is stopped', async () => {
    saved = configureImport({ timeoutMs: 1 });
    const message = await fail(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64: xlsx([['客户名称'], ['甲']]) });
    expect(message).toMatchObject({ code: 'VALIDATION', message: '解析文件超时（超过 0 秒），文件可能过大或已损坏' });
    configureImport(saved);
    saved = null;
    expect((await ok(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64: good })).counts.new).toBe(1);
  });

  it('a worker that runs out of memory is reported, and the host lives on', async () => {
    saved = configureImport({ workerHeapMb: 4 });
    const rows = [['客户名称', '地址'], ...Array.from({ length: 30_000 }, (_, i) => [`客户${i}`, `中山路${i}号`.repeat(5)])];
    const err = await fail(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64: xlsx(rows) });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/内存超过上限|无法读取文件|意外退出/);
    configureImport(saved);
    saved = null;
    expect((await ok(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64: good })).counts.new).toBe(1);
  });

  it('two previews at once are parsed one after the other, both answered', async () => {
    const [a, b] = await Promise.all([
      ok(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64: good }),
      ok(core, 'import.preview', { entity: 'customers', fileName: 'b.csv', base64: Buffer.from('客户名称\n乙\n丙\n').toString('base64') }),
    ]);
    expect([a.counts.total, b.counts.total]).toEqual([1, 2]);
  });
});
