// The demo generator: a realistic small company that the real services can list, search and de-duplicate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { chineseNumber, generateDemo, mulberry32, type DemoResult } from '../../electron/core/demo/generate';
import { parseArgs, runDemoCli } from '../../electron/core/demo/cli';
import { pinyinInitials } from '../../electron/core/text';
import { contract } from '../../shared/contract';

const NOW = new Date('2026-03-16T02:00:00.000Z');
const SEED = 424242;

let dir: string;
let core: Core;
let result: DemoResult;

function makeDb(name: string, seed = SEED): { core: Core; result: DemoResult } {
  const c = createCore(path.join(dir, name), { now: () => NOW });
  return { core: c, result: generateDemo(c.ctx.db, { scale: 'small', seed, now: NOW }) };
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const env = await core.call(method, input);
  if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
  return env.data as T;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-demo-test-'));
  ({ core, result } = makeDb('small.db'));
});

afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).get(...params) as T;

describe('demo generator (small)', () => {
  it('reports and writes the expected counts', () => {
    expect(result.customers).toBe(300);
    expect(result.reps).toBe(8);
    expect(result.teams).toBe(2);
    expect(result.regions).toBeGreaterThanOrEqual(50);
    expect(result.regions).toBeLessThanOrEqual(75);
    expect(one<{ n: number }>('select count(*) as n from customers').n).toBe(300);
    expect(one<{ n: number }>('select count(*) as n from reps').n).toBe(8);
    expect(one<{ n: number }>('select count(*) as n from teams').n).toBe(2);
    expect(one<{ n: number }>('select count(*) as n from regions').n).toBe(result.regions);
    expect(one<{ n: number }>('select count(*) as n from contacts').n).toBe(result.contacts);
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
      expect(r.initials).toBe(pinyinInitials(r.name));
    }
    expect(regions.filter((r) => r.level === 4).every((r) => r.name.endsWith('片区'))).toBe(true);
  });

  it('puts every customer in an existing level-3/4 region inside one of its rep’s regions', () => {
    const rows = all<{ code: string; level: number | null; path: string | null; covered: number }>(
      `select c.code, g.level, g.path,
              exists (select 1 from rep_regions rr join regions x on x.id = rr.region_id
                      where rr.rep_id = c.rep_id and g.path like x.path || '%') as covered
       from customers c left join regions g on g.id = c.region_id`,
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
      'select code, created_at, updated_at from customers order by code',
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
    } finally {
      again.core.close();
      other.core.close();
    }
  });

  it('refuses a database that already has data', () => {
    expect(() => generateDemo(core.ctx.db, { scale: 'small', seed: 1, now: NOW })).toThrow(/空数据库/);
    expect(one<{ n: number }>('select count(*) as n from customers').n).toBe(300);
  });

  it('is searchable through customers.list by pinyin initials, full pinyin, and name', async () => {
    const target = one<{ id: number; name: string; name_pinyin: string }>(
      "select id, name, name_pinyin from customers where archived = 0 and type = 'wholesale' order by code limit 1",
    );
    for (const search of [
      pinyinInitials(target.name),
      pinyinInitials(target.name).slice(0, 4),
      target.name_pinyin.slice(0, 10),
      target.name,
    ]) {
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
              rep_id as repId, grade, lifecycle, credit_limit_fen as creditLimitFen, payment_term_days as paymentTermDays, tags, notes
       from customers`,
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
      'select id, search_text, name_pinyin, name_key, phone_digits from customers where archived = 0 order by code limit 1',
    );
    const detail = await call<Record<string, unknown> & { contacts: Array<Record<string, unknown>> }>('customers.get', { id: c.id });
    const { id, code, name, shortName, type, regionId, address, phone, industry, scale, source, repId, grade, lifecycle } = detail;
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

describe('demo CLI', () => {
  it('parses arguments and refuses to overwrite without --force', async () => {
    const out = path.join(dir, 'cli.db');
    const opts = parseArgs(['--scale', 'small', '--out', out, '--seed', '7', '--company', '测试商贸有限公司']);
    expect(opts).toMatchObject({ scale: 'small', out, seed: 7, company: '测试商贸有限公司', force: false });
    expect(() => parseArgs(['--scale', 'huge', '--out', out])).toThrow(/small 或 large/);
    expect(() => parseArgs(['--scale', 'small'])).toThrow(/--out/);

    const first = await runDemoCli(opts);
    expect(first.counts.customers).toBe(300);
    await expect(runDemoCli(opts)).rejects.toThrow(/已存在.*--force/s);
    const again = await runDemoCli({ ...opts, force: true });
    expect(again.counts.customers).toBe(300);

    const c = createCore(out);
    try {
      const settings = await c.call('settings.get', {});
      expect(settings.ok && settings.data).toMatchObject({ initialized: true, companyName: '测试商贸有限公司' });
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
