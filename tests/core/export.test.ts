// Excel export of every list as seen: filters, sort and every page; numbers as numbers, 元 with two decimals, real
// dates, widths, a frozen header; text that would be a formula is neutralised.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { Core } from '../../electron/core/core';
import type { Input } from '../../shared/contract';
import { exportXlsx, neutralise } from '../../electron/core/modules/export/export';
import { contract } from '../../shared/contract';
import { makeCore, ok, seed, type Seeded } from './helpers';
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
const column = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
const wallClock = (iso: string) => {
  const t = Date.parse(iso);
  return new Date(t - new Date(t).getTimezoneOffset() * 60_000);
};

describe('customers', () => {
  it('headers, widths, frozen header, autofilter, and typed cells', async () => {
    const { out, ws } = await exported({ entity: 'customers', filters: { archived: 'active' } });
    expect(out.fileName).toMatch(/^客户档案_\d{8}\.xlsx$/);
    expect(out.rowCount).toBe(4);
    expect(ws.name).toBe('客户档案');
    expect(rowValues(ws, 1)).toEqual([
      '客户编码',
      '客户名称',
      '简称',
      '客户类型',
      '所属区域',
      '业务员',
      '服务经销商',
      '主联系人',
      '电话',
      '客户等级',
      '生命周期',
      '信用额度(元)',
      '账期(天)',
      '标签',
      '状态',
      '更新时间',
    ]);
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:P5');
    expect(ws.columns.every((c) => typeof c.width === 'number' && c.width >= 6)).toBe(true);

    // default order of the list: newest first, so C000002 is the third data row
    const c2 = await ok(core, 'customers.get', { id: s.customers.c2.id });
    const r = ws.getRow(4);
    expect(r.getCell(1).value).toBe('C000002');
    expect(r.getCell(4).value).toBe('零售店');
    // the full path: 开发区片区 exists in many cities
    expect(r.getCell(5).value).toBe('华东 › 江苏省 › 南京市 › 鼓楼片区');
    expect(r.getCell(6).value).toBe('李娜');
    const credit = r.getCell(column(ws, '信用额度(元)'));
    expect(credit.value).toBe(1200.5);
    expect(credit.numFmt).toBe('#,##0.00');
    expect(r.getCell(column(ws, '账期(天)')).value).toBe(30);
    expect(r.getCell(column(ws, '生命周期')).value).toBe('重复购买');
    const updated = r.getCell(column(ws, '更新时间'));
    expect(updated.value).toBeInstanceOf(Date);
    expect(updated.value).toEqual(wallClock(c2.updatedAt));
    expect(updated.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('cells as SheetJS reads them: numbers are numbers, dates are dates, codes are text', async () => {
    const { bytes } = await exported({ entity: 'customers', filters: { archived: 'active' } });
    const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    expect(ws.L2).toMatchObject({ t: 'n', z: '#,##0.00' });
    expect(ws.M2).toMatchObject({ t: 'n' });
    expect(ws.P2!.t).toBe('n');
    expect(XLSX.SSF.is_date(ws.P2!.z as string)).toBe(true);
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

describe('the other lists', () => {
  it('dealers: dates as dates, money in 元, labels in Chinese', async () => {
    await ok(core, 'dealers.save', {
      code: 'D-01',
      name: '恒达商贸',
      channelType: 'agent',
      tier: 2,
      contractStart: '2025-01-01',
      contractEnd: '2025-12-31',
      depositFen: 2_000_050,
      territoryRegionIds: [s.regions.jiangsu.id],
      repId: s.reps.li.id,
    });
    const { ws, out } = await exported({ entity: 'dealers', filters: { expiringOnly: false } });
    expect(out.fileName).toMatch(/^经销商_\d{8}\.xlsx$/);
    const r = ws.getRow(2);
    expect(r.getCell(column(ws, '渠道类型')).value).toBe('代理商');
    expect(r.getCell(column(ws, '级别')).value).toBe('二级');
    expect(r.getCell(column(ws, '授权区域')).value).toBe('华东 › 江苏省');
    const start = r.getCell(column(ws, '合同开始日期'));
    expect(start.value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(start.numFmt).toBe('yyyy-mm-dd');
    expect(r.getCell(column(ws, '保证金(元)')).value).toBe(20000.5);
    expect(r.getCell(column(ws, '状态')).value).toBe('合作中');
  });

  it('products: prices in 元 and the margin as a percentage', async () => {
    await ok(core, 'products.save', { sku: 'P-1', name: '精制盐', listPriceFen: 1000, dealerPriceFen: 800, costFen: 600 });
    const { ws } = await exported({ entity: 'products', filters: { active: 'active' } });
    const r = ws.getRow(2);
    expect(r.getCell(column(ws, '标准售价(元)')).value).toBe(10);
    const margin = r.getCell(column(ws, '毛利率'));
    expect(margin.value).toBe(0.4);
    expect(margin.numFmt).toBe('0.0%');
  });

  it('reps: the inactive filter, hire dates as dates', async () => {
    const active = await exported({ entity: 'reps', filters: { includeInactive: false } });
    expect(active.out.rowCount).toBe(2);
    const all = await exported({ entity: 'reps', filters: { includeInactive: true, sort: { field: 'code', order: 'asc' } } });
    expect(all.out.rowCount).toBe(3);
    const boss = all.ws.getRow(2);
    expect(boss.getCell(2).value).toBe('王强');
    expect(boss.getCell(column(all.ws, '入职日期')).value).toEqual(new Date(Date.UTC(2020, 0, 15)));
    expect(all.ws.getRow(4).getCell(column(all.ws, '状态')).value).toBe('离职');
    expect(all.ws.getRow(3).getCell(column(all.ws, '负责区域')).value).toBe('华东 › 江苏省、华东 › 江苏省 › 南京市');
  });

  it('audit log: filtered by record, before and after as text', async () => {
    const { ws, out } = await exported({ entity: 'audit', filters: { entity: 'customer', entityId: s.customers.c1.id } });
    expect(out.rowCount).toBe(1);
    expect(rowValues(ws, 1)).toEqual(['时间', '操作员', '操作', '对象类型', '对象编号', '修改前', '修改后']);
    const r = ws.getRow(2);
    expect(r.getCell(1).value).toBeInstanceOf(Date);
    expect(r.getCell(3).value).toBe('新增');
    expect(r.getCell(4).value).toBe('客户');
    expect(r.getCell(5).value).toBe(s.customers.c1.id);
    expect(JSON.parse(String(r.getCell(7).value))).toMatchObject({ name: '北京华众商贸有限公司' });
  });
});
