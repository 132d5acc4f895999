// The dashboards' filters as conditions on the order and collection lists they drill down to, attributed exactly as
// targets/actuals.ts does (region: the customer's current region and its subtree; team: the document rep's team;
// channel type: the order's dealer, for a collection the customer's serving dealer, 'direct' without one; category:
// orders with a line of a product in that category or below) — so the list behind a bar holds that bar's documents.
import type { ChannelType } from '../../../../shared/domain/dealer';
import type { Where } from '../complaints/handling';

const subtree = (table: 'regions' | 'product_categories') =>
  `(select s.id from ${table} s where s.path like (select q.path from ${table} q where q.id = ?) || '%')`;

function add(where: Where, clause: string, value: string | number | undefined): void {
  if (value === undefined) return;
  where.clauses.push(clause);
  where.params.push(value);
}

export interface DrillFilters {
  regionId?: number;
  teamId?: number;
  channelType?: ChannelType;
  productCategoryId?: number;
}

/** On orders `o`. */
export function orderDrillWhere(where: Where, f: DrillFilters): Where {
  add(where, `(select c.region_id from customers c where c.id = o.customer_id) in ${subtree('regions')}`, f.regionId);
  add(where, 'o.rep_id in (select r.id from reps r where r.team_id = ?)', f.teamId);
  add(
    where,
    "(case when o.dealer_id is null then 'direct' else (select d.channel_type from dealers d where d.id = o.dealer_id) end) = ?",
    f.channelType,
  );
  add(
    where,
    `exists (select 1 from order_lines l join products p on p.id = l.product_id
              where l.order_id = o.id and p.category_id in ${subtree('product_categories')})`,
    f.productCategoryId,
  );
  return where;
}

/** On collections `k` (their dealer is the customer's serving dealer, as in the collections actuals). */
export function collectionDrillWhere(where: Where, f: DrillFilters & { dealerId?: number }): Where {
  add(where, `(select c.region_id from customers c where c.id = k.customer_id) in ${subtree('regions')}`, f.regionId);
  add(where, 'k.rep_id in (select r.id from reps r where r.team_id = ?)', f.teamId);
  add(where, '(select c.dealer_id from customers c where c.id = k.customer_id) = ?', f.dealerId);
  add(
    where,
    `(select case when c.dealer_id is null then 'direct' else (select d.channel_type from dealers d where d.id = c.dealer_id) end
        from customers c where c.id = k.customer_id) = ?`,
    f.channelType,
  );
  return where;
}
