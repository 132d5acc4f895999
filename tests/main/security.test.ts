// Window hardening: preferences, CSP, who counts as the app's own page, and what navigation is refused.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  applyContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  isTrustedSenderUrl,
  lockNavigation,
  secureWebPreferences,
} from '../../electron/main/security';

vi.mock('electron', () => ({}));

const prodUrl = 'file:///opt/SalesDesk/resources/app.asar/out/renderer/index.html';
const devUrl = 'http://localhost:5173';

describe('secureWebPreferences', () => {
  it('turns every isolation on and every Node door off', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs.nodeIntegrationInWorker).not.toBe(true);
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
  });
});

describe('content security policy', () => {
  it('matches the meta tag in renderer/index.html (which cannot carry frame-ancestors) and the browser-mode header', async () => {
    const fs = await import('node:fs');
    const { CSP: serverCsp } = await import('../../electron/core/server');
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(serverCsp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows scripts only from the app and forbids objects, framing and form posts', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });

  it('is added to every response and replaces a policy sent under another casing', () => {
    let listener: ((details: any, callback: (response: any) => void) => void) | undefined;
    applyContentSecurityPolicy({ webRequest: { onHeadersReceived: ((l: typeof listener) => (listener = l)) as any } });
    const callback = vi.fn();
    listener!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    listener!({}, callback);
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('isTrustedSenderUrl in production (app://salesdesk/)', () => {
  const appUrl = 'app://salesdesk/index.html';
  it('accepts the renderer page itself, with or without hash and query', () => {
    for (const url of [appUrl, `${appUrl}#/customers/12`, `${appUrl}?preview=1#/print/batch`])
      expect(isTrustedSenderUrl(url, appUrl), url).toBe(true);
  });
  it('refuses other pages of the scheme, other hosts and other schemes', () => {
    for (const url of [
      'app://salesdesk/index.html.evil',
      'app://salesdesk/assets/index.js',
      'app://salesdesk/',
      'app://evil/index.html',
      'file:///opt/SalesDesk/resources/app.asar/out/renderer/index.html',
      'https://salesdesk/index.html',
      'about:blank',
    ]) {
      expect(isTrustedSenderUrl(url, appUrl), url).toBe(false);
    }
  });
});

describe('isTrustedSenderUrl in production (file://)', () => {
  it('accepts the renderer page itself, with or without hash and query', () => {
    expect(isTrustedSenderUrl(prodUrl, prodUrl, 'linux')).toBe(true);
    expect(isTrustedSenderUrl(`${prodUrl}#/customers/12`, prodUrl, 'linux')).toBe(true);
    expect(isTrustedSenderUrl(`${prodUrl}?x=1#/`, prodUrl, 'linux')).toBe(true);
  });

  it('accepts a path that normalises to the same file, including non-ASCII folders', () => {
    expect(isTrustedSenderUrl('file:///opt/SalesDesk/resources/app.asar/out/renderer/../renderer/index.html', prodUrl, 'linux')).toBe(true);
    const chinese = pathToFileURL('/home/张三/SalesDesk/out/renderer/index.html').href;
    expect(isTrustedSenderUrl(chinese, chinese, 'linux')).toBe(true);
    expect(isTrustedSenderUrl('file:///home/张三/SalesDesk/out/renderer/index.html', chinese, 'linux')).toBe(true);
  });

  it('rejects look-alikes and every other source', () => {
    const untrusted = [
      `${prodUrl}.evil`,
      `${prodUrl}/`,
      'file:///opt/SalesDesk/resources/app.asar/out/renderer/other.html',
      'file:///other/index.html',
      'file:///opt/SalesDesk/resources/app.asar/out/renderer%2Findex.html',
      'file://evil-host/opt/SalesDesk/resources/app.asar/out/renderer/index.html',
      'http://127.0.0.1',
      'http://127.0.0.1:5173/',
      'https://example.com/out/renderer/index.html',
      'about:blank',
      'about:srcdoc',
      'data:text/html,<script>1</script>',
      'blob:file:///abc',
      'javascript:alert(1)',
      'devtools://devtools/bundled/index.html',
      'chrome://settings',
      '',
      'not a url',
      null,
      undefined,
    ];
    for (const url of untrusted) expect(isTrustedSenderUrl(url, prodUrl, 'linux'), String(url)).toBe(false);
  });

  it('treats Windows paths case-insensitively only on Windows', () => {
    const win = 'file:///C:/Program%20Files/SalesDesk/resources/app.asar/out/renderer/index.html';
    expect(isTrustedSenderUrl('file:///c:/program%20files/SalesDesk/resources/app.asar/out/renderer/INDEX.html', win, 'win32')).toBe(true);
    expect(isTrustedSenderUrl('file:///C:/Program%20Files/SalesDesk/resources/app.asar/out/renderer/index.html.evil', win, 'win32')).toBe(
      false,
    );
    expect(isTrustedSenderUrl('file:///D:/Program%20Files/SalesDesk/resources/app.asar/out/renderer/index.html', win, 'win32')).toBe(false);
    expect(isTrustedSenderUrl('file:///opt/app/out/renderer/INDEX.html', 'file:///opt/app/out/renderer/index.html', 'linux')).toBe(false);
  });
});

describe('isTrustedSenderUrl in development (dev server)', () => {
  it('accepts any page on the dev server origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', devUrl)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/#/customers', devUrl)).toBe(true);
  });

  it('rejects other ports, hosts, schemes and files', () => {
    for (const url of [
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'https://localhost:5173/',
      'http://localhost:5173.evil.com/',
      'http://evil.com/?http://localhost:5173',
      'file:///tmp/index.html',
      'about:blank',
      'data:text/html,hi',
    ]) {
      expect(isTrustedSenderUrl(url, devUrl), url).toBe(false);
    }
  });

  it('trusts nothing when the renderer URL itself is not http(s) or file', () => {
    expect(isTrustedSenderUrl('about:blank', 'about:blank')).toBe(false);
    expect(isTrustedSenderUrl('data:text/html,x', 'data:text/html,x')).toBe(false);
    expect(isTrustedSenderUrl(prodUrl, 'garbage')).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits like Electron: an event object carrying the url plus the deprecated positional url. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string, legacyOnly = false): boolean {
    const details = { url: legacyOnly ? undefined : url, preventDefault: vi.fn() };
    this.emit(event, details, url);
    return details.preventDefault.mock.calls.length > 0;
  }
}

describe('lockNavigation', () => {
  const locked = () => {
    const contents = new FakeContents();
    lockNavigation(contents as any, prodUrl);
    return contents;
  };

  it('lets the app move between its own routes', () => {
    const contents = locked();
    expect(contents.navigate('will-navigate', `${prodUrl}#/customers`)).toBe(false);
    expect(contents.navigate('will-redirect', prodUrl)).toBe(false);
  });

  it('prevents navigation and redirects anywhere else', () => {
    const contents = locked();
    for (const url of ['https://example.com/', 'file:///etc/passwd', `${prodUrl}.evil`, 'about:blank', 'data:text/html,x']) {
      expect(contents.navigate('will-navigate', url), url).toBe(true);
      expect(contents.navigate('will-redirect', url), url).toBe(true);
    }
    expect(contents.navigate('will-navigate', 'https://example.com/', true)).toBe(true);
  });

  it('denies every window.open', () => {
    const contents = locked();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: prodUrl })).toEqual({ action: 'deny' });
  });

  it('prevents attaching webviews', () => {
    const contents = locked();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('refuses every request, check and device permission', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(session as any);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]({}, 'media', prodUrl, {})).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]![0]({ deviceType: 'usb' })).toBe(false);
  });
});
