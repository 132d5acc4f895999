// Property tests of decomposition: any integer amount split by any non-negative weights sums back exactly and no share
// is 1 unit or more from its exact proportion; rebalancing and scaling keep every total and never move a locked entry;
// and through the core, random locks and grid edits keep every target equal to the sum of its children.
// TARGETS_PROPERTY_SEED replays a run; the seed is printed when a property fails.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecomposeError, largestRemainder, rebalance, scaleToTotal } from '../../shared/decompose';
import { fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

const SEED = process.env.TARGETS_PROPERTY_SEED === undefined ? Date.now() % 2_147_483_647 : Number(process.env.TARGETS_PROPERTY_SEED);

async function check<T>(name: string, arb: fc.Arbitrary<T>, body: (v: T) => void | Promise<void>, numRuns: number): Promise<void> {
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (v) => {
        await body(v);
      }),
      { numRuns, seed: SEED },
    );
  } catch (e) {
    console.error(`${name}: failed with seed ${SEED} (replay: TARGETS_PROPERTY_SEED=${SEED})`);
    throw e;
  }
}

const total = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_000_000 }),
  fc.integer({ min: 0, max: 100 }),
  fc.constantFrom(0, 1, 999_999_999_999),
);
const weight = fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 3 }), fc.constant(1_000_000_000));
const weights = fc.array(weight, { minLength: 1, maxLength: 60 }).filter((ws) => ws.some((w) => w > 0));

describe('largestRemainder', () => {
  it('sums exactly, each share within 1 of its exact proportion, deterministic, ties to the lower index', async () => {
    await check(
      'largestRemainder',
      fc.tuple(total, weights),
      ([t, ws]) => {
        const shares = largestRemainder(t, ws);
        expect(shares).toHaveLength(ws.length);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(t);
        const W = ws.reduce((a, b) => a + BigInt(b), 0n);
        shares.forEach((sh, i) => {
          expect(Number.isSafeInteger(sh) && sh >= 0).toBe(true);
          // |share − t·w/W| < 1  ⇔  |share·W − t·w| < W, in exact integers
          const diff = BigInt(sh) * W - BigInt(t) * BigInt(ws[i]!);
          expect(diff < W && -diff < W, `share ${i}: ${sh} for weight ${ws[i]} of ${W}, total ${t}`).toBe(true);
        });
        expect(largestRemainder(t, ws)).toEqual(shares);
        // equal weights: an earlier entry never gets less than a later one
        ws.forEach((w, i) =>
          ws.forEach((v, j) => {
            if (i < j && w === v) expect(shares[i]! >= shares[j]!).toBe(true);
          }),
        );
      },
      2000,
    );
  });

  it('refuses weights that are all zero', () => {
    expect(() => largestRemainder(10, [0, 0, 0])).toThrow(DecomposeError);
    expect(() => largestRemainder(10, [])).toThrow(DecomposeError);
  });
});

const entries = fc.array(fc.record({ value: fc.integer({ min: 0, max: 1_000_000_000 }), locked: fc.boolean() }), {
  minLength: 1,
  maxLength: 30,
});

describe('rebalance and scaleToTotal', () => {
  it('rebalance keeps the total, moves no locked entry, never goes below 0, and refuses only what cannot be absorbed', async () => {
    await check(
      'rebalance',
      fc.tuple(entries, fc.nat(), fc.integer({ min: 0, max: 2_000_000_000 })),
      ([es, pick, newValue]) => {
        const values = es.map((e) => e.value);
        const locked = es.map((e) => e.locked);
        const index = pick % es.length;
        const sum = values.reduce((a, b) => a + b, 0);
        const others = values.filter((_, j) => j !== index && !locked[j]);
        const othersSum = others.reduce((a, b) => a + b, 0);
        const diff = newValue - values[index]!;
        const refusable = locked[index] || (diff !== 0 && (others.length === 0 || othersSum - diff < 0));
        let out: number[];
        try {
          out = rebalance(values, locked, index, newValue);
        } catch (e) {
          expect(e).toBeInstanceOf(DecomposeError);
          expect(refusable).toBe(true);
          return;
        }
        expect(refusable).toBe(false);
        expect(out.reduce((a, b) => a + b, 0)).toBe(sum);
        expect(out[index]).toBe(newValue);
        out.forEach((v, j) => {
          expect(v >= 0).toBe(true);
          if (locked[j]) expect(v).toBe(values[j]);
        });
      },
      2000,
    );
  });

  it('scaleToTotal reaches the new total, locked entries unchanged, refusing only a total below the locked ones', async () => {
    await check(
      'scaleToTotal',
      fc.tuple(entries, fc.integer({ min: 0, max: 40_000_000_000 })),
      ([es, newTotal]) => {
        const values = es.map((e) => e.value);
        const locked = es.map((e) => e.locked);
        const lockedSum = values.filter((_, j) => locked[j]).reduce((a, b) => a + b, 0);
        const refusable = newTotal < lockedSum || (locked.every(Boolean) && newTotal !== lockedSum);
        let out: number[];
        try {
          out = scaleToTotal(values, locked, newTotal);
        } catch (e) {
          expect(e).toBeInstanceOf(DecomposeError);
          expect(refusable).toBe(true);
          return;
        }
        expect(refusable).toBe(false);
        expect(out.reduce((a, b) => a + b, 0)).toBe(newTotal);
        out.forEach((v, j) => {
          expect(v >= 0).toBe(true);
          if (locked[j]) expect(v).toBe(values[j]);
        });
      },
      2000,
    );
  });
});

describe('through the core: random locks and grid edits keep every total', () => {
  let core: TestCore;
  let s: Seeded;
  beforeAll(async () => {
    core = makeCore();
    s = await seed(core);
  });
  afterAll(() => core.close());

  const op = fc.oneof(
    fc.record({ kind: fc.constant('lock' as const), row: fc.nat(), col: fc.nat(), locked: fc.boolean() }),
    fc.record({ kind: fc.constant('lockRow' as const), row: fc.nat(), locked: fc.boolean() }),
    fc.record({
      kind: fc.constant('set' as const),
      row: fc.nat(),
      col: fc.nat(),
      value: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 50 })),
      rebalance: fc.constantFrom('row' as const, 'column' as const),
    }),
    fc.record({ kind: fc.constant('scale' as const), factorBp: fc.integer({ min: 0, max: 30_000 }) }),
  );

  const stats = { set: 0, refused: 0 };
  it(
    'company → reps → months: after every operation (done or refused) each target equals its children’s sum',
    { timeout: 300_000 },
    async () => {
      await check(
        'grid operations',
        fc.tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.array(op, { minLength: 1, maxLength: 12 })),
        async ([value, ops]) => {
          core.ctx.db.exec('begin');
          try {
            const year = (await ok(core, 'targets.save', { metric: 'sales', level: 'company', period: '2025', value })).id;
            const reps = [s.reps.boss.id, s.reps.li.id, s.reps.zhao.id];
            const rows = (await ok(core, 'targets.decompose', { parentId: year, by: 'unit', method: 'equal', level: 'rep', unitIds: reps }))
              .rows;
            for (const r of rows) await ok(core, 'targets.decompose', { parentId: r.id, by: 'time', method: 'equal', periodKind: 'month' });
            let grid = await ok(core, 'targets.grid', { parentId: year });
            let companyValue = value;
            for (const o of ops) {
              const row = grid.rows[('row' in o ? o.row : 0) % grid.rows.length]!;
              const lockedBefore = new Map(
                grid.rows.flatMap((r) => r.cells.filter((c) => c.locked).map((c) => [c.id!, c.value!] as const)),
              );
              if (o.kind === 'lock') await ok(core, 'targets.lock', { id: row.cells[o.col % 12]!.id!, locked: o.locked });
              else if (o.kind === 'lockRow') await ok(core, 'targets.lock', { id: row.id, locked: o.locked });
              else if (o.kind === 'set') {
                const cell = row.cells[o.col % 12]!;
                const res = await core.call('targets.setCell', { id: cell.id!, value: o.value, rebalance: o.rebalance });
                stats[res.ok ? 'set' : 'refused']++;
                if (!res.ok) expect(['CONFLICT', 'VALIDATION']).toContain(res.error.code);
              } else {
                const res = await core.call('targets.scale', { id: year, factorBp: o.factorBp });
                if (res.ok) companyValue = (res.data as { value: number }).value;
                else expect(res.error.code).toBe('CONFLICT');
              }
              grid = await ok(core, 'targets.grid', { parentId: year });
              expect(grid.parent.value).toBe(companyValue);
              expect(grid.rows.reduce((a, r) => a + r.value, 0)).toBe(companyValue);
              for (const r of grid.rows) expect(r.cells.reduce((a, c) => a + c.value!, 0)).toBe(r.value);
              for (const r of grid.rows)
                for (const c of r.cells) if (lockedBefore.has(c.id!) && c.locked) expect(c.value).toBe(lockedBefore.get(c.id!));
            }
            // a locked cell cannot be set
            const lockedCell = grid.rows.flatMap((r) => r.cells).find((c) => c.locked);
            if (lockedCell) await fail(core, 'targets.setCell', { id: lockedCell.id!, value: 1, rebalance: 'row' });
          } finally {
            core.ctx.db.exec('rollback');
          }
        },
        Number(process.env.TARGETS_PROPERTY_RUNS ?? 40),
      );
      // the operations reach the rebalancing: edits go through, not only refusals by a lock (how many of each depends
      // on the seed — one run had 19 done and 29 refused — so that some did, not a ratio)
      expect(stats.set, `${JSON.stringify(stats)}, seed ${SEED}`).toBeGreaterThan(0);
    },
  );
});
