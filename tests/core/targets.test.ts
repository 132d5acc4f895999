// Targets core: decomposition by time (year → quarter → month → week → working day on the calendar) and by unit
// (company → region → rep → customer, settlement, channel type), locks, the grid's row / column rebalancing, scale,
// copy from last year, the grid's Excel round trip, and the bad inputs leaving the database unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { digest, fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

const sum = (xs: ReadonlyArray<{ value: number }>) => xs.reduce((a, x) => a + x.value, 0);

async function companyYear(value: number, year = '2025', metric: 'sales' | 'visits' = 'sales') {
  return (await ok(core, 'targets.save', { metric, level: 'company', period: year, value })).id;
}

async function expectRefused(method: Parameters<typeof fail>[1], input: unknown, text: RegExp | string, field?: string) {
  const before = digest(core.ctx.db);
  const err = await fail(core, method, input);
  expect(err.message).toMatch(text);
  expect(/[\u4e00-\u9fff]/.test(err.message)).toBe(true);
  if (field) expect(err.field).toBe(field);
  expect(digest(core.ctx.db), `${String(method)} changed the database`).toBe(before);
  return err;
}

describe('decomposition by time', () => {
  it('year → quarter → month → week (split at month ends) → working day, each level summing exactly', async () => {
    const year = await companyYear(1_000_000_007);
    const quarters = (await ok(core, 'targets.decompose', { parentId: year, by: 'time', method: 'equal' })).rows;
    expect(quarters.map((q) => q.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(sum(quarters)).toBe(1_000_000_007);
    expect(quarters.map((q) => q.value)).toEqual([250_000_002, 250_000_002, 250_000_002, 250_000_001]);

    const q4 = quarters[3]!;
    const months = (await ok(core, 'targets.decompose', { parentId: q4.id, by: 'time', method: 'weights', weights: [1, 1, 2] })).rows;
    expect(months.map((m) => [m.period, m.value])).toEqual([
      ['2025-10', 62_500_000],
      ['2025-11', 62_500_000],
      ['2025-12', 125_000_001],
    ]);

    // October 2025: 18 working days; weeks by their working days, W40 (9/29–10/5) clipped to 10/1–10/5 has none
    const oct = months[0]!;
    const weeks = (await ok(core, 'targets.decompose', { parentId: oct.id, by: 'time', method: 'equal' })).rows;
    expect(weeks.map((w) => [w.period, w.from, w.to])).toEqual([
      ['2025-W40', '2025-10-01', '2025-10-05'],
      ['2025-W41', '2025-10-06', '2025-10-12'],
      ['2025-W42', '2025-10-13', '2025-10-19'],
      ['2025-W43', '2025-10-20', '2025-10-26'],
      ['2025-W44', '2025-10-27', '2025-10-31'],
    ]);
    expect(weeks[0]!.value).toBe(0);
    expect(sum(weeks)).toBe(62_500_000);
    // 3 + 5 + 5 + 5 working days: 62,500,000 × 3/18 etc.
    expect(weeks.map((w) => w.value)).toEqual([0, 10_416_667, 17_361_111, 17_361_111, 17_361_111]);

    // November's W44 part (11/1–11/2) is the same label with its own days: both halves exist side by side
    const nov = months[1]!;
    const novWeeks = (await ok(core, 'targets.decompose', { parentId: nov.id, by: 'time', method: 'equal' })).rows;
    expect(novWeeks[0]).toMatchObject({ period: '2025-W44', from: '2025-11-01', to: '2025-11-02', value: 0 });
    expect(sum(novWeeks)).toBe(62_500_000);

    const days = (await ok(core, 'targets.decompose', { parentId: weeks[1]!.id, by: 'time', method: 'equal' })).rows;
    // 10/6–10/8 holiday, 10/11 (Saturday) a make-up working day, 10/12 Sunday off
    expect(days.map((d) => d.period)).toEqual(['2025-10-09', '2025-10-10', '2025-10-11']);
    expect(sum(days)).toBe(10_416_667);

    const parent = await ok(core, 'targets.get', { id: oct.id });
    expect(parent).toMatchObject({ split: 'time', childCount: 5, childrenSum: 62_500_000 });
  });

  it('a quarter straight to weeks splits the weeks at month ends too', async () => {
    const q4 = await ok(core, 'targets.save', { metric: 'sales', level: 'company', period: '2025-Q4', value: 1_000_000 });
    const weeks = (await ok(core, 'targets.decompose', { parentId: q4.id, by: 'time', method: 'equal', periodKind: 'week' })).rows;
    expect(weeks).toHaveLength(15);
    expect(weeks.filter((w) => w.period === '2025-W44').map((w) => [w.from, w.to])).toEqual([
      ['2025-10-27', '2025-10-31'],
      ['2025-11-01', '2025-11-02'],
    ]);
    expect(weeks.at(-1)).toMatchObject({ period: '2026-W01', from: '2025-12-29', to: '2025-12-31' });
    expect(sum(weeks)).toBe(1_000_000);
    // by working days: Q4 2025 has 18 + 20 + 23 = 61; the Nov part of W44 (a weekend) gets nothing
    expect(weeks.find((w) => w.from === '2025-11-01')!.value).toBe(0);
  });

  it('re-decomposing keeps locked children and shares the rest', async () => {
    const year = await companyYear(1200);
    const months = (await ok(core, 'targets.decompose', { parentId: year, by: 'time', method: 'equal', periodKind: 'month' })).rows;
    expect(months.every((m) => m.value === 100)).toBe(true);
    await ok(core, 'targets.lock', { id: months[0]!.id, locked: true });
    const again = (
      await ok(core, 'targets.decompose', {
        parentId: year,
        by: 'time',
        method: 'weights',
        periodKind: 'month',
        weights: [5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      })
    ).rows;
    expect(again[0]).toMatchObject({ id: months[0]!.id, value: 100, locked: true });
    expect(again.slice(1).every((m) => m.value === 100)).toBe(true); // 1100 over eleven equal weights
    expect(sum(again)).toBe(1200);
  });
});

describe('decomposition by unit', () => {
  it('company → region → rep → customer, and a rep by settlement and channel type', async () => {
    const year = await companyYear(9_000_001);
    const regions = (await ok(core, 'targets.decompose', { parentId: year, by: 'unit', method: 'equal' })).rows;
    expect(regions.map((r) => [r.level, r.unitName])).toEqual([
      ['region', '华东'],
      ['region', '华北'],
    ]);
    expect(regions.map((r) => r.value)).toEqual([4_500_001, 4_500_000]);

    // 华东's reps: 王强 (华东) and 李娜 (江苏省, 南京市), by weights
    const east = regions[0]!;
    const reps = (
      await ok(core, 'targets.decompose', {
        parentId: east.id,
        by: 'unit',
        method: 'weights',
        level: 'rep',
        weights: [
          [s.reps.boss.id, 1],
          [s.reps.li.id, 2],
        ],
      })
    ).rows;
    expect(reps.map((r) => [r.unitId, r.unitName, r.value])).toEqual([
      [s.reps.boss.id, '王强', 1_500_000],
      [s.reps.li.id, '李娜', 3_000_001],
    ]);

    const li = reps[1]!;
    const customers = (await ok(core, 'targets.decompose', { parentId: li.id, by: 'unit', method: 'equal' })).rows;
    expect(customers.map((c) => c.unitName).sort()).toEqual(['南京鼓楼便利店', '张记烟酒行']);
    expect(sum(customers)).toBe(3_000_001);

    const boss = reps[0]!;
    const bySettlement = (await ok(core, 'targets.decompose', { parentId: boss.id, by: 'unit', method: 'equal', level: 'settlement' }))
      .rows;
    expect(bySettlement.map((r) => [r.unitId, r.unitName, r.value])).toEqual([
      ['cash', '现款现货', 375_000],
      ['credit', '账期赊销', 375_000],
      ['acceptance', '承兑汇票', 375_000],
      ['prepaid', '预付款', 375_000],
    ]);
    // a settlement by channel type
    const byChannel = (
      await ok(core, 'targets.decompose', {
        parentId: bySettlement[0]!.id,
        by: 'unit',
        method: 'weights',
        level: 'channelType',
        weights: [3, 0, 1, 0, 0],
      })
    ).rows;
    expect(byChannel.map((r) => [r.unitId, r.value])).toEqual([
      ['direct', 281_250],
      ['agent', 0],
      ['dealer', 93_750],
      ['distributor', 0],
      ['retail', 0],
    ]);
  });

  it('a child typed by hand: allowed while the children fit, the parent grows when unlocked, refused when locked', async () => {
    const year = await companyYear(1000);
    await ok(core, 'targets.save', { metric: 'sales', level: 'rep', unitId: s.reps.li.id, period: '2025', value: 600, parentId: year });
    let parent = await ok(core, 'targets.get', { id: year });
    expect(parent).toMatchObject({ value: 1000, childrenSum: 600, split: 'unit' });
    await ok(core, 'targets.save', { metric: 'sales', level: 'rep', unitId: s.reps.boss.id, period: '2025', value: 500, parentId: year });
    parent = await ok(core, 'targets.get', { id: year });
    expect(parent).toMatchObject({ value: 1100, childrenSum: 1100 });
    // the children of one split are of one level
    await expectRefused(
      'targets.save',
      { metric: 'sales', level: 'region', unitId: s.regions.east.id, period: '2025', value: 1, parentId: year },
      /层级.*业务员/,
      'level',
    );
    await ok(core, 'targets.lock', { id: year, locked: true });
    await expectRefused(
      'targets.save',
      { metric: 'sales', level: 'rep', unitId: s.reps.zhao.id, period: '2025', value: 1, parentId: year },
      '会超过已锁定的上级目标',
    );
  });

  it('changing a child: the siblings absorb it by default, or the parent follows', async () => {
    const year = await companyYear(900);
    const [a, b, c] = (
      await ok(core, 'targets.decompose', {
        parentId: year,
        by: 'unit',
        method: 'equal',
        level: 'rep',
        unitIds: [s.reps.boss.id, s.reps.li.id, s.reps.zhao.id],
      })
    ).rows;
    await ok(core, 'targets.lock', { id: c!.id, locked: true });
    await ok(core, 'targets.save', { id: a!.id, metric: 'sales', level: 'rep', unitId: s.reps.boss.id, period: '2025', value: 500 });
    let kids = (await ok(core, 'targets.children', { parentId: year })).rows;
    expect(kids.map((k) => k.value)).toEqual([500, 100, 300]);
    await ok(core, 'targets.save', {
      id: b!.id,
      metric: 'sales',
      level: 'rep',
      unitId: s.reps.li.id,
      period: '2025',
      value: 250,
      rebalance: 'parent',
    });
    kids = (await ok(core, 'targets.children', { parentId: year })).rows;
    expect(kids.map((k) => k.value)).toEqual([500, 250, 300]);
    expect((await ok(core, 'targets.get', { id: year })).value).toBe(1050);
    // the siblings cannot absorb more than they have (c is locked, b has 250)
    await expectRefused(
      'targets.save',
      { id: a!.id, metric: 'sales', level: 'rep', unitId: s.reps.boss.id, period: '2025', value: 800 },
      /不足以吸收/,
      'value',
    );
  });
});

async function repsByMonthGrid(total: number) {
  const year = await companyYear(total);
  const rows = (
    await ok(core, 'targets.decompose', {
      parentId: year,
      by: 'unit',
      method: 'equal',
      level: 'rep',
      unitIds: [s.reps.boss.id, s.reps.li.id, s.reps.zhao.id],
    })
  ).rows;
  for (const r of rows) await ok(core, 'targets.decompose', { parentId: r.id, by: 'time', method: 'equal', periodKind: 'month' });
  return { year, grid: await ok(core, 'targets.grid', { parentId: year }) };
}

const rowTotals = (g: Output<'targets.grid'>) => g.rows.map((r) => r.cells.reduce((a, c) => a + (c.value ?? 0), 0));

describe('grid', () => {
  it('rows = reps, columns = months; a locked cell stays, the rest of the row or the column rebalances', async () => {
    const { year, grid } = await repsByMonthGrid(3_600_000);
    expect(grid.columns.map((c) => c.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(grid.rows.map((r) => r.unitName)).toEqual(['王强', '李娜', '赵磊']);
    expect(grid.columns.every((c) => c.total === 300_000)).toBe(true);
    expect(grid.unallocated).toBe(0);

    // lock 李娜's March, then set her January: the rest of her row absorbs, March untouched
    const li = grid.rows[1]!;
    await ok(core, 'targets.lock', { id: li.cells[2]!.id!, locked: true });
    let g = await ok(core, 'targets.setCell', { id: li.cells[0]!.id!, value: 210_000, rebalance: 'row' });
    let row = g.rows[1]!;
    expect(row.cells[0]!.value).toBe(210_000);
    expect(row.cells[2]).toMatchObject({ value: 100_000, locked: true });
    expect(rowTotals(g)[1]).toBe(1_200_000);
    // (1,200,000 − 210,000 − 100,000 locked) over the ten other months
    expect(row.cells[1]!.value).toBe(89_000);
    expect(row.cells.slice(3).every((c) => c.value === 89_000)).toBe(true);

    // column: 王强's February up by 60,000; 李娜's (89,000) and 赵磊's (100,000) February absorb it in proportion
    // (129,000 × 89/189 = 60,746.03…, × 100/189 = 68,253.97…: the left-over 1 to the larger remainder)
    g = await ok(core, 'targets.setCell', { id: g.rows[0]!.cells[1]!.id!, value: 160_000, rebalance: 'column' });
    expect(g.columns[1]!.total).toBe(289_000); // as the row edit left it
    expect(g.rows.map((r) => r.cells[1]!.value)).toEqual([160_000, 60_746, 68_254]);
    // the rows' totals moved with their cells, the company's did not
    expect(g.rows.map((r) => r.value)).toEqual(rowTotals(g));
    expect(g.rows.map((r) => r.value)).toEqual([1_260_000, 1_171_746, 1_168_254]);
    expect((await ok(core, 'targets.get', { id: year })).value).toBe(3_600_000);

    // a locked row's cells do not move in a column edit; the locked cell itself cannot be set
    await ok(core, 'targets.lock', { id: g.rows[2]!.id, locked: true });
    g = await ok(core, 'targets.setCell', { id: g.rows[0]!.cells[4]!.id!, value: 150_000, rebalance: 'column' });
    expect(g.rows.map((r) => r.cells[4]!.value)).toEqual([150_000, 39_000, 100_000]);
    row = g.rows[1]!;
    await expectRefused('targets.setCell', { id: row.cells[2]!.id!, value: 1, rebalance: 'row' }, /已锁定/, 'id');
  });

  it('scale by a percentage keeps every sum; locked cells keep their values', async () => {
    const { year, grid } = await repsByMonthGrid(3_600_000);
    await ok(core, 'targets.lock', { id: grid.rows[0]!.cells[0]!.id!, locked: true });
    const scaled = await ok(core, 'targets.scale', { id: year, factorBp: 11_000 });
    expect(scaled.value).toBe(3_960_000);
    const g = await ok(core, 'targets.grid', { parentId: year });
    expect(g.rows.reduce((a, r) => a + r.value, 0)).toBe(3_960_000);
    expect(g.rows.map((r) => r.value)).toEqual(rowTotals(g));
    expect(g.rows[0]!.cells[0]!.value).toBe(100_000);
    // scaling a row: the company follows
    await ok(core, 'targets.scale', { id: g.rows[1]!.id, factorBp: 5_000 });
    expect((await ok(core, 'targets.get', { id: year })).value).toBe(3_960_000 - 660_000);
  });

  it('copies last year’s shape onto this year’s value', async () => {
    const last = await companyYear(1000, '2024');
    const reps = (
      await ok(core, 'targets.decompose', {
        parentId: last,
        by: 'unit',
        method: 'weights',
        level: 'rep',
        weights: [
          [s.reps.boss.id, 3],
          [s.reps.li.id, 1],
        ],
      })
    ).rows;
    await ok(core, 'targets.decompose', {
      parentId: reps[0]!.id,
      by: 'time',
      method: 'weights',
      periodKind: 'quarter',
      weights: [1, 2, 3, 4],
    });
    const now = await companyYear(2000);
    const copied = (await ok(core, 'targets.copyLastYear', { id: now })).rows;
    expect(copied.map((r) => [r.unitName, r.period, r.value])).toEqual([
      ['王强', '2025', 1500],
      ['李娜', '2025', 500],
    ]);
    const quarters = (await ok(core, 'targets.children', { parentId: copied[0]!.id })).rows;
    expect(quarters.map((q) => [q.period, q.value])).toEqual([
      ['2025-Q1', 150],
      ['2025-Q2', 300],
      ['2025-Q3', 450],
      ['2025-Q4', 600],
    ]);
    await expectRefused('targets.copyLastYear', { id: quarters[0]!.id }, /去年同期/, 'id');
  });

  it('exports to Excel and reads the file back: unchanged, then with edited cells', async () => {
    const { year } = await repsByMonthGrid(3_600_000);
    const file = await ok(core, 'targets.exportGrid', { parentId: year });
    expect(file.fileName).toMatch(/^目标表格_销售额_公司_2025_\d{8}\.xlsx$/);
    expect(file.rowCount).toBe(3);
    const same = await ok(core, 'targets.importGrid', { parentId: year, fileName: file.fileName, base64: file.base64 });
    expect(same.counts).toEqual({ total: 3, changed: 0, error: 0 });
    expect(same.rows.map((r) => r.cells[0])).toEqual([100_000, 100_000, 100_000]);

    // edit the file: 李娜's January becomes 1,234.56 元, written back through ExcelJS as a user would
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('2025-01(元)');
    ws.getRow(3).getCell(3).value = 1234.56;
    const edited = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = digest(core.ctx.db);
    const preview = await ok(core, 'targets.importGrid', { parentId: year, fileName: 'x.xlsx', base64: edited });
    expect(digest(core.ctx.db)).toBe(before);
    expect(preview.counts).toEqual({ total: 3, changed: 1, error: 0 });
    expect(preview.rows[1]).toMatchObject({ status: 'changed', total: 1_200_000 - 100_000 + 123_456 });
    const done = await ok(core, 'targets.importGrid', { parentId: year, fileName: 'x.xlsx', base64: edited, commit: true });
    expect(done.committed).toBe(true);
    const g = await ok(core, 'targets.grid', { parentId: year });
    expect(g.rows[1]!.cells[0]!.value).toBe(123_456);
    expect(g.rows[1]!.value).toBe(1_223_456);
    expect((await ok(core, 'targets.get', { id: year })).value).toBe(3_623_456);
    // a locked parent refuses a file that changes its total
    await ok(core, 'targets.lock', { id: year, locked: true });
    ws.getRow(3).getCell(3).value = 1000;
    const again = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    await expectRefused('targets.importGrid', { parentId: year, fileName: 'x.xlsx', base64: again, commit: true }, /已锁定/);
    // not a spreadsheet: the importer's refusal
    await expectRefused(
      'targets.importGrid',
      { parentId: year, fileName: 'x.xlsx', base64: Buffer.from('%PDF-1.4').toString('base64') },
      /PDF/,
    );
  });

  it('months typed into the exported file split rows not yet decomposed, within their totals', async () => {
    const year = await companyYear(240_000);
    await ok(core, 'targets.decompose', {
      parentId: year,
      by: 'unit',
      method: 'equal',
      level: 'rep',
      unitIds: [s.reps.boss.id, s.reps.li.id],
    });
    const file = await ok(core, 'targets.exportGrid', { parentId: year });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // 王强: 100 元 in each month = his 1,200 元; 李娜: only January and February, 300 元 each
    for (let m = 0; m < 12; m++) ws.getRow(2).getCell(3 + m).value = 100;
    ws.getRow(3).getCell(3).value = 300;
    ws.getRow(3).getCell(4).value = 300;
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const done = await ok(core, 'targets.importGrid', { parentId: year, fileName: 'x.xlsx', base64, commit: true });
    expect(done.rows.map((r) => [r.status, r.total])).toEqual([
      ['changed', 120_000],
      ['changed', 120_000],
    ]);
    const g = await ok(core, 'targets.grid', { parentId: year });
    expect(g.rows.map((r) => [r.value, r.unallocated])).toEqual([
      [120_000, 0],
      [120_000, 60_000],
    ]);
    expect(g.rows[1]!.cells.slice(0, 3).map((c) => c.value)).toEqual([30_000, 30_000, null]);
    expect((await ok(core, 'targets.get', { id: year })).value).toBe(240_000);
  });

  it('deletes a target with its subtree, audited; refused while anything in it is locked', async () => {
    const { year, grid } = await repsByMonthGrid(1200);
    await ok(core, 'targets.lock', { id: grid.rows[0]!.cells[0]!.id!, locked: true });
    await expectRefused('targets.delete', { id: year }, /已锁定/);
    await ok(core, 'targets.lock', { id: grid.rows[0]!.cells[0]!.id!, locked: false });
    expect(await ok(core, 'targets.delete', { id: grid.rows[2]!.id })).toMatchObject({ deleted: 13 });
    expect((await ok(core, 'targets.get', { id: year })).childrenSum).toBe(800);
    expect(await ok(core, 'targets.delete', { id: year })).toMatchObject({ deleted: 1 + 2 + 24 });
    expect((await ok(core, 'targets.roots', {})).rows).toEqual([]);
    const log = core.ctx.db.prepare(`select action from audit_log where entity = 'target' order by id`).all() as Array<{ action: string }>;
    expect(log.map((l) => l.action)).toContain('decompose');
    expect(log.filter((l) => l.action === 'delete')).toHaveLength(2);
  });
});

describe('bad input: a clear message naming the field, nothing changed', () => {
  it('refuses negative targets, all-zero weights, a locked cell, a locked parent overrun and periods that do not exist', async () => {
    const year = await companyYear(1000);
    await expectRefused('targets.save', { metric: 'sales', level: 'company', period: '2026', value: -1 }, /目标值.*不能为负数/, 'value');
    await expectRefused(
      'targets.decompose',
      { parentId: year, by: 'time', method: 'weights', weights: [0, 0, 0, 0] },
      /权重.*不能全部为 0/,
      'weights',
    );
    await expectRefused(
      'targets.decompose',
      { parentId: year, by: 'unit', method: 'weights', level: 'rep', weights: [[s.reps.li.id, 0]] },
      /权重.*不能全部为 0/,
      'weights',
    );
    await expectRefused('targets.save', { metric: 'sales', level: 'company', period: '2025-13', value: 1 }, /期间.*不存在/, 'period');
    await expectRefused('targets.save', { metric: 'sales', level: 'company', period: '2025-Q5', value: 1 }, /期间.*不存在/, 'period');
    const quarters = (await ok(core, 'targets.decompose', { parentId: year, by: 'time', method: 'equal' })).rows;
    await ok(core, 'targets.lock', { id: quarters[0]!.id, locked: true });
    await expectRefused('targets.decompose', { parentId: quarters[0]!.id, by: 'time', method: 'equal' }, /已锁定/, 'parentId');
    await ok(core, 'targets.lock', { id: year, locked: true });
    await expectRefused('targets.decompose', { parentId: year, by: 'time', method: 'equal' }, /已锁定/, 'parentId');
    // a child month under the locked Q1 would make Q1's children exceed it
    await ok(core, 'targets.save', { metric: 'sales', level: 'company', period: '2025-01', value: 250, parentId: quarters[0]!.id });
    await expectRefused(
      'targets.save',
      { metric: 'sales', level: 'company', period: '2025-02', value: 1, parentId: quarters[0]!.id },
      '会超过已锁定的上级目标',
      'value',
    );
    // weights of the wrong count, a unit twice, a company target with a unit
    await ok(core, 'targets.lock', { id: year, locked: false });
    await expectRefused(
      'targets.decompose',
      { parentId: year, by: 'time', method: 'weights', weights: [1, 2] },
      /权重.*应有 4 个/,
      'weights',
    );
    await expectRefused(
      'targets.decompose',
      { parentId: year, by: 'unit', method: 'equal', level: 'rep', unitIds: [s.reps.li.id, s.reps.li.id] },
      /单位.*两次/,
      'unitIds',
    );
    await expectRefused('targets.save', { metric: 'sales', level: 'company', unitId: 3, period: '2026', value: 1 }, /单位/, 'unitId');
    await expectRefused('targets.save', { metric: 'sales', level: 'rep', period: '2026', value: 1 }, /单位.*业务员/, 'unitId');
    // a level the metric's actual cannot be attributed to: visits by product category
    await expectRefused(
      'targets.save',
      { metric: 'visits', level: 'productCategory', unitId: 1, period: '2026', value: 1 },
      /层级.*不能按品种统计/,
      'level',
    );
    const visits = await companyYear(100, '2026', 'visits');
    await expectRefused(
      'targets.decompose',
      { parentId: visits, by: 'unit', method: 'equal', level: 'settlement' },
      /层级.*不能按结算方式/,
      'level',
    );
  });
});

describe('decomposition by last year’s actual', () => {
  it('by time: last year’s sales of the unit per quarter; by unit: each customer’s share; no history → a clear refusal', async () => {
    const { moneyFixture, postedOrder } = await import('./moneyFixture');
    const f = await moneyFixture();
    try {
      const { core: c, s: seeded } = f;
      const tea = (qty: number) => [{ productId: f.products.tea, qty, unitPriceFen: 1_000 }];
      await postedOrder(c, { customerId: seeded.customers.c2.id, date: '2024-02-10', settlement: 'cash', lines: tea(10) });
      await postedOrder(c, { customerId: seeded.customers.c3.id, date: '2024-05-20', settlement: 'cash', lines: tea(30) });
      await postedOrder(c, { customerId: seeded.customers.c2.id, date: '2024-11-03', settlement: 'cash', lines: tea(20) });
      // this year's orders do not count
      await postedOrder(c, { customerId: seeded.customers.c3.id, date: '2025-08-03', settlement: 'cash', lines: tea(50) });
      const li = (await ok(c, 'targets.save', { metric: 'sales', level: 'rep', unitId: seeded.reps.li.id, period: '2025', value: 6000 }))
        .id;
      const quarters = (await ok(c, 'targets.decompose', { parentId: li, by: 'time', method: 'history' })).rows;
      expect(quarters.map((q) => q.value)).toEqual([1000, 3000, 0, 2000]); // 10,000 : 30,000 : 0 : 20,000
      const customers = (await ok(c, 'targets.decompose', { parentId: quarters[3]!.id, by: 'unit', method: 'history', level: 'customer' }))
        .rows;
      // Q4 2024: only 南京鼓楼便利店 (c2) bought; 张记烟酒行 and the dealer's trading account (her customers too) get 0
      expect(customers.map((x) => [x.unitName, x.value])).toEqual([
        ['南京鼓楼便利店', 2000],
        ['张记烟酒行', 0],
        ['江苏恒信商贸有限公司', 0],
      ]);
      const boss = (await ok(c, 'targets.save', { metric: 'sales', level: 'rep', unitId: seeded.reps.boss.id, period: '2025', value: 100 }))
        .id;
      const before = digest(c.ctx.db);
      const err = await fail(c, 'targets.decompose', { parentId: boss, by: 'time', method: 'history' });
      expect(err.message).toMatch(/去年同期.*没有实际数据/);
      expect(digest(c.ctx.db)).toBe(before);
    } finally {
      f.core.close();
    }
  });
});
