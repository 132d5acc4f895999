// LAN office mode started from the desktop app, with a fake electron module: main relays lan.start to the core's
// utility process like any other call, and the LAN server runs THERE, on the core's one database connection — the
// desktop window and the LAN browsers write through the same core. The fake utilityProcess runs the real host here.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core/core';
import { runHost, type HostPort } from '../../electron/core/host';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { addOperator, TEST_COST } from '../core/helpers';
import { LanBrowser } from '../core/lanHttp';

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so node:events is loaded here
  const { EventEmitter: Emitter } = await import('node:events');
  const calls: string[] = [];
  const children: any[] = [];
  const windows: any[] = [];
  const onFork: { current: ((child: any, args: unknown[]) => void) | null } = { current: null };
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    setName: vi.fn((name: string) => calls.push(`setName:${name}`)),
    setPath: vi.fn((name: string, value: string) => calls.push(`setPath:${name}=${value}`)),
    getPath: vi.fn((name: string) => (name === 'appData' ? '/home/u/.config' : `/unused/${name}`)),
    getVersion: vi.fn(() => '0.1.0'),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    quit: vi.fn(),
  });
  class BrowserWindow extends Emitter {
    options: any;
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => true);
    constructor(options: any) {
      super();
      this.options = options;
      windows.push(this);
    }
  }
  class Child extends Emitter {
    sent: any[] = [];
    /** the host's side of the port (set when the fake process starts the real host) */
    toHost: ((event: { data: unknown }) => void) | null = null;
    postMessage(m: any) {
      this.sent.push(m);
      queueMicrotask(() => this.toHost?.({ data: m }));
    }
    kill() {
      return true;
    }
  }
  return {
    calls,
    children,
    onFork,
    windows,
    module: {
      app,
      BrowserWindow,
      dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn(),
      },
      net: { fetch: vi.fn(async () => new Response('file body')) },
      ipcMain: { handle: vi.fn(), on: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      session: {
        defaultSession: {
          webRequest: { onHeadersReceived: vi.fn() },
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      utilityProcess: {
        fork: vi.fn((...args: unknown[]) => {
          const c = new Child();
          (c as any).args = args;
          children.push(c);
          onFork.current?.(c, args);
          return c;
        }),
      },
    },
  };
});
vi.mock('electron', () => fake.module);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-lan-desktop-'));
const dbFile = path.join(dir, 'office.db');
const seed = createCore(dbFile, { passwordCost: TEST_COST });
addOperator(seed, { name: '老板', role: 'admin', password: 'admin-pw-1' });
addOperator(seed, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
seed.close();

// the forked "utility process": the real host, its port wired to the fake child
const hostCores: Array<ReturnType<typeof createCore>> = [];
fake.onFork.current = (child, args) => {
  const port: HostPort = {
    on: (_event, listener) => (child.toHost = listener),
    postMessage: (message) => queueMicrotask(() => child.emit('message', message)),
  };
  runHost(port, args[1] as string[], (db) => {
    const core = createCore(db, { passwordCost: TEST_COST });
    hostCores.push(core);
    return core;
  });
};

const originalArgv = process.argv;
process.argv = [...originalArgv, '--db', dbFile];
Object.defineProperty(process, 'resourcesPath', { value: path.join('/opt/SalesDesk', 'resources'), configurable: true });
const main = await import('../../electron/main/index');
await new Promise((resolve) => setTimeout(resolve, 0));

afterAll(async () => {
  process.argv = originalArgv;
  for (const core of hostCores) core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const desktop = { senderFrame: { url: `${main.rendererUrl}#/settings/lan` }, sender: { id: 1, once: () => undefined } };
const call = (method: string, input: unknown) => main.handleCall(desktop, { method, input });

describe('LAN mode from the desktop app', () => {
  it('starts in the core’s utility process: LAN browsers and the desktop window share one core', async () => {
    expect((await call('auth.signIn', { name: '老板', password: 'admin-pw-1' })) as unknown).toMatchObject({
      ok: true,
      data: { session: '' },
    });
    expect(fake.children).toHaveLength(1);
    const [hostJs, hostArgs] = fake.children[0].args as [string, string[]];
    expect(path.basename(hostJs)).toBe('host.js');
    expect(hostArgs).toEqual(['--db', dbFile]);

    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const started = await call('lan.start', { addresses: ['127.0.0.1'], port });
    expect(started).toMatchObject({ ok: true, data: { running: true, urls: [`http://127.0.0.1:${port}/`] } });
    // main only relayed the call (with the window's session, kept in main); no process of its own was started
    expect(fake.children).toHaveLength(1);
    expect(fake.children[0].sent.find((m: { method?: string }) => m.method === 'lan.start')).toMatchObject({
      method: 'lan.start',
      session: expect.any(String),
    });

    // a LAN browser signs in and writes; the desktop window reads it from the same core
    const browser = new LanBrowser('127.0.0.1', port, new http.Agent({ keepAlive: false }));
    expect((await browser.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' })).body.ok).toBe(true);
    expect((await browser.call('regions.save', { name: '华中' })).body.ok).toBe(true);
    const audit = (await call('audit.list', { entity: 'region' })) as { ok: true; data: { rows: Array<Record<string, unknown>> } };
    expect(audit.data.rows[0]).toMatchObject({ operator: '刘芳', clientAddress: '127.0.0.1', after: { name: '华中' } });
    expect(hostCores).toHaveLength(1);

    expect(await call('lan.status', {})).toMatchObject({ ok: true, data: { running: true, port } });
    expect(await call('lan.stop', {})).toMatchObject({ ok: true, data: { running: false } });
    await expect(browser.call('auth.me', {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it('the desktop app’s core starts the LAN server again at its next start, as the settings page left it', async () => {
    const file = path.join(dir, 'again.db');
    const previous = createCore(file, { passwordCost: TEST_COST });
    const owner = addOperator(previous, { name: '老板', role: 'admin', password: 'admin-pw-1' });
    addOperator(previous, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    previous.ctx.db
      .prepare("insert into settings (key, value) values ('lanServer', ?)")
      .run(JSON.stringify({ addresses: ['127.0.0.1'], port, allowSubnets: [] }));
    previous.close();

    let toHost: ((event: { data: unknown }) => void) | null = null;
    const replies: unknown[] = [];
    runHost({ on: (_event, listener) => (toHost = listener), postMessage: (m) => replies.push(m) }, ['--db', file], (db) => {
      const core = createCore(db, { passwordCost: TEST_COST });
      hostCores.push(core);
      return core;
    });
    const browser = new LanBrowser('127.0.0.1', port, new http.Agent({ keepAlive: false }));
    await vi.waitFor(async () => expect((await browser.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' })).body.ok).toBe(true), {
      timeout: 10_000,
    });
    // stopped from the page again (the admin's session), so nothing is left listening
    const session = sessionStore(hostCores.at(-1)!.ctx.db).create(owner.id);
    toHost!({ data: { id: 1, method: 'lan.stop', input: {}, session } });
    await vi.waitFor(() => expect(replies).toContainEqual({ id: 1, envelope: expect.objectContaining({ ok: true }) }));
  });

  it('a clerk’s window may not start it', async () => {
    await call('auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    expect(await call('lan.start', { addresses: ['127.0.0.1'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(vi.isMockFunction(fake.module.utilityProcess.fork)).toBe(true);
  });
});
