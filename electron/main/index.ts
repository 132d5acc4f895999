// The Electron shell: one hardened window, the core in a utilityProcess, one checked IPC door between them.
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  utilityProcess,
  type MenuItemConstructorOptions,
} from 'electron';
import { APP_INDEX_URL, APP_PRIVILEGES, APP_SCHEME, serveRendererFile } from './appProtocol';
import { bridgeChannel } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import { createRelay, dbArg } from './relay';
import { createSessionKeeper, type SenderLike } from './sessions';
import { registerFileHandlers } from './files';
import { registerPrintHandlers } from './print';
import {
  applyContentSecurityPolicy,
  denyAllPermissions,
  isTrustedSenderUrl,
  lockNavigation,
  secureWebPreferences,
  senderUrl,
} from './security';

const APP_NAME = 'SalesDesk';
const WINDOW_TITLE = 'SalesDesk 销售管理台';

app.setName(APP_NAME);
// userData is derived from package.json's productName at start-up, so pin it to match the core's defaultDataDir
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

// before the app is ready: the renderer's own scheme must be known as a standard, secure origin
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_PRIVILEGES }]);

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
export const rendererDir = path.join(__dirname, '../renderer');
export const rendererUrl = devServerUrl ?? APP_INDEX_URL;
/** The window and taskbar icon: copied beside app.asar when packaged (extraResources), read from resources/ in development. */
export const windowIcon = path.join(
  app.isPackaged ? process.resourcesPath : path.join(__dirname, '../../resources'),
  process.platform === 'win32' ? 'icon.ico' : 'icon.png',
);
export const dbPath = path.resolve(dbArg(process.argv) ?? path.join(app.getPath('userData'), 'salesdesk.db'));

const relay = createRelay({
  fork: () => utilityProcess.fork(path.join(__dirname, 'host.js'), ['--db', dbPath], { serviceName: 'SalesDesk Core' }),
  onFatal: (error) => console.error(`[main] core cannot open ${dbPath}: ${error.code} ${error.message}`),
});

/** Each window's session token stays here in main; the page never holds it. */
const sessions = createSessionKeeper(relay);

/** The one IPC door: only the app's own page may call, and only with a known method. */
export async function handleCall(
  event: { senderFrame?: { url: string } | null; sender?: SenderLike },
  request: unknown,
): Promise<Envelope<unknown>> {
  if (!isTrustedSenderUrl(senderUrl(event), rendererUrl)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自本应用的页面' } };
  }
  if (typeof request !== 'object' || request === null) {
    return { ok: false, error: { code: 'VALIDATION', message: '请求格式错误' } };
  }
  const { method, input } = request as { method?: unknown; input?: unknown };
  return event.sender ? sessions.call(event.sender, method, input) : relay.call(method, input);
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于',
    message: WINDOW_TITLE,
    detail: `版本 ${app.getVersion()}\n数据库：${dbPath}`,
  });
}

/** Only standard roles and About: no entries for features that do not exist yet. */
export function menuTemplate(isDev: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    ...(isDev
      ? ([
          { role: 'forceReload', label: '强制重新加载' },
          { role: 'toggleDevTools', label: '开发者工具' },
        ] as const)
      : []),
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: `关于 ${WINDOW_TITLE}`, click: showAbout }] },
  ];
}

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: WINDOW_TITLE,
    icon: windowIcon,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const loading = win.loadURL(rendererUrl);
  loading.catch((err: unknown) => console.error('[main] cannot load the renderer', err));
  return win;
}

function start(): void {
  // every web contents, including any created later, gets the same navigation lock
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, rendererUrl));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  let coreStopped = false;
  app.on('before-quit', (event) => {
    if (coreStopped) return;
    // let the core close the database (WAL checkpoint) before the process goes away
    event.preventDefault();
    void relay.shutdown().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    // app://salesdesk/… answers only files of the built renderer folder
    protocol.handle(APP_SCHEME, (request) => serveRendererFile(request.url, rendererDir, (url) => net.fetch(url)));
    applyContentSecurityPolicy(session.defaultSession);
    denyAllPermissions(session.defaultSession);
    ipcMain.handle(bridgeChannel, handleCall);
    registerPrintHandlers(rendererUrl, {
      preloadPath: path.join(__dirname, '../preload/index.js'),
      load: (win, hash) => win.loadURL(`${rendererUrl}#${hash}`),
      share: (child, openerId) => sessions.share(child, openerId),
    });
    registerFileHandlers(rendererUrl);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(!app.isPackaged)));
    mainWindow = createWindow();
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
