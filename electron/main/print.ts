// Printing in Electron: a print route opens in its own preview window (acting as its opener's operator); the window
// that shows a print route prints itself (system dialog) or saves itself as PDF (save dialog + printToPDF). Four IPC
// channels, each checked like the contract's: only the app's own page may ask.
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type PrintToPDFOptions, type WebContents, type WebContentsPrintOptions } from 'electron';
import { printChannels, type PdfJobRequest, type PrintJobRequest, type PrintOutcome, type PrinterSummary } from '../../shared/bridge';
import { isPaperId, papers, type PaperId } from '../../shared/domain/print';
import { isTrustedSenderUrl, secureWebPreferences, senderUrl } from './security';

const MICRONS_PER_MM = 1000;
const MM_PER_INCH = 25.4;

/** Options for webContents.print: the system dialog, the paper (A4 by name, 三联 as a custom size in microns), no margins
 *  (the sheet draws its own), the printer preselected when one was chosen. */
export function printOptions(paper: PaperId, printer?: string): WebContentsPrintOptions {
  const p = papers[paper];
  return {
    silent: false,
    printBackground: true,
    color: true,
    margins: { marginType: 'none' },
    landscape: p.landscape,
    pageSize: paper === 'sanlian' ? { width: p.widthMm * MICRONS_PER_MM, height: p.heightMm * MICRONS_PER_MM } : 'A4',
    ...(printer ? { deviceName: printer } : {}),
  };
}

/** Options for webContents.printToPDF (sizes in inches there), the page's own @page sizes preferred. */
export function pdfOptions(paper: PaperId): PrintToPDFOptions {
  const p = papers[paper];
  return {
    landscape: p.landscape,
    pageSize: paper === 'sanlian' ? { width: p.widthMm / MM_PER_INCH, height: p.heightMm / MM_PER_INCH } : 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    printBackground: true,
    preferCSSPageSize: true,
  };
}

/** A file name without folders or characters Windows refuses, ending in .pdf. */
export function safePdfName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  const base = cleaned.replace(/\.pdf$/i, '') || '打印';
  return `${base}.pdf`;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; outcome: PrintOutcome };

const refuse = (error: string): Parsed<never> => ({ ok: false, outcome: { ok: false, error } });

export function parsePrintRequest(raw: unknown): Parsed<PrintJobRequest> {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (!isPaperId(r.paper)) return refuse('未知的纸张');
  if (r.printer !== undefined && (typeof r.printer !== 'string' || r.printer.length > 200)) return refuse('打印机名称无效');
  return { ok: true, value: { paper: r.paper, printer: r.printer || undefined } };
}

export function parsePdfRequest(raw: unknown): Parsed<PdfJobRequest> {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (!isPaperId(r.paper)) return refuse('未知的纸张');
  if (typeof r.fileName !== 'string' || r.fileName.length > 500) return refuse('文件名无效');
  return { ok: true, value: { paper: r.paper, fileName: safePdfName(r.fileName) } };
}

const FORBIDDEN: PrintOutcome = { ok: false, error: '拒绝访问：请求不是来自本应用的页面' };

/** A print route as the renderer's router has them: /print/<kind>[/<form>][?query], nothing else. */
export function isPrintRoute(route: unknown): route is string {
  return typeof route === 'string' && route.length <= 600 && /^\/print\/[a-z-]+(\/[a-z-]+)?(\?[\w%.=&-]*)?$/.test(route);
}

/** What a preview window needs from the app's entry: the preload, how to load the renderer at a route, the session. */
export interface PreviewHost {
  preloadPath: string;
  /** the renderer at `hash` (the built file in production, the dev server in development) */
  load(win: BrowserWindow, hash: string): Promise<void>;
  /** the preview acts as the operator of the window that opened it */
  share(child: WebContents, openerId: number): void;
}

/** The sender as the handlers use it; a fake in tests. */
export interface PrintSender {
  id: number;
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
  getPrintersAsync(): Promise<Array<{ name: string; displayName: string }>>;
}
export interface PrintEvent {
  sender: PrintSender;
  senderFrame?: { url: string } | null;
}

export function printHandlers(rendererUrl: string, host?: PreviewHost) {
  const trusted = (event: PrintEvent) => isTrustedSenderUrl(senderUrl(event), rendererUrl);
  return {
    async openPreview(event: PrintEvent, raw: unknown): Promise<PrintOutcome> {
      if (!trusted(event)) return FORBIDDEN;
      const route = (typeof raw === 'object' && raw !== null ? raw : {}) as { route?: unknown };
      if (!isPrintRoute(route.route)) return { ok: false, error: '不是打印页面的地址' };
      if (!host) return { ok: false, error: '无法打开打印预览窗口' };
      try {
        const owner = BrowserWindow.fromWebContents(event.sender as never);
        const win = new BrowserWindow({
          width: 1100,
          height: 900,
          minWidth: 800,
          minHeight: 600,
          show: false,
          title: '打印预览',
          backgroundColor: '#e4e7ec',
          ...(owner ? { parent: owner } : {}),
          webPreferences: secureWebPreferences(host.preloadPath),
        });
        // before the page loads, so its first call already acts as the opener's operator
        host.share(win.webContents, event.sender.id);
        win.once('ready-to-show', () => win.show());
        // preview=1: the page's 返回 closes this window
        await host.load(win, `${route.route}${route.route.includes('?') ? '&' : '?'}preview=1`);
        return { ok: true };
      } catch (err) {
        return { ok: false, error: `无法打开打印预览窗口：${err instanceof Error ? err.message : String(err)}` };
      }
    },

    async print(event: PrintEvent, raw: unknown): Promise<PrintOutcome> {
      if (!trusted(event)) return FORBIDDEN;
      const req = parsePrintRequest(raw);
      if (!req.ok) return req.outcome;
      return new Promise<PrintOutcome>((resolve) => {
        try {
          event.sender.print(printOptions(req.value.paper, req.value.printer), (success, reason) => {
            if (success) resolve({ ok: true });
            else if (/cancel/i.test(reason)) resolve({ ok: false, canceled: true });
            else resolve({ ok: false, error: `打印失败：${reason}` });
          });
        } catch (err) {
          resolve({ ok: false, error: `打印失败：${err instanceof Error ? err.message : String(err)}` });
        }
      });
    },

    async savePdf(event: PrintEvent, raw: unknown): Promise<PrintOutcome> {
      if (!trusted(event)) return FORBIDDEN;
      const req = parsePdfRequest(raw);
      if (!req.ok) return req.outcome;
      try {
        const owner = BrowserWindow.fromWebContents(event.sender as never);
        const options = {
          title: '存为 PDF',
          defaultPath: path.join(app.getPath('documents'), req.value.fileName),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { ok: false, canceled: true };
        const data = await event.sender.printToPDF(pdfOptions(req.value.paper));
        await fs.writeFile(choice.filePath, data);
        return { ok: true, path: choice.filePath };
      } catch (err) {
        return { ok: false, error: `保存 PDF 失败：${err instanceof Error ? err.message : String(err)}` };
      }
    },

    async printers(event: PrintEvent): Promise<PrinterSummary[]> {
      if (!trusted(event)) return [];
      const list = await event.sender.getPrintersAsync();
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
    },
  };
}

export function registerPrintHandlers(rendererUrl: string, host?: PreviewHost): void {
  const h = printHandlers(rendererUrl, host);
  ipcMain.handle(printChannels.openPreview, (event, raw: unknown) => h.openPreview(event as unknown as PrintEvent, raw));
  ipcMain.handle(printChannels.print, (event, raw: unknown) => h.print(event as unknown as PrintEvent, raw));
  ipcMain.handle(printChannels.savePdf, (event, raw: unknown) => h.savePdf(event as unknown as PrintEvent, raw));
  ipcMain.handle(printChannels.printers, (event) => h.printers(event as unknown as PrintEvent));
}
