// 商机 Opportunities: entry (with a new prospect customer in the same transaction), detail with the stage history and
// the visits that worked on it, the paged list, and moves between stages (won optionally into a draft sales order).
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import { contract, type OpportunityDetail, type OpportunityRow, type Output, type ParsedInput } from '../../../../shared/contract';
import {
  defaultStageProbabilityBp,
  isClosedStage,
  lostReasonLabels,
  opportunityStages,
  stageLabels,
  type LostReason,
  type OpportunityStage,
} from '../../../../shared/domain/opportunity';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef, notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { haystack, Where } from '../complaints/handling';
import { saveCustomer } from '../customers/customers';
import { saveOrder } from '../orders/orders';
import { assertRepExists } from '../reps/reps';
import { readSetting, stageProbabilitiesOf } from '../settings/settings';
import { daysInStages } from './funnelMath';

type ListInput = ParsedInput<'opportunities.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];

/** Each stage's probability: the open ones as set in the settings (stageProbabilityBp), won 100 %, lost 0. */
export function stageProbabilities(ctx: Ctx): Record<OpportunityStage, number> {
  return { ...defaultStageProbabilityBp, ...stageProbabilitiesOf(readSetting(ctx, 'stageProbabilityBp')) };
}

export const opportunityFrom = `from opportunities o
  join customers c on c.id = o.customer_id
  join reps r on r.id = o.rep_id
  left join regions g on g.id = c.region_id`;

const weighted = '((o.amount_fen * o.probability_bp + 5000) / 10000)';

const rowSelect = `select o.id, o.title, o.customer_id as customerId, c.name as customerName, c.region_id as regionId,
  g.name as regionName, o.rep_id as repId, r.name as repName, o.stage, o.probability_bp as probabilityBp,
  o.amount_fen as amountFen, ${weighted} as weightedFen, o.expected_close_date as expectedCloseDate, o.next_step as nextStep,
  o.next_step_date as nextStepDate, o.competitor, o.source, o.lost_reason as lostReason, o.order_id as orderId,
  o.created_on as createdOn, o.closed_on as closedOn, o.stage_since as stageSince, o.updated_at as updatedAt`;

const stageOrder = `(case o.stage ${opportunityStages.map((s, i) => `when '${s}' then ${i}`).join(' ')} end)`;
const sortSql: Record<SortField, string> = {
  title: 'o.title',
  customerName: 'c.name_pinyin',
  repName: 'r.pinyin',
  stage: stageOrder,
  amountFen: 'o.amount_fen',
  probabilityBp: 'o.probability_bp',
  expectedCloseDate: 'o.expected_close_date',
  nextStepDate: "coalesce(o.next_step_date, '')",
  createdOn: 'o.created_on',
  updatedAt: 'o.updated_at',
};

const searchText = haystack('o.title', 'c.search_text', 'o.competitor', 'r.name', 'r.initials');

/** rep / team / region (the customer's, with its subtree): the scope every pipeline read shares. */
export function scopeWhere(where: Where, scope: { repId?: number; teamId?: number; regionId?: number }): Where {
  where.eq('o.rep_id', scope.repId);
  if (scope.teamId !== undefined) {
    where.clauses.push('o.rep_id in (select id from reps where team_id = ?)');
    where.params.push(scope.teamId);
  }
  if (scope.regionId !== undefined) {
    where.clauses.push("c.region_id in (select s.id from regions s join regions p on p.id = ? where s.path like p.path || '%')");
    where.params.push(scope.regionId);
  }
  return where;
}

const monthEnd = (month: string) => `${month}-31`; // YYYY-MM-31 sorts after every day of the month

export function opportunityWhere(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): Where {
  const where = scopeWhere(new Where(), input)
    .eq('o.customer_id', input.customerId)
    .in('o.stage', [...(input.stages ?? []), ...(input.stage ? [input.stage] : [])])
    .range('o.expected_close_date', input.closeMonth && `${input.closeMonth}-01`, input.closeMonth && monthEnd(input.closeMonth))
    .eq('o.next_step_date', input.nextStepDate)
    .search(searchText, input.q ?? input.search);
  if (input.minAmountFen !== undefined) {
    where.clauses.push('o.amount_fen >= ?');
    where.params.push(input.minAmountFen);
  }
  if (input.maxAmountFen !== undefined) {
    if (input.minAmountFen !== undefined && input.maxAmountFen < input.minAmountFen) {
      throw new DomainError('VALIDATION', `最高金额：不能低于最低金额`, 'maxAmountFen');
    }
    where.clauses.push('o.amount_fen <= ?');
    where.params.push(input.maxAmountFen);
  }
  return where;
}

export function listOpportunities(ctx: Ctx, input: ListInput): Output<'opportunities.list'> {
  const where = opportunityWhere(input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, o.id ${input.sort.order}` : 'o.updated_at desc, o.id desc';
  // the count and totals join the customer and rep only when a filter reads them (region, search)
  const totals = prepared(
    ctx.db,
    `select count(*) as n, coalesce(sum(o.amount_fen), 0) as amountFen, coalesce(sum(${weighted}), 0) as weightedFen
     ${input.regionId !== undefined || (input.q ?? input.search)?.trim() ? opportunityFrom : 'from opportunities o'} ${where.sql}`,
  ).get(...where.params) as { n: number; amountFen: number; weightedFen: number };
  const rows = prepared(ctx.db, `${rowSelect} ${opportunityFrom} ${where.sql} order by ${order} limit ? offset ?`).all(
    ...where.params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as OpportunityRow[];
  return { rows, total: totals.n, totals: { amountFen: totals.amountFen, weightedFen: totals.weightedFen } };
}

interface StoredOpportunity extends OpportunityRow {
  lostNote: string;
  probabilityManual: number;
  customerLifecycle: string;
  orderDocNo: string | null;
}

function findRow(ctx: Ctx, id: number): StoredOpportunity | undefined {
  return prepared(
    ctx.db,
    `${rowSelect}, o.lost_note as lostNote, o.probability_manual as probabilityManual, c.lifecycle as customerLifecycle,
       (select doc_no from orders where id = o.order_id) as orderDocNo
     ${opportunityFrom} where o.id = ?`,
  ).get(id) as StoredOpportunity | undefined;
}

function mustFind(ctx: Ctx, id: number, field = 'id'): StoredOpportunity {
  const row = findRow(ctx, id);
  if (!row) throw notFound('商机', id, field);
  return row;
}

interface HistorySqlRow {
  id: number;
  fromStage: OpportunityStage | null;
  toStage: OpportunityStage;
  changedOn: string;
  operatorName: string;
  note: string;
  reportId: number | null;
  reportDate: string | null;
  reportRep: string | null;
  outcome: string | null;
  lineNextStep: string | null;
}

const visitSummary = (outcome: string | null, nextStep: string | null) =>
  [outcome, nextStep ? `下一步：${nextStep}` : ''].filter(Boolean).join('；');

export function opportunityDetail(ctx: Ctx, id: number): OpportunityDetail {
  const o = mustFind(ctx, id);
  const products = prepared(
    ctx.db,
    `select p.id, p.sku, p.name from opportunity_products op join products p on p.id = op.product_id
     where op.opportunity_id = ? order by op.seq, p.id`,
  ).all(id) as OpportunityDetail['products'];
  const history = (
    prepared(
      ctx.db,
      `select sc.id, sc.from_stage as fromStage, sc.to_stage as toStage, sc.changed_on as changedOn, sc.operator_name as operatorName,
         sc.note, d.id as reportId, d.date as reportDate, rr.name as reportRep, l.outcome, l.next_step as lineNextStep
       from opportunity_stage_changes sc
       left join daily_report_lines l on l.id = sc.daily_report_line_id
       left join daily_reports d on d.id = l.report_id
       left join reps rr on rr.id = d.rep_id
       where sc.opportunity_id = ? order by sc.changed_on, sc.id`,
    ).all(id) as HistorySqlRow[]
  ).map((h) => ({
    id: h.id,
    fromStage: h.fromStage,
    toStage: h.toStage,
    changedOn: h.changedOn,
    operatorName: h.operatorName,
    note: h.note,
    ...(h.reportId !== null
      ? { visit: { reportId: h.reportId, date: h.reportDate!, repName: h.reportRep!, summary: visitSummary(h.outcome, h.lineNextStep) } }
      : {}),
  }));
  const visits = (
    prepared(
      ctx.db,
      `select l.id as lineId, d.id as reportId, d.date, rr.name as repName, l.outcome, l.next_step as nextStep
       from daily_report_lines l join daily_reports d on d.id = l.report_id join reps rr on rr.id = d.rep_id
       where l.opportunity_id = ? and not exists (select 1 from opportunity_stage_changes sc where sc.daily_report_line_id = l.id)
       order by d.date, l.id`,
    ).all(id) as Array<{ lineId: number; reportId: number; date: string; repName: string; outcome: string; nextStep: string }>
  ).map((v) => ({
    lineId: v.lineId,
    reportId: v.reportId,
    date: v.date,
    repName: v.repName,
    summary: visitSummary(v.outcome, v.nextStep),
  }));
  const today = todayLocal(ctx);
  const days = daysInStages(history, today < o.stageSince ? o.stageSince : today);
  return {
    ...o,
    probabilityManual: o.probabilityManual === 1,
    products,
    history,
    visits,
    daysInStage: [...days].map(([stage, d]) => ({ stage, days: d })),
  };
}

export function getOpportunity(ctx: Ctx, input: ParsedInput<'opportunities.get'>): Output<'opportunities.get'> {
  return opportunityDetail(ctx, input.id);
}

/** What the audit log keeps of an opportunity. */
const snapshot = (o: OpportunityDetail) => ({
  name: o.title,
  customerId: o.customerId,
  repId: o.repId,
  stage: o.stage,
  probabilityBp: o.probabilityBp,
  amountFen: o.amountFen,
  expectedCloseDate: o.expectedCloseDate,
  nextStep: o.nextStep,
  nextStepDate: o.nextStepDate,
  competitor: o.competitor,
  leadSource: o.source,
  lostReason: o.lostReason,
  lostNote: o.lostNote,
  orderId: o.orderId,
  closedOn: o.closedOn,
  productIds: o.products.map((p) => p.id),
});

const closedMessage = (o: { stage: OpportunityStage }) =>
  new DomainError('CONFLICT', `商机已${stageLabels[o.stage].zh}，不能再修改或变更阶段`, 'id');

function insertStageChange(
  ctx: Ctx,
  c: {
    opportunityId: number;
    fromStage: OpportunityStage | null;
    toStage: OpportunityStage;
    changedOn: string;
    lineId?: number | null;
    note?: string;
  },
): void {
  prepared(
    ctx.db,
    `insert into opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_on, operator_id, operator_name, daily_report_line_id, note, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.opportunityId,
    c.fromStage,
    c.toStage,
    c.changedOn,
    ctx.actor?.id ?? null,
    ctx.operator,
    c.lineId ?? null,
    c.note ?? '',
    nowIso(ctx),
  );
}

/** Products exist and are in use; duplicates are refused rather than merged silently. */
function checkProducts(ctx: Ctx, ids: readonly number[]): void {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new DomainError('VALIDATION', `意向产品 › 第${i + 1}行：与前面的产品重复（编号 ${id}）`, `productIds.${i}`);
    seen.add(id);
    const p = prepared(ctx.db, 'select active from products where id = ?').get(id) as { active: number } | undefined;
    if (!p) throw danglingRef(`意向产品 › 第${i + 1}行`, `productIds.${i}`, id);
    if (p.active !== 1) throw new DomainError('VALIDATION', `意向产品 › 第${i + 1}行：产品已停用（编号 ${id}）`, `productIds.${i}`);
  });
}

function writeProducts(ctx: Ctx, id: number, ids: readonly number[]): void {
  prepared(ctx.db, 'delete from opportunity_products where opportunity_id = ?').run(id);
  const insert = prepared(ctx.db, 'insert into opportunity_products (opportunity_id, product_id, seq) values (?, ?, ?)');
  ids.forEach((p, i) => insert.run(id, p, i + 1));
}

type SaveInput = ParsedInput<'opportunities.save'>;

/** The customer of a save: the one named, the new prospect (created here, in the caller's transaction), or the kept one. */
function customerOf(ctx: Ctx, input: SaveInput, before: StoredOpportunity | undefined): { id: number; repId: number | null } {
  if (input.customerId !== undefined && input.prospect !== undefined) {
    throw new DomainError('VALIDATION', '潜在客户：已选择客户时不能再新建潜在客户', 'prospect');
  }
  if (input.prospect) {
    const p = input.prospect;
    const saved = saveCustomer(
      ctx,
      contract['customers.save'].input.parse({
        name: p.name,
        regionId: p.regionId,
        repId: p.repId ?? input.repId ?? ctx.actor?.repId ?? null,
        phone: p.phone ?? '',
        address: p.address ?? '',
        industry: p.industry ?? '',
        source: p.source ?? null,
        lifecycle: 'prospect',
        grade: 'D', // no sales yet: the bottom of the ABC grading until the next regrade
        contacts: p.contactName ? [{ name: p.contactName, phone: p.phone ?? '' }] : [],
      }),
    );
    return { id: saved.id, repId: p.repId ?? input.repId ?? ctx.actor?.repId ?? null };
  }
  const id = input.customerId ?? before?.customerId;
  if (id === undefined) throw new DomainError('VALIDATION', '客户：不能为空（请选择客户或新建潜在客户）', 'customerId');
  const c = prepared(ctx.db, 'select id, rep_id as repId, archived from customers where id = ?').get(id) as
    { id: number; repId: number | null; archived: number } | undefined;
  if (!c) throw danglingRef('客户', 'customerId', id);
  if (c.archived === 1 && id !== before?.customerId) throw new DomainError('CONFLICT', '客户：客户已归档，请先恢复再建商机', 'customerId');
  return c;
}

export function saveOpportunity(ctx: Ctx, input: SaveInput): Output<'opportunities.save'> {
  const id = ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : mustFind(ctx, input.id);
    if (before && isClosedStage(before.stage)) throw closedMessage(before);
    const beforeDetail = before && opportunityDetail(ctx, before.id);
    const today = todayLocal(ctx);
    if (before && input.createdOn !== undefined && input.createdOn !== before.createdOn) {
      throw new DomainError('VALIDATION', `创建日期：不能修改（${before.createdOn}）`, 'createdOn');
    }
    const createdOn = before?.createdOn ?? input.createdOn ?? today;
    if (createdOn > today) throw new DomainError('VALIDATION', `创建日期：不能晚于今天（${today}），现为 ${createdOn}`, 'createdOn');
    if (input.expectedCloseDate < createdOn) {
      throw new DomainError(
        'VALIDATION',
        `预计成交日期：不能早于创建日期（${createdOn}），现为 ${input.expectedCloseDate}`,
        'expectedCloseDate',
      );
    }
    const stage = input.stage ?? before?.stage ?? 'identify';
    if (!before && isClosedStage(stage)) {
      throw new DomainError('VALIDATION', `阶段：新建的商机不能直接为${stageLabels[stage].zh}，请建立后再关闭`, 'stage');
    }
    if (input.productIds) checkProducts(ctx, input.productIds);
    const customer = customerOf(ctx, input, before);
    const repId = input.repId ?? before?.repId ?? customer.repId ?? ctx.actor?.repId ?? null;
    if (repId === null) throw new DomainError('VALIDATION', '业务员：不能为空（客户没有负责业务员）', 'repId');
    assertRepExists(ctx, repId);
    const probabilities = stageProbabilities(ctx);
    const manual = input.probabilityBp !== undefined ? 1 : (before?.probabilityManual ?? 0);
    const startStage = before ? before.stage : stage;
    const probabilityBp = input.probabilityBp ?? (before && manual === 1 ? before.probabilityBp : probabilities[startStage]);
    const values = {
      customerId: customer.id,
      title: input.title,
      amountFen: input.amountFen,
      expectedCloseDate: input.expectedCloseDate,
      probabilityBp,
      manual,
      repId,
      nextStep: input.nextStep ?? before?.nextStep ?? '',
      nextStepDate: input.nextStepDate === undefined ? (before?.nextStepDate ?? null) : input.nextStepDate,
      competitor: input.competitor ?? before?.competitor ?? '',
      source: input.source ?? before?.source ?? '',
      now: nowIso(ctx),
    };
    let oid: number;
    if (!before) {
      oid = Number(
        prepared(
          ctx.db,
          `insert into opportunities (customer_id, title, amount_fen, expected_close_date, stage, probability_bp, probability_manual, rep_id,
             next_step, next_step_date, competitor, source, created_on, stage_since, created_at, updated_at)
           values (@customerId, @title, @amountFen, @expectedCloseDate, @stage, @probabilityBp, @manual, @repId,
             @nextStep, @nextStepDate, @competitor, @source, @createdOn, @createdOn, @now, @now)`,
        ).run({ ...values, stage, createdOn }).lastInsertRowid,
      );
      insertStageChange(ctx, { opportunityId: oid, fromStage: null, toStage: stage, changedOn: createdOn });
    } else {
      oid = before.id;
      prepared(
        ctx.db,
        `update opportunities set customer_id = @customerId, title = @title, amount_fen = @amountFen, expected_close_date = @expectedCloseDate,
           probability_bp = @probabilityBp, probability_manual = @manual, rep_id = @repId, next_step = @nextStep,
           next_step_date = @nextStepDate, competitor = @competitor, source = @source, updated_at = @now
         where id = @id`,
      ).run({ ...values, id: oid });
    }
    if (input.productIds) writeProducts(ctx, oid, input.productIds);
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'opportunity',
      entityId: oid,
      before: beforeDetail && snapshot(beforeDetail),
      after: snapshot(opportunityDetail(ctx, oid)),
    });
    // a new stage typed on the form of an existing one: a move dated today, under the move's rules
    if (before && input.stage !== undefined && input.stage !== before.stage) moveOpportunity(ctx, { id: oid, stage: input.stage });
    return oid;
  })();
  return opportunityDetail(ctx, id);
}

export interface MoveRequest {
  id: number;
  stage: OpportunityStage;
  date?: string;
  lostReason?: LostReason;
  lostNote?: string;
  createOrder?: boolean;
  /** the daily report visit line that moves it */
  lineId?: number;
  /** a move from elsewhere (a report line): every refusal names this field, its message starts with the label */
  from?: { field: string; label: string };
}

/** One stage change under every rule; the caller holds the transaction. Returns the draft order's id when one was made. */
export function moveOpportunity(ctx: Ctx, m: MoveRequest): number | null {
  const f = (name: string) => m.from?.field ?? name;
  const refuse = (field: string, label: string, text: string) =>
    new DomainError('VALIDATION', `${m.from ? `${m.from.label} › ` : ''}${label}：${text}`, f(field));
  const o = mustFind(ctx, m.id, f('id'));
  if (isClosedStage(o.stage)) {
    throw new DomainError('CONFLICT', `商机「${o.title}」已${stageLabels[o.stage].zh}（${o.closedOn}），不能再变更阶段`, f('stage'));
  }
  if (m.stage === o.stage) throw refuse('stage', '阶段', `商机已处于「${stageLabels[o.stage].zh}」`);
  if (m.lostReason !== undefined && m.stage !== 'lost') throw refuse('lostReason', '流失原因', '只有关闭为流失时才填写');
  if (m.lostNote && m.stage !== 'lost') throw refuse('lostNote', '流失说明', '只有关闭为流失时才填写');
  if (m.stage === 'lost' && m.lostReason === undefined) {
    throw refuse(
      'lostReason',
      '流失原因',
      `关闭为流失时必须选择（${Object.values(lostReasonLabels)
        .map((l) => l.zh)
        .join(' / ')}）`,
    );
  }
  if (m.createOrder && m.stage !== 'won') throw refuse('createOrder', '生成销售单', '只有关闭为成交时才能生成销售单');
  const today = todayLocal(ctx);
  const date = m.date ?? today;
  if (date > today) throw refuse('date', '日期', `不能晚于今天（${today}），现为 ${date}`);
  if (date < o.stageSince) throw refuse('date', '日期', `不能早于上一次阶段变更（${o.stageSince}），现为 ${date}`);
  const before = opportunityDetail(ctx, o.id);
  const closed = isClosedStage(m.stage);
  const probabilityBp = closed || o.probabilityManual !== 1 ? stageProbabilities(ctx)[m.stage] : o.probabilityBp;
  const now = nowIso(ctx);
  prepared(
    ctx.db,
    `update opportunities set stage = ?, probability_bp = ?, stage_since = ?, closed_on = ?, lost_reason = ?, lost_note = ?, updated_at = ?
     where id = ?`,
  ).run(m.stage, probabilityBp, date, closed ? date : null, m.lostReason ?? null, m.stage === 'lost' ? (m.lostNote ?? '') : '', now, o.id);
  insertStageChange(ctx, { opportunityId: o.id, fromStage: o.stage, toStage: m.stage, changedOn: date, lineId: m.lineId ?? null });
  let orderId: number | null = null;
  if (m.stage === 'won' && m.createOrder) {
    orderId = draftOrderOf(ctx, before, date, f('createOrder'));
    prepared(ctx.db, 'update opportunities set order_id = ? where id = ?').run(orderId, o.id);
  }
  recordAudit(ctx, {
    action: 'move',
    entity: 'opportunity',
    entityId: o.id,
    before: snapshot(before),
    after: snapshot(opportunityDetail(ctx, o.id)),
  });
  return orderId;
}

/** 成交 into a draft sales order: one line per product of interest at its list price, quantity 1, for the clerk to complete. */
function draftOrderOf(ctx: Ctx, o: OpportunityDetail, date: string, field: string): number {
  if (o.products.length === 0) {
    throw new DomainError('VALIDATION', '生成销售单：商机没有意向产品，无法生成销售单（请先添加意向产品，或不生成销售单）', field);
  }
  const prices = new Map(
    (
      prepared(ctx.db, 'select id, list_price_fen as p from products where id in (select value from json_each(?))').all(
        JSON.stringify(o.products.map((p) => p.id)),
      ) as Array<{ id: number; p: number }>
    ).map((r) => [r.id, r.p]),
  );
  const saved = saveOrder(
    ctx,
    contract['orders.save'].input.parse({
      customerId: o.customerId,
      repId: o.repId,
      date,
      notes: `商机「${o.title}」成交生成，商机金额 ${(o.amountFen / 100).toFixed(2)} 元；请核对数量和单价`.slice(0, 500),
      lines: o.products.map((p) => ({ productId: p.id, qty: 1, unitPriceFen: prices.get(p.id) ?? 0 })),
    }),
  );
  return saved.id;
}

export function moveOpportunityCall(ctx: Ctx, input: ParsedInput<'opportunities.move'>): Output<'opportunities.move'> {
  ctx.db.transaction(() => moveOpportunity(ctx, input))();
  return opportunityDetail(ctx, input.id);
}
