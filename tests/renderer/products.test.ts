// ProductList.vue (+ ProductFormDialog, the category tree) against a fake core: list inputs, dialogs, categories, margins.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ElMessageBox } from 'element-plus';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore, type Handler } from './fakeCore';
import ProductList from '@/views/products/ProductList.vue';
import { formatMarginBp, marginBp } from '@/views/products/ProductFormDialog.vue';
import type { ProductCategoryNode, ProductRow } from '@shared/contract';

function category(
  id: number,
  parentId: number | null,
  name: string,
  level: number,
  extra: Partial<ProductCategoryNode> = {},
): ProductCategoryNode {
  // the core sends each category's pinyin and initials
  const pinyin: Record<string, [string, string]> = {
    白酒: ['baijiu', 'bj'],
    酱香型: ['jiangxiangxing', 'jxx'],
    啤酒: ['pijiu', 'pj'],
    酒水: ['jiushui', 'js'],
    饮料: ['yinliao', 'yl'],
  };
  const [full, initials] = pinyin[name] ?? ['', ''];
  return { id, parentId, name, level, sortOrder: 0, productCount: 0, pinyin: full, initials, children: [], ...extra };
}

/** 酒水 › 白酒 › 酱香型, 酒水 › 啤酒, and 饮料. */
function sampleTree(): ProductCategoryNode[] {
  const jiang = category(3, 2, '酱香型', 3, { productCount: 1 });
  const baijiu = category(2, 1, '白酒', 2, { productCount: 2, children: [jiang] });
  const beer = category(4, 1, '啤酒', 2, { productCount: 1, sortOrder: 10 });
  const drinks = category(1, null, '酒水', 1, { productCount: 3, children: [baijiu, beer] });
  const soft = category(5, null, '饮料', 1, { productCount: 1, sortOrder: 10 });
  return [drinks, soft];
}

function product(id: number, sku: string, name: string, extra: Partial<ProductRow> = {}): ProductRow {
  return {
    id,
    sku,
    name,
    spec: '',
    categoryId: null,
    categoryName: null,
    unit: '',
    listPriceFen: 0,
    dealerPriceFen: 0,
    floorPriceFen: 0,
    costFen: 0,
    grossMarginBp: null,
    active: true,
    notes: '',
    updatedAt: '2025-03-01T08:00:00.000Z',
    ...extra,
  };
}

const maotai = product(1, 'P00001', '贵州茅台酒', {
  spec: '53度 500ml',
  categoryId: 3,
  categoryName: '酱香型',
  unit: '瓶',
  listPriceFen: 299_900,
  dealerPriceFen: 269_900,
  floorPriceFen: 279_900,
  costFen: 200_000,
  grossMarginBp: 3331,
  notes: '限量',
});
const tsingtao = product(2, 'P00002', '青岛啤酒经典', {
  spec: '500ml×12瓶',
  categoryId: 4,
  categoryName: '啤酒',
  unit: '箱',
  listPriceFen: 6_000,
  dealerPriceFen: 5_200,
  floorPriceFen: 5_000,
  costFen: 6_200,
  grossMarginBp: -333,
});
const loose = product(3, 'P00003', '散装白酒', { unit: '千克', active: false });

/** A products.list that honours the active scope, the way the real core does. */
function listProducts(inp: { active?: string }) {
  const rows = [maotai, tsingtao, loose].filter((p) => inp.active === 'all' || (inp.active === 'inactive' ? !p.active : p.active));
  return { rows, total: rows.length };
}

function defaultHandlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'products.list': listProducts,
    'productCategories.tree': sampleTree,
    'products.save': (inp: { id?: number; sku: string }) => ({ id: inp.id ?? 99, code: inp.sku || 'P00099' }),
    'productCategories.save': (inp: { id?: number }) => ({ id: inp.id ?? 9 }),
    'productCategories.delete': (inp: { id: number }) => ({ id: inp.id }),
    ...extra,
  };
}

// ---------- mounting and helpers ----------
let wrapper: VueWrapper | undefined;

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/products');
  await router.isReady();
  wrapper = mount(ProductList, { global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await flushPromises();
  return Object.assign(wrapper, { router });
}

type FakeCore = ReturnType<typeof fakeCore>;
const lastList = (core: FakeCore) => core.of('products.list').at(-1)!.input;
const messages = () => Array.from(document.querySelectorAll('.el-message')).map((m) => m.textContent ?? '');
const productForm = () => document.querySelector('[data-test="product-form"]') as HTMLElement | null;
const formInput = (testId: string) => document.querySelector(`[data-test="product-form"] input[data-test="${testId}"]`) as HTMLInputElement;
/** A control inside the product form by its data-test, whatever element carries it. */
const formEl = (testId: string) => document.querySelector(`[data-test="product-form"] [data-test="${testId}"]`) as HTMLElement;
const catInput = (testId: string) => document.querySelector(`[data-test="cat-form"] input[data-test="${testId}"]`) as HTMLInputElement;
const tableRows = (w: VueWrapper) => w.findAll('[data-test="product-table"] .el-table__body-wrapper tr.el-table__row');

async function type(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new FocusEvent('blur'));
  await flushPromises();
}

async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await flushPromises();
}

/** A product without category, unit or any price is saved only after the warning's 仍然保存. */
async function saveAnyway() {
  const button = () => Array.from(document.querySelectorAll('.el-message-box button')).find((b) => b.textContent?.trim() === '仍然保存');
  await vi.waitFor(() => expect(button()).toBeTruthy());
  await click(button());
}

function treeNode(w: VueWrapper, name: string) {
  const node = w.findAll('[data-test="cat-tree"] .el-tree-node').find((n) => n.find('.node-name').text() === name);
  if (!node) throw new Error(`tree node ${name} not rendered`);
  return node;
}

function shown(w: VueWrapper, name: string): boolean {
  const node = w.findAll('[data-test="cat-tree"] .el-tree-node').find((n) => n.find('.node-name').text() === name);
  if (!node) return false;
  for (let el: HTMLElement | null = node.element as HTMLElement; el; el = el.parentElement) {
    if (el.style.display === 'none') return false;
  }
  return true;
}

async function clickNode(w: VueWrapper, name: string) {
  await treeNode(w, name).find('.el-tree-node__content').trigger('click');
  await flushPromises();
}

function optionsOf(select: Element): HTMLElement[] {
  const listId = select.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
  return Array.from(document.getElementById(listId)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item') ?? []);
}

async function pickOption(select: Element, text: string) {
  await click(select.querySelector('.el-select__wrapper'));
  await click(optionsOf(select).find((o) => o.textContent?.trim() === text));
}

function ctrlS() {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
}

async function dialogClosed(testId: string) {
  await vi.waitFor(() =>
    expect((document.querySelector(`[data-test="${testId}"]`)!.closest('.el-overlay') as HTMLElement).style.display).toBe('none'),
  );
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  localStorage.clear();
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('margin formatting', () => {
  it.each([
    [3250, '32.5%'],
    [3827, '38.3%'],
    [3825, '38.3%'],
    [3824, '38.2%'],
    [10_000, '100.0%'],
    [0, '0.0%'],
    [5, '0.1%'],
    [4, '0.0%'],
    [-4, '0.0%'],
    [-333, '-3.3%'],
    [-10_000, '-100.0%'],
    [null, '—'],
  ])('%s bp → %s', (bp, text) => {
    expect(formatMarginBp(bp)).toBe(text);
  });

  it('computes the preview margin in integers as the core does', () => {
    expect(marginBp(1999, 1234)).toBe(3827);
    expect(marginBp(20_000, 1)).toBe(10_000);
    expect(marginBp(20_000, 39_999)).toBe(-10_000);
    expect(marginBp(1_000_000_000_000, 999_950_000_000)).toBe(1);
    expect(marginBp(0, 100)).toBeNull();
  });
});

describe('ProductList', () => {
  it('loads page 1 of 50 products on sale and renders every column, prices in 元 and margins in %', async () => {
    // unit, floor price and cost are hidden by default (so the list fits beside the tree at 1280 px); this user chose them in 列
    localStorage.setItem('salesdesk.columns.products', JSON.stringify({ unit: true, floorPriceFen: true, costFen: true }));
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    expect(core.rejected).toEqual([]);
    expect(core.of('products.list').map((c) => c.input)).toEqual([{ page: 1, pageSize: 50, active: 'active' }]);
    const headers = w.findAll('[data-test="product-table"] th').map((th) => th.text());
    for (const h of ['编码', '名称', '规格', '分类', '单位', '标准售价', '经销价', '最低售价', '成本价', '毛利率', '状态', '操作']) {
      expect(headers).toContain(h);
    }
    const rows = tableRows(w);
    expect(rows).toHaveLength(2);
    const first = rows[0]!.text();
    for (const cell of [
      'P00001',
      '贵州茅台酒',
      '53度 500ml',
      '酱香型',
      '瓶',
      '¥2,999.00',
      '¥2,699.00',
      '¥2,799.00',
      '¥2,000.00',
      '33.3%',
      '在售',
    ]) {
      expect(first).toContain(cell);
    }
    const loss = rows[1]!.find('[data-test="product-margin-cell"]');
    expect(loss.text()).toBe('-3.3%');
    expect(loss.classes()).toContain('loss');
    expect(w.find('[data-test="product-total"]').text()).toContain('2');
    // the tree with rolled-up counts, and 全部产品 as the sum of the top level
    expect(treeNode(w, '酒水').find('.node-count').text()).toBe('3');
    expect(treeNode(w, '白酒').find('.node-count').text()).toBe('2');
    expect(w.find('[data-test="cat-all"]').text()).toContain('4');
    expect(w.find('[data-test="cat-all"]').classes()).toContain('current');
  });

  it('clicking a category filters by it (sub-categories on the server); 全部 and the tag clear it', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    await clickNode(w, '白酒');
    expect(lastList(core)).toEqual({ page: 1, pageSize: 50, active: 'active', categoryId: 2 });
    expect(w.find('[data-test="product-category-tag"]').text()).toContain('酒水 › 白酒');
    expect(treeNode(w, '白酒').classes()).toContain('is-current');
    expect(w.find('[data-test="cat-all"]').classes()).not.toContain('current');

    await w.find('[data-test="cat-all"]').trigger('click');
    await flushPromises();
    expect(lastList(core)).not.toHaveProperty('categoryId');
    expect(w.find('[data-test="product-category-tag"]').exists()).toBe(false);

    await clickNode(w, '酱香型');
    expect(lastList(core).categoryId).toBe(3);
    await w.find('[data-test="product-category-tag"] .el-tag__close').trigger('click');
    await flushPromises();
    expect(lastList(core)).not.toHaveProperty('categoryId');
    expect(core.rejected).toEqual([]);
  });

  it('sends the search, the 在售/停用/全部 scope and the sort to products.list', async () => {
    localStorage.setItem('salesdesk.columns.products', JSON.stringify({ costFen: true }));
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    const search = w.find('input[data-test="product-search"]');
    await search.setValue(' gzmt ');
    await search.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    expect(lastList(core)).toEqual({ page: 1, pageSize: 50, active: 'active', search: 'gzmt' });

    await w.find('[data-test="scope-inactive"] input').setValue(true);
    await flushPromises();
    expect(lastList(core)).toEqual({ page: 1, pageSize: 50, active: 'inactive', search: 'gzmt' });
    expect(tableRows(w)).toHaveLength(1);
    expect(tableRows(w)[0]!.text()).toContain('停用');
    expect(tableRows(w)[0]!.find('[data-test="product-activate"]').exists()).toBe(true);

    await w.find('[data-test="scope-all"] input').setValue(true);
    await flushPromises();
    expect(lastList(core).active).toBe('all');

    const header = (label: string) => w.findAll('[data-test="product-table"] th').find((th) => th.text() === label)!;
    await header('名称').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'name', order: 'asc' });
    await header('分类').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'categoryName', order: 'asc' });
    await header('标准售价').trigger('click');
    await header('标准售价').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'listPriceFen', order: 'desc' });
    await header('成本价').trigger('click');
    await flushPromises();
    expect(lastList(core)).toMatchObject({ sort: { field: 'costFen', order: 'asc' }, page: 1, active: 'all', search: 'gzmt' });
    expect(core.rejected).toEqual([]);
  });

  it('filters the category tree by name or pinyin initials', async () => {
    fakeCore(defaultHandlers());
    const w = await mountView();
    const filter = async (q: string) => {
      await w.find('input[data-test="cat-filter"]').setValue(q);
      await flushPromises();
    };
    await filter('bj');
    expect(shown(w, '白酒')).toBe(true);
    expect(shown(w, '酒水')).toBe(true);
    expect(shown(w, '啤酒')).toBe(false);
    expect(shown(w, '饮料')).toBe(false);
    await filter('yinliao');
    expect(shown(w, '饮料')).toBe(true);
    expect(shown(w, '酒水')).toBe(false);
    await filter('酱香');
    expect(shown(w, '酱香型')).toBe(true);
    expect(shown(w, '啤酒')).toBe(false);
    await filter('');
    expect(shown(w, '啤酒')).toBe(true);
  });

  it('新增产品: the dialog sends the typed fields with prices in fen, in the selected category, then reloads', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();
    await clickNode(w, '啤酒');
    const listCalls = core.of('products.list').length;
    const treeCalls = core.of('productCategories.tree').length;

    await w.find('[data-test="product-add"]').trigger('click');
    await flushPromises();
    expect(productForm()).not.toBeNull();
    await type(formInput('product-name'), ' 燕京啤酒 ');
    await type(formInput('product-spec'), '330ml×24罐');
    await pickOption(formEl('product-unit').closest('.el-select')!, '箱');
    await type(formInput('product-list-price'), '12.5');
    await type(formInput('product-dealer-price'), '¥10');
    await type(formInput('product-floor-price'), '9.90');
    await type(formInput('product-cost'), '７.３５');
    // (1250 − 735) / 1250 = 41.2%
    expect(document.querySelector('[data-test="product-margin"]')!.textContent).toContain('41.2%');
    await click(document.querySelector('button[data-test="product-save"]'));

    expect(core.rejected).toEqual([]);
    expect(core.of('products.save').map((c) => c.input)).toEqual([
      {
        sku: '',
        name: '燕京啤酒',
        spec: '330ml×24罐',
        categoryId: 4,
        unit: '箱',
        listPriceFen: 1250,
        dealerPriceFen: 1000,
        floorPriceFen: 990,
        costFen: 735,
        active: true,
        notes: '',
      },
    ]);
    expect(messages().join()).toContain('已保存');
    await dialogClosed('product-form');
    expect(core.of('products.list').length).toBeGreaterThan(listCalls);
    expect(core.of('productCategories.tree').length).toBeGreaterThan(treeCalls);
  });

  it('picks a category from the path picker and accepts a unit that is not in the list', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();
    await w.find('[data-test="product-add"]').trigger('click');
    await flushPromises();
    await type(formInput('product-name'), '茅台王子酒');

    const categorySelect = document.querySelector('[data-test="product-category"] .el-select')!;
    await click(categorySelect.querySelector('.el-select__wrapper'));
    const listId = categorySelect.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
    const node = Array.from(document.getElementById(listId)!.querySelectorAll<HTMLElement>('.el-select-dropdown__item')).find(
      (n) => n.querySelector('span')?.textContent?.trim() === '酱香型',
    );
    await click(node);

    const unitSelect = formEl('product-unit').closest('.el-select')!;
    await click(unitSelect.querySelector('.el-select__wrapper'));
    const unit = unitSelect.querySelector('input') as HTMLInputElement;
    unit.value = '提';
    unit.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    unit.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    await flushPromises();
    ctrlS();
    await flushPromises();
    await saveAnyway(); // no price yet

    expect(core.rejected).toEqual([]);
    expect(core.of('products.save').at(-1)!.input).toMatchObject({ name: '茅台王子酒', categoryId: 3, unit: '提' });
  });

  it('编辑 opens the product filled in; Ctrl+S sends every field unchanged but the edited one', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    await tableRows(w)[0]!.find('[data-test="product-edit"]').trigger('click');
    await flushPromises();
    expect(formInput('product-sku').value).toBe('P00001');
    expect(formInput('product-name').value).toBe('贵州茅台酒');
    expect(formInput('product-list-price').value).toBe('2999.00');
    expect(formInput('product-cost').value).toBe('2000.00');
    expect(document.querySelector('[data-test="product-margin"]')!.textContent).toContain('33.3%');

    await type(formInput('product-floor-price'), '2888');
    ctrlS();
    await flushPromises();

    expect(core.rejected).toEqual([]);
    expect(core.of('products.save').map((c) => c.input)).toEqual([
      {
        id: 1,
        sku: 'P00001',
        name: '贵州茅台酒',
        spec: '53度 500ml',
        categoryId: 3,
        unit: '瓶',
        listPriceFen: 299_900,
        dealerPriceFen: 269_900,
        floorPriceFen: 288_800,
        costFen: 200_000,
        active: true,
        notes: '限量',
      },
    ]);
  });

  it('checks the prices before saving, and shows a server error under its field and as a toast', async () => {
    const core = fakeCore(
      defaultHandlers({
        'products.save': () => {
          throw { code: 'CONFLICT', message: '产品编码：「P00001」已被产品「贵州茅台酒」使用', field: 'sku' };
        },
      }),
    );
    const w = await mountView();
    await w.find('[data-test="product-add"]').trigger('click');
    await flushPromises();

    await click(document.querySelector('button[data-test="product-save"]'));
    expect(core.of('products.save')).toHaveLength(0);
    await vi.waitFor(() => expect(productForm()!.textContent).toContain('产品名称：必填'));

    await type(formInput('product-name'), '重号产品');
    await type(formInput('product-list-price'), '10');
    await type(formInput('product-floor-price'), '12');
    await type(formInput('product-cost'), '1.2.3');
    await click(document.querySelector('button[data-test="product-save"]'));
    expect(core.of('products.save')).toHaveLength(0);
    await vi.waitFor(() => expect(productForm()!.textContent).toContain('最低售价不能高于标准售价'));
    await vi.waitFor(() => expect(productForm()!.textContent).toContain('成本价：请输入正确的金额'));

    await type(formInput('product-floor-price'), '8');
    await type(formInput('product-cost'), '6');
    await type(formInput('product-sku'), 'P00001');
    await click(document.querySelector('button[data-test="product-save"]'));
    await saveAnyway(); // no category, no unit
    expect(core.of('products.save')).toHaveLength(1);
    expect(core.of('products.save')[0]!.input).toMatchObject({ sku: 'P00001', listPriceFen: 1000, floorPriceFen: 800, costFen: 600 });
    expect(messages().join()).toContain('已被产品「贵州茅台酒」使用');
    await new Promise((r) => setTimeout(r, 150)); // Element Plus shows field errors after a short debounce
    await flushPromises();
    const skuItem = formInput('product-sku').closest('.el-form-item')!;
    expect(skuItem.querySelector('.el-form-item__error')?.textContent).toContain('已被产品');
    expect(formInput('product-name').value).toBe('重号产品');
  });

  it('停用 asks first and saves the product unchanged except active=false; 启用 needs no confirmation', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    await tableRows(w)[1]!.find('[data-test="product-deactivate"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    expect(core.of('products.save').map((c) => c.input)).toEqual([
      {
        id: 2,
        sku: 'P00002',
        name: '青岛啤酒经典',
        spec: '500ml×12瓶',
        categoryId: 4,
        unit: '箱',
        listPriceFen: 6_000,
        dealerPriceFen: 5_200,
        floorPriceFen: 5_000,
        costFen: 6_200,
        active: false,
        notes: '',
      },
    ]);
    expect(messages().join()).toContain('已停用');

    await w.find('[data-test="scope-inactive"] input').setValue(true);
    await flushPromises();
    await tableRows(w)[0]!.find('[data-test="product-activate"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    expect(core.of('products.save').at(-1)!.input).toMatchObject({ id: 3, name: '散装白酒', unit: '千克', active: true });
    expect(core.rejected).toEqual([]);
  });

  it('adds a top-level category and a sub-category; no 新增下级 on the third level', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();
    const treeCalls = core.of('productCategories.tree').length;

    await w.find('[data-test="cat-add-root"]').trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-test="cat-dialog"]')!.textContent).toContain('新增产品分类');
    await type(catInput('cat-name'), ' 调味品 ');
    ctrlS();
    await flushPromises();
    // after the last top-level sibling (sortOrder 10)
    expect(core.of('productCategories.save').map((c) => c.input)).toEqual([{ parentId: null, name: '调味品', sortOrder: 20 }]);
    expect(core.of('productCategories.tree').length).toBe(treeCalls + 1);
    await dialogClosed('cat-form');

    await treeNode(w, '白酒').find('[data-test="cat-add-child"]').trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-test="cat-dialog"]')!.textContent).toContain('新增「白酒」的下级分类');
    await type(catInput('cat-name'), '浓香型');
    await click(document.querySelector('button[data-test="cat-save"]'));
    expect(core.of('productCategories.save').at(-1)!.input).toEqual({ parentId: 2, name: '浓香型', sortOrder: 10 });

    expect(treeNode(w, '酱香型').find('[data-test="cat-add-child"]').exists()).toBe(false);
    expect(treeNode(w, '白酒').find('[data-test="cat-add-child"]').exists()).toBe(true);
    expect(core.rejected).toEqual([]);
  });

  it('edits a category (rename, keep parent) and reloads the list; shows a server error on the name', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();
    const listCalls = core.of('products.list').length;

    await treeNode(w, '啤酒').find('[data-test="cat-rename"]').trigger('click');
    await flushPromises();
    expect(catInput('cat-name').value).toBe('啤酒');
    await type(catInput('cat-name'), '啤酒饮品');
    await click(document.querySelector('button[data-test="cat-save"]'));
    expect(core.of('productCategories.save').map((c) => c.input)).toEqual([{ id: 4, parentId: 1, name: '啤酒饮品', sortOrder: 10 }]);
    expect(core.of('products.list').length).toBe(listCalls + 1);
    // renaming does not filter the list
    expect(lastList(core)).not.toHaveProperty('categoryId');
    await dialogClosed('cat-form');

    fakeCore(
      defaultHandlers({
        'productCategories.save': () => {
          throw { code: 'CONFLICT', message: '名称：「酒水」下已有分类「白酒」', field: 'name' };
        },
      }),
    );
    await treeNode(w, '啤酒').find('[data-test="cat-rename"]').trigger('click');
    await flushPromises();
    await type(catInput('cat-name'), '白酒');
    await click(document.querySelector('button[data-test="cat-save"]'));
    expect(messages().join()).toContain('已有分类「白酒」');
    await new Promise((r) => setTimeout(r, 150));
    await flushPromises();
    expect(document.querySelector('[data-test="cat-form"] .el-form-item__error')?.textContent).toContain('已有分类');
  });

  it('in the parent picker, a category cannot move under itself or below the third level', async () => {
    fakeCore(defaultHandlers());
    const w = await mountView();
    await treeNode(w, '白酒').find('[data-test="cat-rename"]').trigger('click');
    await flushPromises();
    const select = document.querySelector('[data-test="cat-parent"] .el-select')!;
    await click(select.querySelector('.el-select__wrapper'));
    const listId = select.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
    const disabled = (name: string) => {
      const content = Array.from(document.getElementById(listId)!.querySelectorAll<HTMLElement>('.el-tree-node')).find(
        (n) => n.querySelector('.el-tree-node__content')?.textContent?.trim() === name,
      )!;
      return content.querySelector('.el-select-dropdown__item')!.classList.contains('is-disabled');
    };
    // 白酒 has a child: it may sit only under a top-level category
    expect(disabled('酒水')).toBe(false);
    expect(disabled('饮料')).toBe(false);
    expect(disabled('啤酒')).toBe(true);
    expect(disabled('白酒')).toBe(true);
    expect(disabled('酱香型')).toBe(true);
  });

  it('deletes a category after confirming; a refusal is shown as a toast', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    let tree = sampleTree();
    const core = fakeCore(
      defaultHandlers({
        'productCategories.tree': () => tree,
        'productCategories.delete': (inp: { id: number }) => {
          if (inp.id === 2) throw { code: 'CONFLICT', message: '分类「白酒」下还有 1 个下级分类，请先删除或移走下级分类', field: 'id' };
          tree = sampleTree().filter((n) => n.id !== inp.id);
          return { id: inp.id };
        },
      }),
    );
    const w = await mountView();

    await treeNode(w, '白酒').find('[data-test="cat-delete"]').trigger('click');
    await flushPromises();
    expect(messages().join()).toContain('下还有 1 个下级分类');

    await clickNode(w, '饮料');
    expect(lastList(core).categoryId).toBe(5);
    await treeNode(w, '饮料').find('[data-test="cat-delete"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(core.of('productCategories.delete').map((c) => c.input)).toEqual([{ id: 2 }, { id: 5 }]);
    expect(messages().join()).toContain('已删除');
    expect(shown(w, '饮料')).toBe(false);
    // the deleted category no longer filters the list
    expect(lastList(core)).not.toHaveProperty('categoryId');
  });

  it('offers import and export of the list as filtered', async () => {
    fakeCore(defaultHandlers());
    const w = await mountView();
    expect(w.find('[data-test="product-import"]').exists()).toBe(true);
    await w.find('[data-test="product-import"]').trigger('click');
    await flushPromises();
    // the import page loads lazily: give a busy machine time
    await vi.waitFor(() => expect(w.router.currentRoute.value.fullPath).toBe('/import?entity=products'), { timeout: 10_000 });
  });
});
