// Saving files the page made: through the desktop bridge's save dialog (bytes, name, filter), or as a browser download.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanFileName, saveFile } from '@/lib/saveFile';

type WindowWithBridge = Window & { salesdesk?: unknown };

afterEach(() => {
  delete (window as WindowWithBridge).salesdesk;
  vi.restoreAllMocks();
});

describe('saveFile', () => {
  it('in the desktop app sends the bytes of a Blob and the cleaned name to the files bridge and returns its outcome', async () => {
    const save = vi.fn(async () => ({ ok: true, path: 'C:\\Users\\u\\Documents\\a.png' }));
    (window as WindowWithBridge).salesdesk = { files: { save } };
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const outcome = await saveFile({
      fileName: '销售/区域:11月.png',
      mime: 'image/png',
      data: blob,
      filterName: 'PNG 图片',
      extensions: ['png'],
    });
    expect(outcome).toEqual({ ok: true, path: 'C:\\Users\\u\\Documents\\a.png' });
    expect(save).toHaveBeenCalledTimes(1);
    const req = (save.mock.calls[0] as unknown as [{ fileName: string; data: Uint8Array; filterName: string; extensions: string[] }])[0];
    expect(req.fileName).toBe('销售_区域_11月.png');
    expect([...req.data]).toEqual([1, 2, 3]);
    expect(req).toMatchObject({ filterName: 'PNG 图片', extensions: ['png'] });
  });

  it('passes a cancelled dialog back as cancelled', async () => {
    (window as WindowWithBridge).salesdesk = { files: { save: async () => ({ ok: false, canceled: true }) } };
    await expect(saveFile({ fileName: 'a.xlsx', mime: 'application/octet-stream', data: new Uint8Array([1]) })).resolves.toEqual({
      ok: false,
      canceled: true,
    });
  });

  it('in browser mode downloads through a link with the file name and the bytes of the file', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:http://127.0.0.1/x';
    });
    const clicked: Array<{ download: string; href: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const outcome = await saveFile({
      fileName: '会议材料-2026-11.pptx',
      mime: 'application/vnd.ms-powerpoint',
      data: new Uint8Array([9, 8]),
    });
    expect(outcome).toEqual({ ok: true });
    expect(clicked).toEqual([{ download: '会议材料-2026-11.pptx', href: 'blob:http://127.0.0.1/x' }]);
    expect(created[0]!.type).toBe('application/vnd.ms-powerpoint');
    expect([...new Uint8Array(await created[0]!.arrayBuffer())]).toEqual([9, 8]);
    // the link is not left in the page
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('cleans names of folders and characters file systems refuse', () => {
    expect(cleanFileName('../a\\b:c*?.png')).toBe('_a_b_c__.png');
    expect(cleanFileName(' . ')).toBe('文件');
  });
});
