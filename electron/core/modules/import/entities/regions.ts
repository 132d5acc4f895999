// 区域 import through saveRegion: a region is identified by its code, or else by its parent and name; a parent may be
// a region from an earlier row of the same file, so a whole tree imports top-down in one file.
import type { Ctx } from '../../../context';
import { contract, type ParsedInput } from '../../../../../shared/contract';
import { MAX_REGION_LEVEL } from '../../../../../shared/domain/region';
import { toHalfWidth } from '../../../../../shared/money';
import { getRegion, saveRegion } from '../../regions/regions';
import { readInt, readText, type Parsed } from '../cells';
import { TreeIndex } from '../refs';
import { fieldError, type ColumnSpec, type FieldError, type Importer, type Session } from '../types';
import type { Cell } from '../worker';
import { overlay, regionRows, SeenInFile } from './common';

export const regionColumns: readonly ColumnSpec[] = [
  {
    key: 'name',
    label: '区域名称',
    aliases: ['名称', '区域', '地区名称'],
    required: true,
    kind: 'text',
    example: '南京市',
    help: '最多 40 字',
    width: 14,
  },
  {
    key: 'parentId',
    label: '上级区域',
    aliases: ['上级', '所属上级', '父级区域'],
    kind: 'ref',
    example: '华东/江苏省',
    help: '上级区域的名称（唯一时）、完整路径或编码；可以是本文件中排在前面的行；留空为顶级（大区）。最多 4 级：大区 › 省 › 市 › 片区',
    width: 20,
  },
  {
    key: 'code',
    label: '区域编码',
    aliases: ['编码', '区域代码'],
    kind: 'code',
    example: 'NJ',
    help: '最多 20 个字符；填写后按编码识别已有区域',
    width: 10,
  },
  { key: 'sortOrder', label: '排序号', aliases: ['排序', '顺序'], kind: 'int', example: 10, help: '0–9999 的整数，越小越靠前', width: 8 },
];

const keys = regionColumns.map((c) => c.key);
const norm = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();

function open(ctx: Ctx): Session {
  const rows = regionRows(ctx);
  const tree = new TreeIndex('区域', rows);
  const byCode = new Map<string, number[]>();
  for (const r of rows) if (r.code) byCode.set(norm(r.code), [...(byCode.get(norm(r.code)) ?? []), r.id]);
  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['name', readText],
    [
      'parentId',
      (c) => {
        const t = readText(c);
        return t.ok ? tree.resolve(t.value) : t;
      },
    ],
    [
      'code',
      (c) => {
        const t = readText(c);
        return t.ok ? { ok: true, value: toHalfWidth(t.value).replace(/\s+/g, '') } : t;
      },
    ],
    ['sortOrder', (c) => readInt(c)],
  ]);
  const places = new SeenInFile('name', '区域');
  const codes = new SeenInFile('code', '区域编码');
  return {
    read: (key, cell) => readers.get(key)!(cell),
    identify(values) {
      const code = values.get('code') as string | undefined;
      const withCode = code ? (byCode.get(norm(code)) ?? []) : [];
      if (withCode.length === 1) return { id: withCode[0]! };
      const name = values.get('name') as string | undefined;
      if (!name) return null;
      const parentId = values.has('parentId') ? (values.get('parentId') as number) : null;
      const id = tree.child(parentId, name);
      return id === undefined ? null : { id };
    },
    build(values, existingId) {
      const r = existingId === null ? undefined : getRegion(ctx, existingId);
      const base = r ? { parentId: r.parentId, name: r.name, code: r.code, sortOrder: r.sortOrder } : {};
      return overlay(base, values, keys);
    },
    check(input, existingId, rowNumber) {
      const region = input as ParsedInput<'regions.save'>;
      const errors: FieldError[] = [];
      const parentPath = region.parentId === null ? [] : tree.pathOf(region.parentId);
      const place = [...parentPath, region.name].map(norm).join('/');
      const dup = places.check(place, [...parentPath, region.name].join('/'), rowNumber);
      if (dup) errors.push(dup);
      const dupCode = codes.check(region.code ? norm(region.code) : '', region.code, rowNumber);
      if (dupCode) errors.push(dupCode);
      if (parentPath.length + 1 > MAX_REGION_LEVEL) {
        errors.push(fieldError('parentId', 'regionTooDeep', { max: MAX_REGION_LEVEL, value: parentPath.join('/') }));
      }
      if (existingId !== null && region.parentId !== null && tree.pathOf(region.parentId).length >= 1) {
        const own = tree.pathOf(existingId).join('/');
        if ((tree.pathOf(region.parentId).join('/') + '/').startsWith(own + '/')) {
          errors.push(fieldError('parentId', 'regionIntoItself'));
        }
      }
      return errors;
    },
    write(input, existingId) {
      const region = input as ParsedInput<'regions.save'>;
      const saved = saveRegion(ctx, existingId === null ? region : { ...region, id: existingId });
      if (existingId === null) {
        // later rows may use this region as their parent
        tree.add({ id: saved.id, parentId: region.parentId, name: region.name, code: region.code });
      }
      return saved;
    },
  };
}

export const regionsImporter: Importer = {
  entity: 'regions',
  noun: '区域',
  columns: regionColumns,
  schema: contract['regions.save'].input,
  dryRunWrites: true,
  open,
};
