// 目标表格 The grid editor: rows = a target's unit children, columns = each row's time children (months by default).
// A cell edit rebalances its row (row total fixed) or its column (month total fixed); locked cells never move.
// Exported to .xlsx and read back through the importer's file checks.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { Output, ParsedInput, TargetGrid } from '../../../../shared/contract';
import { DecomposeError, rebalance } from '../../../../shared/decompose';
import { metricDefinitions } from '../../../../shared/domain/targets';
import { periodKinds, type Period, type PeriodKind } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { writeXlsx, type XlsxValue } from '../export/xlsxWriter';
import { cellText, readInt, readMoney } from '../import/cells';
import { importLimits } from '../import/limits';
import { refuse, sizeParam } from '../import/refusals';
import { inspectZip, sniffKind } from '../import/sniff';
import { parseInWorker, type ParsedSheet } from '../import/worker';
import {
  auditSnapshot,
  childrenOf,
  insertTarget,
  mustFindTarget,
  targetChildPeriods,
  targetRow,
  targetRowsWhere,
  ValueWriter,
  type Target,
} from './store';

type GridKind = Exclude<PeriodKind, 'year'>;
const defaultColumnKind: Record<PeriodKind, GridKind | null> = { year: 'month', quarter: 'month', month: 'week', week: 'day', day: null };

function columnsOf(ctx: Ctx, parent: Target, kind: GridKind | undefined): { kind: GridKind; periods: Period[] } {
  const k = kind ?? defaultColumnKind[parent.periodKind];
  if (k === null || periodKinds.indexOf(k) <= periodKinds.indexOf(parent.periodKind))
    throw new DomainError('VALIDATION', `期间类型：应比 ${parent.period} 更短`, 'periodKind');
  return { kind: k, periods: targetChildPeriods(ctx, parent, k) };
}

interface CellRow {
  id: number;
  parentId: number;
  from: string;
  to: string;
  value: number;
  locked: number;
  periodKind: PeriodKind;
}

function gridParent(ctx: Ctx, id: number, field: string): Target {
  const parent = mustFindTarget(ctx, id, field);
  if (parent.split === 'time')
    throw new DomainError('VALIDATION', `上级目标：${parent.period} 已按时间分解，表格的行应是下级单位（请打开按单位分解的目标）`, field);
  return parent;
}

export function buildGrid(ctx: Ctx, parentId: number, kind?: GridKind): TargetGrid {
  const parent = gridParent(ctx, parentId, 'parentId');
  const { kind: k, periods } = columnsOf(ctx, parent, kind);
  const rows = parent.split === 'unit' ? targetRowsWhere(ctx, 't.parent_id = ?', [parent.id]) : [];
  const cells = prepared(
    ctx.db,
    `select c.id, c.parent_id as parentId, c.from_date as "from", c.to_date as "to", c.value, c.locked, c.period_kind as periodKind
     from targets c where c.parent_id in (select id from targets where parent_id = ?)`,
  ).all(parent.id) as CellRow[];
  const byKey = new Map(cells.filter((c) => c.periodKind === k).map((c) => [`${c.parentId}|${c.from}|${c.to}`, c]));
  const totals = periods.map(() => 0);
  const gridRows = rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitName: r.unitName,
    value: r.value,
    locked: r.locked,
    unallocated: r.childCount > 0 ? r.value - r.childrenSum : r.value,
    cells: periods.map((p, i) => {
      const c = byKey.get(`${r.id}|${p.from}|${p.to}`);
      if (c) totals[i]! += c.value;
      return { id: c?.id ?? null, period: p.label, value: c?.value ?? null, locked: c?.locked === 1 };
    }),
  }));
  return {
    parent: targetRow(ctx, parent.id),
    columns: periods.map((p, i) => ({ period: p.label, from: p.from, to: p.to, total: totals[i]! })),
    rows: gridRows,
    unallocated: parent.value - gridRows.reduce((s, r) => s + r.value, 0),
  };
}

export function targetGrid(ctx: Ctx, input: ParsedInput<'targets.grid'>): Output<'targets.grid'> {
  return buildGrid(ctx, input.parentId, input.periodKind);
}

/** A row's value moving with its cells (a column edit), without touching the row's other cells. */
function setRowOnly(ctx: Ctx, w: ValueWriter, row: Target, value: number): void {
  prepared(ctx.db, 'update targets set value = ?, updated_at = ? where id = ?').run(value, nowIso(ctx), row.id);
  w.audit({ action: 'update', entity: 'target', entityId: row.id, before: auditSnapshot(row), after: auditSnapshot({ ...row, value }) });
  row.value = value;
}

export function setCell(ctx: Ctx, input: ParsedInput<'targets.setCell'>): Output<'targets.setCell'> {
  const { gridId, kind } = ctx.db.transaction(() => {
    const cell = mustFindTarget(ctx, input.id);
    const row = cell.parentId === null ? null : mustFindTarget(ctx, cell.parentId);
    const grid = row?.parentId == null ? null : mustFindTarget(ctx, row.parentId);
    if (!row || !grid || row.split !== 'time' || grid.split !== 'unit')
      throw new DomainError('VALIDATION', `单元格（编号 ${input.id}）：不是目标表格中的单元格（应是某单位按时间分解出的目标）`, 'id');
    if (cell.locked) throw new DomainError('CONFLICT', '单元格：已锁定，不能修改（请先解锁）', 'id');
    const w = new ValueWriter(ctx);
    if (input.rebalance === 'row') {
      w.siblingsAbsorb(cell, input.value);
    } else {
      const rows = childrenOf(ctx, grid.id);
      const column: Array<{ cell: Target; row: Target }> = [];
      for (const r of rows) {
        const c = childrenOf(ctx, r.id).find((x) => x.from === cell.from && x.to === cell.to && x.periodKind === cell.periodKind);
        if (c) column.push({ cell: c, row: r });
      }
      const index = column.findIndex((e) => e.cell.id === cell.id);
      let next: number[];
      try {
        next = rebalance(
          column.map((e) => e.cell.value),
          // a locked row's total cannot move, so its cell in the column cannot either
          column.map((e) => e.cell.locked || e.row.locked),
          index,
          input.value,
        );
      } catch (e) {
        if (e instanceof DecomposeError)
          throw new DomainError('CONFLICT', `目标值：同一列未锁定的其他单元格不足以吸收差额（${e.message}）`, 'value');
        throw e;
      }
      column.forEach((e, i) => {
        const delta = next[i]! - e.cell.value;
        if (delta === 0) return;
        setRowOnly(ctx, w, e.row, e.row.value + delta);
        w.set(e.cell, next[i]!);
      });
    }
    w.flush();
    return { gridId: grid.id, kind: cell.periodKind as GridKind };
  })();
  return buildGrid(ctx, gridId, kind);
}

// ---------- Excel ----------

const UNIT_HEADER = '编号';
const NAME_HEADER = '单位';
const TOTAL_HEADER = '合计';

/** Column headers: the period label; a week split by a month end also names its days. */
function periodHeaders(columns: TargetGrid['columns']): string[] {
  const count = new Map<string, number>();
  for (const c of columns) count.set(c.period, (count.get(c.period) ?? 0) + 1);
  return columns.map((c) => (count.get(c.period)! > 1 ? `${c.period} (${c.from.slice(5)}~${c.to.slice(5)})` : c.period));
}

const valueHeader = (h: string, money: boolean) => (money ? `${h}(元)` : h);

export async function exportGrid(ctx: Ctx, input: ParsedInput<'targets.exportGrid'>): Promise<Output<'targets.exportGrid'>> {
  const grid = buildGrid(ctx, input.parentId, input.periodKind);
  const money = metricDefinitions[grid.parent.metric].unit === 'fen';
  const asCell = (v: number | null): XlsxValue => (v === null ? null : money ? v / 100 : v);
  const headers = periodHeaders(grid.columns);
  const { buffer, rowCount } = await writeXlsx({
    name: '目标表格',
    creator: 'SalesDesk 销售管理台',
    columns: [
      { header: UNIT_HEADER, width: 10, format: 'general' },
      { header: NAME_HEADER, width: 18, format: 'general' },
      ...headers.map((h) => ({ header: valueHeader(h, money), width: 13, format: money ? ('money' as const) : ('integer' as const) })),
      { header: valueHeader(TOTAL_HEADER, money), width: 15, format: money ? ('money' as const) : ('integer' as const) },
    ],
    rows: grid.rows.map((r) => [
      r.unitId === null ? '' : String(r.unitId),
      r.unitName,
      ...r.cells.map((c) => asCell(c.value)),
      asCell(r.value),
    ]),
  });
  const p = grid.parent;
  const name = `目标表格_${metricDefinitions[p.metric].label.zh}_${p.unitName}_${p.period}_${todayLocal(ctx).replace(/-/g, '')}.xlsx`;
  return { fileName: name.replace(/[\\/:*?"<>|]/g, '_'), base64: buffer.toString('base64'), rowCount };
}

/** The upload read by the importer's own checks: size, base64, what the bytes really are, zip sanity, then parsed. */
async function readUpload(base64: string): Promise<ParsedSheet> {
  const limits = importLimits();
  const b64 = base64.replace(/^data:[^,]{0,200};base64,/, '');
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const bytes = Math.floor((b64.length * 3) / 4) - padding;
  if (bytes > limits.maxBytes) throw refuse('tooLarge', { size: sizeParam(bytes), max: sizeParam(limits.maxBytes) });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw refuse('notBase64');
  const buf = Buffer.from(b64, 'base64');
  const kind = sniffKind(buf);
  const entries = kind === 'xlsx' ? inspectZip(buf, limits) : [];
  return parseInWorker(buf, kind, entries, limits, 'fast', null);
}

type ImportOutput = Output<'targets.importGrid'>;
type ImportRow = ImportOutput['rows'][number];

interface Planned {
  row: ImportRow;
  /** the grid row's cells as read: null = not in the file (unchanged) */
  values: Array<number | null>;
}

function planImport(grid: TargetGrid, sheet: ParsedSheet): Planned[] {
  const money = metricDefinitions[grid.parent.metric].unit === 'fen';
  const headers = periodHeaders(grid.columns);
  const strip = (h: string) =>
    h
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\s*\((元)\)$|（元）$/, '');
  let headerIndex = -1;
  for (let i = 0; i < Math.min(10, sheet.rows.length); i++) {
    const texts = sheet.rows[i]!.map((c) => strip(cellText(c)));
    if (texts.includes(UNIT_HEADER) && texts.includes(NAME_HEADER)) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0)
    throw new DomainError('VALIDATION', `文件内容：找不到表头（应有「${UNIT_HEADER}」「${NAME_HEADER}」和各期间列）`, 'base64');
  const head = sheet.rows[headerIndex]!.map((c) => strip(cellText(c)));
  const unitCol = head.indexOf(UNIT_HEADER);
  const nameCol = head.indexOf(NAME_HEADER);
  const colOf = headers.map((h) => head.indexOf(h));
  head.forEach((h, i) => {
    if (h === '' || h === UNIT_HEADER || h === NAME_HEADER || h === TOTAL_HEADER || colOf.includes(i)) return;
    throw new DomainError('VALIDATION', `文件内容：列「${h}」不是这个目标表格的期间`, 'base64');
  });
  if (colOf.every((c) => c < 0)) throw new DomainError('VALIDATION', '文件内容：没有任何期间列', 'base64');
  const byUnit = new Map(grid.rows.map((r) => [r.unitId === null ? '' : String(r.unitId), r]));
  const byName = new Map(grid.rows.map((r) => [r.unitName, r]));
  const seen = new Set<number>();
  const out: Planned[] = [];
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    const unitText = cellText(cells[unitCol] ?? null).trim();
    const nameText = cellText(cells[nameCol] ?? null).trim();
    if (unitText === '' && nameText === '') continue;
    const errors: ImportRow['errors'] = [];
    const gridRow = (unitText !== '' ? byUnit.get(unitText) : undefined) ?? (unitText === '' ? byName.get(nameText) : undefined);
    if (!gridRow) errors.push({ column: UNIT_HEADER, message: `单位：${unitText || nameText} 不是这个表格的行` });
    else if (seen.has(gridRow.id)) errors.push({ column: UNIT_HEADER, message: `单位：${gridRow.unitName} 出现了两次` });
    if (gridRow) seen.add(gridRow.id);
    const values = colOf.map((c, k): number | null => {
      if (c < 0) return null;
      const cell = cells[c] ?? null;
      if (cellText(cell).trim() === '') return null;
      const read = money ? readMoney(cell) : readInt(cell);
      if (!read.ok) {
        errors.push({ column: headers[k]!, message: `${headers[k]}：${read.message}` });
        return null;
      }
      if (read.value < 0) {
        errors.push({ column: headers[k]!, message: `${headers[k]}：不能为负数` });
        return null;
      }
      return read.value;
    });
    let changed = false;
    let total = gridRow?.value ?? 0;
    if (gridRow) {
      let delta = 0;
      values.forEach((v, k) => {
        const cell = gridRow.cells[k]!;
        if (v === null || v === cell.value) return;
        if (cell.locked) errors.push({ column: headers[k]!, message: `${headers[k]}：单元格已锁定，不能改为 ${v}` });
        changed = true;
        delta += v - (cell.value ?? 0);
      });
      // a rise is taken from the row's unallocated part first (a row not yet split gets its months); a fall lowers the row
      total = delta > 0 ? gridRow.value + Math.max(0, delta - gridRow.unallocated) : gridRow.value + delta;
      if (changed && gridRow.locked && total !== gridRow.value)
        errors.push({ column: TOTAL_HEADER, message: `${TOTAL_HEADER}：${gridRow.unitName} 的目标已锁定，合计不能改变` });
      if (total > 1_000_000_000_000) errors.push({ column: TOTAL_HEADER, message: `${TOTAL_HEADER}：太大` });
    }
    out.push({
      row: {
        rowNumber: sheet.rowNumbers[i] ?? i + 1,
        id: gridRow?.id ?? null,
        unitId: gridRow?.unitId ?? null,
        unitName: gridRow?.unitName ?? nameText,
        cells: values,
        total,
        status: errors.length > 0 ? 'error' : changed ? 'changed' : 'same',
        errors,
      },
      values,
    });
  }
  if (out.length === 0) throw refuse('noData');
  return out;
}

export async function importGrid(ctx: Ctx, input: ParsedInput<'targets.importGrid'>): Promise<Output<'targets.importGrid'>> {
  buildGrid(ctx, input.parentId, input.periodKind); // the grid exists before the file is read
  const sheet = await readUpload(input.base64);
  return ctx.db.transaction(() => {
    const grid = buildGrid(ctx, input.parentId, input.periodKind);
    const planned = planImport(grid, sheet);
    const counts = {
      total: planned.length,
      changed: planned.filter((p) => p.row.status === 'changed').length,
      error: planned.filter((p) => p.row.status === 'error').length,
    };
    const result = { columns: periodHeaders(grid.columns), rows: planned.map((p) => p.row), counts, committed: false };
    if (!input.commit) return result;
    if (counts.error > 0) throw new DomainError('VALIDATION', `文件内容：有 ${counts.error} 行错误，没有导入（请先改正）`, 'base64');
    const w = new ValueWriter(ctx);
    const parent = mustFindTarget(ctx, grid.parent.id);
    const kind = input.periodKind ?? defaultColumnKind[parent.periodKind]!;
    let delta = 0;
    for (const p of planned) {
      if (p.row.status !== 'changed') continue;
      const row = mustFindTarget(ctx, p.row.id!);
      if (row.split === 'unit' || childrenOf(ctx, row.id).some((c) => c.periodKind !== kind))
        throw new DomainError('VALIDATION', `单位：${p.row.unitName} 已按其他方式分解，不能按这些期间导入`, 'base64');
      const gridRow = grid.rows.find((r) => r.id === row.id)!;
      delta += p.row.total - row.value;
      setRowOnly(ctx, w, row, p.row.total);
      p.values.forEach((v, k) => {
        const cell = gridRow.cells[k]!;
        if (v === null || v === cell.value) return;
        if (cell.id !== null) w.set(mustFindTarget(ctx, cell.id), v, 'base64');
        else {
          const col = grid.columns[k]!;
          const id = insertTarget(
            ctx,
            { ...row, period: col.period, periodKind: kind, from: col.from, to: col.to, value: v, parentId: row.id, note: '' },
            'base64',
          );
          w.audit({ action: 'create', entity: 'target', entityId: id, after: auditSnapshot({ ...row, period: col.period, value: v }) });
        }
      });
      if (row.split === null) prepared(ctx.db, `update targets set split = 'time' where id = ?`).run(row.id);
    }
    if (delta !== 0) {
      const anyRow = mustFindTarget(ctx, grid.rows[0]!.id);
      w.ancestorsFollow(anyRow, delta, 'base64');
    }
    w.audit({
      action: 'import',
      entity: 'target',
      entityId: parent.id,
      after: { fileName: input.fileName, changedRows: counts.changed },
    });
    w.flush();
    return { ...result, committed: true };
  })();
}
