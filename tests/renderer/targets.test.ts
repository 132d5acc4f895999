// 目标设置 screens against a fake core: the grid's totals in 元, a cell typed + Enter sent as targets.setCell with the
// chosen rebalance (行内调整 / 列内调整) and the moved cells highlighted, a cell locked by its icon and by Ctrl+L; the
// top targets list and 新建年度目标 from the keyboard (元 → 分); a child's value changed with 上级随之调整.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Component } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useLookupsStore } from '@/stores/lookups';
import { fakeCore, type Handler } from './fakeCore';
import TargetGrid from '@/views/targets/TargetGrid.vue';
import TargetsPage from '@/views/targets/TargetsPage.vue';
import TargetDetail from '@/views/targets/TargetDetail.vue';
import type { TargetGrid as Grid, TargetRow } from '@shared/contract/targets';
import type { Rep } from '@shared/contract';

const SLOW = 120_000;
let wrapper: VueWrapper | undefined;
let pinia: Pinia;

const rep = (id: number, name: string): Rep => ({
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
  pinyin: '',
  initials: '',
});
const reps = [rep(1, '李娜'), rep(2, '王强')];

const target = (id: number, extra: Partial<TargetRow> = {}): TargetRow => ({
  id,
  metric: 'sales',
  level: 'company',
  unitId: null,
  unitName: '',
  period: '2026',
  periodKind: 'year',
  from: '2026-01-01',
  to: '2026-12-31',
  value: 0,
  parentId: null,
  split: null,
  locked: false,
  childCount: 0,
  childrenSum: 0,
  note: '',
  ...extra,
});

const months = Array.from({ length: 12 }, (_v, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const lastDay = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0)).toISOString().slice(0, 10);

/** Two reps' monthly cells (分), ids 100 + 12·row + column; totals computed like the core. */
function makeGrid(cells: number[][], locked: Array<[number, number]> = []): Grid {
  const rows = cells.map((values, r) => ({
    id: 20 + r,
    unitId: r + 1,
    unitName: reps[r]!.name,
    value: values.reduce((s, v) => s + v, 0),
    locked: false,
    unallocated: 0,
    cells: values.map((value, c) => ({
      id: 100 + 12 * r + c,
      period: months[c]!,
      value,
      locked: locked.some(([lr, lc]) => lr === r && lc === c),
    })),
  }));
  const total = rows.reduce((s, r) => s + r.value, 0);
  return {
    parent: target(10, { value: total, split: 'unit', childCount: rows.length, childrenSum: total }),
    columns: months.map((period, c) => ({
      period,
      from: `${period}-01`,
      to: lastDay(period),
      total: cells.reduce((s, row) => s + row[c]!, 0),
    })),
    rows,
    unallocated: 0,
  };
}

const base: Record<string, Handler> = {
  'reps.list': () => ({ rows: reps, total: reps.length }),
  'regions.tree': () => [],
  'teams.list': () => [],
  'customers.list': () => ({ rows: [], total: 0 }),
  'dealers.list': () => ({ rows: [], total: 0 }),
};

async function mountAt(path: string, component: Component, props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  await useLookupsStore(pinia).loadAll();
  wrapper = mount(component, { props, global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await settle();
  return { w: wrapper, router };
}

const settle = async (ms = 100) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
const keydown = (el: Element, init: KeyboardEventInit) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
const enter = (el: Element) => keydown(el, { key: 'Enter', code: 'Enter' });
const ctrlS = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
const cellInput = (r: number, c: number) => document.querySelector<HTMLInputElement>(`[data-test="cell-${r}-${c}"] input`)!;
const text = (testId: string) => document.querySelector(`[data-test="${testId}"]`)!.textContent!.trim();
const field = (testId: string) => document.querySelector<HTMLInputElement>(`input[data-test="${testId}"], [data-test="${testId}"] input`)!;
async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  await flushPromises();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
}
async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await settle(50);
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  pinia = createPinia();
  setActivePinia(pinia);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

// 李娜 ¥1,000.00 a month; 王强 ¥2,000.00 a month, except ¥2,500.00 in March
const start = () => [Array(12).fill(100_000), months.map((_m, i) => (i === 2 ? 250_000 : 200_000))];

describe('网格编辑: units × months', () => {
  it('shows every cell, row total, column total and the parent in 元 with separators', { timeout: SLOW }, async () => {
    fakeCore({ ...base, 'targets.grid': () => makeGrid(start()) });
    await mountAt('/targets/10/grid', TargetGrid, { id: 10 });
    expect(document.querySelectorAll('[data-test^="grid-row-"]')).toHaveLength(2);
    expect(cellInput(0, 0).value).toBe('1,000.00');
    expect(cellInput(1, 2).value).toBe('2,500.00');
    expect(text('row-total-0')).toBe('12,000.00');
    expect(text('row-total-1')).toBe('24,500.00');
    expect(text('col-total-0')).toBe('3,000.00');
    expect(text('col-total-2')).toBe('3,500.00');
    expect(text('grid-total')).toBe('36,500.00');
    expect(text('grid-parent')).toBe('36,500.00');
    const heads = Array.from(document.querySelectorAll('[data-test="grid-table"] thead th')).map((th) => th.textContent!.trim());
    expect(heads[1]).toBe('1月');
    expect(heads[13]).toBe('行合计');
  });

  it(
    'a typed value + Enter calls targets.setCell with 行内调整, then 列内调整; the moved cells are highlighted',
    { timeout: SLOW },
    async () => {
      let grid = makeGrid(start());
      const core = fakeCore({
        ...base,
        'targets.grid': () => grid,
        'targets.setCell': (input: { id: number; value: number; rebalance: 'row' | 'column' }) => {
          // the core's answer: 李娜 February to ¥1,550.00 and the other eleven months give ¥50.00 each (row total kept)
          const cells = start();
          if (input.rebalance === 'row') cells[0] = cells[0]!.map((v, i) => (i === 1 ? input.value : v - 5_000));
          else [cells[0]![1], cells[1]![1]] = [input.value, cells[1]![1]! - (input.value - 100_000)];
          grid = makeGrid(cells);
          return grid;
        },
      });
      await mountAt('/targets/10/grid', TargetGrid, { id: 10 });

      const cell = cellInput(0, 1);
      await typeInto(cell, '1550');
      enter(cell);
      await settle();
      expect(core.of('targets.setCell').map((c) => c.input)).toEqual([{ id: 101, value: 155_000, rebalance: 'row' }]);
      expect(cellInput(0, 1).value).toBe('1,550.00');
      expect(cellInput(0, 0).value).toBe('950.00');
      expect(text('row-total-0')).toBe('12,000.00');
      // the edited cell and the eleven that absorbed it
      expect(document.querySelectorAll('[data-test^="cell-0-"].changed')).toHaveLength(12);
      expect(document.querySelector('[data-test="cell-0-1"]')!.classList).toContain('edited');
      expect(document.querySelectorAll('[data-test^="cell-1-"].changed')).toHaveLength(0);
      // Enter moved the cursor down the column
      expect(document.activeElement).toBe(cellInput(1, 1));

      await click(document.querySelector('[data-test="grid-mode-column"] input, [data-test="grid-mode-column"]'));
      grid = makeGrid(start());
      const other = cellInput(0, 1);
      await typeInto(other, '1,200.00');
      enter(other);
      await settle();
      expect(core.of('targets.setCell')[1]!.input).toEqual({ id: 101, value: 120_000, rebalance: 'column' });
      expect(text('col-total-1')).toBe('3,000.00');
      // the cursor moved down onto 王强 February: the cell shows its value as it edits, ungrouped
      expect(document.activeElement).toBe(cellInput(1, 1));
      expect(cellInput(1, 1).value).toBe('1800.00');
      expect(core.rejected).toEqual([]);
    },
  );

  it('speaks English after the switch', { timeout: SLOW }, async () => {
    fakeCore({ ...base, 'targets.grid': () => makeGrid(start()) });
    i18n.global.locale.value = 'en';
    await mountAt('/targets/10/grid', TargetGrid, { id: 10 });
    const heads = Array.from(document.querySelectorAll('[data-test="grid-table"] thead th')).map((th) => th.textContent!.trim());
    expect([heads[0], heads[1], heads[12], heads[13]]).toEqual(['Unit', 'Jan', 'Dec', 'Row total']);
    expect(document.querySelector('[data-test="grid-mode"]')!.textContent).toContain('Rest of the row');
    expect(text('grid-total')).toBe('36,500.00');
  });

  it('a bad amount is refused on screen and never sent', { timeout: SLOW }, async () => {
    const core = fakeCore({ ...base, 'targets.grid': () => makeGrid(start()) });
    await mountAt('/targets/10/grid', TargetGrid, { id: 10 });
    const cell = cellInput(0, 3);
    await typeInto(cell, '12.345');
    enter(cell);
    await settle();
    expect(core.of('targets.setCell')).toHaveLength(0);
    expect(document.body.textContent).toContain('目标值');
  });

  it('locks a cell by its icon and unlocks it by Ctrl+L; a locked cell cannot be typed into', { timeout: SLOW }, async () => {
    const grid = makeGrid(start());
    const core = fakeCore({
      ...base,
      'targets.grid': () => grid,
      'targets.lock': (input: { id: number; locked: boolean }) => ({ id: input.id, locked: input.locked }),
    });
    await mountAt('/targets/10/grid', TargetGrid, { id: 10 });
    await click(document.querySelector('[data-test="lock-1-4"]'));
    expect(core.of('targets.lock').map((c) => c.input)).toEqual([{ id: 116, locked: true }]);
    expect(document.querySelector('[data-test="cell-1-4"]')!.classList).toContain('locked');
    expect(cellInput(1, 4).readOnly).toBe(true);

    cellInput(1, 4).focus();
    keydown(cellInput(1, 4), { key: 'l', code: 'KeyL', ctrlKey: true });
    await settle();
    expect(core.of('targets.lock')[1]!.input).toEqual({ id: 116, locked: false });
    expect(document.querySelector('[data-test="cell-1-4"]')!.classList).not.toContain('locked');
    expect(cellInput(1, 4).readOnly).toBe(false);
  });
});

describe('目标设置: the top targets and 新建年度目标', () => {
  it(
    'lists the roots of the metric and year, and creates an annual company target from the keyboard in 分',
    { timeout: SLOW },
    async () => {
      const roots = [target(1, { value: 1_200_000_000, split: 'time', childCount: 12, childrenSum: 1_100_000_000 })];
      const core = fakeCore({
        ...base,
        'targets.roots': () => ({ rows: roots }),
        'targets.save': () => ({ id: 7 }),
        'targets.get': () => target(7, { value: 360_000_000 }),
        'targets.children': () => ({ rows: [] }),
      });
      const { router } = await mountAt('/targets?metric=sales&year=2026', TargetsPage);
      expect(core.of('targets.roots')[0]!.input).toEqual({ metric: 'sales', year: 2026 });
      expect(text('root-value')).toBe('12,000,000.00');
      expect(text('root-unallocated')).toBe('1,000,000.00');

      await click(document.querySelector('[data-test="targets-new"]'));
      await settle();
      // the cursor starts in the first field; level is 公司, so no unit is asked
      expect(document.activeElement).toBe(field('tn-metric'));
      expect(document.querySelector('[data-test="tn-unit"]')).toBeNull();
      const value = field('tn-value');
      await typeInto(value, '3,600,000');
      ctrlS();
      await settle();
      expect(core.of('targets.save').map((c) => c.input)).toEqual([
        { metric: 'sales', level: 'company', period: '2026', value: 360_000_000 },
      ]);
      await settle();
      expect(router.currentRoute.value.fullPath).toBe('/targets/7');
    },
  );
});

describe('目标: a child changed with 上级随之调整', () => {
  it('sends rebalance parent for the child and shows shares of the parent', { timeout: SLOW }, async () => {
    const parent = target(1, { value: 1_200_000, split: 'time', childCount: 4, childrenSum: 1_200_000 });
    const quarters = [1, 2, 3, 4].map((q) =>
      target(10 + q, { period: `2026-Q${q}`, periodKind: 'quarter', parentId: 1, value: 300_000, locked: q === 1 }),
    );
    const core = fakeCore({
      ...base,
      'targets.get': (input: { id: number }) => (input.id === 1 ? parent : quarters.find((x) => x.id === input.id)),
      'targets.children': () => ({ rows: quarters }),
      'targets.save': () => ({ id: 12 }),
    });
    await mountAt('/targets/1', TargetDetail, { id: 1 });
    const rows = Array.from(document.querySelectorAll('[data-test="target-children"] .el-table__body tr'));
    expect(rows.map((r) => r.querySelector('td')!.textContent!.trim())).toEqual([
      '2026年第1季度',
      '2026年第2季度',
      '2026年第3季度',
      '2026年第4季度',
    ]);
    expect(rows[0]!.textContent).toContain('3,000.00');
    expect(rows[0]!.textContent).toContain('25.00%');

    await click(rows[1]!.querySelector('[data-test="child-edit"]'));
    await settle();
    await typeInto(field('te-value'), '4000');
    await click(document.querySelector('[data-test="te-parent"]'));
    ctrlS();
    await settle();
    expect(core.of('targets.save').map((c) => c.input)).toEqual([
      { id: 12, metric: 'sales', level: 'company', period: '2026-Q2', value: 400_000, parentId: 1, rebalance: 'parent' },
    ]);
    expect(core.rejected).toEqual([]);
  });
});

describe('分解: by time with a weights table', () => {
  it('sends one weight per month, refuses all zero, and shows the shares', { timeout: SLOW }, async () => {
    const parent = target(1, { value: 1_200_000 });
    const core = fakeCore({
      ...base,
      'targets.get': () => parent,
      'targets.children': () => ({ rows: [] }),
      'targets.decompose': () => ({ rows: [] }),
    });
    await mountAt('/targets/1', TargetDetail, { id: 1 });
    await click(document.querySelector('[data-test="target-decompose"]'));
    await click(document.querySelector('[data-test="dc-method-weights"]'));
    const weights = Array.from(document.querySelectorAll<HTMLInputElement>('[data-test="dc-weights"] input'));
    expect(weights).toHaveLength(12);
    for (const w of weights) await typeInto(w, '0');
    await settle();
    expect(text('dc-weights-error')).toBe('权重不能全为 0');
    expect(document.querySelector<HTMLButtonElement>('[data-test="dc-save"]')!.disabled).toBe(true);
    // a busy season: 3 in June and December, 1 elsewhere
    for (const [i, w] of weights.entries()) await typeInto(w, i === 5 || i === 11 ? '3' : '1');
    await settle();
    expect(document.querySelector('[data-test="dc-weights"]')!.textContent).toContain('18.75%');
    await click(document.querySelector('[data-test="dc-save"]'));
    expect(core.of('targets.decompose').map((c) => c.input)).toEqual([
      { parentId: 1, method: 'weights', by: 'time', periodKind: 'month', weights: [1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 3] },
    ]);
    expect(core.rejected).toEqual([]);
  });
});

describe('新建年度目标 for a rep', () => {
  it('asks for the rep once the level needs a unit, then sends its id', { timeout: SLOW }, async () => {
    const core = fakeCore({
      ...base,
      'targets.roots': () => ({ rows: [] }),
      'targets.save': () => ({ id: 8 }),
      'targets.get': () => target(8, { level: 'rep', unitId: 2, unitName: '王强' }),
      'targets.children': () => ({ rows: [] }),
    });
    await mountAt('/targets?metric=visits&year=2027', TargetsPage);
    await click(document.querySelector('[data-test="targets-new"]'));
    await settle();
    const select = (root: string) => document.querySelector(`${root} .el-select, ${root}.el-select`)!;
    const choose = async (root: string, label: string) => {
      await click(select(root).querySelector('.el-select__wrapper'));
      const listId = select(root).querySelector('input[role="combobox"]')!.getAttribute('aria-controls')!;
      const options = Array.from(document.getElementById(listId)!.querySelectorAll<HTMLElement>('.el-select-dropdown__item'));
      await click(options.find((o) => o.textContent!.trim().startsWith(label)));
    };
    await choose('[data-test="tn-level"]', '业务员');
    expect(document.querySelector('[data-test="tn-unit"]')).not.toBeNull();
    // a count metric: the value is a whole number, not 元
    expect(document.querySelector('[data-test="target-new-form"]')!.textContent).toContain('目标值（个）');
    await typeInto(field('tn-value'), '1200');
    ctrlS();
    await settle();
    expect(core.of('targets.save')).toHaveLength(0);
    expect(document.querySelector('[data-test="tn-unit"]')!.textContent).toContain('请选择业务员');

    await choose('[data-test="tn-unit"]', '王强');
    ctrlS();
    await settle();
    expect(core.of('targets.save').map((c) => c.input)).toEqual([
      { metric: 'visits', level: 'rep', unitId: 2, period: '2027', value: 1200 },
    ]);
    expect(core.rejected).toEqual([]);
  });
});
