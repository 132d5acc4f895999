// ImportPage (the wizard) and ExportButton against the fake core: template download, file → mapping → preview →
// commit, the mode switch, errors blocking the commit until accepted, and the export download.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '@/api';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import ImportPage from '@/views/import/ImportPage.vue';
import ExportButton from '@/components/ExportButton.vue';
import type { ImportPreview } from '@shared/contract';
import { fakeCore, type Handler } from './fakeCore';

const fields: ImportPreview['fields'] = [
  { key: 'code', label: '客户编码', required: false },
  { key: 'name', label: '客户名称', required: true },
  { key: 'phone', label: '电话', required: false },
  { key: 'regionId', label: '所属区域', required: false },
];

/** A preview as the core gives it, honouring an explicit mapping of the file's "公司" column. */
function previewFor(input: { mapping?: Array<{ header: string; field: string | null }>; mode: string }): ImportPreview {
  const company = input.mapping?.find((m) => m.header === '公司')?.field ?? null;
  const mapping = [
    { header: '公司', field: company },
    { header: '电话', field: 'phone' },
    { header: '所属区域', field: 'regionId' },
  ];
  const named = company === 'name';
  return {
    headers: mapping.map((m) => m.header),
    mapping,
    fields,
    counts: named
      ? {
          total: 3,
          new: input.mode === 'update' ? 1 : 1,
          update: input.mode === 'update' ? 1 : 0,
          skip: input.mode === 'update' ? 0 : 1,
          error: 1,
        }
      : { total: 3, new: 0, update: 0, skip: 0, error: 3 },
    rows: [
      {
        rowNumber: 4,
        status: 'error',
        values: { name: '火星贸易', phone: '', regionId: '火星' },
        errors: [
          {
            column: '所属区域',
            field: 'regionId',
            message: '找不到区域「火星」',
            reasonCode: 'refMissing',
            params: { noun: '区域', value: '火星' },
          },
        ],
      },
      { rowNumber: 2, status: 'new', values: { name: '甲商店', phone: '138 0000 1111', regionId: '南京市' }, errors: [] },
      {
        rowNumber: 3,
        status: input.mode === 'update' ? 'update' : 'skip',
        values: { name: '乙商店', phone: '', regionId: '' },
        errors: [],
      },
    ],
    truncated: false,
  };
}

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'import.template': (inp: { entity: string }) => ({ fileName: `${inp.entity}模板.xlsx`, base64: 'UEsDBA==', rowCount: 1 }),
    'import.preview': previewFor,
    'import.commit': () => ({ created: 1, updated: 0, skipped: 1, rejected: 1 }),
    'import.errorFile': (inp: { lang: string }) => ({
      fileName: inp.lang === 'en' ? '客户 - rows with errors.xlsx' : '客户-错误行.xlsx',
      base64: 'UEsDBA==',
      rowCount: 1,
    }),
    ...extra,
  };
}

let wrapper: VueWrapper | undefined;
let clicked: Array<{ download: string; href: string }> = [];

async function mountPage(entity?: string) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(entity ? `/import?entity=${entity}` : '/import');
  await router.isReady();
  wrapper = mount(ImportPage, { props: { entity }, global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { w: wrapper, router };
}

async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await flushPromises();
}

/** Picks a file in the el-upload, the way the browser's file dialog does. */
async function chooseFile(w: VueWrapper, file: File) {
  const input = w.find('[data-test="import-upload"] input[type="file"]').element as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  // FileReader finishes on a later tick
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 10));
    await flushPromises();
  }
}

function optionsOf(select: Element): HTMLElement[] {
  const listId = select.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
  return Array.from(document.getElementById(listId)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item') ?? []);
}
async function pickOption(select: Element, text: string) {
  await click(select.querySelector('.el-select__wrapper'));
  await click(optionsOf(select).find((o) => o.textContent?.trim().startsWith(text)));
}

const csvFile = () => new File(['公司,电话,所属区域\n甲商店,138 0000 1111,南京市\n'], '客户.csv', { type: 'text/csv' });

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  clicked = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.href });
  });
  if (!URL.createObjectURL) (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:fake';
  if (!URL.revokeObjectURL) (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('ImportPage', () => {
  it('starts on the entity from the route and downloads that entity’s template', async () => {
    const core = fakeCore(handlers());
    const { w } = await mountPage('dealers');
    const checked = w.find('[data-test="import-entity-dealers"]');
    expect(checked.classes()).toContain('is-checked');
    expect(w.findAll('[data-test^="import-entity-"]').map((e) => e.text())).toEqual([
      expect.stringContaining('客户'),
      expect.stringContaining('经销商'),
      expect.stringContaining('产品'),
      expect.stringContaining('业务员'),
      expect.stringContaining('区域'),
      expect.stringContaining('期初应收'),
      expect.stringContaining('销售单'),
      expect.stringContaining('回款'),
    ]);
    await click(w.find('[data-test="import-template"]').element);
    expect(core.of('import.template').map((c) => c.input)).toEqual([{ entity: 'dealers' }]);
    expect(clicked).toEqual([{ download: 'dealers模板.xlsx', href: expect.stringMatching(/^blob:/) }]);
    expect(core.rejected).toEqual([]);
  });

  it('file → mapping (required field missing) → preview with errors first → commit after accepting errors → summary', async () => {
    const core = fakeCore(handlers());
    const { w, router } = await mountPage('customers');
    await click(w.find('[data-test="import-next"]').element);
    await chooseFile(w, csvFile());

    const first = core.of('import.preview')[0]!.input;
    expect(first).toEqual({
      entity: 'customers',
      fileName: '客户.csv',
      base64: btoa(unescape(encodeURIComponent('公司,电话,所属区域\n甲商店,138 0000 1111,南京市\n'))),
      mode: 'skip',
    });

    // the 公司 column was not recognised and 客户名称 is required: the mapping step, with the gap highlighted
    expect(w.find('[data-test="step-mapping"]').exists()).toBe(true);
    expect(w.find('[data-test="import-missing"]').text()).toContain('客户名称');
    const rows = w.findAll('[data-test="import-mapping-table"] .el-table__body-wrapper tr.el-table__row');
    expect(rows.map((r) => r.text())).toEqual([
      expect.stringContaining('公司'),
      expect.stringContaining('电话'),
      expect.stringContaining('所属区域'),
    ]);
    await pickOption(document.querySelector('[data-test="mapping-0"]')!.closest('.el-select')!, '客户名称');
    expect(w.find('[data-test="import-missing"]').exists()).toBe(false);
    await click(w.find('[data-test="import-apply-mapping"]').element);

    expect(core.of('import.preview').at(-1)!.input.mapping).toEqual([
      { header: '公司', field: 'name' },
      { header: '电话', field: 'phone' },
      { header: '所属区域', field: 'regionId' },
    ]);
    expect(w.find('[data-test="step-preview"]').exists()).toBe(true);
    expect(w.find('[data-test="count-total"]').text()).toContain('3');
    expect(w.find('[data-test="count-new"]').text()).toContain('1');
    expect(w.find('[data-test="count-error"]').text()).toContain('1');
    const tableRows = w.findAll('[data-test="import-preview-table"] .el-table__body-wrapper tr.el-table__row');
    expect(tableRows[0]!.text()).toContain('4');
    expect(tableRows[0]!.text()).toContain('错误');
    expect(tableRows[0]!.find('[data-test="row-error"]').text()).toBe('所属区域：找不到区域「火星」');
    expect(tableRows[1]!.text()).toContain('甲商店');
    expect(w.find('[data-test="import-summary"]').text()).toBe('将新增 1 行，1 行编码已存在，将跳过，1 行有错误，未写入任何数据。');

    // the error rows as a file to fix in Excel
    await click(w.find('[data-test="import-error-file"]').element);
    expect(core.of('import.errorFile').map((c) => c.input)).toEqual([
      expect.objectContaining({ entity: 'customers', fileName: '客户.csv', mode: 'skip', lang: 'zh', mapping: expect.any(Array) }),
    ]);
    expect(clicked).toEqual([{ download: '客户-错误行.xlsx', href: expect.stringMatching(/^blob:/) }]);

    // errors block the commit until the user accepts importing only the good rows
    const commitBtn = () => w.find('[data-test="import-commit"]');
    expect(commitBtn().attributes('disabled')).toBeDefined();
    expect(w.find('[data-test="import-errors-block"]').exists()).toBe(true);
    await click(w.find('[data-test="import-accept-errors"] input').element);
    expect(commitBtn().attributes('disabled')).toBeUndefined();
    await click(commitBtn().element);

    const commit = core.of('import.commit')[0]!.input;
    expect(commit).toMatchObject({ entity: 'customers', fileName: '客户.csv', mode: 'skip', acceptErrors: true });
    expect(commit.mapping).toHaveLength(3);
    const result = w.find('[data-test="import-result"]');
    expect(result.text()).toContain('已新增 1 行，1 行编码已存在，已跳过，1 行有错误，未导入。');
    await click(w.find('[data-test="import-open-list"]').element);
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/customers'), { timeout: 5000 });
    expect(core.rejected).toEqual([]);
  });

  it('in English the reasons, the summaries and the error file are English', async () => {
    i18n.global.locale.value = 'en';
    const core = fakeCore(handlers());
    const { w } = await mountPage('customers');
    await click(w.find('[data-test="import-next"]').element);
    await chooseFile(w, csvFile());
    await pickOption(document.querySelector('[data-test="mapping-0"]')!.closest('.el-select')!, '客户名称');
    await click(w.find('[data-test="import-apply-mapping"]').element);
    expect(w.find('[data-test="row-error"]').text()).toBe('所属区域: No region named "火星"');
    expect(w.find('[data-test="import-summary"]').text()).toBe(
      '1 row will be added, 1 row with existing codes will be skipped, 1 row has errors; nothing has been written.',
    );
    expect(w.find('[data-test="import-error-file"]').text()).toBe('Download the rows with errors (1, Excel, with the reasons)');
    await click(w.find('[data-test="import-error-file"]').element);
    expect(core.of('import.errorFile')[0]!.input).toMatchObject({ lang: 'en' });
    expect(clicked).toEqual([{ download: '客户 - rows with errors.xlsx', href: expect.stringMatching(/^blob:/) }]);
    await click(w.find('[data-test="import-accept-errors"] input').element);
    await click(w.find('[data-test="import-commit"]').element);
    expect(w.find('[data-test="import-result"]').text()).toContain(
      '1 row added, 1 row with existing codes skipped, 1 row has errors and was not imported.',
    );
  });

  it('the mode switch previews again as "update by code"; only-errors filters the table', async () => {
    const core = fakeCore(handlers());
    const { w } = await mountPage('customers');
    await click(w.find('[data-test="import-next"]').element);
    await chooseFile(w, csvFile());
    await pickOption(document.querySelector('[data-test="mapping-0"]')!.closest('.el-select')!, '客户名称');
    await click(w.find('[data-test="import-apply-mapping"]').element);

    await click(w.find('[data-test="mode-update"]').element);
    expect(core.of('import.preview').at(-1)!.input).toMatchObject({ mode: 'update', mapping: expect.any(Array) });
    expect(w.find('[data-test="count-update"]').text()).toContain('1');
    expect(w.text()).toContain('空白的单元格保留原来的值');

    await click(w.find('[data-test="import-only-errors"]').element);
    expect(w.findAll('[data-test="import-preview-table"] .el-table__body-wrapper tr.el-table__row')).toHaveLength(1);
  });

  it('a file the core refuses shows the reason and stays on the file step', async () => {
    const core = fakeCore(
      handlers({
        'import.preview': () => {
          throw { code: 'VALIDATION', message: '不是 Excel 或 CSV 文件（看起来是 PNG 图片），请选择 .xlsx、.xls 或 .csv 文件' };
        },
      }),
    );
    const { w } = await mountPage('customers');
    await click(w.find('[data-test="import-next"]').element);
    await chooseFile(w, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.xlsx'));
    expect(core.of('import.preview')).toHaveLength(1);
    expect(w.find('[data-test="step-file"]').exists()).toBe(true);
    expect(w.find('[data-test="import-file-error"]').text()).toContain('看起来是 PNG 图片');
  });

  it('in English a refused file shows the core’s English text, and only then', async () => {
    const refusal = {
      code: 'VALIDATION',
      message: '不是 Excel 或 CSV 文件（看起来是 PNG 图片），请选择 .xlsx、.xls 或 .csv 文件',
      messageEn: 'Not an Excel or CSV file (it looks like a PNG image); choose an .xlsx, .xls or .csv file',
      field: 'base64',
    } as const;
    fakeCore(
      handlers({
        'import.preview': () => {
          throw refusal;
        },
      }),
    );
    i18n.global.locale.value = 'en';
    const { w } = await mountPage('customers');
    await click(w.find('[data-test="import-next"]').element);
    await chooseFile(w, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.xlsx'));
    expect(w.find('[data-test="import-file-error"]').text()).toBe(refusal.messageEn);

    const english = new ApiError(refusal);
    expect([english.message, english.messageZh, english.field]).toEqual([refusal.messageEn, refusal.message, 'base64']);
    // an error the core says only in Chinese stays Chinese in English mode
    expect(new ApiError({ code: 'NOT_FOUND', message: '客户不存在（编号 9）' }).message).toBe('客户不存在（编号 9）');
    i18n.global.locale.value = 'zh-CN';
    expect(new ApiError(refusal).message).toBe(refusal.message);
  });

  it('a file over the size cap is refused before it is sent', async () => {
    const core = fakeCore(handlers());
    const { w } = await mountPage('customers');
    await click(w.find('[data-test="import-next"]').element);
    await chooseFile(w, new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'huge.xlsx'));
    expect(core.of('import.preview')).toHaveLength(0);
    expect(w.find('[data-test="import-file-error"]').text()).toContain('不能超过 20.0 MB');
  });

  it('a file whose headers all match goes straight to the preview; nothing importable disables the commit', async () => {
    const core = fakeCore(
      handlers({
        'import.preview': () => ({
          headers: ['客户名称'],
          mapping: [{ header: '客户名称', field: 'name' }],
          fields,
          counts: { total: 1, new: 0, update: 0, skip: 1, error: 0 },
          rows: [{ rowNumber: 2, status: 'skip', values: { name: '甲商店' }, errors: [] }],
          truncated: false,
        }),
      }),
    );
    const { w } = await mountPage('customers');
    await click(w.find('[data-test="import-next"]').element);
    await chooseFile(w, csvFile());
    expect(w.find('[data-test="step-preview"]').exists()).toBe(true);
    expect(w.find('[data-test="import-commit"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-test="import-commit"]').text()).toBe('没有可以导入的行');
    expect(core.of('import.commit')).toHaveLength(0);
  });
});

describe('ExportButton', () => {
  it('exports the list as seen and downloads the file under its name', async () => {
    const core = fakeCore({ 'export.xlsx': () => ({ fileName: '客户档案_20261125.xlsx', base64: 'UEsDBA==', rowCount: 1234 }) });
    wrapper = mount(ExportButton, {
      props: { entity: 'customers', filters: () => ({ archived: 'active', grade: ['A'], sort: { field: 'name', order: 'asc' } }) },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await click(wrapper.find('[data-test="export-button"]').element);
    expect(core.of('export.xlsx').map((c) => c.input)).toEqual([
      { entity: 'customers', filters: { archived: 'active', grade: ['A'], sort: { field: 'name', order: 'asc' } } },
    ]);
    expect(core.rejected).toEqual([]);
    expect(clicked).toEqual([{ download: '客户档案_20261125.xlsx', href: expect.stringMatching(/^blob:/) }]);
    expect(document.body.textContent).toContain('已导出 1,234 行');
  });

  it('shows the core’s error and no download', async () => {
    fakeCore({
      'export.xlsx': () => {
        throw { code: 'INTERNAL', message: '导出失败：磁盘已满' };
      },
    });
    wrapper = mount(ExportButton, { props: { entity: 'audit' }, global: { plugins: [i18n] }, attachTo: document.body });
    await click(wrapper.find('[data-test="export-button"]').element);
    expect(clicked).toEqual([]);
    expect(document.body.textContent).toContain('导出失败：磁盘已满');
  });
});
