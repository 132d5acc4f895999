// The demo generator: a realistic small company that the real services can list, search and de-duplicate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayLocal } from '../../electron/core/context';
import { createCore, type Core } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/connection';
import { chineseNumber, generateDemo, mulberry32, type DemoResult } from '../../electron/core/demo/generate';
import { parseArgs, runDemoCli } from '../../electron/core/demo/cli';
import { contract } from '../../shared/contract';
import { DEMO_MANAGER } from '../../electron/core/demo/operators';
import { actAs, asOperator } from './helpers';
import { signedFormMismatches } from '../../electron/core/modules/dailyReports/signatures';

const NOW = new Date('2026-03-16T02:00:00.000Z');
const SEED = 424242;

let dir: string;
let core: Core;
let result: DemoResult;

function makeDb(name: string, seed = SEED): { core: Core; result: DemoResult } {
  const c = createCore(path.join(dir, name), { now: () => NOW });
  const result = generateDemo(c.ctx.db, { scale: 'small', seed, now: NOW });
  // calls act as the demo's manager
  return { core: actAs(c, DEMO_MANAGER), result };
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const env = await core.call(method, input);
  if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
  return env.data as T;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-demo-test-'));
  ({ core, result } = makeDb('small.db'));
  // three years of daily forms: give the generation time on a loaded machine
}, 60_000);

afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).get(...params) as T;
const countOf = (table: string, where = '1') => one<{ n: number }>(`select count(*) as n from ${table} where ${where}`).n;
const dayMs = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Each row's parse result, with the first issue named, for a readable failure. */
function expectValid(method: keyof typeof contract, label: string, input: unknown): void {
  const parsed = contract[method].input.safeParse(input);
  expect(parsed.success, `${label}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true);
}

describe('demo generator (small)', () => {
  it('reports and writes the expected counts', () => {
    expect(result.customers).toBe(300);
    expect(result.reps).toBe(8);
    expect(result.teams).toBe(2);
    expect(result.regions).toBeGreaterThanOrEqual(50);
    expect(result.regions).toBeLessThanOrEqual(75);
    // besides the dealers' trading accounts (type dealer, tests/core/demoMoney.test.ts)
    expect(one<{ n: number }>("select count(*) as n from customers where type <> 'dealer'").n).toBe(300);
    expect(one<{ n: number }>('select count(*) as n from reps').n).toBe(8);
    expect(one<{ n: number }>('select count(*) as n from teams').n).toBe(2);
    expect(one<{ n: number }>('select count(*) as n from regions').n).toBe(result.regions);
    expect(one<{ n: number }>('select count(*) as n from contacts').n).toBe(result.contacts + result.money.dealerAccounts);
    expect(one<{ n: number }>('select count(*) as n from customer_tags').n).toBe(result.customerTags);
    // the caller owns these settings
    expect(all('select key from settings where key in (?, ?)', 'initialized', 'companyName')).toEqual([]);
    const audit = all<{ action: string; after: string }>("select action, after from audit_log where action = 'demo.load'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ scale: 'small', seed: SEED, customers: 300 });
  });

  it('builds a four-level region tree with consistent materialised paths', () => {
    const levels = all<{ level: number; n: number }>('select level, count(*) as n from regions group by level order by level');
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    expect(levels[0]!.n).toBe(4);
    const regions = all<{ id: number; parent_id: number | null; level: number; path: string; name: string; initials: string }>(
      'select id, parent_id, level, path, name, initials from regions',
    );
    const byId = new Map(regions.map((r) => [r.id, r]));
    for (const r of regions) {
      const parent = r.parent_id === null ? null : byId.get(r.parent_id);
      expect(r.path).toBe(`${parent ? parent.path : '/'}${r.id}/`);
      expect(r.level).toBe(parent ? parent.level + 1 : 1);
      // one lower-case initial per character of a Chinese name
      expect(r.initials, r.name).toMatch(new RegExp(`^[a-z]{${r.name.length}}$`));
    }
    expect(regions.filter((r) => r.level === 4).every((r) => r.name.endsWith('片区'))).toBe(true);
    expect(['hd', 'gxqpq']).toEqual([byId.get(1), byId.get(4)].map((r) => r!.initials));
    expect([byId.get(1)!.name, byId.get(4)!.name]).toEqual(['华东', '高新区片区']);
  });

  it('puts every customer in an existing level-3/4 region inside one of its rep’s regions', () => {
    const rows = all<{ code: string; level: number | null; path: string | null; covered: number }>(
      `select c.code, g.level, g.path,
              exists (select 1 from rep_regions rr join regions x on x.id = rr.region_id
                      where rr.rep_id = c.rep_id and g.path like x.path || '%') as covered
       from customers c left join regions g on g.id = c.region_id where c.type <> 'dealer'`,
    );
    expect(rows).toHaveLength(300);
    for (const r of rows) {
      expect(r.path, r.code).not.toBeNull();
      expect([3, 4]).toContain(r.level);
      expect(r.covered, r.code).toBe(1);
    }
    expect(one<{ n: number }>('select count(*) as n from customers where rep_id is null').n).toBe(0);
  });

  it('gives reps teams, supervisors, phones and regions', () => {
    const reps = all<{ code: string; phone: string; team_id: number; supervisor_id: number | null; hire_date: string; regions: number }>(
      'select code, phone, team_id, supervisor_id, hire_date, (select count(*) from rep_regions rr where rr.rep_id = r.id) as regions from reps r order by code',
    );
    expect(reps.map((r) => r.code)).toEqual(['R001', 'R002', 'R003', 'R004', 'R005', 'R006', 'R007', 'R008']);
    for (const r of reps) {
      expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(r.hire_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.regions).toBeGreaterThan(0);
    }
    // one supervisor per team, everyone else reports to their team's supervisor
    const supervisors = all<{ id: number; team_id: number }>('select id, team_id from reps where supervisor_id is null');
    expect(supervisors).toHaveLength(2);
    const bad = one<{ n: number }>(
      'select count(*) as n from reps r join reps s on s.id = r.supervisor_id where s.team_id <> r.team_id or s.supervisor_id is not null',
    );
    expect(bad.n).toBe(0);
  });

  it('has exactly one primary contact per customer, and 1–3 contacts each', () => {
    const rows = all<{ n: number; primaries: number }>(
      'select count(k.id) as n, coalesce(sum(k.is_primary), 0) as primaries from customers c left join contacts k on k.customer_id = c.id group by c.id',
    );
    for (const r of rows) {
      expect(r.n).toBeGreaterThanOrEqual(1);
      expect(r.n).toBeLessThanOrEqual(3);
      expect(r.primaries).toBe(1);
    }
  });

  it('stores money as integer fen, in whole yuan, and uses valid enums and terms', () => {
    expect(one<{ n: number }>("select count(*) as n from customers where typeof(credit_limit_fen) <> 'integer'").n).toBe(0);
    expect(one<{ n: number }>('select count(*) as n from customers where credit_limit_fen % 100 <> 0').n).toBe(0);
    expect(one<{ n: number }>('select count(*) as n from customers where payment_term_days not in (0, 15, 30, 45, 60)').n).toBe(0);
    const a = one<{ lo: number; hi: number }>(
      "select min(credit_limit_fen) as lo, max(credit_limit_fen) as hi from customers where grade = 'A' and lifecycle <> 'prospect'",
    );
    expect(a.lo).toBeGreaterThanOrEqual(50_000 * 100);
    expect(a.hi).toBeLessThanOrEqual(500_000 * 100);
    const grades = Object.fromEntries(
      all<{ grade: string; n: number }>('select grade, count(*) as n from customers group by grade').map((g) => [g.grade, g.n / 300]),
    );
    expect(grades.A).toBeGreaterThan(0.03);
    expect(grades.A).toBeLessThan(0.14);
    expect(grades.C).toBeGreaterThan(0.32);
    expect(grades.D).toBeGreaterThan(0.2);
  });

  it('fills tags in both places and codes in creation order, dates within the last three years', () => {
    const mismatched = all<{ id: number }>(
      `select c.id from customers c
       where (select count(*) from json_each(c.tags)) <> (select count(*) from customer_tags t where t.customer_id = c.id)`,
    );
    expect(mismatched).toEqual([]);
    const tagged = one<{ n: number }>("select count(*) as n from customers where tags <> '[]'").n;
    expect(tagged).toBeGreaterThan(30);
    const dates = all<{ code: string; created_at: string; updated_at: string }>(
      "select code, created_at, updated_at from customers where type <> 'dealer' order by code",
    );
    expect(dates[0]!.code).toBe('C000001');
    expect(dates[299]!.code).toBe('C000300');
    const threeYearsAgo = NOW.getTime() - 3 * 366 * 86_400_000;
    for (let i = 0; i < dates.length; i++) {
      const created = Date.parse(dates[i]!.created_at);
      expect(created).toBeLessThan(NOW.getTime());
      expect(created).toBeGreaterThan(threeYearsAgo);
      expect(Date.parse(dates[i]!.updated_at)).toBeGreaterThanOrEqual(created);
      if (i > 0) expect(dates[i]!.created_at >= dates[i - 1]!.created_at).toBe(true);
    }
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const again = makeDb('again.db');
    const other = makeDb('other.db', SEED + 1);
    try {
      const first20 = (c: Core) =>
        c.ctx.db.prepare('select code, name, phone, region_id, grade from customers order by code limit 20').all();
      expect(first20(again.core)).toEqual(first20(core));
      expect(again.result).toEqual(result);
      expect(first20(other.core)).not.toEqual(first20(core));
      const rest = (c: Core) =>
        [
          'select code, name, tier, channel_type, contract_end, deposit_fen, status, rep_id from dealers order by code',
          'select dealer_id, region_id from dealer_territories order by dealer_id, region_id',
          'select code, dealer_id from customers where dealer_id is not null order by code',
          'select sku, name, spec, category_id, list_price_fen, dealer_price_fen, floor_price_fen, cost_fen, active from products order by sku',
          'select customer_id, goals, decision_makers from strategy_cards order by customer_id',
          'select customer_id, due_date, action, done, done_at from strategy_actions order by id',
          'select customer_id, month, purchase_score, payment_score, cooperation_score, potential_score, evaluator from monthly_evaluations order by id',
          'select rep_id, date, state, signed_by_operator_id, signed_at, content_hash from visit_plans order by id',
          'select report_id, plan_line_id, customer_id, done, outcome, order_fen, collected_fen from daily_report_lines order by id',
          'select code, customer_id, status from complaints order by id',
          'select meeting_id, content, owner_rep_id, done, done_in_meeting_id from meeting_action_items order by id',
        ].map((sql) => c.ctx.db.prepare(sql).all());
      expect(rest(again.core)).toEqual(rest(core));
      expect(rest(other.core)).not.toEqual(rest(core));
    } finally {
      again.core.close();
      other.core.close();
    }
  });

  it('refuses a database that already has data', () => {
    expect(() => generateDemo(core.ctx.db, { scale: 'small', seed: 1, now: NOW })).toThrow(/空数据库/);
    expect(one<{ n: number }>("select count(*) as n from customers where type <> 'dealer'").n).toBe(300);
  });

  it('is searchable through customers.list by pinyin initials, full pinyin, and name', async () => {
    const target = one<{ id: number; name: string; name_pinyin: string; search_text: string }>(
      "select id, name, name_pinyin, search_text from customers where archived = 0 and type = 'wholesale' order by code limit 1",
    );
    // written out for this seed: name, short name and both contacts, in full pinyin and in initials
    expect(target.name).toBe('无锡美茂粮油有限公司');
    expect(target.name_pinyin).toBe('wuximeimaoliangyouyouxiangongsi');
    expect(target.search_text).toBe(
      '无锡美茂粮油有限公司|美茂粮油|方红军|张磊|c000012|051077682785|13760333706|18088471252|' +
        'wuximeimaoliangyouyouxiangongsi|meimaoliangyou|fanghongjun|zhanglei|wxmmlyyxgs|mmly|fhj|zl',
    );
    for (const search of ['wxmmlyyxgs', 'wxmm', 'wuximeimao', '无锡美茂粮油有限公司', 'mmly', 'fanghongjun']) {
      const list = await call<{ total: number; rows: Array<{ id: number }> }>('customers.list', { search, pageSize: 500 });
      expect(
        list.rows.map((r) => r.id),
        search,
      ).toContain(target.id);
    }
  });

  it('lists a 大区 subtree filtered by grade through the real dispatcher', async () => {
    const area = one<{ id: number; path: string }>("select id, path from regions where level = 1 and name = '华东'");
    const expected = one<{ n: number }>(
      `select count(*) as n from customers c join regions g on g.id = c.region_id
       where c.archived = 0 and g.path like ? and c.grade in ('A', 'B')`,
      `${area.path}%`,
    ).n;
    expect(expected).toBeGreaterThan(0);
    const list = await call<{ total: number; rows: Array<{ grade: string }> }>('customers.list', {
      regionId: area.id,
      grade: ['A', 'B'],
      sort: { field: 'name', order: 'asc' },
    });
    expect(list.total).toBe(expected);
    expect(list.rows.every((r) => r.grade === 'A' || r.grade === 'B')).toBe(true);
  });

  it('plants near-duplicates that customers.findDuplicates finds (by name and by phone)', async () => {
    expect(result.duplicates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(result.duplicates.map((d) => d.reason))).toEqual(new Set(['name', 'phone']));
    for (const dup of result.duplicates) {
      const row = one<{ id: number; name: string; phone: string }>('select id, name, phone from customers where code = ?', dup.code);
      const original = one<{ id: number }>('select id from customers where code = ?', dup.duplicateOf);
      const input = dup.reason === 'name' ? { name: row.name } : { phone: row.phone };
      const found = await call<Array<{ id: number; reason: string }>>('customers.findDuplicates', { ...input, excludeId: row.id });
      expect(
        found.map((f) => f.id),
        `${dup.code} → ${dup.duplicateOf}`,
      ).toContain(original.id);
      expect(found.find((f) => f.id === original.id)!.reason).toBe(dup.reason);
    }
    // and nothing else collides by accident
    const nameGroups = one<{ n: number }>(
      'select count(*) as n from (select name_key from customers group by name_key having count(*) > 1)',
    ).n;
    expect(nameGroups).toBe(result.duplicates.filter((d) => d.reason === 'name').length);
  });

  it('passes the customers.save input schema for every generated customer (editable in the UI as is)', () => {
    const customers = all<Record<string, unknown> & { id: number }>(
      `select id, code, name, short_name as shortName, type, region_id as regionId, address, phone, industry, scale, source,
              rep_id as repId, dealer_id as dealerId, grade, lifecycle, credit_limit_fen as creditLimitFen,
              payment_term_days as paymentTermDays, tags, notes
       from customers where type <> 'dealer'`,
    );
    const contactsOf = core.ctx.db.prepare(
      'select name, title, phone, email, wechat, is_primary as isPrimary from contacts where customer_id = ? order by sort_order',
    );
    for (const c of customers) {
      const contacts = (contactsOf.all(c.id) as Array<Record<string, unknown>>).map((k) => ({ ...k, isPrimary: k.isPrimary === 1 }));
      const parsed = contract['customers.save'].input.safeParse({ ...c, tags: JSON.parse(c.tags as string), contacts });
      expect(parsed.success, `${String(c.code)}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true);
    }
  });

  it('saves through the API like a UI-created customer would (derived columns identical)', async () => {
    const c = one<{ id: number; search_text: string; name_pinyin: string; name_key: string; phone_digits: string }>(
      'select id, search_text, name_pinyin, name_key, phone_digits from customers where archived = 0 and dealer_id is not null order by code limit 1',
    );
    const detail = await call<Record<string, unknown> & { contacts: Array<Record<string, unknown>> }>('customers.get', { id: c.id });
    const { id, code, name, shortName, type, regionId, address, phone, industry, scale, source, repId, dealerId, grade, lifecycle } =
      detail;
    const saved = await call<{ id: number }>('customers.save', {
      id,
      code,
      name,
      shortName,
      type,
      regionId,
      address,
      phone,
      industry,
      scale,
      source,
      repId,
      dealerId,
      grade,
      lifecycle,
      creditLimitFen: detail.creditLimitFen,
      paymentTermDays: detail.paymentTermDays,
      tags: detail.tags,
      notes: detail.notes,
      contacts: detail.contacts.map((k) => ({
        id: k.id,
        name: k.name,
        title: k.title,
        phone: k.phone,
        email: k.email,
        wechat: k.wechat,
        isPrimary: k.isPrimary,
      })),
    });
    expect(saved.id).toBe(c.id);
    const after = one<typeof c>('select id, search_text, name_pinyin, name_key, phone_digits from customers where id = ?', c.id);
    expect(after).toEqual(c);
  });
});

describe('demo generator: dealers, products and customer cards (small)', () => {
  const today = () => todayLocal(core.ctx);

  it('reports and writes the expected counts', () => {
    expect(result.dealers).toBe(12);
    expect(result.products).toBe(60);
    expect(countOf('dealers')).toBe(12);
    expect(countOf('products')).toBe(60);
    expect(countOf('dealer_territories')).toBe(result.dealerTerritories);
    expect(countOf('product_categories')).toBe(result.productCategories);
    expect(countOf('customers', 'dealer_id is not null')).toBe(result.servedCustomers);
    expect(countOf('strategy_cards')).toBe(result.strategyCards);
    expect(countOf('strategy_actions')).toBe(result.strategyActions);
    expect(countOf('monthly_evaluations')).toBe(result.monthlyEvaluations);
    expect(result.strategyCards / 300).toBeGreaterThan(0.08);
    expect(result.strategyCards / 300).toBeLessThan(0.25);
    const evaluated = one<{ n: number }>('select count(distinct customer_id) as n from monthly_evaluations').n;
    expect(evaluated / 300).toBeGreaterThan(0.1);
    expect(evaluated / 300).toBeLessThan(0.3);
    const audit = one<{ after: string }>("select after from audit_log where action = 'demo.load'");
    expect(JSON.parse(audit.after)).toMatchObject({
      dealers: 12,
      dealerTerritories: result.dealerTerritories,
      servedCustomers: result.servedCustomers,
      crossTerritory: result.crossTerritory.length,
      productCategories: result.productCategories,
      products: 60,
      strategyCards: result.strategyCards,
      strategyActions: result.strategyActions,
      monthlyEvaluations: result.monthlyEvaluations,
    });
  });

  it('passes the dealers.save input schema for every generated dealer', () => {
    const dealers = all<Record<string, unknown> & { id: number }>(
      `select id, code, name, short_name as shortName, channel_type as channelType, tier, contact_name as contactName, phone, address,
              contract_start as contractStart, contract_end as contractEnd, deposit_fen as depositFen, credit_limit_fen as creditLimitFen,
              rep_id as repId, status, notes
       from dealers`,
    );
    const territoryOf = core.ctx.db.prepare('select region_id as id from dealer_territories where dealer_id = ?').pluck();
    for (const d of dealers) expectValid('dealers.save', String(d.code), { ...d, territoryRegionIds: territoryOf.all(d.id) });
  });

  it('gives dealers ordered codes, names, contacts, plausible contracts, money in whole yuan and search columns', () => {
    const dealers = all<{
      code: string;
      name: string;
      short_name: string;
      contact_name: string;
      phone: string;
      address: string;
      tier: number;
      contract_start: string;
      contract_end: string;
      deposit_fen: number;
      credit_limit_fen: number;
      status: string;
      rep_active: number | null;
      name_pinyin: string;
      search_text: string;
      created_at: string;
    }>(`select d.*, r.active as rep_active from dealers d left join reps r on r.id = d.rep_id order by d.code`);
    expect(dealers.map((d) => d.code)).toEqual(Array.from({ length: 12 }, (_x, i) => `D${String(i + 1).padStart(4, '0')}`));
    const now = today();
    for (const d of dealers) {
      expect(d.name, d.code).toMatch(/(有限公司|经营部|商行|直销部|直营部)$/);
      expect(d.short_name.length, d.code).toBeGreaterThan(1);
      expect(d.contact_name.length, d.code).toBeGreaterThan(1);
      expect(d.phone, d.code).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/);
      expect(d.address, d.code).toMatch(/号/);
      expect(d.contract_start <= now, d.code).toBe(true);
      expect(daysFrom(d.contract_start, now), d.code).toBeLessThanOrEqual(3 * 366);
      expect([365, 366, 730, 731], d.code).toContain(daysFrom(d.contract_start, d.contract_end) + 1);
      expect(d.deposit_fen % 100, d.code).toBe(0);
      expect(d.deposit_fen, d.code).toBeLessThanOrEqual(500_000 * 100);
      expect(d.credit_limit_fen, d.code).toBeGreaterThan(0);
      if (d.status === 'terminated') expect(d.contract_end < now, d.code).toBe(true);
      else expect(d.rep_active, d.code).toBe(1);
      expect(d.created_at < NOW.toISOString(), d.code).toBe(true);
      expect(d.name_pinyin, d.code).toMatch(/^[a-z]+$/);
      expect(d.search_text.startsWith(`${d.name}|${d.short_name}|${d.contact_name}|${d.code.toLowerCase()}|`), d.code).toBe(true);
    }
    // written out for this seed
    expect(dealers[0]).toMatchObject({
      code: 'D0001',
      name: '北京汇邦企业服务有限公司',
      name_pinyin: 'beijinghuibangqiyefuwuyouxiangongsi',
      search_text:
        '北京汇邦企业服务有限公司|汇邦商贸|许宇航|d0001|16672120356|beijinghuibangqiyefuwuyouxiangongsi|huibangshangmao|xuyuhang|bjhbqyfwyxgs|hbsm|xyh',
    });
    const expiring = dealers.filter((d) => d.contract_end >= now && daysFrom(now, d.contract_end) <= 30);
    expect(expiring.length).toBeGreaterThanOrEqual(2);
    expect(expiring.every((d) => d.status === 'active')).toBe(true);
    const ended = dealers.filter((d) => d.contract_end < now);
    expect(ended.length).toBeGreaterThanOrEqual(1);
    expect(ended.some((d) => d.status === 'terminated')).toBe(true);
    expect(dealers.filter((d) => d.status === 'suspended').length).toBeGreaterThanOrEqual(1);
    expect(dealers.filter((d) => d.tier === 1).length).toBeLessThan(dealers.filter((d) => d.tier === 3).length);
  });

  it('authorises each dealer for 1–3 disjoint regions (城市, 省 or 大区 for tier 1) of its rep’s market', () => {
    const rows = all<{ code: string; tier: number; status: string; rep_id: number; level: number; path: string }>(
      `select d.code, d.tier, d.status, d.rep_id, g.level, g.path
       from dealers d join dealer_territories t on t.dealer_id = d.id join regions g on g.id = t.region_id order by d.code`,
    );
    const byDealer = groupBy(rows, (r) => r.code);
    expect(byDealer.size).toBe(12);
    const repPaths = groupBy(
      all<{ rep_id: number; path: string }>('select rr.rep_id, g.path from rep_regions rr join regions g on g.id = rr.region_id'),
      (r) => r.rep_id,
    );
    let withRep = 0;
    for (const [code, regions] of byDealer) {
      expect(regions.length, code).toBeGreaterThanOrEqual(1);
      expect(regions.length, code).toBeLessThanOrEqual(3);
      for (const r of regions) {
        expect([1, 2, 3], code).toContain(r.level);
        if (r.level === 1) expect(r.tier, code).toBe(1);
        expect(
          regions.filter((o) => o !== r && r.path.startsWith(o.path)),
          code,
        ).toEqual([]);
      }
      const mine = repPaths.get(regions[0]!.rep_id) ?? [];
      if (regions.every((r) => mine.some((m) => m.path.startsWith(r.path) || r.path.startsWith(m.path)))) withRep++;
    }
    expect(withRep / byDealer.size).toBeGreaterThanOrEqual(0.75);
    // every city with customers has a dealer that still serves it
    const uncovered = one<{ n: number }>(
      `select count(*) as n from regions c where c.level = 3 and not exists (
         select 1 from dealer_territories t join dealers d on d.id = t.dealer_id and d.status <> 'terminated'
         join regions g on g.id = t.region_id where c.path like g.path || '%')`,
    ).n;
    expect(uncovered).toBe(0);
  });

  it('links about 40% of customers, mostly shops, to a dealer covering their region, and plants a few outside it', () => {
    const served = all<{ code: string; type: string; status: string; inside: number }>(
      `select c.code, c.type, d.status,
              exists (select 1 from dealer_territories t join regions g on g.id = t.region_id join regions x on x.id = c.region_id
                      where t.dealer_id = c.dealer_id and x.path like g.path || '%') as inside
       from customers c join dealers d on d.id = c.dealer_id`,
    );
    expect(served.length / 300).toBeGreaterThan(0.3);
    expect(served.length / 300).toBeLessThan(0.5);
    expect(served.filter((s) => s.type === 'retail' || s.type === 'terminal').length / served.length).toBeGreaterThan(0.7);
    expect(served.filter((s) => s.status === 'terminated')).toEqual([]);
    const outside = served.filter((s) => s.inside === 0).map((s) => s.code);
    expect(outside.sort()).toEqual(result.crossTerritory.map((x) => x.code).sort());
    expect(outside.length).toBeGreaterThanOrEqual(2);
    expect(outside.length / served.length).toBeLessThan(0.05);
    for (const x of result.crossTerritory) {
      expect(
        one<{ code: string }>('select d.code from customers c join dealers d on d.id = c.dealer_id where c.code = ?', x.code).code,
      ).toBe(x.dealerCode);
    }
  });

  it('builds a product category tree of 2–3 levels with materialised paths, each category valid for productCategories.save', () => {
    const cats = all<{ id: number; parent_id: number | null; name: string; level: number; path: string; sort_order: number }>(
      'select id, parent_id, name, level, path, sort_order from product_categories',
    );
    const byId = new Map(cats.map((c) => [c.id, c]));
    for (const c of cats) {
      const parent = c.parent_id === null ? null : byId.get(c.parent_id)!;
      expect(c.path).toBe(`${parent ? parent.path : '/'}${c.id}/`);
      expect(c.level).toBe(parent ? parent.level + 1 : 1);
      expectValid('productCategories.save', c.name, { id: c.id, parentId: c.parent_id, name: c.name, sortOrder: c.sort_order });
    }
    expect(new Set(cats.map((c) => c.level))).toEqual(new Set([1, 2, 3]));
    expect(cats.filter((c) => c.level === 1).map((c) => c.name)).toEqual(['酒水饮料', '粮油调味', '休闲食品', '乳品', '日化清洁']);
    // products sit in leaf categories, and every leaf has at least one
    const leaves = cats.filter((c) => !cats.some((o) => o.parent_id === c.id));
    const used = new Set(all<{ category_id: number }>('select distinct category_id from products').map((r) => r.category_id));
    expect(new Set(leaves.map((l) => l.id))).toEqual(used);
  });

  it('prices products in fen with cost < dealer ≤ floor ≤ list and a 10–40% margin, about 5% inactive', () => {
    const products = all<{ sku: string; list: number; dealer: number; floor: number; cost: number; active: number }>(
      `select sku, list_price_fen as list, dealer_price_fen as dealer, floor_price_fen as floor, cost_fen as cost, active from products`,
    );
    for (const p of products) {
      for (const v of [p.list, p.dealer, p.floor, p.cost]) expect(Number.isInteger(v), p.sku).toBe(true);
      expect(p.cost, p.sku).toBeGreaterThan(0);
      expect(p.cost, p.sku).toBeLessThan(p.dealer);
      expect(p.dealer, p.sku).toBeLessThanOrEqual(p.floor);
      expect(p.floor, p.sku).toBeLessThanOrEqual(p.list);
      const margin = (p.list - p.cost) / p.list;
      expect(margin, p.sku).toBeGreaterThanOrEqual(0.095);
      expect(margin, p.sku).toBeLessThanOrEqual(0.405);
    }
    expect(products.filter((p) => p.active === 0).length).toBe(3);
  });

  it('passes the products.save input schema for every product, SKUs in order, pinyin and search text written out', () => {
    const products = all<Record<string, unknown> & { sku: string; name: string; spec: string; name_pinyin: string; search_text: string }>(
      `select id, sku, name, spec, category_id as categoryId, unit, list_price_fen as listPriceFen, dealer_price_fen as dealerPriceFen,
              floor_price_fen as floorPriceFen, cost_fen as costFen, active, notes, name_pinyin, search_text
       from products order by id`,
    );
    expect(products.map((p) => p.sku)).toEqual(Array.from({ length: 60 }, (_x, i) => `P${String(i + 1).padStart(5, '0')}`));
    for (const { name_pinyin, search_text, ...p } of products) {
      expectValid('products.save', p.sku, { ...p, active: p.active === 1 });
      expect(p.unit, p.sku).not.toBe('');
      expect(p.spec, p.sku).not.toBe('');
      expect(name_pinyin, p.sku).toMatch(/^[a-z0-9]+$/);
      expect(search_text.startsWith(`${p.name}|${p.sku.toLowerCase()}|${p.spec.toLowerCase()}|${name_pinyin}|`), p.sku).toBe(true);
    }
    // written out for this seed
    const first = products[0]!;
    expect([first.sku, first.name, first.spec, first.name_pinyin, first.search_text]).toEqual([
      'P00001',
      '贺兰坡干白葡萄酒',
      '750ml×6瓶',
      'helanpoganbaiputaojiu',
      '贺兰坡干白葡萄酒|p00001|750ml×6瓶|helanpoganbaiputaojiu|hlpgbptj',
    ]);
  });

  it('writes strategy cards, more often for A/B customers, valid as strategyCards.save input, with 1–4 actions around today', () => {
    const cards = all<{
      customer_id: number;
      goals: string;
      approach: string;
      decision_makers: string;
      competitors: string;
      updated_at: string;
      grade: string;
      created_at: string;
      archived: number;
    }>(`select s.*, c.grade, c.created_at, c.archived from strategy_cards s join customers c on c.id = s.customer_id`);
    const actionsOf = core.ctx.db.prepare(
      'select id, due_date as dueDate, action, owner, done, done_at as doneAt from strategy_actions where customer_id = ? order by sort_order',
    );
    const now = today();
    for (const c of cards) {
      const actions = actionsOf.all(c.customer_id) as Array<{
        id: number;
        dueDate: string;
        action: string;
        owner: string;
        done: number;
        doneAt: string | null;
      }>;
      expect(actions.length).toBeGreaterThanOrEqual(1);
      expect(actions.length).toBeLessThanOrEqual(4);
      expect(c.archived).toBe(0);
      for (const v of [c.goals, c.approach, c.decision_makers, c.competitors]) expect(v.length, String(c.customer_id)).toBeGreaterThan(0);
      expectValid('strategyCards.save', `card ${c.customer_id}`, {
        customerId: c.customer_id,
        goals: c.goals,
        approach: c.approach,
        decisionMakers: c.decision_makers,
        competitors: c.competitors,
        actions: actions.map((a) => ({ id: a.id, dueDate: a.dueDate, action: a.action, owner: a.owner, done: a.done === 1 })),
      });
      for (const a of actions) {
        expect(Math.abs(daysFrom(now, a.dueDate))).toBeLessThanOrEqual(30);
        expect(a.doneAt === null).toBe(a.done === 0);
        if (a.doneAt) {
          expect(a.doneAt <= NOW.toISOString()).toBe(true);
          expect(a.doneAt >= c.created_at).toBe(true);
          expect(c.updated_at >= a.doneAt).toBe(true);
        }
      }
      expect(c.updated_at <= NOW.toISOString()).toBe(true);
    }
    const share = (grades: string[]) =>
      cards.filter((c) => grades.includes(c.grade)).length / countOf('customers', `grade in (${grades.map((g) => `'${g}'`).join(', ')})`);
    expect(share(['A', 'B'])).toBeGreaterThan(share(['C', 'D']) * 2);
    const actions = all<{ done: number; overdue: number }>('select done, due_date < ? as overdue from strategy_actions', now);
    expect(actions.some((a) => a.done === 1)).toBe(true);
    expect(actions.some((a) => a.done === 0 && a.overdue === 0)).toBe(true);
  });

  it('writes 1–6 recent monthly evaluations per evaluated customer, valid as monthlyEvaluations.save input, scores following grade', () => {
    const rows = all<
      Record<string, unknown> & { id: number; customerId: number; month: string; grade: string; repName: string; evaluator: string }
    >(
      `select e.id, e.customer_id as customerId, e.month, e.purchase_score as purchaseScore, e.payment_score as paymentScore,
              e.cooperation_score as cooperationScore, e.potential_score as potentialScore, e.comment, e.evaluator,
              c.grade, r.name as repName
       from monthly_evaluations e join customers c on c.id = e.customer_id join reps r on r.id = c.rep_id`,
    );
    const thisMonth = today().slice(0, 7);
    for (const { grade: _g, repName, ...e } of rows) {
      expectValid('monthlyEvaluations.save', `evaluation ${e.id}`, e);
      expect(e.month <= thisMonth).toBe(true);
      expect([repName, '管理员']).toContain(e.evaluator);
    }
    const perCustomer = groupBy(rows, (r) => r.customerId);
    for (const [, months] of perCustomer) {
      expect(months.length).toBeLessThanOrEqual(6);
      expect(new Set(months.map((m) => m.month)).size).toBe(months.length);
    }
    const mean = (grade: string) => {
      const g = rows.filter((r) => r.grade === grade);
      return (
        g.reduce(
          (s, r) =>
            s + (r.purchaseScore as number) + (r.paymentScore as number) + (r.cooperationScore as number) + (r.potentialScore as number),
          0,
        ) /
        (4 * g.length)
      );
    };
    expect(mean('A')).toBeGreaterThan(mean('B'));
    expect(mean('B')).toBeGreaterThan(mean('C'));
    expect(mean('C')).toBeGreaterThan(mean('D'));
  });

  it('saves a dealer and a product through the API unchanged (derived columns identical)', async () => {
    const d = one<{ id: number; search_text: string; name_pinyin: string }>(
      "select id, search_text, name_pinyin from dealers where status = 'active' order by code limit 1",
    );
    const dealer = await call<Record<string, unknown> & { territoryIds: number[] }>('dealers.get', { id: d.id });
    const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    await call('dealers.save', {
      ...pick(dealer, [
        'id',
        'code',
        'name',
        'shortName',
        'channelType',
        'tier',
        'contactName',
        'phone',
        'address',
        'contractStart',
        'contractEnd',
        'depositFen',
        'creditLimitFen',
        'repId',
        'status',
        'notes',
      ]),
      territoryRegionIds: dealer.territoryIds,
    });
    expect(one('select id, search_text, name_pinyin from dealers where id = ?', d.id)).toEqual(d);
    expect(all('select region_id from dealer_territories where dealer_id = ? order by region_id', d.id)).toHaveLength(
      dealer.territoryIds.length,
    );

    const p = one<{ id: number; search_text: string; name_pinyin: string }>(
      'select id, search_text, name_pinyin from products order by sku limit 1',
    );
    const product = await call<Record<string, unknown>>('products.get', { id: p.id });
    await call(
      'products.save',
      pick(product, [
        'id',
        'sku',
        'name',
        'spec',
        'categoryId',
        'unit',
        'listPriceFen',
        'dealerPriceFen',
        'floorPriceFen',
        'costFen',
        'active',
        'notes',
      ]),
    );
    expect(one('select id, search_text, name_pinyin from products where id = ?', p.id)).toEqual(p);
  });
});

describe('demo generator: the daily process (small)', () => {
  const today = () => todayLocal(core.ctx);

  it('writes the counts it reports: plans, reports, feedback, complaints, expenses, weekly plans, summaries, meetings', () => {
    const d = result.daily;
    expect(countOf('visit_plans')).toBe(d.visitPlans);
    expect(countOf('visit_plan_lines')).toBe(d.visitPlanLines);
    expect(countOf('daily_reports')).toBe(d.dailyReports);
    expect(countOf('daily_report_lines')).toBe(d.dailyReportLines);
    expect(countOf('visit_plans', "state = 'signed'") + countOf('daily_reports', "state = 'signed'")).toBe(d.signedForms);
    expect(countOf('market_feedback')).toBe(d.marketFeedback);
    expect(countOf('complaints')).toBe(d.complaints);
    expect(countOf('expenses')).toBe(d.expenses);
    expect(countOf('weekly_plans')).toBe(d.weeklyPlans);
    expect(countOf('monthly_summaries')).toBe(d.monthlySummaries);
    expect(countOf('meetings')).toBe(d.meetings);
    expect(countOf('meeting_action_items')).toBe(d.meetingActionItems);
    // three years and a month (mid-February 2023 … 16 March 2026): two meetings a month, one in the first half-month
    expect(d.meetings).toBe(75);
    // 8 reps × ~935 working days, 3–6 visits a day
    expect(d.visitPlans).toBeGreaterThan(4000);
    expect(d.visitPlanLines / d.visitPlans).toBeGreaterThan(3);
    expect(d.visitPlanLines / d.visitPlans).toBeLessThan(6);
    expect(d.signedForms / (d.visitPlans + d.dailyReports)).toBeGreaterThan(0.85);
    expect(d.complaints).toBeGreaterThan(50);
    expect(d.marketFeedback).toBeGreaterThan(100);
    expect(d.expenses).toBeGreaterThan(1000);
    const audit = one<{ after: string }>("select after from audit_log where action = 'demo.load'");
    expect(JSON.parse(audit.after)).toMatchObject({ daily: d });
  });

  it('gives every active rep a plan on most working days (Monday–Saturday, none on Sundays) since joining', () => {
    const from = one<{ d: string }>('select min(date) as d from visit_plans').d;
    const reps = all<{ id: number; name: string; hireDate: string }>('select id, name, hire_date as hireDate from reps where active = 1');
    const plans = groupBy(all<{ repId: number; date: string }>('select rep_id as repId, date from visit_plans'), (p) => p.repId);
    for (const rep of reps) {
      const start = rep.hireDate > from ? rep.hireDate : from;
      let working = 0;
      for (let d = start; d <= today(); d = new Date(Date.parse(`${d}T00:00:00Z`) + dayMs).toISOString().slice(0, 10)) {
        if (new Date(`${d}T00:00:00Z`).getUTCDay() !== 0) working++;
      }
      const own = plans.get(rep.id) ?? [];
      expect(own.length / working, rep.name).toBeGreaterThan(0.85);
      expect(own.length, rep.name).toBeLessThanOrEqual(working);
      expect(own.every((p) => new Date(`${p.date}T00:00:00Z`).getUTCDay() !== 0 && p.date <= today())).toBe(true);
    }
  });

  it('signs with the team supervisor (the manager for a supervisor’s own forms), and every signed form verifies', () => {
    const { checked, broken } = signedFormMismatches(core.ctx);
    expect(broken).toEqual([]);
    expect(checked).toBe(result.daily.signedForms);
    for (const table of ['visit_plans', 'daily_reports']) {
      const rows = all<{
        signer: string;
        role: string;
        signerRep: number | null;
        supervisor: number | null;
        hash: string | null;
        signedAt: string;
      }>(
        `select f.signed_by_name as signer, o.role, o.rep_id as signerRep, r.supervisor_id as supervisor, f.content_hash as hash,
                f.signed_at as signedAt
         from ${table} f join reps r on r.id = f.rep_id join operators o on o.id = f.signed_by_operator_id where f.state = 'signed'`,
      );
      expect(rows.length).toBeGreaterThan(3000);
      for (const r of rows) {
        if (r.supervisor === null) expect(r.signer).toBe(DEMO_MANAGER);
        else expect([r.role, r.signerRep]).toEqual(['supervisor', r.supervisor]);
        expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(Date.parse(r.signedAt)).toBeLessThanOrEqual(NOW.getTime());
      }
      expect(countOf(table, "state <> 'signed' and (signed_by_operator_id is not null or content_hash is not null)")).toBe(0);
      expect(countOf(table, "state <> 'draft' and submitted_at is null")).toBe(0);
    }
  });

  it('links report lines to the same rep’s plan of that day, with reasons for missed visits and amounts in fen', () => {
    const bad = one<{ n: number }>(
      `select count(*) as n from daily_report_lines l join daily_reports d on d.id = l.report_id
       left join visit_plan_lines pl on pl.id = l.plan_line_id left join visit_plans p on p.id = pl.plan_id
       where l.plan_line_id is not null and (p.rep_id is not d.rep_id or p.date is not d.date or pl.customer_id is not l.customer_id)`,
    ).n;
    expect(bad).toBe(0);
    expect(countOf('daily_report_lines', 'plan_line_id is null')).toBeGreaterThan(0);
    expect(countOf('daily_report_lines', "done = 0 and reason = ''")).toBe(0);
    expect(countOf('daily_report_lines', "done = 1 and outcome = ''")).toBe(0);
    expect(countOf('daily_report_lines', 'order_fen > 0')).toBeGreaterThan(1000);
    expect(countOf('daily_report_lines', 'collected_fen > 0')).toBeGreaterThan(100);
    expect(countOf('daily_report_lines', 'order_fen > 50000000 or collected_fen > 50000000')).toBe(0);
    expect(countOf('daily_report_lines', 'complaint_id is not null')).toBe(result.daily.complaints);
    expect(countOf('daily_reports', "attendance = 'leave'")).toBeGreaterThan(0);
  });

  it('shows a mix of states on the day board for the demo’s today', async () => {
    const board = await call<{ rows: Array<{ plan: { state: string } | null; report: { state: string } | null }> }>('dayBoard.get', {
      date: today(),
    });
    expect(board.rows).toHaveLength(8);
    const planStates = new Set(board.rows.map((r) => r.plan?.state ?? 'none'));
    expect(planStates.size).toBeGreaterThanOrEqual(3);
    expect(planStates.has('signed')).toBe(true);
    expect(board.rows.some((r) => r.report === null)).toBe(true);
    // yesterday's reports: some still waiting for a signature
    const yesterday = one<{ d: string }>('select max(date) as d from daily_reports where date < ?', today()).d;
    expect(countOf('daily_reports', `date = '${yesterday}' and state = 'submitted'`)).toBeGreaterThan(0);
  });

  it('holds two meetings a month whose open action items carry over, some closed at a later meeting', () => {
    const meetings = all<{ id: number; date: string; agenda: string; decisions: string }>(
      'select id, date, agenda, decisions from meetings order by date',
    );
    const months = groupBy(meetings, (m) => m.date.slice(0, 7));
    for (const [month, list] of months) if (month > meetings[0]!.date.slice(0, 7)) expect(list.length, month).toBe(2);
    expect(meetings.every((m) => m.agenda !== '' && m.decisions !== '')).toBe(true);
    expect(countOf('meeting_attendees')).toBeGreaterThan(meetings.length * 5);
    const items = all<{
      meetingDate: string;
      done: number;
      doneDate: string | null;
      laterDate: string | null;
      owner: number | null;
      op: number | null;
    }>(
      `select m.date as meetingDate, i.done, i.done_date as doneDate, l.date as laterDate, i.owner_rep_id as owner, i.owner_operator_id as op
       from meeting_action_items i join meetings m on m.id = i.meeting_id left join meetings l on l.id = i.done_in_meeting_id`,
    );
    expect(items.every((i) => (i.owner === null) !== (i.op === null))).toBe(true);
    const closedLater = items.filter((i) => i.laterDate !== null);
    expect(closedLater.length).toBeGreaterThan(20);
    for (const i of closedLater) expect([i.laterDate! > i.meetingDate, i.doneDate]).toEqual([true, i.laterDate]);
    expect(items.filter((i) => i.done === 1).every((i) => i.doneDate !== null && i.doneDate > i.meetingDate)).toBe(true);
    const last = meetings[meetings.length - 1]!.date;
    // carried over: still open from before the latest meeting
    expect(items.filter((i) => i.done === 0 && i.meetingDate < last).length).toBeGreaterThan(0);
  });

  it('writes feedback, complaints, expenses and weekly plans with mixed types and states', () => {
    expect(countOf('expenses', 'amount_fen <= 0')).toBe(0);
    expect(all('select distinct category from expenses')).toHaveLength(5);
    expect(all('select distinct type from market_feedback').length).toBeGreaterThanOrEqual(4);
    expect(all('select distinct urgency from market_feedback').length).toBeGreaterThanOrEqual(2);
    for (const table of ['market_feedback', 'complaints']) {
      expect(countOf(table, "status = 'open'"), table).toBeGreaterThan(0);
      expect(countOf(table, "status = 'handled'"), table).toBeGreaterThan(0);
      expect(countOf(table, "status = 'handled' and (handled_date is null or response = '')"), table).toBe(0);
    }
    expect(all<{ code: string }>('select code from complaints').every((c) => /^KS-\d{8}-\d{3}$/.test(c.code))).toBe(true);
    expect(all<{ code: string }>('select code from market_feedback').every((c) => /^FK-\d{8}-\d{3}$/.test(c.code))).toBe(true);
    const weeks = all<{ weekStart: string }>('select week_start as weekStart from weekly_plans');
    expect(weeks.every((w) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(countOf('monthly_summaries', `month >= '${today().slice(0, 7)}'`)).toBe(0);
  });
});

describe('demo generator (large)', () => {
  // how long generation takes is timed by the bench (demo.generate large)
  it('makes ≥ 300 dealers, ≥ 500 products and the channel mix', () => {
    const { db } = openDatabase(':memory:');
    try {
      const large = generateDemo(db, { scale: 'large', seed: SEED, now: NOW });
      expect(large.customers).toBe(20_000);
      expect(large.dealers).toBeGreaterThanOrEqual(300);
      expect(large.products).toBeGreaterThanOrEqual(500);
      const channels = new Map(
        (db.prepare('select channel_type as k, count(*) as n from dealers group by 1').all() as Array<{ k: string; n: number }>).map(
          (r) => [r.k, r.n],
        ),
      );
      expect(channels.get('dealer')!).toBeGreaterThan(channels.get('distributor')!);
      expect(channels.get('distributor')!).toBeGreaterThan(channels.get('agent')!);
      expect(channels.get('agent')!).toBeGreaterThan(Math.max(channels.get('direct')!, channels.get('retail')!));
      const tiers = (db.prepare('select tier, count(*) as n from dealers group by tier order by tier').all() as Array<{ n: number }>).map(
        (t) => t.n,
      );
      expect(tiers[0]!).toBeLessThan(tiers[1]!);
      expect(tiers[1]!).toBeLessThan(tiers[2]!);
      expect(large.servedCustomers / large.customers).toBeGreaterThan(0.35);
      expect(large.servedCustomers / large.customers).toBeLessThan(0.5);
      expect(large.crossTerritory.length).toBe(200);
      expect(large.strategyCards / large.customers).toBeGreaterThan(0.1);
      expect(large.strategyCards / large.customers).toBeLessThan(0.2);
      const evaluated = (db.prepare('select count(distinct customer_id) as n from monthly_evaluations').get() as { n: number }).n;
      expect(evaluated / large.customers).toBeGreaterThan(0.15);
      expect(evaluated / large.customers).toBeLessThan(0.25);
      // daily forms for the last three months only (the generation time budget)
      expect(large.daily.visitPlans).toBeGreaterThan(3000);
      expect((db.prepare('select min(date) as d from visit_plans').get() as { d: string }).d).toBe('2025-12-01');
      // three years of orders: at least a million lines (the money bench's scale)
      expect(large.money.orderLines).toBeGreaterThanOrEqual(1_000_000);
    } finally {
      db.close();
    }
  }, 240_000); // with three years of money (about a million order lines)
});

describe('demo CLI', () => {
  it('parses arguments and refuses to overwrite without --force', async () => {
    const out = path.join(dir, 'cli.db');
    const opts = parseArgs(['--scale', 'small', '--out', out, '--seed', '7', '--company', '测试商贸有限公司']);
    expect(opts).toMatchObject({
      scale: 'small',
      out,
      seed: 7,
      company: '测试商贸有限公司',
      force: false,
      admin: { name: 'admin', password: 'admin123' },
    });
    expect(parseArgs(['--out', out, '--admin', '老板', '--password', 'boss-pw-1']).admin).toEqual({ name: '老板', password: 'boss-pw-1' });
    expect(() => parseArgs(['--out', out, '--password', '12345'])).toThrow(/至少 6 个字符/);
    expect(() => parseArgs(['--scale', 'huge', '--out', out])).toThrow(/small 或 large/);
    expect(() => parseArgs(['--scale', 'small'])).toThrow(/--out/);

    const first = await runDemoCli(opts);
    expect(first.counts.customers).toBe(300);
    await expect(runDemoCli(opts)).rejects.toThrow(/已存在.*--force/s);
    const again = await runDemoCli({ ...opts, force: true, admin: { name: '老板', password: 'boss-pw-1' } });
    expect(again.counts.customers).toBe(300);
    expect(again.recoveryCode).toMatch(/^[A-Z2-9-]{23}$/);
    expect(again.operators.map((o) => o.role)).toEqual([
      'admin',
      'manager',
      ...again.operators.slice(2, -2).map(() => 'supervisor'),
      'clerk',
      'clerk',
    ]);
    expect(again.operators.filter((o) => o.role === 'supervisor')).toHaveLength(again.counts.teams);

    const c = createCore(out);
    try {
      const settings = await c.call('settings.get', {});
      expect(settings.ok && settings.data).toMatchObject({ initialized: true, companyName: '测试商贸有限公司', needsAdmin: false });
      // the admin from --admin/--password, and every demo operator with the README's password
      const admin = await asOperator(c, '老板', 'boss-pw-1');
      expect(admin.operator.role).toBe('admin');
      for (const o of again.operators.slice(1)) expect((await asOperator(c, o.name, o.password)).operator.role).toBe(o.role);
    } finally {
      c.close();
    }
  });
});

describe('demo helpers', () => {
  it('mulberry32 is a deterministic uniform-ish generator', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('writes Chinese numerals', () => {
    expect([1, 10, 11, 14, 20, 22, 30, 99].map(chineseNumber)).toEqual(['一', '十', '十一', '十四', '二十', '二十二', '三十', '九十九']);
  });
});
