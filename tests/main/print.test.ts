// Printing in Electron, against a fake electron module: the print and PDF options per paper, the sender check on every
// print channel, the save dialog, and the preload's typed print methods.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-print-'));
const electron = vi.hoisted(() => {
  const windows: any[] = [];
  class BrowserWindow {
    static fromWebContents = vi.fn(() => ({ id: 1 }));
    options: any;
    webContents = { id: 99 + windows.length };
    once = vi.fn((_event: string, listener: () => void) => listener());
    show = vi.fn();
    constructor(options: any) {
      this.options = options;
      windows.push(this);
    }
  }
  return {
    windows,
    app: { getPath: vi.fn(() => '/home/u/Documents') },
    BrowserWindow,
    dialog: { showSaveDialog: vi.fn() },
    ipcMain: { handle: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn() },
  };
});
vi.mock('electron', () => electron);

const { isPrintRoute, pdfOptions, printHandlers, printOptions, registerPrintHandlers, safePdfName, parsePdfRequest } =
  await import('../../electron/main/print');
const { secureWebPreferences } = await import('../../electron/main/security');
const { createPrintBridge } = await import('../../electron/preload/index');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const rendererUrl = 'file:///opt/SalesDesk/resources/app.asar/out/renderer/index.html';
const handlers = printHandlers(rendererUrl);

function sender(printResult: [boolean, string] = [true, '']) {
  return {
    id: 7,
    print: vi.fn((_options: unknown, callback: (ok: boolean, reason: string) => void) => callback(...printResult)),
    printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
    getPrintersAsync: vi.fn(async () => [
      { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', description: '', options: {} },
      { name: 'HP_M1136', displayName: '', description: '', options: {} },
    ]),
  };
}
const from = (url: string | null, s = sender()) => ({ sender: s, senderFrame: url === null ? null : { url } });
const own = (s = sender()) => from(`${rendererUrl}#/print/batch?date=2026-05-12&form=plan`, s);

beforeEach(() => {
  electron.dialog.showSaveDialog.mockReset();
});

describe('print options per paper', () => {
  it('prints A4 portrait by name, with the system dialog, no margins and backgrounds', () => {
    expect(printOptions('a4')).toEqual({
      silent: false,
      printBackground: true,
      color: true,
      margins: { marginType: 'none' },
      landscape: false,
      pageSize: 'A4',
    });
  });

  it('turns A4 for landscape', () => {
    expect(printOptions('a4-landscape')).toMatchObject({ pageSize: 'A4', landscape: true });
  });

  it('gives the 241 × 140 mm 三联 paper as a custom size in microns, not turned', () => {
    expect(printOptions('sanlian')).toMatchObject({ pageSize: { width: 241_000, height: 140_000 }, landscape: false });
  });

  it('preselects the chosen printer, and the default printer for none', () => {
    expect(printOptions('a4', 'EPSON_LQ_630K').deviceName).toBe('EPSON_LQ_630K');
    expect(printOptions('a4', '')).not.toHaveProperty('deviceName');
  });

  it('saves PDFs at the CSS page size, sizes in inches, no margins', () => {
    expect(pdfOptions('a4')).toEqual({
      landscape: false,
      pageSize: 'A4',
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(pdfOptions('a4-landscape')).toMatchObject({ landscape: true, pageSize: 'A4' });
    const sanlian = pdfOptions('sanlian').pageSize as { width: number; height: number };
    expect(sanlian.width).toBeCloseTo(241 / 25.4, 6);
    expect(sanlian.height).toBeCloseTo(140 / 25.4, 6);
  });

  it('suggests file names without folders or characters Windows refuses', () => {
    expect(safePdfName('每日拜访计划表-张伟-2026-05-12')).toBe('每日拜访计划表-张伟-2026-05-12.pdf');
    expect(safePdfName('..\\..\\evil/name:*?.PDF')).toBe('_.._evil_name___.pdf');
    expect(safePdfName('   ')).toBe('打印.pdf');
    expect(safePdfName('a'.repeat(300))).toHaveLength(124);
    expect(parsePdfRequest({ paper: 'a4', fileName: 'x/y' })).toEqual({ ok: true, value: { paper: 'a4', fileName: 'x_y.pdf' } });
  });
});

describe('the print channels', () => {
  it('registers four handlers', () => {
    registerPrintHandlers(rendererUrl);
    expect(electron.ipcMain.handle.mock.calls.map((c) => c[0])).toEqual([
      'salesdesk:print-preview',
      'salesdesk:print',
      'salesdesk:print-pdf',
      'salesdesk:printers',
    ]);
  });

  it('refuse senders other than the app page, before printing, saving or listing anything', async () => {
    for (const url of [null, 'https://evil.example/', 'file:///tmp/other.html', 'about:blank', 'devtools://devtools/x']) {
      const s = sender();
      await expect(handlers.print(from(url, s), { paper: 'a4' })).resolves.toMatchObject({
        ok: false,
        error: expect.stringContaining('拒绝'),
      });
      await expect(handlers.savePdf(from(url, s), { paper: 'a4', fileName: 'x' })).resolves.toMatchObject({ ok: false });
      await expect(handlers.printers(from(url, s))).resolves.toEqual([]);
      expect(s.print).not.toHaveBeenCalled();
      expect(s.printToPDF).not.toHaveBeenCalled();
      expect(s.getPrintersAsync).not.toHaveBeenCalled();
    }
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('treats a sender frame that throws on access as untrusted', async () => {
    const s = sender();
    const event = {
      sender: s,
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed');
      },
    };
    await expect(handlers.print(event, { paper: 'a4' })).resolves.toMatchObject({ ok: false });
    expect(s.print).not.toHaveBeenCalled();
  });

  it('refuses an unknown paper or a bad printer name', async () => {
    const s = sender();
    await expect(handlers.print(own(s), { paper: 'letter' })).resolves.toEqual({ ok: false, error: '未知的纸张' });
    await expect(handlers.print(own(s), { paper: 'a4', printer: 42 })).resolves.toMatchObject({ ok: false });
    await expect(handlers.print(own(s), null)).resolves.toMatchObject({ ok: false });
    await expect(handlers.savePdf(own(s), { paper: 'a4' })).resolves.toEqual({ ok: false, error: '文件名无效' });
    expect(s.print).not.toHaveBeenCalled();
  });

  it('prints the sender page with the paper’s options and reports done, cancelled or failed', async () => {
    const s = sender();
    await expect(handlers.print(own(s), { paper: 'sanlian', printer: 'EPSON_LQ_630K' })).resolves.toEqual({ ok: true });
    expect(s.print.mock.calls[0]![0]).toEqual({ ...printOptions('sanlian'), deviceName: 'EPSON_LQ_630K' });
    await expect(handlers.print(own(sender([false, 'Print job canceled'])), { paper: 'a4' })).resolves.toEqual({
      ok: false,
      canceled: true,
    });
    await expect(handlers.print(own(sender([false, 'Print job failed'])), { paper: 'a4' })).resolves.toEqual({
      ok: false,
      error: '打印失败：Print job failed',
    });
  });

  it('saves a PDF where the save dialog says, and nothing when it is cancelled', async () => {
    const s = sender();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(handlers.savePdf(own(s), { paper: 'a4', fileName: '每日销售报告表-张伟-2026-05-12' })).resolves.toEqual({
      ok: false,
      canceled: true,
    });
    expect(s.printToPDF).not.toHaveBeenCalled();
    const [, options] = electron.dialog.showSaveDialog.mock.calls[0]!;
    expect(options).toMatchObject({
      defaultPath: path.join('/home/u/Documents', '每日销售报告表-张伟-2026-05-12.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });

    const target = path.join(tmp, 'out.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(handlers.savePdf(own(s), { paper: 'sanlian', fileName: 'x' })).resolves.toEqual({ ok: true, path: target });
    expect(s.printToPDF).toHaveBeenCalledWith(pdfOptions('sanlian'));
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('turns a failing printToPDF into an outcome, not a rejection', async () => {
    const s = sender();
    s.printToPDF.mockRejectedValueOnce(new Error('Printing failed'));
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(tmp, 'never.pdf') });
    await expect(handlers.savePdf(own(s), { paper: 'a4', fileName: 'x' })).resolves.toEqual({
      ok: false,
      error: '保存 PDF 失败：Printing failed',
    });
  });

  it('lists the printers by system name with a display name', async () => {
    await expect(handlers.printers(own())).resolves.toEqual([
      { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K' },
      { name: 'HP_M1136', displayName: 'HP_M1136' },
    ]);
  });
});

describe('the print preview window', () => {
  const host = () => ({ preloadPath: '/app/out/preload/index.js', load: vi.fn(async () => undefined), share: vi.fn() });

  it('opens a print route in a window of its own, hardened like the main one, acting as its opener', async () => {
    const h = host();
    const route = '/print/batch?date=2026-12-01&form=plan&paper=sanlian';
    await expect(printHandlers(rendererUrl, h).openPreview(own(), { route })).resolves.toEqual({ ok: true });
    const win = electron.windows.at(-1);
    expect(win.options).toMatchObject({
      parent: { id: 1 },
      show: false,
      webPreferences: secureWebPreferences('/app/out/preload/index.js'),
    });
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // the session is shared before the page loads; 返回 in a preview closes it
    expect(h.share).toHaveBeenCalledWith(win.webContents, 7);
    expect(h.share.mock.invocationCallOrder[0]).toBeLessThan(h.load.mock.invocationCallOrder[0]!);
    expect(h.load).toHaveBeenCalledWith(win, `${route}&preview=1`);
    expect(win.show).toHaveBeenCalled();
  });

  it('refuses other senders and anything that is not a print route, without opening a window', async () => {
    const h = host();
    const before = electron.windows.length;
    const handlers = printHandlers(rendererUrl, h);
    await expect(handlers.openPreview(from('https://evil.example/'), { route: '/print/blank/daily-report' })).resolves.toMatchObject({
      ok: false,
    });
    for (const route of [
      '/customers',
      'https://evil.example/print/x',
      '/print/../customers',
      '/print/batch?x=<script>',
      '/print/',
      42,
      null,
    ]) {
      await expect(handlers.openPreview(own(), { route })).resolves.toEqual({ ok: false, error: '不是打印页面的地址' });
    }
    expect(isPrintRoute('/print/blank/weekly-plan')).toBe(true);
    expect(isPrintRoute('/print/visit-plan?repId=2&date=2026-12-01&paper=a4')).toBe(true);
    expect(electron.windows.length).toBe(before);
    expect(h.share).not.toHaveBeenCalled();
  });

  it('reports a page that fails to load as an outcome', async () => {
    const h = host();
    h.load.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    await expect(printHandlers(rendererUrl, h).openPreview(own(), { route: '/print/calibration' })).resolves.toEqual({
      ok: false,
      error: '无法打开打印预览窗口：ERR_FILE_NOT_FOUND',
    });
  });
});

describe('the preload’s print methods', () => {
  it('send only the plain fields over their own channels', async () => {
    const invoke = vi.fn().mockResolvedValue({ ok: true });
    const print = createPrintBridge(invoke);
    await print.print({ paper: 'a4', printer: 'HP', extra: 'x' } as never);
    await print.savePdf({ paper: 'sanlian', fileName: 'a' });
    await print.openPreview('/print/calibration');
    expect(invoke.mock.calls).toEqual([
      ['salesdesk:print', { paper: 'a4', printer: 'HP' }],
      ['salesdesk:print-pdf', { paper: 'sanlian', fileName: 'a' }],
      ['salesdesk:print-preview', { route: '/print/calibration' }],
    ]);
  });

  it('turn failures and odd replies into outcomes, and a failed printer list into none', async () => {
    await expect(createPrintBridge(vi.fn().mockRejectedValue(new Error('gone'))).print({ paper: 'a4' })).resolves.toEqual({
      ok: false,
      error: '与主进程通信失败：gone',
    });
    await expect(createPrintBridge(vi.fn().mockResolvedValue('odd')).savePdf({ paper: 'a4', fileName: 'x' })).resolves.toMatchObject({
      ok: false,
    });
    await expect(createPrintBridge(vi.fn().mockRejectedValue(new Error('gone'))).printers()).resolves.toEqual([]);
    await expect(createPrintBridge(vi.fn().mockResolvedValue(null)).printers()).resolves.toEqual([]);
  });
});
