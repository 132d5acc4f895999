// 客户 import: existing customers by code (updated through saveCustomer); new ones through the customers module's bulk
// insert (the same rows, derived columns and audit entry as saveCustomer), because 50,000 rows must fit in seconds.
import type { Ctx } from '../../../context';
import { contract, type ParsedInput } from '../../../../../shared/contract';
import {
  customerGrades,
  customerScaleLabels,
  customerScales,
  customerSourceLabels,
  customerSources,
  customerTypeLabels,
  customerTypes,
  lifecycleLabels,
  lifecycles,
} from '../../../../../shared/domain/customer';
import { prepared } from '../../../db/sql';
import { nameKey } from '../../../text';
import { getCustomer, saveCustomer } from '../../customers/customers';
import { customerInserter } from '../../customers/bulk';
import { cellText, readCode, enumReader, readInt, readMoney, readPhone, readText, splitList, type Parsed } from '../cells';
import { NamedIndex } from '../refs';
import { fieldError, type ColumnSpec, type FieldError, type Importer, type Mode, type Session } from '../types';
import type { Cell } from '../worker';
import { allDealers, allReps, overlay, regionIndex, repIndex, SeenInFile, viaIndex } from './common';

type SaveInput = ParsedInput<'customers.save'>;

const labelsOf = <T extends string>(values: readonly T[], labels: Record<T, { zh: string }>) => values.map((v) => labels[v].zh).join('、');

export const customerColumns: readonly ColumnSpec[] = [
  {
    key: 'code',
    label: '客户编码',
    aliases: ['编码', '客户编号', '编号', '客户代码', '代码'],
    kind: 'code',
    example: 'C100001',
    help: '字母、数字、- 和 _；留空则自动编号。已存在的编码按“导入方式”跳过或更新',
    width: 12,
  },
  {
    key: 'name',
    label: '客户名称',
    aliases: ['名称', '客户名', '公司名称', '客户全称', '单位名称', '企业名称'],
    required: true,
    kind: 'text',
    example: '南京华众商贸有限公司',
    help: '最多 100 字',
    width: 28,
  },
  { key: 'shortName', label: '简称', aliases: ['客户简称'], kind: 'text', example: '华众', help: '最多 40 字', width: 10 },
  {
    key: 'type',
    label: '客户类型',
    aliases: ['类型'],
    kind: 'enum',
    example: '零售店',
    help: `可选：${labelsOf(customerTypes, customerTypeLabels)}；留空为 零售店`,
    width: 10,
  },
  {
    key: 'regionId',
    label: '所属区域',
    aliases: ['区域', '地区', '片区'],
    kind: 'ref',
    example: '华东/江苏省/南京市',
    help: '区域名称（唯一时）、完整路径（华东/江苏省/南京市）或区域编码，须已存在',
    width: 20,
  },
  {
    key: 'address',
    label: '地址',
    aliases: ['详细地址', '客户地址', '地址信息'],
    kind: 'text',
    example: '南京市鼓楼区中山路 100 号',
    help: '最多 200 字',
    width: 30,
  },
  {
    key: 'phone',
    label: '电话',
    aliases: ['客户电话', '联系电话', '固定电话', '座机', '电话号码'],
    weakAliases: ['手机', '手机号', '手机号码', '移动电话'],
    kind: 'phone',
    example: '025-8888 6666',
    help: '数字，可带空格、-、+、括号',
    width: 16,
  },
  { key: 'industry', label: '行业', aliases: ['所属行业'], kind: 'text', example: '食品饮料', help: '最多 40 字', width: 10 },
  {
    key: 'scale',
    label: '规模',
    aliases: ['客户规模', '企业规模'],
    kind: 'enum',
    example: '小型',
    help: `可选：${labelsOf(customerScales, customerScaleLabels)}`,
    width: 8,
  },
  {
    key: 'source',
    label: '客户来源',
    aliases: ['来源'],
    kind: 'enum',
    example: '陌生拜访',
    help: `可选：${labelsOf(customerSources, customerSourceLabels)}`,
    width: 10,
  },
  {
    key: 'repId',
    label: '业务员',
    aliases: ['负责业务员', '销售员', '业务员姓名', '负责人', '业务代表'],
    kind: 'ref',
    example: '张伟',
    help: '业务员姓名或编码，须已存在；同名时请填编码',
    width: 10,
  },
  {
    key: 'dealerId',
    label: '服务经销商',
    aliases: ['经销商', '所属经销商', '服务商'],
    kind: 'ref',
    example: '',
    help: '经销商名称或编码，须已存在',
    width: 16,
  },
  {
    key: 'grade',
    label: '客户等级',
    aliases: ['等级', '级别', '客户级别'],
    kind: 'enum',
    example: 'B',
    help: '可选：A、B、C、D；留空为 C',
    width: 8,
  },
  {
    key: 'lifecycle',
    label: '生命周期',
    aliases: ['客户阶段', '阶段', '生命周期阶段'],
    kind: 'enum',
    example: '潜在',
    help: `可选：${labelsOf(lifecycles, lifecycleLabels)}；留空为 潜在`,
    width: 10,
  },
  {
    key: 'creditLimitFen',
    label: '信用额度(元)',
    aliases: ['信用额度', '授信额度', '信用额度元'],
    kind: 'money',
    example: 50000,
    help: '金额（元），最多两位小数；可写 ¥1,234.50、5万',
    width: 14,
  },
  {
    key: 'paymentTermDays',
    label: '账期(天)',
    aliases: ['账期', '账期天数', '付款期限', '结算天数'],
    kind: 'int',
    example: 30,
    help: '0–365 的整数；留空为 30',
    width: 9,
  },
  {
    key: 'tags',
    label: '标签',
    aliases: ['客户标签'],
    kind: 'list',
    example: '重点,批发',
    help: '多个标签用逗号、顿号或分号分隔',
    width: 14,
  },
  { key: 'notes', label: '备注', aliases: ['说明', '备注信息'], kind: 'text', example: '', help: '最多 2000 字', width: 20 },
  {
    key: 'contactName',
    label: '联系人',
    aliases: ['主联系人', '联系人姓名'],
    kind: 'text',
    example: '刘洋',
    help: '主联系人姓名',
    width: 10,
  },
  { key: 'contactTitle', label: '联系人职务', aliases: ['职务', '职位'], kind: 'text', example: '采购经理', help: '最多 40 字', width: 10 },
  {
    key: 'contactPhone',
    label: '联系人电话',
    aliases: ['联系人手机', '联系人手机号'],
    weakAliases: ['手机', '手机号', '手机号码', '移动电话'],
    needs: 'contactName',
    kind: 'phone',
    example: '139 1111 2222',
    help: '数字，可带空格、-、+、括号；填了电话就要填联系人',
    width: 16,
  },
];

const gradeAliases = Object.fromEntries(customerGrades.flatMap((g) => ['级', '类', '等'].map((s) => [`${g.toLowerCase()}${s}`, g])));
const typeAliases: Record<string, (typeof customerTypes)[number]> = {
  终端客户: 'terminal',
  零售: 'retail',
  零售客户: 'retail',
  门店: 'retail',
  企业: 'enterprise',
  企业单位: 'enterprise',
  机关: 'institution',
  事业单位: 'institution',
  机关单位: 'institution',
  政府: 'institution',
  批发: 'wholesale',
  批发客户: 'wholesale',
};
const lifecycleAliases: Record<string, (typeof lifecycles)[number]> = {
  潜在客户: 'prospect',
  新客户: 'first',
  首次: 'first',
  首购: 'first',
  重复: 'repeat',
  复购: 'repeat',
  老客户: 'repeat',
  忠诚客户: 'loyal',
  已流失: 'lost',
};
const sourceAliases: Record<string, (typeof customerSources)[number]> = {
  陌拜: 'coldVisit',
  转介绍: 'referral',
  介绍: 'referral',
  网络推广: 'online',
  网上: 'online',
  经销商: 'dealer',
};
const scaleAliases: Record<string, (typeof customerScales)[number]> = { 微: 'micro', 小: 'small', 中: 'medium', 大: 'large' };

const contactKeys: Record<string, string> = { name: 'contactName', title: 'contactTitle', phone: 'contactPhone' };

const plainKeys = customerColumns.map((c) => c.key).filter((k) => !k.startsWith('contact'));

function toSaveShape(d: ReturnType<typeof getCustomer>): Record<string, unknown> {
  return {
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    type: d.type,
    regionId: d.regionId,
    address: d.address,
    phone: d.phone,
    industry: d.industry,
    scale: d.scale,
    source: d.source,
    repId: d.repId,
    dealerId: d.dealerId,
    grade: d.grade,
    lifecycle: d.lifecycle,
    creditLimitFen: d.creditLimitFen,
    paymentTermDays: d.paymentTermDays,
    tags: d.tags,
    notes: d.notes,
    contacts: d.contacts.map((k) => ({
      id: k.id,
      name: k.name,
      title: k.title,
      phone: k.phone,
      email: k.email,
      wechat: k.wechat,
      isPrimary: k.isPrimary,
    })),
  };
}

function open(ctx: Ctx, mode: Mode): Session {
  const regions = regionIndex(ctx);
  const reps = allReps(ctx);
  const repsIndex = repIndex(reps);
  const dealers = allDealers(ctx);
  const dealerIndex = new NamedIndex('经销商', dealers);
  const repNames = new Map(reps.map((r) => [r.id, r.name]));
  const dealerNames = new Map(dealers.map((d) => [d.id, d.name]));

  // the import reads the customer book once, from its indexes alone (a used book holds a hundred thousand customers):
  // codes for identity, name keys for duplicates (the first customer of a key); a duplicate is named when one is found
  const existing = new Map<string, number>();
  for (const [code, id] of ctx.db.prepare('select code, id from customers').raw(true).all() as Array<[string, number]>) {
    existing.set(code, id);
  }
  const archived = new Set(ctx.db.prepare('select id from customers where archived = 1').pluck().all() as number[]);
  const names = new Map<string, number>();
  const keyOfId = new Map<number, string>();
  const byKey = ctx.db.prepare('select name_key, id from customers order by name_key, id').raw(true);
  for (const [key, id] of byKey.all() as Array<[string, number]>) {
    keyOfId.set(id, key);
    if (key && !names.has(key)) names.set(key, id);
  }

  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['code', readCode],
    ['name', readText],
    ['shortName', readText],
    ['type', enumReader(customerTypes, customerTypeLabels, typeAliases)],
    ['regionId', viaIndex(regions)],
    ['address', readText],
    ['phone', readPhone],
    ['industry', readText],
    ['scale', enumReader(customerScales, customerScaleLabels, scaleAliases)],
    ['source', enumReader(customerSources, customerSourceLabels, sourceAliases)],
    ['repId', viaIndex(repsIndex)],
    ['dealerId', viaIndex(dealerIndex)],
    ['grade', enumReader(customerGrades, null, gradeAliases)],
    ['lifecycle', enumReader(lifecycles, lifecycleLabels, lifecycleAliases)],
    ['creditLimitFen', readMoney],
    ['paymentTermDays', (c) => readInt(c, '天')],
    ['tags', (c) => ({ ok: true, value: splitList(cellText(c)) })],
    ['notes', readText],
    ['contactName', readText],
    ['contactTitle', readText],
    ['contactPhone', readPhone],
  ]);

  const codesInFile = new SeenInFile('code', '编码');
  const namesInFile = new SeenInFile('name', '客户');
  let nextNumber: number | null = null;
  let insert: ReturnType<typeof customerInserter> | null = null;

  const nextCode = (): string => {
    if (nextNumber === null) {
      const row = prepared(ctx.db, "select max(cast(substr(code, 2) as integer)) as m from customers where code glob 'C[0-9]*'").get() as {
        m: number | null;
      };
      nextNumber = (row.m ?? 0) + 1;
    }
    for (;;) {
      const code = `C${String(nextNumber++).padStart(6, '0')}`;
      if (!existing.has(code) && !codesInFile.has(code)) return code;
    }
  };

  return {
    read: (key, cell) => readers.get(key)!(cell),
    pureReads: true,

    identify(values) {
      const code = values.get('code') as string | undefined;
      const id = code ? existing.get(code) : undefined;
      if (id === undefined) return null;
      return archived.has(id) && mode === 'update' ? { id, blocked: fieldError(null, 'archivedCustomer') } : { id };
    },

    build(values, existingId) {
      const base = existingId === null ? {} : toSaveShape(getCustomer(ctx, { id: existingId }));
      const out = overlay(base, values, plainKeys);
      const contacts = ((base.contacts as Array<Record<string, unknown>>) ?? []).map((k) => ({ ...k }));
      if (values.has('contactName') || values.has('contactPhone') || values.has('contactTitle')) {
        const name = (values.get('contactName') as string | undefined) ?? '';
        const same = name ? contacts.find((k) => k.name === name) : undefined;
        const patch = {
          ...(values.has('contactTitle') ? { title: values.get('contactTitle') } : {}),
          ...(values.has('contactPhone') ? { phone: values.get('contactPhone') } : {}),
        };
        if (same) Object.assign(same, patch);
        else contacts.push({ name, ...patch, isPrimary: !contacts.some((k) => k.isPrimary) });
      }
      out.contacts = contacts;
      return out;
    },

    check(input, existingId, rowNumber) {
      const errors: FieldError[] = [];
      const c = input as SaveInput;
      // a new customer's code is assigned here, in file order, so the preview shows the code the commit will use
      if (!c.code) c.code = nextCode();
      const dupCode = codesInFile.check(c.code, c.code, rowNumber);
      if (dupCode) errors.push(dupCode);
      const key = nameKey(c.name);
      if (key.length >= 2) {
        const dupName = namesInFile.check(key, c.name, rowNumber);
        if (dupName) errors.push(dupName);
        const other = names.get(key);
        const renamed = existingId === null || keyOfId.get(existingId) !== key;
        if (!dupName && renamed && other !== undefined && other !== existingId) {
          const named = prepared(ctx.db, 'select code, name from customers where id = ?').get(other) as { code: string; name: string };
          errors.push(fieldError('name', 'duplicateCustomer', { name: named.name, code: named.code }));
        }
      }
      return errors;
    },

    write(input, existingId) {
      const c = input as SaveInput;
      if (existingId !== null) return saveCustomer(ctx, { ...c, id: existingId });
      insert ??= customerInserter(ctx, {
        regionPath: (id) => regions.pathOf(id),
        repName: (id) => repNames.get(id) ?? null,
        dealerName: (id) => dealerNames.get(id) ?? null,
      });
      // check() gave every row its code: the checked input goes in as it is, not copied
      return insert(c.code ? (c as SaveInput & { code: string }) : { ...c, code: nextCode() });
    },
  };
}

export const customersImporter: Importer = {
  entity: 'customers',
  noun: '客户',
  columns: customerColumns,
  schema: contract['customers.save'].input,
  dryRunWrites: false,
  pinyinFields: ['name', 'shortName', 'contactName'],
  issueKey: (path) =>
    path[0] === 'contacts' && typeof path[2] === 'string' ? (contactKeys[path[2]] ?? 'contactName') : String(path[0] ?? ''),
  open,
};
