// 销售漏斗's chart builders: the funnel keeps the stage order and the counts exactly (sized by count, never re-sorted),
// its labels and tooltip name count, amount, conversion and days; the days-in-stage bars; the weighted pipeline beside
// the target gap with the cover (weighted − gap) in 查看数据, "—" where no target is set.
import { describe, expect, it } from 'vitest';
import {
  daysText,
  forecastOption,
  forecastTable,
  funnelOption,
  funnelTable,
  stageDaysOption,
  type FunnelLabels,
} from '@/charts/pipelineCharts';

type Rec = Record<string, any>;
const series = (o: unknown): Rec[] => (o as Rec).series as Rec[];

const labels: FunnelLabels = {
  title: '商机漏斗',
  stage: '阶段',
  entered: '进入数',
  amount: '金额',
  conversion: '转化率',
  avgDays: '平均停留',
  days: (n) => `${n} 天`,
};

const rows = [
  { name: '潜在客户识别', entered: 40, amountFen: 400_000_00, conversionBp: 7500, avgDays: 6.25 },
  { name: '初次接触', entered: 30, amountFen: 310_000_00, conversionBp: 5000, avgDays: 10 },
  { name: '需求分析', entered: 15, amountFen: 150_000_00, conversionBp: 0, avgDays: null },
  { name: '成交', entered: 0, amountFen: 0, conversionBp: null, avgDays: null },
];

describe('funnelOption', () => {
  it('one funnel in stage order (sort none), layers sized by the counts as given, max the widest', () => {
    const s = series(funnelOption(rows, labels))[0]!;
    expect(s.type).toBe('funnel');
    expect(s.sort).toBe('none');
    expect(s.data.map((d: Rec) => [d.name, d.value])).toEqual([
      ['潜在客户识别', 40],
      ['初次接触', 30],
      ['需求分析', 15],
      ['成交', 0],
    ]);
    expect([s.min, s.max]).toEqual([0, 40]);
    // neighbouring layers differ in colour and pattern (black-and-white print)
    expect(s.data[0].itemStyle.color).not.toBe(s.data[1].itemStyle.color);
  });

  it('labels name the count, amount and conversion; the tooltip adds the days', () => {
    const o = funnelOption(rows, labels) as Rec;
    const label = series(o)[0]!.label.formatter as (p: { dataIndex: number }) => string;
    expect(label({ dataIndex: 0 })).toBe('潜在客户识别  40 · 40万  → 75.0%');
    expect(label({ dataIndex: 3 })).toBe('成交  0 · 0');
    const tip = o.tooltip.formatter as (p: { dataIndex: number }) => string;
    expect(tip({ dataIndex: 0 })).toBe('潜在客户识别<br/>进入数：40<br/>金额：¥400,000.00<br/>转化率：75.0%<br/>平均停留：6.3 天');
    expect(tip({ dataIndex: 2 })).toContain('平均停留：—');
  });

  it('no opportunity at all still draws (max 1), and the table writes each figure exactly', () => {
    const empty = rows.map((r) => ({ ...r, entered: 0 }));
    expect(series(funnelOption(empty, labels))[0]!.max).toBe(1);
    const table = funnelTable(rows, labels);
    expect(table.columns.map((c) => c.label)).toEqual(['阶段', '进入数', '金额', '转化率', '平均停留']);
    expect(table.rows[0]).toEqual({ c: '潜在客户识别', entered: '40', amount: '¥400,000.00', conversion: '75.0%', avgDays: '6.3' });
    expect(table.rows[2]).toMatchObject({ conversion: '0.0%', avgDays: '—' });
    expect(table.rows[3]).toMatchObject({ conversion: '—' });
  });

  it('days with one decimal at most', () => {
    expect(daysText(3)).toBe('3');
    expect(daysText(2.54)).toBe('2.5');
    expect(daysText(null)).toBe('—');
  });
});

describe('stageDaysOption', () => {
  it('bars of the average days, first stage on top, a stage nobody left empty', () => {
    const o = stageDaysOption(rows.slice(0, 3), '各阶段平均停留天数', '平均停留', (n) => `${n} 天`) as Rec;
    expect(o.yAxis.inverse).toBe(true);
    expect(o.yAxis.data).toEqual(['潜在客户识别', '初次接触', '需求分析']);
    expect(series(o)[0]!.data).toEqual([6.25, 10, null]);
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('潜在客户识别<br/>平均停留：6.3 天');
  });
});

describe('forecastOption', () => {
  const months = [
    { month: '2026-12', weightedFen: 500_000_00, targetGapFen: 800_000_00 },
    { month: '2027-01', weightedFen: 300_000_00, targetGapFen: null },
  ];
  const fl = {
    title: '加权商机 vs 目标缺口',
    month: '月份',
    weighted: '加权金额',
    gap: '目标缺口',
    cover: '覆盖',
    monthLabel: (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5))}月`,
  };
  it('paired bars per month, the gap missing where no target is set', () => {
    const o = forecastOption(months, fl) as Rec;
    expect(o.xAxis.data).toEqual(['2026年12月', '2027年1月']);
    expect(series(o).map((s) => [s.name, s.data])).toEqual([
      ['加权金额', [500_000_00, 300_000_00]],
      ['目标缺口', [800_000_00, null]],
    ]);
  });
  it('the table gives the cover, negative when the pipeline falls short', () => {
    expect(forecastTable(months, fl).rows).toEqual([
      { c: '2026年12月', weighted: '¥500,000.00', gap: '¥800,000.00', cover: '-¥300,000.00' },
      { c: '2027年1月', weighted: '¥300,000.00', gap: '—', cover: '—' },
    ]);
  });
});
