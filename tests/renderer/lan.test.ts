// 局域网多人使用: shows the address to open and its QR code while the LAN server runs, starts it on the chosen
// addresses with the allowed subnets, shows a refused field under the field, stops after a confirmation, and says where
// to start it when this app cannot.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useAuthStore } from '@/stores/auth';
import { qrDataUrl, splitSubnets } from '@/views/lan/qr';
import type { LanStatus } from '@shared/contract/lan';
import { fakeCore } from './fakeCore';

const nics = [
  { name: '以太网', address: '192.168.1.20', cidr: '192.168.1.20/24' },
  { name: 'WLAN', address: '10.0.0.7', cidr: '10.0.0.7/8' },
];
const off = (over: Partial<LanStatus> = {}): LanStatus => ({
  available: true,
  running: false,
  fromCommandLine: false,
  urls: [],
  addresses: [],
  port: null,
  allowSubnets: [],
  hostname: 'FRONT-DESK',
  interfaces: nics,
  ...over,
});
const on = (addresses: string[], port: number, allowSubnets: string[] = []): LanStatus =>
  off({ running: true, addresses, port, allowSubnets, urls: addresses.map((a) => `http://${a}:${port}/`) });

let wrapper: VueWrapper;

async function mountLan(handlers: Record<string, (input: any) => unknown>) {
  const core = fakeCore({ 'settings.get': () => ({ initialized: true }), ...handlers });
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore(pinia).operator = { id: 1, name: '老板', role: 'admin', repId: null, repName: null, hasSignature: false };
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/settings/lan');
  await router.isReady();
  wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [pinia, router, i18n] },
    attachTo: document.body,
  });
  await vi.waitFor(() => expect(wrapper.find('[data-test="lan-state"]').exists()).toBe(true), { timeout: 10_000 });
  return core;
}

afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
});

describe('LAN page', () => {
  it('starts on the chosen address with the allowed subnets, then shows the address and its QR code', async () => {
    let state = off();
    const core = await mountLan({
      'lan.status': () => state,
      'lan.start': (input) => (state = on(input.addresses, input.port, input.allowSubnets)),
    });
    expect(wrapper.find('[data-test="lan-state"]').text()).toBe('未开启');
    expect(wrapper.find('[data-test="lan-qr"]').exists()).toBe(false);
    // every address of this PC is offered, all ticked; untick the Wi-Fi
    const boxes = wrapper.findAll('[data-test="lan-addresses"] input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    await boxes[1]!.setValue(false);
    await wrapper.find('input[data-test="lan-allow"]').setValue('192.168.1.0/24，10.0.0.0/8');
    await wrapper.find('[data-test="lan-start"]').trigger('click');
    await flushPromises();
    expect(core.of('lan.start').map((c) => c.input)).toEqual([
      { addresses: ['192.168.1.20'], port: 8420, allowSubnets: ['192.168.1.0/24', '10.0.0.0/8'] },
    ]);
    await vi.waitFor(() => expect(wrapper.find('[data-test="lan-state"]').text()).toBe('已开启'));
    expect(wrapper.findAll('[data-test="lan-url"]').map((u) => u.text())).toEqual(['http://192.168.1.20:8420/']);
    expect(wrapper.find('[data-test="lan-subnets"]').text()).toContain('192.168.1.0/24, 10.0.0.0/8');
    const img = wrapper.find('[data-test="lan-qr"]').element as HTMLImageElement;
    expect(img.getAttribute('src')).toBe(qrDataUrl('http://192.168.1.20:8420/'));
  });

  it('shows the core’s refusal under its field, and stops after a confirmation', async () => {
    let state = on(['192.168.1.20'], 8420);
    const core = await mountLan({
      'lan.status': () => state,
      'lan.start': () => {
        throw { code: 'CONFLICT', message: '端口：9000 已被其他程序占用，请换一个端口', field: 'port' };
      },
      'lan.stop': () => (state = off()),
    });
    await wrapper.find('[data-test="lan-port"] input').setValue('9000');
    await wrapper.find('[data-test="lan-start"]').trigger('click');
    await flushPromises();
    expect(core.of('lan.start')[0]!.input.port).toBe(9000);
    await vi.waitFor(() => expect(wrapper.text()).toContain('端口：9000 已被其他程序占用，请换一个端口'));
    expect(wrapper.find('[data-test="lan-state"]').text()).toBe('已开启');

    await wrapper.find('[data-test="lan-stop"]').trigger('click');
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
    (document.querySelector('.el-message-box .el-button--primary') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(core.of('lan.stop')).toHaveLength(1));
    await vi.waitFor(() => expect(wrapper.find('[data-test="lan-state"]').text()).toBe('未开启'));
  });

  it('puts a refused list item (a subnet) under its list’s field', async () => {
    await mountLan({
      'lan.status': () => off(),
      'lan.start': () => {
        throw { code: 'VALIDATION', message: '允许的网段 › 第1行：与本机的地址不在同一网络', field: 'allowSubnets.0' };
      },
    });
    await wrapper.find('input[data-test="lan-allow"]').setValue('192.168.1.0/24');
    await wrapper.find('[data-test="lan-start"]').trigger('click');
    await flushPromises();
    const item = () => wrapper.find('input[data-test="lan-allow"]').element.closest('.el-form-item')!;
    await vi.waitFor(() => expect(item().textContent).toContain('第1行：与本机的地址不在同一网络'));
  });

  it('a server started from the command line is shown without a form; a host that cannot start it says where to', async () => {
    await mountLan({ 'lan.status': () => ({ ...on(['192.168.1.20'], 8420), fromCommandLine: true }) });
    expect(wrapper.find('[data-test="lan-command-line"]').text()).toContain('npm run serve -- --lan');
    expect(wrapper.find('[data-test="lan-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="lan-qr"]').exists()).toBe(true);
    wrapper.unmount();
    await mountLan({ 'lan.status': () => off({ available: false }) });
    expect(wrapper.find('[data-test="lan-not-available"]').text()).toContain('桌面程序中开启');
    expect(wrapper.find('[data-test="lan-form"]').exists()).toBe(false);
  });

  it('the QR code is an SVG image of the address; subnets split on any separator', () => {
    const url = qrDataUrl('http://192.168.1.20:8420/');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(qrDataUrl('http://10.0.0.7:8420/')).not.toBe(url);
    expect(splitSubnets(' 192.168.1.0/24，10.0.0.0/8 、172.16.0.0/12;\n')).toEqual(['192.168.1.0/24', '10.0.0.0/8', '172.16.0.0/12']);
  });
});
