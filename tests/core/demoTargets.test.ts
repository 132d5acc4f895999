// The demo's targets (electron/core/demo/targets.ts) on the small scale: every split sums back exactly, both years
// have a company target split to reps and months (sales) and to top regions and months (collections), three reps'
// current month goes to their customers, and the targets sit close to what the demo's orders actually did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { generateDemo, type DemoResult } from '../../electron/core/demo/generate';

const NOW = new Date('2026-10-20T02:00:00.000Z');
const SEED = 7_2026;

let dir: string;
let core: Core;
let result: DemoResult;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-demo-targets-'));
  core = createCore(path.join(dir, 'small.db'), { now: () => NOW });
  result = generateDemo(core.ctx.db, { scale: 'small', seed: SEED, now: NOW });
}, 60_000);

afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).get(...params) as T;

describe('demo targets', () => {
  it('counts what it made, for last year and this year', () => {
    expect(result.targets.years).toEqual([2025, 2026]);
    expect(one<{ n: number }>('select count(*) as n from targets').n).toBe(result.targets.targets);
  });

  it('every split sums back exactly to its parent', () => {
    const off = all<{ id: number }>(
      `select p.id from targets p where p.split is not null and p.value <> (select sum(c.value) from targets c where c.parent_id = p.id)`,
    );
    expect(off).toEqual([]);
    const leaves = all<{ n: number }>(
      `select count(*) as n from targets p where p.split is null and exists (select 1 from targets c where c.parent_id = p.id)`,
    );
    expect(leaves[0]!.n).toBe(0);
  });

  it('sales: company → every active rep → 12 months; collections: company → top regions → 12 months', () => {
    const reps = one<{ n: number }>('select count(*) as n from reps where active = 1').n;
    const regions = one<{ n: number }>('select count(*) as n from regions where parent_id is null').n;
    for (const year of ['2025', '2026']) {
      const sales = one<{ id: number; value: number }>(
        `select id, value from targets where metric = 'sales' and level = 'company' and period = ?`,
        year,
      );
      expect(all(`select 1 from targets where parent_id = ? and level = 'rep' and period = ?`, sales.id, year)).toHaveLength(reps);
      expect(sales.value % 1_000_000).toBe(0); // a round 10,000 元
      const col = one<{ id: number }>(`select id from targets where metric = 'collections' and level = 'company' and period = ?`, year);
      expect(all(`select 1 from targets where parent_id = ? and level = 'region'`, col.id)).toHaveLength(regions);
    }
    const repYears = all<{ id: number }>(`select id from targets where metric = 'sales' and level = 'rep' and period_kind = 'year'`);
    for (const r of repYears) expect(all(`select 1 from targets where parent_id = ? and period_kind = 'month'`, r.id)).toHaveLength(12);
  });

  it('this month of three reps is split over their own customers, and eight key customers have a year', () => {
    const split = all<{ id: number; unit_key: string }>(
      `select id, unit_key from targets where level = 'rep' and period = '2026-10' and split = 'unit'`,
    );
    expect(split).toHaveLength(3);
    for (const r of split) {
      const foreign = one<{ n: number }>(
        `select count(*) as n from targets t join customers c on c.id = cast(t.unit_key as integer) where t.parent_id = ? and c.rep_id <> ?`,
        r.id,
        Number(r.unit_key),
      ).n;
      expect(foreign).toBe(0);
    }
    expect(all(`select 1 from targets where level = 'customer' and period_kind = 'year' and parent_id is null`)).toHaveLength(8);
  });

  it('last month’s scores: most active reps scored 1–5 by their supervisor (the manager for the leads), a few not', () => {
    const active = one<{ n: number }>('select count(*) as n from reps where active = 1').n;
    const scored = all<{ rep_id: number; scored_by_name: string; supervisor: string | null }>(
      `select e.rep_id, e.scored_by_name, s.name as supervisor from evaluation_scores e join reps r on r.id = e.rep_id
       left join reps s on s.id = r.supervisor_id where e.period = '2026-09'`,
    );
    expect(result.targets.scores).toBe(scored.length);
    expect(scored.length).toBeGreaterThan(active / 2);
    expect(scored.length).toBeLessThan(active);
    for (const e of scored) expect(e.scored_by_name).toBe(e.supervisor ?? '周敏');
  });

  it('last year’s company sales target sits within 94–110 % of what the orders did (so tracking looks real)', () => {
    const target = one<{ value: number }>(
      `select value from targets where metric = 'sales' and level = 'company' and period = '2025'`,
    ).value;
    const actual =
      one<{ v: number }>(
        `select coalesce(sum(total_fen), 0) as v from orders where state <> 'draft' and date between '2025-01-01' and '2025-12-31'`,
      ).v -
      one<{ v: number }>(
        `select coalesce(sum(total_fen), 0) as v from returns where state = 'posted' and date between '2025-01-01' and '2025-12-31'`,
      ).v;
    expect(actual).toBeGreaterThan(0);
    expect(target / actual).toBeGreaterThan(0.93);
    expect(target / actual).toBeLessThan(1.12);
  });
});
