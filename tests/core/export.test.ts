// Excel export of every list as seen: filters, sort and every page; numbers as numbers, 元 with two decimals, real
// dates, widths, a frozen header; text that would be a formula is neutralised.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { Core } from '../../electron/core/core';
import type { Input } from '../../shared/contract';
import { exportXlsx, neutralise } from '../../electron/core/modules/export/export';
import { contract } from '../../shared/contract';
import { makeCore, ok, seed, type Seeded, TEST_MANAGER } from './helpers';
import { xlsx } from './importFiles';

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

async function exported(input: Input<'export.xlsx'>) {
  const out = await ok(core, 'export.xlsx', input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
  return { out, ws: wb.worksheets[0]!, bytes: Buffer.from(out.base64, 'base64') };
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);
/** Every cell of a row up to the last header, empty ones as null (ExcelJS leaves holes in `values`). */
const cellsOf = (ws: ExcelJS.Worksheet, r: number) =>
  Array.from({ length: ws.getRow(1).cellCount }, (_, i) => ws.getRow(r).getCell(i + 1).value ?? null);
const column = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
const wallClock = (iso: string) => {
  const t = Date.parse(iso);
  return new Date(t - new Date(t).getTimezoneOffset() * 60_000);
};

describe('customers', () => {
  it('every field of the record under the words of the screens, read back cell by cell', async () => {
    const dealer = await ok(core, 'dealers.save', { code: 'D-01', name: '恒达商贸', channelType: 'agent', tier: 2 });
    const {
      regionPath: _p,
      repName: _r,
      dealerName: _d,
      mergedIntoId: _m,
      archived: _a,
      archivedAt: _aa,
      createdAt: _c,
      updatedAt: _u,
      ...c2
    } = await ok(core, 'customers.get', { id: s.customers.c2.id });
    await ok(core, 'customers.save', {
      ...c2,
      address: '南京市鼓楼区中山路 1 号',
      industry: '食品饮料',
      scale: 'small',
      source: 'referral',
      dealerId: dealer.id,
      notes: '周三送货',
      contacts: [{ name: '陈静', phone: '139-2222-3333', isPrimary: true }],
    });
    // the dealer's own trading account (a customer of type 经销商, made by dealers.save) is left out of this view
    const { out, ws } = await exported({
      entity: 'customers',
      filters: { archived: 'active', type: ['terminal', 'retail', 'enterprise', 'institution', 'wholesale', 'other'] },
    });
    expect(out.fileName).toMatch(/^客户档案_\d{8}\.xlsx$/);
    expect(out.rowCount).toBe(4);
    expect(ws.name).toBe('客户档案');
    expect(rowValues(ws, 1)).toEqual([
      '客户编码',
      '客户名称',
      '简称',
      '客户类型',
      '所属区域',
      '地址',
      '电话',
      '行业',
      '规模',
      '客户来源',
      '业务员',
      '服务经销商',
      '主联系人',
      '客户等级',
      '生命周期',
      '信用额度(元)',
      '账期(天)',
      '标签',
      '备注',
      '状态',
      '创建时间',
      '更新时间',
    ]);
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:V5');
    expect(ws.columns.every((c) => typeof c.width === 'number' && c.width >= 6)).toBe(true);

    // default order of the list: newest first, so C000002 is the third data row
    const saved = await ok(core, 'customers.get', { id: s.customers.c2.id });
    expect(cellsOf(ws, 4)).toEqual([
      'C000002',
      '南京鼓楼便利店',
      null,
      '零售店',
      '华东 › 江苏省 › 南京市 › 鼓楼片区',
      '南京市鼓楼区中山路 1 号',
      '025 5555 7777',
      '食品饮料',
      '小型',
      '客户转介绍',
      '李娜',
      '恒达商贸',
      '陈静',
      'B',
      '重复购买',
      1200.5,
      30,
      '重点',
      '周三送货',
      '在用',
      wallClock(saved.createdAt),
      wallClock(saved.updatedAt),
    ]);
    const r = ws.getRow(4);
    expect(r.getCell(column(ws, '信用额度(元)')).numFmt).toBe('#,##0.00');
    expect(r.getCell(column(ws, '更新时间')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(r.getCell(column(ws, '创建时间')).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('cells as SheetJS reads them: numbers are numbers, dates are dates, codes are text', async () => {
    const { bytes } = await exported({ entity: 'customers', filters: { archived: 'active' } });
    const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    expect(ws.P2).toMatchObject({ t: 'n', z: '#,##0.00' });
    expect(ws.Q2).toMatchObject({ t: 'n' });
    expect(ws.V2!.t).toBe('n');
    expect(XLSX.SSF.is_date(ws.V2!.z as string)).toBe(true);
    expect(ws.A2).toMatchObject({ t: 's' });
  });

  it('the filters and sort of the list view', async () => {
    const filters = {
      archived: 'active' as const,
      grade: ['A' as const, 'B' as const, 'C' as const],
      sort: { field: 'name' as const, order: 'asc' as const },
    };
    const { ws, out } = await exported({ entity: 'customers', filters });
    const list = await ok(core, 'customers.list', { ...filters, pageSize: 500 });
    expect(out.rowCount).toBe(3);
    expect([2, 3, 4].map((i) => ws.getRow(i).getCell(1).value)).toEqual(list.rows.map((c) => c.code));
    const bySearch = await exported({ entity: 'customers', filters: { archived: 'all', search: 'bjhz' } });
    expect(bySearch.out.rowCount).toBe(1);
    expect(bySearch.ws.getRow(2).getCell(2).value).toBe('北京华众商贸有限公司');
    await ok(core, 'customers.archive', { id: s.customers.c4.id });
    const archived = await exported({ entity: 'customers', filters: { archived: 'archived' } });
    expect(archived.out.rowCount).toBe(1);
    expect(archived.ws.getRow(2).getCell(column(archived.ws, '状态')).value).toBe('已归档');
  });

  it('every page, whatever the chunk size, in the list order', async () => {
    const rows = [
      ['客户名称', '客户等级', '信用额度(元)'],
      ...Array.from({ length: 1234 }, (_, i) => [`批量客户${i}号`, 'ABCD'[i % 4], i]),
    ];
    await ok(core, 'import.commit', { entity: 'customers', fileName: 'bulk.xlsx', base64: xlsx(rows) });
    const filters = { archived: 'active' as const, sort: { field: 'creditLimitFen' as const, order: 'desc' as const } };
    const input = contract['export.xlsx'].input.parse({ entity: 'customers', filters });
    const small = await exportXlsx(core.ctx, input, { chunk: 100 });
    const whole = await exportXlsx(core.ctx, input);
    expect(small.rowCount).toBe(1238);
    expect(small.base64.length).toBeGreaterThan(0);
    const codesOf = async (base64: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      return Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(1).value);
    };
    const listed: unknown[] = [];
    for (let page = 1; page <= 3; page++)
      listed.push(...(await ok(core, 'customers.list', { ...filters, page, pageSize: 500 })).rows.map((r) => r.code));
    expect(await codesOf(small.base64)).toEqual(listed);
    expect(await codesOf(whole.base64)).toEqual(listed);
  });

  it('text that would be a formula gets an apostrophe and stays text; an import reads it back as typed', async () => {
    await ok(core, 'customers.save', {
      name: '=HYPERLINK("http://evil.example","点我")',
      phone: '+86 138 0000 1111',
      tags: ['@vip', '-负面'],
    });
    await ok(core, 'customers.save', { name: '-折扣店', shortName: '@简称' });
    const { ws } = await exported({ entity: 'customers', filters: { archived: 'active' } });
    const first = ws.getRow(2);
    expect(first.getCell(2).value).toBe("'-折扣店");
    expect(first.getCell(3).value).toBe("'@简称");
    const second = ws.getRow(3);
    expect(second.getCell(2).value).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(second.getCell(column(ws, '电话')).value).toBe("'+86 138 0000 1111");
    expect(second.getCell(column(ws, '标签')).value).toBe("'@vip、-负面");
    for (const cell of [first.getCell(2), second.getCell(2)]) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('\rx')).toBe("'\rx");
    expect(neutralise('普通')).toBe('普通');
    expect(neutralise('x'.repeat(40_000)).length).toBe(32_766);

    // the exported file goes back in: names come back without the apostrophe
    await ok(core, 'customers.archive', { id: s.customers.c1.id });
    const again = await ok(core, 'export.xlsx', { entity: 'customers', filters: { archived: 'active', search: '折扣' } });
    const p = await ok(core, 'import.preview', { entity: 'customers', fileName: 'again.xlsx', base64: again.base64 });
    expect(p.rows[0]!.values.name).toBe('-折扣店');
    expect(p.rows[0]!.status).toBe('skip');
  });
});

describe('the file itself', () => {
  it('markup and a control character in a record: the file still opens in both readers, the text reads back clean', async () => {
    await ok(core, 'customers.save', { name: 'A&B <商贸> "一号" 公司', notes: '周三\u0001送货 & <加急>', creditLimitFen: 123_456_789 });
    const { ws, bytes } = await exported({ entity: 'customers', filters: { archived: 'active', search: '商贸' } });
    const row = Object.fromEntries(cellsOf(ws, 1).map((h, i) => [h, ws.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({ 客户名称: 'A&B <商贸> "一号" 公司', 备注: '周三送货 & <加急>', '信用额度(元)': 1234567.89 });
    const sheet = XLSX.read(bytes, { type: 'buffer', cellNF: true });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet.Sheets['客户档案']!);
    expect(rows.length).toBe(ws.rowCount - 1);
    expect(rows.find((r) => r['客户名称'] === 'A&B <商贸> "一号" 公司')).toMatchObject({
      备注: '周三送货 & <加急>',
      '信用额度(元)': 1234567.89,
    });
  });
});

describe('the other lists', () => {
  it('dealers: every field, dates as dates, money in 元, the words of the screens', async () => {
    const saved = await ok(core, 'dealers.save', {
      code: 'D-01',
      name: '恒达商贸',
      shortName: '恒达',
      channelType: 'agent',
      tier: 2,
      contactName: '周敏',
      phone: '025-6666-8888',
      address: '南京市江宁区天元路 8 号',
      contractStart: '2025-01-01',
      contractEnd: '2025-12-31',
      depositFen: 2_000_050,
      creditLimitFen: 10_000_000,
      territoryRegionIds: [s.regions.jiangsu.id],
      repId: s.reps.li.id,
      status: 'suspended',
      notes: '年底续签',
    });
    const { ws, out } = await exported({ entity: 'dealers', filters: { expiringOnly: false } });
    expect(out.fileName).toMatch(/^经销商_\d{8}\.xlsx$/);
    expect(rowValues(ws, 1)).toEqual([
      '经销商编码',
      '经销商名称',
      '简称',
      '渠道类型',
      '级别',
      '联系人',
      '电话',
      '地址',
      '授权区域',
      '合同开始日期',
      '合同到期日期',
      '合同剩余天数',
      '保证金(元)',
      '信用额度(元)',
      '业务员',
      '状态',
      '客户数',
      '备注',
      '创建时间',
      '更新时间',
    ]);
    const d = await ok(core, 'dealers.get', { id: saved.id });
    expect(cellsOf(ws, 2)).toEqual([
      'D-01',
      '恒达商贸',
      '恒达',
      '代理商',
      '二级',
      '周敏',
      '025-6666-8888',
      '南京市江宁区天元路 8 号',
      '华东 › 江苏省',
      new Date(Date.UTC(2025, 0, 1)),
      new Date(Date.UTC(2025, 11, 31)),
      d.contractDaysLeft, // counted from the office's today, which depends on the machine's time zone
      20000.5,
      100000,
      '李娜',
      '暂停',
      0,
      '年底续签',
      wallClock(d.createdAt),
      wallClock(d.updatedAt),
    ]);
    expect(ws.getRow(2).getCell(column(ws, '合同开始日期')).numFmt).toBe('yyyy-mm-dd');
  });

  it('products: every field, prices in 元, the margin as a percentage, 在售 / 停用 as on the list', async () => {
    await ok(core, 'products.save', {
      sku: 'P-1',
      name: '精制盐',
      spec: '500g×20袋',
      unit: '箱',
      listPriceFen: 1000,
      dealerPriceFen: 800,
      floorPriceFen: 900,
      costFen: 600,
      notes: '防潮',
    });
    await ok(core, 'products.save', { sku: 'P-2', name: '老陈醋', listPriceFen: 0, active: false });
    const { ws } = await exported({ entity: 'products', filters: { active: 'all', sort: { field: 'sku', order: 'asc' } } });
    expect(rowValues(ws, 1)).toEqual([
      '产品编码',
      '产品名称',
      '规格',
      '产品分类',
      '单位',
      '标准售价(元)',
      '经销价(元)',
      '最低售价(元)',
      '成本价(元)',
      '毛利率',
      '状态',
      '备注',
      '更新时间',
    ]);
    const p1 = (await ok(core, 'products.list', { active: 'all' })).rows.find((p) => p.sku === 'P-1')!;
    expect(cellsOf(ws, 2)).toEqual(['P-1', '精制盐', '500g×20袋', null, '箱', 10, 8, 9, 6, 0.4, '在售', '防潮', wallClock(p1.updatedAt)]);
    expect(ws.getRow(2).getCell(column(ws, '毛利率')).numFmt).toBe('0.0%');
    expect(ws.getRow(3).getCell(column(ws, '状态')).value).toBe('停用');
  });

  it('reps: every field, the inactive filter, hire dates as dates, 在职 / 离职 as on the list', async () => {
    const active = await exported({ entity: 'reps', filters: { includeInactive: false } });
    expect(active.out.rowCount).toBe(2);
    const all = await exported({ entity: 'reps', filters: { includeInactive: true, sort: { field: 'code', order: 'asc' } } });
    expect(all.out.rowCount).toBe(3);
    expect(rowValues(all.ws, 1)).toEqual(['业务员编码', '姓名', '电话', '团队', '主管', '负责区域', '入职日期', '客户数', '状态']);
    expect(cellsOf(all.ws, 2)).toEqual(['R001', '王强', null, '一组', null, '华东', new Date(Date.UTC(2020, 0, 15)), 0, '在职']);
    expect(cellsOf(all.ws, 3)).toEqual([
      'R002',
      '李娜',
      '138-0000-1111',
      '一组',
      '王强',
      '华东 › 江苏省、华东 › 江苏省 › 南京市',
      null,
      2,
      '在职',
    ]);
    expect(all.ws.getRow(4).getCell(column(all.ws, '状态')).value).toBe('离职');
  });

  it('audit log: filtered by record, the words and the sentence of the log screen, then before and after as text', async () => {
    const { ws, out } = await exported({ entity: 'audit', filters: { entity: 'customer', entityId: s.customers.c1.id } });
    expect(out.rowCount).toBe(1);
    expect(rowValues(ws, 1)).toEqual(['时间', '操作员', '操作', '对象类型', '对象编号', '详情', '修改前', '修改后']);
    const cells = cellsOf(ws, 2);
    expect(cells[0]).toBeInstanceOf(Date);
    expect(cells.slice(1, 6)).toEqual([
      TEST_MANAGER.name,
      '新建',
      '客户',
      s.customers.c1.id,
      '编码：C000001；名称：北京华众商贸有限公司；简称：华众；客户类型：批发商；所属区域：华北 › 北京市；电话：010-8888-6666；业务员：赵磊；客户等级：A',
    ]);
    expect(cells[6]).toBeNull();
    expect(JSON.parse(String(cells[7]))).toMatchObject({ name: '北京华众商贸有限公司', regionPath: ['华北', '北京市'], repName: '赵磊' });
  });
});

describe('opportunities', () => {
  it('every column of the list under its words, the list’s filters and sort, money in 元 and the probability as a percentage', async () => {
    const save = (title: string, amountFen: number, extra: Partial<Input<'opportunities.save'>> = {}) =>
      ok(core, 'opportunities.save', {
        customerId: s.customers.c2.id,
        title,
        amountFen,
        expectedCloseDate: '2025-04-30',
        createdOn: '2025-03-01',
        ...extra,
      });
    const spring = await save('春节团购', 5_000_000, {
      competitor: '联华',
      source: '老客户介绍',
      nextStep: '送样品',
      nextStepDate: '2025-03-10',
    });
    await save('端午福利', 1_234_567, { stage: 'quote' });
    const lost = await save('中秋礼盒', 300_000);
    await ok(core, 'opportunities.move', { id: lost.id, stage: 'lost', date: '2025-03-01', lostReason: 'price', lostNote: '报价高' });
    const { ws } = await exported({
      entity: 'opportunities',
      filters: { stages: ['identify', 'lost'], sort: { field: 'amountFen', order: 'desc' } },
    });
    expect(rowValues(ws, 1)).toEqual([
      '商机',
      '客户',
      '区域',
      '业务员',
      '阶段',
      '金额(元)',
      '赢率',
      '加权金额(元)',
      '预计成交',
      '下一步',
      '下一步日期',
      '竞争对手',
      '来源',
      '流失原因',
      '创建日期',
      '关闭日期',
    ]);
    // the quote-stage one is filtered out; the biggest first
    expect(ws.rowCount).toBe(3);
    const first = cellsOf(ws, 2);
    expect(first.slice(0, 2)).toEqual(['春节团购', '南京鼓楼便利店']);
    expect(first.slice(4, 8)).toEqual(['潜在客户识别', 50_000, 0.1, 5_000]);
    expect(ws.getRow(2).getCell(6).numFmt).toContain('0.00');
    expect(first.slice(9, 13)).toEqual(['送样品', new Date(Date.UTC(2025, 2, 10)), '联华', '老客户介绍']);
    const second = cellsOf(ws, 3);
    expect([second[0], second[4], second[5], second[13], second[15]]).toEqual([
      '中秋礼盒',
      '流失',
      3_000,
      '价格',
      new Date(Date.UTC(2025, 2, 1)),
    ]);
    expect(spring.id).toBeGreaterThan(0);
  });
});
