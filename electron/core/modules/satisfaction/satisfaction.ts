// 客户满意度 Satisfaction scores: recorded after a complaint is closed (one per complaint), at a visit (a line of a daily
// report) or in a periodic survey; listed with their average, summarised by region and rep. A score is a record of
// what the customer said on a day: it is never edited.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { LOW_SATISFACTION_SCORE } from '../../../../shared/domain/satisfaction';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef } from '../../errors';
import { recordAudit } from '../audit/audit';

type Row = Output<'satisfaction.save'>;

const SELECT = `select s.id, s.customer_id as customerId, c.name as customerName, s.score, s.comment, s.source,
    s.complaint_id as complaintId, k.code as complaintCode, s.daily_report_line_id as dailyReportLineId, dr.date as reportDate,
    s.rep_id as repId, r.name as repName, s.scored_on as scoredOn, o.name as operatorName, s.created_at as createdAt
  from satisfaction_scores s
  join customers c on c.id = s.customer_id
  left join complaints k on k.id = s.complaint_id
  left join daily_report_lines dl on dl.id = s.daily_report_line_id
  left join daily_reports dr on dr.id = dl.report_id
  left join reps r on r.id = s.rep_id
  left join operators o on o.id = s.operator_id`;

/** Two decimals of Σ / n, from integers; null for no scores. */
const averageOf = (sum: number, n: number) => (n === 0 ? null : Math.round((sum * 100) / n) / 100);

export function saveSatisfaction(ctx: Ctx, input: ParsedInput<'satisfaction.save'>): Output<'satisfaction.save'> {
  return ctx.db.transaction(() => {
    const customer = prepared(ctx.db, 'select id, name, rep_id as repId, merged_into_id as mergedIntoId from customers where id = ?').get(
      input.customerId,
    ) as { id: number; name: string; repId: number | null; mergedIntoId: number | null } | undefined;
    if (!customer) throw danglingRef('客户', 'customerId', input.customerId);
    if (customer.mergedIntoId !== null)
      throw new DomainError('CONFLICT', `客户：${customer.name} 已合并到其他客户，请给合并后的客户评分`, 'customerId');
    const today = todayLocal(ctx);
    const scoredOn = input.scoredOn ?? today;
    if (scoredOn > today) throw new DomainError('VALIDATION', `评分日期：不能晚于今天（${today}），现为 ${scoredOn}`, 'scoredOn');
    let repId = customer.repId;

    if (input.source === 'complaint') {
      if (input.complaintId === undefined) throw new DomainError('VALIDATION', '客诉：客诉回访的评分须选择已处理的客诉', 'complaintId');
    } else if (input.complaintId !== undefined) {
      throw new DomainError('VALIDATION', '评分来源：选择了客诉时应为“客诉回访”', 'source');
    }
    if (input.dailyReportLineId !== undefined && input.source !== 'visit') {
      throw new DomainError('VALIDATION', '评分来源：选择了拜访记录时应为“拜访”', 'source');
    }
    if (input.complaintId !== undefined) {
      const k = prepared(
        ctx.db,
        'select id, code, customer_id as customerId, status, handled_date as handledDate, rep_id as repId from complaints where id = ?',
      ).get(input.complaintId) as
        { id: number; code: string; customerId: number; status: string; handledDate: string | null; repId: number | null } | undefined;
      if (!k) throw danglingRef('客诉', 'complaintId', input.complaintId);
      if (k.customerId !== customer.id) throw new DomainError('VALIDATION', `客诉：${k.code} 不是${customer.name}的客诉`, 'complaintId');
      if (k.status !== 'handled') throw new DomainError('CONFLICT', `客诉：${k.code} 尚未处理完毕，处理后再请客户评分`, 'complaintId');
      if (k.handledDate && scoredOn < k.handledDate)
        throw new DomainError('VALIDATION', `评分日期：不能早于客诉处理日期（${k.handledDate}），现为 ${scoredOn}`, 'scoredOn');
      const existing = prepared(ctx.db, 'select scored_on from satisfaction_scores where complaint_id = ?').pluck().get(k.id) as
        string | undefined;
      if (existing) throw new DomainError('CONFLICT', `客诉：${k.code} 已于 ${existing} 评过分，每条客诉只评一次`, 'complaintId');
      repId = k.repId ?? repId;
    }
    if (input.dailyReportLineId !== undefined) {
      const line = prepared(
        ctx.db,
        `select dl.customer_id as customerId, dr.date, dr.rep_id as repId from daily_report_lines dl
         join daily_reports dr on dr.id = dl.report_id where dl.id = ?`,
      ).get(input.dailyReportLineId) as { customerId: number; date: string; repId: number } | undefined;
      if (!line) throw danglingRef('拜访记录', 'dailyReportLineId', input.dailyReportLineId);
      if (line.customerId !== customer.id)
        throw new DomainError('VALIDATION', `拜访记录：这条拜访不是对${customer.name}的拜访`, 'dailyReportLineId');
      if (scoredOn < line.date)
        throw new DomainError('VALIDATION', `评分日期：不能早于拜访日期（${line.date}），现为 ${scoredOn}`, 'scoredOn');
      repId = line.repId;
    }

    const id = Number(
      prepared(
        ctx.db,
        `insert into satisfaction_scores (customer_id, score, comment, source, complaint_id, daily_report_line_id, rep_id, scored_on,
           operator_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        customer.id,
        input.score,
        input.comment,
        input.source,
        input.complaintId ?? null,
        input.dailyReportLineId ?? null,
        repId,
        scoredOn,
        ctx.actor?.id ?? null,
        nowIso(ctx),
      ).lastInsertRowid,
    );
    const row = prepared(ctx.db, `${SELECT} where s.id = ?`).get(id) as Row;
    // the score's source under its own key: `source` is the customer's source (客户来源) in the log's words
    const { source, ...rest } = row;
    recordAudit(ctx, { action: 'create', entity: 'satisfactionScore', entityId: id, after: { ...rest, scoreSource: source } });
    return row;
  })();
}

interface Filters {
  customerId?: number;
  repId?: number;
  regionId?: number;
  from?: string;
  to?: string;
  source?: string;
}

function whereOf(f: Filters): { where: string; params: Record<string, unknown> } {
  const where = ['1 = 1'];
  if (f.customerId !== undefined) where.push('s.customer_id = @customerId');
  if (f.repId !== undefined) where.push('s.rep_id = @repId');
  if (f.regionId !== undefined)
    where.push(
      `c.region_id in (select x.id from regions x where x.path like (select q.path from regions q where q.id = @regionId) || '%')`,
    );
  if (f.from !== undefined) where.push('s.scored_on >= @from');
  if (f.to !== undefined) where.push('s.scored_on <= @to');
  if (f.source !== undefined) where.push('s.source = @source');
  const params: Record<string, unknown> = { low: LOW_SATISFACTION_SCORE };
  for (const [k, v] of Object.entries(f)) if (v !== undefined) params[k] = v;
  return { where: where.join(' and '), params };
}

export function listSatisfaction(ctx: Ctx, input: ParsedInput<'satisfaction.list'>): Output<'satisfaction.list'> {
  const { page, pageSize, ...f } = input;
  const { where, params } = whereOf(f);
  const totals = prepared(
    ctx.db,
    `select count(*) as n, coalesce(sum(s.score), 0) as sum, coalesce(sum(s.score <= @low), 0) as low
     from satisfaction_scores s join customers c on c.id = s.customer_id where ${where}`,
  ).get(params) as { n: number; sum: number; low: number };
  const rows = prepared(ctx.db, `${SELECT} where ${where} order by s.scored_on desc, s.id desc limit @limit offset @offset`).all({
    ...params,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  }) as Row[];
  return { rows, total: totals.n, average: averageOf(totals.sum, totals.n), lowCount: totals.low };
}

export function satisfactionSummary(ctx: Ctx, input: ParsedInput<'satisfaction.summary'>): Output<'satisfaction.summary'> {
  if (input.from > input.to) throw new DomainError('VALIDATION', `结束日期：不能早于开始日期（${input.from}）`, 'to');
  const { where, params } = whereOf(input);
  const scores = prepared(
    ctx.db,
    `select s.score, s.rep_id as repId, rg.path from satisfaction_scores s join customers c on c.id = s.customer_id
     left join regions rg on rg.id = c.region_id where ${where}`,
  )
    .raw()
    .all(params) as Array<[number, number | null, string | null]>;
  // regions one level below the one asked for (the top level without one); a customer in the asked region itself: that region
  const depth =
    input.regionId === undefined
      ? 0
      : ((prepared(ctx.db, 'select path from regions where id = ?').pluck().get(input.regionId) as string | undefined) ?? '')
          .split('/')
          .filter(Boolean).length;
  type Acc = { count: number; sum: number; low: number };
  const add = (m: Map<number | null, Acc>, key: number | null, score: number) => {
    let a = m.get(key);
    if (!a) m.set(key, (a = { count: 0, sum: 0, low: 0 }));
    a.count++;
    a.sum += score;
    if (score <= LOW_SATISFACTION_SCORE) a.low++;
  };
  const byRegion = new Map<number | null, Acc>();
  const byRep = new Map<number | null, Acc>();
  let sum = 0;
  let low = 0;
  for (const [score, repId, path] of scores) {
    sum += score;
    if (score <= LOW_SATISFACTION_SCORE) low++;
    const ids = path ? path.split('/').filter(Boolean).map(Number) : [];
    add(byRegion, ids.length === 0 ? null : (ids[Math.min(depth, ids.length - 1)] ?? null), score);
    add(byRep, repId, score);
  }
  const names = (table: 'regions' | 'reps', ids: Array<number | null>) =>
    new Map(
      (
        prepared(ctx.db, `select id, name from ${table} where id in (select value from json_each(?))`)
          .raw()
          .all(JSON.stringify(ids.filter((x) => x !== null))) as Array<[number, string]>
      ).map(([id, name]) => [id, name]),
    );
  const groups = (m: Map<number | null, Acc>, table: 'regions' | 'reps', none: string) => {
    const n = names(table, [...m.keys()]);
    return [...m]
      .map(([id, a]) => ({
        id,
        name: id === null ? none : (n.get(id) ?? String(id)),
        count: a.count,
        average: averageOf(a.sum, a.count)!,
        lowCount: a.low,
      }))
      .sort((a, b) => a.average - b.average || b.count - a.count || (a.id ?? 0) - (b.id ?? 0));
  };
  return {
    count: scores.length,
    average: averageOf(sum, scores.length),
    lowCount: low,
    byRegion: groups(byRegion, 'regions', '未设区域'),
    byRep: groups(byRep, 'reps', '未指定业务员'),
  };
}
