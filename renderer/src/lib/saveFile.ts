// Saving a file the page made (chart PNG, workbook, deck): in the desktop app the save dialog of the files bridge, in
// browser mode a download (the browser decides where, or asks, by its own settings); and copying a chart image.
import type { FilesBridge } from '@shared/bridge';

export interface SaveFileOptions {
  /** suggested name, e.g. 销售分析-按区域-2026年11月.png */
  fileName: string;
  mime: string;
  data: Blob | Uint8Array;
  /** the save dialog's filter name, e.g. 'PNG 图片' */
  filterName?: string;
  /** without dots, e.g. ['png'] */
  extensions?: string[];
}

export interface SaveFileOutcome {
  ok: boolean;
  /** where the desktop app wrote it (a download has no path the page can know) */
  path?: string;
  error?: string;
  /** the user closed the save dialog */
  canceled?: boolean;
}

function filesBridge(): FilesBridge | undefined {
  return (window as unknown as { salesdesk?: { files?: FilesBridge } }).salesdesk?.files;
}

async function bytesOf(data: Blob | Uint8Array): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

/** Characters no file system takes, and folders, out of a suggested name (the desktop app cleans it again in main). */
export function cleanFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  return cleaned || '文件';
}

export async function saveFile(opts: SaveFileOptions): Promise<SaveFileOutcome> {
  const fileName = cleanFileName(opts.fileName);
  try {
    const bridge = filesBridge();
    if (bridge) {
      return await bridge.save({
        fileName,
        data: await bytesOf(opts.data),
        filterName: opts.filterName,
        extensions: opts.extensions,
      });
    }
    const blob = opts.data instanceof Blob ? opts.data : new Blob([opts.data as Uint8Array<ArrayBuffer>], { type: opts.mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    // the download has started from the click; the URL is only needed until then
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: `保存文件失败：${err instanceof Error ? err.message : String(err)}` };
  }
}

export interface CopyImageOutcome {
  ok: boolean;
  /** this window cannot put images on the clipboard (an old browser, or no permission) */
  unsupported?: boolean;
  error?: string;
}

/** A PNG on the system clipboard: through the desktop bridge, or the async Clipboard API in the browser. */
export async function copyImage(png: Blob | Promise<Blob>): Promise<CopyImageOutcome> {
  try {
    const bridge = filesBridge();
    if (bridge) {
      const outcome = await bridge.copyImage({ data: await bytesOf(await png) });
      return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
    }
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return { ok: false, unsupported: true };
    // the item takes the promise so the click's user activation still holds when the image is ready
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { ok: true };
  } catch (err) {
    if (err instanceof DOMException && err.name === 'NotAllowedError') return { ok: false, unsupported: true };
    return { ok: false, error: `复制图片失败：${err instanceof Error ? err.message : String(err)}` };
  }
}
