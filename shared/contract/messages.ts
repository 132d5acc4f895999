// Plain Chinese for every zod issue the contract can raise ("不能超过 365", not "期望 number <=365"); the core
// prefixes the field's label from shared/fieldLabels.ts. Messages written on a schema itself still win.
import type { z } from 'zod';
import { formatFen } from '../money';

type RawIssue = z.core.$ZodRawIssue;

/** Money fields end in "Fen" and are shown in 元, the way the clerk typed them. */
function amount(value: number | bigint, path: readonly PropertyKey[] | undefined): string {
  const key = [...(path ?? [])].reverse().find((p) => typeof p === 'string');
  const n = Number(value);
  return typeof key === 'string' && key.endsWith('Fen') && Number.isSafeInteger(n) && n !== 0
    ? formatFen(n, { sign: true })
    : String(value);
}

const typeWords: Record<string, string> = {
  int: '必须是整数',
  number: '应为数字',
  string: '应为文字',
  boolean: '应为是或否（true / false）',
  array: '应为列表',
  object: '应为一组字段',
  date: '应为日期',
};

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? v : String(v)));
  return shown.length === 1 ? `应为 ${shown[0]}` : `应为以下之一：${shown.join('、')}`;
}

/** The zod error map: undefined leaves the issue to zod's own (Chinese) locale. */
export function plainIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '不能为空';
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) return '应为有限的数字';
      return typeWords[issue.expected] ?? '类型不正确';
    case 'too_big': {
      const max = amount(issue.maximum, issue.path);
      if (issue.origin === 'string') return `最多 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      if (issue.origin === 'int' && issue.maximum === Number.MAX_SAFE_INTEGER) return '数值过大';
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? `必须小于 ${max}` : `不能超过 ${max}`;
      return undefined;
    }
    case 'too_small': {
      const min = amount(issue.minimum, issue.path);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      if (issue.origin === 'int' && issue.minimum === Number.MIN_SAFE_INTEGER) return '数值过小';
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? `必须大于 ${min}` : `不能小于 ${min}`;
      return undefined;
    }
    case 'invalid_value':
      return oneOf(issue.values);
    case 'invalid_union': {
      const choices = (issue as { options?: unknown[] }).options; // a discriminated union names its discriminator's values
      if (choices?.length) return oneOf(choices);
      // a union of literals (such as tier 1 | 2 | 3) reads as its list of choices
      const values = issue.errors.flatMap((branch) =>
        branch.length === 1 && branch[0]!.code === 'invalid_value' ? branch[0]!.values : [null],
      );
      return values.length > 0 && !values.includes(null) ? oneOf(values) : '格式不正确';
    }
    case 'invalid_format':
      return issue.format === 'email' ? '邮箱格式不正确' : '格式不正确';
    case 'not_multiple_of':
      return `必须是 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `不允许的字段「${issue.keys.join('、')}」`;
    case 'invalid_key':
    case 'invalid_element':
      return '包含无效的项';
    default:
      return undefined;
  }
}
