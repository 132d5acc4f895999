// 每日拜访计划表 in the editor: a clerk types a whole plan of 8 visits from the keyboard alone (the save payload is
// checked exactly), a copied plan replaces the rows only after asking, submit saves first, a returned plan shows the
// supervisor's comment, a signed plan is read-only with its signature, and a wrong signing password keeps the dialog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '@/i18n';
import { homeFor } from '@/routerAuth';
import { parsePurposes, parseTime, purposeCodes, weekOf } from '@/views/dailyForms/entry';
import {
  DATE,
  active,
  activeField,
  enter,
  mountAt,
  optionTexts,
  planDetail,
  press,
  settle,
  shops,
  signedFields,
  typeHere,
  unmountAll,
} from './dailyFormsFixtures';

const SLOW = { timeout: 120_000 };
const editor = `/visit-plans/edit?repId=3&date=${DATE}`;

describe('what the clerk types, read exactly', () => {
  it('planned times', () => {
    expect(['0930', '930', '9:30', '9.30', '09：30', '９３０', '9', '14', '2359'].map(parseTime)).toEqual([
      '09:30',
      '09:30',
      '09:30',
      '09:30',
      '09:30',
      '09:30',
      '09:00',
      '14:00',
      '23:59',
    ]);
    expect(parseTime('')).toBe('');
    expect(['2400', '0960', '12345', 'ab', '9:3'].map(parseTime)).toEqual([null, null, null, null, null]);
  });

  it('purposes by number, pinyin initials or name, in the form order', () => {
    expect(parsePurposes('13')).toEqual(['develop', 'collect']);
    expect(parsePurposes('31')).toEqual(['develop', 'collect']);
    expect(parsePurposes('1 3,6')).toEqual(['develop', 'collect', 'order']);
    expect(parsePurposes('kf sk')).toEqual(['develop', 'collect']);
    expect(parsePurposes('skfw')).toEqual(['collect', 'service']);
    expect(parsePurposes('收款 接收订货')).toEqual(['collect', 'order']);
    expect(parsePurposes('')).toEqual([]);
    // not purposes: refused, never guessed
    expect(parsePurposes('8')).toBeNull();
    expect(parsePurposes('s')).toBeNull();
    expect(parsePurposes('xyz')).toBeNull();
    expect(purposeCodes(['order', 'develop'])).toBe('16');
  });

  it('the week of a day runs Monday to Sunday', () => {
    expect(weekOf('2026-03-05')).toEqual(['2026-03-02', '2026-03-08']);
    expect(weekOf('2026-03-08')).toEqual(['2026-03-02', '2026-03-08']);
    expect(weekOf('2026-03-09')).toEqual(['2026-03-09', '2026-03-15']);
  });
});

describe('visit plan editor', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('a clerk types a whole plan of 8 visits without the mouse; Ctrl+S saves exactly what was typed', SLOW, async () => {
    let saved: unknown;
    const core = await mountAt(
      editor,
      {
        'visitPlans.get': () => null,
        'visitPlans.save': (input: { lines: Parameters<typeof planDetail>[0] }) => {
          saved = input;
          return planDetail(input.lines);
        },
      },
      'plan-editor',
    );
    // the cursor is in the first visit's customer the moment the editor opens
    expect(activeField()).toBe('p-customer-0');
    const times = ['0830', '930', '10:15', '1100', '1330', '14.30', '1530', '1645'];
    const purposes = ['13', '2', '36', '4', '5', '6', '7', 'kf sk'];
    for (let i = 0; i < 8; i++) {
      const shop = shops[i]!;
      expect(activeField()).toBe(`p-customer-${i}`);
      await typeHere(shop.initials);
      await vi.waitFor(() => expect(optionTexts().join()).toContain(shop.name));
      await enter();
      await vi.waitFor(() => expect(activeField()).toBe(`p-time-${i}`));
      await typeHere(times[i]!);
      await enter();
      expect(activeField()).toBe(`p-purposes-${i}`);
      await typeHere(purposes[i]!);
      await enter();
      // the customer's primary contact is filled in and selected: Enter keeps it, typing would replace it
      expect(activeField()).toBe(`p-contact-${i}`);
      const contact = active() as HTMLInputElement;
      expect(contact.value).toBe(shop.contact);
      if (shop.contact) expect([contact.selectionStart, contact.selectionEnd]).toEqual([0, shop.contact.length]);
      if (i === 3) await typeHere('店长'); // this shop has no primary contact on file
      await enter();
      expect(activeField()).toBe(`p-notes-${i}`);
      if (i % 2 === 0) await typeHere(`第${i + 1}站`);
      // Enter in the last cell of the last row adds the next row, cursor in its customer
      await enter();
      await vi.waitFor(() => expect(activeField()).toBe(`p-customer-${i + 1}`));
    }
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('visitPlans.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    expect(saved).toEqual({
      repId: 3,
      date: DATE,
      notes: '',
      lines: [
        { customerId: 11, plannedTime: '08:30', purposes: ['develop', 'collect'], contact: '王经理', notes: '第1站' },
        { customerId: 12, plannedTime: '09:30', purposes: ['research'], contact: '李娜', notes: '' },
        { customerId: 13, plannedTime: '10:15', purposes: ['collect', 'order'], contact: '赵六', notes: '第3站' },
        { customerId: 14, plannedTime: '11:00', purposes: ['service'], contact: '店长', notes: '' },
        { customerId: 15, plannedTime: '13:30', purposes: ['complaint'], contact: '孙丽', notes: '第5站' },
        { customerId: 16, plannedTime: '14:30', purposes: ['order'], contact: '周强', notes: '' },
        { customerId: 17, plannedTime: '15:30', purposes: ['other'], contact: '吴敏', notes: '第7站' },
        { customerId: 18, plannedTime: '16:45', purposes: ['develop', 'collect'], contact: '郑凯', notes: '' },
      ],
    });
    await settle();
    // saved: the rows keep their place, now with the stored line ids (a second save edits, never duplicates)
    expect(document.querySelector('[data-test="form-state"]')?.textContent).toBe('草稿');
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('visitPlans.save')).toHaveLength(2));
    const again = core.of('visitPlans.save')[1]!.input as { id: number; lines: Array<{ id: number }> };
    expect(again.id).toBe(40);
    expect(again.lines.map((l) => l.id)).toEqual([400, 401, 402, 403, 404, 405, 406, 407]);
  });

  it('refuses a time or purposes that are not ones, naming the cell, and saves nothing', SLOW, async () => {
    const core = await mountAt(editor, { 'visitPlans.get': () => null, 'visitPlans.save': () => planDetail([]) }, 'plan-editor');
    await typeHere('bjhz');
    await vi.waitFor(() => expect(optionTexts().join()).toContain(shops[0].name));
    await enter();
    await vi.waitFor(() => expect(activeField()).toBe('p-time-0'));
    await typeHere('2500');
    await enter();
    await typeHere('9');
    await enter();
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle(200);
    const text = document.body.textContent ?? '';
    expect(text).toContain('计划时间：格式应为 HH:MM');
    expect(text).toContain('拜访目的：只能输入 1–7');
    expect(core.of('visitPlans.save')).toHaveLength(0);
    // what was typed stays as typed
    expect((document.querySelector('input[data-test="p-time-0"]') as HTMLInputElement).value).toBe('2500');
  });

  it('Enter on the empty customer of a blank last row leaves the table for the plan notes', SLOW, async () => {
    await mountAt(editor, { 'visitPlans.get': () => planDetail([{ customerId: 11, purposes: ['develop'] }]) }, 'plan-editor');
    await vi.waitFor(() => expect(document.body.textContent).toContain(shops[0].name));
    press('n', { altKey: true, code: 'KeyN' }); // Alt+N adds a row
    await vi.waitFor(() => expect(activeField()).toBe('p-customer-1'));
    await enter();
    expect(activeField()).toBe('plan-notes');
    expect(document.querySelector('[data-test="p-customer-1"]')).toBeNull();
  });

  it('copies the same weekday last week into an empty plan, and asks before replacing typed rows', SLOW, async () => {
    const source = planDetail(
      [
        { customerId: 12, plannedTime: '09:00', purposes: ['collect'], contact: '李娜', notes: '带对账单' },
        { customerId: 13, plannedTime: null, purposes: ['service'] },
      ],
      { id: 31, date: '2026-02-26' },
    );
    const core = await mountAt(
      editor,
      { 'visitPlans.get': () => null, 'visitPlans.copySource': () => source, 'visitPlans.save': () => planDetail([]) },
      'plan-editor',
    );
    (document.querySelector('[data-test="copy-last-week"]') as HTMLElement).click();
    await vi.waitFor(() => expect(document.querySelectorAll('input[data-test="p-notes-1"]')).toHaveLength(1));
    expect(core.of('visitPlans.copySource')[0]!.input).toEqual({ repId: 3, date: DATE, copyFrom: 'lastWeek' });
    expect((document.querySelector('input[data-test="p-notes-0"]') as HTMLInputElement).value).toBe('带对账单');
    expect((document.querySelector('input[data-test="p-time-0"]') as HTMLInputElement).value).toBe('09:00');
    // copying again over rows that are there asks, with 取消 focused
    (document.querySelector('[data-test="copy-previous-day"]') as HTMLElement).click();
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('替换'));
    await vi.waitFor(() => expect(active().textContent?.trim()).toBe('取消'));
    active().click();
    await settle(300);
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle();
    const lines = (core.of('visitPlans.save')[0]!.input as { lines: unknown[] }).lines;
    // copied lines are new lines of this plan: no ids from the other day
    expect(lines).toEqual([
      { customerId: 12, plannedTime: '09:00', purposes: ['collect'], contact: '李娜', notes: '带对账单' },
      { customerId: 13, plannedTime: null, purposes: ['service'], contact: '', notes: '' },
    ]);
  });

  it('submit saves first, then the plan is read-only and waits for sign-off', SLOW, async () => {
    const draft = planDetail([{ customerId: 11, plannedTime: '09:00', purposes: ['develop'], contact: '王经理' }]);
    const core = await mountAt(
      editor,
      {
        'visitPlans.get': () => draft,
        'visitPlans.save': () => draft,
        'visitPlans.submit': () => ({ ...draft, state: 'submitted', submittedAt: '2026-03-05T02:00:00.000Z' }),
      },
      'plan-editor',
    );
    await vi.waitFor(() => expect((document.querySelector('input[data-test="p-notes-0"]') as HTMLInputElement | null)?.value).toBe(''));
    const notes = document.querySelector('input[data-test="p-notes-0"]') as HTMLInputElement;
    notes.value = '先送样品';
    notes.dispatchEvent(new Event('input', { bubbles: true }));
    (document.querySelector('[data-test="form-submit"]') as HTMLElement).click();
    await vi.waitFor(() => expect(core.of('visitPlans.submit')).toHaveLength(1));
    expect(core.calls.map((c) => c.method).filter((m) => m.startsWith('visitPlans.'))).toEqual([
      'visitPlans.get',
      'visitPlans.save',
      'visitPlans.submit',
    ]);
    await settle();
    expect(document.querySelector('[data-test="form-state"]')?.textContent).toBe('已提交');
    expect(document.querySelector('[data-test="submitted-banner"]')).not.toBeNull();
    expect(document.querySelector('input[data-test="p-notes-0"]')).toBeNull();
    expect(document.querySelector('[data-test="form-save"]')).toBeNull();
  });

  it('a returned plan shows the supervisor’s comment and can be edited again', SLOW, async () => {
    const returned = planDetail([{ customerId: 11, purposes: ['develop'] }], { returned: true, returnComment: '下午安排太满，请调整' });
    await mountAt(editor, { 'visitPlans.get': () => returned }, 'plan-editor');
    await vi.waitFor(() => expect(document.querySelector('[data-test="returned-banner"]')?.textContent).toContain('下午安排太满，请调整'));
    expect(document.querySelector('[data-test="form-state"]')?.textContent).toBe('已退回');
    expect(document.querySelector('input[data-test="p-notes-0"]')).not.toBeNull();
  });

  it('a signed plan is read-only and shows the signer, time, comment and the first 8 digits of its hash', SLOW, async () => {
    const core = await mountAt(
      editor,
      { 'visitPlans.get': () => planDetail([{ customerId: 11, plannedTime: '09:00', purposes: ['develop', 'collect'] }], signedFields) },
      'plan-editor',
    );
    await vi.waitFor(() => expect(document.querySelector('[data-test="signed-banner"]')).not.toBeNull());
    const banner = document.querySelector('[data-test="signed-banner"]')!.textContent!;
    expect(banner).toContain('刘主管');
    expect(banner).toContain('同意');
    expect(document.querySelector('[data-test="signed-hash"]')?.textContent).toBe('3fa9c0d1');
    const table = document.querySelector('[data-test="plan-lines"]')!;
    expect(table.querySelectorAll('input').length).toBe(0);
    expect(table.textContent).toContain('开发新客户、收款');
    expect(document.querySelector('[data-test="form-save"]')).toBeNull();
    expect(document.querySelector('[data-test="form-submit"]')).toBeNull();
    expect(document.querySelector('[data-test="form-unsign"]')).not.toBeNull();
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle();
    expect(core.of('visitPlans.save')).toHaveLength(0);
  });

  it(
    'signing: a wrong password shows the message and keeps the dialog, with the password selected; the right one signs',
    SLOW,
    async () => {
      const submitted = planDetail([{ customerId: 11, purposes: ['develop'] }], {
        state: 'submitted',
        submittedAt: '2026-03-05T01:00:00.000Z',
      });
      const core = await mountAt(
        editor,
        {
          'visitPlans.get': () => submitted,
          'visitPlans.sign': (input: { password: string; comment?: string }) => {
            if (input.password !== 'right-pw') throw { code: 'VALIDATION', message: '密码不正确', field: 'password' };
            return { ...submitted, ...signedFields, signComment: input.comment ?? '' };
          },
        },
        'plan-editor',
      );
      await vi.waitFor(() => expect(document.querySelector('[data-test="form-sign"]')).not.toBeNull());
      (document.querySelector('[data-test="form-sign"]') as HTMLElement).click();
      await vi.waitFor(() => expect(activeField()).toBe('sign-password'));
      await typeHere('wrong');
      await enter(); // → comment
      expect(activeField()).toBe('sign-comment');
      await enter(); // Enter in the last field confirms
      await vi.waitFor(() => expect(core.of('visitPlans.sign')).toHaveLength(1));
      await settle();
      const dialog = document.querySelector('[data-test="sign-dialog"]')!;
      expect(dialog.textContent).toContain('密码不正确');
      expect(activeField()).toBe('sign-password');
      const pw = active() as HTMLInputElement;
      expect([pw.selectionStart, pw.selectionEnd]).toEqual([0, 5]);
      expect(document.querySelector('[data-test="form-state"]')?.textContent).toBe('已提交');
      await typeHere('right-pw');
      await enter();
      await typeHere('同意，注意回款');
      await enter();
      await vi.waitFor(() => expect(core.of('visitPlans.sign')).toHaveLength(2));
      expect(core.of('visitPlans.sign')[1]!.input).toEqual({ id: 40, password: 'right-pw', comment: '同意，注意回款' });
      await vi.waitFor(() => expect(document.querySelector('[data-test="form-state"]')?.textContent).toBe('已签核'));
      expect(document.querySelector('[data-test="signed-banner"]')?.textContent).toContain('同意，注意回款');
    },
  );

  it('returning needs a comment; unsigning needs the password and a reason', SLOW, async () => {
    const submitted = planDetail([{ customerId: 11, purposes: ['develop'] }], { state: 'submitted' });
    const core = await mountAt(
      editor,
      {
        'visitPlans.get': () => submitted,
        'visitPlans.return': (input: { comment: string }) => ({
          ...submitted,
          state: 'draft',
          returned: true,
          returnComment: input.comment,
        }),
      },
      'plan-editor',
    );
    await vi.waitFor(() => expect(document.querySelector('[data-test="form-return"]')).not.toBeNull());
    (document.querySelector('[data-test="form-return"]') as HTMLElement).click();
    await vi.waitFor(() => expect(activeField()).toBe('sign-comment'));
    await enter();
    await settle();
    expect(document.querySelector('[data-test="sign-dialog"]')?.textContent).toContain('退回原因：必填');
    expect(core.of('visitPlans.return')).toHaveLength(0);
    await typeHere('客户重复');
    await enter();
    await vi.waitFor(() => expect(core.of('visitPlans.return')).toHaveLength(1));
    await vi.waitFor(() => expect(document.querySelector('[data-test="returned-banner"]')?.textContent).toContain('客户重复'));
  });

  it(
    'a clerk gets no sign or return button on a submitted plan; a supervisor does; a supervisor’s home is the day board',
    SLOW,
    async () => {
      const submitted = planDetail([{ customerId: 11, purposes: ['develop'] }], { state: 'submitted' });
      await mountAt(editor, { 'visitPlans.get': () => submitted }, 'plan-editor', 'clerk');
      await vi.waitFor(() => expect(document.querySelector('[data-test="form-state"]')?.textContent).toBe('已提交'));
      expect(document.querySelector('[data-test="form-sign"]')).toBeNull();
      expect(document.querySelector('[data-test="form-return"]')).toBeNull();
      unmountAll();
      await mountAt(editor, { 'visitPlans.get': () => submitted }, 'plan-editor', 'supervisor');
      await vi.waitFor(() => expect(document.querySelector('[data-test="form-sign"]')).not.toBeNull());
      expect(document.querySelector('[data-test="form-return"]')).not.toBeNull();
      expect([homeFor('supervisor'), homeFor('clerk'), homeFor('manager')]).toEqual(['/day-board', '/customers', '/customers']);
    },
  );

  it('in English', SLOW, async () => {
    i18n.global.locale.value = 'en';
    await mountAt(editor, { 'visitPlans.get': () => planDetail([{ customerId: 11, purposes: ['develop', 'order'] }]) }, 'plan-editor');
    const text = document.body.textContent ?? '';
    expect(text).toContain('Daily visit plan');
    expect(text).toContain('Purposes: 1 New customer');
    expect(text).toContain('Order taking');
    expect(text).not.toMatch(/[计划拜访目的]{2}/);
  });
});
