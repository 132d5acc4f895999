// RegionTree.vue against a fake core: tree rendering, pinyin filter, save/delete round-trips and error display.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ElMessageBox } from 'element-plus';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore } from './fakeCore';
import RegionTree from '@/views/regions/RegionTree.vue';
import { type RegionNode } from '@shared/contract';

function region(
  id: number,
  parentId: number | null,
  name: string,
  level: number,
  initials: string,
  extra: Partial<RegionNode> = {},
): RegionNode {
  return { id, parentId, name, code: '', level, sortOrder: 0, customerCount: 0, initials, children: [], ...extra };
}

/** 华东 › 江苏省 › 南京市 › 鼓楼片区, plus 浙江省 › 杭州市 and a second top-level 华北. */
function sampleTree(): RegionNode[] {
  const gulou = region(4, 3, '鼓楼片区', 4, 'glpq', { customerCount: 2 });
  const nanjing = region(3, 2, '南京市', 3, 'njs', { code: '025', customerCount: 5, children: [gulou] });
  const jiangsu = region(2, 1, '江苏省', 2, 'jss', { code: 'JS', customerCount: 5, children: [nanjing] });
  const hangzhou = region(6, 5, '杭州市', 3, 'hzs', { customerCount: 1 });
  const zhejiang = region(5, 1, '浙江省', 2, 'zjs', { code: 'ZJ', sortOrder: 10, customerCount: 1, children: [hangzhou] });
  const huadong = region(1, null, '华东', 1, 'hd', { code: 'HD', customerCount: 6, children: [jiangsu, zhejiang] });
  const huabei = region(7, null, '华北', 1, 'hb', { code: 'HB', sortOrder: 10 });
  return [huadong, huabei];
}

// ---------- mounting ----------
let wrapper: VueWrapper | undefined;

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/regions');
  await router.isReady();
  wrapper = mount(RegionTree, { global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** The tree node element whose own label is `name`. */
function treeNode(w: VueWrapper, name: string) {
  const node = w.findAll('.el-tree-node').find((n) => n.find('.node-name').text() === name);
  if (!node) throw new Error(`tree node ${name} not rendered`);
  return node;
}

/** A node is shown when neither it nor any ancestor tree node is display:none. */
function shown(w: VueWrapper, name: string): boolean {
  const node = w.findAll('.el-tree-node').find((n) => n.find('.node-name').text() === name);
  if (!node) return false;
  for (let el: HTMLElement | null = node.element as HTMLElement; el; el = el.parentElement) {
    if (el.style.display === 'none') return false;
  }
  return true;
}

async function typeFilter(w: VueWrapper, query: string) {
  await w.find('[data-test="region-filter"]').setValue(query);
  await flushPromises();
}

async function clickNode(w: VueWrapper, name: string) {
  await treeNode(w, name).find('.el-tree-node__content').trigger('click');
  await flushPromises();
}

function ctrlS() {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
}

const input = (w: VueWrapper, testId: string) => w.find(`[data-test="${testId}"]`).element as HTMLInputElement;
const button = (w: VueWrapper, testId: string) => w.find(`button[data-test="${testId}"]`);
const messages = () => Array.from(document.querySelectorAll('.el-message')).map((m) => m.textContent ?? '');

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('RegionTree', () => {
  it('renders the tree with level tags and customer counts, two levels open', async () => {
    const core = fakeCore({ 'regions.tree': sampleTree });
    const w = await mountView();

    expect(core.of('regions.tree')).toHaveLength(1);
    const huadong = treeNode(w, '华东');
    expect(huadong.find('.node-level').text()).toBe('大区');
    expect(huadong.find('.node-count').text()).toBe('6');
    const jiangsu = treeNode(w, '江苏省');
    expect(jiangsu.find('.node-level').text()).toBe('省');
    expect(jiangsu.find('.node-count').text()).toBe('5');
    expect(shown(w, '华北')).toBe(true);
    expect(shown(w, '江苏省')).toBe(true);
    expect(shown(w, '浙江省')).toBe(true);
    // cities stay folded until asked for
    expect(shown(w, '南京市')).toBe(false);
    // nothing selected yet: no form, only the hint; 新增下级 needs a selection
    expect(w.find('[data-test="region-form"]').exists()).toBe(false);
    expect(w.text()).toContain('在左侧选择一个区域进行编辑');
    expect(button(w, 'region-add-child').attributes('disabled')).toBeDefined();
  });

  it('filters by pinyin initials, name and code, keeping the ancestors of matches', async () => {
    fakeCore({ 'regions.tree': sampleTree });
    const w = await mountView();

    await typeFilter(w, 'nj');
    expect(shown(w, '南京市')).toBe(true);
    expect(shown(w, '江苏省')).toBe(true);
    expect(shown(w, '华东')).toBe(true);
    expect(shown(w, '浙江省')).toBe(false);
    expect(shown(w, '杭州市')).toBe(false);
    expect(shown(w, '华北')).toBe(false);

    await typeFilter(w, '浙江');
    expect(shown(w, '浙江省')).toBe(true);
    expect(shown(w, '江苏省')).toBe(false);

    await typeFilter(w, 'hb');
    expect(shown(w, '华北')).toBe(true);
    expect(shown(w, '华东')).toBe(false);

    // by code
    await typeFilter(w, '025');
    expect(shown(w, '南京市')).toBe(true);
    expect(shown(w, '浙江省')).toBe(false);

    await typeFilter(w, '');
    expect(shown(w, '华北')).toBe(true);
    expect(shown(w, '浙江省')).toBe(true);
  });

  it('selecting a node fills the form; Ctrl+S saves it, reloads the tree and keeps the selection', async () => {
    let tree = sampleTree();
    const core = fakeCore({
      'regions.tree': () => tree,
      'regions.save': (inp: { id: number; name: string; code: string }) => {
        tree = sampleTree();
        const js = tree[0]!.children[0]!;
        js.name = inp.name;
        js.code = inp.code;
        return { id: inp.id, code: inp.code };
      },
    });
    const w = await mountView();

    await clickNode(w, '江苏省');
    expect(input(w, 'region-name').value).toBe('江苏省');
    expect(input(w, 'region-code').value).toBe('JS');
    expect(w.find('[data-test="region-level"]').text()).toBe('省');
    expect(w.find('[data-test="region-customers"]').text()).toBe('5');
    expect(button(w, 'region-add-child').attributes('disabled')).toBeUndefined();

    await w.find('[data-test="region-name"]').setValue('江苏');
    await w.find('[data-test="region-code"]').setValue(' JS2 ');
    ctrlS();
    await flushPromises();

    expect(core.rejected).toEqual([]);
    expect(core.of('regions.save').map((c) => c.input)).toEqual([{ id: 2, parentId: 1, name: '江苏', code: 'JS2', sortOrder: 0 }]);
    // reloaded after the save, so pickers and the tree show the new name
    expect(core.of('regions.tree')).toHaveLength(2);
    expect(treeNode(w, '江苏').exists()).toBe(true);
    // still editing the same region, and it is the highlighted node
    expect(input(w, 'region-name').value).toBe('江苏');
    expect(treeNode(w, '江苏').classes()).toContain('is-current');
    expect(messages().join()).toContain('已保存');
  });

  it('新增下级 creates a child of the selected region and then selects it', async () => {
    let tree = sampleTree();
    const core = fakeCore({
      'regions.tree': () => tree,
      'regions.save': (inp: { name: string; code: string; parentId: number }) => {
        tree = sampleTree();
        tree[0]!.children[0]!.children[0]!.children.push(region(9, inp.parentId, inp.name, 4, 'jypq'));
        return { id: 9, code: inp.code };
      },
    });
    const w = await mountView();

    await clickNode(w, '华东');
    await typeFilter(w, 'njs');
    await clickNode(w, '南京市');
    await button(w, 'region-add-child').trigger('click');
    await flushPromises();
    expect(w.text()).toContain('新增「南京市」的下级');
    expect(input(w, 'region-name').value).toBe('');
    expect(w.find('[data-test="region-level"]').text()).toBe('片区');
    expect(w.find('[data-test="region-delete"]').exists()).toBe(false);

    await w.find('[data-test="region-name"]').setValue('江宁片区');
    await button(w, 'region-save').trigger('click');
    await flushPromises();

    expect(core.rejected).toEqual([]);
    // sortOrder: after the existing sibling 鼓楼片区 (0)
    expect(core.of('regions.save').map((c) => c.input)).toEqual([{ parentId: 3, name: '江宁片区', code: '', sortOrder: 10 }]);
    expect(input(w, 'region-name').value).toBe('江宁片区');
    expect(treeNode(w, '江宁片区').classes()).toContain('is-current');
    // 片区 is the lowest level: no further children
    expect(button(w, 'region-add-child').attributes('disabled')).toBeDefined();
  });

  it('新增区域 creates a top-level region', async () => {
    const core = fakeCore({ 'regions.tree': sampleTree, 'regions.save': () => ({ id: 20, code: 'XN' }) });
    const w = await mountView();

    await button(w, 'region-add-root').trigger('click');
    await flushPromises();
    await w.find('[data-test="region-name"]').setValue('西南');
    await w.find('[data-test="region-code"]').setValue('XN');
    ctrlS();
    await flushPromises();
    expect(core.of('regions.save').map((c) => c.input)).toEqual([{ parentId: null, name: '西南', code: 'XN', sortOrder: 20 }]);
  });

  it('Enter moves from field to field', async () => {
    fakeCore({ 'regions.tree': sampleTree });
    const w = await mountView();

    await clickNode(w, '江苏省');
    const name = input(w, 'region-name');
    name.focus();
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(input(w, 'region-code'));
  });

  it('does not call the server when the name is blank', async () => {
    const core = fakeCore({ 'regions.tree': sampleTree, 'regions.save': () => ({ id: 20, code: '' }) });
    const w = await mountView();

    await button(w, 'region-add-root').trigger('click');
    await button(w, 'region-save').trigger('click');
    await flushPromises();
    expect(core.of('regions.save')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 150)); // the error text appears after Element Plus' debounce
    await flushPromises();
    expect(w.find('.el-form-item__error').text()).toContain('区域名称');
  });

  it('shows the server error message and keeps the form as typed', async () => {
    const core = fakeCore({
      'regions.tree': sampleTree,
      'regions.save': () => {
        throw { code: 'CONFLICT', message: '名称：同一上级下已有区域「浙江省」', field: 'name' };
      },
    });
    const w = await mountView();

    await clickNode(w, '江苏省');
    await w.find('[data-test="region-name"]').setValue('浙江省');
    await button(w, 'region-save').trigger('click');
    await flushPromises();

    expect(core.of('regions.save')).toHaveLength(1);
    expect(messages().join()).toContain('名称：同一上级下已有区域「浙江省」');
    expect(input(w, 'region-name').value).toBe('浙江省');
    expect(core.of('regions.tree')).toHaveLength(1);
  });

  it('deletes after confirmation, reloads and selects the parent', async () => {
    let tree = sampleTree();
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const core = fakeCore({
      'regions.tree': () => tree,
      'regions.delete': (inp: { id: number }) => {
        tree = sampleTree();
        tree[0]!.children.pop();
        return { id: inp.id };
      },
    });
    const w = await mountView();

    await clickNode(w, '浙江省');
    await button(w, 'region-delete').trigger('click');
    await flushPromises();

    expect(confirm).toHaveBeenCalledOnce();
    expect(String(confirm.mock.calls[0]![0])).toContain('浙江省');
    expect(core.of('regions.delete').map((c) => c.input)).toEqual([{ id: 5 }]);
    expect(core.of('regions.tree')).toHaveLength(2);
    expect(w.findAll('.node-name').map((n) => n.text())).not.toContain('浙江省');
    expect(input(w, 'region-name').value).toBe('华东');
    expect(treeNode(w, '华东').classes()).toContain('is-current');
  });

  it('does not delete when the confirmation is cancelled, and shows a refused delete', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel');
    const core = fakeCore({
      'regions.tree': sampleTree,
      'regions.delete': () => {
        throw { code: 'CONFLICT', message: '区域「江苏省」下还有 1 个下级区域，不能删除', field: 'id' };
      },
    });
    const w = await mountView();

    await clickNode(w, '江苏省');
    await button(w, 'region-delete').trigger('click');
    await flushPromises();
    expect(core.of('regions.delete')).toHaveLength(0);

    confirm.mockResolvedValueOnce('confirm' as never);
    await button(w, 'region-delete').trigger('click');
    await flushPromises();
    expect(core.of('regions.delete')).toHaveLength(1);
    expect(messages().join()).toContain('区域「江苏省」下还有 1 个下级区域，不能删除');
    expect(input(w, 'region-name').value).toBe('江苏省');
  });
});
