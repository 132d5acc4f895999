// A refused import file is said in both languages: `message` stays Chinese (the contract), `messageEn` has no Chinese,
// and the English travels unchanged through the host, the relay and the browser-mode server.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleHostMessage } from '../../electron/core/host';
import { configureImport, type ImportLimits } from '../../electron/core/modules/import/limits';
import { importRefusals, refusalText, type ImportRefusalCode } from '../../electron/core/modules/import/refusals';
import { startServer } from '../../electron/core/server';
import { createRelay, type RelayChild } from '../../electron/main/relay';
import type { AppErrorData, Envelope } from '../../shared/errors';
import { fail, makeCore, type TestCore } from './helpers';
import { csv, pngBytes, sheetXml, workbookParts, xlsx, zip } from './importFiles';

vi.mock('electron', () => ({}));

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

let core: TestCore;
beforeAll(() => {
  core = makeCore();
});
afterAll(() => core.close());

let saved: ImportLimits | null = null;
afterEach(() => {
  if (saved) configureImport(saved);
  saved = null;
});

/** The central directory record of a hand-written zip's first entry, patched: flags at +8, method at +10. */
function patchFirstEntry(buf: Buffer, at: 8 | 10, value: number): Buffer {
  const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  buf.writeUInt16LE(value, cd + at);
  return buf;
}

const workbook = () => zip(workbookParts(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>')));
const withOnly = (names: string[]) => zip(names.map((name) => ({ name, data: Buffer.from('<x/>') }))).toString('base64');
const good = xlsx([
  ['客户名称', '电话'],
  ['甲商店', '138 0000 1111'],
]);
const mixed = xlsx([
  ['客户名称', '客户类型'],
  ['甲商店', '零售'],
  ['', '零售'],
]);

const preview = (base64: string, extra: Record<string, unknown> = {}) =>
  fail(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64, ...extra });

// each refusal a user can meet, with the Chinese text the existing tests hold it to and the English to expect
const cases: Array<[string, () => Promise<AppErrorData>, RegExp, RegExp]> = [
  ['an empty file', () => preview('data:application/octet-stream;base64,'), /^文件内容是空的/, /^The file is empty/],
  ['PNG bytes', () => preview(pngBytes.toString('base64')), /看起来是 PNG 图片/, /it looks like a PNG image/],
  ['NUL bytes', () => preview(Buffer.from([0x41, 0, 0x42]).toString('base64')), /看起来是二进制数据/, /binary data/],
  ['a truncated zip', () => preview(Buffer.from('PK').toString('base64')), /^文件不完整或已损坏/, /incomplete or damaged/],
  ['a Word document', () => preview(withOnly(['word/document.xml'])), /看起来是 Word 文档/, /a Word document/],
  ['a plain zip', () => preview(withOnly(['a.txt'])), /普通 ZIP 压缩包/, /a plain ZIP archive/],
  ['an .xlsb', () => preview(withOnly(['xl/workbook.bin'])), /\.xlsb/, /Excel binary workbook \(\.xlsb\)/],
  ['an .ods', () => preview(withOnly(['content.xml'])), /\.ods/, /OpenDocument spreadsheet/],
  ['an encrypted entry', () => preview(patchFirstEntry(workbook(), 8, 0x0801).toString('base64')), /^文件已加密/, /encrypted/],
  [
    'an unsupported compression',
    () => preview(patchFirstEntry(workbook(), 10, 12).toString('base64')),
    /不支持的压缩方式（12）/,
    /unsupported compression method \(12\)/,
  ],
  ['text that is not base64', () => preview('这不是base64'), /^文件内容不是有效的 base64 编码$/, /not valid base64/],
  [
    'a file over the byte cap',
    () => {
      saved = configureImport({ maxBytes: 16 });
      return preview(good);
    },
    /^文件过大（8.8 KB），单个文件不能超过 16 字节，/,
    /^The file is too large \(8.8 KB\); one file can be at most 16 B\. /,
  ],
  [
    'more rows than the cap',
    () => {
      saved = configureImport({ maxRows: 2 });
      return preview(csv('客户名称\n甲\n乙\n丙\n丁\n'), { fileName: 'a.csv' });
    },
    /超过单次导入上限 2 行/,
    /more than one import takes \(2\)/,
  ],
  [
    'a parse past the timeout',
    () => {
      saved = configureImport({ timeoutMs: 1 });
      return preview(good);
    },
    /^解析文件超时/,
    /took too long/,
  ],
  ['a sheet with no rows', () => preview(csv('   \r\n\r\n'), { fileName: 'a.csv' }), /^文件中没有数据/, /^The file has no data/],
  [
    'a mapping to an unknown field',
    () => preview(good, { mapping: [{ header: '电话', field: 'salary' }] }),
    /^列对应关系：「电话」对应的字段「salary」不存在$/,
    /^Column mapping: the field "salary" chosen for "电话" does not exist$/,
  ],
  [
    'two columns mapped to one field',
    () =>
      preview(good, {
        mapping: [
          { header: '客户名称', field: 'phone' },
          { header: '电话', field: 'phone' },
        ],
      }),
    /都对应到了「电话」/,
    /^Column mapping: "客户名称" and "电话" both go to "Phone"; a field takes one column only$/,
  ],
  [
    'a commit while error rows stand',
    () => fail(core, 'import.commit', { entity: 'customers', fileName: 'a.xlsx', base64: mixed }),
    /^有 1 行数据有错误，未导入任何数据/,
    /^Rows with errors: 1\. Nothing was imported/,
  ],
];

describe('file-level refusals in both languages', () => {
  it.each(cases)('%s', async (_name, run, zh, en) => {
    const err = await run();
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(zh);
    expect(err.messageEn).toMatch(en);
    // the file's own headers may be Chinese; the sentence around them is not
    expect(err.messageEn!.replace(/"[^"]*"/g, '""')).not.toMatch(CJK);
  });

  it('every catalogue entry has both texts with the same placeholders, and no Chinese in the English', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, text] of Object.entries(importRefusals)) {
      expect(text.zh, code).toMatch(CJK);
      expect(text.en, code).not.toMatch(CJK);
      expect(names(text.en), code).toEqual(names(text.zh));
      const params = Object.fromEntries(names(text.zh).map((n) => [n, 7]));
      const filled = refusalText(code as ImportRefusalCode, params);
      expect(filled.en, code).not.toMatch(/[{}]/);
      expect(filled.zh, code).not.toMatch(/[{}]/);
    }
  });

  it('an error without an English form carries no messageEn', async () => {
    const err = await fail(core, 'customers.get', { id: 999_999 });
    expect(err.code).toBe('NOT_FOUND');
    expect(err).not.toHaveProperty('messageEn');
  });
});

describe('messageEn passes through every transport unchanged', () => {
  const input = { entity: 'customers', fileName: 'a.png', base64: pngBytes.toString('base64') };
  let expected: AppErrorData;
  beforeAll(async () => {
    expected = await fail(core, 'import.preview', input);
    expect(expected.messageEn).toMatch(/PNG image/);
  });

  it('the utility-process host, then the relay (structured clone on the way)', async () => {
    class Child extends EventEmitter implements RelayChild {
      postMessage(message: unknown) {
        void handleHostMessage(core, structuredClone(message)).then((reply) => this.emit('message', structuredClone(reply)));
      }
      kill() {
        return true;
      }
    }
    const relay = createRelay({ fork: () => new Child() });
    const envelope = await relay.call('import.preview', input, core.session);
    expect(envelope).toEqual({ ok: false, error: expected });
  });

  it('the browser-mode HTTP server', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-refusals-'));
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await startServer({ dbPath: '', core, port: 0, rendererDir });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/import.preview`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, 'X-Session': core.session },
        body: JSON.stringify({ input }),
      });
      const envelope = (await res.json()) as Envelope<unknown>;
      expect(envelope).toEqual({ ok: false, error: expected });
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
