// 月度会议材料 Monthly meeting pack: the core computes the pages (a cover, then one chart or table each) and a one-line
// finding per page from the data; the renderer lays them out as PDF pages and .pptx slides. Chart data is given as
// categories and series so the same numbers feed ECharts and a native PowerPoint chart.
import { z } from 'zod';
import { idSchema } from './common';

export const meetingMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const meetingPageKinds = ['cover', 'kpis', 'bar', 'line', 'stackedBar', 'pareto', 'table'] as const;

const series = z.object({
  name: z.string(),
  /** 'fen' money, 'count', 'bp' a rate, 'x100' a ratio kept ×100 */
  unit: z.enum(['fen', 'count', 'bp', 'x100']),
  /** one value per category; null where there is none */
  values: z.array(z.int().nullable()),
});

export const meetingPage = z.object({
  key: z.string(),
  kind: z.enum(meetingPageKinds),
  title: z.string(),
  /** one sentence computed from the data, e.g. 华东区达成率 62.3%，落后时间进度 8.4 个百分点 */
  finding: z.string(),
  categories: z.array(z.string()),
  series: z.array(series),
});
export type MeetingPage = z.infer<typeof meetingPage>;

export const meetingPackMethods = {
  'meetingPack.data': {
    input: z.object({ month: meetingMonthSchema, regionId: idSchema.optional(), teamId: idSchema.optional() }).strict(),
    output: z.object({
      month: z.string(),
      from: z.string(),
      to: z.string(),
      companyName: z.string(),
      /** the region's or team's name when the pack is for one; '' for the company */
      scopeName: z.string(),
      pages: z.array(meetingPage),
    }),
  },
} as const;
