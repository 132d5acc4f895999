// Pickers by keyboard, the same everywhere: path search (full pinyin, path initials), Enter picks the only match and
// moves on, Enter opens a closed empty picker, a filter with no match survives ↓ and Enter, full paths are shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '@/i18n';
import { matchesPath } from '@/format';
import { useLookupsStore } from '@/stores/lookups';
import { fakeCore } from './fakeCore';
import PickerHarness from './fixtures/PickerHarness.vue';
import type { ProductCategoryNode, RegionNode } from '@shared/contract';

const seg = (name: string, initials: string, pinyin: string) => ({ name, initials, pinyin });
const zhengzhou = [seg('华中', 'hz', 'huazhong'), seg('河南省', 'hns', 'henansheng'), seg('郑州市', 'zzs', 'zhengzhoushi')];
const luoyang = [seg('华中', 'hz', 'huazhong'), seg('河南省', 'hns', 'henansheng'), seg('洛阳市', 'lys', 'luoyangshi')];
const kaifa = seg('开发区片区', 'kfqpq', 'kaifaqupianqu');

describe('path search', () => {
  it('reads the query as prefixes of consecutive levels ending at the node', () => {
    expect(matchesPath('zzkfq', [...zhengzhou, kaifa])).toBe(true);
    expect(matchesPath('zzkfq', [...luoyang, kaifa])).toBe(false);
    expect(matchesPath('hnzzkfqpq', [...zhengzhou, kaifa])).toBe(true);
    expect(matchesPath('zhengzhoukaifa', [...zhengzhou, kaifa])).toBe(true);
    expect(matchesPath('郑州 开发区', [...zhengzhou, kaifa])).toBe(true);
    expect(matchesPath('kfq', [...luoyang, kaifa])).toBe(true);
    // levels must be consecutive and end at the node itself: 河南省 + 开发区 skips 郑州市, 郑州 alone is the parent
    expect(matchesPath('hnkfq', [...zhengzhou, kaifa])).toBe(false);
    expect(matchesPath('hnzzkfq', [...zhengzhou, kaifa])).toBe(true);
    expect(matchesPath('zz', [...zhengzhou, kaifa])).toBe(false);
    expect(matchesPath('zz', zhengzhou)).toBe(true);
  });
});

function region(
  id: number,
  parentId: number | null,
  name: string,
  level: number,
  initials: string,
  pinyin: string,
  children: RegionNode[] = [],
): RegionNode {
  return { id, parentId, name, code: `R${id}`, level, sortOrder: 0, customerCount: 0, initials, pinyin, children };
}
// 华中 › 河南省 › {郑州市, 洛阳市} › 开发区片区 each: the leaf alone is ambiguous
function regionTree(): RegionNode[] {
  const zzKfq = region(5, 3, '开发区片区', 4, 'kfqpq', 'kaifaqupianqu');
  const lyKfq = region(6, 4, '开发区片区', 4, 'kfqpq', 'kaifaqupianqu');
  const zz = region(3, 2, '郑州市', 3, 'zzs', 'zhengzhoushi', [zzKfq]);
  const ly = region(4, 2, '洛阳市', 3, 'lys', 'luoyangshi', [lyKfq]);
  return [region(1, null, '华中', 1, 'hz', 'huazhong', [region(2, 1, '河南省', 2, 'hns', 'henansheng', [zz, ly])])];
}
const categories: ProductCategoryNode[] = [
  {
    id: 1,
    parentId: null,
    name: '酒水',
    level: 1,
    sortOrder: 0,
    productCount: 0,
    pinyin: 'jiushui',
    initials: 'js',
    children: [
      { id: 2, parentId: 1, name: '白酒', level: 2, sortOrder: 0, productCount: 0, pinyin: 'baijiu', initials: 'bj', children: [] },
    ],
  },
];
const rep = (id: number, name: string, initials: string, pinyin: string) => ({
  id,
  code: `R00${id}`,
  name,
  phone: '',
  teamId: null,
  teamName: null,
  supervisorId: null,
  supervisorName: null,
  hireDate: null,
  active: true,
  regionIds: [],
  regionNames: [],
  regionPaths: [],
  customerCount: 0,
  initials,
  pinyin,
});

let wrapper: VueWrapper;
const field = (name: string) => wrapper.find<HTMLInputElement>(`input[data-test="${name}"], [data-test="${name}"] input`).element;
const values = () => JSON.parse(wrapper.find('[data-test="values"]').text()) as Record<string, unknown>;
const key = (el: HTMLElement, k: string) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: k, bubbles: true, cancelable: true }));
async function type(el: HTMLInputElement, text: string) {
  el.focus();
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
  await new Promise((r) => setTimeout(r, 20));
  await flushPromises();
}
const optionTexts = () => Array.from(document.querySelectorAll('.el-select-dropdown__item')).map((o) => o.textContent?.trim());

async function mountHarness() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const lookups = useLookupsStore();
  lookups.regions = regionTree();
  lookups.reps = [rep(1, '张伟', 'zw', 'zhangwei'), rep(2, '张薇薇', 'zww', 'zhangweiwei'), rep(3, '李娜', 'ln', 'lina')];
  wrapper = mount(PickerHarness, { props: { categories }, global: { plugins: [pinia, i18n] }, attachTo: document.body });
  await flushPromises();
}

describe('pickers by keyboard', () => {
  beforeEach(() => {
    fakeCore({
      'regions.tree': () => regionTree(),
      'customers.list': (input: { search?: string }) => ({
        rows: input.search === 'bjhz' ? [{ id: 9, code: 'C000009', name: '北京华众商贸有限公司', regionName: '朝阳区' }] : [],
        total: 0,
      }),
    });
  });
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
  });

  it('path initials find 郑州市 › 开发区片区 only; Enter picks the only match, stores the id, shows the path and moves on', async () => {
    await mountHarness();
    const input = field('region');
    await type(input, 'zzkfq');
    expect(optionTexts()).toEqual(['华中 › 河南省 › 郑州市 › 开发区片区']);
    key(input, 'Enter');
    await vi.waitFor(() => expect(values().regionId).toBe(5));
    await vi.waitFor(() => expect(document.activeElement).toBe(field('category')));
    expect(wrapper.find('[data-test="region"]').text()).toContain('华中 › 河南省 › 郑州市 › 开发区片区');
  });

  it('full pinyin of the path finds the region too', async () => {
    await mountHarness();
    const input = field('region');
    await type(input, 'luoyangkaifa');
    expect(optionTexts()).toEqual(['华中 › 河南省 › 洛阳市 › 开发区片区']);
    key(input, 'Enter');
    await vi.waitFor(() => expect(values().regionId).toBe(6));
  });

  it('rep picker: full pinyin, Enter takes the first match', async () => {
    await mountHarness();
    const input = field('rep');
    await type(input, 'lina');
    key(input, 'Enter');
    await vi.waitFor(() => expect(values().repId).toBe(3));
    await vi.waitFor(() => expect(document.activeElement).toBe(field('customer')));
  });

  it('a category filter with no match survives ↓ and Enter, and the cursor stays in the picker', async () => {
    await mountHarness();
    const input = field('category');
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    await type(input, 'xyz');
    expect(optionTexts()).toEqual([]);
    expect(() => key(input, 'ArrowDown')).not.toThrow();
    await flushPromises();
    expect(() => key(input, 'Enter')).not.toThrow();
    await flushPromises();
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    expect(values().categoryId).toBeNull();
    expect(document.activeElement).toBe(input);
    // the next keystrokes still land in the category picker and can find a category
    await type(input, 'bj');
    expect(optionTexts()).toEqual(['酒水 › 白酒']);
    key(input, 'Enter');
    await vi.waitFor(() => expect(values().categoryId).toBe(2));
  });

  it('Enter on a closed empty picker opens it; Enter again without choosing moves on and picks nothing', async () => {
    await mountHarness();
    const input = field('region');
    input.focus();
    key(input, 'Enter');
    await flushPromises();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(input);
    key(input, 'Enter');
    await flushPromises();
    expect(document.activeElement).toBe(field('category'));
    expect(values().regionId).toBeNull();
  });

  it('Enter on a picker that has a value moves on and keeps the value', async () => {
    await mountHarness();
    const input = field('rep');
    await type(input, 'zhangweiwei');
    key(input, 'Enter');
    await vi.waitFor(() => expect(values().repId).toBe(2));
    input.focus();
    await flushPromises();
    key(input, 'Enter');
    await flushPromises();
    expect(document.activeElement).toBe(field('customer'));
    expect(values().repId).toBe(2);
  });

  it('customer picker searches the server and Enter picks the only match', async () => {
    await mountHarness();
    const input = field('customer');
    await type(input, 'bjhz');
    await vi.waitFor(() => expect(optionTexts().join()).toContain('北京华众商贸有限公司'), { timeout: 3000 });
    key(input, 'Enter');
    await vi.waitFor(() => expect(values().customerId).toBe(9));
    await vi.waitFor(() => expect(document.activeElement).toBe(field('after')));
  });
});
