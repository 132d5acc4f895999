// What each importable entity supplies to the one import pipeline (import.ts).
import type { z } from 'zod';
import type { Ctx } from '../../context';
import type { ImportEntity } from '../../../../shared/domain/importExport';
import type { Parsed } from './cells';
import type { Cell } from './worker';
import { formatImportReason, type ImportReasonCode, type ReasonParams } from '../../../../shared/domain/importReasons';

export type ColumnKind = 'text' | 'code' | 'phone' | 'date' | 'money' | 'int' | 'bool' | 'enum' | 'ref' | 'list';

export interface ColumnSpec {
  /** The save input's field (or a pseudo field such as contactName); also the key of preview values and mapping. */
  key: string;
  /** Chinese header in the template. */
  label: string;
  /** Other headers people use for the same column (matched after trimming, width and bracketed units removed). */
  aliases?: readonly string[];
  /** Headers that mean this column only when no other column claims them (手机: the customer's phone, or the contact's). */
  weakAliases?: readonly string[];
  /** A field this column is only read with (a contact's phone needs the contact's name column). */
  needs?: string;
  required?: boolean;
  kind: ColumnKind;
  example: string | number;
  /** Accepted values and format, for the template's 说明 sheet. */
  help: string;
  width?: number;
}

export interface RowError {
  column: string;
  field: string | null;
  message: string;
  /** The reason in the shared catalogue (shared/domain/importReasons.ts), for saying it in the UI language. */
  reasonCode?: ImportReasonCode;
  params?: ReasonParams;
}

/** A problem found by an entity's own checks; the pipeline names the column from the mapping. */
export interface FieldError {
  field: string | null;
  message: string;
  reasonCode?: ImportReasonCode;
  params?: ReasonParams;
}

/** A FieldError from the reason catalogue: the Chinese message and the code travel together. */
export function fieldError(field: string | null, reasonCode: ImportReasonCode, params: ReasonParams = {}): FieldError {
  return { field, message: formatImportReason(reasonCode, params), reasonCode, params };
}

export type Mode = 'skip' | 'update';

/** One import run's view of the database: lookups loaded once, rows read, checked and written through it. */
export interface Session {
  /** Reads one non-blank cell of the column `key` (tolerant rules, references resolved). */
  read(key: string, cell: Cell): Parsed<unknown>;
  /** read() depends on the key and cell alone (its lookups are loaded once), so a column's repeated values are read once. */
  pureReads?: boolean;
  /** The existing record this row is about (by code; regions also by parent + name), or null for a new one. */
  identify(values: ReadonlyMap<string, unknown>): { id: number; blocked?: FieldError } | null;
  /** The save method's input before zod: a new record from the file, or the file's cells over the existing record. */
  build(values: ReadonlyMap<string, unknown>, existingId: number | null): Record<string, unknown>;
  /** Checks zod cannot make (duplicates in the file or in the database); records this row for the rows after it. */
  check(input: Record<string, unknown>, existingId: number | null, rowNumber: number): FieldError[];
  /** Writes one accepted row inside the caller's transaction. */
  write(input: Record<string, unknown>, existingId: number | null, rowNumber: number): { id: number; code: string };
  /** After the last row (importers that write while planning): finishes what spans rows, e.g. posts the orders whose
   *  lines the rows were; the rows it names become error rows. */
  complete?(): Array<{ rowNumber: number; error: FieldError }>;
}

export interface Importer {
  entity: ImportEntity;
  /** 客户, 经销商 … */
  noun: string;
  columns: readonly ColumnSpec[];
  /** The entity's save input schema: the rules are the UI's rules. */
  schema: z.ZodType;
  /** Preview writes every valid row in a transaction that is rolled back, so service-level checks are reported too. */
  dryRunWrites: boolean;
  /** The column a zod issue path belongs to (default: the first path segment). */
  issueKey?: (path: readonly PropertyKey[]) => string;
  /** Columns whose text the commit writes as pinyin too (names): worked out in a worker while the preview checks rows. */
  pinyinFields?: readonly string[];
  open(ctx: Ctx, mode: Mode): Session;
}
