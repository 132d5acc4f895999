// What the daily-form component tests share: the app's routes mounted in a router-view, a fake core with reps and
// customers, plan / report details as the core answers them, and a clerk's keyboard (typing lands where the cursor is;
// nothing is clicked or focused by the test).
import { expect, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import type { VisitPlanDetail } from '@shared/contract/visitPlans';
import type { DailyReportDetail } from '@shared/contract/dailyReports';
import { useAuthStore } from '@/stores/auth';
import type { OperatorRole } from '@shared/domain/dailyForms';
import { fakeCore, type Handler } from './fakeCore';

export const settle = async (ms = 120) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};

/** The eight shops of a rep's day: name, pinyin initials (what the clerk types), primary contact. */
export const shops = [
  { id: 11, name: '北京华众商贸有限公司', initials: 'bjhz', contact: '王经理' },
  { id: 12, name: '郑州恒达商贸有限公司', initials: 'zzhd', contact: '李娜' },
  { id: 13, name: '洛阳佳美超市', initials: 'lyjm', contact: '赵六' },
  { id: 14, name: '开封东方便利店', initials: 'kfdf', contact: '' },
  { id: 15, name: '新乡万家福超市', initials: 'xxwj', contact: '孙丽' },
  { id: 16, name: '许昌金源食品', initials: 'xcjy', contact: '周强' },
  { id: 17, name: '安阳大润商行', initials: 'aydr', contact: '吴敏' },
  { id: 18, name: '南阳鑫盛批发部', initials: 'nyxs', contact: '郑凯' },
] as const;

export const regionPath = ['华中', '河南省', '郑州市', '开发区片区'];

export const customerRow = (s: (typeof shops)[number]) => ({
  id: s.id,
  code: `C0000${s.id}`,
  name: s.name,
  shortName: '',
  type: 'retail',
  regionId: 5,
  regionName: '开发区片区',
  regionPath,
  repId: 3,
  repName: '张伟',
  dealerId: null,
  dealerName: null,
  phone: '',
  primaryContact: s.contact || null,
  grade: 'A',
  lifecycle: 'repeat',
  creditLimitFen: 0,
  paymentTermDays: 30,
  tags: [],
  archived: false,
  updatedAt: '2026-03-01T00:00:00.000Z',
});

export const rep = {
  id: 3,
  code: 'R003',
  name: '张伟',
  phone: '',
  teamId: 1,
  teamName: '郑州一组',
  supervisorId: null,
  supervisorName: null,
  hireDate: null,
  active: true,
  regionIds: [],
  regionNames: [],
  regionPaths: [],
  customerCount: 8,
  initials: 'zw',
  pinyin: 'zhangwei',
};

export const DATE = '2026-03-05';

const signature = {
  state: 'draft' as const,
  submittedAt: null,
  returned: false,
  returnComment: '',
  signedByOperatorId: null,
  signedByName: null,
  signedAt: null,
  signComment: '',
  contentHash: null,
};

export const signedFields = {
  state: 'signed' as const,
  submittedAt: '2026-03-05T01:00:00.000Z',
  returned: false,
  returnComment: '',
  signedByOperatorId: 2,
  signedByName: '刘主管',
  signedAt: '2026-03-05T09:30:00.000Z',
  signComment: '同意',
  contentHash: '3fa9c0d1e2b34a5f6789abcdef0123456789abcdef0123456789abcdef012345',
};

/** A plan as the core answers `visitPlans.save` / `.get` for these lines. */
export function planDetail(
  lines: Array<{ customerId: number; plannedTime?: string | null; purposes: string[]; contact?: string; notes?: string; id?: number }>,
  extra: Partial<VisitPlanDetail> = {},
): VisitPlanDetail {
  return {
    id: 40,
    repId: 3,
    repCode: 'R003',
    repName: '张伟',
    teamName: '郑州一组',
    date: DATE,
    notes: '',
    ...signature,
    lines: lines.map((l, i) => {
      const shop = shops.find((s) => s.id === l.customerId)!;
      return {
        id: l.id ?? 400 + i,
        seq: i + 1,
        customerId: l.customerId,
        customerCode: `C0000${l.customerId}`,
        customerName: shop.name,
        regionPath: '郑州市›开发区片区',
        address: '',
        plannedTime: l.plannedTime ?? null,
        purposes: l.purposes as VisitPlanDetail['lines'][number]['purposes'],
        contact: l.contact ?? '',
        notes: l.notes ?? '',
      };
    }),
    createdAt: '2026-03-05T00:00:00.000Z',
    updatedAt: '2026-03-05T00:00:00.000Z',
    ...extra,
  };
}

type ReportLineIn = {
  planLineId?: number | null;
  customerId: number;
  done: boolean;
  reason?: string;
  outcome?: string;
  nextStep?: string;
  orderFen?: number;
  collectedFen?: number;
  id?: number;
};

/** A report as the core answers `dailyReports.save` / `.get` for these lines. */
export function reportDetail(lines: ReportLineIn[], extra: Partial<DailyReportDetail> = {}): DailyReportDetail {
  const shaped = lines.map((l, i) => {
    const shop = shops.find((s) => s.id === l.customerId)!;
    return {
      id: l.id ?? 500 + i,
      seq: i + 1,
      planLineId: l.planLineId ?? null,
      customerId: l.customerId,
      customerCode: `C0000${l.customerId}`,
      customerName: shop.name,
      regionPath: '郑州市›开发区片区',
      plannedTime: l.planLineId ? '09:30' : null,
      done: l.done,
      reason: l.reason ?? '',
      outcome: l.outcome ?? '',
      nextStep: l.nextStep ?? '',
      orderFen: l.orderFen ?? 0,
      collectedFen: l.collectedFen ?? 0,
      complaintId: null,
      complaintCode: null,
    };
  });
  return {
    id: 60,
    repId: 3,
    repCode: 'R003',
    repName: '张伟',
    teamName: '郑州一组',
    date: DATE,
    attendance: 'present',
    problems: '',
    tomorrowPlan: '',
    planId: 40,
    ...signature,
    lines: shaped,
    totals: {
      visits: shaped.length,
      visitsDone: shaped.filter((l) => l.done).length,
      orderFen: shaped.reduce((s, l) => s + l.orderFen, 0),
      collectedFen: shaped.reduce((s, l) => s + l.collectedFen, 0),
    },
    monthToDate: {
      from: '2026-03-01',
      to: DATE,
      reportDays: 4,
      visits: 30,
      visitsDone: 27,
      orderFen: 1234500,
      collectedFen: 880000,
      salesTargetFen: 5_000_000,
      salesActualFen: 1_150_000,
      achievementBp: 2300,
      timeProgressBp: 1905,
      targetStatus: 'ahead',
    },
    createdAt: '2026-03-05T00:00:00.000Z',
    updatedAt: '2026-03-05T00:00:00.000Z',
    ...extra,
  };
}

/** The handlers every daily screen needs: reps, teams, regions, customers searched by pinyin initials. */
export const baseHandlers: Record<string, Handler> = {
  'reps.list': () => ({ rows: [rep], total: 1 }),
  'teams.list': () => [{ id: 1, name: '郑州一组', repCount: 1 }],
  'regions.tree': () => [],
  // the rep posted no orders or collections that day unless a test says so
  'dailyReports.documents': () => ({ rows: [] }),
  // one open complaint, of 开封东方便利店
  'complaints.list': (input: { customerId?: number }) => ({
    rows: input.customerId === 14 ? [{ id: 77, code: 'KS-20260304-001', customerId: 14, content: '包装破损', status: 'open' }] : [],
    total: input.customerId === 14 ? 1 : 0,
  }),
  'customers.list': (input: { search?: string }) => {
    const found = shops.filter((s) => !input.search || s.initials === input.search || s.name.includes(input.search));
    return { rows: found.map(customerRow), total: found.length };
  },
};

let wrapper: VueWrapper | undefined;

/** The app's routes in a router-view, at `path`, talking to a fake core. */
export async function mountAt(path: string, handlers: Record<string, Handler>, ready: string, role?: OperatorRole) {
  const core = fakeCore({ ...baseHandlers, ...handlers });
  const pinia = createPinia();
  // signed in as this role (without one every button shows, as before sign-in existed)
  if (role) useAuthStore(pinia).operator = { id: 9, name: '测试', role, repId: null, repName: null, hasSignature: false };
  const router: Router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [pinia, router, i18n] },
    attachTo: document.body,
  });
  await vi.waitFor(() => expect(wrapper!.find(`[data-test="${ready}"]`).exists()).toBe(true), { timeout: 15_000 });
  await settle();
  return Object.assign(core, { router, wrapper });
}

export function unmountAll() {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  i18n.global.locale.value = 'zh-CN';
}

// ---- the clerk's keyboard: keys go to whatever has the cursor ----

export const active = () => document.activeElement as HTMLElement;
/** The data-test of the field with the cursor (or of the nearest element around it that has one). */
export const activeField = () => {
  const el = document.activeElement;
  return el?.getAttribute('data-test') ?? el?.closest('[data-test]')?.getAttribute('data-test') ?? el?.tagName ?? '';
};

export function press(key: string, init: KeyboardEventInit = {}) {
  const target = document.activeElement ?? document.body;
  return target.dispatchEvent(
    new KeyboardEvent('keydown', {
      key,
      code: key.length === 1 ? `Key${key.toUpperCase()}` : key,
      bubbles: true,
      cancelable: true,
      ...init,
    }),
  );
}

/** Types into the field that has the cursor (a real keyboard replaces a selected prefilled value the same way). */
export async function typeHere(text: string) {
  const el = document.activeElement as HTMLInputElement;
  expect(el.tagName === 'INPUT' || el.tagName === 'TEXTAREA').toBe(true);
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(30);
}

export async function enter() {
  press('Enter');
  await settle(40);
}

export const optionTexts = () => Array.from(document.querySelectorAll('.el-select-dropdown__item')).map((o) => o.textContent?.trim() ?? '');
