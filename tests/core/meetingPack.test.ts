// 月度会议材料: the findings' sentences exactly, and the pages of a month of the small demo carrying the same numbers
// as the dashboards' analytics (a page never computes a figure of its own).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { DEMO_MANAGER } from '../../electron/core/demo/operators';
import {
  achievementWords,
  changeWords,
  comparedWords,
  listWords,
  moneyWords,
  percentWords,
} from '../../electron/core/modules/meetingPack/findings';
import { actAs, fail, ok } from './helpers';

describe('findings', () => {
  it('money in 万元 from 10,000 元, else yuan and fen', () => {
    expect(moneyWords(123_456_789)).toBe('123.5 万元');
    expect(moneyWords(1_000_000)).toBe('1.0 万元');
    expect(moneyWords(999_999)).toBe('¥9,999.99');
    expect(moneyWords(-2_500_000)).toBe('-2.5 万元');
    expect(moneyWords(9_999_940_000)).toBe('9999.9 万元');
    expect(moneyWords(9_999_960_000)).toBe('1.00 亿元');
    expect(moneyWords(192_397_100_000)).toBe('19.24 亿元');
    expect(moneyWords(-30_000_000_000)).toBe('-3.00 亿元');
    expect(moneyWords(5)).toBe('¥0.05');
  });

  it('rates and changes with one decimal', () => {
    expect(percentWords(6_234)).toBe('62.3%');
    expect(percentWords(6_235)).toBe('62.4%');
    expect(percentWords(null)).toBe('—');
    expect(changeWords(1_234)).toBe('增长 12.3%');
    expect(changeWords(-400)).toBe('下降 4.0%');
    expect(changeWords(4)).toBe('持平');
    expect(changeWords(null)).toBe('无可比数据');
  });

  it('achievement against time progress, as the issue words it', () => {
    expect(achievementWords('华东区', 6_230, 7_070)).toBe('华东区达成率 62.3%，落后时间进度 8.4 个百分点');
    expect(achievementWords('公司销售额', 9_000, 8_500)).toBe('公司销售额达成率 90.0%，领先时间进度 5.0 个百分点');
    expect(achievementWords('公司销售额', 5_002, 5_000)).toBe('公司销售额达成率 50.0%，与时间进度持平');
    expect(achievementWords('李娜', null, 5_000)).toBe('李娜没有设定目标');
    expect(comparedWords('销售额', 52_300_000, 1_500, -250, 'fen')).toBe('销售额 52.3 万元，同比增长 15.0%，环比下降 2.5%');
    expect(listWords(['甲', '乙', '丙', '丁'])).toBe('甲、乙、丙等 4 人');
    expect(listWords(['甲', '乙'])).toBe('甲、乙');
  });
});

describe('meetingPack.data on the small demo', () => {
  const NOW = new Date('2026-10-20T02:00:00.000Z');
  let dir: string;
  let core: Core;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-meeting-pack-'));
    const c = createCore(path.join(dir, 'small.db'), { now: () => NOW });
    generateDemo(c.ctx.db, { scale: 'small', seed: 99, now: NOW });
    core = actAs(c, DEMO_MANAGER);
  }, 60_000);
  afterAll(() => {
    core?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a cover and one page per chart, each with its finding, the data shaped for a chart', async () => {
    const pack = await ok(core, 'meetingPack.data', { month: '2026-09' });
    expect(pack).toMatchObject({ month: '2026-09', from: '2026-09-01', to: '2026-09-30', scopeName: '' });
    expect(pack.pages.map((p) => p.key)).toEqual([
      'cover',
      'kpis',
      'targets',
      'trend',
      'regions',
      'reps',
      'abc',
      'aging',
      'activity',
      'pipeline',
    ]);
    expect(pack.pages[0]!.title).toBe('2026年9月 销售会议');
    for (const p of pack.pages) {
      expect(p.finding.length, p.key).toBeGreaterThan(4);
      for (const s of p.series) expect(s.values, `${p.key} ${s.name}`).toHaveLength(p.categories.length);
    }
    expect(pack.pages.find((p) => p.key === 'trend')!.categories).toHaveLength(12);
  });

  it('the numbers are the dashboards’ numbers', async () => {
    const pack = await ok(core, 'meetingPack.data', { month: '2026-09' });
    const overview = await ok(core, 'analytics.overview', { period: { from: '2026-09-01', to: '2026-09-30' } });
    const kpis = pack.pages.find((p) => p.key === 'kpis')!;
    expect(kpis.categories[0]).toBe('销售额');
    expect(kpis.series[0]!.values[0]).toBe(overview.salesFen);
    expect(kpis.series[1]!.values[0]).toBe(overview.sales.lastYear);
    expect(pack.pages[0]!.finding).toBe(
      comparedWords('本月销售额', overview.sales.value, overview.sales.yoyBp, overview.sales.momBp, 'fen'),
    );
    const tracked = await ok(core, 'targets.tracking', { metric: 'sales', level: 'rep', period: '2026-09', asOf: '2026-09-30' });
    const reps = pack.pages.find((p) => p.key === 'reps')!;
    expect(reps.categories).toEqual(tracked.rows.filter((r) => r.status !== 'noTarget').map((r) => r.name));
    const targets = pack.pages.find((p) => p.key === 'targets')!;
    const sales = overview.targets.rows.find((r) => r.metric === 'sales')!;
    expect(targets.finding).toBe(achievementWords('公司销售额', sales.achievementBp, sales.timeProgressBp));
  });

  it('the funnel page is pipeline.funnel of the twelve months to the month’s end', async () => {
    const pack = await ok(core, 'meetingPack.data', { month: '2026-09' });
    const funnel = await ok(core, 'pipeline.funnel', { from: '2025-10-01', to: '2026-09-30' });
    const page = pack.pages.find((p) => p.key === 'pipeline')!;
    expect(page.categories).toEqual(['潜在客户识别', '初次接触', '需求分析', '方案演示', '报价', '谈判', '成交']);
    expect(page.series[0]!.values).toEqual(funnel.stages.map((x) => x.entered));
    expect(page.series[2]!.values).toEqual(funnel.stages.map((x) => x.conversionBp));
    expect(funnel.stages[0]!.entered).toBeGreaterThan(0);
    expect(page.finding).toContain(`新建商机 ${funnel.stages[0]!.entered} 个，赢单率 ${percentWords(funnel.winRateBp)}`);
  });

  it('for one region: its name on the cover and its sub-regions on the region page; bad input refused', async () => {
    const region = core.ctx.db.prepare('select id, name from regions where parent_id is null order by id limit 1').get() as {
      id: number;
      name: string;
    };
    const pack = await ok(core, 'meetingPack.data', { month: '2026-09', regionId: region.id });
    expect(pack.scopeName).toBe(region.name);
    expect(pack.pages[0]!.title).toBe(`2026年9月 销售会议 · ${region.name}`);
    expect(await fail(core, 'meetingPack.data', { month: '2026-13' })).toMatchObject({ code: 'VALIDATION', field: 'month' });
    expect(await fail(core, 'meetingPack.data', { month: '2026-09', regionId: 999_999 })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'regionId',
    });
  });
});
