// The day's forms end to end in Chromium: a clerk signs in and types a rep's visit plan of 8 visits and the evening's
// report from the keyboard (customers found by pinyin initials, times as 0930, purposes as digits, amounts in 元), and
// submits both; the supervisor signs in, lands on the day board, signs the plan with a wrong password first (the dialog
// keeps it) and then the right one, finds the signed plan read-only with its signer and hash digits, cannot change it
// (no field on screen, and the core refuses a save), and signs the report from the board. Values are read back over
// the API exactly. The signed forms are then printed on A4 and on 241 × 140 mm 三联 paper, and the day's batch, to PDF; the
// PDFs are read back as PNG pages (test-output/e2e/daily-print/) and text, and the text is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { callApi, field, pageSession, shotsDir, startApp, type AppUnderTest } from './harness';
import { pageLabel, printRouteToPdf, squeeze } from './pdf';

let app: AppUnderTest;
let page: Page;

const ADMIN = { name: 'admin', password: 'admin-pw-1' };
const MANAGER = { name: '周经理', password: 'manager-pw' };
const SUPERVISOR = { name: '刘主管', password: 'super-pw-1' };
const CLERK = { name: '王文员', password: 'clerk-pw-1' };

/** Eight shops on the rep's round: what the clerk types to find each (pinyin initials, none inside another's: the core
 *  searches by substring) and its primary contact. */
const shops = [
  { name: '金福便利店', initials: 'jfbld', contact: '梁萍' },
  { name: '姜记生活超市', initials: 'jjshcs', contact: '姜子豪' },
  { name: '联华小卖部', initials: 'lhxmb', contact: '高婉婷' },
  { name: '利民烟酒店', initials: 'lmyjd', contact: '梁永刚' },
  { name: '万家乐超市', initials: 'wjlcs', contact: '姚志明' },
  { name: '鑫鑫购物广场', initials: 'xxgwgc', contact: '孟建军' },
  { name: '兴隆批发部', initials: 'xlpfb', contact: '王建军' },
  { name: '邓记便利店', initials: 'djbld', contact: '邓素芬' },
];

const p2 = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${p2(now.getMonth() + 1)}-${p2(now.getDate())}`;

const api = <T = any>(method: string, input: unknown, session?: string) => callApi<T>(app, method, input, session);
const tabSession = () => pageSession(page);

/** Which field has the cursor: its data-test, or the nearest one around it. */
const activeField = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-test') ?? el?.closest('[data-test]')?.getAttribute('data-test') ?? el?.tagName ?? '';
  });
const enter = async () => {
  await page.keyboard.press('Enter');
  await page.waitForTimeout(120); // pickers open and close on a tick
};

/** Signs in on the sign-in screen from the keyboard: name, Enter, password, Enter. */
async function signIn(who: { name: string; password: string }) {
  await page.goto(app.url);
  await field(page, 'sign-in-name').waitFor();
  await expect.poll(activeField).toBe('sign-in-name');
  await page.keyboard.type(who.name);
  await enter();
  await page.keyboard.type(who.password);
  await enter();
  await page.locator('[data-test="current-operator"]').waitFor();
}

async function signOut() {
  await page.locator('[data-test="operator-menu"]').click();
  await page.locator('[data-test="sign-out"]').click();
  await field(page, 'sign-in-name').waitFor();
}

describe('daily plan and report, end to end in Chromium', () => {
  let repId = 0;

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    const init = await api<{ session: string }>('settings.initialize', { companyName: '华众商贸有限公司', admin: ADMIN });
    await api('operators.save', { name: MANAGER.name, role: 'manager', password: MANAGER.password }, init.session);
    const manager = (await api<{ session: string }>('auth.signIn', MANAGER)).session;
    const team = await api<{ id: number }>('teams.save', { name: '郑州一组' }, manager);
    const lead = await api<{ id: number }>('reps.save', { name: '刘主管', phone: '13900000001', teamId: team.id }, manager);
    repId = (
      await api<{ id: number }>('reps.save', { name: '张伟', phone: '13900000002', teamId: team.id, supervisorId: lead.id }, manager)
    ).id;
    for (const s of shops) await api('customers.save', { name: s.name, repId, contacts: [{ name: s.contact, isPrimary: true }] }, manager);
    await api('operators.save', { name: SUPERVISOR.name, role: 'supervisor', password: SUPERVISOR.password, repId: lead.id }, init.session);
    await api('operators.save', { name: CLERK.name, role: 'clerk', password: CLERK.password }, init.session);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the clerk types a plan of 8 visits without the mouse, saves with Ctrl+S and submits', { timeout: 240_000 }, async () => {
    await signIn(CLERK);
    await page.goto(`${new URL(app.url).origin}/#/day-board`);
    await page.locator(`[data-test="board-plan-${repId}"]`).waitFor();
    // the board by keyboard: ↓ to the rep (the second row, after the supervisor's own), Enter opens the plan
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await enter();
    await page.waitForURL(/#\/visit-plans\/edit\?/);
    expect(new URL(page.url().replace('#/', '')).searchParams.get('repId')).toBe(String(repId));
    await page.locator('[data-test="plan-lines"]').waitFor();
    await expect.poll(activeField).toBe('p-customer-0');

    const kb = page.keyboard;
    const times = ['0830', '930', '10:15', '1100', '1330', '1430', '1530', '1645'];
    const purposes = ['13', '2', '36', '4', '5', '6', '7', '1'];
    for (let i = 0; i < 8; i++) {
      expect(await activeField()).toBe(`p-customer-${i}`);
      await kb.type(shops[i]!.initials);
      // the picker searches the core; Enter takes the only match once it is listed
      await page.locator('.el-select-dropdown__item', { hasText: shops[i]!.name }).first().waitFor();
      await enter();
      await expect.poll(activeField).toBe(`p-time-${i}`);
      await kb.type(times[i]!);
      await enter();
      await kb.type(purposes[i]!);
      await enter();
      expect(await activeField()).toBe(`p-contact-${i}`);
      await enter(); // the primary contact came with the customer
      if (i % 2 === 0) await kb.type(`第${i + 1}站`);
      await enter(); // the last cell of the last row: a new row, cursor in its customer
      await expect.poll(activeField).toBe(`p-customer-${i + 1}`);
    }
    await app.shot('daily-plan-typed');
    await kb.press('Control+s');
    await expect.poll(async () => (await api('visitPlans.get', { repId, date: today }, await tabSession()))?.lines?.length ?? 0).toBe(8);
    const plan = await api('visitPlans.get', { repId, date: today }, await tabSession());
    expect(plan.lines.map((l: any) => [l.customerName, l.plannedTime, l.purposes.join('+'), l.contact, l.notes])).toEqual([
      ['金福便利店', '08:30', 'develop+collect', '梁萍', '第1站'],
      ['姜记生活超市', '09:30', 'research', '姜子豪', ''],
      ['联华小卖部', '10:15', 'collect+order', '高婉婷', '第3站'],
      ['利民烟酒店', '11:00', 'service', '梁永刚', ''],
      ['万家乐超市', '13:30', 'complaint', '姚志明', '第5站'],
      ['鑫鑫购物广场', '14:30', 'order', '孟建军', ''],
      ['兴隆批发部', '15:30', 'other', '王建军', '第7站'],
      ['邓记便利店', '16:45', 'develop', '邓素芬', ''],
    ]);
    await page.locator('[data-test="form-submit"]').click();
    await expect.poll(async () => page.locator('[data-test="form-state"]').textContent()).toBe('已提交');
    // a clerk signs nothing: no sign or return button
    expect(await page.locator('[data-test="form-sign"]').count()).toBe(0);
    expect(await page.locator('[data-test="form-return"]').count()).toBe(0);
    await app.shot('daily-plan-submitted');
  });

  it(
    'the clerk types the evening report from the plan: outcomes, a visit not done with its reason, amounts; submits',
    { timeout: 240_000 },
    async () => {
      await page.goto(`${new URL(app.url).origin}/#/daily-reports/edit?repId=${repId}&date=${today}`);
      await page.locator('[data-test="report-lines"]').waitFor();
      await page.locator('[data-test="r-customer-name-7"]').waitFor();
      await expect.poll(activeField).toBe('report-attendance');
      const kb = page.keyboard;
      await enter(); // 出勤
      // visit 1: done, outcome, next step, order 3,200.50, collected 1,500
      expect(await activeField()).toBe('r-done-0');
      await enter();
      await kb.type('确认首批订货');
      await enter();
      await kb.type('下周三送货');
      await enter();
      await kb.type('3200.5');
      await enter();
      await kb.type('1500');
      await enter();
      // visit 2: not done (Space), then its reason
      expect(await activeField()).toBe('r-done-1');
      await kb.press('Space');
      await enter();
      expect(await activeField()).toBe('r-reason-1');
      await kb.type('老板不在');
      for (let i = 0; i < 5; i++) await enter(); // outcome, next step, order, collected → visit 3
      // visits 3–8: done with an outcome each
      for (let i = 2; i < 8; i++) {
        expect(await activeField()).toBe(`r-done-${i}`);
        await enter();
        await kb.type(`正常拜访${i + 1}`);
        for (let k = 0; k < 4; k++) await enter();
      }
      await expect.poll(activeField).toBe('r-customer-8'); // Enter at the end added an unplanned visit
      await enter(); // nothing there: the blank row goes and the cursor moves on below the table
      expect(await activeField()).toBe('report-problems');
      await kb.type('缺货：500ml 装');
      await kb.press('Control+s');
      await expect
        .poll(async () => (await api('dailyReports.get', { repId, date: today }, await tabSession()))?.lines?.length ?? 0)
        .toBe(8);
      const plan = await api('visitPlans.get', { repId, date: today }, await tabSession());
      const report = await api('dailyReports.get', { repId, date: today }, await tabSession());
      expect(report.lines.map((l: any) => l.planLineId)).toEqual(plan.lines.map((l: any) => l.id));
      expect(report.lines[0]).toMatchObject({
        done: true,
        outcome: '确认首批订货',
        nextStep: '下周三送货',
        orderFen: 320050,
        collectedFen: 150000,
      });
      expect(report.lines[1]).toMatchObject({ done: false, reason: '老板不在' });
      expect(report.lines[7]).toMatchObject({ done: true, outcome: '正常拜访8' });
      expect(report.problems).toBe('缺货：500ml 装');
      expect(report.totals).toEqual({ visits: 8, visitsDone: 7, orderFen: 320050, collectedFen: 150000 });
      await app.shot('daily-report-typed');
      await page.locator('[data-test="form-submit"]').click();
      await expect.poll(async () => page.locator('[data-test="form-state"]').textContent()).toBe('已提交');
      await signOut();
    },
  );

  it(
    'the supervisor lands on the day board, signs the plan (a wrong password first), cannot edit it, signs the report',
    { timeout: 240_000 },
    async () => {
      await signIn(SUPERVISOR);
      await page.waitForURL(/#\/day-board/);
      await expect.poll(async () => page.locator(`[data-test="board-plan-${repId}"]`).textContent()).toBe('已提交');
      expect(await page.locator(`[data-test="board-report-${repId}"]`).textContent()).toBe('已提交');
      await app.shot('daily-board-supervisor');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await enter();
      await page.locator('[data-test="form-sign"]').waitFor();
      await page.locator('[data-test="form-sign"]').click();
      await expect.poll(activeField).toBe('sign-password');
      const kb = page.keyboard;
      await kb.type('not-my-password');
      await enter();
      await enter(); // Enter in the last field confirms
      // the core's message under the password, the dialog still open, the password selected for the next try
      const message = page.locator('[data-test="sign-dialog"] .el-form-item__error, [data-test="sign-error"]').first();
      await message.waitFor();
      expect(await message.textContent()).toContain('密码');
      expect(await page.locator('[data-test="sign-dialog"]').isVisible()).toBe(true);
      await expect.poll(activeField).toBe('sign-password');
      await app.shot('daily-sign-wrong-password');
      await kb.type(SUPERVISOR.password); // the wrong one is selected: typing replaces it
      await enter();
      await kb.type('同意，注意回款');
      await enter();
      await expect.poll(async () => page.locator('[data-test="form-state"]').textContent()).toBe('已签核');
      const session = await tabSession();
      const plan = await api('visitPlans.get', { repId, date: today }, session);
      expect(plan).toMatchObject({ state: 'signed', signedByName: SUPERVISOR.name, signComment: '同意，注意回款' });
      expect(await page.locator('[data-test="signed-hash"]').textContent()).toBe(plan.contentHash.slice(0, 8));
      expect(await page.locator('[data-test="signed-by"]').textContent()).toBe(SUPERVISOR.name);
      // read-only: no field in the table, no save; Ctrl+S does nothing
      expect(await page.locator('[data-test="plan-lines"] input').count()).toBe(0);
      expect(await page.locator('[data-test="form-save"]').count()).toBe(0);
      await kb.press('Control+s');
      await app.shot('daily-plan-signed');
      // and the core refuses a change all the same
      const refused = await api(
        'visitPlans.save',
        { id: plan.id, repId, date: today, lines: [{ customerId: plan.lines[0].customerId, purposes: ['other'] }] },
        session,
      ).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
      expect((await api('visitPlans.get', { repId, date: today }, session)).lines).toHaveLength(8);

      // the report from the board's 核签
      await page.goto(`${new URL(app.url).origin}/#/day-board`);
      await page.locator(`[data-test="board-sign-report-${repId}"]`).click();
      await expect.poll(activeField).toBe('sign-password');
      await kb.type(SUPERVISOR.password);
      await enter();
      await enter();
      await expect.poll(async () => page.locator(`[data-test="board-report-${repId}"]`).textContent()).toBe('已签核');
      expect(await page.locator('[data-test="board-count-report-signed"]').textContent()).toContain('1');
      expect((await api('dailyReports.get', { repId, date: today }, session)).state).toBe('signed');
      await app.shot('daily-board-signed');
    },
  );
  it('prints the signed plan and report on A4 and on 241 × 140 mm, and the day’s batch, to PDF', { timeout: 240_000 }, async () => {
    const outDir = path.join(shotsDir, 'daily-print');
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const origin = new URL(app.url).origin;
    const print = (name: string, route: string) => printRouteToPdf(page, origin, outDir, name, route);
    /** each page of one form: company, title, the rep, its own page x / y; the signature with the signer on the last */
    const checkForm = (pages: string[], title: string) => {
      pages.forEach((p, i) => {
        const flat = squeeze(p);
        expect(flat).toContain('华众商贸有限公司');
        expect(flat).toContain(squeeze(title));
        expect(flat).toContain('业务员：张伟');
        expect(flat).toContain(pageLabel(i + 1, pages.length));
      });
      const last = squeeze(pages.at(-1)!);
      expect(last).toContain('业务员签字');
      expect(last).toContain(`主管签核：${SUPERVISOR.name}`);
      for (const shop of shops) expect(squeeze(pages.join(''))).toContain(shop.name);
    };
    for (const paper of ['a4', 'sanlian'] as const) {
      const plan = await print(`plan-${paper}`, `/print/visit-plan?repId=${repId}&date=${today}&paper=${paper}`);
      checkForm(plan.pages, '每日拜访计划表');
      const report = await print(`report-${paper}`, `/print/daily-report?repId=${repId}&date=${today}&paper=${paper}`);
      checkForm(report.pages, '每日销售报告表');
      // what the clerk typed, on paper: the first visit's outcome and amounts, the visit not done with its reason
      const text = squeeze(report.pages.join(''));
      expect(text).toContain('确认首批订货');
      expect(text).toContain('3,200.50');
      expect(text).toContain('老板不在');
      // A4 portrait is 595 × 842 pt; 241 × 140 mm is 683 × 397 pt
      expect(plan.size).toEqual(paper === 'a4' ? [595, 842] : [683, 397]);
    }
    const batch = await print('batch-reports-a4', `/print/batch?date=${today}&form=report&paper=a4`);
    checkForm(batch.pages, '每日销售报告表');
  });
});
