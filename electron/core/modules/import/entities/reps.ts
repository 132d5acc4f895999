// 业务员 import through saveRep: existing reps by code; a supervisor may be a rep from an earlier row of the same file.
import type { Ctx } from '../../../context';
import { contract, type ParsedInput } from '../../../../../shared/contract';
import { saveRep } from '../../reps/reps';
import { readBool, readCode, readDate, readPhone, readText, splitList, type Parsed } from '../cells';
import { fieldError, type ColumnSpec, type FieldError, type Importer, type Session } from '../types';
import type { Cell } from '../worker';
import { allReps, overlay, regionIndex, repIndex, SeenInFile, teamIndex, viaIndex, viaIndexList } from './common';

export const repColumns: readonly ColumnSpec[] = [
  {
    key: 'code',
    label: '业务员编码',
    aliases: ['编码', '工号', '员工编号', '编号'],
    kind: 'code',
    example: 'R101',
    help: '字母、数字、- 和 _；留空则自动编号',
    width: 11,
  },
  {
    key: 'name',
    label: '姓名',
    aliases: ['业务员姓名', '业务员', '名字', '员工姓名'],
    required: true,
    kind: 'text',
    example: '王芳',
    help: '最多 20 字',
    width: 10,
  },
  {
    key: 'phone',
    label: '电话',
    aliases: ['手机', '手机号', '联系电话', '电话号码'],
    kind: 'phone',
    example: '138 0000 1111',
    help: '数字，可带空格、-、+、括号',
    width: 16,
  },
  {
    key: 'teamId',
    label: '团队',
    aliases: ['所属团队', '组别', '小组'],
    kind: 'ref',
    example: '华东一组',
    help: '团队名称，须已存在',
    width: 12,
  },
  {
    key: 'supervisorId',
    label: '主管',
    aliases: ['上级', '直属主管', '上级主管'],
    kind: 'ref',
    example: '',
    help: '主管的姓名或编码：已有业务员，或本文件中排在前面的行',
    width: 10,
  },
  {
    key: 'regionIds',
    label: '负责区域',
    aliases: ['区域', '负责地区', '销售区域'],
    kind: 'list',
    example: '华东/江苏省/南京市',
    help: '一个或多个区域（名称、路径或编码），用逗号、顿号或分号分隔',
    width: 24,
  },
  {
    key: 'hireDate',
    label: '入职日期',
    aliases: ['入职时间'],
    kind: 'date',
    example: '2024-03-05',
    help: '日期，如 2024-03-05、2024/3/5、2024年3月5日',
    width: 12,
  },
  {
    key: 'active',
    label: '在职',
    aliases: ['状态', '是否在职', '在职状态'],
    kind: 'bool',
    example: '是',
    help: '是 / 否（也可写 在职 / 离职）；留空为 是',
    width: 6,
  },
];

const keys = repColumns.map((c) => c.key);

function open(ctx: Ctx): Session {
  const reps = allReps(ctx);
  const byId = new Map(reps.map((r) => [r.id, r]));
  const existing = new Map(reps.map((r) => [r.code, r.id]));
  const supervisorOf = new Map(reps.map((r) => [r.id, r.supervisorId]));
  const repsIndex = repIndex(reps);
  const regions = regionIndex(ctx);
  const teams = teamIndex(ctx);
  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['code', readCode],
    ['name', readText],
    ['phone', readPhone],
    ['teamId', viaIndex(teams)],
    ['supervisorId', viaIndex(repsIndex)],
    ['regionIds', viaIndexList(regions, splitList)],
    ['hireDate', readDate],
    ['active', readBool],
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
      const r = existingId === null ? undefined : byId.get(existingId);
      const base = r
        ? {
            code: r.code,
            name: r.name,
            phone: r.phone,
            teamId: r.teamId,
            supervisorId: r.supervisorId,
            regionIds: r.regionIds,
            hireDate: r.hireDate,
            active: r.active,
          }
        : {};
      return overlay(base, values, keys);
    },
    check(input, existingId, rowNumber) {
      const rep = input as ParsedInput<'reps.save'>;
      const errors: FieldError[] = [];
      const dup = codes.check(rep.code, rep.code, rowNumber);
      if (dup) errors.push(dup);
      if (existingId !== null && rep.supervisorId !== null) {
        // walk up from the new supervisor: meeting this rep again would make a cycle
        const seen = new Set<number>();
        for (let s: number | null = rep.supervisorId; s !== null && !seen.has(s); s = supervisorOf.get(s) ?? null) {
          if (s === existingId) {
            errors.push(fieldError('supervisorId', s === rep.supervisorId ? 'ownSupervisor' : 'supervisorCycle'));
            break;
          }
          seen.add(s);
        }
      }
      return errors;
    },
    write(input, existingId) {
      const rep = input as ParsedInput<'reps.save'>;
      const saved = saveRep(ctx, existingId === null ? rep : { ...rep, id: existingId });
      // later rows may name this rep as their supervisor
      supervisorOf.set(saved.id, rep.supervisorId);
      if (existingId === null) repsIndex.add({ id: saved.id, code: saved.code, name: rep.name });
      return saved;
    },
  };
}

export const repsImporter: Importer = {
  entity: 'reps',
  noun: '业务员',
  columns: repColumns,
  schema: contract['reps.save'].input,
  dryRunWrites: true,
  open,
};
