// Chart option builders and number formatting: titles, axis formatters on real numbers, series data exactly the input,
// the A/B/C cut-offs, the theme's black-and-white cues.
import { describe, expect, it } from 'vitest';
import { axisFen, changeBp, compactNumber, percentBp, setCompactUnits, tooltipFen, axisValue, exactValue } from '@/charts/format';
import {
  achievementOption,
  axisTooltip,
  barRankingOption,
  cumulativeBp,
  paretoOption,
  pieOption,
  stackedBarOption,
  trendOption,
} from '@/charts/options';
import { seriesTable } from '@/charts/table';
import { chartTheme, lineDashes, markers } from '@/charts/theme';

// the option's parts as plain records, to read formatters and series back
type Rec = Record<string, any>;
const series = (o: unknown): Rec[] => (o as Rec).series as Rec[];
const fmt = (axis: unknown) => (axis as Rec).axisLabel.formatter as (v: number) => string;

describe('chart number formatting', () => {
  it('axes in 万 and 亿, below 万 with separators', () => {
    expect(compactNumber(8000)).toBe('8,000');
    expect(compactNumber(12345)).toBe('1.23万');
    expect(compactNumber(50000)).toBe('5万');
    expect(compactNumber(123456789)).toBe('1.23亿');
    expect(compactNumber(-25000)).toBe('-2.5万');
    expect(compactNumber(57_096_100)).toBe('5710万');
    expect(compactNumber(1_234_567)).toBe('123万');
    expect(compactNumber(456_789)).toBe('45.7万');
    expect(compactNumber(99_999_999)).toBe('10000万');
    expect(compactNumber(1_234_567_890_123)).toBe('12346亿');
    expect(axisFen(12_345_600)).toBe('12.3万'); // 123,456 元
    expect(axisFen(30_000_000_000)).toBe('3亿');
    expect(axisFen(0)).toBe('0');
  });

  it('in English the axes say K, M and B, and back in Chinese 万 and 亿', () => {
    setCompactUnits('en');
    try {
      expect(compactNumber(8000)).toBe('8,000');
      expect(compactNumber(12345)).toBe('12.3K');
      expect(compactNumber(-25000)).toBe('-25K');
      expect(compactNumber(999_999)).toBe('1000K');
      expect(compactNumber(57_096_100)).toBe('57.1M');
      expect(compactNumber(3_400_000_000)).toBe('3.4B');
      expect(axisFen(12_345_600)).toBe('123K'); // 123,456 元
      expect(axisValue('count', 1_500_000)).toBe('1.5M');
    } finally {
      setCompactUnits('zh-CN');
    }
    expect(compactNumber(12345)).toBe('1.23万');
  });

  it('tooltips in ¥ with thousands separators from 分, percentages with one decimal from bp', () => {
    expect(tooltipFen(123456789)).toBe('¥1,234,567.89');
    expect(tooltipFen(-5)).toBe('-¥0.05');
    expect(percentBp(1234)).toBe('12.3%');
    expect(percentBp(1235)).toBe('12.4%');
    expect(percentBp(10000)).toBe('100.0%');
    expect(percentBp(-456)).toBe('-4.6%');
    expect(percentBp(null)).toBe('—');
    expect(changeBp(250)).toBe('+2.5%');
    expect(changeBp(-250)).toBe('-2.5%');
    expect(changeBp(0)).toBe('0.0%');
    expect(changeBp(null)).toBe('—');
    expect(axisValue('bp', 7000)).toBe('70%');
    expect(axisValue('bp', 2550)).toBe('25.5%');
    expect(exactValue('count', 12345)).toBe('12,345');
  });
});

describe('trendOption', () => {
  const input = {
    title: '月度销售趋势',
    months: ['1月', '2月', '3月'],
    thisYear: { name: '2026年', values: [1_000_000, 2_500_000, null] },
    lastYear: { name: '2025年', values: [900_000, 0, 3_000_000] },
    unit: 'fen' as const,
  };
  it('two lines, this year and last, data exactly the input, told apart by dash and marker', () => {
    const o = trendOption(input) as Rec;
    expect(o.title.text).toBe('月度销售趋势');
    expect(o.xAxis.data).toEqual(['1月', '2月', '3月']);
    const [now, before] = series(o);
    expect(now!.data).toEqual([1_000_000, 2_500_000, null]);
    expect(before!.data).toEqual([900_000, 0, 3_000_000]);
    expect(now!.name).toBe('2026年');
    expect(now!.lineStyle.type).not.toBe(before!.lineStyle.type);
    expect(now!.symbol).not.toBe(before!.symbol);
    expect(fmt(o.yAxis)(2_500_000)).toBe('2.5万');
    const tip = o.tooltip.formatter([
      { name: '2月', seriesName: '2026年', value: 2_500_000, marker: '' },
      { name: '2月', seriesName: '2025年', value: 0, marker: '' },
    ]);
    expect(tip).toBe('2月<br/>2026年：¥25,000.00<br/>2025年：¥0.00');
  });
});

describe('barRankingOption', () => {
  it('first row on top, values exactly the input, axis in 万, labels compact', () => {
    const rows = [
      { name: '华东区', value: 98_765_432 },
      { name: '华北区', value: 12_000_000 },
    ];
    const o = barRankingOption({ title: '按大区', seriesName: '销售额', rows, unit: 'fen' }) as Rec;
    expect(o.title.text).toBe('按大区');
    expect(o.yAxis.inverse).toBe(true);
    expect(o.yAxis.data).toEqual(['华东区', '华北区']);
    expect(series(o)[0]!.data).toEqual([98_765_432, 12_000_000]);
    expect(fmt(o.xAxis)(50_000_000)).toBe('50万');
    expect(series(o)[0]!.label.formatter({ value: 98_765_432 })).toBe('98.8万');
    expect(o.tooltip.formatter([{ name: '华东区', seriesName: '销售额', value: 98_765_432 }])).toBe('华东区<br/>销售额：¥987,654.32');
  });
  it('counts are counts', () => {
    const o = barRankingOption({ title: '客户数', seriesName: '客户', rows: [{ name: '张三', value: 23456 }], unit: 'count' }) as Rec;
    expect(fmt(o.xAxis)(23456)).toBe('2.35万');
    expect(o.tooltip.formatter([{ name: '张三', seriesName: '客户', value: 23456 }])).toBe('张三<br/>客户：23,456');
  });
});

describe('pieOption', () => {
  it('a donut by default, a pie when asked; slices exactly the input; tooltip exact with its share', () => {
    const rows = [
      { name: '经销', value: 300_00 },
      { name: '直营', value: 100_00 },
    ];
    const o = pieOption({ title: '按渠道类型', seriesName: '销售额', rows, unit: 'fen' }) as Rec;
    expect(o.title.text).toBe('按渠道类型');
    expect(series(o)[0]!.data).toEqual(rows);
    expect(series(o)[0]!.radius[0]).not.toBe('0%');
    expect(o.tooltip.formatter({ name: '经销', value: 300_00, percent: 75 })).toBe('经销<br/>¥300.00（75.0%）');
    expect(series(o)[0]!.label.formatter({ name: '经销', percent: 7.07 })).toBe('经销\n7.1%');
    const pie = pieOption({ title: 'x', seriesName: 'x', rows, unit: 'count', donut: false }) as Rec;
    expect(series(pie)[0]!.radius[0]).toBe('0%');
  });
});

describe('paretoOption', () => {
  const rows = [
    { name: '甲', valueFen: 5000, abcClass: 'A' as const },
    { name: '乙', valueFen: 2500, abcClass: 'A' as const },
    { name: '丙', valueFen: 1500, abcClass: 'B' as const },
    { name: '丁', valueFen: 700, abcClass: 'C' as const },
    { name: '戊', valueFen: 300, abcClass: 'C' as const },
  ];
  const o = paretoOption({
    title: '产品ABC',
    valueName: '销售额',
    cumulativeName: '累计占比',
    rows,
    cutoffsBp: { a: 7000, b: 9000 },
  }) as Rec;

  it('bars exactly the values, the cumulative line in bp reaching 100%', () => {
    expect(o.title.text).toBe('产品ABC');
    expect(series(o)[0]!.data.map((d: Rec) => d.value)).toEqual([5000, 2500, 1500, 700, 300]);
    expect(series(o)[1]!.data).toEqual([5000, 7500, 9000, 9700, 10000]);
    expect(series(o)[1]!.yAxisIndex).toBe(1);
    expect(fmt(o.yAxis[1])(7500)).toBe('75%');
    expect(
      o.tooltip.formatter([
        { name: '乙', seriesName: '销售额', value: 2500 },
        { name: '乙', seriesName: '累计占比', value: 7500 },
      ]),
    ).toBe('乙<br/>销售额：¥25.00<br/>累计占比：75.0%');
  });

  it('the cut-off lines at A and B, and where the classes change', () => {
    const lines = series(o)[1]!.markLine.data as Rec[];
    expect(lines.filter((l) => 'yAxis' in l).map((l) => [l.yAxis, l.label.formatter])).toEqual([
      [7000, 'A 70.0%'],
      [9000, 'B 90.0%'],
    ]);
    expect(lines.filter((l) => 'xAxis' in l).map((l) => [l.xAxis, l.label.formatter])).toEqual([
      [1, 'A | B'],
      [2, 'B | C'],
    ]);
  });

  it('classes told apart by pattern as well as by shade', () => {
    const d = series(o)[0]!.data as Rec[];
    expect(d[0]!.itemStyle.decal).not.toEqual(d[2]!.itemStyle.decal);
    expect(d[2]!.itemStyle.decal).not.toEqual(d[3]!.itemStyle.decal);
    expect(d[0]!.itemStyle.color).not.toBe(d[3]!.itemStyle.color);
  });

  it('cumulative shares are integers and a zero total stays at zero', () => {
    expect(cumulativeBp([1, 1, 1])).toEqual([3333, 6667, 10000]);
    expect(cumulativeBp([0, 0])).toEqual([0, 0]);
  });
});

describe('stackedBarOption', () => {
  it('one stacked series per part, values exactly the input, each with its own pattern', () => {
    const o = stackedBarOption({
      title: '账龄',
      categories: ['华东区', '华北区'],
      series: [
        { name: '未到期', values: [100, 200] },
        { name: '1–30天', values: [0, 50] },
        { name: '90天以上', values: [7, 0] },
      ],
      unit: 'fen',
    }) as Rec;
    expect(o.title.text).toBe('账龄');
    expect(o.xAxis.data).toEqual(['华东区', '华北区']);
    expect(series(o).map((s) => s.data)).toEqual([
      [100, 200],
      [0, 50],
      [7, 0],
    ]);
    expect(new Set(series(o).map((s) => s.stack)).size).toBe(1);
    expect(new Set(series(o).map((s) => JSON.stringify(s.itemStyle.decal))).size).toBe(3);
    expect(fmt(o.yAxis)(1_000_000_00)).toBe('100万');
    const h = stackedBarOption({ title: 'x', categories: ['a'], series: [], unit: 'fen', horizontal: true }) as Rec;
    expect(h.yAxis.data).toEqual(['a']);
    expect(h.yAxis.inverse).toBe(true);
  });
});

describe('achievementOption', () => {
  it('achievement bars and time-progress ticks, both exactly the input, axis in %', () => {
    const o = achievementOption({
      title: '目标达成 vs 时间进度',
      achievementName: '达成率',
      timeProgressName: '时间进度',
      rows: [
        { name: '销售额', achievementBp: 6234, timeProgressBp: 7143 },
        { name: '回款', achievementBp: null, timeProgressBp: 7143 },
      ],
    }) as Rec;
    expect(o.title.text).toBe('目标达成 vs 时间进度');
    expect(o.yAxis.data).toEqual(['销售额', '回款']);
    expect(series(o)[0]!.data).toEqual([6234, null]);
    expect(series(o)[1]!.data).toEqual([7143, 7143]);
    expect(fmt(o.xAxis)(5000)).toBe('50%');
    expect(series(o)[0]!.label.formatter({ value: 6234 })).toBe('62.3%');
    expect(o.xAxis.max({ max: 12100 })).toBe(12500);
    expect(o.xAxis.max({ max: 6000 })).toBe(10000);
  });
});

describe('theme and the data table', () => {
  it('lines differ by dash and marker; bars and slices carry patterns', () => {
    expect(new Set(lineDashes).size).toBe(lineDashes.length);
    expect(new Set(markers).size).toBe(markers.length);
    expect(chartTheme.aria.decal.show).toBe(true);
  });
  it('seriesTable writes exact values in aligned columns', () => {
    const t = seriesTable(
      '月份',
      ['1月', '2月'],
      [
        { name: '2026年', values: [123456, null], unit: 'fen' },
        { name: '同比', values: [1234, -50], unit: 'bp' },
        { name: '类别', values: ['A', 'B'] },
      ],
    );
    expect(t.columns.map((c) => [c.label, c.numeric])).toEqual([
      ['月份', false],
      ['2026年', true],
      ['同比', true],
      ['类别', false],
    ]);
    expect(t.rows).toEqual([
      { c: '1月', s0: '¥1,234.56', s1: '12.3%', s2: 'A' },
      { c: '2月', s0: '—', s1: '-0.5%', s2: 'B' },
    ]);
  });
  it('a tooltip for mixed units takes each series its unit', () => {
    expect(
      axisTooltip(['count', 'bp'])([
        { name: 'x', seriesName: 'a', value: 1000 },
        { name: 'x', seriesName: 'b', value: 10 },
      ]),
    ).toBe('x<br/>a：1,000<br/>b：0.1%');
  });
});
