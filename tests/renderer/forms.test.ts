// The shared form mechanism, seen from the forms a clerk uses: Enter selects what is in the next field, numbers out of
// range are refused (never clamped), unsaved changes are guarded, the first field has the cursor whenever a form opens,
// a new table row gets the cursor, a product without category / unit / price is saved only after a warning.
/* eslint-disable vue/one-component-per-file -- a bare router-view stands in for the app shell */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h, nextTick } from 'vue';
import { RouterView } from 'vue-router';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore, type Handler } from './fakeCore';
import RepFormDialog from '@/views/reps/RepFormDialog.vue';
import ProductFormDialog from '@/views/products/ProductFormDialog.vue';

const settle = async (ms = 150) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
const enter = (el: Element) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
const input = (w: VueWrapper, name: string) => w.find<HTMLInputElement>(`input[data-test="${name}"], [data-test="${name}"] input`).element;
const box = () => document.querySelector<HTMLElement>('.el-message-box');
const boxButton = (text: string) =>
  Array.from(document.querySelectorAll<HTMLButtonElement>('.el-message-box button')).find((b) => b.textContent?.trim() === text);

const detail = {
  id: 7,
  code: 'C000007',
  name: '上海恒通食品有限公司',
  shortName: '恒通',
  type: 'retail',
  regionId: null,
  regionName: null,
  regionPath: [],
  address: '',
  phone: '021-55556666',
  industry: '',
  scale: null,
  source: null,
  repId: null,
  repName: '张伟',
  dealerId: null,
  dealerName: null,
  grade: 'B',
  lifecycle: 'repeat',
  creditLimitFen: 5000000,
  paymentTermDays: 60,
  tags: [],
  notes: '',
  contacts: [],
  archived: false,
  archivedAt: null,
  mergedIntoId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

let wrapper: VueWrapper;
// the app's pages load lazily and this machine may be slow: the route tests get room
const SLOW = 120_000;

/** The app's routes in a router-view, at `path`: the form is mounted as the app mounts it. */
async function mountAt(path: string, handlers: Record<string, Handler> = {}) {
  const core = fakeCore({ 'customers.tags': () => [], 'customers.list': () => ({ rows: [], total: 0 }), ...handlers });
  const router: Router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  const App = defineComponent({ render: () => h(RouterView) });
  wrapper = mount(App, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="customer-form"]').exists()).toBe(true), { timeout: 10_000 });
  return Object.assign(core, { router });
}

describe('forms: keyboard entry', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
    i18n.global.locale.value = 'zh-CN';
  });

  it('Enter (or Tab, or a click) into a prefilled field selects its content, so typing replaces it', async () => {
    await mountAt('/customers/new');
    const credit = input(wrapper, 'f-credit');
    credit.focus();
    expect(credit.value).toBe('0.00');
    expect([credit.selectionStart, credit.selectionEnd]).toEqual([0, 4]);
    enter(credit);
    const terms = input(wrapper, 'f-terms');
    expect(document.activeElement).toBe(terms);
    expect(terms.value).toBe('30');
    expect([terms.selectionStart, terms.selectionEnd]).toEqual([0, 2]);
  });

  it('refuses a payment term over 365 with a message and keeps what was typed (no clamping), in both languages', async () => {
    const core = await mountAt('/customers/new', { 'customers.findDuplicates': () => [], 'customers.save': () => ({ id: 8, code: 'C8' }) });
    const w = wrapper;
    await w.find('input[data-test="f-name"]').setValue('郑州佳美超市');
    await w.find('input[data-test="f-terms"]').setValue('3045');
    await w.find('[data-test="customer-save"]').trigger('click');
    await settle();
    await vi.waitFor(() => expect(w.text()).toContain('账期(天)不能超过 365'));
    expect(input(w, 'f-terms').value).toBe('3045');
    expect(core.of('customers.save')).toHaveLength(0);

    i18n.global.locale.value = 'en';
    await w.find('input[data-test="f-terms"]').setValue('-5');
    await w.find('[data-test="customer-save"]').trigger('click');
    await settle();
    await vi.waitFor(() => expect(w.text()).toContain('Terms (days) cannot be less than 0'));
    await w.find('input[data-test="f-terms"]').setValue('3x');
    await w.find('[data-test="customer-save"]').trigger('click');
    await settle();
    await vi.waitFor(() => expect(w.text()).toContain('Terms (days): enter a whole number'));
    expect(core.of('customers.save')).toHaveLength(0);

    i18n.global.locale.value = 'zh-CN';
    await w.find('input[data-test="f-terms"]').setValue('45');
    await w.find('input[data-test="f-credit"]').setValue('50000');
    await w.find('[data-test="customer-save"]').trigger('click');
    await vi.waitFor(() => expect(core.of('customers.save')).toHaveLength(1));
    expect(core.of('customers.save')[0]!.input).toMatchObject({ paymentTermDays: 45, creditLimitFen: 5000000 });
  });

  it('refuses an amount that is not one, or over 100 亿元, naming the field', async () => {
    const core = await mountAt('/customers/new', { 'customers.findDuplicates': () => [], 'customers.save': () => ({ id: 8, code: 'C8' }) });
    await wrapper.find('input[data-test="f-name"]').setValue('郑州佳美超市');
    await wrapper.find('input[data-test="f-credit"]').setValue('0.0050000');
    await wrapper.find('[data-test="customer-save"]').trigger('click');
    await settle();
    await vi.waitFor(() => expect(wrapper.text()).toContain('信用额度(元)：请输入正确的金额'));
    await wrapper.find('input[data-test="f-credit"]').setValue('20000000000');
    await wrapper.find('[data-test="customer-save"]').trigger('click');
    await settle();
    await vi.waitFor(() => expect(wrapper.text()).toContain('信用额度(元)不能超过 ¥10,000,000,000.00'));
    expect(core.of('customers.save')).toHaveLength(0);
  });

  it('a new contact row gets the cursor in its first cell', async () => {
    await mountAt('/customers/new');
    await wrapper.find('[data-test="add-contact"]').trigger('click');
    await vi.waitFor(() => expect(document.activeElement).toBe(input(wrapper, 'c-name-0')));
    await wrapper.find('[data-test="add-contact"]').trigger('click');
    await vi.waitFor(() => expect(document.activeElement).toBe(input(wrapper, 'c-name-1')));
  });
});

describe('forms: the cursor is in the first field whenever a form opens', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
  });

  it('new customer: at once on mount, and again after leaving and coming back', { timeout: SLOW }, async () => {
    const { router } = await mountAt('/customers/new');
    expect(document.activeElement).toBe(input(wrapper, 'f-name'));
    await router.push('/customers');
    await settle();
    await router.push('/customers/new');
    await vi.waitFor(() => expect(wrapper.find('[data-test="customer-form"]').exists()).toBe(true), { timeout: 10_000 });
    expect(document.activeElement).toBe(input(wrapper, 'f-name'));
  });

  it('edit: typed before the record arrives is kept, the rest is filled, the cursor stays put', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const arrived = new Promise((r) => (answer = r));
    fakeCore({ 'customers.tags': () => [] });
    const router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/customers/7/edit');
    await router.isReady();
    // the record arrives only when the test says so: the clerk types in the meantime
    const { setTransport } = await import('@/api');
    setTransport(async (method) => {
      if (method === 'customers.get') return { ok: true, data: await arrived };
      return { ok: true, data: [] };
    });
    wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
      global: { plugins: [createPinia(), router, i18n] },
      attachTo: document.body,
    });
    await vi.waitFor(() => expect(wrapper.find('[data-test="customer-form"]').exists()).toBe(true), { timeout: 10_000 });
    const name = input(wrapper, 'f-name');
    expect(document.activeElement).toBe(name);
    await wrapper.find('input[data-test="f-name"]').setValue('上海恒通食品股份有限公司');
    answer(detail);
    await settle();
    expect(input(wrapper, 'f-name').value).toBe('上海恒通食品股份有限公司');
    expect(input(wrapper, 'f-phone').value).toBe('021-55556666');
    expect(input(wrapper, 'f-terms').value).toBe('60');
    expect(document.activeElement).toBe(name);
  });

  it('a dialog form: every time it opens, before its opening animation ends', async () => {
    fakeCore({ 'regions.tree': () => [], 'teams.list': () => [], 'reps.list': () => ({ rows: [], total: 0 }) });
    wrapper = mount(RepFormDialog, {
      props: { modelValue: false, rep: null },
      global: { plugins: [createPinia(), i18n] },
      attachTo: document.body,
    });
    for (let round = 0; round < 2; round++) {
      await wrapper.setProps({ modelValue: true });
      await nextTick();
      const name = document.querySelector<HTMLInputElement>('input[data-test="rep-name"]');
      expect(document.activeElement).toBe(name);
      await settle(50); // the focus trap starting does not take the cursor away
      expect(document.activeElement).toBe(name);
      await wrapper.setProps({ modelValue: false });
      (document.activeElement as HTMLElement | null)?.blur();
      await settle(50);
    }
  });
});

describe('forms: unsaved changes are never lost silently', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
  });

  it('leaving an unchanged form does not ask', { timeout: SLOW }, async () => {
    const { router } = await mountAt('/customers/new');
    await router.push('/customers');
    await settle();
    expect(box()).toBeNull();
    expect(router.currentRoute.value.fullPath).toBe('/customers');
  });

  it('leaving a changed form by route asks 放弃未保存的修改？ with 继续编辑 focused; discarding leaves', { timeout: SLOW }, async () => {
    const { router } = await mountAt('/customers/new');
    await wrapper.find('input[data-test="f-name"]').setValue('郑州佳美超市');
    void router.push('/customers');
    await vi.waitFor(() => expect(box()?.textContent).toContain('放弃未保存的修改？'));
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('继续编辑'));
    boxButton('继续编辑')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/customers/new');
    expect(input(wrapper, 'f-name').value).toBe('郑州佳美超市');

    void router.push('/customers');
    await vi.waitFor(() => expect(boxButton('放弃修改')).toBeTruthy());
    boxButton('放弃修改')!.click();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers'), { timeout: 20_000 });
  });

  it('取消 on a changed form asks too', { timeout: SLOW }, async () => {
    const { router } = await mountAt('/customers/new');
    await wrapper.find('input[data-test="f-phone"]').setValue('0371-66668888');
    const cancel = wrapper.findAll('button').find((b) => b.text() === '取消')!;
    await cancel.trigger('click');
    await vi.waitFor(() => expect(box()?.textContent).toContain('放弃未保存的修改？'));
    boxButton('继续编辑')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/customers/new');
  });

  it('a dialog form asks on 取消 only when something changed', async () => {
    fakeCore({ 'regions.tree': () => [], 'teams.list': () => [], 'reps.list': () => ({ rows: [], total: 0 }) });
    wrapper = mount(RepFormDialog, {
      props: { modelValue: true, rep: null },
      global: { plugins: [createPinia(), i18n] },
      attachTo: document.body,
    });
    await settle(50);
    const cancel = document.querySelector<HTMLButtonElement>('[data-test="rep-cancel"]')!;
    cancel.click();
    await settle(50);
    expect(box()).toBeNull();
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);

    const name = document.querySelector<HTMLInputElement>('input[data-test="rep-name"]')!;
    name.value = '赵敏';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    cancel.click();
    await vi.waitFor(() => expect(box()?.textContent).toContain('放弃未保存的修改？'));
    boxButton('继续编辑')!.click();
    await settle(50);
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);
  });

  it(
    'possible duplicates open in a drawer beside the form, with rep and region; the save question has 取消 focused',
    { timeout: SLOW },
    async () => {
      const core = await mountAt('/customers/new', {
        'customers.findDuplicates': () => [
          { id: 7, code: 'C000007', name: '上海恒通食品有限公司', phone: '021-55556666', archived: false, reason: 'phone' },
        ],
        'customers.get': () => ({ ...detail, regionPath: ['华东', '上海市', '浦东新区'] }),
        'customers.save': () => ({ id: 8, code: 'C8' }),
      });
      await wrapper.find('input[data-test="f-name"]').setValue('恒通食品');
      await wrapper.find('input[data-test="f-phone"]').setValue('021-55556666');
      await wrapper.find('input[data-test="f-phone"]').trigger('blur');
      await vi.waitFor(() => expect(wrapper.find('[data-test="duplicate-show"]').exists()).toBe(true));
      await wrapper.find('[data-test="duplicate-show"]').trigger('click');
      await vi.waitFor(() => {
        const line = document.querySelector('[data-test="duplicate-line"]')?.textContent ?? '';
        expect(line).toContain('C000007');
        expect(line).toContain('张伟');
        expect(line).toContain('华东 › 上海市 › 浦东新区');
      });
      expect(core.router.currentRoute.value.fullPath).toBe('/customers/new');

      await wrapper.find('[data-test="customer-save"]').trigger('click');
      await vi.waitFor(() => expect(box()?.textContent).toContain('可能重复的客户'));
      await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('取消'));
      boxButton('取消')!.click();
      await settle();
      expect(core.of('customers.save')).toHaveLength(0);
    },
  );
});

describe('forms: a product without category, unit or price', () => {
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
  });

  it('is saved only after 仍然保存; 返回填写 is the focused answer', async () => {
    const core = fakeCore({ 'products.save': () => ({ id: 3, code: 'P3' }) });
    wrapper = mount(ProductFormDialog, {
      props: { modelValue: true, product: null, categories: [] },
      global: { plugins: [createPinia(), i18n] },
      attachTo: document.body,
    });
    await settle(50);
    const name = document.querySelector<HTMLInputElement>('input[data-test="product-name"]')!;
    expect(document.activeElement).toBe(name);
    name.value = '飞天茅台';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[data-test="product-save"]')!.click();
    await vi.waitFor(() => expect(box()?.textContent).toContain('尚未填写：分类、单位、任何价格'));
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('返回填写'));
    boxButton('返回填写')!.click();
    await settle();
    expect(core.of('products.save')).toHaveLength(0);

    document.querySelector<HTMLButtonElement>('[data-test="product-save"]')!.click();
    await vi.waitFor(() => expect(boxButton('仍然保存')).toBeTruthy());
    boxButton('仍然保存')!.click();
    await vi.waitFor(() => expect(core.of('products.save')).toHaveLength(1));
  });
});
