// Headers matched by meaning: a customer sheet exported from another Chinese business system (16 columns), the column's
// values deciding an ambiguous header, and a confirmed mapping remembered for the next file with the same headers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Input, Output } from '../../shared/contract';
import { makeCore, ok, seed } from './helpers';
import { xlsx } from './importFiles';

let core: Core;
beforeEach(async () => {
  core = makeCore();
  await seed(core);
});
afterEach(() => core.close());

type Entity = Input<'import.preview'>['entity'];
const preview = (entity: Entity, base64: string, extra: Partial<Input<'import.preview'>> = {}) =>
  ok(core, 'import.preview', { entity, fileName: '导出.xlsx', base64, ...extra });
const mappingOf = (p: Output<'import.preview'>) => Object.fromEntries(p.mapping.map((m) => [m.header, m.field]));

const otherSystem = [
  '序号',
  '客户区域',
  '客户类别',
  '客户名称',
  '客户代号',
  '初次备案日期',
  '行业划分',
  '客户来源',
  '业务负责人',
  '客户联系人',
  '座机电话',
  '联系传真',
  'QQ/E-mail',
  '手机',
  '公司地址',
  '备注',
];
const row = (n: number, grade: string) => [
  n,
  '南京市',
  grade,
  `南京第${n}商店`,
  `K${String(n).padStart(4, '0')}`,
  '2023-05-06',
  '食品饮料',
  '转介绍',
  '李娜',
  '刘洋',
  '025-8888 6666',
  '025-8888 6667',
  '12345@qq.com',
  '139 1111 2222',
  '南京市鼓楼区中山路 100 号',
  '老客户',
];

describe('headers by meaning', () => {
  it('the 16 columns of another system: 12 mapped by meaning, 序号 / 初次备案日期 / 联系传真 / QQ/E-mail left visible and unmapped', async () => {
    const p = await preview('customers', xlsx([otherSystem, row(1, 'A'), row(2, 'B'), row(3, 'C')]));
    expect(p.headers).toEqual(otherSystem);
    expect(mappingOf(p)).toEqual({
      序号: null,
      客户区域: 'regionId',
      客户类别: 'grade', // A/B/C: a grade, not a customer type
      客户名称: 'name',
      客户代号: 'code',
      初次备案日期: null, // customers have no filing-date field to receive it
      行业划分: 'industry',
      客户来源: 'source',
      业务负责人: 'repId',
      客户联系人: 'contactName',
      座机电话: 'phone',
      联系传真: null,
      'QQ/E-mail': null,
      手机: 'contactPhone', // the customer's phone is the landline: the mobile is the contact's
      公司地址: 'address',
      备注: 'notes',
    });
    expect(p.counts).toEqual({ total: 3, new: 3, update: 0, skip: 0, error: 0 });
    expect(p.rows[0]!.values).toMatchObject({ grade: 'A', code: 'K0001', repId: '李娜', contactPhone: '139 1111 2222' });
  });

  it('an ambiguous 类别 holding customer types goes to 客户类型', async () => {
    const p = await preview(
      'customers',
      xlsx([
        ['客户名称', '客户类别'],
        ['甲商店', '零售店'],
        ['乙批发部', '批发商'],
      ]),
    );
    expect(mappingOf(p)).toEqual({ 客户名称: 'name', 客户类别: 'type' });
  });

  it('full-width letters, spaces and * marks do not count; a column that fits neither field stays unmapped', async () => {
    const p = await preview(
      'customers',
      xlsx([
        ['＊客户 名称', ' 客户代号 ', '类别'],
        ['甲商店', 'K1', '很重要'],
      ]),
    );
    expect(mappingOf(p)).toEqual({ '＊客户 名称': 'name', 客户代号: 'code', 类别: null });
  });

  it('the same mechanism for dealers and products', async () => {
    const dealers = await preview(
      'dealers',
      xlsx([
        ['经销商名称', '经销商代号', '业务负责人', '座机电话'],
        ['恒达商贸', 'D9', '李娜', '025-1'],
      ]),
    );
    expect(mappingOf(dealers)).toEqual({ 经销商名称: 'name', 经销商代号: 'code', 业务负责人: 'repId', 座机电话: 'phone' });
    const products = await preview(
      'products',
      xlsx([
        ['产品名称', '产品代号', '计量单位'],
        ['矿泉水', 'P9', '箱'],
      ]),
    );
    expect(mappingOf(products)).toEqual({ 产品名称: 'name', 产品代号: 'sku', 计量单位: 'unit' });
  });

  it('a confirmed mapping comes back for the next file with the same headers, in any order, and only for that entity', async () => {
    const headers = ['名字', '电话号', '片'];
    const first = await preview('customers', xlsx([headers, ['甲商店', '025-1', '南京市']]));
    expect(mappingOf(first)).toEqual({ 名字: null, 电话号: null, 片: null });
    const mapping = [
      { header: '名字', field: 'name' },
      { header: '电话号', field: 'phone' },
      { header: '片', field: 'regionId' },
    ];
    await ok(core, 'import.commit', {
      entity: 'customers',
      fileName: '一.xlsx',
      base64: xlsx([headers, ['甲商店', '025-1', '南京市']]),
      mapping,
    });

    const next = await preview(
      'customers',
      xlsx([
        ['片', '名字', '电话号'],
        ['南京市', '乙商店', '025-2'],
      ]),
    );
    expect(mappingOf(next)).toEqual({ 片: 'regionId', 名字: 'name', 电话号: 'phone' });
    expect(next.counts.new).toBe(1);
    const dealers = await preview('dealers', xlsx([headers, ['丙', '025-3', '南京市']]));
    expect(mappingOf(dealers)).toEqual({ 名字: null, 电话号: null, 片: null });
    // another header set is another file: nothing is carried over
    const other = await preview(
      'customers',
      xlsx([
        ['名字', '电话号'],
        ['丁', '025-4'],
      ]),
    );
    expect(mappingOf(other)).toEqual({ 名字: null, 电话号: null });
  });
});
