// Excel import: the file is parsed in a worker, headers are matched to fields (or mapped by the user), every row is read
// with the tolerant cell rules and validated by the entity's own save schema, then — on commit — every accepted row is
// written in ONE transaction, or nothing is. Preview and commit run the same code on the same input.
import { z } from 'zod';
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { ImportEntity } from '../../../../shared/domain/importExport';
import { labelForPath } from '../../../../shared/fieldLabels';
import { auditFieldLabels } from '../../../../shared/domain/audit';
import { DomainError, toErrorData, validationError } from '../../errors';
import { recordAudit } from '../audit/audit';
import { cellText, type Parsed } from './cells';
import { applyStored, headerRecogniser, mappingKey, matchHeaders, REASON_HEADERS, storedMapping } from './headers';
import { readSetting, writeSetting } from '../settings/settings';
import { importLimits } from './limits';
import { refuse, sizeParam } from './refusals';
import { inspectZip, sniffKind } from './sniff';
import { parseInWorker, pinyinWorker, type Cell, type ParsedSheet, type PinyinJob, type SheetListener } from './worker';
import { forgetPrimedPinyin, primePinyin, type Pinyin } from '../../text';
import type { FieldError, Importer, Mode, RowError, Session } from './types';
import { prepared } from '../../db/sql';
import { formatFen } from '../../../../shared/money';
import { formatImportReason, isImportReason, type ImportReasonCode, type ReasonParams } from '../../../../shared/domain/importReasons';
import { customersImporter } from './entities/customers';
import { dealersImporter } from './entities/dealers';
import { productsImporter } from './entities/products';
import { repsImporter } from './entities/reps';
import { regionsImporter } from './entities/regions';
import { collectionsImporter, openingBalancesImporter, ordersImporter } from './entities/money';
import { buildTemplate } from './template';
import ExcelJS from 'exceljs';

export const importers: Record<ImportEntity, Importer> = {
  customers: customersImporter,
  dealers: dealersImporter,
  products: productsImporter,
  reps: repsImporter,
  regions: regionsImporter,
  openingBalances: openingBalancesImporter,
  orders: ordersImporter,
  collections: collectionsImporter,
};

type PreviewInput = ParsedInput<'import.preview'>;
type CommitInput = ParsedInput<'import.commit'>;
type Preview = Output<'import.preview'>;
type PreviewRow = Preview['rows'][number];

const MAX_PREVIEW_ROWS = 1000;

// ---------- the upload ----------

interface CachedSheet {
  /** The upload as sent: a later call with the same text (the commit after its preview) is that file. */
  base64: string;
  maxRows: number;
  key: string;
  sheet: ParsedSheet;
  timer: ReturnType<typeof setTimeout>;
}
// preview then commit of the same file: the commit reuses the parse instead of running the worker again. Held only
// while it is likely to be used (released after a commit, when another file comes, and after importLimits().cacheIdleMs)
let cached: CachedSheet | null = null;
let uploads = 0;

export function clearImportCache(): void {
  if (cached) clearTimeout(cached.timer);
  cached = null;
  cachedPlan = null;
  forgetPrimedPinyin();
}

/** Whether a parsed upload (and the plan checked from it) is held in memory; for tests and diagnostics. */
export function importCacheHeld(): boolean {
  return cached !== null || cachedPlan !== null;
}

/** The idle clock restarts on each use: a user still between preview and commit keeps the parse. */
function idleTimer(): ReturnType<typeof setTimeout> {
  const timer = setTimeout(clearImportCache, importLimits().cacheIdleMs);
  timer.unref?.();
  return timer;
}

interface Upload {
  sheet: ParsedSheet;
  key: string;
}

/** The upload: the sheet parsed last when the text is the same, or a promise of it, the worker parsing it already. */
function startUpload(input: { base64: string }, listener: SheetListener | null): Upload | Promise<Upload> {
  const limits = importLimits();
  const b64 = input.base64.replace(/^data:[^,]{0,200};base64,/, '');
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const bytes = Math.floor((b64.length * 3) / 4) - padding;
  if (bytes > limits.maxBytes) {
    throw refuse('tooLarge', { size: sizeParam(bytes), max: sizeParam(limits.maxBytes) });
  }
  // the same text as the file parsed last (compared, not hashed: a 50,000-row sheet is 20 MB of base64)
  if (cached && cached.maxRows === limits.maxRows && cached.base64 === b64) {
    clearTimeout(cached.timer);
    cached.timer = idleTimer();
    return { sheet: cached.sheet, key: cached.key };
  }
  // another file: the last one's rows and checks go now, not after this one is parsed (never two sheets held at once)
  clearImportCache();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw refuse('notBase64');
  const buf = Buffer.from(b64, 'base64');
  const kind = sniffKind(buf);
  const entries = kind === 'xlsx' ? inspectZip(buf, limits) : [];
  return parseInWorker(buf, kind, entries, limits, 'fast', listener).then((sheet) => {
    clearImportCache(); // a preview of another file that finished meanwhile
    const key = `upload-${++uploads}`;
    cached = { base64: b64, maxRows: limits.maxRows, key, sheet, timer: idleTimer() };
    return { sheet, key };
  });
}

// ---------- headers → fields ----------

interface Layout {
  headers: string[];
  fieldOf: Array<string | null>;
  headerIndex: number;
  /** The mapping came from an earlier confirmed import of a file with the same headers. */
  remembered: boolean;
}

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function layout(ctx: Ctx, sheet: ParsedSheet, importer: Importer, input: PreviewInput, opened: Session | null): Layout {
  if (sheet.rows.length === 0) throw refuse('noData');
  const known = headerRecogniser(importer);
  // a title row above the headers is common: take the first of the top rows that names at least two known columns
  let headerIndex = 0;
  for (let i = 0; i < Math.min(10, sheet.rows.length); i++) {
    const hits = sheet.rows[i]!.filter((c) => cellText(c) !== '' && known(cellText(c))).length;
    if (hits >= 2 || (hits === 1 && sheet.rows[i]!.length === 1)) {
      headerIndex = i;
      break;
    }
  }
  const width = Math.min(
    200,
    sheet.rows.reduce((w, r) => Math.max(w, r.length), 0),
  );
  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, i) => {
    const text =
      cellText(sheet.rows[headerIndex]![i] ?? null)
        .replace(/\s+/g, ' ')
        .slice(0, 90) || `（${columnLetter(i)}列）`;
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text} (${n})`;
  });

  const keys = new Set(importer.columns.map((c) => c.key));
  const chosen = new Map<string, string | null>();
  for (const m of input.mapping ?? []) {
    if (m.field !== null && !keys.has(m.field)) throw refuse('unknownField', { header: m.header, field: m.field }, 'mapping');
    chosen.set(m.header, m.field);
  }
  const taken = new Map<string, string>();
  for (const h of headers) {
    const f = chosen.get(h);
    if (f === undefined || f === null) continue;
    const other = taken.get(f);
    if (other !== undefined)
      throw refuse('fieldTwice', { first: other, second: h, label: { zh: labelOf(importer, f), en: labelOfEn(importer, f) } }, 'mapping');
    taken.set(f, h);
  }
  // without a mapping of the user's own, the one confirmed for a file with the same headers comes back
  const remembered = input.mapping ? null : applyStored(importer, headers, readSetting(ctx, mappingKey(importer.entity, headers)));
  let session = opened;
  const fieldOf = matchHeaders(importer, headers, remembered ?? chosen, {
    sample(column) {
      const cells: Cell[] = [];
      for (let r = headerIndex + 1; r < sheet.rows.length && cells.length < 50; r++) {
        const cell = sheet.rows[r]![column] ?? null;
        if (cellText(cell) !== '') cells.push(cell);
      }
      return cells;
    },
    accepts(field, cells) {
      session ??= importer.open(ctx, input.mode);
      const read = cells.filter((c) => session!.read(field, c as Cell).ok).length;
      return read >= 0.9 * cells.length;
    },
  });
  return { headers, fieldOf, headerIndex, remembered: remembered !== null };
}

const labelOf = (importer: Importer, key: string) => importer.columns.find((c) => c.key === key)?.label ?? key;
// the English name where the audit log has one; else the Chinese label the mapping screen shows
const labelOfEn = (importer: Importer, key: string) =>
  Object.hasOwn(auditFieldLabels, key) ? auditFieldLabels[key]!.en : labelOf(importer, key);

// ---------- rows ----------

interface Plan {
  counts: Preview['counts'];
  rows: PreviewRow[];
  truncated: boolean;
}

/** A row that passed every check, waiting to be written (or already written, for importers that write while planning). */
interface Accepted {
  input: Record<string, unknown>;
  existingId: number | null;
  rowNumber: number;
  /** Its line in the preview list, if listed: a write that fails turns it into an error row. */
  shown: PreviewRow | null;
  column: (e: FieldError) => RowError;
}

interface Checked extends Plan {
  session: Session;
  accepted: Accepted[];
  /** Every refused row (not only the listed ones): its index in the sheet and its reasons, for the error file. */
  refused: Array<{ index: number; errors: RowError[] }>;
}

const ROLLBACK = Symbol('rollback');

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, p)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** A zod issue as a catalogue reason, for the kinds a sheet meets (lengths, ranges, the code and phone characters). */
function zodReason(issue: z.core.$ZodIssue): { code: ImportReasonCode; params: ReasonParams } | null {
  // amounts are said in 元, the way the sheet has them
  const key = [...issue.path].reverse().find((p) => typeof p === 'string');
  const amount = (n: number) =>
    typeof key === 'string' && key.endsWith('Fen') && Number.isSafeInteger(n) && n !== 0 ? formatFen(n, { sign: true }) : n;
  if (issue.code === 'too_big') {
    const max = amount(Number(issue.maximum));
    if (issue.origin === 'string') return { code: 'tooLong', params: { max } };
    if (issue.inclusive === false) return null;
    if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params: { max } };
    if (issue.origin === 'number' || issue.origin === 'int') return { code: 'tooBig', params: { max } };
  }
  if (issue.code === 'too_small') {
    const min = amount(Number(issue.minimum));
    if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'blank', params: {} };
    if ((issue.origin === 'number' || issue.origin === 'int') && issue.inclusive !== false) return { code: 'tooSmall', params: { min } };
  }
  for (const code of ['codeChars', 'phoneChars'] as const) if (issue.message === formatImportReason(code)) return { code, params: {} };
  return null;
}

/** A service's own error on one row: reported against the row instead of ending the import. */
function rowErrorOf(err: unknown): FieldError | null {
  if (err instanceof DomainError) return { field: err.field ?? null, message: err.message };
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return { field: null, message: toErrorData(err).message };
  return null;
}

/**
 * A column's reader that reads each distinct value once when the session's reads depend on the cell alone (regions,
 * reps, grades, amounts repeat down a sheet); blank cells read as null. It stops remembering a column whose values
 * hardly repeat (codes, names, phones), and shares only results that are plain values between rows.
 */
function columnReader(session: Session, field: string): (cell: Cell) => Parsed<unknown> | null {
  const read = (cell: Cell) => (cellText(cell) === '' ? null : session.read(field, cell));
  if (!session.pureReads) return read;
  let memo: Map<Cell, Parsed<unknown> | null> | null = new Map();
  let lookups = 0;
  let hits = 0;
  return (cell) => {
    if (!memo) return read(cell);
    const known = memo.get(cell);
    lookups++;
    if (known !== undefined) {
      hits++;
      return known;
    }
    const result = read(cell);
    if (result === null || (result.ok && (result.value === null || typeof result.value !== 'object'))) memo.set(cell, result);
    if (lookups === 2000 && hits < 500) memo = null;
    return result;
  };
}

/**
 * Reads and checks every row. Importers whose rows depend on the rows written before them (dryRunWrites) write each
 * accepted row as it is checked when `writeInline`; the others leave the accepted rows to writeAccepted.
 */
function plan(
  ctx: Ctx,
  importer: Importer,
  sheet: ParsedSheet,
  lay: Layout,
  mode: Mode,
  writeInline: boolean,
  opened: Session | null,
  pinyin: PinyinCollector | null = null,
): Checked {
  const p = planner(ctx, importer, lay, mode, writeInline, opened, pinyin);
  p.rows(sheet, 0);
  return p.finish();
}

/** plan() a part of the sheet at a time: rows(sheet, from) checks the rows from `from` on, finish() sums them up. */
interface Planner {
  rows(sheet: ParsedSheet, from: number): void;
  finish(): Checked;
}

function planner(
  ctx: Ctx,
  importer: Importer,
  lay: Layout,
  mode: Mode,
  writeInline: boolean,
  opened: Session | null,
  pinyin: PinyinCollector | null,
): Planner {
  const session = opened ?? importer.open(ctx, mode);
  const headerOf = new Map<string, string>();
  lay.fieldOf.forEach((f, i) => f && headerOf.set(f, lay.headers[i]!));
  const columnFor = (field: string | null) => (field && headerOf.get(field)) || (field ? labelOf(importer, field) : '（整行）');
  const stripLabel = (field: string | null, message: string) => {
    if (!field) return message;
    const label = `${labelForPath(field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)))}：`;
    return message.startsWith(label) ? message.slice(label.length) : message;
  };
  const toRowError = (e: FieldError): RowError => {
    const key = e.field ? e.field.split('.')[0]! : null;
    const message = stripLabel(e.field, e.message);
    // a service's own rule has no catalogue entry: its Chinese text travels as the parameter of 'rule'
    const reason = e.reasonCode
      ? { reasonCode: e.reasonCode, params: e.params ?? {} }
      : { reasonCode: 'rule' as const, params: { message } };
    return { column: columnFor(key), field: key, message, ...reason };
  };
  const mapped = lay.fieldOf.flatMap((f, i) => (f === null ? [] : [{ f, i, read: columnReader(session, f) }]));

  const counts = { total: 0, new: 0, update: 0, skip: 0, error: 0 };
  const errorRows: PreviewRow[] = [];
  const otherRows: PreviewRow[] = [];
  const accepted: Accepted[] = [];
  const refused: Checked['refused'] = [];
  // rows written while planning, for a session that completes work spanning rows at the end (orders from their lines)
  const written =
    writeInline && session.complete ? new Map<number, { index: number; shown: () => PreviewRow | null; errors: RowError[] }>() : null;

  const rows = (sheet: ParsedSheet, from: number) => {
    for (let r = Math.max(from, lay.headerIndex + 1); r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      const rowNumber = sheet.rowNumbers[r]!;
      counts.total++;
      const values = new Map<string, unknown>();
      const errors: RowError[] = [];
      for (const { f, i, read: readCell } of mapped) {
        const cell: Cell = row[i] ?? null;
        const read = cell === null ? null : readCell(cell);
        if (read === null) continue;
        if (read.ok) values.set(f, read.value);
        else errors.push({ column: lay.headers[i]!, field: f, message: read.message, reasonCode: read.code, params: read.params });
      }

      let status: PreviewRow['status'];
      let ready: Accepted | null = null;
      const found = session.identify(values);
      if (found && mode === 'skip') {
        status = 'skip';
        errors.length = 0;
      } else {
        if (found?.blocked) errors.push(toRowError({ ...found.blocked, field: importer.columns[0]!.key }));
        const existingId = found?.id ?? null;
        const readFailed = errors.length > 0;
        const built = session.build(values, existingId);
        const parsed = importer.schema.safeParse(built);
        if (!parsed.success) {
          // every problem of the row at once, so one round of corrections is enough; a cell already reported is not repeated
          for (const issue of parsed.error.issues) {
            const key = (importer.issueKey ? importer.issueKey(issue.path) : String(issue.path[0] ?? '')) || null;
            if (readFailed && errors.some((e) => e.field === key)) continue;
            // a required cell left blank reaches zod as a missing value: say so plainly
            const missing = issue.code === 'invalid_type' && valueAt(built, issue.path) === undefined;
            const known = missing ? ({ code: 'blank', params: {} } as const) : zodReason(issue);
            const message = known
              ? formatImportReason(known.code, known.params)
              : stripLabel(issue.path.map(String).join('.'), validationError(new z.ZodError([issue])).message);
            errors.push({
              column: columnFor(key),
              field: key,
              message,
              ...(known ? { reasonCode: known.code, params: known.params } : { reasonCode: 'rule', params: { message } }),
            });
          }
        } else if (!readFailed) {
          const input = parsed.data as Record<string, unknown>;
          errors.push(...session.check(input, existingId, rowNumber).map(toRowError));
          if (errors.length === 0) {
            if (writeInline) {
              try {
                session.write(input, existingId, rowNumber);
              } catch (err) {
                const e = rowErrorOf(err);
                if (!e) throw err;
                errors.push(toRowError(e));
              }
            } else ready = { input, existingId, rowNumber, shown: null, column: toRowError };
          }
        }
        status = errors.length ? 'error' : found ? 'update' : 'new';
      }
      counts[status]++;
      if (status === 'error') refused.push({ index: r, errors });
      const list = status === 'error' ? errorRows : otherRows;
      let shown: PreviewRow | null = null;
      if (list.length < MAX_PREVIEW_ROWS) {
        const display: Record<string, string> = {};
        for (const { f, i } of mapped) {
          const text = cellText(row[i] ?? null);
          display[f] = text.length > 200 ? `${text.slice(0, 200)}…` : text;
        }
        shown = { rowNumber, status, values: display, errors };
        list.push(shown);
      }
      if (ready) {
        ready.shown = shown;
        accepted.push(ready);
        pinyin?.add(values);
      }
      if (written && status === 'new') written.set(rowNumber, { index: r, shown: () => shown, errors });
    }
  };
  const finish = (): Checked => {
    for (const { rowNumber, error } of written && session.complete ? session.complete() : []) {
      const row = written!.get(rowNumber);
      if (!row) continue;
      if (row.errors.length === 0) {
        counts.new--;
        counts.error++;
        refused.push({ index: row.index, errors: row.errors });
        const shown = row.shown();
        if (shown) {
          shown.status = 'error';
          otherRows.splice(otherRows.indexOf(shown), 1);
          errorRows.push(shown);
        }
      }
      row.errors.push(toRowError(error));
    }
    const listed = [...errorRows, ...otherRows].slice(0, MAX_PREVIEW_ROWS);
    return { counts, rows: listed, truncated: listed.length < counts.total, session, accepted, refused };
  };
  return { rows, finish };
}

/** Writes the rows plan() accepted; a row the database refuses becomes an error row. Inside the caller's transaction. */
function writeAccepted(checked: Checked): void {
  for (const a of checked.accepted) {
    try {
      checked.session.write(a.input, a.existingId, a.rowNumber);
    } catch (err) {
      const e = rowErrorOf(err);
      if (!e) throw err;
      checked.counts[a.existingId === null ? 'new' : 'update']--;
      checked.counts.error++;
      checked.refused.push({ index: -1, errors: [a.column(e)] });
      if (a.shown) {
        a.shown.status = 'error';
        a.shown.errors.push(a.column(e));
      }
    }
  }
  checked.accepted = [];
}

// ---------- preview → commit ----------

/**
 * The checked rows of the last preview, reused by a commit of the same file, mapping and mode as long as the database
 * has not changed in between (no write through this connection, none committed by another one).
 */
interface CachedPlan {
  key: string;
  db: Ctx['db'];
  stamp: string;
  checked: Checked;
  /** The pinyin of the names the commit will write, being worked out in a worker (null when not worth one). */
  pinyin: Promise<{ texts: string[]; values: Pinyin[] | null }> | null;
}
let cachedPlan: CachedPlan | null = null;

const dbStamp = (db: Ctx['db']) =>
  `${String(db.pragma('data_version', { simple: true }))}:${String(prepared(db, 'select total_changes()').pluck().get())}`;
const planKey = (sheetKey: string, input: PreviewInput) => JSON.stringify([sheetKey, input.entity, input.mode, input.mapping ?? null]);

function takeCachedPlan(ctx: Ctx, key: string): Checked | null {
  const hit = cachedPlan;
  cachedPlan = null;
  return hit && hit.key === key && hit.db === ctx.db && hit.stamp === dbStamp(ctx.db) ? hit.checked : null;
}

/**
 * A preview's rows checked while the worker still reads the file, a part at a time: the layout is taken from the first
 * part and kept only if the whole sheet gives the same one and nothing was written to the database meanwhile; else
 * (or on any failure here) the rows are checked again from the start, as without it.
 */
interface CheckAsRead extends SheetListener {
  /** The session opened while the file is parsed, for the first part's checks. */
  early: { session: Session; stamp: string } | null;
  /** The early session went to these checks (it holds their state: it cannot check the rows again). */
  tookEarly: boolean;
  /** The checked rows, if they stand for the whole sheet with this layout. */
  result(lay: Layout): Checked | null;
  pinyin: PinyinCollector | null;
}

function checkAsRead(ctx: Ctx, importer: Importer, input: PreviewInput, pinyin: PinyinCollector | null): CheckAsRead {
  let state: { lay: Layout; stamp: string; planner: Planner } | null = null;
  let failed = false;
  const reading: CheckAsRead = {
    early: null,
    tookEarly: false,
    pinyin,
    rows(sheet, from) {
      if (failed) return;
      try {
        if (!state) {
          const stamp = dbStamp(ctx.db);
          const early = reading.early && !reading.tookEarly && reading.early.stamp === stamp ? reading.early.session : null;
          reading.tookEarly ||= early !== null;
          const lay = layout(ctx, sheet, importer, input, early);
          state = { lay, stamp, planner: planner(ctx, importer, lay, input.mode, false, early, pinyin) };
          from = 0;
        }
        state.planner.rows(sheet, from);
      } catch {
        failed = true; // checked again, whole, where the error is reported
        state = null;
      }
    },
    restart() {
      state = null;
    },
    result(lay) {
      if (failed || !state || state.stamp !== dbStamp(ctx.db) || !sameLayout(state.lay, lay)) return null;
      return state.planner.finish();
    },
  };
  return reading;
}

const sameLayout = (a: Layout, b: Layout) =>
  a.headerIndex === b.headerIndex &&
  a.remembered === b.remembered &&
  a.headers.length === b.headers.length &&
  a.headers.every((h, i) => h === b.headers[i] && a.fieldOf[i] === b.fieldOf[i]);

/** A preview's rows: checked as they were read when that stands for the whole sheet, else checked now. */
async function previewRows(
  ctx: Ctx,
  importer: Importer,
  input: PreviewInput,
  upload: Upload | Promise<Upload>,
  early: { session: Session; stamp: string } | null,
  reading: CheckAsRead,
): Promise<{ lay: Layout; sheet: ParsedSheet; checked: Checked; key: string }> {
  const { sheet, key: sheetKey } = await upload;
  // a write between (another window's) leaves those lookups stale: then the rows are checked against a fresh session
  const opened = early && !reading.tookEarly && early.stamp === dbStamp(ctx.db) ? early.session : null;
  const lay = layout(ctx, sheet, importer, input, opened);
  const checked = reading.result(lay) ?? plan(ctx, importer, sheet, lay, input.mode, false, opened, reading.pinyin);
  return { lay, sheet, checked, key: planKey(sheetKey, input) };
}

/** A session opened while the file is parsed, with the database's stamp at that moment; none if it cannot open yet. */
function openEarly(ctx: Ctx, importer: Importer, mode: Mode): { session: Session; stamp: string } | null {
  try {
    return { stamp: dbStamp(ctx.db), session: importer.open(ctx, mode) };
  } catch {
    return null; // opened again for the rows, where the error is reported
  }
}

interface PinyinCollector {
  /** An accepted row's values: the texts of the pinyin columns not seen yet go to the worker. */
  add(values: ReadonlyMap<string, unknown>): void;
  finish(): CachedPlan['pinyin'];
}

/**
 * Sends the distinct texts of the columns whose pinyin a commit writes (customer, short and contact names) to a
 * worker while the rows are checked, so the pinyin is worked out side by side with the checks and the commit finds it
 * ready. Only a cache: a text the commit reads differently is worked out there, as without it.
 */
function pinyinCollector(importer: Importer): PinyinCollector | null {
  const fields = importer.pinyinFields ?? [];
  if (fields.length === 0) return null;
  const min = importLimits().pinyinAheadMin;
  const seen = new Set<string>();
  const texts: string[] = [];
  let batch: string[] = [];
  let job: PinyinJob | null = null;
  let tried = false;
  return {
    add(values) {
      for (const field of fields) {
        const text = values.get(field);
        if (typeof text !== 'string' || text === '' || seen.has(text)) continue;
        seen.add(text);
        texts.push(text);
        batch.push(text);
      }
      // below the threshold a worker costs more than it saves
      if (!tried && texts.length >= min) {
        tried = true;
        job = pinyinWorker();
      }
      if (job && batch.length >= 4096) {
        job.send(batch);
        batch = [];
      }
    },
    finish() {
      if (!job) return null;
      job.send(batch);
      return job.done().then((values) => ({ texts, values }));
    },
  };
}

/**
 * Reads and checks every row; with `commit`, writes the accepted ones. Any writing happens in one transaction, which
 * is rolled back for a preview and for a commit whose errors were not accepted.
 */
async function execute(
  ctx: Ctx,
  input: PreviewInput & { acceptErrors?: boolean },
  commit: boolean,
  /** A preview the user may commit next: the commit's pinyin is started ahead. */
  ahead = false,
): Promise<{ lay: Layout; plan: Checked; sheet: ParsedSheet }> {
  const importer = importers[input.entity];
  const preview = ahead && !importer.dryRunWrites && !commit;
  const pinyin = preview ? pinyinCollector(importer) : null;
  const reading = preview ? checkAsRead(ctx, importer, input, pinyin) : null;
  const upload = startUpload(input, reading);
  // while the worker parses, the session loads what rows are looked up in (the customer book, regions, reps …)
  const early = upload instanceof Promise && !importer.dryRunWrites ? openEarly(ctx, importer, input.mode) : null;
  if (reading) {
    reading.early = early;
    try {
      const { lay, sheet, checked, key } = await previewRows(ctx, importer, input, upload, early, reading);
      cachedPlan = { key, db: ctx.db, stamp: dbStamp(ctx.db), checked, pinyin: pinyin?.finish() ?? null };
      return { lay, plan: checked, sheet };
    } catch (err) {
      void pinyin?.finish(); // the worker answers and ends
      throw err;
    }
  }
  const { sheet, key: sheetKey } = await upload;
  // a write between (another window's) leaves those lookups stale: then the rows are checked against a fresh session
  const opened = early && early.stamp === dbStamp(ctx.db) ? early.session : null;
  const lay = layout(ctx, sheet, importer, input, opened);
  const key = planKey(sheetKey, input);
  if (!importer.dryRunWrites && !commit) {
    const checked = plan(ctx, importer, sheet, lay, input.mode, false, opened);
    cachedPlan = { key, db: ctx.db, stamp: dbStamp(ctx.db), checked, pinyin: null };
    return { lay, plan: checked, sheet };
  }
  const ready = commit && cachedPlan?.key === key ? await cachedPlan.pinyin : null;
  if (ready?.values) primePinyin(ready.texts, ready.values);
  let result: Checked | null = null;
  const reused = importer.dryRunWrites ? null : takeCachedPlan(ctx, key);
  try {
    ctx.db.transaction(() => {
      result = reused ?? plan(ctx, importer, sheet, lay, input.mode, importer.dryRunWrites, opened);
      if (!commit) throw ROLLBACK;
      const { counts } = result;
      if (counts.error > 0 && !input.acceptErrors) {
        throw refuse('errorRows', { count: counts.error }, 'acceptErrors');
      }
      writeAccepted(result);
      writeSetting(ctx, mappingKey(importer.entity, lay.headers), storedMapping(lay.headers, lay.fieldOf));
      recordAudit(ctx, {
        action: 'import',
        entity: input.entity,
        entityId: null,
        after: {
          fileName: input.fileName,
          mode: input.mode,
          total: counts.total,
          created: counts.new,
          updated: counts.update,
          skipped: counts.skip,
          rejected: counts.error,
        },
      });
    })();
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  return { lay, plan: result!, sheet };
}

// ---------- handlers ----------

export async function previewImport(ctx: Ctx, input: PreviewInput): Promise<Preview> {
  const importer = importers[input.entity];
  const { lay, plan: p } = await execute(ctx, input, false, true);
  return {
    headers: lay.headers,
    mapping: lay.headers.map((header, i) => ({ header, field: lay.fieldOf[i] ?? null })),
    fields: importer.columns.map((c) => ({ key: c.key, label: c.label, required: Boolean(c.required) })),
    counts: p.counts,
    rows: p.rows,
    truncated: p.truncated,
  };
}

export async function commitImport(ctx: Ctx, input: CommitInput): Promise<Output<'import.commit'>> {
  try {
    const { plan: p } = await execute(ctx, input, true);
    clearImportCache();
    return { created: p.counts.new, updated: p.counts.update, skipped: p.counts.skip, rejected: p.counts.error };
  } finally {
    forgetPrimedPinyin();
  }
}

export async function importTemplate(_ctx: Ctx, input: ParsedInput<'import.template'>): Promise<Output<'import.template'>> {
  const importer = importers[input.entity];
  const buffer = await buildTemplate(importer);
  return { fileName: `${importer.noun}导入模板.xlsx`, base64: buffer.toString('base64'), rowCount: 1 };
}

/**
 * The refused rows as an .xlsx to fix and import again: the file's own header row and cells, plus a last column with
 * the reasons in the UI language (a header the mapping ignores, so the same mapping applies to the corrected file).
 */
export async function importErrorFile(ctx: Ctx, input: ParsedInput<'import.errorFile'>): Promise<Output<'import.errorFile'>> {
  const { mode, entity, fileName, base64, mapping, lang } = input;
  const { lay, plan: p, sheet } = await execute(ctx, { entity, fileName, base64, mode, ...(mapping ? { mapping } : {}) }, false);
  const reasonHeader = lang === 'en' ? REASON_HEADERS.en : REASON_HEADERS.zh;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'en' ? 'Rows with errors' : '错误行');
  const width = lay.headers.length;
  const headerRow = sheet.rows[lay.headerIndex]!;
  ws.addRow([...Array.from({ length: width }, (_, i) => headerRow[i] ?? lay.headers[i]!), reasonHeader]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  let rowCount = 0;
  for (const { index, errors } of p.refused) {
    if (index < 0) continue; // refused by the database at write time: only a commit meets those, never this dry run
    const cells = sheet.rows[index]!;
    const reasons = errors
      .map((e) => {
        const text = e.reasonCode && isImportReason(e.reasonCode) ? formatImportReason(e.reasonCode, e.params, lang) : e.message;
        return `${e.column === '（整行）' && lang === 'en' ? '(whole row)' : e.column}${lang === 'en' ? ': ' : '：'}${text}`;
      })
      .join(lang === 'en' ? '; ' : '；');
    ws.addRow([...Array.from({ length: width }, (_, i) => cells[i] ?? null), reasons]);
    rowCount++;
  }
  ws.getColumn(width + 1).width = 60;
  ws.getColumn(width + 1).font = { color: { argb: 'FFC00000' } };
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const base = fileName.replace(/\.(xlsx|xls|csv)$/i, '');
  return {
    fileName: `${base}${lang === 'en' ? ' - rows with errors' : '-错误行'}.xlsx`,
    base64: buffer.toString('base64'),
    rowCount,
  };
}
