// 经销商与渠道: dealers with channel type, tier, authorised territory, contract dates, deposit and credit.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { DealerDetail, Output, ParsedInput } from '../../../../shared/contract';
import { CONTRACT_EXPIRY_WARNING_DAYS } from '../../../../shared/domain/dealer';
import { DomainError, danglingRef, notFound } from '../../errors';
import { count, prepared } from '../../db/sql';
import { buildSearchText, normaliseSearch, pinyinFull, searchWordClauses } from '../../text';
import { recordAudit } from '../audit/audit';
import { getRegion } from '../regions/regions';
import { regionPathsOf } from '../regions/paths';
import { assertRepExists } from '../reps/reps';
import { dealerAccountId, syncDealerAccount } from './accounts';

export function getDealerName(ctx: Ctx, id: number): string | undefined {
  return (prepared(ctx.db, 'select name from dealers where id = ?').get(id) as { name: string } | undefined)?.name;
}

export function assertDealerExists(ctx: Ctx, id: number, field = 'dealerId'): void {
  if (getDealerName(ctx, id) === undefined) throw danglingRef('经销商', field, id);
}

/** How many dealers have this exact region in their territory (a region in use must not be deleted). */
type ListInput = ParsedInput<'dealers.list'>;
type SortField = NonNullable<ListInput['sort']>['field'];
type ListRow = Output<'dealers.list'>['rows'][number];

const customerCountSql = '(select count(*) from customers c where c.dealer_id = d.id and c.archived = 0)';

const sortSql: Record<SortField, string> = {
  code: 'd.code',
  name: 'd.name_pinyin',
  channelType: 'd.channel_type',
  tier: 'd.tier',
  // no end date sorts after every real date
  contractEnd: "coalesce(d.contract_end, '9999-12-31')",
  depositFen: 'd.deposit_fen',
  creditLimitFen: 'd.credit_limit_fen',
  customerCount: customerCountSql,
  updatedAt: 'd.updated_at',
};

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** WHERE clause shared by the list, its count and the Excel export of the same view. */
export function dealerFilterSql(ctx: Ctx, input: Omit<ListInput, 'page' | 'pageSize' | 'sort'>): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly (string | number)[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${col} in (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList('d.channel_type', input.channelType);
  inList('d.status', input.status);
  inList('d.tier', input.tier);
  if (input.repId) {
    where.push('d.rep_id = ?');
    params.push(input.repId);
  }
  if (input.regionId) {
    // authorised for the region: a territory that is the region, one of its ancestors, or inside its subtree
    where.push(
      `d.id in (select dt.dealer_id from dealer_territories dt join regions tr on tr.id = dt.region_id, regions q
                where q.id = ? and (q.path like tr.path || '%' or tr.path like q.path || '%'))`,
    );
    params.push(input.regionId);
  }
  if (input.expiringOnly) {
    // ended contracts still marked active are the most urgent of all, so there is no lower bound
    where.push("d.status = 'active' and d.contract_end is not null and d.contract_end <= ?");
    params.push(addDays(todayLocal(ctx), CONTRACT_EXPIRY_WARNING_DAYS));
  }
  const search = normaliseSearch(input.search);
  const words = searchWordClauses('d.search_text', search);
  where.push(...words.clauses);
  params.push(...words.params);
  return { where: where.length ? `where ${where.join(' and ')}` : '', params };
}

interface ListSqlRow {
  id: number;
  code: string;
  name: string;
  shortName: string;
  channelType: ListRow['channelType'];
  tier: ListRow['tier'];
  contactName: string;
  phone: string;
  contractStart: string | null;
  contractEnd: string | null;
  depositFen: number;
  creditLimitFen: number;
  repId: number | null;
  repName: string | null;
  status: ListRow['status'];
  customerCount: number;
  updatedAt: string;
}

const listSelect = `select d.id, d.code, d.name, d.short_name as shortName, d.channel_type as channelType, d.tier,
  d.contact_name as contactName, d.phone, d.contract_start as contractStart, d.contract_end as contractEnd,
  d.deposit_fen as depositFen, d.credit_limit_fen as creditLimitFen, d.rep_id as repId, r.name as repName, d.status,
  ${customerCountSql} as customerCount, d.updated_at as updatedAt
from dealers d left join reps r on r.id = d.rep_id`;

export function listDealers(ctx: Ctx, input: ListInput): Output<'dealers.list'> {
  const { where, params } = dealerFilterSql(ctx, input);
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, d.id ${input.sort.order}` : 'd.id desc';
  const offset = (input.page - 1) * input.pageSize;
  if (input.search?.trim()) {
    // a LIKE search is the expensive part: run it once for all ordered ids (the total), then load only this page's rows
    const ids = prepared(ctx.db, `select d.id from dealers d ${where} order by ${order}`)
      .pluck()
      .all(...params) as number[];
    return { total: ids.length, rows: rowsByIds(ctx, ids.slice(offset, offset + input.pageSize)) };
  }
  const total = count(ctx.db, `select count(*) as n from dealers d ${where}`, params);
  const rows = prepared(ctx.db, `${listSelect} ${where} order by ${order} limit ? offset ?`).all(
    ...params,
    input.pageSize,
    offset,
  ) as ListSqlRow[];
  return { total, rows: withTerritories(ctx, rows) };
}

function rowsByIds(ctx: Ctx, ids: number[]): ListRow[] {
  if (ids.length === 0) return [];
  const rows = prepared(ctx.db, `${listSelect} where d.id in (select value from json_each(?))`).all(JSON.stringify(ids)) as ListSqlRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return withTerritories(
    ctx,
    ids.map((id) => byId.get(id)!),
  );
}

/** Territories of a page of dealers in one query, in region-tree order. */
function withTerritories(ctx: Ctx, rows: ListSqlRow[]): ListRow[] {
  const today = todayLocal(ctx);
  const territories = new Map<number, Array<{ id: number; name: string }>>();
  if (rows.length) {
    const links = prepared(
      ctx.db,
      `select dt.dealer_id as dealerId, g.id, g.name from dealer_territories dt join regions g on g.id = dt.region_id
       where dt.dealer_id in (select value from json_each(?)) order by g.level, g.sort_order, g.initials, g.id`,
    ).all(JSON.stringify(rows.map((r) => r.id))) as Array<{ dealerId: number; id: number; name: string }>;
    for (const l of links) {
      const list = territories.get(l.dealerId) ?? [];
      list.push({ id: l.id, name: l.name });
      territories.set(l.dealerId, list);
    }
  }
  const paths = regionPathsOf(
    ctx,
    [...territories.values()].flatMap((own) => own.map((t) => t.id)),
  );
  return rows.map((r) => {
    const own = territories.get(r.id) ?? [];
    return {
      ...r,
      territoryIds: own.map((t) => t.id),
      territoryNames: own.map((t) => t.name),
      territoryPaths: own.map((t) => paths.get(t.id) ?? [t.name]),
      contractDaysLeft: r.contractEnd === null ? null : dayNumber(r.contractEnd) - dayNumber(today),
    };
  });
}

export function getDealer(ctx: Ctx, input: ParsedInput<'dealers.get'>): Output<'dealers.get'> {
  const row = prepared(
    ctx.db,
    `select d.id, d.code, d.name, d.short_name as shortName, d.channel_type as channelType, d.tier,
       d.contact_name as contactName, d.phone, d.contract_start as contractStart, d.contract_end as contractEnd,
       d.deposit_fen as depositFen, d.credit_limit_fen as creditLimitFen, d.rep_id as repId, r.name as repName, d.status,
       ${customerCountSql} as customerCount, d.updated_at as updatedAt, d.address, d.notes, d.created_at as createdAt
     from dealers d left join reps r on r.id = d.rep_id where d.id = ?`,
  ).get(input.id) as (ListSqlRow & { address: string; notes: string; createdAt: string }) | undefined;
  if (!row) throw notFound('经销商', input.id, 'id');
  const [listRow] = withTerritories(ctx, [row]);
  return {
    ...listRow!,
    address: row.address,
    notes: row.notes,
    createdAt: row.createdAt,
    territories: listRow!.territoryIds.map((id, i) => ({ id, name: listRow!.territoryNames[i]!, path: listRow!.territoryPaths[i]! })),
    accountCustomerId: dealerAccountId(ctx, row.id),
  };
}

function nextDealerCode(ctx: Ctx): string {
  const row = prepared(ctx.db, "select max(cast(substr(code, 2) as integer)) as m from dealers where code glob 'D[0-9]*'").get() as {
    m: number | null;
  };
  return `D${String((row.m ?? 0) + 1).padStart(4, '0')}`;
}

/** Valid, distinct territory regions with any region already covered by a listed ancestor dropped (subtrees count). */
function normaliseTerritory(ctx: Ctx, regionIds: number[]): number[] {
  const paths = new Map<number, string>();
  regionIds.forEach((id, i) => {
    if (paths.has(id)) return;
    const region = getRegion(ctx, id);
    if (!region) throw danglingRef('授权区域', `territoryRegionIds.${i}`, id);
    paths.set(id, region.path);
  });
  const all = [...paths];
  return all.filter(([id, path]) => !all.some(([other, otherPath]) => other !== id && path.startsWith(otherPath))).map(([id]) => id);
}

/** What the audit log keeps: the record as a user reads it, without values derived from today's date or other tables. */
function auditSnapshot(d: DealerDetail) {
  const { customerCount: _c, contractDaysLeft: _d, territories, territoryIds: _i, territoryNames: _n, accountCustomerId: _a, ...rest } = d;
  return { ...rest, territoryNames: territories.map((t) => t.path.join(' › ')) };
}

/** Derived columns kept in step with the record: pinyin sort key and one search haystack. */
export function dealerDerived(d: { code: string; name: string; shortName: string; contactName: string; phone: string }) {
  return {
    namePinyin: pinyinFull(d.name),
    searchText: buildSearchText({ names: [d.name, d.shortName, d.contactName], codes: [d.code], phones: [d.phone] }),
  };
}

export function saveDealer(ctx: Ctx, input: ParsedInput<'dealers.save'>): Output<'dealers.save'> {
  return ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : safeGet(ctx, input.id);
    if (input.id !== undefined && !before) throw notFound('经销商', input.id, 'id');
    if (input.repId !== null) assertRepExists(ctx, input.repId);
    const territory = normaliseTerritory(ctx, input.territoryRegionIds);
    if (input.contractStart && input.contractEnd && input.contractEnd < input.contractStart) {
      throw new DomainError(
        'VALIDATION',
        `合同到期日期：不能早于合同开始日期（${input.contractStart}），现为 ${input.contractEnd}`,
        'contractEnd',
      );
    }
    const code = input.code || before?.code || nextDealerCode(ctx);
    const clash = prepared(ctx.db, 'select name from dealers where code = ? and id <> ?').get(code, input.id ?? 0) as
      { name: string } | undefined;
    if (clash) throw new DomainError('CONFLICT', `编码：经销商编码「${code}」已被「${clash.name}」使用`, 'code');

    const now = nowIso(ctx);
    const values = {
      code,
      name: input.name,
      shortName: input.shortName,
      channelType: input.channelType,
      tier: input.tier,
      contactName: input.contactName,
      phone: input.phone,
      address: input.address,
      contractStart: input.contractStart,
      contractEnd: input.contractEnd,
      depositFen: input.depositFen,
      creditLimitFen: input.creditLimitFen,
      repId: input.repId,
      status: input.status,
      notes: input.notes,
      ...dealerDerived({ ...input, code }),
      now,
    };
    let id: number;
    if (input.id === undefined) {
      id = Number(
        prepared(
          ctx.db,
          `insert into dealers (code, name, short_name, channel_type, tier, contact_name, phone, address, contract_start, contract_end,
             deposit_fen, credit_limit_fen, rep_id, status, notes, name_pinyin, search_text, created_at, updated_at)
           values (@code, @name, @shortName, @channelType, @tier, @contactName, @phone, @address, @contractStart, @contractEnd,
             @depositFen, @creditLimitFen, @repId, @status, @notes, @namePinyin, @searchText, @now, @now)`,
        ).run(values).lastInsertRowid,
      );
    } else {
      id = input.id;
      prepared(
        ctx.db,
        `update dealers set code = @code, name = @name, short_name = @shortName, channel_type = @channelType, tier = @tier,
           contact_name = @contactName, phone = @phone, address = @address, contract_start = @contractStart, contract_end = @contractEnd,
           deposit_fen = @depositFen, credit_limit_fen = @creditLimitFen, rep_id = @repId, status = @status, notes = @notes,
           name_pinyin = @namePinyin, search_text = @searchText, updated_at = @now
         where id = @id`,
      ).run({ ...values, id });
      prepared(ctx.db, 'delete from dealer_territories where dealer_id = ?').run(id);
    }
    const link = prepared(ctx.db, 'insert into dealer_territories (dealer_id, region_id) values (?, ?)');
    for (const regionId of territory) link.run(id, regionId);
    // the dealer's own trading account follows its name, phone, address, credit limit and rep
    syncDealerAccount(ctx, id);
    recordAudit(ctx, {
      action: input.id === undefined ? 'create' : 'update',
      entity: 'dealer',
      entityId: id,
      before: before && auditSnapshot(before),
      after: auditSnapshot(getDealer(ctx, { id })),
    });
    return { id, code };
  })();
}

function safeGet(ctx: Ctx, id: number): DealerDetail | undefined {
  try {
    return getDealer(ctx, { id });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

export interface DealerExtras {
  address: string;
  notes: string;
  createdAt: string;
}

/** The fields the list leaves out (address, notes), by id: the export writes whole records. */
export function dealerExtras(ctx: Ctx, ids: number[]): Map<number, DealerExtras> {
  const rows = prepared(
    ctx.db,
    'select id, address, notes, created_at as createdAt from dealers where id in (select value from json_each(?))',
  ).all(JSON.stringify(ids)) as Array<DealerExtras & { id: number }>;
  return new Map(rows.map(({ id, ...extras }) => [id, extras]));
}
