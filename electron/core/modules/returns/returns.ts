// 退货单 Sales returns against a posted order's lines: at most what is left to return (ordered − returned by posted
// returns), draft → posted. Posting credits the customer, its own order's receivable first.
// Amounts, exact and adding up: a return line takes its qty's share of the order line's amount and cost (half up), the
// one that completes a line takes exactly the rest; the return's total takes the same cumulative share of the order's
// total (so the order discount is returned pro rata), and the return that completes the order takes exactly the rest.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { ReturnDetail } from '../../../../shared/contract/returns';
import { prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { haystack, nextDailyCode, Where } from '../complaints/handling';
import { formatQtyMilli, milliToQty, mulDivRound, proRataFen, qtyToMilli } from '../orders/amounts';
import { orderForReturn, returnedOf } from '../orders/orders';
import { recomputeCustomerLifecycle } from '../customers/lifecycle';
import { allocateOwnFirst, createCredit, receivableIdOf } from '../receivables/ledger';

const WHAT = '退货单';
type SaveInput = ParsedInput<'returns.save'>;
type ListInput = ParsedInput<'returns.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];
type Row = Omit<ReturnDetail, 'lines'>;

const select = `select t.id, t.doc_no as docNo, t.order_id as orderId, o.doc_no as orderDocNo, t.customer_id as customerId,
  c.name as customerName, t.date, t.state, t.total_fen as totalFen, t.cost_fen as costFen, t.reason, t.posted_at as postedAt,
  t.posted_by_name as postedByName
from returns t join orders o on o.id = t.order_id join customers c on c.id = t.customer_id`;

function findReturn(ctx: Ctx, id: number): Row | undefined {
  return prepared(ctx.db, `${select} where t.id = ?`).get(id) as Row | undefined;
}

function mustFind(ctx: Ctx, id: number): Row {
  const row = findReturn(ctx, id);
  if (!row) throw notFound(WHAT, id, 'id');
  return row;
}

function linesOf(ctx: Ctx, id: number): ReturnDetail['lines'] {
  return (
    prepared(
      ctx.db,
      `select rl.id, rl.order_line_id as orderLineId, l.product_id as productId, p.sku, p.name as productName, p.unit,
         rl.qty_milli as qtyMilli, rl.amount_fen as amountFen, rl.cost_fen as costFen
       from return_lines rl join order_lines l on l.id = rl.order_line_id join products p on p.id = l.product_id
       where rl.return_id = ? order by l.seq, rl.id`,
    ).all(id) as Array<Omit<ReturnDetail['lines'][number], 'qty'> & { qtyMilli: number }>
  ).map(({ qtyMilli, ...l }) => ({ ...l, qty: milliToQty(qtyMilli) }));
}

export function getReturn(ctx: Ctx, input: ParsedInput<'returns.get'>): Output<'returns.get'> {
  const row = mustFind(ctx, input.id);
  return { ...row, lines: linesOf(ctx, row.id) };
}

const sortSql: Record<SortField, string> = {
  docNo: 't.doc_no',
  date: 't.date',
  customerName: 'c.name_pinyin',
  totalFen: 't.total_fen',
  state: 't.state',
};

export function listReturns(ctx: Ctx, input: ListInput): Output<'returns.list'> {
  const where = new Where()
    .range('t.date', input.from, input.to)
    .eq('t.customer_id', input.customerId)
    .eq('t.order_id', input.orderId)
    .search(haystack('lower(t.doc_no)', 'lower(o.doc_no)', 't.reason', 'c.search_text'), input.search);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, t.id ${input.sort.order}` : 't.date desc, t.id desc';
  const { n, sum } = prepared(
    ctx.db,
    `select count(*) as n, coalesce(sum(t.total_fen), 0) as sum
     from returns t join orders o on o.id = t.order_id join customers c on c.id = t.customer_id ${where.sql}`,
  ).get(...where.params) as { n: number; sum: number };
  const rows = (
    prepared(ctx.db, `${select} ${where.sql} order by ${order} limit ? offset ?`).all(
      ...where.params,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    ) as Row[]
  ).map(({ costFen: _c, postedAt: _p, postedByName: _b, ...r }) => r);
  return { total: n, sumFen: sum, rows };
}

interface Figured {
  orderLineId: number;
  qtyMilli: number;
  amountFen: number;
  costFen: number;
}

/**
 * The return's lines and total against the order as it stands (posted returns counted): every check on the lines
 * (a line of this order, once, within what is left to return) and the amounts. Throws naming the line.
 */
function figure(ctx: Ctx, orderId: number, date: string, lines: ReadonlyArray<{ orderLineId: number; qtyMilli: number }>) {
  const { order, lines: orderLines } = orderForReturn(ctx, orderId);
  if (date < order.date) throw new DomainError('VALIDATION', `日期：退货日期不能早于销售日期（${order.date}），现为 ${date}`, 'date');
  const returned = returnedOf(ctx, order.id);
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  const seen = new Set<number>();
  const figured: Figured[] = lines.map((l, i) => {
    const where = `明细 › 第${i + 1}行`;
    const ol = byId.get(l.orderLineId);
    if (!ol)
      throw new DomainError(
        'VALIDATION',
        `${where} › 销售单明细：不是销售单 ${order.docNo} 的明细（编号 ${l.orderLineId}）`,
        `lines.${i}.orderLineId`,
      );
    if (seen.has(ol.id))
      throw new DomainError('VALIDATION', `${where} › 销售单明细：同一明细出现了两次（${ol.productName}）`, `lines.${i}.orderLineId`);
    seen.add(ol.id);
    const done = returned.byLine.get(ol.id) ?? { qtyMilli: 0, amountFen: 0, costFen: 0 };
    const left = ol.qtyMilli - done.qtyMilli;
    if (l.qtyMilli > left) {
      throw new DomainError(
        'VALIDATION',
        `${where} › 数量：「${ol.productName}」退货 ${formatQtyMilli(l.qtyMilli)} 超过可退数量 ${formatQtyMilli(left)}（销售 ${formatQtyMilli(ol.qtyMilli)}，已退 ${formatQtyMilli(done.qtyMilli)}）`,
        `lines.${i}.qty`,
      );
    }
    return {
      orderLineId: ol.id,
      qtyMilli: l.qtyMilli,
      amountFen: proRataFen(ol.amountFen, ol.qtyMilli, done.qtyMilli, done.amountFen, l.qtyMilli),
      costFen: proRataFen(ol.costFen, ol.qtyMilli, done.qtyMilli, done.costFen, l.qtyMilli),
    };
  });
  const returnedBefore = [...returned.byLine.values()].reduce((s, r) => s + r.amountFen, 0);
  const returnedAfter = returnedBefore + figured.reduce((s, l) => s + l.amountFen, 0);
  const allBack = orderLines.every(
    (ol) => (returned.byLine.get(ol.id)?.qtyMilli ?? 0) + (figured.find((f) => f.orderLineId === ol.id)?.qtyMilli ?? 0) === ol.qtyMilli,
  );
  const share = allBack || order.subtotalFen === 0 ? order.totalFen : mulDivRound(returnedAfter, order.totalFen, order.subtotalFen);
  return {
    order,
    lines: figured,
    totalFen: share - returned.totalFen,
    costFen: figured.reduce((s, l) => s + l.costFen, 0),
  };
}

function writeLines(ctx: Ctx, returnId: number, lines: readonly Figured[]): void {
  prepared(ctx.db, 'delete from return_lines where return_id = ?').run(returnId);
  const insert = prepared(
    ctx.db,
    'insert into return_lines (return_id, order_line_id, qty_milli, amount_fen, cost_fen) values (?, ?, ?, ?, ?)',
  );
  for (const l of lines) insert.run(returnId, l.orderLineId, l.qtyMilli, l.amountFen, l.costFen);
}

const snapshot = (r: Row, lines: ReturnDetail['lines']) => ({
  docNo: r.docNo,
  orderDocNo: r.orderDocNo,
  customerId: r.customerId,
  date: r.date,
  state: r.state,
  totalFen: r.totalFen,
  reason: r.reason,
  lines: lines.map((l) => ({ productId: l.productId, qty: l.qty, amountFen: l.amountFen })),
});

export function saveReturn(ctx: Ctx, input: SaveInput): Output<'returns.save'> {
  return ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : mustFind(ctx, input.id);
    if (before && before.state !== 'draft') throw new DomainError('CONFLICT', '已过账的退货单不能修改', 'id');
    const beforeLines = before ? linesOf(ctx, before.id) : [];
    const f = figure(
      ctx,
      input.orderId,
      input.date,
      input.lines.map((l) => ({ orderLineId: l.orderLineId, qtyMilli: qtyToMilli(l.qty) })),
    );
    const now = nowIso(ctx);
    const docNo = before && before.date === input.date ? before.docNo : nextDailyCode(ctx, 'returns', 'TH', input.date);
    let id: number;
    if (!before) {
      id = Number(
        prepared(
          ctx.db,
          `insert into returns (doc_no, order_id, customer_id, date, state, total_fen, cost_fen, reason, created_at, updated_at)
           values (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
        ).run(docNo, f.order.id, f.order.customerId, input.date, f.totalFen, f.costFen, input.reason, now, now).lastInsertRowid,
      );
    } else {
      id = before.id;
      prepared(
        ctx.db,
        `update returns set doc_no = ?, order_id = ?, customer_id = ?, date = ?, total_fen = ?, cost_fen = ?, reason = ?, updated_at = ?
         where id = ? and state = 'draft'`,
      ).run(docNo, f.order.id, f.order.customerId, input.date, f.totalFen, f.costFen, input.reason, now, id);
    }
    writeLines(ctx, id, f.lines);
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'return',
      entityId: id,
      before: before && snapshot(before, beforeLines),
      after: snapshot(mustFind(ctx, id), linesOf(ctx, id)),
    });
    return { id, docNo };
  })();
}

export function postReturn(ctx: Ctx, input: ParsedInput<'returns.post'>): Output<'returns.post'> {
  return ctx.db.transaction(() => {
    const before = mustFind(ctx, input.id);
    if (before.state !== 'draft') throw new DomainError('CONFLICT', `退货单 ${before.docNo} 已过账，不能重复过账`, 'id');
    const draftLines = prepared(
      ctx.db,
      'select order_line_id as orderLineId, qty_milli as qtyMilli from return_lines where return_id = ? order by id',
    ).all(before.id) as Array<{ orderLineId: number; qtyMilli: number }>;
    // judged again now: another return of the same order may have been posted since this draft was saved
    const f = figure(ctx, before.orderId, before.date, draftLines);
    writeLines(ctx, before.id, f.lines);
    const now = nowIso(ctx);
    prepared(
      ctx.db,
      "update returns set state = 'posted', total_fen = ?, cost_fen = ?, posted_at = ?, posted_by_name = ?, updated_at = ? where id = ? and state = 'draft'",
    ).run(f.totalFen, f.costFen, now, ctx.operator, now, before.id);
    if (f.totalFen > 0) {
      const credit = createCredit(ctx, {
        customerId: f.order.customerId,
        sourceKind: 'return',
        sourceId: before.id,
        docNo: before.docNo,
        date: before.date,
        amountFen: f.totalFen,
      });
      allocateOwnFirst(ctx, credit, f.totalFen, receivableIdOf(ctx, 'order', f.order.id));
    }
    recordAudit(ctx, {
      action: 'post',
      entity: 'return',
      entityId: before.id,
      before: { docNo: before.docNo, state: 'draft' },
      after: { docNo: before.docNo, state: 'posted', orderDocNo: before.orderDocNo, totalFen: f.totalFen, costFen: f.costFen },
    });
    // a wholly returned order is no purchase: the customer's lifecycle by the rules again
    recomputeCustomerLifecycle(ctx, f.order.customerId);
    return { id: before.id, docNo: before.docNo };
  })();
}
