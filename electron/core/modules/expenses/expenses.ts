// 销售费用 Expenses: entry and a paged / sorted / filtered list with the total of everything the filters select.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { ExpenseRow, Output, ParsedInput } from '../../../../shared/contract';
import { prepared } from '../../db/sql';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { assertNotFuture, customerRef, haystack, Where } from '../complaints/handling';
import { assertRepExists } from '../reps/reps';

type ListInput = ParsedInput<'expenses.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];

const from = `from expenses e
  join reps r on r.id = e.rep_id
  left join customers c on c.id = e.customer_id`;

const select = `select e.id, e.rep_id as repId, r.name as repName, e.date, e.category, e.amount_fen as amountFen,
  e.customer_id as customerId, c.name as customerName, e.note, e.created_at as createdAt, e.updated_at as updatedAt
${from}`;

const sortSql: Record<SortField, string> = {
  date: 'e.date',
  amountFen: 'e.amount_fen',
  category: 'e.category',
  repName: 'r.pinyin',
  customerName: "coalesce(c.name_pinyin, '')",
  updatedAt: 'e.updated_at',
};

const searchText = haystack('e.note', 'c.search_text', 'r.name', 'r.pinyin', 'r.initials', 'r.code');

/** WHERE clause shared by the list, its count and sum, and the Excel export of the same view. */
export function expenseWhere(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): Where {
  return new Where()
    .range('e.date', input.from, input.to)
    .eq('e.rep_id', input.repId)
    .in('e.category', input.category)
    .eq('e.customer_id', input.customerId)
    .search(searchText, input.search);
}

export function listExpenses(ctx: Ctx, input: ListInput): Output<'expenses.list'> {
  const where = expenseWhere(input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, e.id ${input.sort.order}` : 'e.date desc, e.id desc';
  const { n, sum } = prepared(
    ctx.db,
    `select count(*) as n, coalesce(sum(e.amount_fen), 0) as sum ${input.search?.trim() ? from : 'from expenses e'} ${where.sql}`,
  ).get(...where.params) as { n: number; sum: number };
  const rows = prepared(ctx.db, `${select} ${where.sql} order by ${order} limit ? offset ?`).all(
    ...where.params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ) as ExpenseRow[];
  return { total: n, sumFen: sum, rows };
}

function mustFind(ctx: Ctx, id: number): ExpenseRow {
  const row = prepared(ctx.db, `${select} where e.id = ?`).get(id) as ExpenseRow | undefined;
  if (!row) throw notFound('销售费用', id, 'id');
  return row;
}

export function getExpense(ctx: Ctx, input: ParsedInput<'expenses.get'>): Output<'expenses.get'> {
  return mustFind(ctx, input.id);
}

const snapshot = (r: ExpenseRow) => ({
  repId: r.repId,
  date: r.date,
  category: r.category,
  amountFen: r.amountFen,
  customerId: r.customerId,
  note: r.note,
});

export function saveExpense(ctx: Ctx, input: ParsedInput<'expenses.save'>): Output<'expenses.save'> {
  return ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : mustFind(ctx, input.id);
    assertRepExists(ctx, input.repId);
    assertNotFuture(ctx, input.date, 'date', '日期');
    if (input.customerId !== null) customerRef(ctx, input.customerId);
    const values = {
      repId: input.repId,
      date: input.date,
      category: input.category,
      amountFen: input.amountFen,
      customerId: input.customerId,
      note: input.note,
      now: nowIso(ctx),
    };
    let id: number;
    if (!before) {
      id = Number(
        prepared(
          ctx.db,
          `insert into expenses (rep_id, date, category, amount_fen, customer_id, note, created_at, updated_at)
           values (@repId, @date, @category, @amountFen, @customerId, @note, @now, @now)`,
        ).run(values).lastInsertRowid,
      );
    } else {
      id = before.id;
      prepared(
        ctx.db,
        `update expenses set rep_id = @repId, date = @date, category = @category, amount_fen = @amountFen,
           customer_id = @customerId, note = @note, updated_at = @now
         where id = @id`,
      ).run({ ...values, id });
    }
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'expense',
      entityId: id,
      before: before && snapshot(before),
      after: snapshot(mustFind(ctx, id)),
    });
    return { id };
  })();
}
