// 市场状况反映表 Market feedback: entry, a paged / sorted / filtered list, and the status flow open → handled (→ reopened).
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { MarketFeedbackRow, Output, ParsedInput } from '../../../../shared/contract';
import { count, prepared } from '../../db/sql';
import { danglingRef, DomainError, notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import {
  assertNotFuture,
  checkEditable,
  customerRef,
  handleRecord,
  handlingOf,
  haystack,
  nextDailyCode,
  reopenRecord,
  urgencyOrder,
  Where,
  type HandledTable,
} from '../complaints/handling';
import { assertDealerExists } from '../dealers/dealers';
import { assertProductExists } from '../products/products';
import { regionPathsOf } from '../regions/paths';
import { assertRegionExists } from '../regions/regions';
import { assertRepExists } from '../reps/reps';

const WHAT = '市场反映';
type ListInput = ParsedInput<'marketFeedback.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];
type SqlRow = Omit<MarketFeedbackRow, 'regionPath'>;

const from = `from market_feedback f
  left join reps r on r.id = f.rep_id
  left join products p on p.id = f.product_id
  left join dealers d on d.id = f.dealer_id
  left join customers c on c.id = f.customer_id
  left join orders o on o.id = f.order_id
  left join dealers od on od.id = o.dealer_id
  left join customers oc on oc.id = o.customer_id`;

const select = `select f.id, f.code, f.date, f.rep_id as repId, r.name as repName, f.type as feedbackType, f.urgency,
  f.title as subject, f.content, f.competitor, f.product_id as productId, p.name as productName, f.dealer_id as dealerId,
  d.name as dealerName, f.customer_id as customerId, c.name as customerName, f.region_id as regionId, f.status, f.handler,
  f.order_id as orderId, o.doc_no as orderDocNo, od.name as orderDealerName, oc.name as orderCustomerName,
  f.response, f.handled_date as handledDate, f.created_at as createdAt, f.updated_at as updatedAt
${from}`;

const sortSql: Record<SortField, string> = {
  date: 'f.date',
  code: 'f.code',
  feedbackType: 'f.type',
  urgency: urgencyOrder('f.urgency'),
  status: 'f.status',
  repName: "coalesce(r.pinyin, '')",
  customerName: "coalesce(c.name_pinyin, '')",
  handledDate: "coalesce(f.handled_date, '')",
  updatedAt: 'f.updated_at',
};

// code, subject, content, competitor, the answer, and the names (with pinyin) of the customer, dealer, product and rep
const searchText = haystack(
  'f.code',
  'f.title',
  'f.content',
  'f.competitor',
  'f.handler',
  'f.response',
  'c.search_text',
  'd.search_text',
  'p.search_text',
  'r.name',
  'r.pinyin',
  'r.initials',
);

/** WHERE clause shared by the list, its count and the Excel export of the same view. */
export function marketFeedbackWhere(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): Where {
  return new Where()
    .range('f.date', input.from, input.to)
    .eq('f.rep_id', input.repId)
    .in('f.status', input.status)
    .in('f.type', input.feedbackType)
    .in('f.urgency', input.urgency)
    .eq('f.customer_id', input.customerId)
    .eq('f.dealer_id', input.dealerId)
    .eq('f.product_id', input.productId)
    .search(searchText, input.search);
}

function withRegionPaths(ctx: Ctx, rows: SqlRow[]): MarketFeedbackRow[] {
  const paths = regionPathsOf(
    ctx,
    rows.map((r) => r.regionId),
  );
  return rows.map((r) => ({ ...r, regionPath: r.regionId === null ? [] : (paths.get(r.regionId) ?? []) }));
}

export function listMarketFeedback(ctx: Ctx, input: ListInput): Output<'marketFeedback.list'> {
  const where = marketFeedbackWhere(input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, f.id ${input.sort.order}` : 'f.date desc, f.id desc';
  // the joins matter to the count only when the search looks into the names
  const total = count(ctx.db, `select count(*) as n ${input.search?.trim() ? from : 'from market_feedback f'} ${where.sql}`, where.params);
  const rows = prepared(ctx.db, `${select} ${where.sql} order by ${order} limit ? offset ?`).all(
    ...where.params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as SqlRow[];
  return { total, rows: withRegionPaths(ctx, rows) };
}

function findRow(ctx: Ctx, id: number): MarketFeedbackRow | undefined {
  const row = prepared(ctx.db, `${select} where f.id = ?`).get(id) as SqlRow | undefined;
  return row ? withRegionPaths(ctx, [row])[0] : undefined;
}

function mustFind(ctx: Ctx, id: number): MarketFeedbackRow {
  const row = findRow(ctx, id);
  if (!row) throw notFound(WHAT, id, 'id');
  return row;
}

export function getMarketFeedback(ctx: Ctx, input: ParsedInput<'marketFeedback.get'>): Output<'marketFeedback.get'> {
  return mustFind(ctx, input.id);
}

/** What the audit log keeps: the report as entered, references by id (the log adds their names). */
function snapshot(r: MarketFeedbackRow) {
  return {
    code: r.code,
    date: r.date,
    repId: r.repId,
    feedbackType: r.feedbackType,
    urgency: r.urgency,
    subject: r.subject,
    content: r.content,
    competitor: r.competitor,
    productId: r.productId,
    dealerId: r.dealerId,
    customerId: r.customerId,
    regionId: r.regionId,
    // the linked order by its number: a posted order's number never changes
    orderDocNo: r.orderDocNo,
    ...handlingOf(r),
  };
}

/** A report may name a posted 销售单 (one since reversed stays linkable, the 窜货 happened), never a draft or a 红冲 row. */
function assertLinkableOrder(ctx: Ctx, orderId: number): void {
  const order = prepared(ctx.db, 'select doc_no as docNo, state, reversal_of_id as reversalOfId from orders where id = ?').get(orderId) as
    { docNo: string; state: string; reversalOfId: number | null } | undefined;
  if (!order) throw danglingRef('销售单', 'orderId', orderId);
  if (order.state === 'draft') throw new DomainError('CONFLICT', `销售单：${order.docNo} 尚未过账，不能关联`, 'orderId');
  if (order.reversalOfId !== null) throw new DomainError('CONFLICT', `销售单：${order.docNo} 是红冲单，请关联原销售单`, 'orderId');
}

export function saveMarketFeedback(ctx: Ctx, input: ParsedInput<'marketFeedback.save'>): Output<'marketFeedback.save'> {
  return ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : mustFind(ctx, input.id);
    if (before) checkEditable(WHAT, before);
    assertNotFuture(ctx, input.date, 'date', '日期');
    if (input.repId !== null) assertRepExists(ctx, input.repId);
    if (input.productId !== null) assertProductExists(ctx, input.productId);
    if (input.dealerId !== null) assertDealerExists(ctx, input.dealerId);
    const customer = input.customerId === null ? null : customerRef(ctx, input.customerId);
    if (input.regionId !== null) assertRegionExists(ctx, input.regionId);
    if (input.orderId !== null) assertLinkableOrder(ctx, input.orderId);
    const values = {
      date: input.date,
      repId: input.repId,
      type: input.feedbackType,
      urgency: input.urgency,
      title: input.subject,
      content: input.content,
      competitor: input.competitor,
      productId: input.productId,
      dealerId: input.dealerId,
      customerId: input.customerId,
      // where it happened: as given, else the customer's region
      regionId: input.regionId ?? customer?.regionId ?? null,
      orderId: input.orderId,
      now: nowIso(ctx),
    };
    let id: number;
    let code: string;
    if (!before) {
      code = nextDailyCode(ctx, 'market_feedback', 'FK', input.date);
      id = Number(
        prepared(
          ctx.db,
          `insert into market_feedback (code, date, rep_id, type, urgency, title, content, competitor, product_id, dealer_id,
             customer_id, region_id, order_id, status, created_at, updated_at)
           values (@code, @date, @repId, @type, @urgency, @title, @content, @competitor, @productId, @dealerId, @customerId,
             @regionId, @orderId, 'open', @now, @now)`,
        ).run({ ...values, code }).lastInsertRowid,
      );
    } else {
      ({ id, code } = before);
      prepared(
        ctx.db,
        `update market_feedback set date = @date, rep_id = @repId, type = @type, urgency = @urgency, title = @title,
           content = @content, competitor = @competitor, product_id = @productId, dealer_id = @dealerId,
           customer_id = @customerId, region_id = @regionId, order_id = @orderId, updated_at = @now
         where id = @id`,
      ).run({ ...values, id });
    }
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'marketFeedback',
      entityId: id,
      before: before && snapshot(before),
      after: snapshot(mustFind(ctx, id)),
    });
    return { id, code };
  })();
}

const flow: HandledTable<MarketFeedbackRow> = {
  table: 'market_feedback',
  entity: 'marketFeedback',
  what: WHAT,
  dateOf: (r) => r.date,
  dateLabel: '反映日期',
  find: mustFind,
};

export const handleMarketFeedback = (ctx: Ctx, input: ParsedInput<'marketFeedback.handle'>): Output<'marketFeedback.handle'> =>
  handleRecord(ctx, flow, input);

export const reopenMarketFeedback = (ctx: Ctx, input: ParsedInput<'marketFeedback.reopen'>): Output<'marketFeedback.reopen'> =>
  reopenRecord(ctx, flow, input);
