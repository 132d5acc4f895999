// Excel import: tolerant cell rules, every rejection reason, a mixed file's exact counts, dry run and rejected commit
// leaving the database unchanged, skip vs update, column mapping, hostile headers, CSV encodings, .xls, templates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { halfWidth } from '../../electron/core/text';
import { toHalfWidth } from '../../shared/money';
import type { Core } from '../../electron/core/core';
import type { Input, Output } from '../../shared/contract';
import {
  cellText,
  headerKey,
  readBool,
  readDate,
  readEnum,
  readInt,
  readMoney,
  readPhone,
  serialToDate,
  splitList,
} from '../../electron/core/modules/import/cells';
import { inspectZip, sniffKind } from '../../electron/core/modules/import/sniff';
import { parseInWorker } from '../../electron/core/modules/import/worker';
import { importLimits } from '../../electron/core/modules/import/limits';
import { customerGrades, customerTypeLabels, customerTypes } from '../../shared/domain/customer';
import { digest, fail, makeCore, ok, seed, type Seeded } from './helpers';
import { csv, exceljsBase64, sheetBytes, xlsx } from './importFiles';

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

type Entity = Input<'import.preview'>['entity'];
type Preview = Output<'import.preview'>;

const preview = (entity: Entity, base64: string, extra: Partial<Input<'import.preview'>> = {}) =>
  ok(core, 'import.preview', { entity, fileName: 'test.xlsx', base64, ...extra });
const commit = (entity: Entity, base64: string, extra: Partial<Input<'import.commit'>> = {}) =>
  ok(core, 'import.commit', { entity, fileName: 'test.xlsx', base64, ...extra });

/** The errors of one Excel row as "column：message". */
function errorsOf(p: Preview, rowNumber: number): string[] {
  const row = p.rows.find((r) => r.rowNumber === rowNumber);
  if (!row) throw new Error(`row ${rowNumber} not in preview`);
  return row.errors.map((e) => `${e.column}：${e.message}`);
}
const statusOf = (p: Preview, rowNumber: number) => p.rows.find((r) => r.rowNumber === rowNumber)?.status;

const customerHeaders = ['客户编码', '客户名称', '客户类型', '所属区域', '电话', '业务员', '客户等级', '信用额度(元)', '账期(天)', '标签'];

// ---------- tolerant cells ----------

describe('tolerant cell rules', () => {
  it('full-width digits, letters and spaces become half-width; invisible characters go; Chinese brackets stay', () => {
    expect(cellText('\u3000ＡＢＣ１２３\u00a0')).toBe('ABC123');
    expect(cellText('华众\u200b商贸（集团）')).toBe('华众商贸（集团）');
    expect(cellText(13800001111)).toBe('13800001111');
    expect(cellText(1e20)).toBe('100000000000000000000');
    expect(cellText(true)).toBe('是');
    expect(cellText(null)).toBe('');
    // our own export's neutralising apostrophe is read back as typed
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'普通")).toBe("'普通");
  });

  it("the one-pass half-width conversion the readers use is shared/money's toHalfWidth", () => {
    const chars = fc.constantFrom(...'Ａｚ０９（）！～　 a1中，。、\uff00\uff5f\uffe5'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 30 }), (parts) => halfWidth(parts.join('')) === toHalfWidth(parts.join(''))));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => halfWidth(text) === toHalfWidth(text)));
  });

  it('phones keep their spaces and dashes, normalised', () => {
    expect(readPhone('１３８－００００ １１１１')).toEqual({ ok: true, value: '138-0000 1111' });
    expect(readPhone('138  0000  1111')).toEqual({ ok: true, value: '138 0000 1111' });
    expect(readPhone('010—8888—6666')).toEqual({ ok: true, value: '010-8888-6666' });
    expect(readPhone('025 - 5555 7777')).toEqual({ ok: true, value: '025-5555 7777' });
    expect(readPhone(13800001111)).toEqual({ ok: true, value: '13800001111' });
    expect(readPhone('+86 (21) 6666-8888')).toEqual({ ok: true, value: '+86 (21) 6666-8888' });
  });

  it('dates typed as text, as Excel serials or from date cells', () => {
    const day = (v: Parameters<typeof readDate>[0]) => readDate(v);
    for (const text of [
      '2024/3/5',
      '2024-03-05',
      '2024.3.5',
      '2024年3月5日',
      '２０２４年３月５日',
      '2024 年 3 月 5 日',
      '20240305',
      '2024-03-05 10:30:00',
      '2024/3/5 8:00',
    ]) {
      expect(day(text), text).toEqual({ ok: true, value: '2024-03-05' });
    }
    expect(day(45356)).toEqual({ ok: true, value: '2024-03-05' });
    expect(day('45356')).toEqual({ ok: true, value: '2024-03-05' });
    expect(day(45356.75)).toEqual({ ok: true, value: '2024-03-05' });
    expect(serialToDate(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(serialToDate(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(serialToDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(day('2024年2月29日')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('money with ¥, thousands separators, 元 and 万, exactly, in fen', () => {
    const cases: Array<[Parameters<typeof readMoney>[0], number]> = [
      ['¥1,234.50', 123450],
      ['￥1,234.5', 123450],
      ['1234.5元', 123450],
      ['１２３４', 123400],
      ['RMB 100', 10000],
      ['5万', 5_000_000],
      ['1.2345万', 1_234_500],
      ['0.01', 1],
      ['1234.500', 123450],
      [1234.5, 123450],
      [0.1 + 0.2, 30],
      [19.99 * 3, 5997],
      ['12,345.67', 1_234_567],
      ['1,234', 123_400],
      ['1，234', 123_400],
      [0, 0],
      ['-0', 0],
    ];
    for (const [input, fen] of cases) expect(readMoney(input), String(input)).toEqual({ ok: true, value: fen });
  });

  it('money with misplaced thousands separators or a third decimal is refused, never rounded', () => {
    const separators = '千位分隔符位置不对';
    expect(readMoney('12,34')).toEqual({
      ok: false,
      message: `${separators}「12,34」：应每三位一组，如 12,345.67`,
      code: 'amountSeparators',
      params: { value: '12,34' },
    });
    expect(readMoney('1,23.45')).toMatchObject({ ok: false, message: `${separators}「1,23.45」：应每三位一组，如 12,345.67` });
    expect(readMoney('1，5')).toMatchObject({ ok: false, message: `${separators}「1，5」：应每三位一组，如 12,345.67` });
    expect(readMoney(1234567.891)).toMatchObject({ ok: false, message: '金额最多两位小数「1234567.891」' });
    expect(readMoney('1234567.891')).toMatchObject({ ok: false, message: '金额最多两位小数「1234567.891」' });
    expect(readMoney(1234.5000000001)).toMatchObject({ ok: false, message: '金额最多两位小数「1234.5000000001」' });
    expect(readMoney(1.005)).toMatchObject({ ok: false, message: '金额最多两位小数「1.005」' });
    expect(readMoney(0.0000001)).toMatchObject({ ok: false, message: '金额最多两位小数「0.0000001」' });
    expect(readInt('10,00')).toMatchObject({ ok: false, message: '千位分隔符位置不对「10,00」：应每三位一组，如 1,000' });
    expect(readInt(30.5)).toMatchObject({ ok: false, message: '应为整数「30.5」', code: 'notInteger' });
  });

  it('whole numbers with a unit, booleans in Chinese and English, enums by label, code or alias, lists', () => {
    expect(readInt('30天', '天')).toEqual({ ok: true, value: 30 });
    expect(readInt('３０', '天')).toEqual({ ok: true, value: 30 });
    expect(readInt(30.0)).toEqual({ ok: true, value: 30 });
    expect(readInt('30.0')).toEqual({ ok: true, value: 30 });
    expect(readInt('1,000')).toEqual({ ok: true, value: 1000 });
    for (const yes of ['是', 'Y', 'yes', 'TRUE', '1', '√', '启用', '在职', 1, true])
      expect(readBool(yes), String(yes)).toEqual({ ok: true, value: true });
    for (const no of ['否', 'n', 'No', 'false', '0', '×', '停用', '离职', 0, false])
      expect(readBool(no), String(no)).toEqual({ ok: true, value: false });
    for (const retail of ['零售店', 'retail', 'RETAIL', 'Retail store', ' 零售店 ']) {
      expect(readEnum(retail, customerTypes, customerTypeLabels), retail).toEqual({ ok: true, value: 'retail' });
    }
    expect(readEnum('零售', customerTypes, customerTypeLabels, { 零售: 'retail' })).toEqual({ ok: true, value: 'retail' });
    expect(readEnum('a', customerGrades, null)).toEqual({ ok: true, value: 'A' });
    expect(readEnum('Ｂ', customerGrades, null)).toEqual({ ok: true, value: 'B' });
    expect(splitList('重点, 批发；新客户、VIP|年度')).toEqual(['重点', '批发', '新客户', 'VIP', '年度']);
  });

  it('headers compare without width, spaces, * marks or a bracketed unit', () => {
    expect(headerKey('*客户名称')).toBe(headerKey('客户名称'));
    expect(headerKey('信用额度（元）')).toBe(headerKey('信用额度'));
    expect(headerKey(' 账期 (天) ')).toBe(headerKey('账期'));
    expect(headerKey('ＳＫＵ')).toBe(headerKey('sku'));
  });

  it('every tolerant rule end to end: one messy row imports clean', async () => {
    const base64 = xlsx([
      [
        '*客户编码',
        '客户名称 ',
        '客户类型',
        '所属区域',
        '电话',
        '业务员',
        '客户等级',
        '信用额度（元）',
        '账期',
        '标签',
        '联系人',
        '联系人电话',
      ],
      [
        'ＶＩＰ－０１',
        '　上海新客户商行　',
        'Retail store',
        '华东 > 江苏省 > 南京市',
        '１３８－００００ １１１１',
        '李娜(R002)',
        'a级',
        '￥1,234.5元',
        '３０天',
        '重点；新客户',
        '王五',
        13900001111,
      ],
    ]);
    const p = await preview('customers', base64);
    expect(p.counts).toEqual({ total: 1, new: 1, update: 0, skip: 0, error: 0 });
    expect(p.mapping.every((m) => m.field !== null)).toBe(true);
    await commit('customers', base64);
    const row = (await ok(core, 'customers.list', { search: 'VIP-01' })).rows[0]!;
    const d = await ok(core, 'customers.get', { id: row.id });
    expect(d).toMatchObject({
      code: 'VIP-01',
      name: '上海新客户商行',
      type: 'retail',
      regionId: s.regions.nanjing.id,
      phone: '138-0000 1111',
      repId: s.reps.li.id,
      grade: 'A',
      creditLimitFen: 123450,
      paymentTermDays: 30,
      tags: ['重点', '新客户'],
    });
    expect(d.contacts).toMatchObject([{ name: '王五', phone: '13900001111', isPrimary: true }]);
  });
});

describe('references by name, path or code', () => {
  async function regionOf(text: string) {
    const p = await preview(
      'customers',
      xlsx([
        ['客户名称', '所属区域'],
        ['某某商店', text],
      ]),
    );
    return p;
  }

  it('a region by unique name, full or trailing path, or code', async () => {
    for (const text of ['南京市', '华东/江苏省/南京市', '华东 › 江苏省 › 南京市', '江苏省/南京市', '江苏省／南京市']) {
      expect((await regionOf(text)).counts.new, text).toBe(1);
    }
    expect((await regionOf('HD')).counts.new).toBe(1);
  });

  it('an ambiguous region name is refused with the candidates, a full path resolves it', async () => {
    await ok(core, 'regions.save', { name: '鼓楼片区', parentId: s.regions.beijing.id });
    const p = await regionOf('鼓楼片区');
    expect(errorsOf(p, 2)).toEqual([
      '所属区域：有 2 个名为「鼓楼片区」的区域（华东/江苏省/南京市/鼓楼片区、华北/北京市/鼓楼片区），请写完整路径，如「华东/江苏省/南京市/鼓楼片区」',
    ]);
    expect((await regionOf('南京市/鼓楼片区')).counts.new).toBe(1);
  });

  it('a rep by name or code; two reps of one name need the code', async () => {
    const byCode = await preview(
      'customers',
      xlsx([
        ['客户名称', '业务员'],
        ['甲商店', 'R003'],
        ['乙商店', '王强'],
      ]),
    );
    expect(byCode.counts.new).toBe(2);
    await ok(core, 'reps.save', { name: '李娜' });
    const p = await preview(
      'customers',
      xlsx([
        ['客户名称', '业务员'],
        ['甲商店', '李娜'],
        ['乙商店', '李娜(R004)'],
      ]),
    );
    expect(errorsOf(p, 2)).toEqual(['业务员：有 2 个名为「李娜」的业务员（编码 R002、R004），请改填编码']);
    expect(statusOf(p, 3)).toBe('new');
  });
});

// ---------- rejection reasons ----------

describe('every rejection reason names the row, the column and the reason', () => {
  async function one(entity: Entity, headers: string[], row: unknown[], mode: 'skip' | 'update' = 'skip') {
    const p = await preview(entity, xlsx([headers, row]), { mode });
    expect(p.counts.error, JSON.stringify(p.rows)).toBe(1);
    return errorsOf(p, 2);
  }
  const C = (values: Record<string, unknown>) => customerHeaders.map((h) => values[h] ?? '');

  it.each<[string, Record<string, unknown>, string]>([
    ['a required value missing', { 客户类型: '零售店' }, '客户名称：不能为空'],
    ['text too long', { 客户名称: '长'.repeat(101) }, '客户名称：最多 100 个字'],
    ['a code with other characters', { 客户编码: 'C#01', 客户名称: '甲' }, '客户编码：只能包含字母、数字、- 和 _'],
    ['a phone with letters', { 客户名称: '甲', 电话: 'abc' }, '电话：只能包含数字、空格、+、-、括号'],
    ['money that is not a number', { 客户名称: '甲', '信用额度(元)': '很多' }, '信用额度(元)：不是有效的金额「很多」'],
    ['negative money', { 客户名称: '甲', '信用额度(元)': '-5' }, '信用额度(元)：金额不能为负数'],
    ['money with three decimals', { 客户名称: '甲', '信用额度(元)': '1.234' }, '信用额度(元)：金额最多两位小数「1.234」'],
    [
      'money with misplaced separators',
      { 客户名称: '甲', '信用额度(元)': '12,34' },
      '信用额度(元)：千位分隔符位置不对「12,34」：应每三位一组，如 12,345.67',
    ],
    [
      'a numeric money cell with a third decimal',
      { 客户名称: '甲', '信用额度(元)': 1234567.891 },
      '信用额度(元)：金额最多两位小数「1234567.891」',
    ],
    ['money over the ceiling', { 客户名称: '甲', '信用额度(元)': '200亿' }, '信用额度(元)：不是有效的金额「200亿」'],
    ['money over 100 亿元', { 客户名称: '甲', '信用额度(元)': 20_000_000_000 }, '信用额度(元)：金额过大（上限 100 亿元）'],
    ['a whole number that is not one', { 客户名称: '甲', '账期(天)': '三十' }, '账期(天)：应为整数「三十」'],
    ['a number out of range', { 客户名称: '甲', '账期(天)': 400 }, '账期(天)：不能超过 365'],
    [
      'an unknown choice',
      { 客户名称: '甲', 客户类型: '超市' },
      '客户类型：无法识别「超市」，可选：终端、零售店、企业客户、机关事业单位、批发商、经销商、其他',
    ],
    ['an unknown grade', { 客户名称: '甲', 客户等级: 'E' }, '客户等级：无法识别「E」，可选：A、B、C、D'],
    ['a region that does not exist', { 客户名称: '甲', 所属区域: '火星' }, '所属区域：找不到区域「火星」'],
    ['a rep that does not exist', { 客户名称: '甲', 业务员: '孙悟空' }, '业务员：找不到业务员「孙悟空」'],
    ['a formula error left in a cell', { 客户名称: '#N/A' }, '客户名称：单元格是公式错误值 #N/A，请改为实际内容'],
  ])('%s', async (_name, values, expected) => {
    expect(await one('customers', customerHeaders, C(values))).toEqual([expected]);
  });

  it('several problems in one row are reported together', async () => {
    const headers = ['客户名称', '客户类型', '电话', '信用额度(元)', '客户编码'];
    const p = await preview('customers', xlsx([headers, ['#N/A', '超市', 'abc', '-5', 'C#1']]));
    expect(errorsOf(p, 2)).toEqual([
      '客户名称：单元格是公式错误值 #N/A，请改为实际内容',
      '客户类型：无法识别「超市」，可选：终端、零售店、企业客户、机关事业单位、批发商、经销商、其他',
      '信用额度(元)：金额不能为负数',
      '客户编码：只能包含字母、数字、- 和 _',
      '电话：只能包含数字、空格、+、-、括号',
    ]);
  });

  it('more tags than the customer form allows', async () => {
    const [message] = await one('customers', ['客户名称', '标签'], ['甲', Array.from({ length: 60 }, (_, i) => `t${i}`).join(',')]);
    expect(message).toMatch(/^标签：最多 \d+ 项$/);
  });

  it('a contact phone without a contact name', async () => {
    expect(await one('customers', ['客户名称', '联系人电话'], ['甲', '139 0000 1111'])).toEqual(['联系人：不能为空']);
  });

  it('an archived customer is not updated by an import', async () => {
    await ok(core, 'customers.archive', { id: s.customers.c4.id });
    expect(await one('customers', ['客户编码', '客户名称'], ['C000004', '阿里山茶庄'], 'update')).toEqual([
      '客户编码：客户已归档，不能通过导入修改；请先在客户档案中恢复',
    ]);
  });

  it('a date that does not exist, and one that is not a date', async () => {
    const headers = ['经销商名称', '合同开始日期', '合同到期日期'];
    expect(await one('dealers', headers, ['甲经销', '2024/2/30', ''])).toEqual(['合同开始日期：不是有效的日期（2024年2月30日）']);
    expect(await one('dealers', headers, ['甲经销', '明天', ''])).toEqual([
      '合同开始日期：无法识别的日期「明天」，请写成 2024-03-05、2024/3/5 或 2024年3月5日',
    ]);
  });

  it("a service's own rule, found by the dry run: contract end before start", async () => {
    expect(await one('dealers', ['经销商名称', '合同开始日期', '合同到期日期'], ['甲经销', '2025-06-01', '2025-01-01'])).toEqual([
      '合同到期日期：不能早于合同开始日期（2025-06-01），现为 2025-01-01',
    ]);
  });

  it('a yes/no that is neither, and a dealer price above the list price', async () => {
    expect(await one('products', ['产品名称', '启用'], ['食盐', '也许'])).toEqual(['启用：无法识别「也许」，请填 是 或 否']);
    expect(await one('products', ['产品名称', '标准售价', '经销价'], ['食盐', 10, 12])).toEqual([
      '经销价：经销价不能高于标准售价（¥12.00 > ¥10.00）',
    ]);
  });

  it('a team that does not exist, a rep as its own supervisor, a supervisor cycle', async () => {
    expect(await one('reps', ['姓名', '团队'], ['孙丽', '三组'])).toEqual(['团队：找不到团队「三组」']);
    expect(await one('reps', ['业务员编码', '姓名', '主管'], ['R001', '王强', 'R001'], 'update')).toEqual([
      '主管：不能把业务员设为自己的主管',
    ]);
    // 李娜 (R002) reports to 王强 (R001): 王强 cannot report to her
    expect(await one('reps', ['业务员编码', '姓名', '主管'], ['R001', '王强', '李娜'], 'update')).toEqual([
      '主管：不能把自己的下属设为主管（会形成循环）',
    ]);
  });

  it('a fifth region level', async () => {
    expect(await one('regions', ['区域名称', '上级区域'], ['鼓楼东片', '华东/江苏省/南京市/鼓楼片区'])).toEqual([
      '上级区域：区域最多 4 级（大区 › 省 › 市 › 片区），「华东/江苏省/南京市/鼓楼片区」下不能再建下级',
    ]);
  });
});

// ---------- the mixed file ----------

describe('a mixed file: good rows, bad rows, duplicates', () => {
  const rows = [
    customerHeaders,
    ['', '上海新客户商行', '零售店', '华东/江苏省/南京市', '138 0000 0001', '李娜', 'A', '¥1,000.50', '30天', '重点,新'], // 2 new
    ['NEW-1', '苏州新客户有限公司', '批发商', '南京市', '', 'R001', 'b', '5万', 45, ''], // 3 new
    ['C000002', '南京鼓楼便利店', '', '', '025-5555-8888', '', '', '', '', ''], // 4 existing
    ['', '', '零售店', '', '', '', '', '', '', ''], // 5 no name
    ['', '火星贸易', '零售店', '火星', '', '', '', '', '', ''], // 6 unknown region
    ['NEW-1', '另一家公司', '', '', '', '', '', '', '', ''], // 7 code of row 3 again
    ['', '上海新客户', '', '', '', '', '', '', '', ''], // 8 same name key as row 2
    [], // 9 blank: not a record
    ['', '北京华众商贸', '', '', '', '', '', '', '', ''], // 10 same name key as C000001
    ['C000003', '张记烟酒行', '终端', '', '', '', '', '', '', ''], // 11 existing
  ];
  const base64 = xlsx(rows);

  it('preview: exact counts, errors first with row, column and reason; the database is unchanged', async () => {
    const before = digest(core.ctx.db);
    const p = await preview('customers', base64);
    expect(p.counts).toEqual({ total: 9, new: 2, update: 0, skip: 2, error: 5 });
    expect(p.truncated).toBe(false);
    expect(p.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [10, 'error'],
      [2, 'new'],
      [3, 'new'],
      [4, 'skip'],
      [11, 'skip'],
    ]);
    expect(errorsOf(p, 5)).toEqual(['客户名称：不能为空']);
    expect(errorsOf(p, 6)).toEqual(['所属区域：找不到区域「火星」']);
    expect(errorsOf(p, 7)).toEqual(['客户编码：与第 3 行的编码「NEW-1」重复']);
    expect(errorsOf(p, 8)).toEqual(['客户名称：与第 2 行的客户「上海新客户」重复']);
    expect(errorsOf(p, 10)).toEqual([
      '客户名称：已有客户「北京华众商贸有限公司」（编码 C000001）名称相同，疑似重复；如是同一客户，请填写其编码',
    ]);
    expect(p.rows.find((r) => r.rowNumber === 2)!.values).toMatchObject({
      name: '上海新客户商行',
      regionId: '华东/江苏省/南京市',
      creditLimitFen: '¥1,000.50',
    });
    expect(p.headers).toEqual(customerHeaders);
    expect(p.fields.find((f) => f.key === 'name')).toEqual({ key: 'name', label: '客户名称', required: true });
    expect(digest(core.ctx.db)).toBe(before);

    const updating = await preview('customers', base64, { mode: 'update' });
    expect(updating.counts).toEqual({ total: 9, new: 2, update: 2, skip: 0, error: 5 });
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('commit with errors not accepted: refused, nothing written', async () => {
    const before = digest(core.ctx.db);
    const err = await fail(core, 'import.commit', { entity: 'customers', fileName: 'mixed.xlsx', base64 });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'acceptErrors' });
    expect(err.message).toContain('有 5 行数据有错误，未导入任何数据');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('commit accepting errors: the valid rows in one go, one summary in the audit log', async () => {
    const result = await commit('customers', base64, { acceptErrors: true, fileName: '客户.xlsx' });
    expect(result).toEqual({ created: 2, updated: 0, skipped: 2, rejected: 5 });
    const all = (await ok(core, 'customers.list', { pageSize: 100, sort: { field: 'code', order: 'asc' } })).rows;
    expect(all.map((c) => c.code)).toEqual(['C000001', 'C000002', 'C000003', 'C000004', 'C000005', 'NEW-1']);
    const shanghai = await ok(core, 'customers.get', { id: all[4]!.id });
    expect(shanghai).toMatchObject({
      name: '上海新客户商行',
      type: 'retail',
      regionId: s.regions.nanjing.id,
      phone: '138 0000 0001',
      repId: s.reps.li.id,
      grade: 'A',
      creditLimitFen: 100050,
      paymentTermDays: 30,
      tags: ['重点', '新'],
      lifecycle: 'prospect',
    });
    const suzhou = await ok(core, 'customers.get', { id: all[5]!.id });
    expect(suzhou).toMatchObject({
      type: 'wholesale',
      regionId: s.regions.nanjing.id,
      repId: s.reps.boss.id,
      grade: 'B',
      creditLimitFen: 5_000_000,
      paymentTermDays: 45,
    });
    // found by search like any other customer (derived columns written)
    expect((await ok(core, 'customers.list', { search: 'shxkh' })).rows.map((r) => r.code)).toEqual(['C000005']);
    // the skipped C000002 kept its phone
    expect((await ok(core, 'customers.get', { id: s.customers.c2.id })).phone).toBe('025 5555 7777');
    const audit = await ok(core, 'audit.list', { entity: 'customers' });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      action: 'import',
      entityId: null,
      after: { fileName: '客户.xlsx', mode: 'skip', total: 9, created: 2, updated: 0, skipped: 2, rejected: 5 },
    });
    const created = await ok(core, 'audit.list', { entity: 'customer', entityId: all[4]!.id });
    expect(created.rows[0]).toMatchObject({
      action: 'create',
      after: { code: 'C000005', name: '上海新客户商行', regionPath: ['华东', '江苏省', '南京市'] },
    });
  });
});

describe('existing records: skip or update by code', () => {
  const base64 = xlsx([
    ['客户编码', '客户名称', '电话', '客户等级', '标签', '联系人', '联系人电话'],
    ['C000002', '', '025-6666-0000', 'A', '', '', ''],
    ['C000001', '北京华众商贸有限公司', '', '', '年度', '刘洋', '139 9999 0000'],
  ]);

  it('skip leaves them exactly as they were', async () => {
    const before = digest(core.ctx.db);
    expect(await commit('customers', base64, { mode: 'skip' })).toEqual({ created: 0, updated: 0, skipped: 2, rejected: 0 });
    const after = (await ok(core, 'audit.list', { entity: 'customers' })).rows;
    expect(after).toHaveLength(1); // only the summary
    expect((await ok(core, 'customers.get', { id: s.customers.c2.id })).phone).toBe('025 5555 7777');
    expect(digest(core.ctx.db)).not.toBe(before); // the summary row
  });

  it('update changes the filled cells and keeps what is blank', async () => {
    const c1Before = await ok(core, 'customers.get', { id: s.customers.c1.id });
    expect(await commit('customers', base64, { mode: 'update' })).toEqual({ created: 0, updated: 2, skipped: 0, rejected: 0 });
    const c2 = await ok(core, 'customers.get', { id: s.customers.c2.id });
    expect(c2).toMatchObject({ name: '南京鼓楼便利店', phone: '025-6666-0000', grade: 'A', regionId: s.regions.gulou.id, tags: ['重点'] });
    const c1 = await ok(core, 'customers.get', { id: s.customers.c1.id });
    expect(c1).toMatchObject({ phone: '010-8888-6666', grade: 'A', tags: ['年度'] });
    // the contact of the same name is updated in place, not duplicated
    expect(c1.contacts).toEqual([{ ...c1Before.contacts[0]!, phone: '139 9999 0000' }]);
    const updates = await ok(core, 'audit.list', { entity: 'customer', entityId: s.customers.c2.id });
    expect(updates.rows[0]).toMatchObject({ action: 'update', before: { phone: '025 5555 7777' }, after: { phone: '025-6666-0000' } });
  });
});

// ---------- headers and mapping ----------

describe('headers matched by name, or mapped by hand', () => {
  const base64 = xlsx([
    ['公司', '区域', '手机号码', '客户经理', '备用列'],
    ['甲商店', '南京市', '138 0000 1111', '李娜', 'x'],
  ]);

  it('unknown headers are left unmapped; the fields list says what is required', async () => {
    const p = await preview('customers', base64);
    expect(p.mapping).toEqual([
      { header: '公司', field: null },
      { header: '区域', field: 'regionId' },
      { header: '手机号码', field: 'phone' },
      { header: '客户经理', field: null },
      { header: '备用列', field: null },
    ]);
    expect(errorsOf(p, 2)).toEqual(['客户名称：不能为空']);
  });

  it('an explicit mapping is used, and the rest still match by name', async () => {
    const mapping = [
      { header: '公司', field: 'name' },
      { header: '客户经理', field: 'repId' },
      { header: '备用列', field: null },
    ];
    const p = await preview('customers', base64, { mapping });
    expect(p.mapping.map((m) => m.field)).toEqual(['name', 'regionId', 'phone', 'repId', null]);
    expect(p.counts).toMatchObject({ new: 1, error: 0 });
    await commit('customers', base64, { mapping });
    const c = (await ok(core, 'customers.list', { search: '甲商店' })).rows[0]!;
    expect(c).toMatchObject({ phone: '138 0000 1111', repName: '李娜', regionName: '南京市' });
  });

  it('a mapping to an unknown field, or two columns to one field, is refused', async () => {
    expect(
      await fail(core, 'import.preview', {
        entity: 'customers',
        fileName: 'a.xlsx',
        base64,
        mapping: [{ header: '公司', field: 'salary' }],
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'mapping',
      message: '列对应关系：「公司」对应的字段「salary」不存在',
    });
    const twice = [
      { header: '公司', field: 'name' },
      { header: '客户经理', field: 'name' },
    ];
    expect((await fail(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64, mapping: twice })).message).toBe(
      '列对应关系：「公司」和「客户经理」都对应到了「客户名称」，一个字段只能对应一列',
    );
  });

  it('__proto__, constructor and prototype headers are harmless', async () => {
    const hostile = xlsx([
      ['__proto__', 'constructor', '客户名称', 'prototype', 'toString', 'hasOwnProperty'],
      ['{"polluted":true}', 'x', '甲商店', 'y', 'z', 'w'],
    ]);
    const p = await preview('customers', hostile);
    expect(p.counts).toMatchObject({ total: 1, new: 1, error: 0 });
    expect(p.mapping.filter((m) => m.field !== null)).toEqual([{ header: '客户名称', field: 'name' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const mapped = await preview('customers', hostile, { mapping: [{ header: '__proto__', field: 'notes' }] });
    expect(mapped.rows[0]!.values).toMatchObject({ notes: '{"polluted":true}', name: '甲商店' });
    expect(Object.keys(mapped.rows[0]!.values)).not.toContain('__proto__');
  });

  it('a title row above the headers is passed over; row numbers stay Excel row numbers', async () => {
    const p = await preview('customers', xlsx([['2025 年客户清单'], [], ['客户名称', '电话'], ['甲商店', ''], ['', '123']]));
    expect(p.counts).toMatchObject({ total: 2, new: 1, error: 1 });
    expect(statusOf(p, 4)).toBe('new');
    expect(errorsOf(p, 5)).toEqual(['客户名称：不能为空']);
  });

  it('a file with only a header has nothing to import; an empty sheet is refused', async () => {
    expect((await preview('customers', xlsx([['客户名称']]))).counts).toEqual({ total: 0, new: 0, update: 0, skip: 0, error: 0 });
    expect((await fail(core, 'import.preview', { entity: 'customers', fileName: 'a.xlsx', base64: xlsx([]) })).message).toContain(
      '文件中没有数据',
    );
  });
});

// ---------- file formats ----------

describe('file formats as Excel and WPS save them', () => {
  const text = '客户名称,电话,信用额度(元),所属区域\r\n"甲商店, 南京",025-5555 0001,"1,000",南京市\r\n"乙""精品""店",,500,\r\n';

  it.each(['utf8', 'utf8bom', 'gbk'] as const)('CSV in %s', async (encoding) => {
    const p = await preview('customers', csv(text, encoding), { fileName: 'a.csv' });
    expect(p.headers).toEqual(['客户名称', '电话', '信用额度(元)', '所属区域']);
    expect(p.counts).toMatchObject({ total: 2, new: 2, error: 0 });
    expect(p.rows.map((r) => r.values.name)).toEqual(['甲商店, 南京', '乙"精品"店']);
    expect(p.rows[0]!.values.creditLimitFen).toBe('1,000');
  });

  it("Excel's Unicode text (UTF-16, tab-separated) and a quoted line break", async () => {
    const p = await preview('customers', csv('客户名称\t备注\r\n甲商店\t"第一行\n第二行"\r\n', 'utf16le'));
    expect(p.counts).toMatchObject({ total: 1, new: 1 });
    expect(p.rows[0]!.values.notes).toBe('第一行\n第二行');
  });

  it('.xls (BIFF8) with numbers and text', async () => {
    const base64 = sheetBytes(
      [
        ['客户名称', '信用额度(元)', '账期(天)', '电话'],
        ['甲商店', 1234.5, 30, '13800001111'],
      ],
      'xls',
    ).toString('base64');
    const p = await preview('customers', base64, { fileName: 'a.xls' });
    expect(p.counts).toMatchObject({ total: 1, new: 1, error: 0 });
    expect(p.rows[0]!.values).toMatchObject({ name: '甲商店', creditLimitFen: '1234.5', paymentTermDays: '30', phone: '13800001111' });
  });

  it('an exceljs workbook with date cells, numbers, formulas and zero-padded codes reads the same with both xlsx readers', async () => {
    const base64 = await exceljsBase64((ws) => {
      ws.addRow(['经销商编码', '经销商名称', '合同开始日期', '合同到期日期', '保证金(元)', '信用额度(元)', '状态']);
      ws.addRow([
        'D-01',
        '恒达商贸',
        new Date(Date.UTC(2025, 0, 1)),
        '2025年12月31日',
        20000,
        { formula: '1000*5', result: 5000 },
        '合作中',
      ]);
      const code = ws.addRow([12, '顺丰商行', 45658, '', '¥1,000', 0.1 + 0.2, '暂停']).getCell(1);
      code.numFmt = '0000';
      ws.getCell('C3').numFmt = 'General';
      ws.getCell('C2').numFmt = 'yyyy/m/d';
    });
    const bytes = Buffer.from(base64, 'base64');
    const entries = inspectZip(bytes, importLimits());
    const fast = await parseInWorker(bytes, sniffKind(bytes), entries, importLimits(), 'fast');
    const sheetjs = await parseInWorker(bytes, sniffKind(bytes), entries, importLimits(), 'sheetjs');
    expect(fast.rows).toEqual(sheetjs.rows);
    expect(fast.rows[1]).toEqual(['D-01', '恒达商贸', '2025-01-01', '2025年12月31日', 20000, 5000, '合作中']);
    expect(fast.rows[2]).toEqual(['0012', '顺丰商行', 45658, null, '¥1,000', 0.1 + 0.2, '暂停']);

    const p = await preview('dealers', base64);
    expect(p.counts).toMatchObject({ total: 2, new: 2, error: 0 });
    await commit('dealers', base64);
    const dealers = (await ok(core, 'dealers.list', { sort: { field: 'code', order: 'asc' } })).rows;
    expect(dealers.map((d) => [d.code, d.contractStart, d.contractEnd, d.depositFen, d.creditLimitFen, d.status])).toEqual([
      ['0012', '2025-01-01', null, 100000, 30, 'suspended'],
      ['D-01', '2025-01-01', '2025-12-31', 2_000_000, 500_000, 'active'],
    ]);
  });

  it('rich text runs and phonetic guides in shared strings, inline strings, booleans', async () => {
    const { zip, workbookParts, sheetXml } = await import('./importFiles');
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>产品名称</t></si><si><r><t>精制</t></r><r><rPr><b/></rPr><t xml:space="preserve">食盐 </t></r><rPh sb="0" eb="2"><t>せいせい</t></rPh></si><si><t>启用</t></si></sst>';
    const files = workbookParts(
      sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="inlineStr"><is><t>规格</t></is></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="inlineStr"><is><t>500g &amp; 1kg</t></is></c></row>',
      ),
    );
    files.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(sst) });
    const rels = files.find((f) => f.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = Buffer.from(
      rels.data
        .toString()
        .replace(
          '</Relationships>',
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        ),
    );
    const p = await preview('products', zip(files).toString('base64'));
    expect(p.counts).toMatchObject({ total: 1, new: 1, error: 0 });
    expect(p.rows[0]!.values).toMatchObject({ name: '精制食盐', active: '否', spec: '500g & 1kg' });
  });
});

// ---------- the other entities ----------

describe('dealers, products, reps and regions', () => {
  it('regions: a whole branch in one file, parents first; the dry run leaves nothing behind', async () => {
    const base64 = xlsx([
      ['区域名称', '上级区域', '区域编码', '排序号'],
      ['华南', '', 'HN', 3],
      ['广东省', '华南', '', 1],
      ['广州市', '华南/广东省', 'GZ', 1],
      ['天河片区', '广州市', '', ''],
      ['江苏省', '华东', '', 9], // exists: skipped, or updated
    ]);
    const before = digest(core.ctx.db);
    const p = await preview('regions', base64);
    expect(p.counts).toEqual({ total: 5, new: 4, update: 0, skip: 1, error: 0 });
    expect(digest(core.ctx.db)).toBe(before);
    expect(await commit('regions', base64, { mode: 'update' })).toEqual({ created: 4, updated: 1, skipped: 0, rejected: 0 });
    const tree = await ok(core, 'regions.tree', {});
    const south = tree.find((r) => r.name === '华南')!;
    expect(south.code).toBe('HN');
    expect(south.children[0]!.children[0]!.children.map((c) => c.name)).toEqual(['天河片区']);
    expect(tree.find((r) => r.name === '华东')!.children.find((c) => c.name === '江苏省')!.sortOrder).toBe(9);
  });

  it('reps: a supervisor from an earlier row, teams and regions by name', async () => {
    const base64 = xlsx([
      ['业务员编码', '姓名', '电话', '团队', '主管', '负责区域', '入职日期', '在职'],
      ['R101', '孙丽', '138 0000 2222', '一组', '王强', '江苏省、南京市', '2024年3月5日', '在职'],
      ['', '周杰', '', '二组', 'R101', '华北', 45356, '离职'],
    ]);
    const before = digest(core.ctx.db);
    expect((await preview('reps', base64)).counts).toEqual({ total: 2, new: 2, update: 0, skip: 0, error: 0 });
    expect(digest(core.ctx.db)).toBe(before);
    expect(await commit('reps', base64)).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 0 });
    const reps = (await ok(core, 'reps.list', { includeInactive: true, sort: { field: 'code', order: 'asc' } })).rows;
    const sun = reps.find((r) => r.code === 'R101')!;
    expect(sun).toMatchObject({ name: '孙丽', teamName: '一组', supervisorName: '王强', hireDate: '2024-03-05', active: true });
    expect(sun.regionIds).toEqual([s.regions.jiangsu.id, s.regions.nanjing.id]);
    expect(reps.find((r) => r.name === '周杰')).toMatchObject({
      supervisorName: '孙丽',
      hireDate: '2024-03-05',
      active: false,
      teamName: '二组',
    });
  });

  it('products: categories by path, prices in 元, SKU case ignored for existing products', async () => {
    const food = await ok(core, 'productCategories.save', { name: '调味品' });
    await ok(core, 'productCategories.save', { name: '食盐', parentId: food.id });
    await ok(core, 'products.save', { sku: 'P-SALT', name: '老盐', listPriceFen: 100 });
    const base64 = xlsx([
      ['产品编码', '产品名称', '规格', '产品分类', '单位', '标准售价(元)', '经销价(元)', '最低售价(元)', '成本价(元)', '启用'],
      ['p-salt', '精制盐', '500g', '调味品/食盐', '袋', '¥3.50', 3, 2.8, '2.1', '是'],
      ['', '酱油', '1L', '调味品', '瓶', 12, 10, 9, 7, '停用'],
    ]);
    const p = await preview('products', base64, { mode: 'update' });
    expect(p.counts).toEqual({ total: 2, new: 1, update: 1, skip: 0, error: 0 });
    expect(await commit('products', base64, { mode: 'update' })).toEqual({ created: 1, updated: 1, skipped: 0, rejected: 0 });
    const all = (await ok(core, 'products.list', { active: 'all', sort: { field: 'sku', order: 'asc' } })).rows;
    expect(all.map((x) => [x.sku, x.name, x.categoryName, x.listPriceFen, x.dealerPriceFen, x.floorPriceFen, x.costFen, x.active])).toEqual(
      [
        ['P-SALT', '精制盐', '食盐', 350, 300, 280, 210, true],
        [expect.stringMatching(/^P\d+$/), '酱油', '调味品', 1200, 1000, 900, 700, false],
      ],
    );
  });

  it('dealers: territories as a list of regions, a rep by name', async () => {
    const base64 = xlsx([
      ['经销商名称', '渠道类型', '级别', '授权区域', '业务员', '保证金', '电话'],
      ['恒达商贸', '代理商', '二级', '江苏省；北京市', '李娜', '2万', '０２５－１２３４５６７８'],
    ]);
    expect(await commit('dealers', base64)).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 0 });
    const d = (await ok(core, 'dealers.list', {})).rows[0]!;
    expect(d).toMatchObject({
      name: '恒达商贸',
      channelType: 'agent',
      tier: 2,
      repName: '李娜',
      depositFen: 2_000_000,
      phone: '025-12345678',
    });
    expect([...d.territoryIds].sort()).toEqual([s.regions.jiangsu.id, s.regions.beijing.id].sort());
  });

  it('customers may name a dealer by name or code', async () => {
    const dealer = await ok(core, 'dealers.save', { name: '恒达商贸', code: 'D-HD' });
    const base64 = xlsx([
      ['客户名称', '服务经销商'],
      ['甲商店', '恒达商贸'],
      ['乙商店', 'D-HD'],
    ]);
    await commit('customers', base64);
    const rows = (await ok(core, 'customers.list', { dealerId: dealer.id })).rows;
    expect(rows.map((r) => r.name).sort()).toEqual(['乙商店', '甲商店']);
  });
});

// ---------- templates ----------

describe('templates', () => {
  it.each(['customers', 'dealers', 'products', 'reps', 'regions'] as const)(
    '%s: Chinese headers, required marked, an example, a 说明 sheet; it reads back',
    async (entity) => {
      const t = await ok(core, 'import.template', { entity });
      expect(t.fileName).toMatch(/导入模板\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
      const [data, help] = wb.worksheets;
      expect(help!.name).toBe('说明');
      const headers = (data!.getRow(1).values as unknown[]).slice(1) as string[];
      expect(headers.some((h) => h.startsWith('*'))).toBe(true);
      expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const p = await preview(entity, t.base64);
      expect(p.mapping.every((m) => m.field !== null)).toBe(true);
      expect(p.counts.total).toBe(1);
      const listed = (help!.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string');
      for (const f of p.fields) expect(listed).toContain(f.label);
    },
  );

  it('the customer template offers the fixed choices as drop-downs', async () => {
    const t = await ok(core, 'import.template', { entity: 'customers' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const typeCol = (ws.getRow(1).values as unknown[]).indexOf('客户类型');
    const dv = ws.getCell(3, typeCol).dataValidation;
    expect(dv).toMatchObject({ type: 'list', formulae: ['"终端,零售店,企业客户,机关事业单位,批发商,经销商,其他"'] });
  });
});
