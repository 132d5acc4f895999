// 客户档案: the customer file — list (server-side paging/sort/filter/search), detail, save with contacts, archive.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { CustomerDetail, Output, ParsedInput } from '../../../../shared/contract';
import type { CustomerScale, CustomerSource } from '../../../../shared/domain/customer';
import { DomainError, notFound } from '../../errors';
import { count, prepared } from '../../db/sql';
import { buildSearchText, digitsOnly, nameKey, normaliseSearch, pinyinFull, searchWordClauses } from '../../text';
import { recordAudit } from '../audit/audit';
import { assertRegionExists, regionPathNames } from '../regions/regions';
import { regionPathsOf } from '../regions/paths';
import { assertRepExists } from '../reps/reps';
import { assertDealerExists } from '../dealers/dealers';
import { logLifecycleChange } from './lifecycle';

type ListInput = ParsedInput<'customers.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];

const sortSql: Record<SortField, string> = {
  code: 'c.code',
  name: 'c.name_pinyin',
  grade: 'c.grade',
  lifecycle: 'c.lifecycle',
  type: 'c.type',
  // as the list shows it: the city, then the district (郑州市›开发区片区)
  regionName: "coalesce(gp.initials || '/', '') || g.initials",
  repName: 'r.pinyin',
  creditLimitFen: 'c.credit_limit_fen',
  paymentTermDays: 'c.payment_term_days',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

/** WHERE clause shared by the list, its count and (later) the Excel export of the same view. */
export function customerFilterSql(input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const search = normaliseSearch(input.search);
  // a text search reads every row anyway: a straight table scan beats walking the low-selectivity archived index
  const archivedCol = search && !input.regionId && !input.repId ? '+c.archived' : 'c.archived';
  if (input.archived !== 'all') where.push(input.archived === 'archived' ? `${archivedCol} = 1` : `${archivedCol} = 0`);
  if (input.regionId) {
    where.push("c.region_id in (select s.id from regions s where s.path like (select p.path from regions p where p.id = ?) || '%')");
    params.push(input.regionId);
  }
  if (input.repId) {
    where.push('c.rep_id = ?');
    params.push(input.repId);
  }
  if (input.dealerId) {
    where.push('c.dealer_id = ?');
    params.push(input.dealerId);
  }
  const inList = (col: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${col} in (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList('c.grade', input.grade);
  inList('c.lifecycle', input.lifecycle);
  inList('c.type', input.type);
  if (input.tag) {
    where.push('c.id in (select t.customer_id from customer_tags t where t.tag = ?)');
    params.push(input.tag);
  }
  const words = searchWordClauses('c.search_text', search);
  where.push(...words.clauses);
  params.push(...words.params);
  return { where: where.length ? `where ${where.join(' and ')}` : '', params };
}

interface ListSqlRow {
  id: number;
  code: string;
  name: string;
  shortName: string;
  type: string;
  regionId: number | null;
  regionName: string | null;
  repId: number | null;
  repName: string | null;
  dealerId: number | null;
  dealerName: string | null;
  phone: string;
  primaryContact: string | null;
  grade: string;
  lifecycle: string;
  creditLimitFen: number;
  paymentTermDays: number;
  tags: string;
  archived: number;
  updatedAt: string;
}

// gp: the city above a district, for sorting by the region as lists show it
const regionJoins = 'left join regions g on g.id = c.region_id left join regions gp on gp.id = g.parent_id and g.level > 3';

export const customerListSelect = `select c.id, c.code, c.name, c.short_name as shortName, c.type, c.region_id as regionId, g.name as regionName,
  c.rep_id as repId, r.name as repName, c.dealer_id as dealerId, d.name as dealerName, c.phone,
  (select k.name from contacts k where k.customer_id = c.id and k.is_primary = 1) as primaryContact,
  c.grade, c.lifecycle, c.credit_limit_fen as creditLimitFen, c.payment_term_days as paymentTermDays, c.tags,
  c.archived, c.updated_at as updatedAt
from customers c ${regionJoins} left join reps r on r.id = c.rep_id left join dealers d on d.id = c.dealer_id`;

export function listCustomers(ctx: Ctx, input: ListInput): Output<'customers.list'> {
  const { where, params } = customerFilterSql(input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, c.id ${input.sort.order}` : 'c.id desc';
  const offset = (input.page - 1) * input.pageSize;
  if (input.search?.trim()) {
    // a LIKE search is the expensive part: run it once for all ordered ids (the total), then load only this page's rows
    const ids = prepared(
      ctx.db,
      `select c.id from customers c ${regionJoins} left join reps r on r.id = c.rep_id ${where} order by ${order}`,
    )
      .pluck()
      .all(...params) as number[];
    return { total: ids.length, rows: rowsByIds(ctx, ids.slice(offset, offset + input.pageSize)) };
  }
  const total = count(ctx.db, `select count(*) as n from customers c ${where}`, params);
  const rows = prepared(ctx.db, `${customerListSelect} ${where} order by ${order} limit ? offset ?`).all(
    ...params,
    input.pageSize,
    offset,
  ) as ListSqlRow[];
  return { total, rows: toListRows(ctx, rows) };
}

function rowsByIds(ctx: Ctx, ids: number[]): Output<'customers.list'>['rows'] {
  if (ids.length === 0) return [];
  const rows = prepared(ctx.db, `${customerListSelect} where c.id in (select value from json_each(?))`).all(
    JSON.stringify(ids),
  ) as ListSqlRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toListRows(
    ctx,
    ids.map((id) => byId.get(id)!),
  );
}

/** SQL rows → list rows, with each region's path read once for the page. */
export function toListRows(ctx: Ctx, rows: ListSqlRow[]): Output<'customers.list'>['rows'] {
  const paths = regionPathsOf(
    ctx,
    rows.map((r) => r.regionId),
  );
  return rows.map(
    (r) =>
      ({
        ...r,
        regionPath: r.regionId === null ? [] : (paths.get(r.regionId) ?? []),
        tags: JSON.parse(r.tags) as string[],
        archived: r.archived === 1,
      }) as Output<'customers.list'>['rows'][number],
  );
}

interface CustomerSqlRow {
  id: number;
  code: string;
  name: string;
  shortName: string;
  type: string;
  regionId: number | null;
  address: string;
  phone: string;
  industry: string;
  scale: string | null;
  source: string | null;
  repId: number | null;
  repName: string | null;
  dealerId: number | null;
  dealerName: string | null;
  grade: string;
  lifecycle: string;
  creditLimitFen: number;
  paymentTermDays: number;
  tags: string;
  notes: string;
  mergedIntoId: number | null;
  archived: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function getCustomer(ctx: Ctx, input: ParsedInput<'customers.get'>): Output<'customers.get'> {
  const row = prepared(
    ctx.db,
    `select c.id, c.code, c.name, c.short_name as shortName, c.type, c.region_id as regionId, c.address, c.phone, c.industry, c.scale, c.source,
            c.rep_id as repId, r.name as repName, c.dealer_id as dealerId, d.name as dealerName, c.merged_into_id as mergedIntoId, c.grade, c.lifecycle, c.credit_limit_fen as creditLimitFen, c.payment_term_days as paymentTermDays,
            c.tags, c.notes, c.archived, c.archived_at as archivedAt, c.created_at as createdAt, c.updated_at as updatedAt
     from customers c left join reps r on r.id = c.rep_id left join dealers d on d.id = c.dealer_id where c.id = ?`,
  ).get(input.id) as CustomerSqlRow | undefined;
  if (!row) throw notFound('客户', input.id, 'id');
  const contacts = (
    prepared(
      ctx.db,
      'select id, name, title, phone, email, wechat, is_primary as isPrimary from contacts where customer_id = ? order by is_primary desc, sort_order, id',
    ).all(input.id) as Array<{ id: number; name: string; title: string; phone: string; email: string; wechat: string; isPrimary: number }>
  ).map((k) => ({ ...k, isPrimary: k.isPrimary === 1 }));
  return {
    ...row,
    tags: JSON.parse(row.tags) as string[],
    archived: row.archived === 1,
    regionPath: regionPathNames(ctx, row.regionId),
    contacts,
  } as CustomerDetail;
}

export function nextCustomerCode(ctx: Ctx): string {
  const row = prepared(ctx.db, "select max(cast(substr(code, 2) as integer)) as m from customers where code glob 'C[0-9]*'").get() as {
    m: number | null;
  };
  return `C${String((row.m ?? 0) + 1).padStart(6, '0')}`;
}

type SaveInput = ParsedInput<'customers.save'>;

/** Derived columns kept in step with the record: pinyin sort key, one search haystack, duplicate keys. */
export function customerDerived(c: {
  code: string;
  name: string;
  shortName: string;
  phone: string;
  contacts: Array<{ name: string; phone: string }>;
}) {
  return {
    namePinyin: pinyinFull(c.name),
    searchText: buildSearchText({
      names: [c.name, c.shortName, ...c.contacts.map((k) => k.name)],
      codes: [c.code],
      phones: [c.phone, ...c.contacts.map((k) => k.phone)],
    }),
    nameKey: nameKey(c.name),
    phoneDigits: digitsOnly(c.phone),
  };
}

function normaliseContacts(contacts: SaveInput['contacts']): SaveInput['contacts'] {
  const primaries = contacts.filter((k) => k.isPrimary).length;
  if (primaries > 1) throw new DomainError('VALIDATION', '联系人：只能有一位主联系人', 'contacts');
  // the first contact becomes primary when none is marked, so a customer with contacts always has one
  return contacts.map((k, i) => ({ ...k, isPrimary: primaries === 0 ? i === 0 : k.isPrimary }));
}

export function saveCustomer(ctx: Ctx, input: SaveInput): Output<'customers.save'> {
  return ctx.db.transaction(() => {
    if (input.regionId !== null) assertRegionExists(ctx, input.regionId);
    if (input.repId !== null) assertRepExists(ctx, input.repId);
    if (input.dealerId !== null) assertDealerExists(ctx, input.dealerId);
    const contacts = normaliseContacts(input.contacts);
    const tags = [...new Set(input.tags)];
    const before = input.id === undefined ? undefined : safeGet(ctx, input.id);
    if (input.id !== undefined && !before) throw notFound('客户', input.id, 'id');
    if (before?.archived) throw new DomainError('CONFLICT', '客户已归档，请先恢复再修改', 'id');
    const code = input.code || before?.code || nextCustomerCode(ctx);
    const clash = prepared(ctx.db, 'select id, name from customers where code = ? and id <> ?').get(code, input.id ?? 0) as
      { name: string } | undefined;
    if (clash) throw new DomainError('CONFLICT', `编码：客户编码「${code}」已被「${clash.name}」使用`, 'code');

    const derived = customerDerived({ ...input, code, contacts });
    const now = nowIso(ctx);
    const values = {
      code,
      name: input.name,
      shortName: input.shortName,
      type: input.type,
      regionId: input.regionId,
      address: input.address,
      phone: input.phone,
      industry: input.industry,
      scale: input.scale,
      source: input.source,
      repId: input.repId,
      dealerId: input.dealerId,
      grade: input.grade,
      lifecycle: input.lifecycle,
      creditLimitFen: input.creditLimitFen,
      paymentTermDays: input.paymentTermDays,
      tags: JSON.stringify(tags),
      notes: input.notes,
      ...derived,
      now,
    };
    let id: number;
    if (input.id === undefined) {
      id = Number(
        prepared(
          ctx.db,
          `insert into customers (code, name, short_name, type, region_id, address, phone, industry, scale, source, rep_id, dealer_id, grade, lifecycle,
             credit_limit_fen, payment_term_days, tags, notes, name_pinyin, search_text, name_key, phone_digits, created_at, updated_at)
           values (@code, @name, @shortName, @type, @regionId, @address, @phone, @industry, @scale, @source, @repId, @dealerId, @grade, @lifecycle,
             @creditLimitFen, @paymentTermDays, @tags, @notes, @namePinyin, @searchText, @nameKey, @phoneDigits, @now, @now)`,
        ).run(values).lastInsertRowid,
      );
    } else {
      id = input.id;
      prepared(
        ctx.db,
        `update customers set code = @code, name = @name, short_name = @shortName, type = @type, region_id = @regionId, address = @address,
           phone = @phone, industry = @industry, scale = @scale, source = @source, rep_id = @repId, dealer_id = @dealerId, grade = @grade, lifecycle = @lifecycle,
           credit_limit_fen = @creditLimitFen, payment_term_days = @paymentTermDays, tags = @tags, notes = @notes, name_pinyin = @namePinyin,
           search_text = @searchText, name_key = @nameKey, phone_digits = @phoneDigits, updated_at = @now
         where id = @id`,
      ).run({ ...values, id });
      if (before && before.lifecycle !== input.lifecycle) logLifecycleChange(ctx, id, before.lifecycle, input.lifecycle, 'manual');
    }
    writeContacts(ctx, id, contacts);
    prepared(ctx.db, 'delete from customer_tags where customer_id = ?').run(id);
    for (const tag of tags) prepared(ctx.db, 'insert into customer_tags (customer_id, tag) values (?, ?)').run(id, tag);
    recordAudit(ctx, {
      action: input.id === undefined ? 'create' : 'update',
      entity: 'customer',
      entityId: id,
      before,
      after: getCustomer(ctx, { id }),
    });
    return { id, code };
  })();
}

function safeGet(ctx: Ctx, id: number): CustomerDetail | undefined {
  try {
    return getCustomer(ctx, { id });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

/** Contacts are replaced as a set: kept ids are updated, missing ones removed, new ones inserted. */
function writeContacts(ctx: Ctx, customerId: number, contacts: SaveInput['contacts']): void {
  const existing = new Set(
    (prepared(ctx.db, 'select id from contacts where customer_id = ?').all(customerId) as Array<{ id: number }>).map((r) => r.id),
  );
  const seen = new Set<number>();
  contacts.forEach((k, i) => {
    if (k.id !== undefined && !existing.has(k.id)) {
      throw new DomainError('REFERENCE', `联系人 › 第${i + 1}行：联系人不属于该客户（编号 ${k.id}）`, `contacts.${i}.id`);
    }
    if (k.id !== undefined && seen.has(k.id)) {
      throw new DomainError('VALIDATION', `联系人 › 第${i + 1}行：同一联系人出现了两次（编号 ${k.id}）`, `contacts.${i}.id`);
    }
    if (k.id !== undefined) seen.add(k.id);
  });
  const kept = new Set(contacts.map((k) => k.id).filter((v): v is number => v !== undefined));
  for (const id of existing) if (!kept.has(id)) prepared(ctx.db, 'delete from contacts where id = ?').run(id);
  contacts.forEach((k, i) => {
    const row = [k.name, k.title, k.phone, k.email, k.wechat, k.isPrimary ? 1 : 0, i];
    if (k.id !== undefined) {
      prepared(
        ctx.db,
        'update contacts set name = ?, title = ?, phone = ?, email = ?, wechat = ?, is_primary = ?, sort_order = ? where id = ?',
      ).run(...row, k.id);
    } else {
      prepared(
        ctx.db,
        'insert into contacts (customer_id, name, title, phone, email, wechat, is_primary, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(customerId, ...row);
    }
  });
}

export function archiveCustomer(ctx: Ctx, input: ParsedInput<'customers.archive'>): Output<'customers.archive'> {
  return ctx.db.transaction(() => {
    const row = prepared(ctx.db, 'select id, archived, merged_into_id as mergedIntoId from customers where id = ?').get(input.id) as
      { id: number; archived: number; mergedIntoId: number | null } | undefined;
    if (!row) throw notFound('客户', input.id, 'id');
    if (row.mergedIntoId !== null && !input.archived) {
      throw new DomainError('CONFLICT', `该客户已合并到另一客户（编号 ${row.mergedIntoId}），不能恢复`, 'id');
    }
    if ((row.archived === 1) !== input.archived) {
      prepared(ctx.db, 'update customers set archived = ?, archived_at = ?, updated_at = ? where id = ?').run(
        input.archived ? 1 : 0,
        input.archived ? nowIso(ctx) : null,
        nowIso(ctx),
        input.id,
      );
      recordAudit(ctx, {
        action: input.archived ? 'archive' : 'restore',
        entity: 'customer',
        entityId: input.id,
        before: { archived: row.archived === 1 },
        after: { archived: input.archived },
      });
    }
    return { id: input.id, archived: input.archived };
  })();
}

export function findDuplicates(ctx: Ctx, input: ParsedInput<'customers.findDuplicates'>): Output<'customers.findDuplicates'> {
  const key = input.name ? nameKey(input.name) : '';
  const phone = digitsOnly(input.phone);
  const out: Output<'customers.findDuplicates'> = [];
  const seen = new Set<number>();
  const push = (rows: Array<{ id: number; code: string; name: string; phone: string; archived: number }>, reason: 'name' | 'phone') => {
    for (const r of rows) {
      if (r.id === input.excludeId || seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ ...r, archived: r.archived === 1, reason });
    }
  };
  const select = 'select id, code, name, phone, archived from customers';
  const notMerged = 'merged_into_id is null and';
  if (key.length >= 2) push(prepared(ctx.db, `${select} where ${notMerged} name_key = ? limit 20`).all(key) as never, 'name');
  // short numbers (extensions, 110) would match too much to be a useful warning
  if (phone.length >= 7) {
    push(prepared(ctx.db, `${select} where ${notMerged} phone_digits = ? limit 20`).all(phone) as never, 'phone');
    push(
      prepared(
        ctx.db,
        `${select} where ${notMerged} id in (select customer_id from contacts where replace(replace(phone, '-', ''), ' ', '') = ?) limit 20`,
      ).all(phone) as never,
      'phone',
    );
  }
  return out;
}

export function listTags(ctx: Ctx): Output<'customers.tags'> {
  return prepared(
    ctx.db,
    'select t.tag, count(*) as count from customer_tags t join customers c on c.id = t.customer_id where c.archived = 0 group by t.tag order by count desc, t.tag limit 200',
  ).all() as Output<'customers.tags'>;
}

export interface CustomerExtras {
  address: string;
  industry: string;
  scale: CustomerScale | null;
  source: CustomerSource | null;
  notes: string;
  createdAt: string;
}

/** The fields the list leaves out (address, industry …), by id: the export writes whole records. */
export function customerExtras(ctx: Ctx, ids: number[]): Map<number, CustomerExtras> {
  const rows = prepared(
    ctx.db,
    `select id, address, industry, scale, source, notes, created_at as createdAt from customers where id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as Array<CustomerExtras & { id: number }>;
  return new Map(rows.map(({ id, ...extras }) => [id, extras]));
}
