// The sign-in screen against a fake core: Enter moves from name to password and submits, a wrong password shows the
// core's message under the password field, the lockout message likewise, and a right one signs in and goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { currentSession, setSession } from '@/api';
import { useAuthStore } from '@/stores/auth';
import SignIn from '@/views/auth/SignIn.vue';
import { fakeCore } from './fakeCore';

const operator = { id: 3, name: '刘芳', role: 'clerk' as const, repId: null, repName: null, hasSignature: false };

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  setSession(null);
  i18n.global.locale.value = 'zh-CN';
});

async function mountSignIn(redirect?: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sign-in', name: 'sign-in', component: SignIn },
      { path: '/customers', component: { template: '<div>customers</div>' } },
      { path: '/', redirect: '/customers' },
    ],
  });
  await router.push({ path: '/sign-in', query: redirect ? { redirect } : {} });
  await router.isReady();
  wrapper = mount(SignIn, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { router, auth: useAuthStore() };
}

/** Element Plus puts data-test on the <input> itself. */
const input = (test: string) => wrapper!.find(`input[data-test="${test}"]`);
const errorsText = () => wrapper!.findAll('.field-error').map((e) => e.text());

/** Answers, then the form items' error transitions. */
async function settle() {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 60));
  await flushPromises();
}

async function typeAndEnter(test: string, value: string) {
  await input(test).setValue(value);
  await input(test).trigger('keydown', { key: 'Enter' });
  await settle();
}

describe('sign-in view', () => {
  it('the name field has the cursor; Enter moves to the password; Enter there signs in and goes to the redirect', async () => {
    const core = fakeCore({
      'auth.signIn': ({ name, password }: { name: string; password: string }) => {
        if (password !== 'clerk-pw') throw { code: 'VALIDATION', field: 'password', message: '密码：不正确（还可再试 4 次）' };
        return { session: 'tab-session-1', operator: { ...operator, name }, idleMinutes: 30 };
      },
    });
    const { router, auth } = await mountSignIn('/customers?page=2');
    expect(document.activeElement).toBe(input('sign-in-name').element);
    await typeAndEnter('sign-in-name', '刘芳');
    expect(document.activeElement).toBe(input('sign-in-password').element);
    expect(core.of('auth.signIn')).toHaveLength(0);

    await typeAndEnter('sign-in-password', 'wrong');
    expect(core.of('auth.signIn').at(-1)!.input).toEqual({ name: '刘芳', password: 'wrong' });
    expect(errorsText()).toEqual(['不正确（还可再试 4 次）']);
    expect((input('sign-in-password').element as HTMLInputElement).value).toBe('');
    expect(auth.operator).toBeNull();

    await typeAndEnter('sign-in-password', 'clerk-pw');
    expect(auth.operator).toMatchObject({ name: '刘芳', role: 'clerk' });
    expect(currentSession()).toBe('tab-session-1'); // browser mode: the tab keeps its own session
    expect(router.currentRoute.value.fullPath).toBe('/customers?page=2');
    expect(core.rejected).toEqual([]);
  });

  it('the lockout message names the seconds; an unknown name sits under the name', async () => {
    fakeCore({
      'auth.signIn': ({ name }: { name: string }) => {
        if (name !== '刘芳') throw { code: 'NOT_FOUND', field: 'name', message: `用户名：没有名为「${name}」的操作员` };
        throw { code: 'VALIDATION', field: 'password', message: '密码：连续输错 5 次，已锁定，请 45 秒后再试' };
      },
    });
    await mountSignIn();
    await typeAndEnter('sign-in-name', '无此人');
    await typeAndEnter('sign-in-password', 'x');
    expect(errorsText()).toEqual(['没有名为「无此人」的操作员']);
    expect(document.activeElement).toBe(input('sign-in-name').element);
    await typeAndEnter('sign-in-name', '刘芳');
    await typeAndEnter('sign-in-password', 'clerk-pw');
    expect(errorsText()).toEqual(['连续输错 5 次，已锁定，请 45 秒后再试']);
  });

  it('empty fields are named before anything is sent; English words in English mode', async () => {
    const core = fakeCore({});
    i18n.global.locale.value = 'en';
    await mountSignIn();
    expect(wrapper!.text()).toContain('Sign in');
    // every word in English; the language switch names the other language (中文)
    expect(wrapper!.text().replace(wrapper!.find('[data-test="switch-language"]').text(), '')).not.toMatch(/[\u4e00-\u9fff]/);
    await wrapper!.find('form').trigger('submit');
    await settle();
    expect(errorsText().length).toBeGreaterThan(0);
    expect(core.calls).toEqual([]);
  });

  it('tells why the last session ended', async () => {
    fakeCore({});
    const pinia = createPinia();
    setActivePinia(pinia);
    useAuthStore().forget('idle');
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: SignIn }] });
    await router.push('/');
    wrapper = mount(SignIn, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-test="sign-in-notice"]').text()).toContain('长时间未操作，已自动登出');
  });
});
