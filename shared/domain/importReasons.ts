// Why an import row was refused, in both languages. The core writes the Chinese text into each row error's `message`
// (the HTTP contract) and sends the code and its parameters beside it; the screen and the error file say it in the UI
// language from the same entry.

export type ReasonParams = Record<string, string | number>;
type Lang = 'zh' | 'en';

export const importReasons = {
  blank: { zh: '不能为空', en: 'Required' },
  notAmount: { zh: '不是有效的金额「{value}」', en: 'Not an amount: "{value}"' },
  amountSeparators: {
    zh: '千位分隔符位置不对「{value}」：应每三位一组，如 12,345.67',
    en: 'Thousands separators out of place in "{value}": groups of three, as in 12,345.67',
  },
  amountDecimals: { zh: '金额最多两位小数「{value}」', en: 'At most two decimals in an amount: "{value}"' },
  amountNegative: { zh: '金额不能为负数', en: 'An amount cannot be negative' },
  amountTooLarge: { zh: '金额过大（上限 100 亿元）', en: 'Amount too large (at most ¥10 billion)' },
  notInteger: { zh: '应为整数「{value}」', en: 'Must be a whole number: "{value}"' },
  integerSeparators: {
    zh: '千位分隔符位置不对「{value}」：应每三位一组，如 1,000',
    en: 'Thousands separators out of place in "{value}": groups of three, as in 1,000',
  },
  notDate: {
    zh: '无法识别的日期「{value}」，请写成 2024-03-05、2024/3/5 或 2024年3月5日',
    en: 'Not a date: "{value}"; write 2024-03-05, 2024/3/5 or 2024年3月5日',
  },
  badDate: { zh: '不是有效的日期（{value}）', en: 'No such date ({value})' },
  formulaError: { zh: '单元格是公式错误值 {value}，请改为实际内容', en: 'The cell holds the formula error {value}; type the actual value' },
  notYesNo: { zh: '无法识别「{value}」，请填 是 或 否', en: 'Cannot read "{value}": write yes or no (是 / 否)' },
  notChoice: { zh: '无法识别「{value}」，可选：{choices}', en: 'Cannot read "{value}"; choose one of: {choicesEn}' },
  refBlank: { zh: '{noun}不能为空', en: 'The {noun} is required' },
  refMissing: { zh: '找不到{noun}「{value}」', en: 'No {noun} named "{value}"' },
  refAmbiguousPath: {
    zh: '有 {count} 个名为「{value}」的{noun}（{examples}），请写完整路径，如「{example}」',
    en: '{count} {noun}s are named "{value}" ({examples}); write the full path, such as "{example}"',
  },
  refAmbiguousCode: {
    zh: '有 {count} 个名为「{value}」的{noun}（编码 {codes}），请改填编码',
    en: '{count} {noun}s are named "{value}" (codes {codes}); write the code instead',
  },
  duplicateInFile: { zh: '与第 {row} 行的{noun}「{value}」重复', en: 'Same {noun} "{value}" as row {row}' },
  duplicateCustomer: {
    zh: '已有客户「{name}」（编码 {code}）名称相同，疑似重复；如是同一客户，请填写其编码',
    en: 'Customer "{name}" (code {code}) already has this name: probably the same customer; if so, write its code',
  },
  archivedCustomer: {
    zh: '客户已归档，不能通过导入修改；请先在客户档案中恢复',
    en: 'The customer is archived and cannot be changed by an import; restore it first',
  },
  tooLong: { zh: '最多 {max} 个字', en: 'At most {max} characters' },
  tooBig: { zh: '不能超过 {max}', en: 'Must be at most {max}' },
  tooSmall: { zh: '不能小于 {min}', en: 'Must be at least {min}' },
  tooMany: { zh: '最多 {max} 项', en: 'At most {max} entries' },
  codeChars: { zh: '只能包含字母、数字、- 和 _', en: 'Only letters, digits, - and _' },
  phoneChars: { zh: '只能包含数字、空格、+、-、括号', en: 'Only digits, spaces, +, - and brackets' },
  regionTooDeep: {
    zh: '区域最多 {max} 级（大区 › 省 › 市 › 片区），「{value}」下不能再建下级',
    en: 'Regions have at most {max} levels (area › province › city › district); "{value}" cannot have sub-regions',
  },
  regionIntoItself: { zh: '不能把区域移到它自己或它的下级之下', en: 'A region cannot move under itself or its own sub-region' },
  ownSupervisor: { zh: '不能把业务员设为自己的主管', en: 'A rep cannot be their own supervisor' },
  supervisorCycle: { zh: '不能把自己的下属设为主管（会形成循环）', en: 'A rep’s own subordinate cannot be their supervisor (a cycle)' },
  /** A rule of the record's own service, found by the dry run: its Chinese text is all there is. */
  rule: { zh: '{message}', en: 'Refused by a rule of the record: {message}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ImportReasonCode = keyof typeof importReasons;

/** The nouns the reasons name, in English. */
const nounsEn: Record<string, string> = {
  区域: 'region',
  业务员: 'rep',
  经销商: 'dealer',
  团队: 'team',
  产品分类: 'product category',
  客户: 'customer',
  编码: 'code',
  区域编码: 'region code',
  产品编码: 'product code',
  主管: 'supervisor',
};

export function isImportReason(code: unknown): code is ImportReasonCode {
  return typeof code === 'string' && Object.hasOwn(importReasons, code);
}

/** The reason in one language, its {placeholders} filled. */
export function formatImportReason(code: ImportReasonCode, params: ReasonParams = {}, lang: Lang = 'zh'): string {
  const template = importReasons[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return name === 'choicesEn' && params.choices !== undefined ? String(params.choices) : whole;
    return lang === 'en' && name === 'noun' ? (nounsEn[String(v)] ?? String(v)) : String(v);
  });
}

/** The import summary as a sentence: what the commit would do, or did. */
export function importSummary(counts: { new: number; update: number; skip: number; error: number }, lang: Lang, done: boolean): string {
  const parts: string[] = [];
  if (lang === 'zh') {
    const verb = done ? '已' : '将';
    if (counts.new) parts.push(`${verb}新增 ${counts.new} 行`);
    if (counts.update) parts.push(`${verb}更新 ${counts.update} 行`);
    if (counts.skip) parts.push(`${counts.skip} 行编码已存在，${done ? '已' : '将'}跳过`);
    if (counts.error) parts.push(`${counts.error} 行有错误${done ? '，未导入' : ''}`);
    if (parts.length === 0) parts.push('没有可导入的行');
    return `${parts.join('，')}${done ? '。' : '，未写入任何数据。'}`;
  }
  const rows = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
  const be = (n: number) => (n === 1 ? 'has' : 'have');
  if (counts.new) parts.push(`${rows(counts.new)} ${done ? 'added' : 'will be added'}`);
  if (counts.update) parts.push(`${rows(counts.update)} ${done ? 'updated' : 'will be updated'}`);
  if (counts.skip) parts.push(`${rows(counts.skip)} with existing codes ${done ? 'skipped' : 'will be skipped'}`);
  const were = counts.error === 1 ? 'was' : 'were';
  if (counts.error) parts.push(`${rows(counts.error)} ${be(counts.error)} errors${done ? ` and ${were} not imported` : ''}`);
  if (parts.length === 0) parts.push('nothing to import');
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${done ? '.' : '; nothing has been written.'}`;
}
