// The list-page block as a clerk drives it: columns chosen and remembered, ↑ / ↓ and Enter, Enter in the search box,
// Alt+N for 新增 — on the real customer list against the fake core.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { h, KeepAlive, ref } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import CustomerList from '@/views/customers/CustomerList.vue';
import { customerListState, freshState } from '@/views/customers/listState';
import { lastCurrentId } from '@/composables/listKeyboard';
import { listRegionPath } from '@/components/list/regionPath';
import { firstPage } from '@/components/list/firstPage';
import type { CustomerListRow } from '@shared/contract';
import { fakeCore } from './fakeCore';
import { setTransport } from '@/api';
import { LOADING_DELAY_MS } from '@/composables/pagedList';

const row = (id: number, name: string, regionPath: string[] = []): CustomerListRow => ({
  id,
  code: `C${String(id).padStart(6, '0')}`,
  name,
  shortName: '',
  type: 'retail',
  regionId: regionPath.length ? 100 + id : null,
  regionName: regionPath.at(-1) ?? null,
  regionPath,
  repId: null,
  repName: '张伟',
  dealerId: null,
  dealerName: null,
  phone: '0371-66668888',
  primaryContact: '李雷',
  grade: 'B',
  lifecycle: 'repeat',
  creditLimitFen: 0,
  paymentTermDays: 30,
  tags: [],
  archived: false,
  updatedAt: '2026-11-25T00:00:00.000Z',
});

const three = [
  row(11, '郑州华联超市', ['华中大区', '河南省', '郑州市', '开发区片区']),
  row(12, '洛阳百货大楼', ['华中大区', '河南省', '洛阳市', '开发区片区']),
  row(13, '河南省直供客户', ['华中大区', '河南省']),
];

let wrapper: VueWrapper | undefined;
let router: Router;
let pushes: ReturnType<typeof vi.spyOn>;

function core(rowsFor: (search: string | undefined) => CustomerListRow[] = () => three) {
  return fakeCore({
    'customers.tags': () => [],
    'customers.list': (input) => {
      const rows = rowsFor(input.search);
      return { rows, total: rows.length };
    },
  });
}

async function mountList() {
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/customers');
  await router.isReady();
  pushes = vi.spyOn(router, 'push');
  wrapper = mount(CustomerList, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const headers = (w: VueWrapper) => w.findAll('[data-test="customer-table"] th').map((th) => th.text());
const bodyRows = (w: VueWrapper) => w.findAll('[data-test="customer-table"] .el-table__body-wrapper tr.el-table__row');
const currentIndex = (w: VueWrapper) => bodyRows(w).findIndex((r) => r.classes().includes('current-row'));

/** The chooser builds its checkboxes when it opens (not with every list page): wait for them. */
async function openChooser(w: VueWrapper) {
  await w.find('[data-test="customer-columns"]').trigger('click');
  await vi.waitFor(() => expect(w.find('[data-test="customer-columns-panel"]').exists()).toBe(true), { timeout: 5_000, interval: 20 });
}

/** Routes load their page lazily: wait for the navigation to land. */
const routeIs = (path: string) =>
  vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(path), { timeout: 10_000, interval: 20 });

function key(target: Element, init: KeyboardEventInit) {
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  return flushPromises();
}

beforeEach(() => {
  setActivePinia(createPinia());
  Object.assign(customerListState, freshState());
  i18n.global.locale.value = 'zh-CN';
  localStorage.clear();
  lastCurrentId.clear();
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('regions in lists', () => {
  it('show the path from the city down; a region above city level shows its own name', () => {
    expect(listRegionPath(['华中大区', '河南省', '郑州市', '开发区片区'])).toBe('郑州市›开发区片区');
    expect(listRegionPath(['华中大区', '河南省', '郑州市'])).toBe('郑州市');
    expect(listRegionPath(['华中大区', '河南省'])).toBe('河南省');
    expect(listRegionPath(['华中大区'])).toBe('华中大区');
    expect(listRegionPath([])).toBe('');
  });

  it('the customer list tells two 开发区片区 apart, with the full path on hover', async () => {
    core();
    const w = await mountList();
    const cells = bodyRows(w).map((r) => r.findAll('td')[2]!);
    expect(cells.map((c) => c.text())).toEqual(['郑州市›开发区片区', '洛阳市›开发区片区', '河南省']);
    expect(cells[0]!.find('span[title]').attributes('title')).toBe('华中大区 › 河南省 › 郑州市 › 开发区片区');
  });
});

describe('column chooser', () => {
  it('shows the default columns, hides and adds columns, and remembers the choice for the next visit', async () => {
    core();
    let w = await mountList();
    const defaults = headers(w);
    for (const h of ['客户编码', '客户名称', '所属区域', '业务员', '电话', '等级', '生命周期', '信用额度(元)', '操作'])
      expect(defaults).toContain(h);
    for (const h of ['简称', '客户类型', '主联系人', '账期(天)', '标签']) expect(defaults).not.toContain(h);

    await openChooser(w);
    // the name and the actions cannot be hidden
    expect(w.find('[data-test="column-name"] input').attributes('disabled')).toBeDefined();
    await w.find('[data-test="column-phone"] input').setValue(false);
    await w.find('[data-test="column-tags"] input').setValue(true);
    await flushPromises();
    expect(headers(w)).not.toContain('电话');
    expect(headers(w)).toContain('标签');
    expect(JSON.parse(localStorage.getItem('salesdesk.columns.customers')!)).toEqual({ phone: false, tags: true });

    // leave and come back: the same columns
    w.unmount();
    w = await mountList();
    expect(headers(w)).not.toContain('电话');
    expect(headers(w)).toContain('标签');

    // 恢复默认 forgets the choice
    await openChooser(w);
    await w.find('[data-test="columns-reset"]').trigger('click');
    await flushPromises();
    expect(headers(w)).toContain('电话');
    expect(headers(w)).not.toContain('标签');
    expect(localStorage.getItem('salesdesk.columns.customers')).toBeNull();
  });

  it('a damaged stored choice falls back to the defaults', async () => {
    localStorage.setItem('salesdesk.columns.customers', '{not json');
    core();
    const w = await mountList();
    expect(headers(w)).toContain('电话');
    expect(headers(w)).not.toContain('标签');
  });
});

describe('keyboard', () => {
  it('↓ / ↑ move the current row and Enter opens it, from the table or the page', async () => {
    core();
    const w = await mountList();
    const panel = w.find('[data-test="customer-panel"]').element as HTMLElement;
    panel.focus();
    expect(document.activeElement).toBe(panel);
    await key(panel, { key: 'ArrowDown' });
    expect(currentIndex(w)).toBe(0);
    await key(panel, { key: 'ArrowDown' });
    await key(panel, { key: 'ArrowDown' });
    await key(panel, { key: 'ArrowDown' }); // stays on the last row
    expect(currentIndex(w)).toBe(2);
    await key(panel, { key: 'ArrowUp' });
    expect(currentIndex(w)).toBe(1);
    await key(panel, { key: 'Enter' });
    await routeIs('/customers/12');
  });

  it('the current row is still current after a trip to its detail page and back', async () => {
    core();
    let w = await mountList();
    (document.activeElement as HTMLElement | null)?.blur();
    await key(document.body, { key: 'ArrowDown' });
    await key(document.body, { key: 'ArrowDown' });
    await key(document.body, { key: 'Enter' });
    await routeIs('/customers/12');
    w.unmount();
    w = await mountList();
    expect(currentIndex(w)).toBe(1);
  });

  it('keys typed in a filter or on a button are theirs, not the table’s', async () => {
    core();
    const w = await mountList();
    const panel = w.find('[data-test="customer-panel"]').element as HTMLElement;
    panel.focus();
    await key(panel, { key: 'ArrowDown' });
    const filter = w.find('.f-tag input').element as HTMLInputElement;
    filter.focus();
    await key(filter, { key: 'ArrowDown' });
    await key(filter, { key: 'Enter' });
    expect(currentIndex(w)).toBe(0);
    const reset = w.find('[data-test="customer-reset"]').element as HTMLButtonElement;
    reset.focus();
    await key(reset, { key: 'Enter' });
    expect(pushes).not.toHaveBeenCalled();
  });

  it('Enter in the search box opens the only hit, and searches again when there are several', async () => {
    const c = core((search) => (search === 'zzhl' ? [three[0]!] : three));
    const w = await mountList();
    const search = w.find('input[data-test="customer-search"]');
    await search.setValue('hnbh');
    await search.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    expect(c.of('customers.list').at(-1)!.input).toMatchObject({ search: 'hnbh', page: 1 });
    expect(pushes).not.toHaveBeenCalled();

    await search.setValue('zzhl');
    await search.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    expect(c.of('customers.list').at(-1)!.input).toMatchObject({ search: 'zzhl', page: 1 });
    await routeIs('/customers/11');
  });

  it('↓ in the search box picks a row, and Enter then opens that row instead of searching', async () => {
    const c = core();
    const w = await mountList();
    const search = w.find('input[data-test="customer-search"]');
    (search.element as HTMLInputElement).focus();
    await key(search.element, { key: 'ArrowDown' });
    await key(search.element, { key: 'ArrowDown' });
    expect(currentIndex(w)).toBe(1);
    const calls = c.of('customers.list').length;
    await search.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    await routeIs('/customers/12');
    expect(c.of('customers.list')).toHaveLength(calls);
  });

  it('Alt+N starts a new customer from anywhere on the page, and the button says so', async () => {
    core();
    const w = await mountList();
    expect(w.find('[data-test="customer-new"]').attributes('title')).toBe('新增客户（Alt+N）');
    expect(w.find('[data-test="customer-new"]').attributes('aria-keyshortcuts')).toBe('Alt+N');
    const search = w.find('input[data-test="customer-search"]').element as HTMLInputElement;
    search.focus();
    await key(search, { key: 'n', code: 'KeyN', ctrlKey: true });
    expect(pushes).not.toHaveBeenCalled();
    await key(search, { key: '˜', code: 'KeyN', altKey: true });
    await routeIs('/customers/new');
  });

  it('Alt+N in a dialog belongs to the dialog', async () => {
    core();
    await mountList();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const input = document.createElement('input');
    dialog.appendChild(input);
    document.body.appendChild(dialog);
    input.focus();
    await key(input, { key: 'n', code: 'KeyN', altKey: true });
    expect(pushes).not.toHaveBeenCalled();
  });

  it('the shortcut is shown in English too', async () => {
    i18n.global.locale.value = 'en';
    core();
    const w = await mountList();
    expect(w.find('[data-test="customer-new"]').attributes('title')).toBe(`${w.find('[data-test="customer-new"]').text()} (Alt+N)`);
  });
  it('a list kept alive in the background answers no keys, and refreshes when it comes back', async () => {
    const c = core();
    router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/customers');
    await router.isReady();
    pushes = vi.spyOn(router, 'push');
    const showList = ref(true);
    const Other = { name: 'OtherPage', render: () => h('div', 'other page') };
    const Host = { render: () => h(KeepAlive, { include: ['CustomerList'] }, [showList.value ? h(CustomerList) : h(Other)]) };
    wrapper = mount(Host, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
    await flushPromises();
    const calls = c.of('customers.list').length;
    expect(calls).toBe(1);

    showList.value = false; // another page is on screen; the list waits in the background
    await flushPromises();
    await key(document.body, { key: 'n', code: 'KeyN', altKey: true });
    expect(pushes).not.toHaveBeenCalled();
    await key(document.body, { key: 'ArrowDown' });
    expect(lastCurrentId.get('customers')).toBeUndefined();

    showList.value = true; // back: the rows as left, and a fresh page asked for
    await flushPromises();
    expect(wrapper.findAll('[data-test="customer-table"] .el-table__body-wrapper tr.el-table__row')).toHaveLength(3);
    expect(c.of('customers.list')).toHaveLength(calls + 1);
    await key(document.body, { key: 'n', code: 'KeyN', altKey: true });
    await routeIs('/customers/new');
    expect(pushes).toHaveBeenCalledTimes(1);
  });
});

describe('the first page, asked for ahead', () => {
  it('leaves while the router enters the list, and the page uses that answer instead of asking again', async () => {
    const c = core();
    router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/customers');
    // the request went out before the page was built
    expect(c.of('customers.list')).toHaveLength(1);
    wrapper = mount(CustomerList, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
    await flushPromises();
    expect(bodyRows(wrapper)).toHaveLength(3);
    expect(c.of('customers.list')).toHaveLength(1);
  });

  it('is used only for the same input and only once; a failed one is asked again; a list alive asks nothing ahead', async () => {
    const asked: string[] = [];
    let fail = false;
    const page = firstPage(async (input: { q: string }) => {
      asked.push(input.q);
      if (fail) throw new Error('offline');
      return `answer ${input.q}`;
    });
    page.prefetch({ q: 'a' });
    expect(await page.load({ q: 'a' })).toBe('answer a');
    expect(asked).toEqual(['a']);
    // taken once: the next load asks again
    expect(await page.load({ q: 'a' })).toBe('answer a');
    expect(asked).toEqual(['a', 'a']);
    // another input (the filters changed meanwhile): not used
    page.prefetch({ q: 'a' });
    expect(await page.load({ q: 'b' })).toBe('answer b');
    expect(asked).toEqual(['a', 'a', 'a', 'b']);
    // a failed request ahead is asked again by the load
    fail = true;
    page.prefetch({ q: 'c' });
    fail = false;
    expect(await page.load({ q: 'c' })).toBe('answer c');
    expect(asked).toEqual(['a', 'a', 'a', 'b', 'c', 'c']);
    // while a list is alive (kept between visits) it refreshes itself: nothing is asked ahead
    const host = mount({ setup: () => (page.track(), () => h('div')) });
    page.prefetch({ q: 'd' });
    expect(asked).toHaveLength(6);
    host.unmount();
    page.prefetch({ q: 'd' });
    expect(asked).toHaveLength(7);
  });
});

describe('while the first page is on its way', () => {
  it('the empty table says it is loading, with no mask to fade over the rows; an empty answer then says there is nothing', async () => {
    let answer: (rows: CustomerListRow[]) => void = () => undefined;
    setTransport(async (method) => {
      if (method === 'customers.list')
        return new Promise((resolve) => (answer = (rows) => resolve({ ok: true, data: { rows, total: rows.length } })));
      return { ok: true, data: [] };
    });
    router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/customers');
    wrapper = mount(CustomerList, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
    await flushPromises();
    // past the mask's delay: a slow answer
    await new Promise((r) => setTimeout(r, LOADING_DELAY_MS + 20));
    await flushPromises();
    const table = () => wrapper!.find('[data-test="customer-table"]');
    expect(table().find('.el-table__empty-text').text()).toBe('加载中…');
    expect(table().find('.el-loading-mask').exists()).toBe(false);
    answer([]);
    await flushPromises();
    // Element Plus's own empty text (its locale is not installed here: 'No Data'; 暂无数据 in the app)
    expect(table().find('.el-table__empty-text').text()).toMatch(/^(暂无数据|No Data)$/);
  });

  it('a page of rows being replaced by a slow answer is masked', async () => {
    const pending: Array<() => void> = [];
    setTransport(async (method, input) => {
      if (method !== 'customers.list') return { ok: true, data: [] };
      const rows = (input as { page?: number }).page === 2 ? [three[2]!] : three;
      if ((input as { page?: number }).page !== 2) return { ok: true, data: { rows, total: 60 } };
      return new Promise((resolve) => pending.push(() => resolve({ ok: true, data: { rows, total: 60 } })));
    });
    await mountList();
    expect(bodyRows(wrapper!)).toHaveLength(3);
    await wrapper!
      .find('[data-test="customer-table"]')
      .element.closest('.sd-panel')!
      .querySelector<HTMLButtonElement>('.btn-next')!
      .click();
    await new Promise((r) => setTimeout(r, LOADING_DELAY_MS + 20));
    await flushPromises();
    expect(wrapper!.find('[data-test="customer-table"] .el-loading-mask').exists()).toBe(true);
    pending.shift()!();
    await flushPromises();
    expect(bodyRows(wrapper!)).toHaveLength(1);
  });
});
