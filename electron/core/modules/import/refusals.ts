// Why a whole import file was refused, in both languages: the Chinese text is the error's `message` (the HTTP
// contract), the English one travels beside it as `messageEn` for the renderer's English mode.
import { formatBytes } from '../../../../shared/bytes';
import { DomainError } from '../../errors';

type Bilingual = { zh: string; en: string };
/** A parameter is the same in both languages (a size, a header from the file) or said in each of them. */
export type RefusalParams = Record<string, string | number | Bilingual>;

export const importRefusals = {
  tooLarge: {
    zh: '文件过大（{size}），单个文件不能超过 {max}，请分成几个文件导入',
    en: 'The file is too large ({size}); one file can be at most {max}. Split it into several files',
  },
  notBase64: { zh: '文件内容不是有效的 base64 编码', en: 'The file content is not valid base64' },
  noData: {
    zh: '文件中没有数据：第一行应为表头，从第二行起每行一条记录',
    en: 'The file has no data: the first row holds the headers, then one record per row',
  },
  unknownField: {
    zh: '列对应关系：「{header}」对应的字段「{field}」不存在',
    en: 'Column mapping: the field "{field}" chosen for "{header}" does not exist',
  },
  fieldTwice: {
    zh: '列对应关系：「{first}」和「{second}」都对应到了「{label}」，一个字段只能对应一列',
    en: 'Column mapping: "{first}" and "{second}" both go to "{label}"; a field takes one column only',
  },
  errorRows: {
    zh: '有 {count} 行数据有错误，未导入任何数据。请修正后重新导入，或勾选“跳过错误行，仅导入正确的行”',
    en: 'Rows with errors: {count}. Nothing was imported; fix them and import again, or tick "Skip the rows with errors and import the rest"',
  },
  empty: { zh: '文件内容是空的，请选择有数据的 Excel 或 CSV 文件', en: 'The file is empty; choose an Excel or CSV file with data' },
  notSpreadsheet: {
    zh: '不是 Excel 或 CSV 文件（看起来是{what}），请选择 .xlsx、.xls 或 .csv 文件',
    en: 'Not an Excel or CSV file (it looks like {what}); choose an .xlsx, .xls or .csv file',
  },
  truncated: {
    zh: '文件不完整或已损坏（可能在下载或复制时被截断），请在 Excel 或 WPS 中重新打开并另存后再导入',
    en: 'The file is incomplete or damaged (perhaps cut short while downloading or copying); open it in Excel or WPS, save it again and import it again',
  },
  tooManyEntries: {
    zh: '压缩包内文件过多（{count} 个），不是正常的 Excel 文件',
    en: 'The archive holds too many files ({count}); this is not a normal Excel file',
  },
  encrypted: {
    zh: '文件已加密，请在 Excel 或 WPS 中取消密码后再导入',
    en: 'The file is encrypted; remove its password in Excel or WPS, then import it again',
  },
  encryptedOpen: {
    zh: '文件已加密（设置了打开密码），请在 Excel 或 WPS 中取消密码后再导入',
    en: 'The file is encrypted (it has an opening password); remove the password in Excel or WPS, then import it again',
  },
  compression: {
    zh: '文件使用了不支持的压缩方式（{method}），请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    en: 'The file uses an unsupported compression method ({method}); save it as .xlsx in Excel or WPS, then import it again',
  },
  zipBomb: {
    zh: '文件解压后异常巨大（「{name}」声明 {size}，压缩比 {ratio} 倍），疑似“压缩炸弹”，已拒绝',
    en: 'Refused: the file would be enormous once unpacked ("{name}" declares {size}, a compression ratio of {ratio}:1), probably a "zip bomb"',
  },
  tooLargeUnpacked: {
    zh: '文件解压后共 {size}，超过单次导入上限 {max}（为控制内存占用），请分成几个文件导入',
    en: 'The file unpacks to {size}, over the import limit of {max} (which bounds memory use). Split it into several files',
  },
  zipBombInflate: {
    zh: '文件「{name}」解压后超过其声明的大小，疑似“压缩炸弹”，已拒绝',
    en: 'Refused: "{name}" grows past its declared size when unpacked, probably a "zip bomb"',
  },
  xlsb: {
    zh: '这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再导入',
    en: 'This is an Excel binary workbook (.xlsb); save it as .xlsx in Excel, then import it again',
  },
  ods: {
    zh: '这是 OpenDocument 表格（.ods），请在 WPS 或 Excel 中另存为 .xlsx 后再导入',
    en: 'This is an OpenDocument spreadsheet (.ods); save it as .xlsx in WPS or Excel, then import it again',
  },
  unknownFormat: {
    zh: '无法识别的文件格式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    en: 'Unknown file format; save it as .xlsx in Excel or WPS, then import it again',
  },
  noSheet: { zh: '文件中没有工作表', en: 'The file has no worksheet' },
  tooManyRows: {
    zh: '文件超过单次导入上限 {max} 行，请分成几个文件分别导入',
    en: 'The file has more rows than one import takes ({max}); split it into several files',
  },
  tooManyRowsCounted: {
    zh: '文件有 {count} 行数据，超过单次导入上限 {max} 行，请分成几个文件分别导入',
    en: 'The file has {count} rows, more than one import takes ({max}); split it into several files',
  },
  timeout: {
    zh: '解析文件超时（超过 {seconds} 秒），文件可能过大或已损坏',
    en: 'Reading the file took too long (over {seconds} seconds); it may be too large or damaged',
  },
  unreadable: { zh: '无法读取文件：{detail}', en: 'Cannot read the file: {detail}' },
  outOfMemory: {
    zh: '读取文件所需内存超过上限，文件可能过大或为“压缩炸弹”，已拒绝',
    en: 'Refused: reading the file needs more memory than allowed; it may be too large or a "zip bomb"',
  },
  workerExited: {
    zh: '读取文件的后台线程意外退出（代码 {code}）',
    en: 'The background thread reading the file stopped unexpectedly (code {code})',
  },
} as const satisfies Record<string, Bilingual>;

export type ImportRefusalCode = keyof typeof importRefusals;

export function isImportRefusal(code: unknown): code is ImportRefusalCode {
  return typeof code === 'string' && Object.hasOwn(importRefusals, code);
}

/** The refusal in both languages, its {placeholders} filled. */
export function refusalText(code: ImportRefusalCode, params: RefusalParams = {}): Bilingual {
  const fill = (lang: 'zh' | 'en') =>
    importRefusals[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      if (v === undefined) return whole;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  return { zh: fill('zh'), en: fill('en') };
}

/** A file-level refusal: VALIDATION on the upload (or the named input field), in both languages. */
export function refuse(code: ImportRefusalCode, params: RefusalParams = {}, field = 'base64'): DomainError {
  return DomainError.bilingual('VALIDATION', refusalText(code, params), field);
}

/** A size in both languages: 16 字节 / 16 B (larger sizes read the same). */
export const sizeParam = (n: number): Bilingual => ({ zh: formatBytes(n, '字节'), en: formatBytes(n) });

/** What a non-spreadsheet file looks like, in both languages. */
export const fileKinds = {
  png: { zh: 'PNG 图片', en: 'a PNG image' },
  jpeg: { zh: 'JPEG 图片', en: 'a JPEG image' },
  gif: { zh: 'GIF 图片', en: 'a GIF image' },
  pdf: { zh: 'PDF 文档', en: 'a PDF document' },
  exe: { zh: '可执行程序', en: 'a program' },
  rar: { zh: 'RAR 压缩包', en: 'a RAR archive' },
  sevenZip: { zh: '7z 压缩包', en: 'a 7z archive' },
  gzip: { zh: 'gzip 压缩包', en: 'a gzip archive' },
  bzip2: { zh: 'bzip2 压缩包', en: 'a bzip2 archive' },
  binary: { zh: '二进制数据', en: 'binary data' },
  word: { zh: 'Word 文档', en: 'a Word document' },
  powerpoint: { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' },
  zip: { zh: '普通 ZIP 压缩包', en: 'a plain ZIP archive' },
} as const satisfies Record<string, Bilingual>;

export type FileKindName = keyof typeof fileKinds;

/** 不是 Excel 或 CSV 文件（看起来是 PNG 图片）: a space before a Latin word, none before a Chinese one. */
export function notSpreadsheet(kind: FileKindName): DomainError {
  const what = fileKinds[kind];
  return refuse('notSpreadsheet', { what: { zh: `${/^[A-Za-z0-9]/.test(what.zh) ? ' ' : ''}${what.zh}`, en: what.en } });
}
