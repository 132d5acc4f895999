// The list of plans or reports: paged, sorted and filtered in SQL (dates, rep, team, state as the board shows it, search
// on the rep's name, code or pinyin). Visits are counted for the page's rows only.
import type { Ctx } from '../../context';
import { count, prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { likeContains, normaliseSearch } from '../../text';
import type { FormListRow, ParsedInput } from '../../../../shared/contract';
import type { FormKind } from './forms';

type ListInput = ParsedInput<'visitPlans.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];

// draft, returned, submitted, signed: the order a supervisor works through them
const stateRank = "case f.state when 'draft' then (case when f.return_comment <> '' then 1 else 0 end) when 'submitted' then 2 else 3 end";

const sortSql: Record<SortField, string> = {
  date: 'f.date',
  repName: 'r.pinyin',
  state: stateRank,
  updatedAt: 'f.updated_at',
};

const stateWhere: Record<NonNullable<ListInput['state']>, string> = {
  // a returned draft is listed under 已退回, not 草稿
  draft: "f.state = 'draft' and f.return_comment = ''",
  returned: "f.state = 'draft' and f.return_comment <> ''",
  submitted: "f.state = 'submitted'",
  signed: "f.state = 'signed'",
};

export function listForms(ctx: Ctx, kind: FormKind, input: ListInput): { rows: FormListRow[]; total: number } {
  if (input.from > input.to) throw new DomainError('VALIDATION', `结束日期：不能早于开始日期（${input.from}）`, 'to');
  const where = ['f.date between ? and ?'];
  const params: unknown[] = [input.from, input.to];
  if (input.repId !== undefined) {
    where.push('f.rep_id = ?');
    params.push(input.repId);
  }
  if (input.teamId !== undefined) {
    where.push('r.team_id = ?');
    params.push(input.teamId);
  }
  if (input.state !== undefined) where.push(stateWhere[input.state]);
  const search = normaliseSearch(input.search);
  if (search) {
    where.push("(r.name like ? escape '\\' or r.code like ? escape '\\' or r.pinyin like ? escape '\\' or r.initials like ? escape '\\')");
    const like = likeContains(search);
    params.push(like, like, like, like);
  }
  const whereSql = `where ${where.join(' and ')}`;
  const from = `from ${kind.table} f join reps r on r.id = f.rep_id`;
  const total = count(ctx.db, `select count(*) as n ${from} ${whereSql}`, params);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, f.date desc, r.code, f.id` : 'f.date desc, r.code, f.id';
  const rows = prepared(
    ctx.db,
    `select f.id, f.rep_id as repId, r.name as repName, t.name as teamName, f.date, f.state,
            (f.state = 'draft' and f.return_comment <> '') as returned,
            (select count(*) from ${kind.linesTable} l where l.${kind.fk} = f.id) as visits,
            f.signed_by_name as signedByName, f.signed_at as signedAt, f.updated_at as updatedAt
     ${from} left join teams t on t.id = r.team_id ${whereSql} order by ${order} limit ? offset ?`,
  ).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as Array<Omit<FormListRow, 'returned'> & { returned: number }>;
  return { total, rows: rows.map((r) => ({ ...r, returned: r.returned === 1 })) };
}
