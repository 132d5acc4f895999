// 业务员与团队: reps with team, supervisor and responsible regions.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { DomainError, danglingRef, notFound } from '../../errors';
import { likeContains, pinyinFull, pinyinInitials } from '../../text';
import { recordAudit } from '../audit/audit';
import { assertRegionExists } from '../regions/regions';
import { regionPathsOf } from '../regions/paths';

export function listTeams(ctx: Ctx): Output<'teams.list'> {
  return ctx.db
    .prepare(
      `select t.id, t.name, (select count(*) from reps r where r.team_id = t.id and r.active = 1) as repCount
       from teams t order by t.name`,
    )
    .all() as Output<'teams.list'>;
}

export function saveTeam(ctx: Ctx, input: ParsedInput<'teams.save'>): Output<'teams.save'> {
  return ctx.db.transaction(() => {
    const clash = ctx.db.prepare('select id from teams where name = ? and id <> ?').get(input.name, input.id ?? 0);
    if (clash) throw new DomainError('CONFLICT', `名称：已有团队「${input.name}」`, 'name');
    const now = nowIso(ctx);
    if (input.id === undefined) {
      const id = Number(
        ctx.db.prepare('insert into teams (name, created_at, updated_at) values (?, ?, ?)').run(input.name, now, now).lastInsertRowid,
      );
      recordAudit(ctx, { action: 'create', entity: 'team', entityId: id, after: input });
      return { id };
    }
    const before = ctx.db.prepare('select id, name from teams where id = ?').get(input.id);
    if (!before) throw notFound('团队', input.id, 'id');
    ctx.db.prepare('update teams set name = ?, updated_at = ? where id = ?').run(input.name, now, input.id);
    recordAudit(ctx, { action: 'update', entity: 'team', entityId: input.id, before, after: input });
    return { id: input.id };
  })();
}

const repSortSql: Record<NonNullable<ParsedInput<'reps.list'>['sort']>['field'], string> = {
  code: 'r.code',
  name: 'r.pinyin',
  teamName: 't.name',
  hireDate: 'r.hire_date',
  customerCount: 'customerCount',
};

interface RepSqlRow {
  id: number;
  code: string;
  name: string;
  phone: string;
  teamId: number | null;
  teamName: string | null;
  supervisorId: number | null;
  supervisorName: string | null;
  hireDate: string | null;
  active: number;
  regionIds: string | null;
  regionNames: string | null;
  customerCount: number;
  initials: string;
  pinyin: string;
}

export function listReps(ctx: Ctx, input: ParsedInput<'reps.list'>): Output<'reps.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!input.includeInactive) where.push('r.active = 1');
  if (input.teamId) {
    where.push('r.team_id = ?');
    params.push(input.teamId);
  }
  if (input.search) {
    where.push(
      `(r.name like ? escape '\\' or r.code like ? escape '\\' or r.phone like ? escape '\\' or r.pinyin like ? escape '\\' or r.initials like ? escape '\\')`,
    );
    const q = likeContains(input.search.toLowerCase());
    params.push(q, q, q, q, q);
  }
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const total = (ctx.db.prepare(`select count(*) as n from reps r ${whereSql}`).get(...params) as { n: number }).n;
  const sort = input.sort ? `${repSortSql[input.sort.field]} ${input.sort.order}, r.id` : 'r.active desc, r.code, r.id';
  const rows = ctx.db
    .prepare(
      `select r.id, r.code, r.name, r.phone, r.team_id as teamId, t.name as teamName, r.supervisor_id as supervisorId,
              s.name as supervisorName, r.hire_date as hireDate, r.active, r.initials, r.pinyin,
              (select json_group_array(rr.region_id) from rep_regions rr where rr.rep_id = r.id) as regionIds,
              (select json_group_array(g.name) from rep_regions rr join regions g on g.id = rr.region_id where rr.rep_id = r.id) as regionNames,
              (select count(*) from customers c where c.rep_id = r.id and c.archived = 0) as customerCount
       from reps r left join teams t on t.id = r.team_id left join reps s on s.id = r.supervisor_id
       ${whereSql} order by ${sort} limit ? offset ?`,
    )
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as RepSqlRow[];
  const regionIds = rows.map((r) => JSON.parse(r.regionIds ?? '[]') as number[]);
  const paths = regionPathsOf(ctx, regionIds.flat());
  return {
    total,
    rows: rows.map((r, i) => {
      const names = JSON.parse(r.regionNames ?? '[]') as string[];
      return {
        ...r,
        active: r.active === 1,
        regionIds: regionIds[i]!,
        regionNames: names,
        regionPaths: regionIds[i]!.map((id, k) => paths.get(id) ?? [names[k] ?? '']),
      };
    }),
  };
}

export function getRepRow(ctx: Ctx, id: number): { id: number; name: string; active: number } | undefined {
  return ctx.db.prepare('select id, name, active from reps where id = ?').get(id) as
    { id: number; name: string; active: number } | undefined;
}

export function assertRepExists(ctx: Ctx, id: number, field = 'repId', label = '业务员'): void {
  if (!getRepRow(ctx, id)) throw danglingRef(label, field, id);
}

/** A rep and everyone above them, following supervisor_id upwards (bounded, in case of old cyclic data). */
function supervisorChain(ctx: Ctx, id: number): number[] {
  return (
    ctx.db
      .prepare(
        `with recursive up(id, depth) as (select ?, 0 union select r.supervisor_id, up.depth + 1 from reps r join up on r.id = up.id
         where r.supervisor_id is not null and up.depth < 100) select id from up`,
      )
      .all(id) as Array<{ id: number }>
  ).map((r) => r.id);
}

function nextRepCode(ctx: Ctx): string {
  const row = ctx.db.prepare("select max(cast(substr(code, 2) as integer)) as m from reps where code glob 'R[0-9]*'").get() as {
    m: number | null;
  };
  return `R${String((row.m ?? 0) + 1).padStart(3, '0')}`;
}

export function saveRep(ctx: Ctx, input: ParsedInput<'reps.save'>): Output<'reps.save'> {
  return ctx.db.transaction(() => {
    if (input.teamId !== null && !ctx.db.prepare('select 1 from teams where id = ?').get(input.teamId))
      throw danglingRef('团队', 'teamId', input.teamId);
    if (input.supervisorId !== null) {
      assertRepExists(ctx, input.supervisorId, 'supervisorId', '主管');
      if (input.supervisorId === input.id) throw new DomainError('VALIDATION', '主管：不能把业务员设为自己的主管', 'supervisorId');
      if (input.id !== undefined && supervisorChain(ctx, input.supervisorId).includes(input.id))
        throw new DomainError('VALIDATION', '主管：不能把自己的下属设为主管（会形成循环）', 'supervisorId');
    }
    const regionIds = [...new Set(input.regionIds)];
    regionIds.forEach((rid, i) => assertRegionExists(ctx, rid, `regionIds.${i}`));
    const code =
      input.code ||
      (input.id ? (ctx.db.prepare('select code from reps where id = ?').get(input.id) as { code: string } | undefined)?.code : undefined) ||
      nextRepCode(ctx);
    const clash = ctx.db.prepare('select id from reps where code = ? and id <> ?').get(code, input.id ?? 0);
    if (clash) throw new DomainError('CONFLICT', `编码：业务员编码「${code}」已被使用`, 'code');
    const now = nowIso(ctx);
    const values = [
      code,
      input.name,
      input.phone,
      input.teamId,
      input.supervisorId,
      input.hireDate,
      input.active ? 1 : 0,
      pinyinFull(input.name),
      pinyinInitials(input.name),
    ];
    let id: number;
    let before: unknown;
    if (input.id === undefined) {
      id = Number(
        ctx.db
          .prepare(
            `insert into reps (code, name, phone, team_id, supervisor_id, hire_date, active, pinyin, initials, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...values, now, now).lastInsertRowid,
      );
    } else {
      id = input.id;
      // the same shape as the logged "after" (the input), so the audit log compares like with like
      const old = ctx.db
        .prepare(
          'select code, name, phone, team_id as teamId, supervisor_id as supervisorId, hire_date as hireDate, active from reps where id = ?',
        )
        .get(id) as { active: number } | undefined;
      if (!old) throw notFound('业务员', id, 'id');
      const oldRegionIds = ctx.db.prepare('select region_id from rep_regions where rep_id = ? order by rowid').pluck().all(id);
      before = { id, ...old, active: old.active === 1, regionIds: oldRegionIds };
      ctx.db
        .prepare(
          `update reps set code = ?, name = ?, phone = ?, team_id = ?, supervisor_id = ?, hire_date = ?, active = ?, pinyin = ?, initials = ?, updated_at = ?
           where id = ?`,
        )
        .run(...values, now, id);
      ctx.db.prepare('delete from rep_regions where rep_id = ?').run(id);
    }
    const link = ctx.db.prepare('insert into rep_regions (rep_id, region_id) values (?, ?)');
    for (const rid of regionIds) link.run(id, rid);
    recordAudit(ctx, {
      action: input.id === undefined ? 'create' : 'update',
      entity: 'rep',
      entityId: id,
      before,
      after: { ...input, code, regionIds },
    });
    return { id, code };
  })();
}
