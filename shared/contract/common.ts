// Building blocks every domain's contract file uses: ids, money, dates, phones, paging, saved-id answers.
import { z } from 'zod';
import { plainIssueMessage } from './messages';

z.config(z.locales.zhCN()); // fallback for any issue the plain map leaves alone
z.config({ customError: plainIssueMessage });

export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, '不能为空').max(max);
export const idSchema = z.int().positive();
export const fenSchema = z.int().min(0).max(1_000_000_000_000); // up to 100 亿元
/** A file sent in an input as base64 (an Excel sheet to import): 40 M characters, so 20 MB files fit. The largest
 *  valid input of any method; browser mode refuses a request body much above it. */
export const FILE_BASE64_MAX_CHARS = 40_000_000;
export const fileBase64Schema = z.string().min(1).max(FILE_BASE64_MAX_CHARS);
/** A wrong type for a date field gets the date message too; a missing one falls through to 不能为空. */
export const formatError = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? undefined : message),
});
export const dateSchema = z
  .string(formatError('日期格式应为 YYYY-MM-DD'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDate, '不是有效的日期');
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y); // years 0-99 are not 1900-1999
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-\s()（）转#*]*$/, '只能包含数字、空格、+、-、括号');
export const codeText = (max: number) =>
  text(max)
    .regex(/^[A-Za-z0-9_-]*$/, '只能包含字母、数字、- 和 _')
    .default('');
export const sortOrder = z.enum(['asc', 'desc']);

export const pageInput = {
  page: z.int().min(1).max(1_000_000).default(1),
  pageSize: z.int().min(1).max(500).default(50),
  search: text(100).optional(),
};

/** `{ field, order }` for a list whose sortable columns are `fields`. */
export const sortInput = <const T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .object({ field: z.enum(fields), order: sortOrder })
    .strict()
    .optional();

export const savedId = z.object({ id: z.int(), code: z.string() });
export const fileOutput = z.object({ fileName: z.string(), base64: z.string(), rowCount: z.int() });
export const noInput = () => z.object({}).strict();
