// An import's memory: the parsed upload is released as soon as it is no longer likely to be used, and the unpacked-size
// cap keeps the worst workbook a preview accepts within the import's memory budget (limits.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { clearImportCache, importCacheHeld } from '../../electron/core/modules/import/import';
import { configureImport, defaultLimits, IMPORT_MEMORY_BUDGET_BYTES, type ImportLimits } from '../../electron/core/modules/import/limits';
import { digest, fail, makeCore, ok } from './helpers';
import { sheetXml, workbookParts, xlsx, zip } from './importFiles';

let core: Core;
let saved: ImportLimits | null = null;
beforeAll(() => {
  core = makeCore();
});
afterEach(() => {
  if (saved) configureImport(saved);
  saved = null;
  clearImportCache();
});
afterAll(() => core.close());

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fileA = xlsx([
  ['客户名称', '电话'],
  ['甲商店', '138 0000 1111'],
]);
const fileB = xlsx([
  ['客户名称', '电话'],
  ['乙商店', '139 0000 2222'],
]);
const fileC = xlsx([
  ['客户名称', '电话'],
  ['丙商店', '137 0000 3333'],
]);
const preview = (base64: string) => ok(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64, mode: 'skip' });

/**
 * A customer sheet of long, hardly repeating names that unpacks to about `mb` MB at a ratio an honest file has
 * (under the zip-bomb ratio): the most text, cells and row checks an upload can bring for its unpacked size.
 */
function longNamesWorkbook(mb: number): Buffer {
  const rowCount = 60_000;
  const per = Math.floor((mb * MB) / rowCount) - 60;
  const parts: Buffer[] = [Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>')];
  let seed = 1;
  for (let r = 2; r <= rowCount + 1; r++) {
    let text = '';
    while (text.length < per) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += 'abcdefghijklmnop'[seed % 16]!.repeat(1 + ((seed >> 8) % 12));
    }
    parts.push(Buffer.from(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text.slice(0, per)}</t></is></c></row>`));
  }
  const xml = Buffer.concat([
    sheetXml('').subarray(0, -'</sheetData></worksheet>'.length),
    ...parts,
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return zip(workbookParts(xml));
}

describe('the parsed upload is released sooner', () => {
  it('is held after a preview, kept while the same file comes back, and released after a commit', async () => {
    await preview(fileA);
    expect(importCacheHeld()).toBe(true);
    await ok(core, 'import.commit', { entity: 'customers', fileName: 'a.xlsx', base64: fileA, mode: 'skip' });
    expect(importCacheHeld()).toBe(false);
  });

  it('is released as another file arrives, before that file is parsed (never two sheets held at once)', async () => {
    await preview(fileA);
    expect(importCacheHeld()).toBe(true);
    const next = preview(fileB);
    expect(importCacheHeld()).toBe(false); // at once, while the worker reads file B
    expect((await next).rows[0]).toBeDefined();
    expect(importCacheHeld()).toBe(true);
  });

  it('is released after the idle time, which restarts when the file is used again', async () => {
    saved = configureImport({ cacheIdleMs: 400 });
    await preview(fileC);
    await sleep(250);
    await preview(fileC); // the same file: the clock starts again
    await sleep(250);
    expect(importCacheHeld()).toBe(true);
    await sleep(400);
    expect(importCacheHeld()).toBe(false);
    // and a commit after that parses the file again and still writes it
    const before = digest(core.ctx.db);
    expect(await ok(core, 'import.commit', { entity: 'customers', fileName: 'c.xlsx', base64: fileC, mode: 'skip' })).toMatchObject({
      created: 1,
    });
    expect(digest(core.ctx.db)).not.toBe(before);
  });

  it('waits two minutes by default (the previous ten kept a 200,000-row sheet in memory long after its commit)', () => {
    expect(defaultLimits().cacheIdleMs).toBe(2 * 60 * 1000);
  });
});

describe('the unpacked-size cap', () => {
  it('is 64 MB by default, within a 500 MB budget for either reader (SheetJS, the fallback, measured ~470 MB at 63 MB)', () => {
    expect(IMPORT_MEMORY_BUDGET_BYTES).toBe(500 * MB);
    expect(defaultLimits().maxUnzippedBytes).toBe(64 * MB);
  });

  it('refuses an honest workbook that unpacks to more, saying its size and the limit, and writes nothing', async () => {
    saved = configureImport({ maxUnzippedBytes: 2 * MB });
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>客户${i}</t></is></c></row>`,
    );
    const big = zip(workbookParts(sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>${rows.join('')}`)));
    const before = digest(core.ctx.db);
    const err = await fail(core, 'import.preview', { entity: 'customers', fileName: 'big.xlsx', base64: big.toString('base64') });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'base64' });
    expect(err.message).toMatch(/^文件解压后共 [\d.]+ MB，超过单次导入上限 2\.0 MB（为控制内存占用），请分成几个文件导入$/);
    expect(err.message).not.toContain('压缩炸弹');
    expect(digest(core.ctx.db)).toBe(before);
    // the same file under a cap it fits is read
    configureImport({ maxUnzippedBytes: 4 * MB });
    expect((await preview(big.toString('base64'))).counts.total).toBe(40_000);
  });

  it('keeps the worst workbook it lets through within the memory budget (a preview of 62 MB of long names)', async () => {
    const file = longNamesWorkbook(62);
    const base64 = file.toString('base64');
    expect(base64.length).toBeLessThan(defaultLimits().maxBytes);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const result = await preview(base64);
      expect(result.counts.total).toBe(60_000);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`worst-case preview: ${Math.round((peak - before) / MB)} MB over ${Math.round(before / MB)} MB`);
    expect(peak - before).toBeLessThan(IMPORT_MEMORY_BUDGET_BYTES);
  }, 120_000);
});
