// LAN office mode's door: which requests a LAN server answers at all (Host, client subnet, Origin), and the calls of
// signed-in operators by session cookie — operator sign-in is the only way in; there is no startup token.
import os from 'node:os';
import type http from 'node:http';
import { sessionIssuingMethods } from '../../../shared/contract/auth';
import type { Envelope } from '../../../shared/errors';
import type { Core } from '../core';
import { clearedSessionCookie, sessionCookie, sessionFromCookie } from './cookies';
import { allowedHostHeaders, plainAddress } from './network';
import { limitMessage, SignInLimiter, type SignInLimits } from './rateLimit';
import { inSubnets, parseSubnet, type Subnet } from './subnets';

export interface LanOptions {
  /** the LAN addresses to listen on (this PC's, see lanInterfaces) */
  addresses: string[];
  /** client subnets allowed in (192.168.1.0/24 …); empty or absent: any client that reaches the address */
  allowSubnets?: string[];
  /** this PC's name as clients may type it (default os.hostname()) */
  hostname?: string;
  /** sign-in failures allowed per client and per name (tests lower them) */
  signInLimits?: SignInLimits;
  /** the limiter's clock (tests move it) */
  clock?: () => number;
}

const issuing = new Set<string>(sessionIssuingMethods);
/** Starting a database belongs at the office PC itself, never to whoever reaches it over the network first. */
const LOCAL_ONLY = new Set(['settings.initialize', 'auth.setupAdmin']);
/** Calls that test a secret: each failure counts against the client and the name. */
const GUESSES = new Set(['auth.signIn', 'auth.recover']);

export interface LanReply {
  status: number;
  envelope: Envelope<unknown>;
  headers: Record<string, string>;
}

export class LanGate {
  readonly addresses: string[];
  readonly subnets: Subnet[];
  readonly hostname: string;
  readonly limiter: SignInLimiter;
  private hosts = new Set<string>();
  private origins = new Set<string>();

  constructor(options: LanOptions) {
    if (options.addresses.length === 0) throw new Error('局域网模式至少要选择一个本机地址');
    this.addresses = [...new Set(options.addresses)];
    this.subnets = (options.allowSubnets ?? []).map(parseSubnet);
    this.hostname = options.hostname ?? os.hostname();
    this.limiter = new SignInLimiter(options.signInLimits, options.clock);
  }

  /** Called once the port is known. */
  listening(port: number): void {
    this.hosts = allowedHostHeaders(this.addresses, this.hostname, port);
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`));
  }

  /** The addresses to open, one per listening address. */
  urls(port: number): string[] {
    return this.addresses.map((a) => `http://${a}:${port}/`);
  }

  hostAllowed(host: string | undefined): boolean {
    return host !== undefined && this.hosts.has(host.toLowerCase());
  }

  clientAllowed(remoteAddress: string | undefined): boolean {
    return inSubnets(plainAddress(remoteAddress), this.subnets);
  }

  /** A call must come from a page of this server: browsers send Origin on every POST, another site's Origin is refused. */
  originAllowed(origin: string | undefined): boolean {
    return origin !== undefined && this.origins.has(origin.toLowerCase());
  }

  /** One API call from a LAN client: the session from its cookie, the answer's new session into a cookie. */
  async call(core: Pick<Core, 'call'>, method: string, input: unknown, req: http.IncomingMessage): Promise<LanReply> {
    const client = plainAddress(req.socket.remoteAddress);
    const session = sessionFromCookie(req.headers.cookie);
    if (LOCAL_ONLY.has(method)) {
      return reply(403, { ok: false, error: { code: 'FORBIDDEN', message: '请在服务器电脑上完成初始化，局域网中的电脑不能初始化系统' } });
    }
    const name = GUESSES.has(method) ? nameOf(input) : null;
    if (name !== null) {
      const verdict = this.limiter.check(client, name);
      if (!verdict.allowed) {
        const retryAfter = String(Math.ceil(verdict.retryAfterMs / 1000));
        return reply(429, { ok: false, error: { code: 'FORBIDDEN', message: limitMessage(verdict) } }, { 'Retry-After': retryAfter });
      }
    }
    const envelope = await core.call(method, input, { session, clientAddress: client });
    if (name !== null) {
      // a wrong password or recovery code, or a name that does not exist: a guess
      if (!envelope.ok && ['VALIDATION', 'NOT_FOUND'].includes(envelope.error.code)) this.limiter.failed(client, name);
      if (envelope.ok) this.limiter.succeeded(name);
    }
    if (method === 'auth.signOut') return reply(200, envelope, { 'Set-Cookie': clearedSessionCookie() });
    if (envelope.ok && issuing.has(method)) {
      const data = envelope.data as { session?: unknown } | null;
      if (data && typeof data.session === 'string' && data.session) {
        // a new sign-in in this browser replaces its previous session
        if (session) await core.call('auth.signOut', {}, { session });
        return reply(200, { ok: true, data: { ...data, session: '' } }, { 'Set-Cookie': sessionCookie(data.session) });
      }
    }
    // the core ended the session (idle, deactivated) or never knew it (forged): the browser forgets the cookie
    if (session && !envelope.ok && envelope.error.code === 'UNAUTHORIZED') {
      return reply(200, envelope, { 'Set-Cookie': clearedSessionCookie() });
    }
    return reply(200, envelope);
  }
}

function reply(status: number, envelope: Envelope<unknown>, headers: Record<string, string> = {}): LanReply {
  return { status, envelope, headers };
}

function nameOf(input: unknown): string {
  const name = typeof input === 'object' && input !== null ? (input as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : '';
}
