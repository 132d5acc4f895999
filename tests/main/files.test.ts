// Saving a file the page made, against a fake electron module: the sender check, the cleaned name and bounded size, the
// save dialog (cancelled, written, failing), and the preload's typed files bridge.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-files-'));
const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn(() => '/home/u/Documents') },
  BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) },
  dialog: { showSaveDialog: vi.fn() },
  ipcMain: { handle: vi.fn() },
  clipboard: { write: vi.fn(async (_items: unknown[]) => undefined) },
  ClipboardItem: class {
    constructor(readonly items: Record<string, Blob>) {}
  },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}));
vi.mock('electron', () => electron);

const { fileHandlers, registerFileHandlers, safeFileName, parseSaveRequest, MAX_SAVE_BYTES } = await import('../../electron/main/files');
const { createFilesBridge } = await import('../../electron/preload/index');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const rendererUrl = 'file:///opt/SalesDesk/resources/app.asar/out/renderer/index.html';
const handlers = fileHandlers(rendererUrl);
const from = (url: string | null) => ({ sender: { id: 7 }, senderFrame: url === null ? null : { url } });
const own = () => from(`${rendererUrl}#/analytics/sales`);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeEach(() => {
  electron.dialog.showSaveDialog.mockReset();
});

describe('file names', () => {
  it('keeps a Chinese name and its allowed extension, adds the first extension otherwise', () => {
    expect(safeFileName('销售分析-按区域-2026年11月.png', ['png'])).toBe('销售分析-按区域-2026年11月.png');
    expect(safeFileName('销售分析-按区域', ['png'])).toBe('销售分析-按区域.png');
    expect(safeFileName('数据.PNG', ['png'])).toBe('数据.PNG');
    expect(safeFileName('数据.exe', ['xlsx'])).toBe('数据.exe.xlsx');
    expect(safeFileName('会议材料.pptx')).toBe('会议材料.pptx');
  });

  it('drops folders, characters Windows refuses, control characters and leading dots; bounds the length', () => {
    expect(safeFileName('..\\..\\evil/name:*?.png', ['png'])).toBe('_.._evil_name___.png');
    expect(safeFileName('a\u0000b\nc', ['png'])).toBe('a_b_c.png');
    expect(safeFileName('   ', ['png'])).toBe('文件.png');
    expect(safeFileName('a'.repeat(300), ['xlsx'])).toHaveLength(125);
  });
});

describe('the save request', () => {
  it('refuses a missing name, no bytes, empty or oversized bytes, and bad extensions, before any dialog', async () => {
    const cases: Array<[unknown, string]> = [
      [null, '文件名无效'],
      [{ data: png }, '文件名无效'],
      [{ fileName: 'x'.repeat(501), data: png }, '文件名无效'],
      [{ fileName: 'a.png', data: 'iVBOR' }, '文件内容无效'],
      [{ fileName: 'a.png', data: [1, 2] }, '文件内容无效'],
      [{ fileName: 'a.png', data: new Uint8Array(0) }, '文件内容为空'],
      [{ fileName: 'a.png', data: new Uint8Array(MAX_SAVE_BYTES + 1) }, '文件超过 64 MB，不能保存'],
      [{ fileName: 'a.png', data: png, extensions: ['../png'] }, '文件扩展名无效'],
      [{ fileName: 'a.png', data: png, extensions: 'png' }, '文件扩展名无效'],
      [{ fileName: 'a.png', data: png, filterName: 7 }, '文件类型名称无效'],
    ];
    for (const [raw, error] of cases) {
      await expect(handlers.save(own(), raw)).resolves.toEqual({ ok: false, error });
    }
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('cleans the name by the extensions it is given', () => {
    expect(parseSaveRequest({ fileName: 'x/y', data: png, extensions: ['PNG'] })).toMatchObject({
      ok: true,
      value: { fileName: 'x_y.png', extensions: ['png'] },
    });
  });
});

describe('the files channel', () => {
  it('registers the save and copy-image handlers', () => {
    registerFileHandlers(rendererUrl);
    expect(electron.ipcMain.handle.mock.calls.map((c) => c[0])).toEqual(['salesdesk:files-save', 'salesdesk:files-copy-image']);
  });

  it('refuses senders other than the app page without opening a dialog', async () => {
    for (const url of [null, 'https://evil.example/', 'file:///tmp/other.html', 'about:blank', 'devtools://devtools/x']) {
      await expect(handlers.save(from(url), { fileName: 'a.png', data: png })).resolves.toMatchObject({
        ok: false,
        error: expect.stringContaining('拒绝'),
      });
    }
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('writes the bytes where the save dialog says, and nothing when it is cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const req = { fileName: '销售分析-按区域', data: png, filterName: 'PNG 图片', extensions: ['png'] };
    await expect(handlers.save(own(), req)).resolves.toEqual({ ok: false, canceled: true });
    const [owner, options] = electron.dialog.showSaveDialog.mock.calls[0]!;
    expect(owner).toEqual({ id: 1 });
    expect(options).toMatchObject({
      defaultPath: path.join('/home/u/Documents', '销售分析-按区域.png'),
      filters: [{ name: 'PNG 图片', extensions: ['png'] }],
    });
    expect(fs.readdirSync(tmp)).toEqual([]);

    const target = path.join(tmp, 'chart.png');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(handlers.save(own(), req)).resolves.toEqual({ ok: true, path: target });
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(png);
  });

  it('turns a failing write into an outcome, not a rejection', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(tmp, 'no-such-dir', 'x.png') });
    const outcome = await handlers.save(own(), { fileName: 'x.png', data: png });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/^保存文件失败：/);
  });
});

describe('copying an image', () => {
  const bigPng = new Uint8Array([...png, 4, 5, 6, 7]);

  it('puts a PNG the app page sent on the clipboard', async () => {
    electron.clipboard.write.mockReset();
    await expect(handlers.copyImage(own(), { data: bigPng })).resolves.toEqual({ ok: true });
    const [item] = electron.clipboard.write.mock.calls[0]![0] as Array<{ items: Record<string, Blob> }>;
    expect(Object.keys(item!.items)).toEqual(['image/png']);
    expect(new Uint8Array(await item!.items['image/png']!.arrayBuffer())).toEqual(bigPng);
  });

  it('refuses other senders and bytes that are not a PNG, touching nothing; a failing write is an outcome', async () => {
    electron.clipboard.write.mockReset();
    await expect(handlers.copyImage(from('https://evil.example/'), { data: bigPng })).resolves.toMatchObject({ ok: false });
    await expect(handlers.copyImage(own(), { data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) })).resolves.toEqual({
      ok: false,
      error: '不是 PNG 图片',
    });
    await expect(handlers.copyImage(own(), { data: 'x' })).resolves.toEqual({ ok: false, error: '不是 PNG 图片' });
    expect(electron.clipboard.write).not.toHaveBeenCalled();
    electron.clipboard.write.mockRejectedValueOnce(new Error('busy'));
    await expect(handlers.copyImage(own(), { data: bigPng })).resolves.toEqual({ ok: false, error: '复制图片失败：busy' });
  });
});

describe('the preload files bridge', () => {
  it('sends only the plain fields on its channel and passes the outcome back', async () => {
    const invoke = vi.fn(async () => ({ ok: true, path: '/home/u/Documents/a.png' }));
    const bridge = createFilesBridge(invoke);
    expect(Object.isFrozen(bridge)).toBe(true);
    await expect(bridge.save({ fileName: 'a.png', data: png, extensions: ['png'] })).resolves.toEqual({
      ok: true,
      path: '/home/u/Documents/a.png',
    });
    expect(invoke).toHaveBeenCalledWith('salesdesk:files-save', {
      fileName: 'a.png',
      data: png,
      filterName: undefined,
      extensions: ['png'],
    });
  });

  it('turns an unreadable answer or a failing invoke into an outcome', async () => {
    await expect(createFilesBridge(async () => 'x').save({ fileName: 'a', data: png })).resolves.toMatchObject({ ok: false });
    await expect(
      createFilesBridge(async () => {
        throw new Error('gone');
      }).save({ fileName: 'a', data: png }),
    ).resolves.toEqual({ ok: false, error: '与主进程通信失败：gone' });
  });
});
