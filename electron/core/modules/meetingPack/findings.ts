// The meeting pack's one-line findings: pure sentences from figures (万元 with one decimal, 亿元 with two, rates with one decimal), so a
// page says what the chart shows in words a manager reads out — and a test can check each sentence exactly.

/** 分 → "19.24 亿元" from 1 亿元 up, "123.4 万元" from 10,000 元 up, else "¥1,234.56"; negative with a minus sign. */
export function moneyWords(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  if (abs >= 1_000_000) {
    const tenthsOfWan = Math.round(abs / 100_000);
    // 9,999.96 万 rounds up to 1.00 亿, never "10000.0 万元"
    if (tenthsOfWan < 100_000) return `${sign}${(tenthsOfWan / 10).toFixed(1)} 万元`;
    return `${sign}${(Math.round(abs / 100_000_000) / 100).toFixed(2)} 亿元`;
  }
  const yuan = Math.floor(abs / 100);
  return `${sign}¥${yuan.toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** bp → "62.3%" (half up on the tenth); null → "—". */
export function percentWords(bp: number | null): string {
  if (bp === null) return '—';
  const tenths = Math.round(Math.abs(bp) / 10) * Math.sign(bp);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** A change in bp → "增长 12.3%" / "下降 4.0%" / "持平"; null (no base) → "无可比数据". */
export function changeWords(bp: number | null): string {
  if (bp === null) return '无可比数据';
  if (Math.round(bp / 10) === 0) return '持平';
  return bp > 0 ? `增长 ${percentWords(bp)}` : `下降 ${percentWords(-bp)}`;
}

/** 达成率 against 时间进度: "华东区达成率 62.3%，落后时间进度 8.4 个百分点" (or 领先, or 与时间进度持平). */
export function achievementWords(name: string, achievementBp: number | null, timeProgressBp: number | null): string {
  if (achievementBp === null) return `${name}没有设定目标`;
  const head = `${name}达成率 ${percentWords(achievementBp)}`;
  if (timeProgressBp === null) return head;
  const diff = achievementBp - timeProgressBp;
  const points = (Math.round(Math.abs(diff) / 10) / 10).toFixed(1);
  if (points === '0.0') return `${head}，与时间进度持平`;
  return `${head}，${diff < 0 ? '落后' : '领先'}时间进度 ${points} 个百分点`;
}

/** "销售额 123.4 万元，同比增长 12.3%，环比下降 4.0%" */
export function comparedWords(label: string, value: number, yoyBp: number | null, momBp: number | null, unit: 'fen' | 'count'): string {
  const v = unit === 'fen' ? moneyWords(value) : `${value} 个`;
  return `${label} ${v}，同比${changeWords(yoyBp)}，环比${changeWords(momBp)}`;
}

/** The names of at most `max` items, then "等 n 人/个". */
export function listWords(names: readonly string[], max = 3, counter = '人'): string {
  if (names.length <= max) return names.join('、');
  return `${names.slice(0, max).join('、')}等 ${names.length} ${counter}`;
}
