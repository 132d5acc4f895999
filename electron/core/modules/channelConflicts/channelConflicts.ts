// 窜货预警 Cross-territory sales: posted orders (not reversed, not reversal rows) flagged at posting because their
// channel dealer is not authorised for the customer's region. Paged, sorted and filtered on the server.
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { ChannelConflictRow } from '../../../../shared/contract/receivables';
import { prepared } from '../../db/sql';
import { haystack, Where } from '../complaints/handling';
import { regionPathsOf } from '../regions/paths';

type ListInput = ParsedInput<'channelConflicts.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];

const from = `from orders o
  join dealers d on d.id = o.dealer_id
  join customers c on c.id = o.customer_id
  left join regions g on g.id = c.region_id
  left join reps r on r.id = o.rep_id`;

const sortSql: Record<SortField, string> = {
  date: 'o.date',
  docNo: 'o.doc_no',
  dealerName: 'd.name_pinyin',
  customerName: 'c.name_pinyin',
  regionPath: "coalesce(g.initials, '')",
  amountFen: 'o.total_fen',
};

/** WHERE clause shared by the list, its count and sum. */
export function channelConflictWhere(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): Where {
  const where = new Where();
  where.clauses.push("o.cross_territory = 1 and o.state = 'posted' and o.reversal_of_id is null");
  return where
    .range('o.date', input.from, input.to)
    .eq('o.dealer_id', input.dealerId)
    .search(haystack('lower(o.doc_no)', 'c.search_text', 'd.search_text'), input.search);
}

interface SqlRow extends Omit<ChannelConflictRow, 'regionPath'> {
  regionId: number | null;
}

export function listChannelConflicts(ctx: Ctx, input: ListInput): Output<'channelConflicts.list'> {
  const where = channelConflictWhere(input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, o.id ${input.sort.order}` : 'o.date desc, o.id desc';
  const { n, sum } = prepared(ctx.db, `select count(*) as n, coalesce(sum(o.total_fen), 0) as sum ${from} ${where.sql}`).get(
    ...where.params,
  ) as { n: number; sum: number };
  const rows = prepared(
    ctx.db,
    `select o.id as orderId, o.doc_no as docNo, o.date, o.dealer_id as dealerId, d.code as dealerCode, d.name as dealerName,
       o.customer_id as customerId, c.code as customerCode, c.name as customerName, c.region_id as regionId,
       r.name as repName, o.total_fen as amountFen,
       (select count(*) from market_feedback f where f.order_id = o.id) as feedbackCount,
       (select f.code from market_feedback f where f.order_id = o.id order by f.id desc limit 1) as feedbackCode
     ${from} ${where.sql} order by ${order} limit ? offset ?`,
  ).all(...where.params, input.pageSize, (input.page - 1) * input.pageSize) as SqlRow[];
  const paths = regionPathsOf(
    ctx,
    rows.map((r) => r.regionId),
  );
  return {
    total: n,
    sumFen: sum,
    rows: rows.map((r) => ({ ...r, regionPath: r.regionId === null ? '' : (paths.get(r.regionId) ?? []).join(' › ') })),
  };
}
