// Import errors in both languages and as a file to fix: reason codes beside the Chinese messages, the error rows as an
// .xlsx with the file's own columns and a 错误原因 column, re-imported with the same mapping; summaries as sentences;
// the bulk insert's audit entry equal to customers.get; a commit re-checks when the database changed after the preview;
// names whose pinyin a worker worked out during the preview are written exactly as the core works them out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { pinyin } from 'pinyin-pro';
import { pinyinReader } from '../../electron/core/text';
import { configureImport } from '../../electron/core/modules/import/limits';
import { pinyinWorker } from '../../electron/core/modules/import/worker';
import type { Core } from '../../electron/core/core';
import type { Input, Output } from '../../shared/contract';
import { formatImportReason, importSummary } from '../../shared/domain/importReasons';
import { fail, makeCore, ok, seed } from './helpers';
import { sheetXml, workbookParts, xlsx, zip } from './importFiles';

let core: Core;
beforeEach(async () => {
  core = makeCore();
  await seed(core);
});
afterEach(() => core.close());

const base = (base64: string, extra: Partial<Input<'import.preview'>> = {}) => ({
  entity: 'customers' as const,
  fileName: '客户.xlsx',
  base64,
  ...extra,
});
const readBack = (b64: string) => {
  const wb = XLSX.read(Buffer.from(b64, 'base64'), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: null });
};

const headers = ['名字', '额度', '片'];
const mapping = [
  { header: '名字', field: 'name' },
  { header: '额度', field: 'creditLimitFen' },
  { header: '片', field: 'regionId' },
];
const file = xlsx([
  headers,
  ['甲商店', 1000, '南京市'],
  ['乙商店', '12,34', '南京市'],
  ['丙商店', 1234567.891, '火星'],
  ['丁商店', '¥1,234.50', '南京市'],
  ['', 5, '南京市'],
]);

describe('reasons in both languages', () => {
  it('every row error carries a reason code; the English text comes from the same entry', async () => {
    const p = await ok(core, 'import.preview', base(file, { mapping }));
    expect(p.counts).toEqual({ total: 5, new: 2, update: 0, skip: 0, error: 3 });
    const errors = p.rows.filter((r) => r.status === 'error').flatMap((r) => r.errors.map((e) => ({ row: r.rowNumber, ...e })));
    expect(errors).toEqual([
      {
        row: 3,
        column: '额度',
        field: 'creditLimitFen',
        message: '千位分隔符位置不对「12,34」：应每三位一组，如 12,345.67',
        reasonCode: 'amountSeparators',
        params: { value: '12,34' },
      },
      {
        row: 4,
        column: '额度',
        field: 'creditLimitFen',
        message: '金额最多两位小数「1234567.891」',
        reasonCode: 'amountDecimals',
        params: { value: '1234567.891' },
      },
      {
        row: 4,
        column: '片',
        field: 'regionId',
        message: '找不到区域「火星」',
        reasonCode: 'refMissing',
        params: { noun: '区域', value: '火星' },
      },
      { row: 6, column: '名字', field: 'name', message: '不能为空', reasonCode: 'blank', params: {} },
    ]);
    expect(errors.map((e) => formatImportReason(e.reasonCode as 'blank', e.params, 'en'))).toEqual([
      'Thousands separators out of place in "12,34": groups of three, as in 12,345.67',
      'At most two decimals in an amount: "1234567.891"',
      'No region named "火星"',
      'Required',
    ]);
  });

  it('summaries read as sentences', () => {
    const counts = { new: 17, update: 0, skip: 0, error: 3 };
    expect(importSummary(counts, 'zh', false)).toBe('将新增 17 行，3 行有错误，未写入任何数据。');
    expect(importSummary(counts, 'en', false)).toBe('17 rows will be added, 3 rows have errors; nothing has been written.');
    expect(importSummary({ new: 1, update: 2, skip: 4, error: 0 }, 'en', true)).toBe(
      '1 row added, 2 rows updated, 4 rows with existing codes skipped.',
    );
    expect(importSummary({ new: 1, update: 2, skip: 4, error: 0 }, 'zh', true)).toBe('已新增 1 行，已更新 2 行，4 行编码已存在，已跳过。');
  });
});

describe('the error rows as a file', () => {
  it('has the original columns of the refused rows and the reasons, in Chinese or in English', async () => {
    const zh = await ok(core, 'import.errorFile', { ...base(file, { mapping }), lang: 'zh' });
    expect(zh).toMatchObject({ fileName: '客户-错误行.xlsx', rowCount: 3 });
    expect(readBack(zh.base64)).toEqual([
      ['名字', '额度', '片', '错误原因'],
      ['乙商店', '12,34', '南京市', '额度：千位分隔符位置不对「12,34」：应每三位一组，如 12,345.67'],
      ['丙商店', 1234567.891, '火星', '额度：金额最多两位小数「1234567.891」；片：找不到区域「火星」'],
      [null, 5, '南京市', '名字：不能为空'],
    ]);
    const en = await ok(core, 'import.errorFile', { ...base(file, { mapping }), lang: 'en' });
    expect(en.fileName).toBe('客户 - rows with errors.xlsx');
    expect(readBack(en.base64)).toEqual([
      ['名字', '额度', '片', 'Error reasons'],
      ['乙商店', '12,34', '南京市', '额度: Thousands separators out of place in "12,34": groups of three, as in 12,345.67'],
      ['丙商店', 1234567.891, '火星', '额度: At most two decimals in an amount: "1234567.891"; 片: No region named "火星"'],
      [null, 5, '南京市', '名字: Required'],
    ]);
  });

  it('fixed in Excel, it imports with the mapping confirmed for the first file; the reasons column is ignored', async () => {
    // the file of errors is taken from the preview, before the good rows are committed
    const errorFile = await ok(core, 'import.errorFile', { ...base(file, { mapping }), lang: 'zh' });
    const result = await ok(core, 'import.commit', { ...base(file, { mapping }), acceptErrors: true });
    expect(result).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 3 });
    const rows = readBack(errorFile.base64);
    rows[1]![1] = '1,234';
    rows[2]![1] = 1234567.89;
    rows[2]![2] = '南京市';
    rows[3]![0] = '戊商店';
    const fixed = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(fixed, XLSX.utils.aoa_to_sheet(rows), '错误行');
    const again = (XLSX.write(fixed, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const p = await ok(core, 'import.preview', base(again));
    expect(p.mapping).toEqual([...mapping, { header: '错误原因', field: null }]);
    expect(p.counts).toEqual({ total: 3, new: 3, update: 0, skip: 0, error: 0 });
    expect(await ok(core, 'import.commit', base(again))).toEqual({ created: 3, updated: 0, skipped: 0, rejected: 0 });
    const list = await ok(core, 'customers.list', { search: '乙商店' });
    expect(list.rows[0]).toMatchObject({ name: '乙商店', creditLimitFen: 123_400 });
  });
});

describe('the bulk path', () => {
  it("a new customer's audit entry is exactly what customers.get returns", async () => {
    await ok(
      core,
      'import.commit',
      base(
        xlsx([
          ['客户名称', '业务员', '所属区域', '标签', '联系人', '联系人电话'],
          ['己商店', '李娜', '南京市', '重点、新', '孙丽', '139 0000 1111'],
        ]),
      ),
    );
    const found = await ok(core, 'customers.list', { search: '己商店' });
    const id = found.rows[0]!.id;
    const audit = await ok(core, 'audit.list', { entity: 'customer', entityId: id });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.after).toEqual(await ok(core, 'customers.get', { id }));
  });

  it('a commit checks again when the database changed after the preview', async () => {
    const sheet = xlsx([['客户名称'], ['庚商店']]);
    expect((await ok(core, 'import.preview', base(sheet))).counts.new).toBe(1);
    await ok(core, 'customers.save', { name: '庚商店' });
    const err = await fail(core, 'import.commit', base(sheet));
    expect(err.message).toContain('有 1 行数据有错误');
    const p = await ok(core, 'import.preview', base(sheet));
    expect(p.rows[0]!.errors[0]).toMatchObject({ reasonCode: 'duplicateCustomer', params: { name: '庚商店' } });
  });
});

describe('rows checked while the file is read', () => {
  // more rows than one part the worker sends (4,096): the checks of the first part go on over the later ones
  const many = (n: number, extra: (i: number) => unknown[] = () => []) => [
    ['客户名称', '所属区域', '信用额度(元)'],
    ...Array.from({ length: n }, (_, i) => [
      i === 4300 ? '甲001号店' : `甲${String(i + 1).padStart(3, '0')}号店`, // a duplicate across the parts
      i % 997 === 5 ? '火星' : '南京市',
      i % 1009 === 7 ? '12,34' : i * 10,
      ...extra(i),
    ]),
  ];
  type Preview = Output<'import.preview'>;
  // the second preview of the same file finds it parsed already and checks the whole sheet at once
  const twice = async (base64: string, extra: Partial<Input<'import.preview'>> = {}): Promise<[Preview, Preview]> => [
    await ok(core, 'import.preview', base(base64, extra)),
    await ok(core, 'import.preview', base(base64, extra)),
  ];

  it('checked part by part, the preview is the one of the whole sheet', async () => {
    const [streamed, whole] = await twice(xlsx(many(4500)));
    expect(streamed).toEqual(whole);
    expect(streamed.counts).toMatchObject({ total: 4500, error: 11 });
    expect(streamed.rows.find((r) => r.rowNumber === 4302)!.errors[0]).toMatchObject({ reasonCode: 'duplicateInFile' });
  });

  it('a row wider than the first part changes the layout: the rows are checked again', async () => {
    // column H exists only from row 4,402 on, and the user maps it
    const mapping = [
      { header: '客户名称', field: 'name' },
      { header: '所属区域', field: 'regionId' },
      { header: '信用额度(元)', field: 'creditLimitFen' },
      { header: '（H列）', field: 'notes' },
    ];
    const rows = many(4500, (i) => (i === 4400 ? ['', '', '', '', '宽行'] : []));
    rows[4401]![2] = '12,34'; // an error row, so the preview lists it
    const file = xlsx(rows);
    const [streamed, whole] = await twice(file, { mapping });
    expect(streamed).toEqual(whole);
    expect(streamed.headers).toHaveLength(8);
    expect(streamed.rows.find((r) => r.rowNumber === 4402)!.values.notes).toBe('宽行');
  });

  it('a file the lean reader gives up on half way is read by SheetJS and checked from the start', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const rows = [`<row r="1">${cell('A1', '客户名称')}${cell('B1', '账期(天)')}</row>`];
    for (let r = 2; r <= 4600; r++) {
      // an attribute order the one-step pattern does not take, and at the end a number the lean reader refuses
      const days = r === 4500 ? '<c r="B4500"><v>1e999</v></c>' : `<c t="n" r="B${r}"><v>30</v></c>`;
      rows.push(`<row r="${r}">${cell(`A${r}`, `乙${r}号店`)}${days}</row>`);
    }
    const file = zip(workbookParts(sheetXml(rows.join('')))).toString('base64');
    const [streamed, whole] = await twice(file);
    expect(streamed).toEqual(whole);
    expect(streamed.counts.total).toBe(4599);
  });

  it('a customer saved during the parse is seen by the checks', async () => {
    const sheet = xlsx([['客户名称'], ['辛商店']]);
    const preview = core.call('import.preview', base(sheet)); // the worker parses; the session has loaded the book
    await ok(core, 'customers.save', { name: '辛商店' });
    const p = await preview;
    expect(p.ok && p.data).toMatchObject({ counts: { new: 0, error: 1 } });
    expect(p.ok && (p.data as { rows: Array<{ errors: unknown[] }> }).rows[0]!.errors[0]).toMatchObject({
      reasonCode: 'duplicateCustomer',
      params: { name: '辛商店' },
    });
  });
});

describe('pinyin worked out ahead', () => {
  // polyphones that depend on their neighbours, Latin and digits between Chinese runs, a character outside the BMP
  const names = ['重庆银行长沙行', '乐行音乐（中山路12号店）', 'ABC 有限公司', '𠀀记重阳', '单于长乐', '了不起'];
  const read = pinyinReader(pinyin);

  it('the worker gives what the core gives, text by text, for texts sent in batches', async () => {
    const job = pinyinWorker()!;
    job.send(names.slice(0, 2));
    job.send(names.slice(2));
    expect(await job.done()).toEqual(names.map(read));
  });

  it('a commit after its preview writes the pinyin the core would, from the worker', async () => {
    const saved = configureImport({ pinyinAheadMin: 1 });
    try {
      const sheet = xlsx([['客户名称', '简称', '联系人'], ...names.map((n, i) => [n, `行${i}长`, `单于${i}乐`])]);
      expect((await ok(core, 'import.preview', base(sheet))).counts.new).toBe(names.length);
      expect((await ok(core, 'import.commit', base(sheet))).created).toBe(names.length);
    } finally {
      configureImport(saved);
    }
    const rows = core.ctx.db
      .prepare(
        `select name, short_name as shortName, name_pinyin as namePinyin, search_text as searchText from customers
        where name in (${names.map(() => '?').join(', ')})`,
      )
      .all(...names) as Array<{ name: string; shortName: string; namePinyin: string; searchText: string }>;
    expect(rows).toHaveLength(names.length);
    for (const r of rows) {
      const i = names.indexOf(r.name);
      expect(r.namePinyin).toBe(read(r.name).full);
      for (const text of [r.name, r.shortName, `单于${i}乐`]) {
        expect(r.searchText.split('|')).toEqual(expect.arrayContaining([read(text).full, read(text).initials]));
      }
    }
    const found = await ok(core, 'customers.list', { search: read('重庆银行长沙行').initials });
    expect(found.rows.map((c) => c.name)).toEqual(['重庆银行长沙行']);
  });
});
