// Merging two customer files into one, and finding the groups that probably should be merged.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { DuplicateGroup, Output, ParsedInput } from '../../../../shared/contract';
import { DomainError, notFound } from '../../errors';
import { prepared } from '../../db/sql';
import { recordAudit } from '../audit/audit';
import { customerDerived, getCustomer } from './customers';
import { regionPathsOf } from '../regions/paths';

// moved by dedicated rules below (or, for customer_merges, the record of merging itself)
const handledTables = new Set([
  'customers',
  'contacts',
  'customer_tags',
  'strategy_cards',
  'strategy_actions',
  'monthly_evaluations',
  'customer_merges',
]);

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every (table, column) outside the handled tables that points at a customer: declared foreign keys and any customer_id column. */
export function customerReferences(ctx: Ctx): Array<{ table: string; column: string }> {
  const tables = prepared(ctx.db, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const out: Array<{ table: string; column: string }> = [];
  for (const table of tables) {
    if (handledTables.has(table)) continue;
    const columns = new Set<string>();
    for (const fk of ctx.db.pragma(`foreign_key_list(${quoteId(table)})`) as Array<{ table: string; from: string }>) {
      if (fk.table.toLowerCase() === 'customers') columns.add(fk.from);
    }
    for (const col of ctx.db.pragma(`table_info(${quoteId(table)})`) as Array<{ name: string }>) {
      if (col.name === 'customer_id') columns.add(col.name);
    }
    for (const column of columns) out.push({ table, column });
  }
  return out;
}

interface MergeRow {
  id: number;
  name: string;
  code: string;
  archived: number;
  mergedIntoId: number | null;
}

function mergeRow(ctx: Ctx, id: number, field: 'survivorId' | 'mergedId'): MergeRow {
  const row = prepared(ctx.db, 'select id, name, code, archived, merged_into_id as mergedIntoId from customers where id = ?').get(id) as
    MergeRow | undefined;
  if (!row) throw notFound('客户', id, field);
  return row;
}

export function mergeCustomers(ctx: Ctx, input: ParsedInput<'customers.merge'>): Output<'customers.merge'> {
  const { survivorId, mergedId } = input;
  if (survivorId === mergedId) throw new DomainError('VALIDATION', '被合并的客户：不能与保留的客户是同一个客户', 'mergedId');
  return ctx.db.transaction(() => {
    const survivor = mergeRow(ctx, survivorId, 'survivorId');
    const merged = mergeRow(ctx, mergedId, 'mergedId');
    if (merged.mergedIntoId !== null) {
      throw new DomainError('CONFLICT', `被合并的客户：「${merged.name}」已经合并到其他客户（编号 ${merged.mergedIntoId}）`, 'mergedId');
    }
    if (survivor.mergedIntoId !== null) {
      throw new DomainError(
        'CONFLICT',
        `保留的客户：「${survivor.name}」已经合并到其他客户（编号 ${survivor.mergedIntoId}），不能再作为保留方`,
        'survivorId',
      );
    }
    if (survivor.archived === 1) {
      throw new DomainError('CONFLICT', `保留的客户：「${survivor.name}」已归档，请先恢复，或选择另一方作为保留的客户`, 'survivorId');
    }
    const snapshot = getCustomer(ctx, { id: mergedId });
    const now = nowIso(ctx);
    const db = ctx.db;

    // contacts: appended after the survivor's; the survivor keeps its primary contact if it has one
    const survivorHasPrimary =
      prepared(db, 'select 1 from contacts where customer_id = ? and is_primary = 1').get(survivorId) !== undefined;
    const contactOffset = prepared(db, 'select coalesce(max(sort_order) + 1, 0) from contacts where customer_id = ?')
      .pluck()
      .get(survivorId) as number;
    const contacts = prepared(
      db,
      'update contacts set customer_id = ?, sort_order = sort_order + ?, is_primary = case when ? then 0 else is_primary end where customer_id = ?',
    ).run(survivorId, contactOffset, survivorHasPrimary ? 1 : 0, mergedId).changes;

    // tags: the union, survivor's first
    const survivorTags = JSON.parse(prepared(db, 'select tags from customers where id = ?').pluck().get(survivorId) as string) as string[];
    const newTags = snapshot.tags.filter((tag) => !survivorTags.includes(tag));
    for (const tag of newTags) prepared(db, 'insert or ignore into customer_tags (customer_id, tag) values (?, ?)').run(survivorId, tag);
    prepared(db, 'delete from customer_tags where customer_id = ?').run(mergedId);

    // strategy card: actions appended; the text comes over only when the survivor has none
    const actionOffset = prepared(db, 'select coalesce(max(sort_order) + 1, 0) from strategy_actions where customer_id = ?')
      .pluck()
      .get(survivorId) as number;
    const strategyActions = prepared(
      db,
      'update strategy_actions set customer_id = ?, sort_order = sort_order + ? where customer_id = ?',
    ).run(survivorId, actionOffset, mergedId).changes;
    const survivorCard = prepared(db, 'select 1 from strategy_cards where customer_id = ?').get(survivorId) !== undefined;
    const mergedCard = prepared(db, 'select 1 from strategy_cards where customer_id = ?').get(mergedId) !== undefined;
    if (!survivorCard && mergedCard) {
      prepared(db, 'update strategy_cards set customer_id = ?, updated_at = ?, updated_by = ? where customer_id = ?').run(
        survivorId,
        now,
        ctx.operator,
        mergedId,
      );
    } else if (survivorCard && strategyActions > 0) {
      prepared(db, 'update strategy_cards set updated_at = ?, updated_by = ? where customer_id = ?').run(now, ctx.operator, survivorId);
    }

    // monthly evaluations: a month both have keeps the survivor's; the merged one's stays on the merged record
    const evaluations = prepared(
      db,
      `update monthly_evaluations set customer_id = ?
       where customer_id = ? and month not in (select m.month from monthly_evaluations m where m.customer_id = ?)`,
    ).run(survivorId, mergedId, survivorId).changes;
    const evaluationsKept = prepared(db, 'select count(*) from monthly_evaluations where customer_id = ?').pluck().get(mergedId) as number;

    // every other table that refers to a customer (orders, collections… as modules add them)
    const other: Record<string, number> = {};
    for (const ref of customerReferences(ctx)) {
      try {
        const n = db
          .prepare(`update ${quoteId(ref.table)} set ${quoteId(ref.column)} = ? where ${quoteId(ref.column)} = ?`)
          .run(survivorId, mergedId).changes;
        if (n > 0) other[`${ref.table}.${ref.column}`] = n;
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
          throw new DomainError('CONFLICT', `合并失败：「${ref.table}」中的记录无法转到保留的客户（${(e as Error).message}）`, 'mergedId');
        }
        throw e;
      }
    }

    // customers merged earlier into the merged one now point straight at the survivor
    prepared(db, 'update customers set merged_into_id = ? where merged_into_id = ?').run(survivorId, mergedId);

    // the merged record stays as an archived shell pointing at the survivor
    const mergedDerived = customerDerived({ ...snapshot, contacts: [] });
    prepared(
      db,
      `update customers set archived = 1, archived_at = case when archived = 1 then archived_at else ? end, merged_into_id = ?,
         tags = '[]', search_text = ?, updated_at = ? where id = ?`,
    ).run(now, survivorId, mergedDerived.searchText, now, mergedId);

    const survivorNow = getCustomer(ctx, { id: survivorId });
    const survivorDerived = customerDerived(survivorNow);
    prepared(db, 'update customers set tags = ?, search_text = ?, updated_at = ? where id = ?').run(
      JSON.stringify([...survivorTags, ...newTags]),
      survivorDerived.searchText,
      now,
      survivorId,
    );

    const moved = { contacts, tags: newTags.length, strategyActions, evaluations, evaluationsKept };
    const record = Object.keys(other).length ? { ...moved, other } : moved;
    prepared(
      db,
      'insert into customer_merges (survivor_id, merged_id, merged_snapshot, moved, at, operator) values (?, ?, ?, ?, ?, ?)',
    ).run(survivorId, mergedId, JSON.stringify(snapshot), JSON.stringify(record), now, ctx.operator);
    recordAudit(ctx, { action: 'merge', entity: 'customer', entityId: survivorId, before: snapshot, after: record });
    return { survivorId, mergedId, moved };
  })();
}

// ---------- duplicate finder ----------

const MIN_NAME_KEY = 2;
const MIN_PHONE_DIGITS = 7;

/** The SQL twin of digitsOnly() for the characters a contact phone may contain. */
const contactDigitsSql =
  "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k.phone, '-', ''), ' ', ''), '(', ''), ')', ''), '（', ''), '）', ''), '+', ''), '#', ''), '*', ''), '转', '')";

interface GroupSqlRow {
  key: string;
  n: number;
  ids: string;
}
interface MemberSqlRow {
  id: number;
  code: string;
  name: string;
  phone: string;
  regionId: number | null;
  regionName: string | null;
  repName: string | null;
  archived: number;
  createdAt: string;
}

export function duplicateGroups(ctx: Ctx, input: ParsedInput<'customers.duplicateGroups'>): Output<'customers.duplicateGroups'> {
  // +archived: reading every row anyway, the name_key/phone indexes beat the low-selectivity archived indexes
  const scope = input.includeArchived ? 'c.merged_into_id is null' : 'c.merged_into_id is null and +c.archived = 0';
  const byName = prepared(
    ctx.db,
    `select c.name_key as key, count(*) as n, group_concat(c.id) as ids from customers c
     where ${scope} and length(c.name_key) >= ${MIN_NAME_KEY} group by c.name_key having count(*) > 1`,
  ).all() as GroupSqlRow[];
  // a customer counts once per number, whether the number is its own phone or a contact's
  const byPhone = prepared(
    ctx.db,
    `with phones(customer_id, digits) as (
       select c.id, c.phone_digits from customers c where ${scope} and length(c.phone_digits) >= ${MIN_PHONE_DIGITS}
       union
       select k.customer_id, case when k.phone glob '*[^0-9]*' then ${contactDigitsSql} else k.phone end from contacts k join customers c on c.id = k.customer_id where ${scope} and k.phone <> ''
     )
     select digits as key, count(*) as n, group_concat(customer_id) as ids from phones
     where length(digits) >= ${MIN_PHONE_DIGITS} group by digits having count(*) > 1`,
  ).all() as GroupSqlRow[];

  const groups = [
    ...byName.map((g) => ({ ...g, reason: 'name' as const })),
    ...byPhone.map((g) => ({ ...g, reason: 'phone' as const })),
  ].sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.reason < b.reason ? -1 : 1));
  const page = groups.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);

  const ids = [...new Set(page.flatMap((g) => g.ids.split(',').map(Number)))];
  const memberRows = prepared(
    ctx.db,
    `select c.id, c.code, c.name, c.phone, c.region_id as regionId, g.name as regionName, r.name as repName, c.archived, c.created_at as createdAt
     from customers c left join regions g on g.id = c.region_id left join reps r on r.id = c.rep_id
     where c.id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as MemberSqlRow[];
  const paths = regionPathsOf(
    ctx,
    memberRows.map((m) => m.regionId),
  );
  const members = new Map(
    memberRows.map(({ regionId, ...m }) => [
      m.id,
      { ...m, regionPath: regionId === null ? [] : (paths.get(regionId) ?? []), archived: m.archived === 1 },
    ]),
  );
  const out: DuplicateGroup[] = page.map((g) => ({
    key: g.key,
    reason: g.reason,
    customers: g.ids
      .split(',')
      .map((id) => members.get(Number(id))!)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id)),
  }));
  return { groups: out, total: groups.length };
}
