// RepList.vue (+ RepFormDialog, TeamsPanel) against a fake core: list inputs, dialog save, activation and teams.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ElMessageBox } from 'element-plus';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore, type Handler } from './fakeCore';
import RepList from '@/views/reps/RepList.vue';
import { type RegionNode, type Rep } from '@shared/contract';

function rep(id: number, code: string, name: string, extra: Partial<Rep> = {}): Rep {
  return {
    id,
    code,
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
    initials: '',
    pinyin: '',
    ...extra,
  };
}

const zhang = rep(1, 'R001', '张伟', {
  phone: '13800000001',
  teamId: 1,
  teamName: '华东一组',
  hireDate: '2021-03-15',
  regionIds: [2, 3],
  regionNames: ['江苏省', '南京市'],
  regionPaths: [
    ['华东', '江苏省'],
    ['华东', '江苏省', '南京市'],
  ],
  customerCount: 42,
  initials: 'zw',
  pinyin: 'zhangwei',
});
const li = rep(2, 'R002', '李娜', {
  phone: '13900000002',
  teamId: 1,
  teamName: '华东一组',
  supervisorId: 1,
  supervisorName: '张伟',
  customerCount: 7,
  initials: 'ln',
  pinyin: 'lina',
});
const wang = rep(3, 'R003', '王强', { active: false, teamId: 2, teamName: '华北组', initials: 'wq', pinyin: 'wangqiang' });

const teams = [
  { id: 1, name: '华东一组', repCount: 2 },
  { id: 2, name: '华北组', repCount: 0 },
];

function regionTree(): RegionNode[] {
  const nanjing: RegionNode = {
    id: 3,
    parentId: 2,
    name: '南京市',
    code: '',
    level: 3,
    sortOrder: 0,
    customerCount: 0,
    initials: 'njs',
    children: [],
  };
  const jiangsu: RegionNode = {
    id: 2,
    parentId: 1,
    name: '江苏省',
    code: '',
    level: 2,
    sortOrder: 0,
    customerCount: 0,
    initials: 'jss',
    children: [nanjing],
  };
  return [{ id: 1, parentId: null, name: '华东', code: '', level: 1, sortOrder: 0, customerCount: 0, initials: 'hd', children: [jiangsu] }];
}

/** A reps.list that honours includeInactive, the way the real core does. */
function listReps(inp: { includeInactive?: boolean }) {
  const rows = [zhang, li, wang].filter((r) => inp.includeInactive || r.active);
  return { rows, total: rows.length };
}

function defaultHandlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'reps.list': listReps,
    'teams.list': () => teams,
    'regions.tree': regionTree,
    'reps.save': (inp: { id?: number; code: string }) => ({ id: inp.id ?? 99, code: inp.code || 'R099' }),
    'teams.save': (inp: { id?: number }) => ({ id: inp.id ?? 9 }),
    ...extra,
  };
}

// ---------- mounting ----------
let wrapper: VueWrapper | undefined;

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/reps');
  await router.isReady();
  wrapper = mount(RepList, { global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const listCalls = (core: ReturnType<typeof fakeCore>) => core.of('reps.list').filter((c) => c.input.pageSize !== 1000);
const lastList = (core: ReturnType<typeof fakeCore>) => listCalls(core).at(-1)!.input;
const messages = () => Array.from(document.querySelectorAll('.el-message')).map((m) => m.textContent ?? '');
/** The dialog is teleported to <body>. */
const dialogEl = () => document.querySelector('[data-test="rep-form"]') as HTMLElement | null;
const dialogInput = (testId: string) => document.querySelector(`[data-test="rep-form"] [data-test="${testId}"]`) as HTMLInputElement;

async function type(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
}

async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await flushPromises();
}

/** The options of one Element Plus select (its dropdown is teleported; the input names it in aria-controls). */
function optionsOf(select: Element): HTMLElement[] {
  const listId = select.querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
  return Array.from(document.getElementById(listId)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item') ?? []);
}

/** Opens an Element Plus select and clicks the option whose text starts with `text`. */
async function pickOption(select: Element, text: string) {
  await click(select.querySelector('.el-select__wrapper'));
  await click(optionsOf(select).find((o) => o.textContent?.trim().startsWith(text)));
}

function ctrlS() {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
}

function tableRows(w: VueWrapper) {
  return w.findAll('[data-test="rep-table"] .el-table__body-wrapper tr.el-table__row');
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  localStorage.clear();
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('RepList', () => {
  it('loads page 1 of 50 active reps and renders the columns', async () => {
    // supervisor and hire date are hidden by default (the list fits beside the teams at 1280 px); this user chose them
    localStorage.setItem('salesdesk.columns.reps', JSON.stringify({ supervisorName: true, hireDate: true }));
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    expect(core.rejected).toEqual([]);
    expect(listCalls(core).map((c) => c.input)).toEqual([{ page: 1, pageSize: 50, includeInactive: false }]);
    const rows = tableRows(w);
    expect(rows).toHaveLength(2);
    const first = rows[0]!.text();
    for (const cell of ['R001', '张伟', '13800000001', '华东一组', '2021-03-15', '42', '在职']) expect(first).toContain(cell);
    expect(rows[0]!.findAll('.sd-tag').map((tg) => tg.text())).toEqual(expect.arrayContaining(['江苏省', '南京市']));
    expect(rows[1]!.text()).toContain('张伟'); // 李娜's supervisor
    expect(w.find('[data-test="rep-total"]').text()).toContain('2');
    // teams panel with active head-counts
    expect(w.find('[data-test="team-table"]').text()).toContain('华东一组');
    expect(w.find('[data-test="team-table"]').text()).toContain('华北组');
  });

  it('sends the search, the 显示离职 switch and the team filter to reps.list', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    const search = w.find('[data-test="rep-search"]');
    await search.setValue(' zw ');
    await search.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    expect(lastList(core)).toEqual({ page: 1, pageSize: 50, includeInactive: false, search: 'zw' });

    await w.find('[data-test="rep-inactive"]').trigger('click');
    await flushPromises();
    expect(lastList(core)).toEqual({ page: 1, pageSize: 50, includeInactive: true, search: 'zw' });
    expect(tableRows(w)).toHaveLength(3);
    expect(tableRows(w)[2]!.text()).toContain('离职');
    expect(tableRows(w)[2]!.find('[data-test="rep-reactivate"]').exists()).toBe(true);

    // clicking a team in the side panel filters by it; clicking again clears
    const teamRow = w.findAll('[data-test="team-table"] tr.el-table__row').find((r) => r.text().includes('华北组'))!;
    await teamRow.trigger('click');
    await flushPromises();
    expect(lastList(core)).toMatchObject({ teamId: 2, page: 1 });
    await teamRow.trigger('click');
    await flushPromises();
    expect(lastList(core)).not.toHaveProperty('teamId');
    expect(core.rejected).toEqual([]);
  });

  it('search while typing is debounced into one request', async () => {
    vi.useFakeTimers();
    try {
      const core = fakeCore(defaultHandlers());
      const w = await mountView();
      const search = w.find('[data-test="rep-search"]');
      await search.setValue('z');
      await search.setValue('zh');
      await search.setValue('zha');
      expect(listCalls(core)).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(300);
      await flushPromises();
      expect(listCalls(core)).toHaveLength(2);
      expect(lastList(core).search).toBe('zha');
    } finally {
      vi.useRealTimers();
    }
  });

  it('sorting a column sends the server sort field', async () => {
    localStorage.setItem('salesdesk.columns.reps', JSON.stringify({ hireDate: true }));
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    const header = (label: string) => w.findAll('[data-test="rep-table"] th').find((th) => th.text().includes(label))!;
    await header('客户数').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'customerCount', order: 'asc' });
    await header('客户数').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'customerCount', order: 'desc' });
    await header('入职日期').trigger('click');
    await flushPromises();
    expect(lastList(core).sort).toEqual({ field: 'hireDate', order: 'asc' });
    expect(core.rejected).toEqual([]);
  });

  it('新增业务员: the dialog sends the typed fields, then the list and pickers reload', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();
    const repsLookups = () => core.of('reps.list').filter((c) => c.input.pageSize === 1000).length;
    const lookupsBefore = repsLookups();

    await w.find('[data-test="rep-add"]').trigger('click');
    await flushPromises();
    expect(dialogEl()).not.toBeNull();
    await type(dialogInput('rep-name'), ' 赵敏 ');
    await type(dialogInput('rep-code'), 'S-07');
    await type(dialogInput('rep-phone'), '13700000003');
    await pickOption(dialogInput('rep-team').closest('.el-select')!, '华北组');
    await pickOption(dialogInput('rep-supervisor').closest('.el-select')!, '张伟');
    await pickOption(dialogInput('rep-regions').closest('.el-select')!, '南京市');
    await click(document.querySelector('button[data-test="rep-save"]'));

    expect(core.rejected).toEqual([]);
    expect(core.of('reps.save').map((c) => c.input)).toEqual([
      {
        code: 'S-07',
        name: '赵敏',
        phone: '13700000003',
        teamId: 2,
        supervisorId: 1,
        regionIds: [3],
        hireDate: null,
        active: true,
      },
    ]);
    expect(messages().join()).toContain('已保存');
    await vi.waitFor(() => expect((dialogEl()!.closest('.el-overlay') as HTMLElement).style.display).toBe('none'));
    expect(listCalls(core).length).toBeGreaterThanOrEqual(2);
    expect(repsLookups()).toBeGreaterThan(lookupsBefore);
    expect(core.of('teams.list').length).toBeGreaterThanOrEqual(2);
  });

  it('编辑 keeps untouched fields, Ctrl+S saves, and the supervisor picker excludes the rep', async () => {
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    await tableRows(w)[0]!.find('[data-test="rep-edit"]').trigger('click');
    await flushPromises();
    expect(dialogInput('rep-name').value).toBe('张伟');
    expect(dialogInput('rep-phone').value).toBe('13800000001');
    // region tags show full paths
    expect(dialogEl()!.textContent).toContain('华东 › 江苏省 › 南京市');

    const supervisor = dialogInput('rep-supervisor').closest('.el-select')!;
    await click(supervisor.querySelector('.el-select__wrapper'));
    const supervisorOptions = optionsOf(supervisor).map((o) => o.textContent ?? '');
    expect(supervisorOptions.some((o) => o.startsWith('李娜'))).toBe(true);
    expect(supervisorOptions.some((o) => o.startsWith('张伟'))).toBe(false);

    await type(dialogInput('rep-phone'), '13811112222');
    ctrlS();
    await flushPromises();

    expect(core.rejected).toEqual([]);
    expect(core.of('reps.save').map((c) => c.input)).toEqual([
      {
        id: 1,
        code: 'R001',
        name: '张伟',
        phone: '13811112222',
        teamId: 1,
        supervisorId: null,
        regionIds: [2, 3],
        hireDate: '2021-03-15',
        active: true,
      },
    ]);
  });

  it('does not save without a name, and shows a server error on the field', async () => {
    const core = fakeCore(
      defaultHandlers({
        'reps.save': () => {
          throw { code: 'CONFLICT', message: '编码：业务员编码「R001」已被使用', field: 'code' };
        },
      }),
    );
    const w = await mountView();

    await w.find('[data-test="rep-add"]').trigger('click');
    await flushPromises();
    await click(document.querySelector('button[data-test="rep-save"]'));
    expect(core.of('reps.save')).toHaveLength(0);

    await type(dialogInput('rep-name'), '赵敏');
    await type(dialogInput('rep-code'), 'R001');
    await click(document.querySelector('button[data-test="rep-save"]'));
    expect(core.of('reps.save')).toHaveLength(1);
    expect(messages().join()).toContain('编码：业务员编码「R001」已被使用');
    await new Promise((r) => setTimeout(r, 150)); // Element Plus shows field errors after a short debounce
    await flushPromises();
    expect(dialogEl()!.querySelector('.el-form-item__error')?.textContent).toContain('已被使用');
    // still open with what was typed
    expect(dialogInput('rep-name').value).toBe('赵敏');
  });

  it('设为离职 asks first and saves the rep unchanged except active=false; 恢复在职 reverses it', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    const core = fakeCore(defaultHandlers());
    const w = await mountView();

    await tableRows(w)[1]!.find('[data-test="rep-deactivate"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    expect(core.of('reps.save').map((c) => c.input)).toEqual([
      { id: 2, code: 'R002', name: '李娜', phone: '13900000002', teamId: 1, supervisorId: 1, regionIds: [], hireDate: null, active: false },
    ]);
    expect(messages().join()).toContain('已设为离职');

    await w.find('[data-test="rep-inactive"]').trigger('click');
    await flushPromises();
    await tableRows(w)[2]!.find('[data-test="rep-reactivate"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce(); // reactivating needs no confirmation
    expect(core.of('reps.save').at(-1)!.input).toMatchObject({ id: 3, name: '王强', teamId: 2, active: true });
    expect(core.rejected).toEqual([]);
  });

  it('新增团队 and 重命名 go through teams.save and refresh the teams', async () => {
    const prompt = vi.spyOn(ElMessageBox, 'prompt');
    prompt.mockResolvedValueOnce({ value: ' 华南组 ', action: 'confirm' } as never);
    const core = fakeCore(defaultHandlers());
    const w = await mountView();
    const teamLoads = core.of('teams.list').length;

    await w.find('[data-test="team-add"]').trigger('click');
    await flushPromises();
    expect(core.of('teams.save').map((c) => c.input)).toEqual([{ name: '华南组' }]);
    expect(core.of('teams.list').length).toBe(teamLoads + 1);

    prompt.mockResolvedValueOnce({ value: '华北大组', action: 'confirm' } as never);
    const teamRow = w.findAll('[data-test="team-table"] tr.el-table__row').find((r) => r.text().includes('华北组'))!;
    await teamRow.find('[data-test="team-rename"]').trigger('click');
    await flushPromises();
    expect(prompt.mock.calls[1]![2]).toMatchObject({ inputValue: '华北组' });
    expect(core.of('teams.save').at(-1)!.input).toEqual({ id: 2, name: '华北大组' });
    // renaming does not filter the list by that team
    expect(lastList(core)).not.toHaveProperty('teamId');
    expect(core.rejected).toEqual([]);
  });

  it('shows a teams.save error', async () => {
    vi.spyOn(ElMessageBox, 'prompt').mockResolvedValueOnce({ value: '华东一组', action: 'confirm' } as never);
    fakeCore(
      defaultHandlers({
        'teams.save': () => {
          throw { code: 'CONFLICT', message: '名称：已有团队「华东一组」', field: 'name' };
        },
      }),
    );
    const w = await mountView();
    await w.find('[data-test="team-add"]').trigger('click');
    await flushPromises();
    expect(messages().join()).toContain('名称：已有团队「华东一组」');
  });
});
