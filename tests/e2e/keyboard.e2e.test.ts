// A clerk types a whole customer without touching the mouse: the cursor starts in 客户名称, Enter walks the form,
// pickers are driven by path initials and pinyin, a prefilled 账期 is replaced, Ctrl+S saves; the stored values are
// read back over the API exactly; the record is then opened from the list by keyboard. A changed form asks before leaving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, E2E_ADMIN, E2E_MANAGER, field, signInPage, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let page: Page;
let token = '';
/** the manager's session: the page and these set-up calls act as them */
let session = '';

async function api<T = unknown>(method: string, input: unknown): Promise<T> {
  const origin = new URL(app.url).origin;
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-session': session },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data as T;
}

/** Which field has the cursor: its data-test, or the nearest one around it. */
const activeField = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-test') ?? el?.closest('[data-test]')?.getAttribute('data-test') ?? el?.tagName ?? '';
  });
const activeSelection = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el && 'selectionStart' in el ? { value: el.value, start: el.selectionStart, end: el.selectionEnd } : null;
  });

describe('keyboard-only customer entry, end to end in Chromium', () => {
  let zzKaifa = 0;
  let repId = 0;

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    token = new URL(app.url).searchParams.get('token') ?? '';
    const init = await api<{ session: string }>('settings.initialize', { companyName: '华众商贸有限公司', admin: E2E_ADMIN });
    await callApi(app, 'operators.save', { name: E2E_MANAGER.name, role: 'manager', password: E2E_MANAGER.password }, init.session);
    await page.goto(app.url);
    session = await signInPage(app, E2E_MANAGER.name, E2E_MANAGER.password);
    const huazhong = await api<{ id: number }>('regions.save', { name: '华中', code: 'HZ' });
    const henan = await api<{ id: number }>('regions.save', { name: '河南省', parentId: huazhong.id });
    const zz = await api<{ id: number }>('regions.save', { name: '郑州市', parentId: henan.id });
    const ly = await api<{ id: number }>('regions.save', { name: '洛阳市', parentId: henan.id });
    zzKaifa = (await api<{ id: number }>('regions.save', { name: '开发区片区', parentId: zz.id })).id;
    await api('regions.save', { name: '开发区片区', parentId: ly.id }); // the same name in another city
    repId = (await api<{ id: number }>('reps.save', { name: '王建国', phone: '13900000001' })).id;
    await api('reps.save', { name: '王建华', phone: '13900000002' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('types a whole customer with two contacts without the mouse and saves with Ctrl+S', async () => {
    await page.goto(app.url);
    await page.locator('[data-test="customer-table"]').waitFor();
    await page.keyboard.press('Alt+n'); // 新增 on every list
    await page.waitForURL(/#\/customers\/new$/);
    await expect.poll(activeField).toBe('f-name'); // the cursor is in the first field at once
    const kb = page.keyboard;
    const enter = async () => {
      await kb.press('Enter');
      await page.waitForTimeout(120); // pickers open and close on a tick
    };
    await kb.type('郑州恒达商贸有限公司');
    await enter();
    expect(await activeField()).toBe('f-code');
    await enter(); // the code is given automatically
    await kb.type('恒达商贸');
    await enter();
    await kb.type('0371-6666 8888');
    await enter();
    expect(await activeField()).toBe('f-type');
    await enter(); // 客户类型 keeps its default
    expect(await activeField()).toBe('f-region');
    await enter(); // an empty picker opens on Enter
    await kb.type('zzkfq'); // path initials: 郑州市 › 开发区片区, not 洛阳市's
    await enter();
    expect(await activeField()).toBe('f-rep');
    await enter();
    await kb.type('wangjianguo'); // full pinyin: 王建国, not 王建华
    await enter();
    expect(await activeField()).toBe('f-dealer');
    await enter(); // no dealers yet: the empty picker lets Enter move on
    await kb.type('批发零售');
    await enter();
    await kb.type('郑州市金水区花园路1号');
    await enter();
    expect(await activeField()).toBe('f-grade');
    await kb.press('ArrowLeft'); // C → B inside the radio group
    await enter();
    await enter(); // 生命周期 keeps 潜在
    await enter(); // 规模 opens …
    await enter(); // … and Enter with nothing chosen closes it and moves on
    expect(await activeField()).toBe('f-credit');
    expect(await activeSelection()).toEqual({ value: '0.00', start: 0, end: 4 }); // typing replaces the prefilled amount
    await kb.type('50000');
    await enter();
    expect(await activeField()).toBe('f-terms');
    expect(await activeSelection()).toEqual({ value: '30', start: 0, end: 2 });
    await kb.type('45'); // replaces 30 (was 3045, clamped to 365)
    await enter();
    await enter(); // 客户来源 opens …
    await enter(); // … and closes
    await enter(); // no tags
    await kb.type('老客户介绍');
    await kb.press('Tab'); // out of the notes to 添加联系人
    expect(await activeField()).toBe('add-contact');
    await kb.press('Enter');
    await expect.poll(activeField).toBe('c-name-0'); // the new row's first cell has the cursor
    await kb.type('李娜');
    await enter();
    await kb.type('采购经理');
    await enter();
    await kb.type('139 3711 0001');
    for (let i = 0; i < 10 && (await activeField()) !== 'add-contact'; i++) await kb.press('Tab');
    expect(await activeField()).toBe('add-contact');
    await kb.press('Enter');
    await expect.poll(activeField).toBe('c-name-1');
    await kb.type('赵强');
    await enter();
    await kb.type('销售主管');
    await enter();
    await kb.type('139 3711 0002');
    await app.shot('30-keyboard-customer-form');
    await kb.press('Control+s');
    await page.waitForURL(/#\/customers\/\d+$/);
    const id = Number(/customers\/(\d+)$/.exec(page.url())![1]);

    const stored = await api<Record<string, unknown> & { contacts: Array<Record<string, unknown>> }>('customers.get', { id });
    expect(stored).toMatchObject({
      code: 'C000001',
      name: '郑州恒达商贸有限公司',
      shortName: '恒达商贸',
      phone: '0371-6666 8888',
      type: 'retail', // 客户类型 kept its default
      regionId: zzKaifa,
      repId,
      dealerId: null,
      industry: '批发零售',
      address: '郑州市金水区花园路1号',
      grade: 'B',
      lifecycle: 'prospect',
      scale: null,
      creditLimitFen: 5_000_000,
      paymentTermDays: 45,
      source: null,
      tags: [],
      notes: '老客户介绍',
    });
    expect(stored.contacts.map((c) => [c.name, c.title, c.phone, c.isPrimary])).toEqual([
      ['李娜', '采购经理', '139 3711 0001', true],
      ['赵强', '销售主管', '139 3711 0002', false],
    ]);
  });

  it('opens the customer from the list with the keyboard', async () => {
    await page.goBack(); // back to the list (Alt+← in the browser)
    await page.locator('[data-test="customer-table"] .el-table__row').first().waitFor();
    await expect.poll(activeField).toBe('customer-search'); // the cursor waits in the search box
    await page.keyboard.type('zzhd');
    await page.keyboard.press('Enter'); // a single hit opens
    await page.waitForURL(/#\/customers\/\d+$/);
    await expect.poll(() => page.locator('[data-test="detail-title"]').textContent()).toContain('郑州恒达商贸有限公司');
    await page.goBack();
    await page.locator('[data-test="customer-table"] .el-table__row').first().waitFor();
    await page.keyboard.press('ArrowDown'); // ↓ picks the row, Enter opens it
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/customers\/\d+$/);
    await app.shot('31-keyboard-opened');
  });

  it('asks before a changed form is left, and keeps the typing when told to stay', async () => {
    await page.locator('[data-test="detail-edit"]').click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(activeField).toBe('f-name');
    await field(page, 'f-phone').fill('0371-1234 5678');
    await page.locator('[data-nav="customers"]').click(); // the sidebar
    const box = page.locator('.el-message-box').filter({ hasText: '放弃未保存的修改？' });
    await box.waitFor();
    await app.shot('32-unsaved-guard');
    await page.keyboard.press('Enter'); // the focused answer is the safe one: stay
    await box.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/edit$/);
    expect(await field(page, 'f-phone').inputValue()).toBe('0371-1234 5678');
    await page.goBack(); // browser back asks too
    await box.waitFor();
    await box.locator('.el-button').filter({ hasText: '放弃修改' }).click();
    await page.waitForURL(/#\/customers\/\d+$/);
    const id = Number(/customers\/(\d+)/.exec(page.url())![1]);
    expect((await api<{ phone: string }>('customers.get', { id })).phone).toBe('0371-6666 8888'); // nothing was saved
  });
});
