// Window hardening kept free of side effects so every rule can be unit tested without Electron.
import { fileURLToPath } from 'node:url';
import type { Session, WebContents, WebPreferences } from 'electron';

/** The same policy as the meta tag in renderer/index.html; sent as a header too so it also covers the dev server. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function filePathOf(url: URL, platform: NodeJS.Platform): string | null {
  try {
    const p = fileURLToPath(url, { windows: platform === 'win32' });
    // Windows paths are case-insensitive, so C:\App and c:\app name the same file
    return platform === 'win32' ? p.toLowerCase() : p;
  } catch {
    return null;
  }
}

/**
 * True only for the app's own renderer: its index.html on app://salesdesk/ (or the exact index.html file when served
 * from file://) in production (hash and query ignored),
 * or the dev server's origin during development. Everything else (other files, about:, data:, other hosts) is untrusted.
 */
export function isTrustedSenderUrl(
  url: string | null | undefined,
  rendererUrl: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!url) return false;
  const actual = parse(url);
  const expected = parse(rendererUrl);
  if (!actual || !expected) return false;
  if (expected.protocol === 'file:') {
    if (actual.protocol !== 'file:' || actual.host !== expected.host) return false;
    const a = filePathOf(actual, platform);
    const e = filePathOf(expected, platform);
    return a !== null && a === e;
  }
  // app://salesdesk/index.html: the same scheme, host and page (the hash and query carry the route)
  if (expected.protocol === 'app:') {
    return actual.protocol === 'app:' && actual.host === expected.host && actual.pathname === expected.pathname;
  }
  if (expected.protocol !== 'http:' && expected.protocol !== 'https:') return false;
  return actual.protocol === expected.protocol && actual.origin === expected.origin;
}

/** The URL of the frame that sent an IPC message; a frame destroyed mid-call throws on access and counts as untrusted. */
export function senderUrl(event: { senderFrame?: { url: string } | null }): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

/** Main frame navigation, redirects, new windows and webviews: only the app's own page may load. */
export function lockNavigation(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, rendererUrl: string): void {
  const guard = (details: { url?: string; preventDefault: () => void }, legacyUrl?: string) => {
    if (!isTrustedSenderUrl(details.url ?? legacyUrl, rendererUrl)) details.preventDefault();
  };
  contents.on('will-navigate', (details, url) => guard(details, url));
  contents.on('will-redirect', (details, url) => guard(details, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** The app needs no camera, microphone, notifications, geolocation, USB or HID: refuse every request and check. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

type HeaderSession = { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> };

/** Adds the CSP header to every response, replacing any policy the server sent under any header casing. */
export function applyContentSecurityPolicy(session: HeaderSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
