// The Electron entry wired against a fake electron module: app identity, the IPC door, window, menu and quit.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so node:events is loaded here
  const { EventEmitter: Emitter } = await import('node:events');
  const calls: string[] = [];
  const children: any[] = [];
  const windows: any[] = [];
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
    postMessage(m: any) {
      this.sent.push(m);
    }
    kill() {
      return true;
    }
  }
  return {
    calls,
    children,
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
          return c;
        }),
      },
    },
  };
});
vi.mock('electron', () => fake.module);

const originalArgv = process.argv;
process.argv = [...originalArgv, '--db', 'test-data/some.db'];
// Electron sets this in a packaged app (the fake app is packaged): the folder extraResources copies the icons into
Object.defineProperty(process, 'resourcesPath', { value: path.join('/opt/SalesDesk', 'resources'), configurable: true });
const main = await import('../../electron/main/index');
await new Promise((resolve) => setTimeout(resolve, 0));
afterAll(() => {
  process.argv = originalArgv;
});

const { app, ipcMain, Menu, session, utilityProcess } = fake.module;
const mainDir = path.resolve('electron/main');
const handler = () =>
  ipcMain.handle.mock.calls.find((c) => c[0] === 'salesdesk:call')![1] as (event: unknown, request: unknown) => Promise<any>;
const trusted = () => ({ senderFrame: { url: `${main.rendererUrl}#/customers` } });

describe('app identity and start-up', () => {
  it('names the app SalesDesk and pins userData before ready', () => {
    expect(fake.calls.slice(0, 4)).toEqual([
      'setName:SalesDesk',
      `setPath:userData=${path.join('/home/u/.config', 'SalesDesk')}`,
      'registerSchemesAsPrivileged',
      'whenReady',
    ]);
  });

  it('takes the single-instance lock and focuses the window on a second launch', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    const win = fake.windows[0];
    app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('passes --db through, resolved to an absolute path', () => {
    expect(main.dbPath).toBe(path.resolve('test-data/some.db'));
  });

  it('loads the renderer from app://salesdesk/ in production, not from file://', () => {
    expect(main.rendererUrl).toBe('app://salesdesk/index.html');
    expect(fake.windows[0].loadURL).toHaveBeenCalledWith('app://salesdesk/index.html');
    expect(fake.windows[0].loadFile).not.toHaveBeenCalled();
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('answers app:// with files of the built renderer folder only', async () => {
    const [scheme, handle] = fake.module.protocol.handle.mock.calls[0]! as unknown as [string, (r: { url: string }) => Promise<Response>];
    expect(scheme).toBe('app');
    const js = await handle({ url: 'app://salesdesk/assets/index-abc.js' });
    expect(js.status).toBe(200);
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(await js.text()).toBe('file body');
    expect(fake.module.net.fetch).toHaveBeenLastCalledWith(pathToFileURL(path.join(mainDir, '../renderer/assets/index-abc.js')).href);
    // dot segments are resolved by the URL itself, inside the folder: what is asked for is a file of the renderer
    await handle({ url: 'app://salesdesk/%2e%2e/%2e%2e/etc/passwd' });
    expect(fake.module.net.fetch).toHaveBeenLastCalledWith(pathToFileURL(path.join(mainDir, '../renderer/etc/passwd')).href);
    // encoded slashes that would climb out, another host, or a file that is not there: 404
    const fetched = fake.module.net.fetch.mock.calls.length;
    for (const url of ['app://salesdesk/..%2f..%2fmain/index.js', 'app://salesdesk/%2e%2e%5cmain%5cindex.js', 'app://other/index.html']) {
      expect((await handle({ url })).status, url).toBe(404);
    }
    expect(fake.module.net.fetch.mock.calls.length).toBe(fetched);
    fake.module.net.fetch.mockResolvedValueOnce(new Response('', { status: 404 }));
    expect((await handle({ url: 'app://salesdesk/missing.js' })).status).toBe(404);
  });
});

describe('window', () => {
  it('opens one 1400x900 window (min 1100x700) with the secure preferences and the preload', () => {
    expect(fake.windows).toHaveLength(1);
    const options = fake.windows[0].options;
    expect(options).toMatchObject({ width: 1400, height: 900, minWidth: 1100, minHeight: 700, show: false });
    expect(options.webPreferences).toMatchObject({
      preload: path.join(mainDir, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('gives the window the app icon: beside app.asar when packaged, .ico on Windows, and the files exist in resources/', () => {
    const icon = process.platform === 'win32' ? 'icon.ico' : 'icon.png';
    expect(main.windowIcon).toBe(path.join('/opt/SalesDesk', 'resources', icon));
    expect(fake.windows[0].options.icon).toBe(main.windowIcon);
    // development reads ../../resources from electron/main (source) or out/main (built): both are two levels down
    for (const name of ['icon.ico', 'icon.png']) expect(fs.existsSync(path.join(mainDir, '../../resources', name))).toBe(true);
  });

  it('shows the window once it is ready', () => {
    const win = fake.windows[0];
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('applies the CSP header and denies permissions on the default session', () => {
    const ses = session.defaultSession;
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    const callback = vi.fn();
    ses.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(ses.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
  });

  it('locks navigation on every web contents that gets created', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler.mock.calls[0]![0]({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const event = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('the salesdesk:call IPC door', () => {
  it('registers the contract door, the four print channels and the two file channels, nothing else', () => {
    expect(ipcMain.handle.mock.calls.map((c) => c[0])).toEqual([
      'salesdesk:call',
      'salesdesk:print-preview',
      'salesdesk:print',
      'salesdesk:print-pdf',
      'salesdesk:printers',
      'salesdesk:files-save',
      'salesdesk:files-copy-image',
    ]);
    expect(ipcMain.on).not.toHaveBeenCalled();
  });

  it('refuses senders that are not the app page with FORBIDDEN, without starting the core', async () => {
    for (const event of [
      { senderFrame: { url: 'https://example.com/' } },
      { senderFrame: { url: 'about:blank' } },
      { senderFrame: { url: `${main.rendererUrl}.evil` } },
      { senderFrame: null },
      {},
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed');
        },
      },
    ]) {
      await expect(handler()(event, { method: 'settings.get', input: {} })).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('answers malformed requests and unknown methods with envelopes', async () => {
    await expect(handler()(trusted(), null)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(handler()(trusted(), 'settings.get')).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(handler()(trusted(), { method: 'customers.drop' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('relays a trusted call to the core forked from host.js with the --db path', async () => {
    const pending = handler()(trusted(), { method: 'settings.get', input: {} });
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(utilityProcess.fork.mock.calls[0]!.slice(0, 2)).toEqual([path.join(mainDir, 'host.js'), ['--db', main.dbPath]]);
    const child = fake.children[0];
    expect(child.sent).toEqual([{ id: 1, method: 'settings.get', input: {} }]);
    child.emit('message', { id: 1, envelope: { ok: true, data: { initialized: true } } });
    await expect(pending).resolves.toEqual({ ok: true, data: { initialized: true } });
  });
});

describe('menu', () => {
  it('has 文件/编辑/视图/帮助 with standard roles only', () => {
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as any[];
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(template);
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const items = template.flatMap((m) => m.submenu);
    expect(items.filter((i: any) => i.type !== 'separator').every((i: any) => typeof i.label === 'string' && i.label.length > 0)).toBe(
      true,
    );
    expect(items.map((i: any) => i.role)).not.toContain('toggleDevTools');
    expect(JSON.stringify(template)).not.toMatch(/打印|PDF|导入|导出|print/i);
  });

  it('offers developer tools only in development', () => {
    const roles = (t: any[]) => t.flatMap((m) => m.submenu).map((i: any) => i.role);
    expect(roles(main.menuTemplate(true))).toContain('toggleDevTools');
    expect(roles(main.menuTemplate(false))).not.toContain('toggleDevTools');
  });

  it('shows an About box with the version and database path', () => {
    const about = main.menuTemplate(false).at(-1)!.submenu as any[];
    about[0].click();
    expect(fake.module.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: expect.stringContaining(main.dbPath) }),
    );
  });
});

describe('quitting', () => {
  it('waits for the core to close the database, then quits', async () => {
    const child = fake.children[0];
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(child.sent.at(-1)).toEqual({ type: 'shutdown' });
    expect(app.quit).not.toHaveBeenCalled();
    child.emit('exit', 0);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const second = { preventDefault: vi.fn() };
    app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('quits when the last window closes', () => {
    app.quit.mockClear();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});

describe('second instance', () => {
  it('quits at once without opening a window when another instance holds the lock', async () => {
    vi.resetModules();
    app.requestSingleInstanceLock.mockReturnValue(false);
    app.quit.mockClear();
    app.whenReady.mockClear();
    const before = fake.windows.length;
    await import('../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(before);
  });
});
