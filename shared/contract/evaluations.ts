// 业绩考核 Rep evaluation: every figure computed from documents for a month or quarter, plus the supervisor's scores.
import { z } from 'zod';
import { idSchema, text } from './common';
import { parsePeriod } from '../periods';

export const evaluationPeriodSchema = z
  .string()
  .refine((p) => ['month', 'quarter'].includes(parsePeriod(p)?.kind ?? ''), '考核期间应为 YYYY-MM 或 YYYY-Qn');
const score = z.int('必须是 1–5 的整数').min(1, '评分应在 1–5 之间').max(5, '评分应在 1–5 之间');

export const evaluationMethods = {
  'evaluations.saveScores': {
    input: z
      .object({
        repId: idSchema,
        period: evaluationPeriodSchema,
        cooperation: score,
        enthusiasm: score,
        responsibility: score,
        comment: text(500).default(''),
      })
      .strict(),
    output: z.object({ repId: z.int(), period: z.string() }),
  },
} as const;
