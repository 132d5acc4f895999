// 客诉 Complaints: entry, a paged / sorted / filtered list, and the status flow open → handled (→ reopened).
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { ComplaintRow, Output, ParsedInput } from '../../../../shared/contract';
import { count, prepared } from '../../db/sql';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { assertProductExists } from '../products/products';
import { assertRepExists } from '../reps/reps';
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
} from './handling';

const WHAT = '客诉';
type ListInput = ParsedInput<'complaints.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];

const from = `from complaints k
  join customers c on c.id = k.customer_id
  left join products p on p.id = k.product_id
  left join reps r on r.id = k.rep_id`;

const select = `select k.id, k.code, k.received_date as receivedDate, k.customer_id as customerId, c.name as customerName,
  k.product_id as productId, p.name as productName, k.rep_id as repId, r.name as repName, k.content, k.urgency, k.status,
  k.handler, k.response, k.handled_date as handledDate, k.created_at as createdAt, k.updated_at as updatedAt
${from}`;

const sortSql: Record<SortField, string> = {
  receivedDate: 'k.received_date',
  code: 'k.code',
  customerName: 'c.name_pinyin',
  urgency: urgencyOrder('k.urgency'),
  status: 'k.status',
  repName: "coalesce(r.pinyin, '')",
  handledDate: "coalesce(k.handled_date, '')",
  updatedAt: 'k.updated_at',
};

// code, content, the answer, and the names (with pinyin) of the customer, product and rep
const searchText = haystack(
  'k.code',
  'k.content',
  'k.handler',
  'k.response',
  'c.search_text',
  'p.search_text',
  'r.name',
  'r.pinyin',
  'r.initials',
);

/** WHERE clause shared by the list, its count and the Excel export of the same view. */
export function complaintWhere(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): Where {
  return new Where()
    .range('k.received_date', input.from, input.to)
    .eq('k.rep_id', input.repId)
    .in('k.status', input.status)
    .in('k.urgency', input.urgency)
    .eq('k.customer_id', input.customerId)
    .eq('k.product_id', input.productId)
    .search(searchText, input.search);
}

export function listComplaints(ctx: Ctx, input: ListInput): Output<'complaints.list'> {
  const where = complaintWhere(input);
  const order = input.sort
    ? `${sortSql[input.sort.field]} ${input.sort.order}, k.id ${input.sort.order}`
    : 'k.received_date desc, k.id desc';
  const total = count(ctx.db, `select count(*) as n ${input.search?.trim() ? from : 'from complaints k'} ${where.sql}`, where.params);
  const rows = prepared(ctx.db, `${select} ${where.sql} order by ${order} limit ? offset ?`).all(
    ...where.params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as ComplaintRow[];
  return { total, rows };
}

function mustFind(ctx: Ctx, id: number): ComplaintRow {
  const row = prepared(ctx.db, `${select} where k.id = ?`).get(id) as ComplaintRow | undefined;
  if (!row) throw notFound(WHAT, id, 'id');
  return row;
}

export function getComplaint(ctx: Ctx, input: ParsedInput<'complaints.get'>): Output<'complaints.get'> {
  return mustFind(ctx, input.id);
}

function snapshot(r: ComplaintRow) {
  return {
    code: r.code,
    receivedDate: r.receivedDate,
    customerId: r.customerId,
    productId: r.productId,
    repId: r.repId,
    content: r.content,
    urgency: r.urgency,
    ...handlingOf(r),
  };
}

export function saveComplaint(ctx: Ctx, input: ParsedInput<'complaints.save'>): Output<'complaints.save'> {
  return ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : mustFind(ctx, input.id);
    if (before) checkEditable(WHAT, before);
    assertNotFuture(ctx, input.receivedDate, 'receivedDate', '受理日期');
    const customer = customerRef(ctx, input.customerId);
    if (input.productId !== null) assertProductExists(ctx, input.productId);
    if (input.repId !== null && input.repId !== undefined) assertRepExists(ctx, input.repId);
    const values = {
      receivedDate: input.receivedDate,
      customerId: input.customerId,
      productId: input.productId,
      // left out: the rep who looks after the customer
      repId: input.repId === undefined ? customer.repId : input.repId,
      content: input.content,
      urgency: input.urgency,
      now: nowIso(ctx),
    };
    let id: number;
    let code: string;
    if (!before) {
      code = nextDailyCode(ctx, 'complaints', 'KS', input.receivedDate);
      id = Number(
        prepared(
          ctx.db,
          `insert into complaints (code, received_date, customer_id, product_id, rep_id, content, urgency, status, created_at, updated_at)
           values (@code, @receivedDate, @customerId, @productId, @repId, @content, @urgency, 'open', @now, @now)`,
        ).run({ ...values, code }).lastInsertRowid,
      );
    } else {
      ({ id, code } = before);
      prepared(
        ctx.db,
        `update complaints set received_date = @receivedDate, customer_id = @customerId, product_id = @productId, rep_id = @repId,
           content = @content, urgency = @urgency, updated_at = @now
         where id = @id`,
      ).run({ ...values, id });
    }
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'complaint',
      entityId: id,
      before: before && snapshot(before),
      after: snapshot(mustFind(ctx, id)),
    });
    return { id, code };
  })();
}

const flow: HandledTable<ComplaintRow> = {
  table: 'complaints',
  entity: 'complaint',
  what: WHAT,
  dateOf: (r) => r.receivedDate,
  dateLabel: '受理日期',
  find: mustFind,
};

export const handleComplaint = (ctx: Ctx, input: ParsedInput<'complaints.handle'>): Output<'complaints.handle'> =>
  handleRecord(ctx, flow, input);

export const reopenComplaint = (ctx: Ctx, input: ParsedInput<'complaints.reopen'>): Output<'complaints.reopen'> =>
  reopenRecord(ctx, flow, input);
