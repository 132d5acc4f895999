// Excel import of money documents (issue 8 §4): 期初应收, 销售单 (a row per line, grouped by order no, posted through
// the orders module) and 回款 (allocated oldest due first) — previews name each error by row and column, and a commit
// writes everything (posted, with the ledger) or nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Input } from '../../shared/contract';
import { fail, ok } from './helpers';
import { xlsx } from './importFiles';
import { ledgerBalance, moneyFixture, unpaidByDoc, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
beforeEach(async () => {
  f = await moneyFixture();
});

const input = (entity: Input<'import.preview'>['entity'], rows: unknown[][]) => ({
  entity,
  fileName: `${entity}.xlsx`,
  base64: xlsx(rows),
});
const count = (sql: string) => (f.core.ctx.db.prepare(sql).get() as { n: number }).n;
const ledgerRows = () =>
  count(
    `select (select count(*) from orders) + (select count(*) from receivables) + (select count(*) from credits)
       + (select count(*) from allocations) + (select count(*) from opening_balances) + (select count(*) from collections) as n`,
  );
const errorsOf = (p: { rows: Array<{ rowNumber: number; status: string; errors: Array<{ column: string; message: string }> }> }) =>
  p.rows
    .filter((r) => r.status === 'error')
    .flatMap((r) => r.errors.map((e) => ({ row: r.rowNumber, column: e.column, message: e.message })));

describe('templates', () => {
  it('has a template for each money document, with its columns', async () => {
    for (const [entity, first] of [
      ['openingBalances', '*客户'],
      ['orders', '*单号'],
      ['collections', '*客户'],
    ] as const) {
      const t = await ok(f.core, 'import.template', { entity });
      const wb = XLSX.read(Buffer.from(t.base64, 'base64'), { type: 'buffer' });
      const header = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 })[0]!;
      expect(header[0]).toBe(first);
    }
  });
});

describe('期初应收', () => {
  const header = ['客户名称', '日期', '到期日', '欠款金额', '单据号'];

  it('previews errors by row and column, and commits nothing while any row is refused', async () => {
    const rows = [
      header,
      ['北京华众商贸有限公司', '2024-12-01', '2025-01-01', '12,800.50', 'OLD-1'],
      ['火星商店', '2024-12-02', '', 100, 'OLD-2'],
      ['南京鼓楼便利店', '', '', 'abc', 'OLD-3'],
      ['北京华众商贸有限公司', '2024-12-03', '', 50, 'OLD-1'],
    ];
    const p = await ok(f.core, 'import.preview', input('openingBalances', rows));
    expect(p.mapping.map((m) => m.field)).toEqual(['customerId', 'date', 'dueDate', 'amountFen', 'sourceNo']);
    expect(p.counts).toMatchObject({ total: 4, new: 1, error: 3 });
    const errors = errorsOf(p);
    expect(errors).toContainEqual({ row: 3, column: '客户名称', message: '找不到客户「火星商店」' });
    expect(errors.filter((e) => e.row === 4).map((e) => e.column)).toEqual(expect.arrayContaining(['日期', '欠款金额']));
    expect(errors).toContainEqual(expect.objectContaining({ row: 5, column: '单据号' }));
    // the preview wrote nothing, and neither does a commit with refused rows
    expect(ledgerRows()).toBe(0);
    const refused = await fail(f.core, 'import.commit', input('openingBalances', rows));
    expect(refused.code).toBe('VALIDATION');
    expect(ledgerRows()).toBe(0);
  });

  it('books each row as a receivable with its own dates; the same file again is refused', async () => {
    const rows = [
      header,
      ['北京华众商贸有限公司', '2024-12-01', '2025-01-01', '12,800.50', 'OLD-1'],
      ['C000002', '2024-11-15', '', 300, ''],
    ];
    expect(await ok(f.core, 'import.commit', input('openingBalances', rows))).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 0 });
    const items = f.core.ctx.db
      .prepare(
        `select customer_id as c, date, due_date as due, amount_fen as amount from receivables where source_kind = 'opening' order by id`,
      )
      .all();
    expect(items).toEqual([
      { c: f.s.customers.c1.id, date: '2024-12-01', due: '2025-01-01', amount: 1_280_050 },
      { c: f.s.customers.c2.id, date: '2024-11-15', due: expect.any(String), amount: 30_000 },
    ]);
    const again = await ok(f.core, 'import.preview', input('openingBalances', rows.slice(0, 2)));
    expect(errorsOf(again)).toEqual([expect.objectContaining({ row: 2, column: '单据号', message: expect.stringContaining('已导入过') })]);
  });
});

describe('销售单', () => {
  const header = ['订单号', '日期', '客户', '商品编码', '数量', '单价', '折让'];
  const good = () => [
    header,
    ['SO-1', '2025-02-10', '北京华众商贸有限公司', 'P001', 10, 60, ''],
    ['SO-1', '2025-02-10', '北京华众商贸有限公司', '长城干红', 2.5, '128.00', 10],
    ['SO-2', '2025-02-12', '南京鼓楼便利店', 'P003', 3, 3.33, 0],
    ['SO-1', '2025-02-10', '北京华众商贸有限公司', 'P003', '1.005', 3.33, ''],
  ];

  it('groups the rows into orders and posts them, with the ledger, in one go', async () => {
    const p = await ok(f.core, 'import.preview', input('orders', good()));
    expect(p.counts).toMatchObject({ total: 4, new: 4, error: 0 });
    expect(count('select count(*) as n from orders')).toBe(0);
    expect(await ok(f.core, 'import.commit', input('orders', good()))).toEqual({ created: 4, updated: 0, skipped: 0, rejected: 0 });
    const orders = f.core.ctx.db
      .prepare(`select id, customer_id as c, date, state, total_fen as total, notes from orders order by id`)
      .all() as Array<{ id: number; c: number; date: string; state: string; total: number; notes: string }>;
    // SO-1: 10 × 60.00 + 2.5 × 128.00 − 10.00 + 1.005 × 3.33 (= 3.34665 → 3.35)
    expect(orders).toEqual([
      {
        id: orders[0]!.id,
        c: f.s.customers.c1.id,
        date: '2025-02-10',
        state: 'posted',
        total: 60_000 + 32_000 - 1_000 + 335,
        notes: '导入单号 SO-1',
      },
      { id: orders[1]!.id, c: f.s.customers.c2.id, date: '2025-02-12', state: 'posted', total: 999, notes: '导入单号 SO-2' },
    ]);
    expect(count(`select count(*) as n from order_lines where order_id = ${orders[0]!.id}`)).toBe(3);
    expect(ledgerBalance(f.core, f.s.customers.c1.id)).toBe(91_335);
    expect(count(`select count(*) as n from receivables where source_kind = 'order'`)).toBe(2);
    // imported once: every line of the same order numbers again is refused
    const again = await ok(f.core, 'import.preview', input('orders', good()));
    expect(
      errorsOf(again)
        .filter((e) => e.column === '订单号')
        .map((e) => e.row),
    ).toEqual([2, 3, 4, 5]);
    expect(errorsOf(again)[0]!.message).toMatch(/^单号「SO-1」已导入过（XS-20250210-001）$/);
  });

  it('names bad cells and inconsistent lines by row and column, and a refused posting marks the whole order', async () => {
    const rows = [
      header,
      ['SO-1', '2025-02-10', '北京华众商贸有限公司', 'P001', 10, 60, ''],
      ['SO-1', '2025-02-11', '北京华众商贸有限公司', 'P002', 1, 128, ''],
      ['SO-2', '2025-02-12', '南京鼓楼便利店', 'P999', 0, 3.33, ''],
      // below the floor price (50.00): posting needs a manager's approval, so the order cannot be imported
      ['SO-3', '2025-02-12', '南京鼓楼便利店', 'P003', 1, 3.33, ''],
      ['SO-3', '2025-02-12', '南京鼓楼便利店', 'P001', 1, 49, ''],
    ];
    const p = await ok(f.core, 'import.preview', input('orders', rows));
    const errors = errorsOf(p);
    expect(errors).toContainEqual({ row: 3, column: '日期', message: '与第 2 行同一单号，日期应相同（2025-02-10）' });
    expect(errors).toContainEqual(expect.objectContaining({ row: 4, column: '商品编码', message: '找不到产品「P999」' }));
    expect(errors).toContainEqual(expect.objectContaining({ row: 4, column: '数量' }));
    const so3 = errors.filter((e) => e.row === 5 || e.row === 6);
    expect(new Set(so3.map((e) => e.row))).toEqual(new Set([5, 6]));
    expect(so3.some((e) => /限价|批准|低于/.test(e.message))).toBe(true);
    // SO-1's good line was accepted in the preview, but its order is not complete: nothing is ever half written
    expect(ledgerRows()).toBe(0);
    expect((await fail(f.core, 'import.commit', input('orders', rows))).code).toBe('VALIDATION');
    expect(ledgerRows()).toBe(0);
    // accepting the errors imports the orders whose every line is good, and never an order without its refused line
    const fixedOne = [...rows.slice(0, 2), ['SO-4', '2025-02-12', '南京鼓楼便利店', 'P003', 2, 3.33, ''], ...rows.slice(2)];
    expect(await ok(f.core, 'import.commit', { ...input('orders', fixedOne), acceptErrors: true })).toEqual({
      created: 1,
      updated: 0,
      skipped: 0,
      rejected: 5,
    });
    expect(f.core.ctx.db.prepare(`select notes, state, total_fen as total from orders`).all()).toEqual([
      { notes: '导入单号 SO-4', state: 'posted', total: 666 },
    ]);
  });
});

describe('回款', () => {
  it('allocates each collection oldest due first, and refuses a row the ledger already has', async () => {
    const orders = [
      ['单号', '日期', '客户', '产品', '数量', '单价'],
      ['A', '2025-01-05', '北京华众商贸有限公司', 'P001', 10, 60],
      ['B', '2025-01-20', '北京华众商贸有限公司', 'P001', 5, 60],
    ];
    await ok(f.core, 'import.commit', input('orders', orders));
    const docs = Object.keys(unpaidByDoc(f.core, f.s.customers.c1.id));
    const rows = [
      ['付款单位', '收款日期', '回款金额', '收款方式', '银行流水'],
      ['北京华众商贸有限公司', '2025-02-20', 700, '转账', 'BANK-1'],
      ['北京华众商贸有限公司', '2025-02-21', 50, '刷脸', 'BANK-2'],
    ];
    const p = await ok(f.core, 'import.preview', input('collections', rows));
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 3, column: '收款方式' })]);
    expect((await fail(f.core, 'import.commit', input('collections', rows))).code).toBe('VALIDATION');
    expect(count('select count(*) as n from collections')).toBe(0);
    expect(await ok(f.core, 'import.commit', input('collections', rows.slice(0, 2)))).toMatchObject({ created: 1, rejected: 0 });
    expect(unpaidByDoc(f.core, f.s.customers.c1.id)).toEqual({ [docs[0]!]: 0, [docs[1]!]: 20_000 });
    const again = await ok(f.core, 'import.preview', input('collections', rows.slice(0, 2)));
    expect(errorsOf(again)).toEqual([
      expect.objectContaining({ row: 2, column: '银行流水', message: expect.stringContaining('已导入过') }),
    ]);
  });
});
