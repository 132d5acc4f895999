// The demo's 商机 and 客户满意度 (issue 11 §7): a few hundred opportunities on small whose stored stage, dates and
// probability agree with their own stage histories, lost ones with reasons, won ones tied to their customer's order,
// and 1–5 satisfaction scores from every source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { actAs, ok, steppingClock } from './helpers';
import { todayLocal } from '../../electron/core/context';
import { funnelFigures, type FunnelOpportunity, type StageChange } from '../../electron/core/modules/opportunities/funnelMath';
import type { OpportunityStage } from '../../shared/domain/opportunity';

let core: Core;
const all = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).all(...params) as T[];
beforeAll(() => {
  core = createCore(':memory:', { now: steppingClock('2026-11-25T02:00:00.000Z') });
  generateDemo(core.ctx.db, { scale: 'small', seed: 20261125, now: new Date('2026-11-25T10:00:00+08:00') });
}, 120_000);
afterAll(() => core.close());

describe('demo pipeline', () => {
  it('has a few hundred opportunities in every stage, open ones with a next step', () => {
    const stages = new Map(
      all<{ stage: string; n: number }>('select stage, count(*) as n from opportunities group by stage').map((r) => [r.stage, r.n]),
    );
    expect([...stages.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(300);
    for (const s of ['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate', 'won', 'lost'])
      expect(stages.get(s) ?? 0, s).toBeGreaterThan(0);
    const open = all<{ nextStep: string; nextStepDate: string | null }>(
      "select next_step as nextStep, next_step_date as nextStepDate from opportunities where stage not in ('won', 'lost')",
    );
    expect(open.every((o) => o.nextStep !== '' && o.nextStepDate !== null)).toBe(true);
  });

  it('stores what its history says: created on the first change, the stage and its date of the last, closed ones their date', () => {
    const bad = all<{ id: number }>(
      `select o.id from opportunities o
       where (select to_stage from opportunity_stage_changes where opportunity_id = o.id order by changed_on desc, id desc limit 1) <> o.stage
          or (select max(changed_on) from opportunity_stage_changes where opportunity_id = o.id) <> o.stage_since
          or (select changed_on from opportunity_stage_changes where opportunity_id = o.id and from_stage is null) <> o.created_on
          or (select count(*) from opportunity_stage_changes where opportunity_id = o.id and from_stage is null) <> 1
          or (o.stage in ('won', 'lost') and o.closed_on <> o.stage_since)`,
    );
    expect(bad).toEqual([]);
    // each change starts where the previous one ended
    const broken = all<{ id: number }>(
      `select c.id from opportunity_stage_changes c
       where c.from_stage is not null and c.from_stage <> (select p.to_stage from opportunity_stage_changes p
         where p.opportunity_id = c.opportunity_id and (p.changed_on < c.changed_on or (p.changed_on = c.changed_on and p.id < c.id))
         order by p.changed_on desc, p.id desc limit 1)`,
    );
    expect(broken).toEqual([]);
  });

  it('loses some with each reason and wins some into their customer’s orders', () => {
    const reasons = all<{ r: string }>("select distinct lost_reason as r from opportunities where stage = 'lost'")
      .map((x) => x.r)
      .sort();
    expect(reasons).toEqual(['cancelled', 'competitor', 'noBudget', 'other', 'price', 'unreachable']);
    const won = all<{ sameCustomer: number }>(
      "select o.customer_id = d.customer_id as sameCustomer from opportunities o join orders d on d.id = o.order_id where o.stage = 'won'",
    );
    expect(won.length).toBeGreaterThan(5);
    expect(won.every((w) => w.sameCustomer === 1)).toBe(true);
  });

  it('has satisfaction scores 1–5 from surveys, visits and closed complaints', () => {
    const rows = all<{ source: string; lo: number; hi: number }>(
      'select source, min(score) as lo, max(score) as hi from satisfaction_scores group by source',
    );
    expect(rows.map((r) => r.source).sort()).toEqual(['complaint', 'survey', 'visit']);
    expect(Math.min(...rows.map((r) => r.lo))).toBe(1);
    expect(Math.max(...rows.map((r) => r.hi))).toBe(5);
  });

  it('pipeline.funnel (aggregated in SQL) equals the pure funnel arithmetic over the same stage changes', async () => {
    const manager = actAs(core, all<{ name: string }>("select name from operators where role = 'manager' limit 1")[0]!.name);
    for (const [from, to] of [
      ['2025-12-01', '2026-11-30'],
      ['2026-06-01', '2026-06-30'],
      ['2025-01-01', '2025-12-31'],
    ] as const) {
      const changes = all<{ id: number; amountFen: number; toStage: OpportunityStage; changedOn: string }>(
        `select o.id, o.amount_fen as amountFen, sc.to_stage as toStage, sc.changed_on as changedOn
         from opportunities o join opportunity_stage_changes sc on sc.opportunity_id = o.id
         where o.created_on between ? and ? and sc.changed_on <= ? order by o.id, sc.changed_on, sc.id`,
        from,
        to,
        to,
      );
      const byId = new Map<number, FunnelOpportunity & { changes: StageChange[] }>();
      for (const c of changes) {
        const o = byId.get(c.id) ?? { amountFen: c.amountFen, changes: [] };
        o.changes.push({ toStage: c.toStage, changedOn: c.changedOn });
        byId.set(c.id, o);
      }
      const today = todayLocal(core.ctx);
      const f = await ok(manager, 'pipeline.funnel', { from, to });
      expect(f.stages, `${from} … ${to}`).toEqual(funnelFigures([...byId.values()], to < today ? to : today));
    }
  });

  it('gives a funnel that never widens and a kanban per rep', async () => {
    const manager = actAs(core, all<{ name: string }>("select name from operators where role = 'manager' limit 1")[0]!.name);
    const f = await ok(manager, 'pipeline.funnel', { from: '2025-12-01', to: '2026-11-30' });
    const entered = f.stages.map((s) => s.entered);
    expect(entered[0]).toBeGreaterThan(50);
    entered.forEach((n, i) => i > 0 && expect(n).toBeLessThanOrEqual(entered[i - 1]!));
    expect(f.winRateBp).toBeGreaterThan(0);
    const rep = all<{ repId: number }>(
      "select rep_id as repId from opportunities where stage not in ('won','lost') group by rep_id order by count(*) desc limit 1",
    )[0]!;
    const board = await ok(manager, 'opportunities.board', { repId: rep.repId });
    expect(board.columns.slice(0, 6).reduce((n, c) => n + c.count, 0)).toBeGreaterThan(5);
  });
});
