// Saving a file the page made (an exported chart, a workbook, a deck): a save dialog, then the bytes written where the
// user chose; and a chart image put on the clipboard. Two IPC channels, checked like the contract's: only the app's own
// page may ask, the name is cleaned and the size bounded before any dialog opens.
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, clipboard, ClipboardItem, dialog, ipcMain } from 'electron';
import { filesChannels, type FileSaveRequest, type PrintOutcome } from '../../shared/bridge';
import { isTrustedSenderUrl, senderUrl } from './security';

/** Larger than any chart, workbook or meeting deck the app makes; anything bigger is not ours. */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

const EXTENSION = /^[a-z0-9]{1,8}$/i;

/** A file name without folders or characters Windows refuses, ending in one of `extensions` (the first added if none). */
export function safeFileName(name: string, extensions: readonly string[] = []): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  const ext = /\.([a-z0-9]{1,8})$/i.exec(cleaned)?.[1]?.toLowerCase();
  if (extensions.length === 0 || (ext && extensions.includes(ext))) return cleaned || '文件';
  return `${cleaned || '文件'}.${extensions[0]}`;
}

type Parsed = { ok: true; value: FileSaveRequest & { extensions: string[] } } | { ok: false; outcome: PrintOutcome };

const refuse = (error: string): Parsed => ({ ok: false, outcome: { ok: false, error } });

export function parseSaveRequest(raw: unknown): Parsed {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof r.fileName !== 'string' || r.fileName.length > 500) return refuse('文件名无效');
  if (!(r.data instanceof Uint8Array)) return refuse('文件内容无效');
  if (r.data.byteLength === 0) return refuse('文件内容为空');
  if (r.data.byteLength > MAX_SAVE_BYTES) return refuse(`文件超过 ${MAX_SAVE_BYTES / 1024 / 1024} MB，不能保存`);
  if (r.filterName !== undefined && (typeof r.filterName !== 'string' || r.filterName.length > 60)) return refuse('文件类型名称无效');
  const extensions = r.extensions ?? [];
  if (!Array.isArray(extensions) || extensions.length > 5 || !extensions.every((e) => typeof e === 'string' && EXTENSION.test(e))) {
    return refuse('文件扩展名无效');
  }
  const exts = extensions.map((e: string) => e.toLowerCase());
  return {
    ok: true,
    value: { fileName: safeFileName(r.fileName, exts), data: r.data, filterName: r.filterName || undefined, extensions: exts },
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (data: Uint8Array) => data.byteLength > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => data[i] === b);

const FORBIDDEN: PrintOutcome = { ok: false, error: '拒绝访问：请求不是来自本应用的页面' };

export interface FileEvent {
  sender: { id: number };
  senderFrame?: { url: string } | null;
}

export function fileHandlers(rendererUrl: string) {
  return {
    async save(event: FileEvent, raw: unknown): Promise<PrintOutcome> {
      if (!isTrustedSenderUrl(senderUrl(event), rendererUrl)) return FORBIDDEN;
      const req = parseSaveRequest(raw);
      if (!req.ok) return req.outcome;
      const { fileName, data, filterName, extensions } = req.value;
      try {
        const owner = BrowserWindow.fromWebContents(event.sender as never);
        const options = {
          title: '保存文件',
          defaultPath: path.join(app.getPath('documents'), fileName),
          filters: extensions.length > 0 ? [{ name: filterName ?? extensions[0]!.toUpperCase(), extensions }] : [],
        };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { ok: false, canceled: true };
        await fs.writeFile(choice.filePath, data);
        return { ok: true, path: choice.filePath };
      } catch (err) {
        return { ok: false, error: `保存文件失败：${err instanceof Error ? err.message : String(err)}` };
      }
    },

    async copyImage(event: FileEvent, raw: unknown): Promise<PrintOutcome> {
      if (!isTrustedSenderUrl(senderUrl(event), rendererUrl)) return FORBIDDEN;
      const data = (typeof raw === 'object' && raw !== null ? raw : {}) as { data?: unknown };
      if (!(data.data instanceof Uint8Array) || !isPng(data.data)) return { ok: false, error: '不是 PNG 图片' };
      if (data.data.byteLength > MAX_SAVE_BYTES) return { ok: false, error: `图片超过 ${MAX_SAVE_BYTES / 1024 / 1024} MB` };
      try {
        await clipboard.write([new ClipboardItem({ 'image/png': new Blob([Buffer.from(data.data)], { type: 'image/png' }) })]);
        return { ok: true };
      } catch (err) {
        return { ok: false, error: `复制图片失败：${err instanceof Error ? err.message : String(err)}` };
      }
    },
  };
}

export function registerFileHandlers(rendererUrl: string): void {
  const h = fileHandlers(rendererUrl);
  ipcMain.handle(filesChannels.save, (event, raw: unknown) => h.save(event as unknown as FileEvent, raw));
  ipcMain.handle(filesChannels.copyImage, (event, raw: unknown) => h.copyImage(event as unknown as FileEvent, raw));
}
