// 经销商 import through saveDealer: existing dealers by code.
import type { Ctx } from '../../../context';
import { contract, type ParsedInput } from '../../../../../shared/contract';
import {
  channelTypeLabels,
  channelTypes,
  dealerStatusLabels,
  dealerStatuses,
  dealerTierLabels,
  dealerTiers,
} from '../../../../../shared/domain/dealer';
import { getDealer, saveDealer } from '../../dealers/dealers';
import { readCode, readDate, enumReader, readMoney, readPhone, readText, splitList, type Parsed } from '../cells';
import type { ColumnSpec, Importer, Session } from '../types';
import type { Cell } from '../worker';
import { allDealers, allReps, overlay, regionIndex, repIndex, SeenInFile, viaIndex, viaIndexList } from './common';

const labelsOf = <T extends string | number>(values: readonly T[], labels: Record<T, { zh: string }>) =>
  values.map((v) => labels[v].zh).join('、');

export const dealerColumns: readonly ColumnSpec[] = [
  {
    key: 'code',
    label: '经销商编码',
    aliases: ['编码', '经销商编号', '编号', '代码'],
    kind: 'code',
    example: 'D0101',
    help: '字母、数字、- 和 _；留空则自动编号',
    width: 12,
  },
  {
    key: 'name',
    label: '经销商名称',
    aliases: ['名称', '经销商', '公司名称', '单位名称'],
    required: true,
    kind: 'text',
    example: '苏州恒达商贸有限公司',
    help: '最多 100 字',
    width: 28,
  },
  { key: 'shortName', label: '简称', aliases: ['经销商简称'], kind: 'text', example: '恒达', help: '最多 40 字', width: 10 },
  {
    key: 'channelType',
    label: '渠道类型',
    aliases: ['渠道', '类型'],
    kind: 'enum',
    example: '经销商',
    help: `可选：${labelsOf(channelTypes, channelTypeLabels)}；留空为 经销商`,
    width: 10,
  },
  {
    key: 'tier',
    label: '级别',
    aliases: ['经销商级别', '等级'],
    kind: 'enum',
    example: '一级',
    help: '可选：一级、二级、三级（或 1、2、3）',
    width: 8,
  },
  { key: 'contactName', label: '联系人', aliases: ['联系人姓名', '负责人'], kind: 'text', example: '陈刚', help: '最多 40 字', width: 10 },
  {
    key: 'phone',
    label: '电话',
    aliases: ['联系电话', '手机', '电话号码'],
    kind: 'phone',
    example: '0512-6666 8888',
    help: '数字，可带空格、-、+、括号',
    width: 16,
  },
  {
    key: 'address',
    label: '地址',
    aliases: ['详细地址'],
    kind: 'text',
    example: '苏州市姑苏区人民路 1 号',
    help: '最多 200 字',
    width: 30,
  },
  {
    key: 'territoryRegionIds',
    label: '授权区域',
    aliases: ['区域', '授权地区', '销售区域'],
    kind: 'list',
    example: '华东/江苏省/苏州市',
    help: '一个或多个区域（名称、路径或编码），用逗号、顿号或分号分隔',
    width: 24,
  },
  {
    key: 'contractStart',
    label: '合同开始日期',
    aliases: ['合同开始', '合同起始日期', '开始日期'],
    kind: 'date',
    example: '2025-01-01',
    help: '日期，如 2025-01-01、2025/1/1、2025年1月1日',
    width: 13,
  },
  {
    key: 'contractEnd',
    label: '合同到期日期',
    aliases: ['合同到期', '合同结束日期', '到期日期', '结束日期'],
    kind: 'date',
    example: '2025-12-31',
    help: '日期，不能早于开始日期',
    width: 13,
  },
  {
    key: 'depositFen',
    label: '保证金(元)',
    aliases: ['保证金'],
    kind: 'money',
    example: 20000,
    help: '金额（元），最多两位小数',
    width: 12,
  },
  {
    key: 'creditLimitFen',
    label: '信用额度(元)',
    aliases: ['信用额度', '授信额度'],
    kind: 'money',
    example: 100000,
    help: '金额（元），最多两位小数',
    width: 14,
  },
  {
    key: 'repId',
    label: '业务员',
    aliases: ['负责业务员', '对接业务员'],
    kind: 'ref',
    example: '张伟',
    help: '业务员姓名或编码，须已存在',
    width: 10,
  },
  {
    key: 'status',
    label: '状态',
    aliases: ['合作状态'],
    kind: 'enum',
    example: '合作中',
    help: `可选：${labelsOf(dealerStatuses, dealerStatusLabels)}；留空为 合作中`,
    width: 9,
  },
  { key: 'notes', label: '备注', aliases: ['说明'], kind: 'text', example: '', help: '最多 2000 字', width: 20 },
];

const tierAliases: Record<string, (typeof dealerTiers)[number]> = {
  '1级': 1,
  '2级': 2,
  '3级': 3,
  一: 1,
  二: 2,
  三: 3,
  一级经销商: 1,
  二级经销商: 2,
  三级经销商: 3,
};
const statusAliases: Record<string, (typeof dealerStatuses)[number]> = {
  合作: 'active',
  正常: 'active',
  暂停合作: 'suspended',
  终止: 'terminated',
  已终止合作: 'terminated',
};
const keys = dealerColumns.map((c) => c.key);

function open(ctx: Ctx): Session {
  const regions = regionIndex(ctx);
  const reps = repIndex(allReps(ctx));
  const existing = new Map(allDealers(ctx).map((d) => [d.code, d.id]));
  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['code', readCode],
    ['name', readText],
    ['shortName', readText],
    ['channelType', enumReader(channelTypes, channelTypeLabels)],
    ['tier', enumReader(dealerTiers, dealerTierLabels, tierAliases)],
    ['contactName', readText],
    ['phone', readPhone],
    ['address', readText],
    ['territoryRegionIds', viaIndexList(regions, splitList)],
    ['contractStart', readDate],
    ['contractEnd', readDate],
    ['depositFen', readMoney],
    ['creditLimitFen', readMoney],
    ['repId', viaIndex(reps)],
    ['status', enumReader(dealerStatuses, dealerStatusLabels, statusAliases)],
    ['notes', readText],
  ]);
  const codes = new SeenInFile('code', '编码');
  return {
    read: (key, cell) => readers.get(key)!(cell),
    identify(values) {
      const code = values.get('code') as string | undefined;
      const id = code ? existing.get(code) : undefined;
      return id === undefined ? null : { id };
    },
    build(values, existingId) {
      if (existingId === null) return overlay({}, values, keys);
      const d = getDealer(ctx, { id: existingId });
      const base = {
        code: d.code,
        name: d.name,
        shortName: d.shortName,
        channelType: d.channelType,
        tier: d.tier,
        contactName: d.contactName,
        phone: d.phone,
        address: d.address,
        territoryRegionIds: d.territoryIds,
        contractStart: d.contractStart,
        contractEnd: d.contractEnd,
        depositFen: d.depositFen,
        creditLimitFen: d.creditLimitFen,
        repId: d.repId,
        status: d.status,
        notes: d.notes,
      };
      return overlay(base, values, keys);
    },
    check(input, _existingId, rowNumber) {
      const code = (input as ParsedInput<'dealers.save'>).code;
      const dup = codes.check(code, code, rowNumber);
      return dup ? [dup] : [];
    },
    write(input, existingId) {
      const d = input as ParsedInput<'dealers.save'>;
      return saveDealer(ctx, existingId === null ? d : { ...d, id: existingId });
    },
  };
}

export const dealersImporter: Importer = {
  entity: 'dealers',
  noun: '经销商',
  columns: dealerColumns,
  schema: contract['dealers.save'].input,
  dryRunWrites: true,
  open,
};
