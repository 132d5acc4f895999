// The renderer's only way to data: window.salesdesk in Electron, fetch() to the local host in browser mode.
import type { Input, MethodName, Output } from '@shared/contract';
import type { AppErrorData, Envelope } from '@shared/errors';
import type { SalesdeskBridge } from '@shared/bridge';
import { i18n } from '@/i18n';

export class ApiError extends Error {
  readonly code: AppErrorData['code'];
  readonly field?: string;
  /** The core's Chinese message, whatever the UI language (`message` is the one to show). */
  readonly messageZh: string;
  constructor(data: AppErrorData) {
    // the core says some errors in English too (import refusals); the rest stay as the core wrote them
    super(i18n.global.locale.value === 'en' && data.messageEn ? data.messageEn : data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.field = data.field;
    this.messageZh = data.message;
  }
}

const TOKEN_KEY = 'salesdesk.token';
/** Browser mode: the tab's sign-in session (each tab its own operator). In Electron main keeps it and this stays empty. */
const SESSION_KEY = 'salesdesk.session';

export function setSession(session: string | null, storage: Storage = window.sessionStorage): void {
  if (session) storage.setItem(SESSION_KEY, session);
  else storage.removeItem(SESSION_KEY);
}

export function currentSession(storage: Storage = window.sessionStorage): string {
  return storage.getItem(SESSION_KEY) ?? '';
}

let sessionEnded: ((error: ApiError) => void) | null = null;
/** Told when a call is refused because the session has ended (idle, signed out elsewhere, operator deactivated). */
export function onSessionEnded(listener: ((error: ApiError) => void) | null): void {
  sessionEnded = listener;
}

/** Browser mode: the token arrives once in the URL, is kept for the tab, and removed from the address bar. */
export function captureToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${loc.pathname}${query ? `?${query}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

type Transport = (method: string, input: unknown) => Promise<Envelope<unknown>>;

function bridge(): SalesdeskBridge | undefined {
  return (window as unknown as { salesdesk?: SalesdeskBridge }).salesdesk;
}

const httpTransport: Transport = async (method, input) => {
  const token = window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Session': currentSession() },
      body: JSON.stringify({ input }),
    });
  } catch {
    // browser mode on this PC, or LAN office mode from another PC: the same words fit both
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '无法连接到 SalesDesk 服务，请确认程序仍在运行；在局域网中使用时，还请检查网络和服务器电脑',
        messageEn:
          'Cannot reach the SalesDesk service: check that it is still running (on the office network, also the network and the server PC)',
      },
    };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的内容（HTTP ${res.status}）` } };
  }
};

let transport: Transport = (method, input) => {
  const b = bridge();
  return b ? b.call(method, input) : httpTransport(method, input);
};

/** Tests replace the transport with an in-memory fake. */
export function setTransport(t: Transport): void {
  transport = t;
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  // plain JSON data either way: Vue reactive proxies cannot cross Electron's structured-clone IPC
  const envelope = await transport(method, JSON.parse(JSON.stringify(input ?? {})) as unknown);
  if (!envelope.ok) {
    const error = new ApiError(envelope.error);
    if (error.code === 'UNAUTHORIZED' && !method.startsWith('auth.')) sessionEnded?.(error);
    throw error;
  }
  return envelope.data as Output<M>;
}
