// 销售单 Sales orders: drafts saved and deleted freely; posting judges credit control and floor prices as of the order's
// date, freezes the cost, flags 窜货 and writes the receivable (which takes the customer's prepayments) in one
// transaction; a posted order is never edited: a 红冲 reversal is a new order row with the negated figures.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { OrderDetail, OrderRow, Output, ParsedInput } from '../../../../shared/contract';
import type { CreditCheck } from '../../../../shared/contract/orders';
import { formatFen } from '../../../../shared/money';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef, notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { haystack, nextDailyCode, Where } from '../complaints/handling';
import { orderDrillWhere } from '../analytics/drillFilters';
import { addDays } from '../dailyForms/forms';
import { checkSecret, findOperatorByName } from '../operators/operators';
import {
  allocateOwnFirst,
  createCredit,
  createReceivable,
  customerBalanceAt,
  receivableIdOf,
  unpaidItemsAt,
  useFreeCredits,
} from '../receivables/ledger';
import { moneySettings } from '../settings/settings';
import { recomputeCustomerLifecycle } from '../customers/lifecycle';
import { extendFen, MAX_FEN, milliToQty, qtyToMilli } from './amounts';

const WHAT = '销售单';
const POSTED_MESSAGE = '已过账的销售单不能修改，请红冲后重新录入';

type SaveInput = ParsedInput<'orders.save'>;
type ListInput = ParsedInput<'orders.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];
type State = OrderDetail['state'];

interface OrderSqlRow extends Omit<OrderDetail, 'lines' | 'credit' | 'returns' | 'crossTerritory' | 'grossProfitFen'> {
  crossTerritory: number;
}

const detailSelect = `select o.id, o.doc_no as docNo, o.customer_id as customerId, c.code as customerCode, c.name as customerName,
  o.dealer_id as dealerId, d.name as dealerName, o.rep_id as repId, r.name as repName, o.date, o.settlement, o.due_date as dueDate,
  o.discount_fen as discountFen, o.subtotal_fen as subtotalFen, o.total_fen as totalFen, o.cost_fen as costFen, o.state,
  o.reversal_of_id as reversalOfId, o.reversed_by_id as reversedById, o.reverse_reason as reverseReason,
  o.cross_territory as crossTerritory, o.override_reason as overrideReason, o.override_by_name as overrideByName,
  o.posted_at as postedAt, o.posted_by_name as postedByName, o.notes, o.created_at as createdAt, o.updated_at as updatedAt
from orders o join customers c on c.id = o.customer_id left join dealers d on d.id = o.dealer_id left join reps r on r.id = o.rep_id`;

interface LineSqlRow {
  id: number;
  seq: number;
  productId: number;
  sku: string;
  productName: string;
  spec: string;
  unit: string;
  qtyMilli: number;
  unitPriceFen: number;
  discountFen: number;
  amountFen: number;
  unitCostFen: number;
  costFen: number;
  belowFloor: number;
  floorPriceFen: number;
  returnedMilli: number;
}

const linesSql = `select l.id, l.seq, l.product_id as productId, p.sku, p.name as productName, p.spec, p.unit, l.qty_milli as qtyMilli,
  l.unit_price_fen as unitPriceFen, l.discount_fen as discountFen, l.amount_fen as amountFen, l.unit_cost_fen as unitCostFen,
  l.cost_fen as costFen, l.below_floor as belowFloor, p.floor_price_fen as floorPriceFen,
  coalesce((select sum(rl.qty_milli) from return_lines rl join returns t on t.id = rl.return_id
            where rl.order_line_id = l.id and t.state = 'posted'), 0) as returnedMilli
from order_lines l join products p on p.id = l.product_id where l.order_id = ? order by l.seq`;

function findOrder(ctx: Ctx, id: number): OrderSqlRow | undefined {
  return prepared(ctx.db, `${detailSelect} where o.id = ?`).get(id) as OrderSqlRow | undefined;
}

function mustFindOrder(ctx: Ctx, id: number, field = 'id'): OrderSqlRow {
  const row = findOrder(ctx, id);
  if (!row) throw notFound(WHAT, id, field);
  return row;
}

function orderLines(ctx: Ctx, id: number): LineSqlRow[] {
  return prepared(ctx.db, linesSql).all(id) as LineSqlRow[];
}

export function getOrder(ctx: Ctx, input: ParsedInput<'orders.get'>): Output<'orders.get'> {
  const row = mustFindOrder(ctx, input.id);
  const lines = orderLines(ctx, row.id).map((l) => ({
    id: l.id,
    seq: l.seq,
    productId: l.productId,
    sku: l.sku,
    productName: l.productName,
    spec: l.spec,
    unit: l.unit,
    qty: milliToQty(l.qtyMilli),
    unitPriceFen: l.unitPriceFen,
    discountFen: l.discountFen,
    amountFen: l.amountFen,
    unitCostFen: l.unitCostFen,
    costFen: l.costFen,
    belowFloor: l.belowFloor === 1,
    floorPriceFen: l.floorPriceFen,
    returnedQty: milliToQty(l.returnedMilli),
  }));
  const returns = prepared(
    ctx.db,
    'select id, doc_no as docNo, date, state, total_fen as totalFen from returns where order_id = ? order by date, id',
  ).all(row.id) as OrderDetail['returns'];
  return {
    ...row,
    crossTerritory: row.crossTerritory === 1,
    grossProfitFen: row.totalFen - row.costFen,
    lines,
    credit: row.reversalOfId === null ? creditFigures(ctx, row) : null,
    returns,
  };
}

const sortSql: Record<SortField, string> = {
  docNo: 'o.doc_no',
  date: 'o.date',
  customerName: 'c.name_pinyin',
  dealerName: "coalesce(d.name_pinyin, '')",
  repName: "coalesce(r.pinyin, '')",
  dueDate: 'o.due_date',
  totalFen: 'o.total_fen',
  grossProfitFen: '(o.total_fen - o.cost_fen)',
  state: 'o.state',
};

const listFrom = `from orders o join customers c on c.id = o.customer_id left join dealers d on d.id = o.dealer_id
  left join reps r on r.id = o.rep_id`;

const listSelect = `select o.id, o.doc_no as docNo, o.date, o.customer_id as customerId, c.code as customerCode, c.name as customerName,
  d.name as dealerName, r.name as repName, o.settlement, o.due_date as dueDate, o.total_fen as totalFen,
  o.total_fen - o.cost_fen as grossProfitFen, o.state, o.reversal_of_id as reversalOfId, o.cross_territory as crossTerritory,
  (select count(*) from order_lines l where l.order_id = o.id) as lineCount
${listFrom}`;

/** WHERE clause shared by the list, its count and sum (and an export of the same view). */
export function orderWhere(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): Where {
  const where = new Where()
    .range('o.date', input.from, input.to)
    .eq('o.customer_id', input.customerId)
    .eq('o.dealer_id', input.dealerId)
    .eq('o.rep_id', input.repId)
    .in('o.state', input.state)
    .eq('o.cross_territory', input.crossTerritory === undefined ? undefined : input.crossTerritory ? 1 : 0);
  orderDrillWhere(where, input);
  // the document number, and the customer's name, code, phone, pinyin and initials (customers.search_text)
  return where.search(haystack('lower(o.doc_no)', 'c.search_text'), input.search);
}

export function listOrders(ctx: Ctx, input: ListInput): Output<'orders.list'> {
  const where = orderWhere(input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, o.id ${input.sort.order}` : 'o.date desc, o.id desc';
  const searching = Boolean(input.search?.trim());
  const { n, sum } = prepared(
    ctx.db,
    `select count(*) as n, coalesce(sum(o.total_fen), 0) as sum ${searching ? 'from orders o join customers c on c.id = o.customer_id' : 'from orders o'} ${where.sql}`,
  ).get(...where.params) as { n: number; sum: number };
  const rows = (
    prepared(ctx.db, `${listSelect} ${where.sql} order by ${order} limit ? offset ?`).all(
      ...where.params,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    ) as Array<Omit<OrderRow, 'crossTerritory'> & { crossTerritory: number }>
  ).map((r) => ({ ...r, crossTerritory: r.crossTerritory === 1 }));
  return { total: n, sumFen: sum, rows };
}

// ---------------------------------------------------------------------------------------------------------------- save

interface CustomerTerms {
  id: number;
  name: string;
  archived: number;
  regionId: number | null;
  repId: number | null;
  dealerId: number | null;
  paymentTermDays: number;
  creditLimitFen: number;
}

function customerTerms(ctx: Ctx, id: number, field = 'customerId'): CustomerTerms {
  const row = prepared(
    ctx.db,
    `select id, name, archived, region_id as regionId, rep_id as repId, dealer_id as dealerId, payment_term_days as paymentTermDays,
       credit_limit_fen as creditLimitFen from customers where id = ?`,
  ).get(id) as CustomerTerms | undefined;
  if (!row) throw danglingRef('客户', field, id);
  return row;
}

function assertCustomerActive(c: CustomerTerms): void {
  if (c.archived === 1) throw new DomainError('VALIDATION', `客户：「${c.name}」已归档，不能开销售单`, 'customerId');
}

interface ProductFacts {
  id: number;
  name: string;
  active: number;
  costFen: number;
  floorPriceFen: number;
}

/** The products of the lines, read in one query. */
function productsOf(ctx: Ctx, ids: readonly number[]): Map<number, ProductFacts> {
  const rows = prepared(
    ctx.db,
    `select id, name, active, cost_fen as costFen, floor_price_fen as floorPriceFen from products
     where id in (select value from json_each(?))`,
  ).all(JSON.stringify([...new Set(ids)])) as ProductFacts[];
  return new Map(rows.map((p) => [p.id, p]));
}

function assertProductsUsable(products: Map<number, ProductFacts>, productIds: readonly number[]): void {
  productIds.forEach((id, i) => {
    const p = products.get(id);
    if (!p) throw new DomainError('REFERENCE', `明细 › 第${i + 1}行 › 产品：引用的记录不存在（编号 ${id}）`, `lines.${i}.productId`);
    if (p.active !== 1)
      throw new DomainError('VALIDATION', `明细 › 第${i + 1}行 › 产品：「${p.name}」已停用，不能销售`, `lines.${i}.productId`);
  });
}

/** A line priced (after its discount) below the product's floor price; a floor of 0 sets no floor. */
const belowFloor = (qtyMilli: number, amountFen: number, floorFen: number) => floorFen > 0 && amountFen < extendFen(qtyMilli, floorFen);

interface LineFigures {
  productId: number;
  qtyMilli: number;
  unitPriceFen: number;
  discountFen: number;
  amountFen: number;
  unitCostFen: number;
  costFen: number;
  belowFloor: number;
}

/** Each line's amount (qty × price half up − discount) and cost at the product's cost now, with the checks on them. */
function lineFigures(lines: SaveInput['lines'], products: Map<number, ProductFacts>): LineFigures[] {
  return lines.map((l, i) => {
    const qtyMilli = qtyToMilli(l.qty);
    const gross = extendFen(qtyMilli, l.unitPriceFen);
    if (gross > MAX_FEN) {
      throw new DomainError(
        'VALIDATION',
        `明细 › 第${i + 1}行 › 数量：金额过大（超过 ${formatFen(MAX_FEN, { sign: true })}）`,
        `lines.${i}.qty`,
      );
    }
    if (l.discountFen > gross) {
      throw new DomainError(
        'VALIDATION',
        `明细 › 第${i + 1}行 › 折扣：不能超过本行金额 ${formatFen(gross, { sign: true })}，现为 ${formatFen(l.discountFen, { sign: true })}`,
        `lines.${i}.discountFen`,
      );
    }
    const p = products.get(l.productId)!;
    const amountFen = gross - l.discountFen;
    return {
      productId: l.productId,
      qtyMilli,
      unitPriceFen: l.unitPriceFen,
      discountFen: l.discountFen,
      amountFen,
      unitCostFen: p.costFen,
      costFen: extendFen(qtyMilli, p.costFen),
      belowFloor: belowFloor(qtyMilli, amountFen, p.floorPriceFen) ? 1 : 0,
    };
  });
}

function assertRef(ctx: Ctx, table: 'dealers' | 'reps', id: number, label: string, field: string): void {
  if (!prepared(ctx.db, `select 1 from ${table} where id = ?`).get(id)) throw danglingRef(label, field, id);
}

/** What the audit log keeps of an order: as entered, references by id (the log adds their names). */
function snapshot(o: OrderSqlRow, lines: LineSqlRow[]) {
  return {
    docNo: o.docNo,
    customerId: o.customerId,
    dealerId: o.dealerId,
    repId: o.repId,
    date: o.date,
    settlement: o.settlement,
    dueDate: o.dueDate,
    discountFen: o.discountFen,
    totalFen: o.totalFen,
    state: o.state,
    notes: o.notes,
    lines: lines.map((l) => ({
      productId: l.productId,
      qty: milliToQty(l.qtyMilli),
      unitPriceFen: l.unitPriceFen,
      discountFen: l.discountFen,
      amountFen: l.amountFen,
    })),
  };
}

function insertLines(ctx: Ctx, orderId: number, lines: readonly LineFigures[]): void {
  const insert = prepared(
    ctx.db,
    `insert into order_lines (order_id, seq, product_id, qty_milli, unit_price_fen, discount_fen, amount_fen, unit_cost_fen, cost_fen, below_floor)
     values (@orderId, @seq, @productId, @qtyMilli, @unitPriceFen, @discountFen, @amountFen, @unitCostFen, @costFen, @belowFloor)`,
  );
  lines.forEach((l, i) => insert.run({ ...l, orderId, seq: i + 1 }));
}

export function saveOrder(ctx: Ctx, input: SaveInput): Output<'orders.save'> {
  return ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : mustFindOrder(ctx, input.id);
    if (before && before.state !== 'draft') throw new DomainError('CONFLICT', POSTED_MESSAGE, 'id');
    const beforeLines = before ? orderLines(ctx, before.id) : [];
    const customer = customerTerms(ctx, input.customerId);
    assertCustomerActive(customer);
    // omitted: the customer's serving dealer and rep; null: none
    const dealerId = input.dealerId === undefined ? customer.dealerId : input.dealerId;
    const repId = input.repId === undefined ? customer.repId : input.repId;
    if (dealerId !== null) assertRef(ctx, 'dealers', dealerId, '经销商', 'dealerId');
    if (repId !== null) assertRef(ctx, 'reps', repId, '业务员', 'repId');
    const settlement = input.settlement ?? (customer.paymentTermDays === 0 ? 'cash' : 'credit');
    const dueDate = input.dueDate ?? (settlement === 'cash' ? input.date : addDays(input.date, customer.paymentTermDays));
    if (dueDate < input.date) {
      throw new DomainError('VALIDATION', `到期日期：不能早于单据日期（${input.date}），现为 ${dueDate}`, 'dueDate');
    }
    const products = productsOf(
      ctx,
      input.lines.map((l) => l.productId),
    );
    assertProductsUsable(
      products,
      input.lines.map((l) => l.productId),
    );
    const lines = lineFigures(input.lines, products);
    const subtotalFen = lines.reduce((s, l) => s + l.amountFen, 0);
    if (input.discountFen > subtotalFen) {
      throw new DomainError(
        'VALIDATION',
        `整单折扣：不能超过明细合计 ${formatFen(subtotalFen, { sign: true })}，现为 ${formatFen(input.discountFen, { sign: true })}`,
        'discountFen',
      );
    }
    const totalFen = subtotalFen - input.discountFen;
    if (totalFen > MAX_FEN)
      throw new DomainError('VALIDATION', `明细：合计金额过大（超过 ${formatFen(MAX_FEN, { sign: true })}）`, 'lines');
    const now = nowIso(ctx);
    // a draft keeps its number unless its date moves to another day (the number carries the day)
    const docNo = before && before.date === input.date ? before.docNo : nextDailyCode(ctx, 'orders', 'XS', input.date);
    const values = {
      docNo,
      customerId: customer.id,
      dealerId,
      repId,
      date: input.date,
      settlement,
      dueDate,
      discountFen: input.discountFen,
      subtotalFen,
      totalFen,
      costFen: lines.reduce((s, l) => s + l.costFen, 0),
      notes: input.notes,
      now,
    };
    let id: number;
    if (!before) {
      id = Number(
        prepared(
          ctx.db,
          `insert into orders (doc_no, customer_id, dealer_id, rep_id, date, settlement, due_date, discount_fen, subtotal_fen, total_fen, cost_fen,
             state, notes, created_at, updated_at)
           values (@docNo, @customerId, @dealerId, @repId, @date, @settlement, @dueDate, @discountFen, @subtotalFen, @totalFen, @costFen,
             'draft', @notes, @now, @now)`,
        ).run(values).lastInsertRowid,
      );
    } else {
      id = before.id;
      prepared(
        ctx.db,
        `update orders set doc_no = @docNo, customer_id = @customerId, dealer_id = @dealerId, rep_id = @repId, date = @date,
           settlement = @settlement, due_date = @dueDate, discount_fen = @discountFen, subtotal_fen = @subtotalFen, total_fen = @totalFen,
           cost_fen = @costFen, notes = @notes, updated_at = @now
         where id = @id and state = 'draft'`,
      ).run({ ...values, id });
      prepared(ctx.db, 'delete from order_lines where order_id = ?').run(id);
    }
    insertLines(ctx, id, lines);
    const after = mustFindOrder(ctx, id);
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'order',
      entityId: id,
      before: before && snapshot(before, beforeLines),
      after: snapshot(after, orderLines(ctx, id)),
    });
    return { id, docNo };
  })();
}

export function deleteOrder(ctx: Ctx, input: ParsedInput<'orders.delete'>): Output<'orders.delete'> {
  return ctx.db.transaction(() => {
    const before = mustFindOrder(ctx, input.id);
    if (before.state !== 'draft') throw new DomainError('CONFLICT', '已过账的销售单不能删除，请红冲', 'id');
    if (prepared(ctx.db, 'select 1 from returns where order_id = ? limit 1').get(input.id)) {
      throw new DomainError('CONFLICT', '该销售单已有退货单，不能删除', 'id');
    }
    const lines = orderLines(ctx, input.id);
    prepared(ctx.db, 'delete from order_lines where order_id = ?').run(input.id);
    prepared(ctx.db, "delete from orders where id = ? and state = 'draft'").run(input.id);
    recordAudit(ctx, { action: 'delete', entity: 'order', entityId: input.id, before: snapshot(before, lines) });
    return { id: input.id };
  })();
}

// ------------------------------------------------------------------------------------------------------- credit control

/**
 * The customer's credit position as of the order's date, this order counted in: the balance before it (its own
 * receivable left out once posted), the balance after, and what is overdue by more than the setting's days.
 * A credit limit of 0 means no limit has been set: it is not checked.
 */
function creditFigures(ctx: Ctx, o: Pick<OrderSqlRow, 'id' | 'customerId' | 'date' | 'totalFen' | 'state'>): CreditCheck {
  const settings = moneySettings(ctx);
  const limit = (prepared(ctx.db, 'select credit_limit_fen as v from customers where id = ?').get(o.customerId) as { v: number }).v;
  let balance = customerBalanceAt(ctx, o.customerId, o.date);
  const own = o.state === 'draft' ? null : receivableIdOf(ctx, 'order', o.id);
  if (own !== null) balance -= o.totalFen;
  const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const today = dayOf(o.date);
  let overdueFen = 0;
  let maxOverdueDays = 0;
  for (const item of unpaidItemsAt(ctx, o.customerId, o.date)) {
    if (item.id === own) continue;
    const days = today - dayOf(item.dueDate);
    if (days > maxOverdueDays) maxOverdueDays = days;
    if (days > settings.overdueDays) overdueFen += item.unpaidFen;
  }
  const afterFen = balance + o.totalFen;
  return {
    mode: settings.creditControlMode,
    creditLimitFen: limit,
    balanceFen: balance,
    afterFen,
    overdueFen,
    overdueDaysLimit: settings.overdueDays,
    maxOverdueDays,
    overLimit: limit > 0 && afterFen > limit,
    overdue: overdueFen > 0,
  };
}

/** The reasons an order needs a manager's override, in Chinese; empty when it may post as it is. */
function overrideReasons(credit: CreditCheck, lines: LineSqlRow[], floors: Map<number, ProductFacts>): string[] {
  const reasons: string[] = [];
  if (credit.mode === 'block' && credit.overLimit) {
    reasons.push(
      `过账后余额 ${formatFen(credit.afterFen, { sign: true })} 超过信用额度 ${formatFen(credit.creditLimitFen, { sign: true })}` +
        `（当前余额 ${formatFen(credit.balanceFen, { sign: true })}）`,
    );
  }
  if (credit.mode === 'block' && credit.overdue) {
    reasons.push(
      `有逾期超过 ${credit.overdueDaysLimit} 天的应收 ${formatFen(credit.overdueFen, { sign: true })}（最长逾期 ${credit.maxOverdueDays} 天）`,
    );
  }
  lines.forEach((l, i) => {
    const floor = floors.get(l.productId)?.floorPriceFen ?? 0;
    if (belowFloor(l.qtyMilli, l.amountFen, floor)) {
      reasons.push(`第${i + 1}行「${l.productName}」售价低于最低售价 ${formatFen(floor, { sign: true })}`);
    }
  });
  return reasons;
}

/** Who authorises an override: the signed-in manager, or a manager's name and password typed on this session. */
function overrideAuthority(ctx: Ctx, override: ParsedInput<'orders.post'>['override']): string | null {
  if (!override) return null;
  if (override.managerName !== undefined || override.managerPassword !== undefined) {
    const name = override.managerName ?? '';
    const manager = name ? findOperatorByName(ctx, name) : undefined;
    if (!manager || manager.active !== 1 || manager.role !== 'manager') {
      throw new DomainError('VALIDATION', `经理用户名：没有名为「${name}」的在职经理`, 'override.managerName');
    }
    // a wrong password counts toward the manager's lockout, as at sign-in (called outside the posting's transaction)
    checkSecret(ctx, manager.id, override.managerPassword ?? '', 'password', 'override.managerPassword', '经理密码');
    return prepared(ctx.db, 'select name from operators where id = ?').pluck().get(manager.id) as string;
  }
  return ctx.actor?.role === 'manager' ? ctx.actor.name : null;
}

// --------------------------------------------------------------------------------------------------------------- post

/** 窜货: the channel dealer's territories (each covering its sub-regions) do not include the customer's region. */
function isCrossTerritory(ctx: Ctx, dealerId: number | null, regionId: number | null): boolean {
  // a dealer without a territory on file, or a customer without a region, cannot be judged
  if (dealerId === null || regionId === null) return false;
  const row = prepared(
    ctx.db,
    `select count(*) as territories,
       coalesce(sum((select q.path from regions q where q.id = @regionId) like tr.path || '%'), 0) as covering
     from dealer_territories dt join regions tr on tr.id = dt.region_id where dt.dealer_id = @dealerId`,
  ).get({ dealerId, regionId }) as { territories: number; covering: number };
  return row.territories > 0 && row.covering === 0;
}

export function postOrder(ctx: Ctx, input: ParsedInput<'orders.post'>): Output<'orders.post'> {
  // the manager's password is checked first, outside the transaction: a wrong one must leave its count behind
  const authorisedBy = overrideAuthority(ctx, input.override);
  return ctx.db.transaction(() => {
    const order = mustFindOrder(ctx, input.id);
    if (order.state !== 'draft') throw new DomainError('CONFLICT', `销售单 ${order.docNo} 已过账，不能重复过账`, 'id');
    const customer = customerTerms(ctx, order.customerId);
    assertCustomerActive(customer);
    const lines = orderLines(ctx, order.id);
    const products = productsOf(
      ctx,
      lines.map((l) => l.productId),
    );
    assertProductsUsable(
      products,
      lines.map((l) => l.productId),
    );
    const credit = creditFigures(ctx, order);
    const reasons = overrideReasons(credit, lines, products);
    let override: { reason: string; by: string } | null = null;
    if (reasons.length > 0) {
      if (!input.override || authorisedBy === null) {
        throw new DomainError(
          'OVERRIDE_REQUIRED',
          `需要经理授权才能过账：${reasons.join('；')}。请经理填写原因后过账`,
          input.override ? 'override.managerName' : 'override',
          `A manager's override with a reason is needed to post: ${reasons.length} issue(s)`,
        );
      }
      override = { reason: input.override.reason, by: authorisedBy };
    }
    // cost frozen now, at the products' cost of the moment of posting
    const updateLine = prepared(ctx.db, 'update order_lines set unit_cost_fen = ?, cost_fen = ?, below_floor = ? where id = ?');
    let costFen = 0;
    for (const l of lines) {
      const p = products.get(l.productId)!;
      const lineCost = extendFen(l.qtyMilli, p.costFen);
      costFen += lineCost;
      updateLine.run(p.costFen, lineCost, belowFloor(l.qtyMilli, l.amountFen, p.floorPriceFen) ? 1 : 0, l.id);
    }
    const crossTerritory = isCrossTerritory(ctx, order.dealerId, customer.regionId);
    const now = nowIso(ctx);
    prepared(
      ctx.db,
      `update orders set state = 'posted', cost_fen = ?, cross_territory = ?, override_reason = ?, override_by_name = ?, posted_at = ?,
         posted_by_name = ?, updated_at = ? where id = ? and state = 'draft'`,
    ).run(costFen, crossTerritory ? 1 : 0, override?.reason ?? null, override?.by ?? null, now, ctx.operator, now, order.id);
    if (order.totalFen > 0) {
      const receivableId = createReceivable(ctx, {
        customerId: order.customerId,
        sourceKind: 'order',
        sourceId: order.id,
        docNo: order.docNo,
        date: order.date,
        dueDate: order.dueDate,
        amountFen: order.totalFen,
        repId: order.repId,
        dealerId: order.dealerId,
      });
      useFreeCredits(ctx, receivableId);
    }
    recordAudit(ctx, {
      action: 'post',
      entity: 'order',
      entityId: order.id,
      before: { docNo: order.docNo, state: 'draft' },
      after: {
        docNo: order.docNo,
        state: 'posted',
        customerId: order.customerId,
        totalFen: order.totalFen,
        costFen,
        crossTerritory,
        creditLimitFen: credit.creditLimitFen,
        balanceFen: credit.balanceFen,
        afterFen: credit.afterFen,
        overdueFen: credit.overdueFen,
      },
    });
    if (override) {
      recordAudit(ctx, {
        action: 'override',
        entity: 'order',
        entityId: order.id,
        after: { docNo: order.docNo, reason: override.reason, overrideBy: override.by, issues: reasons },
      });
    }
    recomputeCustomerLifecycle(ctx, order.customerId); // 首次购买 / 重复购买 / 忠诚 by the rules, in this transaction
    return { id: order.id, docNo: order.docNo, state: 'posted' as State, crossTerritory, credit };
  })();
}

// ------------------------------------------------------------------------------------------------------------ reverse

/** What posted returns took off each line of an order (qty, amount, cost) and in total. */
export function returnedOf(
  ctx: Ctx,
  orderId: number,
): { byLine: Map<number, { qtyMilli: number; amountFen: number; costFen: number }>; totalFen: number } {
  const rows = prepared(
    ctx.db,
    `select rl.order_line_id as lineId, sum(rl.qty_milli) as qtyMilli, sum(rl.amount_fen) as amountFen, sum(rl.cost_fen) as costFen
     from return_lines rl join returns t on t.id = rl.return_id where t.order_id = ? and t.state = 'posted' group by rl.order_line_id`,
  ).all(orderId) as Array<{ lineId: number; qtyMilli: number; amountFen: number; costFen: number }>;
  const total = prepared(ctx.db, "select coalesce(sum(total_fen), 0) as v from returns where order_id = ? and state = 'posted'").get(
    orderId,
  ) as {
    v: number;
  };
  return { byLine: new Map(rows.map((r) => [r.lineId, r])), totalFen: total.v };
}

/**
 * 红冲: a new order row (own number, dated the reversal date) with the original's lines negated, and the original
 * marked reversed. With posted returns, it reverses only what was not returned: each line's remaining qty, amount and
 * cost, and the total less the returns' totals; that remainder is credited to the customer (own receivable first).
 */
export function reverseOrder(ctx: Ctx, input: ParsedInput<'orders.reverse'>): Output<'orders.reverse'> {
  return ctx.db.transaction(() => {
    const order = mustFindOrder(ctx, input.id);
    if (order.reversalOfId !== null) throw new DomainError('CONFLICT', `${order.docNo} 是红冲单，不能再红冲`, 'id');
    if (order.state === 'draft') throw new DomainError('CONFLICT', `销售单 ${order.docNo} 尚未过账，不需要红冲，可直接删除`, 'id');
    if (order.state === 'reversed') throw new DomainError('CONFLICT', `销售单 ${order.docNo} 已红冲，不能重复红冲`, 'id');
    const date = input.date ?? todayLocal(ctx);
    if (date < order.date) throw new DomainError('VALIDATION', `红冲日期：不能早于原单日期（${order.date}），现为 ${date}`, 'date');
    const returned = returnedOf(ctx, order.id);
    const lines = orderLines(ctx, order.id)
      .map((l) => {
        const r = returned.byLine.get(l.id);
        return {
          productId: l.productId,
          qtyMilli: -(l.qtyMilli - (r?.qtyMilli ?? 0)),
          unitPriceFen: l.unitPriceFen,
          discountFen: l.discountFen,
          amountFen: -(l.amountFen - (r?.amountFen ?? 0)),
          unitCostFen: l.unitCostFen,
          costFen: -(l.costFen - (r?.costFen ?? 0)),
          belowFloor: l.belowFloor,
        };
      })
      .filter((l) => l.qtyMilli !== 0);
    if (lines.length === 0) throw new DomainError('CONFLICT', `销售单 ${order.docNo} 已全部退货，不需要红冲`, 'id');
    const remainingFen = order.totalFen - returned.totalFen;
    const subtotalFen = lines.reduce((s, l) => s + l.amountFen, 0);
    const now = nowIso(ctx);
    const docNo = nextDailyCode(ctx, 'orders', 'XS', date);
    // on a reversal row everything is negated: total = subtotal + the (positive) discount left unreturned
    const reversalId = Number(
      prepared(
        ctx.db,
        `insert into orders (doc_no, customer_id, dealer_id, rep_id, date, settlement, due_date, discount_fen, subtotal_fen, total_fen, cost_fen,
           state, reversal_of_id, reverse_reason, notes, created_at, updated_at)
         values (@docNo, @customerId, @dealerId, @repId, @date, @settlement, @date, @discountFen, @subtotalFen, @totalFen, @costFen,
           'draft', @reversalOfId, @reason, '', @now, @now)`,
      ).run({
        docNo,
        customerId: order.customerId,
        dealerId: order.dealerId,
        repId: order.repId,
        date,
        settlement: order.settlement,
        discountFen: -remainingFen - subtotalFen,
        subtotalFen,
        totalFen: -remainingFen,
        costFen: lines.reduce((s, l) => s + l.costFen, 0),
        reversalOfId: order.id,
        reason: input.reason,
        now,
      }).lastInsertRowid,
    );
    insertLines(ctx, reversalId, lines);
    prepared(ctx.db, "update orders set state = 'posted', posted_at = ?, posted_by_name = ? where id = ? and state = 'draft'").run(
      now,
      ctx.operator,
      reversalId,
    );
    prepared(ctx.db, "update orders set state = 'reversed', reversed_by_id = ?, reverse_reason = ?, updated_at = ? where id = ?").run(
      reversalId,
      input.reason,
      now,
      order.id,
    );
    if (remainingFen > 0) {
      const credit = createCredit(ctx, {
        customerId: order.customerId,
        sourceKind: 'order_reversal',
        sourceId: reversalId,
        docNo,
        date,
        amountFen: remainingFen,
      });
      allocateOwnFirst(ctx, credit, remainingFen, receivableIdOf(ctx, 'order', order.id));
    }
    recordAudit(ctx, {
      action: 'reverse',
      entity: 'order',
      entityId: order.id,
      before: { docNo: order.docNo, state: 'posted' },
      after: { docNo: order.docNo, state: 'reversed', reversalDocNo: docNo, date, reason: input.reason, creditedFen: remainingFen },
    });
    recomputeCustomerLifecycle(ctx, order.customerId); // a reversed order is no purchase
    return { id: reversalId, docNo };
  })();
}

/** Used by the returns module: a posted, not reversed, original order and its lines. */
export function orderForReturn(ctx: Ctx, orderId: number, field = 'orderId'): { order: OrderSqlRow; lines: LineSqlRow[] } {
  const order = findOrder(ctx, orderId);
  if (!order) throw danglingRef('销售单', field, orderId);
  if (order.reversalOfId !== null) throw new DomainError('CONFLICT', `${order.docNo} 是红冲单，不能退货`, field);
  if (order.state === 'draft') throw new DomainError('CONFLICT', `销售单 ${order.docNo} 尚未过账，不能退货`, field);
  if (order.state === 'reversed') throw new DomainError('CONFLICT', `销售单 ${order.docNo} 已红冲，不能退货`, field);
  return { order, lines: orderLines(ctx, orderId) };
}
