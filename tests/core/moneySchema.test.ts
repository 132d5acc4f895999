// The schema itself, read back from sqlite_master and table_info: no REAL column anywhere, and every money column
// (…_fen) an INTEGER with a typeof(…) = 'integer' check in its table, so a float can never be stored as money.
import { afterAll, describe, expect, it } from 'vitest';
import { makeCore } from './helpers';

const core = makeCore();
afterAll(() => core.close());

const tables = core.ctx.db
  .prepare(
    "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
  )
  .all() as Array<{ name: string; sql: string }>;
const columnsOf = (table: string) =>
  core.ctx.db.prepare(`select name, type from pragma_table_info(?)`).all(table) as Array<{ name: string; type: string }>;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('money in the schema', () => {
  it('has the money tables', () => {
    const names = tables.map((t) => t.name);
    for (const t of [
      'orders',
      'order_lines',
      'returns',
      'return_lines',
      'collections',
      'write_offs',
      'opening_balances',
      'receivables',
      'credits',
      'allocations',
    ]) {
      expect(names).toContain(t);
    }
  });

  it('no REAL (or other floating) column in any table', () => {
    const floating = tables.flatMap((t) =>
      columnsOf(t.name)
        .filter((c) => /REAL|FLOA|DOUB|NUMERIC|DECIMAL/i.test(c.type))
        .map((c) => `${t.name}.${c.name} ${c.type}`),
    );
    expect(floating).toEqual([]);
  });

  it('every …_fen column is INTEGER with a typeof(…) = integer check', () => {
    const fenColumns = tables.flatMap((t) =>
      columnsOf(t.name)
        .filter((c) => /_fen$/.test(c.name))
        .map((c) => ({ table: t, column: c })),
    );
    expect(fenColumns.length).toBeGreaterThan(20);
    const bad = fenColumns.filter(({ table, column }) => {
      const check = new RegExp(
        `typeof\\(\\s*(?:["\`]?${escape(table.name)}["\`]?\\.)?["\`]?${escape(column.name)}["\`]?\\s*\\)\\s*=\\s*'integer'`,
        'i',
      );
      return column.type.toUpperCase() !== 'INTEGER' || !check.test(table.sql);
    });
    expect(bad.map(({ table, column }) => `${table.name}.${column.name}`)).toEqual([]);
  });

  it('a float or text amount is refused by the database itself', () => {
    const db = core.ctx.db;
    db.prepare(
      "insert into customers (code, name, type, grade, lifecycle, created_at, updated_at) values ('CX1', '甲', 'retail', 'C', 'prospect', 'x', 'x')",
    ).run();
    const customerId = db.prepare("select id from customers where code = 'CX1'").pluck().get() as number;
    const insert = db.prepare(
      "insert into collections (doc_no, customer_id, date, amount_fen, method, created_at) values (?, ?, '2025-01-01', ?, 'cash', 'x')",
    );
    expect(() => insert.run('HK-X-1', customerId, 10.5)).toThrow(/CHECK/);
    expect(() => insert.run('HK-X-2', customerId, '10.50')).toThrow(/CHECK/);
    expect(() => insert.run('HK-X-3', customerId, 0)).toThrow(/CHECK/);
  });
});
