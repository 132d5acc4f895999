// 备份与恢复 screen: shows what the database is and every backup (kind, size, schema), backs up now and to a typed
// folder (the core's refusal shown under the field), saves only the changed settings, restores after a confirmation
// that says the restore can be undone, then offers the undo after the reload; a backup from a newer version has no
// restore button.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useAuthStore } from '@/stores/auth';
import { afterRestore, restoreNote } from '@/views/backups/restoreNote';
import type { BackupRow } from '@shared/contract/backups';
import { fakeCore } from './fakeCore';

const DB = '/srv/salesdesk/salesdesk.db';
const FOLDER = '/srv/salesdesk/backups';

let wrapper: VueWrapper;
let reloads = 0;

function state() {
  return {
    rows: [
      {
        file: 'salesdesk-20261201-090000-manual.db',
        createdAt: '2026-12-01T01:00:00.000Z',
        sizeBytes: 5 * 1048576,
        schemaVersion: 10,
        kind: 'manual',
      },
      {
        file: 'salesdesk-20261130-130000-auto.db',
        createdAt: '2026-11-30T05:00:00.000Z',
        sizeBytes: 4 * 1048576,
        schemaVersion: 10,
        kind: 'auto',
      },
      {
        file: 'salesdesk-20261129-130000-auto.db',
        createdAt: '2026-11-29T05:00:00.000Z',
        sizeBytes: 4 * 1048576,
        schemaVersion: 11,
        kind: 'auto',
      },
      {
        file: 'salesdesk-v9-before-migration-2026-11-01T00-00-00-000Z.db',
        createdAt: '2026-11-01T00:00:00.000Z',
        sizeBytes: 3000,
        schemaVersion: 9,
        kind: 'migration',
      },
    ] as BackupRow[],
    settings: { enabled: true, intervalHours: 4, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 },
    lastBackupAt: '2026-12-01T01:00:00.000Z' as string | null,
  };
}

async function mountPage() {
  const s = state();
  const core = fakeCore({
    'system.info': () => ({ schemaVersion: 10, appVersion: '0.1.0', dbPath: DB, walMode: true, lastBackupAt: s.lastBackupAt }),
    'backups.list': () => ({ rows: s.rows, folder: FOLDER }),
    'backups.settings': (input: { save?: Record<string, unknown> }) => (s.settings = { ...s.settings, ...(input.save ?? {}) }),
    'backups.create': (input: { folder?: string }) => {
      if (input.folder === '/media/full')
        throw { code: 'VALIDATION', field: 'folder', message: '备份文件夹所在的磁盘已满，备份未完成：/media/full' };
      const row: BackupRow = {
        file: 'salesdesk-20261201-100000-manual.db',
        createdAt: '2026-12-01T02:00:00.000Z',
        sizeBytes: 5 * 1048576,
        schemaVersion: 10,
        kind: 'manual',
      };
      if (!input.folder) s.rows = [row, ...s.rows];
      s.lastBackupAt = row.createdAt;
      return { ...row, path: `${input.folder ?? FOLDER}/${row.file}`, pruned: [] };
    },
    'backups.restore': (input: { file: string }) => {
      if (input.file.endsWith('notes.txt'))
        throw { code: 'VALIDATION', field: 'file', message: '不是 SalesDesk 数据库：notes.txt 不是 SQLite 数据库文件' };
      const undo = 'salesdesk-20261201-100500-before-restore.db';
      s.rows = [
        { file: undo, createdAt: '2026-12-01T02:05:00.000Z', sizeBytes: 5 * 1048576, schemaVersion: 10, kind: 'before-restore' },
        ...s.rows,
      ];
      return { restoredFrom: input.file.includes('/') ? input.file : `${FOLDER}/${input.file}`, undoFile: undo, schemaVersion: 10 };
    },
    'customers.list': () => ({ rows: [], total: 0 }),
    'customers.tags': () => [],
  });
  await mountView();
  return core;
}

/** The app's routes at /settings/backups, signed in as a manager (also what the reload after a restore comes back to). */
async function mountView() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore(pinia).operator = { id: 1, name: '经理', role: 'manager', repId: null, repName: null, hasSignature: false };
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/settings/backups');
  await router.isReady();
  const App = defineComponent({ render: () => h(RouterView) });
  wrapper = mount(App, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.findAll('[data-test="row-kind"]').length).toBeGreaterThan(0), { timeout: 10_000 });
}

const text = (sel: string) => wrapper.find(`[data-test="${sel}"]`).text();
const kinds = () => wrapper.findAll('[data-test="row-kind"]').map((k) => k.text());
const files = () => wrapper.findAll('[data-test="row-file"]').map((k) => k.text());
const body = (sel: string) => document.body.querySelector<HTMLElement>(sel);
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 50));
  await flushPromises();
};
async function clickMessageBoxConfirm() {
  await vi.waitFor(() => expect(body('.el-message-box')).not.toBeNull());
  body('.el-message-box__btns .el-button--primary')!.click();
  await settle();
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  window.localStorage.clear();
  reloads = 0;
  afterRestore.reload = () => {
    reloads++;
  };
});
afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
});

describe('backups screen', () => {
  it('shows the database and every backup with its kind, size and schema version; a newer one cannot be restored', async () => {
    await mountPage();
    expect(text('app-version')).toBe('0.1.0');
    expect(text('schema-version')).toBe('10');
    expect(text('db-path')).toBe(DB);
    expect(text('wal-mode')).toContain('WAL');
    expect(text('backups-folder')).toBe(FOLDER);
    expect(text('last-backup-at')).not.toBe('尚未备份');
    expect(kinds()).toEqual(['手动', '自动', '自动', '升级前']);
    expect(wrapper.find('[data-test="backup-list"]').text()).toContain('5.0 MB');
    expect(wrapper.find('[data-test="restore-salesdesk-20261201-090000-manual.db"]').exists()).toBe(true);
    // schema 11 > 10: no restore button for it
    expect(wrapper.find('[data-test="restore-salesdesk-20261129-130000-auto.db"]').exists()).toBe(false);
  });

  it('backs up now and lists the new file; a folder the core refuses shows the reason under the field', async () => {
    const core = await mountPage();
    await wrapper.find('[data-test="backup-now"]').trigger('click');
    await settle();
    expect(core.of('backups.create').map((c) => c.input)).toEqual([{}]);
    await vi.waitFor(() => expect(files()[0]).toBe('salesdesk-20261201-100000-manual.db'));

    await wrapper.find('[data-test="backup-to-folder"]').trigger('click');
    await settle();
    const input = body('input[data-test="f-folder"]') as HTMLInputElement;
    input.value = '/media/full';
    input.dispatchEvent(new Event('input'));
    await settle();
    body('[data-test="folder-backup"]')!.click();
    await settle();
    expect(core.of('backups.create').at(-1)!.input).toEqual({ folder: '/media/full' });
    await vi.waitFor(() =>
      expect(body('[data-test="folder-dialog"] .el-form-item__error')?.textContent).toContain(
        '备份文件夹所在的磁盘已满，备份未完成：/media/full',
      ),
    );
    expect(core.rejected).toEqual([]);
  });

  it('saves only the changed settings', async () => {
    const core = await mountPage();
    expect((wrapper.find('[data-test="save-backup-settings"]').element as HTMLButtonElement).disabled).toBe(true);
    const interval = wrapper.find<HTMLInputElement>('[data-test="f-intervalHours"] input');
    await interval.setValue('6');
    await interval.trigger('blur');
    await wrapper.find('[data-test="f-enabled"]').trigger('click');
    await settle();
    await wrapper.find('[data-test="save-backup-settings"]').trigger('click');
    await settle();
    expect(core.of('backups.settings').at(-1)!.input).toEqual({ save: { intervalHours: 6, enabled: false } });
    expect(core.rejected).toEqual([]);
  });

  it('restores after a confirmation that says it can be undone; after the reload it offers the undo', async () => {
    const core = await mountPage();
    await wrapper.find('[data-test="restore-salesdesk-20261201-090000-manual.db"]').trigger('click');
    await vi.waitFor(() => expect(body('[data-test="restore-confirm-text"]')?.textContent).toContain('可随时撤销这次恢复'));
    await clickMessageBoxConfirm();
    expect(core.of('backups.restore').map((c) => c.input)).toEqual([{ file: 'salesdesk-20261201-090000-manual.db' }]);
    // the result: where the undo is, then sign in again
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain('恢复前的数据库已保存为“salesdesk-20261201-100500-before-restore.db”'),
    );
    await clickMessageBoxConfirm();
    expect(reloads).toBe(1);
    expect(restoreNote()).toEqual({
      from: `${FOLDER}/salesdesk-20261201-090000-manual.db`,
      undo: 'salesdesk-20261201-100500-before-restore.db',
    });

    // the app came back (a fresh mount): the undo is offered, and undoing restores the before-restore backup
    wrapper.unmount();
    document.body.innerHTML = '';
    await mountView();
    await vi.waitFor(() => expect(wrapper.find('[data-test="last-restore"]').exists()).toBe(true));
    expect(text('last-restore')).toContain('salesdesk-20261201-090000-manual.db');
    await wrapper.find('[data-test="undo-restore"]').trigger('click');
    await vi.waitFor(() => expect(body('[data-test="restore-confirm-text"]')?.textContent).toContain('撤销恢复'));
    await clickMessageBoxConfirm();
    expect(core.of('backups.restore').at(-1)!.input).toEqual({ file: 'salesdesk-20261201-100500-before-restore.db' });
    await clickMessageBoxConfirm();
    expect(reloads).toBe(2);
    expect(restoreNote()).toBeNull();
  });

  it('a cancelled confirmation restores nothing; a refused file shows the reason in the dialog', async () => {
    const core = await mountPage();
    await wrapper.find('[data-test="restore-salesdesk-20261201-090000-manual.db"]').trigger('click');
    await vi.waitFor(() => expect(body('.el-message-box')).not.toBeNull());
    body('.el-message-box__btns .el-button:not(.el-button--primary)')!.click();
    await settle();
    expect(core.of('backups.restore')).toEqual([]);

    await wrapper.find('[data-test="restore-from-file"]').trigger('click');
    await settle();
    const input = body('input[data-test="f-restore-path"]') as HTMLInputElement;
    input.value = '/media/usb/notes.txt';
    input.dispatchEvent(new Event('input'));
    await settle();
    body('[data-test="restore-path-go"]')!.click();
    await clickMessageBoxConfirm();
    expect(core.of('backups.restore').map((c) => c.input)).toEqual([{ file: '/media/usb/notes.txt' }]);
    await vi.waitFor(() =>
      expect(body('[data-test="restore-path-dialog"] .el-form-item__error')?.textContent).toContain('不是 SalesDesk 数据库：notes.txt'),
    );
    expect(reloads).toBe(0);
  });

  it('reads in English', async () => {
    i18n.global.locale.value = 'en';
    await mountPage();
    expect(kinds()).toEqual(['manual', 'automatic', 'automatic', 'before upgrade']);
    expect(wrapper.find('[data-test="backup-now"]').text()).toBe('Back up now');
  });
});
