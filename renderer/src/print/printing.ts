// Print and save-as-PDF of the page on screen: through the Electron bridge (system print dialog, save dialog +
// printToPDF) or, in browser mode, window.print() with the page's @page sizes.
import type { PrintBridge, PrintOutcome, PrinterSummary } from '@shared/bridge';
import type { PaperId } from '@shared/domain/print';

function bridge(): PrintBridge | undefined {
  return (window as unknown as { salesdesk?: { print?: PrintBridge } }).salesdesk?.print;
}

/** True in the desktop app: printers can be listed and a PDF saved without the browser's print dialog. */
export function hasPrintBridge(): boolean {
  return bridge() !== undefined;
}

/**
 * In the desktop app a print page opens in a preview window of its own (acting as this window's operator); false when
 * that is not possible here (browser mode, or the window could not open): the page then opens in place.
 */
export async function openPreviewWindow(route: string): Promise<boolean> {
  const b = bridge();
  if (!b?.openPreview) return false;
  return (await b.openPreview(route)).ok;
}

export async function listPrinters(): Promise<PrinterSummary[]> {
  return (await bridge()?.printers()) ?? [];
}

export async function printPage(paper: PaperId, printer: string): Promise<PrintOutcome> {
  const b = bridge();
  if (b) return b.print({ paper, printer: printer || undefined });
  window.print();
  return { ok: true };
}

/** Browser mode has no save dialog of its own: the print dialog's "Save as PDF" destination does it. */
export async function savePagePdf(paper: PaperId, fileName: string): Promise<PrintOutcome> {
  const b = bridge();
  if (b) return b.savePdf({ paper, fileName });
  window.print();
  return { ok: true };
}
