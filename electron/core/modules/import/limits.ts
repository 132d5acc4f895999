// Import safety limits: defaults from shared/domain, overridable by the host (environment) or a test (configureImport).
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../../shared/domain/importExport';
import { formatBytes as formatSharedBytes } from '../../../../shared/bytes';

/**
 * What one import may add to the core process at its peak (the upload, the parsing worker with its unpacked XML, the
 * parsed rows and the preview's checks), so an office PC with 4 GB keeps room for the app, the browser and Excel.
 */
export const IMPORT_MEMORY_BUDGET_BYTES = 500 * 1024 * 1024;

export interface ImportLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Most data rows (the header row not counted). */
  maxRows: number;
  /** The parsing worker is terminated after this long. */
  timeoutMs: number;
  /** Heap of the parsing worker; a file needing more is rejected instead of taking the host down. */
  workerHeapMb: number;
  /**
   * Sum of the uncompressed sizes an .xlsx may declare. Measured here: a parse peaks at about 5.5 MB per MB of unpacked
   * XML for many short cells (72 MB of 14 Chinese text columns, 110,000 rows: ~400 MB), less for long texts (a 78 MB
   * preview: ~300 MB, tests/core/import-memory.test.ts). A workbook the lean reader gives up on goes to SheetJS, which
   * peaked at ~560 MB for those 72 MB and ~470 MB for 63 MB: so 64 MB keeps the worst case of both readers within
   * IMPORT_MEMORY_BUDGET_BYTES (600 MB allowed ~2.4 GB). The bench's 50,000-row customer sheet (14.5 MB) unpacks to 39 MB.
   */
  maxUnzippedBytes: number;
  /** Uncompressed ÷ compressed above this, for an entry over 1 MB, is treated as a zip bomb. */
  maxZipRatio: number;
  /** The parsed upload and the preview's checked rows are dropped after this long unused (the commit parses again). */
  cacheIdleMs: number;
  /** From this many distinct names a preview works out their pinyin in a worker for the commit (below, a worker costs more). */
  pinyinAheadMin: number;
}

const envInt = (name: string): number | undefined => {
  const raw = process.env[name];
  if (!raw) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export function defaultLimits(): ImportLimits {
  return {
    maxBytes: envInt('SALESDESK_IMPORT_MAX_BYTES') ?? IMPORT_MAX_BYTES,
    maxRows: envInt('SALESDESK_IMPORT_MAX_ROWS') ?? IMPORT_MAX_ROWS,
    timeoutMs: envInt('SALESDESK_IMPORT_TIMEOUT_MS') ?? 20_000,
    workerHeapMb: envInt('SALESDESK_IMPORT_WORKER_HEAP_MB') ?? 1024,
    maxUnzippedBytes: 64 * 1024 * 1024,
    maxZipRatio: 200,
    cacheIdleMs: 2 * 60 * 1000,
    pinyinAheadMin: 2000,
  };
}

let current: ImportLimits = defaultLimits();

export function importLimits(): ImportLimits {
  return current;
}

/** Changes the limits (a host setting, or a test); returns the previous ones so a test can restore them. */
export function configureImport(patch: Partial<ImportLimits>): ImportLimits {
  const previous = current;
  current = { ...current, ...patch };
  return previous;
}

export function formatBytes(n: number): string {
  return formatSharedBytes(n, '字节');
}
