// Money documents from Excel (issue 8 §4), through the money modules' own save and post functions, so the ledger is
// exactly what typing them in would make, all in the import's one transaction:
//   期初应收 opening balances — one row each (customer by code or name, original date, due date, amount, source no);
//   销售单 orders — one row per line, grouped by the file's order number; each order is saved and posted once the
//     whole file is read (a refused order marks all its rows, or the one line at fault);
//   回款 collections — one row each, allocated oldest due first.
// Documents are always new (there is nothing to update); a document already imported (same source no / order no /
// reference) is refused, so importing the same file twice does not count money twice.
import { z } from 'zod';
import type { Ctx } from '../../../context';
import { contract, type ParsedInput } from '../../../../../shared/contract';
import { dateSchema, fenSchema, idSchema, requiredText } from '../../../../../shared/contract/common';
import { qtySchema } from '../../../../../shared/contract/orders';
import { collectionMethodLabels, collectionMethods } from '../../../../../shared/domain/money';
import { DomainError } from '../../../errors';
import { prepared } from '../../../db/sql';
import { halfWidth } from '../../../text';
import { saveOpeningBalance } from '../../openingBalances/openingBalances';
import { postOrder, saveOrder } from '../../orders/orders';
import { saveCollection } from '../../collections/collections';
import { cellText, enumReader, excelDecimal, readDate, readMoney, readText, type Parsed } from '../cells';
import { NamedIndex } from '../refs';
import type { ColumnSpec, FieldError, Importer, Session } from '../types';
import type { Cell } from '../worker';
import { overlay } from './common';

// ---------- shared readers ----------

function customerIndex(ctx: Ctx): NamedIndex {
  const rows = prepared(ctx.db, 'select id, code, name from customers where archived = 0').all() as Array<{
    id: number;
    code: string;
    name: string;
  }>;
  return new NamedIndex('客户', rows);
}

function productIndex(ctx: Ctx): NamedIndex {
  const rows = prepared(ctx.db, 'select id, sku as code, name from products where active = 1').all() as Array<{
    id: number;
    code: string;
    name: string;
  }>;
  return new NamedIndex('产品', rows);
}

const via =
  (index: NamedIndex) =>
  (cell: Cell): Parsed<number> => {
    const t = readText(cell);
    return t.ok ? index.resolve(t.value) : t;
  };

/** A quantity: more than 0, at most 3 decimals, read as text so 1.005 stays 1.005. */
export function readQty(cell: Cell): Parsed<number> {
  const text = typeof cell === 'number' ? excelDecimal(cell) : halfWidth(cellText(cell)).trim().replace(/,/g, '');
  if (text === null || !/^\d{1,9}(\.\d{1,3})?$/.test(text) || Number(text) <= 0) {
    return { ok: false, message: `数量应为大于 0、最多 3 位小数的数字「${cellText(cell).slice(0, 20)}」` };
  }
  return { ok: true, value: Number(text) };
}

/** A DomainError of a save or post, as the row's error: `lines.3.unitPriceFen` names the line and its column. */
function domainFieldError(err: unknown): { field: string | null; line: number | null; message: string } | null {
  if (!(err instanceof DomainError)) return null;
  const m = /^lines\.(\d+)\.(\w+)/.exec(err.field ?? '');
  if (m) return { field: m[2]!, line: Number(m[1]), message: err.message };
  return {
    field: err.field && ['customerId', 'date', 'dueDate', 'amountFen'].includes(err.field) ? err.field : null,
    line: null,
    message: err.message,
  };
}

function writeOrRefuse<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    const e = domainFieldError(err);
    // the pipeline turns a DomainError into the row's error; keep its field when it is one of the columns
    if (e) throw new DomainError((err as DomainError).code, e.message, e.field ?? undefined);
    throw err;
  }
}

const customerColumn = (example: string): ColumnSpec => ({
  key: 'customerId',
  label: '客户',
  aliases: ['客户名称', '客户编码', '客户名', '单位名称', '购货单位', '往来单位', '付款单位', '客户编号'],
  required: true,
  kind: 'ref',
  example,
  help: '客户编码或名称（须已存在、未归档）',
  width: 22,
});

// ---------- 期初应收 ----------

const openingColumns: readonly ColumnSpec[] = [
  customerColumn('C000123'),
  {
    key: 'date',
    label: '原单日期',
    aliases: ['日期', '单据日期', '发生日期', '开票日期', '业务日期'],
    required: true,
    kind: 'date',
    example: '2025-11-20',
    help: '原单据的日期（账龄从到期日算起）',
    width: 12,
  },
  {
    key: 'dueDate',
    label: '到期日期',
    aliases: ['到期日', '应收日期', '约定回款日期', '付款期限'],
    kind: 'date',
    example: '2025-12-20',
    help: '留空则按客户账期从原单日期算',
    width: 12,
  },
  {
    key: 'amountFen',
    label: '金额',
    aliases: ['期初金额', '欠款金额', '应收金额', '余额', '未收金额', '期初余额'],
    required: true,
    kind: 'money',
    example: '12,800.00',
    help: '元，最多 2 位小数，大于 0',
    width: 14,
  },
  {
    key: 'sourceNo',
    label: '原单号',
    aliases: ['单号', '单据号', '原单据号', '凭证号', '发票号'],
    kind: 'text',
    example: 'XS-2025-0456',
    help: '旧账里的单据号，最多 40 字；同一客户的原单号不能重复导入',
    width: 16,
  },
  { key: 'notes', label: '备注', aliases: ['说明', '摘要'], kind: 'text', example: '', help: '最多 200 字', width: 20 },
];

function openOpening(ctx: Ctx): Session {
  const customers = customerIndex(ctx);
  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['customerId', via(customers)],
    ['date', readDate],
    ['dueDate', readDate],
    ['amountFen', readMoney],
    ['sourceNo', readText],
    ['notes', readText],
  ]);
  const imported = prepared(ctx.db, `select doc_no as docNo from opening_balances where customer_id = ? and source_no = ? limit 1`);
  const seen = new Map<string, number>();
  return {
    read: (key, cell) => readers.get(key)!(cell),
    pureReads: true,
    identify: () => null,
    build: (values) =>
      overlay(
        {},
        values,
        openingColumns.map((c) => c.key),
      ),
    check(input, _existingId, rowNumber) {
      const o = input as ParsedInput<'openingBalances.save'>;
      if (!o.sourceNo) return [];
      const key = `${o.customerId}\u0000${o.sourceNo}`;
      const first = seen.get(key);
      if (first !== undefined) return [{ field: 'sourceNo', message: `与第 ${first} 行重复：同一客户的原单号「${o.sourceNo}」` }];
      seen.set(key, rowNumber);
      const done = imported.get(o.customerId, o.sourceNo) as { docNo: string } | undefined;
      return done ? [{ field: 'sourceNo', message: `同一客户的原单号「${o.sourceNo}」已导入过（${done.docNo}）` }] : [];
    },
    write: (input) => {
      const saved = writeOrRefuse(() => saveOpeningBalance(ctx, input as ParsedInput<'openingBalances.save'>));
      return { id: saved.id, code: saved.docNo };
    },
  };
}

export const openingBalancesImporter: Importer = {
  entity: 'openingBalances',
  noun: '期初应收',
  columns: openingColumns,
  schema: contract['openingBalances.save'].input,
  dryRunWrites: true,
  open: openOpening,
};

// ---------- 回款 ----------

const collectionColumns: readonly ColumnSpec[] = [
  customerColumn('南京华众商贸有限公司'),
  {
    key: 'date',
    label: '回款日期',
    aliases: ['日期', '收款日期', '到账日期', '单据日期'],
    required: true,
    kind: 'date',
    example: '2026-03-05',
    help: '不能晚于今天',
    width: 12,
  },
  {
    key: 'amountFen',
    label: '金额',
    aliases: ['回款金额', '收款金额', '到账金额', '实收金额'],
    required: true,
    kind: 'money',
    example: '5000',
    help: '元，最多 2 位小数，大于 0；自动按到期先后核销，多出的记为预收',
    width: 14,
  },
  {
    key: 'method',
    label: '方式',
    aliases: ['回款方式', '收款方式', '结算方式', '付款方式'],
    required: true,
    kind: 'enum',
    example: '转账',
    help: collectionMethods.map((m) => collectionMethodLabels[m].zh).join(' / '),
    width: 10,
  },
  {
    key: 'reference',
    label: '凭证号',
    aliases: ['参考号', '流水号', '票号', '交易单号', '银行流水', '摘要'],
    kind: 'text',
    example: '银行流水 2026030512345',
    help: '最多 100 字；同一客户同一天同金额的同一凭证号不能重复导入',
    width: 22,
  },
  { key: 'notes', label: '备注', aliases: ['说明'], kind: 'text', example: '', help: '最多 500 字', width: 20 },
];

function openCollections(ctx: Ctx): Session {
  const customers = customerIndex(ctx);
  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['customerId', via(customers)],
    ['date', readDate],
    ['amountFen', readMoney],
    [
      'method',
      enumReader(collectionMethods, collectionMethodLabels, { 汇票: 'draft', 承兑: 'draft', 银行转账: 'transfer', 微信支付: 'wechat' }),
    ],
    ['reference', readText],
    ['notes', readText],
  ]);
  const imported = prepared(
    ctx.db,
    `select doc_no as docNo from collections where customer_id = ? and date = ? and amount_fen = ? and reference = ? and reversal_of_id is null limit 1`,
  );
  const seen = new Map<string, number>();
  return {
    read: (key, cell) => readers.get(key)!(cell),
    pureReads: true,
    identify: () => null,
    build: (values) =>
      overlay(
        {},
        values,
        collectionColumns.map((c) => c.key),
      ),
    check(input, _existingId, rowNumber) {
      const c = input as ParsedInput<'collections.save'>;
      if (!c.reference) return [];
      const key = [c.customerId, c.date, c.amountFen, c.reference].join('\u0000');
      const first = seen.get(key);
      if (first !== undefined)
        return [{ field: 'reference', message: `与第 ${first} 行重复：同一客户同日同金额的凭证号「${c.reference}」` }];
      seen.set(key, rowNumber);
      const done = imported.get(c.customerId, c.date, c.amountFen, c.reference) as { docNo: string } | undefined;
      return done ? [{ field: 'reference', message: `这笔回款已导入过（${done.docNo}）` }] : [];
    },
    write: (input) => {
      const saved = writeOrRefuse(() => saveCollection(ctx, input as ParsedInput<'collections.save'>));
      return { id: saved.id, code: saved.docNo };
    },
  };
}

export const collectionsImporter: Importer = {
  entity: 'collections',
  noun: '回款',
  columns: collectionColumns,
  schema: contract['collections.save'].input,
  dryRunWrites: true,
  open: openCollections,
};

// ---------- 销售单 (one row per line) ----------

const orderColumns: readonly ColumnSpec[] = [
  {
    key: 'orderNo',
    label: '单号',
    aliases: ['订单号', '销售单号', '单据号', '原单号', '订单编号', '单据编号'],
    required: true,
    kind: 'text',
    example: 'SO-0001',
    help: '同一单号的各行是同一张销售单的明细（日期、客户须相同）；导入后按 XS- 重新编号，原单号记在备注里',
    width: 12,
  },
  {
    key: 'date',
    label: '日期',
    aliases: ['单据日期', '销售日期', '开单日期', '订单日期'],
    required: true,
    kind: 'date',
    example: '2026-03-05',
    help: '不能晚于今天',
    width: 12,
  },
  customerColumn('C000123'),
  {
    key: 'productId',
    label: '产品',
    aliases: ['产品编码', '产品名称', '商品', '商品编码', '商品名称', '品名', '存货编码', '存货名称', 'SKU', '货号'],
    required: true,
    kind: 'ref',
    example: 'P00012',
    help: '产品编码（SKU）或名称（须已存在、在售）',
    width: 18,
  },
  {
    key: 'qty',
    label: '数量',
    aliases: ['销售数量', '件数', '订货数量'],
    required: true,
    kind: 'text',
    example: 12,
    help: '大于 0，最多 3 位小数',
    width: 8,
  },
  {
    key: 'unitPriceFen',
    label: '单价',
    aliases: ['销售单价', '含税单价', '价格', '售价'],
    required: true,
    kind: 'money',
    example: '25.50',
    help: '元，最多 2 位小数；低于限价的行须经理在系统里批准，不能导入',
    width: 10,
  },
  {
    key: 'discountFen',
    label: '折让',
    aliases: ['行折扣', '折扣金额', '优惠', '让利', '折让金额'],
    kind: 'money',
    example: '0',
    help: '本行让掉的金额，元；留空为 0',
    width: 10,
  },
];

/** One row as zod checks it: the order's fields repeat on each of its lines. */
const orderRowSchema = z
  .object({
    orderNo: requiredText(40),
    date: dateSchema,
    customerId: idSchema,
    productId: idSchema,
    qty: qtySchema,
    unitPriceFen: fenSchema,
    discountFen: fenSchema.default(0),
  })
  .strict();
type OrderRow = z.output<typeof orderRowSchema>;

interface OrderGroup {
  orderNo: string;
  date: string;
  customerId: number;
  lines: Array<{ row: number; productId: number; qty: number; unitPriceFen: number; discountFen: number }>;
}

const importedNote = (orderNo: string) => `导入单号 ${orderNo}`;

function openOrders(ctx: Ctx): Session {
  const customers = customerIndex(ctx);
  const products = productIndex(ctx);
  const readers = new Map<string, (cell: Cell) => Parsed<unknown>>([
    ['orderNo', readText],
    ['date', readDate],
    ['customerId', via(customers)],
    ['productId', via(products)],
    ['qty', readQty],
    ['unitPriceFen', readMoney],
    ['discountFen', readMoney],
  ]);
  const imported = prepared(ctx.db, `select doc_no as docNo from orders where customer_id = ? and notes = ? and state <> 'draft' limit 1`);
  const groups = new Map<string, OrderGroup & { firstRow: number }>();
  // every row of each order no, refused or not: an order with a refused line is never posted without it
  const rowsOf = new Map<string, number>();
  return {
    read: (key, cell) => readers.get(key)!(cell),
    pureReads: true,
    identify: () => null,
    build(values) {
      const orderNo = values.get('orderNo');
      if (typeof orderNo === 'string') rowsOf.set(orderNo, (rowsOf.get(orderNo) ?? 0) + 1);
      return overlay(
        {},
        values,
        orderColumns.map((c) => c.key),
      );
    },
    check(input, _existingId, _rowNumber) {
      const r = input as OrderRow;
      const g = groups.get(r.orderNo);
      const errors: FieldError[] = [];
      if (g) {
        if (g.date !== r.date) errors.push({ field: 'date', message: `与第 ${g.firstRow} 行同一单号，日期应相同（${g.date}）` });
        if (g.customerId !== r.customerId) errors.push({ field: 'customerId', message: `与第 ${g.firstRow} 行同一单号，客户应相同` });
        if (g.lines.length >= 500) errors.push({ field: 'orderNo', message: '一张销售单最多 500 行' });
      } else {
        const done = imported.get(r.customerId, importedNote(r.orderNo)) as { docNo: string } | undefined;
        if (done) errors.push({ field: 'orderNo', message: `单号「${r.orderNo}」已导入过（${done.docNo}）` });
      }
      return errors;
    },
    write(input, _existingId, rowNumber) {
      const r = input as OrderRow;
      let g = groups.get(r.orderNo);
      if (!g) groups.set(r.orderNo, (g = { orderNo: r.orderNo, date: r.date, customerId: r.customerId, lines: [], firstRow: rowNumber }));
      g.lines.push({ row: rowNumber, productId: r.productId, qty: r.qty, unitPriceFen: r.unitPriceFen, discountFen: r.discountFen });
      // the order is saved and posted once all its lines are read (complete)
      return { id: 0, code: r.orderNo };
    },
    complete() {
      const failed: Array<{ rowNumber: number; error: FieldError }> = [];
      for (const g of groups.values()) {
        if ((rowsOf.get(g.orderNo) ?? 0) !== g.lines.length) {
          for (const l of g.lines)
            failed.push({ rowNumber: l.row, error: { field: 'orderNo', message: `同一销售单「${g.orderNo}」有行有错误，整单未导入` } });
          continue;
        }
        try {
          // saved and posted together, or neither: a refused posting leaves no draft behind
          ctx.db.transaction(() => {
            const saved = saveOrder(ctx, {
              customerId: g.customerId,
              date: g.date,
              discountFen: 0,
              notes: importedNote(g.orderNo),
              lines: g.lines.map((l) => ({ productId: l.productId, qty: l.qty, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen })),
            });
            postOrder(ctx, { id: saved.id });
          })();
        } catch (err) {
          const e = domainFieldError(err);
          if (!e) throw err;
          const at = e.line === null ? g.lines : g.lines.slice(e.line, e.line + 1);
          const field = e.line === null ? (e.field === 'customerId' || e.field === 'date' ? e.field : 'orderNo') : e.field;
          const message = e.line === null ? `销售单「${g.orderNo}」不能过账：${e.message}` : e.message;
          for (const l of at) failed.push({ rowNumber: l.row, error: { field, message } });
          // the other lines of a refused order are refused with it
          if (e.line !== null)
            for (const l of g.lines)
              if (!at.includes(l))
                failed.push({ rowNumber: l.row, error: { field: 'orderNo', message: `同一销售单「${g.orderNo}」有行不能过账` } });
        }
      }
      return failed;
    },
  };
}

export const ordersImporter: Importer = {
  entity: 'orders',
  noun: '销售单',
  columns: orderColumns,
  schema: orderRowSchema,
  dryRunWrites: true,
  open: openOrders,
};
