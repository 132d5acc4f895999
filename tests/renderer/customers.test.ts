import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { fakeCore, type Call, type Handler } from './fakeCore';
import { routes } from '@/router';
import CustomerList from '@/views/customers/CustomerList.vue';
import CustomerForm from '@/views/customers/CustomerForm.vue';
import { customerListState, freshState } from '@/views/customers/listState';

function fakeApi(handlers: Record<string, Handler>): Call[] {
  return fakeCore({ 'customers.tags': () => [], ...handlers }).calls;
}

const row = (id: number, name: string) => ({
  id,
  code: `C${String(id).padStart(6, '0')}`,
  name,
  shortName: '',
  type: 'retail',
  regionId: null,
  regionName: '朝阳区',
  repId: null,
  repName: '张伟',
  phone: '010-12345678',
  primaryContact: '李雷',
  grade: 'A',
  lifecycle: 'repeat',
  creditLimitFen: 12345600,
  paymentTermDays: 30,
  tags: ['重点客户'],
  archived: false,
  updatedAt: '2026-11-25T00:00:00.000Z',
});

// Element Plus shows form-item errors a tick after validation settles
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150));
  await flushPromises();
};

async function mountWithApp(component: any, props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/customers');
  await router.isReady();
  const wrapper = mount(component, { props, global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

describe('customer list', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    Object.assign(customerListState, freshState());
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('loads page 1 from the server and shows rows, money in yuan and the total', async () => {
    const calls = fakeApi({ 'customers.list': () => ({ rows: [row(1, '北京华众商贸有限公司')], total: 1234 }) });
    const { wrapper } = await mountWithApp(CustomerList);
    const list = calls.find((c) => c.method === 'customers.list');
    expect(list?.input).toEqual({ page: 1, pageSize: 50, archived: 'active' });
    expect(wrapper.text()).toContain('北京华众商贸有限公司');
    expect(wrapper.text()).toContain('¥123,456.00');
    expect(wrapper.find('[data-test="customer-total"]').text()).toBe('共 1,234 条');
  });

  it('filters by serving dealer on the server, keeping the picked name for the picker', async () => {
    Object.assign(customerListState, { dealerId: 12, dealerLabel: '南京金源食品贸易有限公司' });
    const calls = fakeApi({ 'customers.list': () => ({ rows: [], total: 0 }) });
    const { wrapper } = await mountWithApp(CustomerList);
    expect(calls.find((c) => c.method === 'customers.list')?.input).toMatchObject({ dealerId: 12, page: 1 });
    expect(wrapper.find('[data-test="customer-f-dealer"]').text() + wrapper.html()).toContain('南京金源食品贸易有限公司');
  });

  it('sends the search text to the server (pinyin search happens in the core)', async () => {
    const calls = fakeApi({
      'customers.list': (input) => ({ rows: input.search === 'bjhz' ? [row(2, '北京华众商贸有限公司')] : [], total: 0 }),
    });
    const { wrapper } = await mountWithApp(CustomerList);
    const input = wrapper.find('input[data-test="customer-search"]');
    await input.setValue('bjhz');
    await input.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    const last = calls.filter((c) => c.method === 'customers.list').at(-1);
    expect(last?.input).toMatchObject({ search: 'bjhz', page: 1 });
    expect(wrapper.text()).toContain('北京华众商贸有限公司');
  });

  it('shows a server error as a message instead of failing silently', async () => {
    fakeApi({
      'customers.list': () => {
        throw { code: 'VALIDATION', message: '搜索：长度不能超过 100' };
      },
    });
    await mountWithApp(CustomerList);
    expect(document.body.textContent).toContain('搜索：长度不能超过 100');
  });
});

describe('customer form', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('does not call save when the name is empty, and names the field', async () => {
    const calls = fakeApi({});
    const { wrapper } = await mountWithApp(CustomerForm);
    await wrapper.find('[data-test="customer-save"]').trigger('click');
    await settle();
    expect(calls.some((c) => c.method === 'customers.save')).toBe(false);
    await vi.waitFor(() => expect(wrapper.text()).toContain('客户名称：必填'));
  });

  it('saves typed fields with the credit limit in fen and the first contact as primary', async () => {
    const calls = fakeApi({ 'customers.findDuplicates': () => [], 'customers.save': () => ({ id: 7, code: 'C000007' }) });
    const { wrapper, router } = await mountWithApp(CustomerForm);
    await wrapper.find('input[data-test="f-name"]').setValue('上海恒通食品有限公司');
    await wrapper.find('input[data-test="f-phone"]').setValue('021-55556666');
    await wrapper.find('input[data-test="f-credit"]').setValue('¥12,000.50');
    await wrapper.find('[data-test="add-contact"]').trigger('click');
    await wrapper.find('input[data-test="c-name-0"]').setValue('王芳');
    await wrapper.find('[data-test="customer-save"]').trigger('click');
    await settle();
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'customers.save')).toBe(true));
    const save = calls.find((c) => c.method === 'customers.save');
    expect(save?.input).toMatchObject({
      name: '上海恒通食品有限公司',
      phone: '021-55556666',
      creditLimitFen: 1200050,
      contacts: [{ name: '王芳', isPrimary: true }],
    });
    expect(save?.input.id).toBeUndefined();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/customers/7'));
  });
});
