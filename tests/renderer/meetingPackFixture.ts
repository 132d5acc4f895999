// A meeting pack as meetingPack.data answers it: every page kind, a trend with months still to come (null), and a
// process table of 20 reps (two sheets of 10).
import type { Output } from '@shared/contract';

export type Pack = Output<'meetingPack.data'>;

export const REPS = Array.from({ length: 20 }, (_, i) => `业务员${String(i + 1).padStart(2, '0')}`);

export function fixturePack(): Pack {
  return {
    month: '2026-11',
    from: '2026-11-01',
    to: '2026-11-30',
    companyName: '华众商贸有限公司',
    scopeName: '',
    pages: [
      {
        key: 'cover',
        kind: 'cover',
        title: '2026年11月 销售会议',
        finding: '本月销售额 362.9 万元，同比增长 104.2%，环比下降 16.8%',
        categories: [],
        series: [],
      },
      {
        key: 'kpis',
        kind: 'kpis',
        title: '经营概况',
        finding: '销售额 362.9 万元，同比增长 104.2%，环比下降 16.8%；毛利率 16.7%；新客户 21 个',
        categories: ['销售额', '回款额'],
        series: [
          { name: '本月', unit: 'fen', values: [362_898_166, 337_430_725] },
          { name: '去年同期', unit: 'fen', values: [177_737_726, 0] },
          { name: '上月', unit: 'fen', values: [436_127_372, 252_758_981] },
        ],
      },
      {
        key: 'targets',
        kind: 'bar',
        title: '目标达成与时间进度',
        finding: '公司销售额达成率 100.8%，领先时间进度 0.8 个百分点',
        categories: ['销售额', '回款额'],
        series: [
          { name: '达成率', unit: 'bp', values: [10_077, 9_444] },
          { name: '时间进度', unit: 'bp', values: [10_000, 10_000] },
        ],
      },
      {
        key: 'trend',
        kind: 'line',
        title: '月度销售趋势（今年与去年）',
        finding: '今年 1–11 月累计 2988.7 万元，同比增长 35.1%',
        categories: ['1月', '2月', '3月'],
        series: [
          { name: '2026年', unit: 'fen', values: [298_010_887, 107_516_580, null] },
          { name: '2025年', unit: 'fen', values: [188_251_775, 50_310_849, 131_526_919] },
        ],
      },
      {
        key: 'regions',
        kind: 'bar',
        title: '各区域销售额',
        finding: '华东销售额最高，181.8 万元，占 50.1%，同比增长 95.4%',
        categories: ['华东', '华北'],
        series: [
          { name: '本月', unit: 'fen', values: [181_778_550, 95_962_725] },
          { name: '去年同期', unit: 'fen', values: [93_043_073, 33_408_164] },
        ],
      },
      {
        key: 'abc',
        kind: 'pareto',
        title: '产品 ABC 分析（前 20 名）',
        finding: 'A 类 9 个产品贡献 70.2% 的销售额',
        categories: ['窖香坊十年陈酿', '江淮醇十年陈酿'],
        series: [
          { name: '销售额', unit: 'fen', values: [166_397_185, 25_627_750] },
          { name: '累计占比', unit: 'bp', values: [4585, 5291] },
        ],
      },
      {
        key: 'aging',
        kind: 'stackedBar',
        title: '应收账龄（按区域）',
        finding: '逾期 273.3 万元，占应收 41.4%；逾期最多：广州佳升饮品有限公司 55.1 万元',
        categories: ['华东', '华北'],
        series: [
          { name: '未到期', unit: 'fen', values: [185_078_311, 98_702_279] },
          { name: '1–30 天', unit: 'fen', values: [86_788_317, 32_416_020] },
          { name: '31 天以上', unit: 'fen', values: [1_142_100, 0] },
        ],
      },
      {
        key: 'activity',
        kind: 'table',
        title: '过程指标（按业务员）',
        finding: '人均日拜访 4.20 次，报表合规率 87.4%；合规率最低：王芳 83.3%',
        categories: REPS,
        series: [
          { name: '日均拜访', unit: 'x100', values: REPS.map((_, i) => 400 + i) },
          { name: '单次拜访收入', unit: 'fen', values: REPS.map((_, i) => 397_919 + i) },
          { name: '报表合规率', unit: 'bp', values: REPS.map((_, i) => (i === 3 ? null : 9048 - i)) },
        ],
      },
    ],
  };
}
