// The shape of window.salesdesk that the Electron preload exposes; renderer code types against this only.
import type { PaperId } from './domain/print';
import type { Envelope } from './errors';

export interface SalesdeskBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  readonly methods: readonly string[];
  /** printing the window's own page (Electron only; browser mode uses window.print()) */
  readonly print: PrintBridge;
  /** saving a file the page made (an exported chart, a workbook, a deck) where the user chooses (Electron only) */
  readonly files: FilesBridge;
}

/** A file the page made, to be written where the user chooses in a save dialog. */
export interface FileSaveRequest {
  /** suggested file name, without folders; its extension is kept or the first of `extensions` added */
  fileName: string;
  data: Uint8Array;
  /** the save dialog's filter, e.g. 'PNG 图片' with ['png'] */
  filterName?: string;
  extensions?: string[];
}

export interface FilesBridge {
  save(request: FileSaveRequest): Promise<PrintOutcome>;
  /** puts a PNG on the system clipboard (the page's own clipboard permission is denied in the desktop app) */
  copyImage(request: { data: Uint8Array }): Promise<PrintOutcome>;
}

/** IPC channels of the files bridge (main checks the sender of each like the contract channel). */
export const filesChannels = {
  save: 'salesdesk:files-save',
  copyImage: 'salesdesk:files-copy-image',
} as const;

/** Print the page shown in the calling window, on `paper`, through the system print dialog. */
export interface PrintJobRequest {
  paper: PaperId;
  /** preselected in the dialog; '' or absent: the system's default printer */
  printer?: string;
}

/** Save the page shown in the calling window as a PDF, asking where with a save dialog. */
export interface PdfJobRequest {
  paper: PaperId;
  /** suggested file name, without folders */
  fileName: string;
}

export interface PrintOutcome {
  ok: boolean;
  /** the user closed the dialog without printing or saving */
  canceled?: boolean;
  /** where the PDF was written */
  path?: string;
  error?: string;
}

export interface PrinterSummary {
  /** the system name (what print() takes as deviceName) */
  name: string;
  displayName: string;
}

export interface PrintBridge {
  /** Opens a print route (`/print/…`) in its own preview window that acts as the calling window's operator. */
  openPreview(route: string): Promise<PrintOutcome>;
  print(request: PrintJobRequest): Promise<PrintOutcome>;
  savePdf(request: PdfJobRequest): Promise<PrintOutcome>;
  printers(): Promise<PrinterSummary[]>;
}

/** IPC channels of the print bridge (main checks the sender of each like the contract channel). */
export const printChannels = {
  openPreview: 'salesdesk:print-preview',
  print: 'salesdesk:print',
  savePdf: 'salesdesk:print-pdf',
  printers: 'salesdesk:printers',
} as const;

/** The IPC channel between preload and main; one channel for every contract method. */
export const bridgeChannel = 'salesdesk:call';

/** What the preload sends on bridgeChannel. */
export interface BridgeRequest {
  method: string;
  input: unknown;
}
