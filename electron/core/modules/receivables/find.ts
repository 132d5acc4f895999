// Ctrl+K quick find: "what does this customer owe?" — customers (dealers' trading accounts too) by pinyin initials,
// full pinyin, code, name or phone digits, each with its balance, overdue and credit left as of today.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { prepared } from '../../db/sql';
import { normaliseSearch, searchWordClauses } from '../../text';
import { regionPathsOf } from '../regions/paths';
import { customerPosition, overdueOf } from './balance';

interface Hit {
  customerId: number;
  code: string;
  name: string;
  type: string;
  phone: string;
  regionId: number | null;
  repName: string | null;
  dealerId: number | null;
  creditLimitFen: number;
}

export function findCustomers(ctx: Ctx, input: ParsedInput<'receivables.find'>): Output<'receivables.find'> {
  const search = normaliseSearch(input.search);
  if (!search) return { rows: [] };
  const words = searchWordClauses('c.search_text', search);
  // an exact code first, then names starting with the words typed, then the rest by pinyin; active before archived
  const hits = prepared(
    ctx.db,
    `select c.id as customerId, c.code, c.name, c.type, c.phone, c.region_id as regionId, r.name as repName,
       a.dealer_id as dealerId, c.credit_limit_fen as creditLimitFen
     from customers c left join reps r on r.id = c.rep_id left join dealer_accounts a on a.customer_id = c.id
     where c.merged_into_id is null and ${words.clauses.join(' and ')}
     order by c.archived, lower(c.code) = ? desc, (c.search_text like ? escape '\\') desc, c.name_pinyin, c.id
     limit ?`,
  ).all(...words.params, search, `${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`, input.limit) as Hit[];
  const asOf = todayLocal(ctx);
  const paths = regionPathsOf(
    ctx,
    hits.map((h) => h.regionId),
  );
  return {
    rows: hits.map((h) => {
      const p = customerPosition(ctx, h.customerId, asOf);
      return {
        customerId: h.customerId,
        code: h.code,
        name: h.name,
        type: h.type,
        phone: h.phone,
        regionPath: h.regionId === null ? '' : (paths.get(h.regionId) ?? []).join(' › '),
        repName: h.repName,
        dealerId: h.dealerId,
        balanceFen: p.balanceFen,
        overdueFen: overdueOf(p.open, asOf),
        creditLimitFen: h.creditLimitFen,
        creditLeftFen: h.creditLimitFen - p.balanceFen,
      };
    }),
  };
}
