// 产品 import through saveProduct: existing products by SKU (letter case ignored, as saveProduct does).
import type { Ctx } from '../../../context';
import { contract, type ParsedInput } from '../../../../../shared/contract';
import { getProduct, listProducts, saveProduct } from '../../products/products';
import { readBool, readCode, readMoney, readText, type Parsed } from '../cells';
import type { ColumnSpec, Importer, Session } from '../types';
import type { Cell } from '../worker';
import { categoryIndex, overlay, SeenInFile, viaIndex } from './common';

export const productColumns: readonly ColumnSpec[] = [
  {
    key: 'sku',
    label: '产品编码',
    aliases: ['编码', 'SKU', '货号', '商品编码', '产品编号', '物料编码'],
    kind: 'code',
    example: 'P00101',
    help: '字母、数字和 - _ . /；留空则自动编号',
    width: 12,
  },
  {
    key: 'name',
    label: '产品名称',
    aliases: ['名称', '品名', '商品名称', '产品'],
    required: true,
    kind: 'text',
    example: '精制食用盐 500g',
    help: '最多 100 字',
    width: 24,
  },
  { key: 'spec', label: '规格', aliases: ['规格型号', '型号'], kind: 'text', example: '500g×20袋', help: '最多 60 字', width: 12 },
  {
    key: 'categoryId',
    label: '产品分类',
    aliases: ['分类', '类别', '产品类别', '品类'],
    kind: 'ref',
    example: '调味品/食盐',
    help: '分类名称（唯一时）或完整路径（调味品/食盐），须已存在',
    width: 16,
  },
  { key: 'unit', label: '单位', aliases: ['计量单位'], kind: 'text', example: '箱', help: '最多 10 字', width: 6 },
  {
    key: 'listPriceFen',
    label: '标准售价(元)',
    aliases: ['标准售价', '售价', '零售价', '标准价', '单价'],
    kind: 'money',
    example: 48,
    help: '金额（元），最多两位小数',
    width: 12,
  },
  {
    key: 'dealerPriceFen',
    label: '经销价(元)',
    aliases: ['经销价', '批发价', '出厂价'],
    kind: 'money',
    example: 40,
    help: '金额（元），不高于标准售价',
    width: 12,
  },
  {
    key: 'floorPriceFen',
    label: '最低售价(元)',
    aliases: ['最低售价', '最低价', '限价'],
    kind: 'money',
    example: 38,
    help: '金额（元），不高于标准售价',
    width: 12,
  },
  {
    key: 'costFen',
    label: '成本价(元)',
    aliases: ['成本价', '成本', '进价', '采购价'],
    kind: 'money',
    example: 30,
    help: '金额（元），最多两位小数',
    width: 12,
  },
  {
    key: 'active',
    label: '启用',
    aliases: ['状态', '是否启用'],
    kind: 'bool',
    example: '是',
    help: '是 / 否（也可写 启用 / 停用）；留空为 是',
    width: 6,
  },
  { key: 'notes', label: '备注', aliases: ['说明'], kind: 'text', example: '', help: '最多 1000 字', width: 20 },
];

const keys = productColumns.map((c) => c.key);
const skuKey = (sku: string) => sku.toLowerCase();

function open(ctx: Ctx): Session {
  const categories = categoryIndex(ctx);
  const existing = new Map<string, number>();
  for (let page = 1; ; page++) {
    const { rows, total } = listProducts(ctx, contract['products.list'].input.parse({ page, pageSize: 500, active: 'all' }));
    for (const p of rows) existing.set(skuKey(p.sku), p.id);
    if (rows.length === 0 || page * 500 >= total) break;
  }
  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['sku', readCode],
    ['name', readText],
    ['spec', readText],
    ['categoryId', viaIndex(categories)],
    ['unit', readText],
    ['listPriceFen', readMoney],
    ['dealerPriceFen', readMoney],
    ['floorPriceFen', readMoney],
    ['costFen', readMoney],
    ['active', readBool],
    ['notes', readText],
  ]);
  const skus = new SeenInFile('sku', '产品编码');
  return {
    read: (key, cell) => readers.get(key)!(cell),
    identify(values) {
      const sku = values.get('sku') as string | undefined;
      const id = sku ? existing.get(skuKey(sku)) : undefined;
      return id === undefined ? null : { id };
    },
    build(values, existingId) {
      if (existingId === null) return overlay({}, values, keys);
      const { id: _id, categoryName: _c, grossMarginBp: _g, updatedAt: _u, ...base } = getProduct(ctx, { id: existingId });
      // matched without regard to letter case: the stored SKU stays as it was
      return overlay(
        base,
        values,
        keys.filter((k) => k !== 'sku'),
      );
    },
    check(input, _existingId, rowNumber) {
      const sku = (input as ParsedInput<'products.save'>).sku;
      const dup = skus.check(skuKey(sku), sku, rowNumber);
      return dup ? [dup] : [];
    },
    write(input, existingId) {
      const p = input as ParsedInput<'products.save'>;
      return saveProduct(ctx, existingId === null ? p : { ...p, id: existingId });
    },
  };
}

export const productsImporter: Importer = {
  entity: 'products',
  noun: '产品',
  columns: productColumns,
  schema: contract['products.save'].input,
  dryRunWrites: true,
  open,
};
