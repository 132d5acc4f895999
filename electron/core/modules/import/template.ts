// The downloadable template: Chinese headers (required ones marked *), one example row, drop-downs for fixed choices,
// and a 说明 sheet that lists every column with its format and accepted values.
import ExcelJS from 'exceljs';
import { formatBytes, importLimits } from './limits';
import type { ColumnSpec, Importer } from './types';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
const DATA_ROWS = 5000;

/** Choices a drop-down can offer: the part of the help text after 可选：. */
function choices(c: ColumnSpec): string[] | null {
  if (c.kind === 'bool') return ['是', '否'];
  if (c.kind !== 'enum') return null;
  const m = /可选：([^；;（(]+)/.exec(c.help);
  return m ? m[1]!.split('、').map((s) => s.trim()) : null;
}

function exampleValue(c: ColumnSpec): ExcelJS.CellValue {
  if (c.kind === 'date' && typeof c.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.example)) {
    const [y, m, d] = c.example.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  return c.example === '' ? null : c.example;
}

export async function buildTemplate(importer: Importer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SalesDesk 销售管理台';
  const ws = wb.addWorksheet(importer.noun, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = importer.columns.map((c) => ({
    key: c.key,
    width: Math.max(c.width ?? 12, c.label.length * 2 + 4),
    style:
      c.kind === 'code' || c.kind === 'phone'
        ? { numFmt: '@' }
        : c.kind === 'money'
          ? { numFmt: '#,##0.00' }
          : c.kind === 'date'
            ? { numFmt: 'yyyy-mm-dd' }
            : {},
  }));
  const header = ws.addRow(importer.columns.map((c) => (c.required ? `*${c.label}` : c.label)));
  header.height = 20;
  header.eachCell((cell, col) => {
    const spec = importer.columns[col - 1]!;
    cell.font = { bold: true, color: spec.required ? { argb: 'FFC0392B' } : undefined };
    cell.fill = spec.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle' };
    cell.numFmt = 'General';
    cell.note = spec.help;
  });
  const example = ws.addRow(importer.columns.map(exampleValue));
  example.font = { color: { argb: 'FF909399' }, italic: true };
  importer.columns.forEach((c, i) => {
    const list = choices(c);
    if (!list) return;
    const formula = `"${list.join(',')}"`;
    if (formula.length > 255) return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}2:${letter}${DATA_ROWS}`,
      { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [formula] },
    );
  });

  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 16 }, { width: 10 }, { width: 70 }, { width: 24 }];
  const limits = importLimits();
  const notes = [
    `${importer.noun}导入说明`,
    '1. 第一行是表头，从第二行起每行一条记录；灰色斜体的示例行请在导入前删除或改成实际数据。',
    '2. 标 * 的列必须填写；表头按名称识别，列的顺序可以调整，不需要的列可以删除；名称不同的列在导入时可手工对应。',
    '3. 已存在的编码：可选择“跳过已有”或“按编码更新”。按编码更新时，空白单元格保留原来的值。',
    '4. 导入前会先预览并逐行检查；有错误的行会标出行号、列和原因，确认后才写入，写入时要么全部成功，要么一条也不写。',
    `5. 支持 .xlsx、.xls 和 .csv（UTF-8 或 GBK 编码）；单个文件不超过 ${formatBytes(limits.maxBytes)}、${limits.maxRows.toLocaleString('en-US')} 行。`,
  ];
  for (const line of notes) help.addRow([line]).getCell(1).alignment = { wrapText: false };
  help.getRow(1).font = { bold: true, size: 14 };
  help.addRow([]);
  const th = help.addRow(['列名', '是否必填', '格式与可选值', '示例']);
  th.font = { bold: true };
  th.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const c of importer.columns) {
    const row = help.addRow([c.label, c.required ? '必填' : '选填', c.help, c.example === '' ? '' : String(c.example)]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    if (c.required) row.getCell(2).font = { color: { argb: 'FFC0392B' }, bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
