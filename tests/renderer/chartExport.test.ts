// Chart export: the exported image's size and header, file names, the 查看数据 table as an .xlsx whose figures are
// numbers (read back with SheetJS), the caption of the period and filters, and saving files through the desktop
// bridge's save dialog or as a browser download.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { copyImage, cleanFileName, saveFile } from '@/lib/saveFile';
import { exportFileName, imageLayout, sheetCell, sheetName, sheetRows, tableXlsx } from '@/charts/exportImage';
import { seriesTable } from '@/charts/table';
import { captionOf, initialChoice } from '@/views/analytics/analyticsState';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import ChartPanel from '@/components/ChartPanel.vue';

// happy-dom has no canvas: the chart is a fake and the PNG drawing is replaced by bytes naming what it was asked
vi.mock('@/charts/echarts', () => ({
  createChart: () => ({ setOption: () => undefined, on: () => undefined, resize: () => undefined, dispose: () => undefined }),
}));
vi.mock('@/charts/exportImage', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/charts/exportImage')>();
  return {
    ...real,
    chartPng: async (_chart: unknown, title: string, caption?: string) =>
      new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47]), `${title}|${caption ?? ''}`], { type: 'image/png' }),
  };
});

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

describe('the exported image', () => {
  it('is exactly twice the chart wide; the title and caption sit above the chart, which keeps its proportions', () => {
    const l = imageLayout(640, 300, true);
    expect(l.width).toBe(1280);
    expect(l.titleBaseline).toBeLessThan(l.captionBaseline);
    expect(l.captionBaseline).toBeLessThan(l.chartTop);
    expect(l.height).toBe(l.chartTop + 600);
    expect(l.titleFont).toContain('32px');
    expect(l.captionFont).toContain('24px');
  });

  it('without a caption has a shorter header', () => {
    expect(imageLayout(640, 300, false).chartTop).toBeLessThan(imageLayout(640, 300, true).chartTop);
  });

  it('is named by its title and caption, without characters file systems refuse', () => {
    expect(exportFileName('按区域', '2026年11月 · 华东区 · 李娜', 'png')).toBe('按区域-2026年11月-华东区-李娜.png');
    expect(exportFileName('渠道商销售 前10', '', 'xlsx')).toBe('渠道商销售前10.xlsx');
    expect(exportFileName('A/B:客户', '2026-11-01 – 2026-11-20', 'png')).toBe('A_B_客户-2026-11-01–2026-11-20.png');
    expect(exportFileName('', undefined, 'png')).toBe('chart.png');
  });
});

describe('the 查看数据 table as Excel', () => {
  it('reads money, percentages and counts of numeric columns as numbers; text and — stay text or empty', () => {
    expect(sheetCell('¥1,234,567.89', true)).toEqual({ t: 'n', v: 1234567.89, z: '"¥"#,##0.00' });
    expect(sheetCell('-¥0.05', true)).toEqual({ t: 'n', v: -0.05, z: '"¥"#,##0.00' });
    expect(sheetCell('12.3%', true)).toEqual({ t: 'n', v: 0.123, z: '0.0%' });
    expect(sheetCell('+23.5%', true)).toEqual({ t: 'n', v: 0.235, z: '0.0%' });
    expect(sheetCell('-4.0%', true)).toEqual({ t: 'n', v: -0.04, z: '0.0%' });
    expect(sheetCell('12,345', true)).toEqual({ t: 'n', v: 12345, z: '#,##0' });
    expect(sheetCell('—', true)).toBeNull();
    expect(sheetCell('', true)).toBeNull();
    expect(sheetCell('达成', true)).toEqual({ t: 's', v: '达成' });
    // a name column keeps digits as text (a product code, a year)
    expect(sheetCell('2026', false)).toEqual({ t: 's', v: '2026' });
    expect(sheetCell('¥1.00', false)).toEqual({ t: 's', v: '¥1.00' });
  });

  const table = seriesTable(
    '区域',
    ['华东区', '华北区'],
    [
      { name: '销售额', values: [123_456_78, -50], unit: 'fen' },
      { name: '占比', values: [9950, 50], unit: 'bp' },
      { name: '同比', values: [null, -1234], unit: 'bp' },
      { name: '客户数', values: [1234, 5], unit: 'count' },
    ],
  );

  it('puts the title and caption above the header row', () => {
    const rows = sheetRows(table, '按区域', '2026年11月');
    expect(rows[0]).toEqual([{ t: 's', v: '按区域' }]);
    expect(rows[1]).toEqual([{ t: 's', v: '2026年11月' }]);
    expect(rows[3]!.map((c) => c && c.v)).toEqual(['区域', '销售额', '占比', '同比', '客户数']);
    expect(rows).toHaveLength(6);
  });

  it('writes an .xlsx that reads back with the figures as numbers in their formats', async () => {
    const bytes = await tableXlsx(table, '按区域 [11月]', '2026年11月 · 华东区');
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    const book = XLSX.read(bytes, { type: 'array', cellNF: true });
    expect(book.SheetNames).toEqual(['按区域 _11月_']);
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    expect(sheet.A1!.v).toBe('按区域 [11月]');
    expect(sheet.A2!.v).toBe('2026年11月 · 华东区');
    expect(sheet.A4!.v).toBe('区域');
    expect(sheet.A5!.v).toBe('华东区');
    expect(sheet.B5).toMatchObject({ t: 'n', v: 123456.78, z: '"¥"#,##0.00' });
    expect(sheet.B6).toMatchObject({ t: 'n', v: -0.5 });
    expect(sheet.C5).toMatchObject({ t: 'n', v: 0.995, z: '0.0%' });
    expect(sheet.D5).toBeUndefined();
    expect(sheet.D6).toMatchObject({ t: 'n', v: -0.123 });
    expect(sheet.E5).toMatchObject({ t: 'n', v: 1234 });
  });

  it('names sheets as Excel allows', () => {
    expect(sheetName('a/b\\c?*:[x]')).toBe('a_b_c____x_');
    expect(sheetName('长'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Sheet1');
  });
});

describe('the caption of the period and filters', () => {
  const names = {
    region: (id: number) => ({ 3: '华东区' })[id],
    rep: (id: number) => ({ 7: '李娜' })[id],
    team: () => '郑州一组',
    dealer: () => undefined,
    category: (id: number) => ({ 5: '绿茶' })[id],
    channelType: () => '经销商',
  };
  const c = initialChoice(new Date(2026, 10, 20));

  it('says the month, quarter, year or range, then the filters by name', () => {
    expect(captionOf({ ...c, regionId: 3, repId: 7 }, names)).toBe('2026年11月 · 华东区 · 李娜');
    expect(captionOf({ ...c, kind: 'quarter', quarter: 4 }, names)).toBe('2026年第4季度');
    expect(captionOf({ ...c, kind: 'year' }, names)).toBe('2026年');
    expect(captionOf({ ...c, kind: 'custom', from: '2026-11-03', to: '2026-11-20' }, names)).toBe('2026-11-03 – 2026-11-20');
    expect(captionOf({ ...c, teamId: 1, channelType: 'dealer', productCategoryId: 5 }, names)).toBe(
      '2026年11月 · 郑州一组 · 经销商 · 绿茶',
    );
    expect(captionOf({ ...c, regionId: 3 }, names, [], 'en')).toBe('2026-11 · 华东区');
  });

  it('leaves out a filter the dashboard cannot narrow by, and a name not known yet', () => {
    expect(captionOf({ ...c, regionId: 3, productCategoryId: 5 }, names, ['productCategoryId'])).toBe('2026年11月 · 华东区');
    expect(captionOf({ ...c, dealerId: 9 }, names)).toBe('2026年11月');
  });
});

describe('copying an image', () => {
  it('in the desktop app hands the PNG bytes to the bridge', async () => {
    const copy = vi.fn(async () => ({ ok: true }));
    (window as WindowWithBridge).salesdesk = { files: { save: vi.fn(), copyImage: copy } };
    const png = new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' });
    await expect(copyImage(Promise.resolve(png))).resolves.toEqual({ ok: true });
    expect([...(copy.mock.calls[0] as unknown as [{ data: Uint8Array }])[0].data]).toEqual([0x89, 0x50]);
  });

  it('in a browser writes an image/png ClipboardItem, or says it cannot', async () => {
    const written: unknown[] = [];
    class FakeItem {
      constructor(readonly items: Record<string, unknown>) {}
    }
    vi.stubGlobal('ClipboardItem', FakeItem);
    const write = vi.fn(async (items: unknown[]) => void written.push(...items));
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    const png = Promise.resolve(new Blob([new Uint8Array([1])], { type: 'image/png' }));
    await expect(copyImage(png)).resolves.toEqual({ ok: true });
    expect(Object.keys((written[0] as FakeItem).items)).toEqual(['image/png']);
    write.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    await expect(copyImage(png)).resolves.toEqual({ ok: false, unsupported: true });
    vi.unstubAllGlobals();
    vi.stubGlobal('ClipboardItem', undefined);
    await expect(copyImage(png)).resolves.toEqual({ ok: false, unsupported: true });
    vi.unstubAllGlobals();
  });
});

describe('ChartPanel export buttons', () => {
  const table = seriesTable('区域', ['华东区'], [{ name: '销售额', values: [1_000_00], unit: 'fen' }]);
  const mountPanel = (props: Record<string, unknown> = {}) =>
    mount(ChartPanel, {
      props: { title: '按区域', caption: '2026年11月 · 华东区', option: {}, table, testId: 'p', ...props },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });

  it('导出图片 saves the PNG with the title and caption, named after them', async () => {
    const save = vi.fn(async () => ({ ok: true, path: '/d/x.png' }));
    (window as WindowWithBridge).salesdesk = { files: { save, copyImage: vi.fn() } };
    const w = mountPanel();
    await w.find('[data-test="p-png"]').trigger('click');
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const req = (save.mock.calls[0] as unknown as [{ fileName: string; data: Uint8Array; extensions: string[] }])[0];
    expect(req.fileName).toBe('按区域-2026年11月-华东区.png');
    expect(req.extensions).toEqual(['png']);
    expect(new TextDecoder().decode(req.data.slice(4))).toBe('按区域|2026年11月 · 华东区');
    w.unmount();
  });

  it('导出Excel saves the table as a workbook; 复制图片 hands the image to the clipboard', async () => {
    const save = vi.fn(async () => ({ ok: true }));
    const copy = vi.fn(async () => ({ ok: true }));
    (window as WindowWithBridge).salesdesk = { files: { save, copyImage: copy } };
    const w = mountPanel();
    await w.find('[data-test="p-xlsx"]').trigger('click');
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const req = (save.mock.calls[0] as unknown as [{ fileName: string; data: Uint8Array }])[0];
    expect(req.fileName).toBe('按区域-2026年11月-华东区.xlsx');
    const sheet = XLSX.read(req.data, { type: 'array' }).Sheets['按区域']!;
    expect(sheet.B5).toMatchObject({ t: 'n', v: 1000 });
    await w.find('[data-test="p-copy"]').trigger('click');
    await vi.waitFor(() => expect(copy).toHaveBeenCalledTimes(1));
    w.unmount();
  });

  it('an empty chart cannot be exported as an image; its (empty) table still can', () => {
    const w = mountPanel({ empty: true });
    expect(w.find('[data-test="p-png"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-test="p-copy"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-test="p-xlsx"]').attributes('disabled')).toBeUndefined();
    w.unmount();
  });
});
