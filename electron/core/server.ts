// Browser mode: serves the built renderer and POST /api/<method> on 127.0.0.1 only, behind a per-run token; or, in LAN
// office mode (--lan), on the chosen LAN addresses with operator sign-in as the only door (lan/gate.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { formatBytes } from '../../shared/bytes';
import type { AppErrorData, Envelope } from '../../shared/errors';
import { createCore, defaultDbPath, type Core } from './core';
import { startBackupScheduler } from './modules/backups/scheduler';
import { DomainError, toErrorData } from './errors';
import { FILE_BASE64_MAX_CHARS } from '../../shared/contract/common';
import { LanGate, type LanOptions } from './lan/gate';
import { lanFromArgs } from './lan/options';
import { setLanController } from './lan/control';
import { createLanController } from './lan/controller';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";
/** Just above the largest valid input (an Excel file as base64): anything bigger is refused before it is all read. */
export const MAX_BODY_BYTES = FILE_BASE64_MAX_CHARS + 1024 * 1024;
/** The request's headers must arrive within this, and the whole request (a 40 MB import included) within the next. */
export const HEADERS_TIMEOUT_MS = 15_000;
export const REQUEST_TIMEOUT_MS = 120_000;
/** Open connections at once: a browser keeps six per tab; more than this is not one office's use. */
export const MAX_CONNECTIONS = 128;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

interface StaticFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  /** gzip of a text file over 1 KB, made once; null when not worth it */
  gzip: Buffer | null;
  etag: string;
}

/** The built renderer's files, read and compressed once and kept in memory; a file rebuilt on disk is read again. */
class StaticFiles {
  private readonly files = new Map<string, StaticFile>();

  get(file: string): StaticFile | null {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const known = this.files.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
    const body = fs.readFileSync(file);
    const gz = COMPRESSIBLE.has(path.extname(file)) && body.length > 1024 ? zlib.gzipSync(body, { level: 6 }) : null;
    const entry: StaticFile = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      body,
      gzip: gz && gz.length < body.length ? gz : null,
      etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    this.files.set(file, entry);
    return entry;
  }
}

export interface ServerOptions {
  dbPath: string;
  port?: number;
  rendererDir?: string;
  token?: string;
  core?: Core;
  /** Largest accepted request body; tests lower it to reach the 413 answer without sending 41 MB. */
  maxBodyBytes?: number;
  /** Tests shorten the slow-client limits (and how often they are checked) to see them act. */
  timeouts?: { headersMs: number; requestMs: number; checkEveryMs: number };
  /** LAN office mode: listen on these LAN addresses, sign-in by cookie, no token (see lan/gate.ts) */
  lan?: LanOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  core: Core;
  /** the Node server itself (its limits, for tests) */
  http: http.Server;
  /** LAN office mode: the addresses to open, one per listening address (null in loopback token mode) */
  lan: { urls: string[]; addresses: string[] } | null;
  close: () => Promise<void>;
}

export function resolveRendererDir(): string {
  const candidates = [
    path.resolve(__dirname, '../renderer'), // out/main/server.js
    path.resolve(__dirname, '../../renderer'), // out/main/chunks/
    path.resolve(__dirname, '../../out/renderer'), // electron/core/server.ts run from source
  ];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? candidates[0]!;
}

function sendJson(res: http.ServerResponse, status: number, body: Envelope<unknown>, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

const fail = (code: AppErrorData['code'], message: string): Envelope<never> => ({ ok: false, error: { code, message } });

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The method name from the path; a malformed percent-encoding is bad input, not a server fault. */
function decodeMethod(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // stop reading but keep the socket: destroying it here would lose the 413 answer
        req.off('data', onData);
        req.pause();
        reject(new DomainError('VALIDATION', `请求过大（超过 ${formatBytes(maxBytes, '字节')}）`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const core = options.core ?? createCore(options.dbPath);
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = options.rendererDir ?? resolveRendererDir();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const staticFiles = new StaticFiles();
  const lan = options.lan ? new LanGate(options.lan) : null;
  if (lan && (core.ctx.db.prepare('select count(*) as n from operators').get() as { n: number }).n === 0) {
    // the first admin is created at this PC: whoever reached it over the network first must not become the admin
    if (!options.core) core.close();
    throw new Error('数据库还没有操作员：请先在本机完成初始化并创建管理员，再开启局域网模式');
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('FORBIDDEN', '只接受 POST 请求'));
    const origin = req.headers.origin;
    // LAN: a call must name one of our own pages as its Origin (another site's page is refused, cookie or not)
    if (lan ? !lan.originAllowed(origin) : origin !== undefined && !allowedOrigins().has(origin)) {
      return sendJson(res, 403, fail('FORBIDDEN', '来源不被允许'));
    }
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!lan && !tokensEqual(given, token)) {
      return sendJson(res, 401, fail('UNAUTHORIZED', '访问令牌无效，请使用启动时显示的完整网址打开'));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('VALIDATION', '请求体必须是 JSON'));
    }
    const name = decodeMethod(method);
    if (name === null) return sendJson(res, 400, fail('VALIDATION', '接口路径的百分号编码无效'));
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES));
    } catch (err) {
      // the unread rest of the body stays on the socket: close it once the answer is out
      if (err instanceof DomainError) return sendJson(res, 413, { ok: false, error: err.toData() }, { Connection: 'close' });
      return sendJson(res, 400, fail('VALIDATION', '请求体不是有效的 JSON'));
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).some((k) => k !== 'input')) {
      return sendJson(res, 400, fail('VALIDATION', '请求体格式应为 {"input": {...}}'));
    }
    if (lan) {
      const answer = await lan.call(core, name, (body as { input?: unknown }).input, req);
      return sendJson(res, answer.status, answer.envelope, answer.headers);
    }
    // the tab's own session (sessionStorage): two tabs signed in as two operators each act as themselves
    const session = req.headers['x-session'];
    const envelope = await core.call(name, (body as { input?: unknown }).input, {
      session: typeof session === 'string' ? session : undefined,
    });
    sendJson(res, 200, envelope);
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(rendererDir, rel);
    const asset = file.startsWith(rendererDir + path.sep) ? staticFiles.get(file) : null;
    if (!asset) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    const ext = path.extname(file);
    const gzip = asset.gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': mimeTypes[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      // hashed asset names never change content; index.html is checked again on every load (ETag → 304)
      'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      ETag: asset.etag,
      ...(asset.gzip ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = gzip ? asset.gzip! : asset.body;
    res.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const handle: http.RequestListener = (req, res) => {
    // DNS-rebinding guard: only our own loopback host names (LAN: this PC's addresses and name) are answered
    if (lan ? !lan.hostAllowed(req.headers.host) : !allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('主机名不被允许');
      return;
    }
    if (lan && !lan.clientAllowed(req.socket.remoteAddress)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('这台电脑不在允许访问的网段内');
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, pathname.slice(5)).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorData(err) });
      });
      return;
    }
    serveStatic(req, res, pathname);
  };

  const listenOn = async (address: string, wanted: number): Promise<http.Server> => {
    const s = http.createServer({ connectionsCheckingInterval: options.timeouts?.checkEveryMs ?? 5_000 }, handle);
    // a client that opens connections and sends nothing, or sends slowly, cannot hold the server's sockets for ever
    s.headersTimeout = options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS;
    s.requestTimeout = options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS;
    s.maxConnections = MAX_CONNECTIONS;
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(wanted, address, () => resolve());
    });
    return s;
  };
  // LAN: one listener per chosen address, all on the first one's port (never on every interface at once)
  const servers: http.Server[] = [];
  try {
    for (const address of lan ? lan.addresses : ['127.0.0.1']) {
      servers.push(await listenOn(address, servers.length ? port : (options.port ?? 0)));
      port = (servers[0]!.address() as AddressInfo).port;
    }
  } catch (err) {
    for (const s of servers) s.close();
    if (!options.core) core.close();
    throw err;
  }
  const server = servers[0]!;
  lan?.listening(port);
  return {
    url: lan ? lan.urls(port)[0]! : `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    core,
    http: server,
    lan: lan ? { urls: lan.urls(port), addresses: lan.addresses } : null,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      if (!options.core) core.close();
    },
  };
}

export function parseArgs(argv: string[]): { dbPath: string; port: number } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = Number(get('--port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port 无效：${get('--port')}`);
  return { dbPath: path.resolve(get('--db') ?? defaultDbPath()), port };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { dbPath, port } = parseArgs(argv);
  const lan = lanFromArgs(argv);
  const running = await startServer({ dbPath, port: lan?.port ?? port, ...(lan ? { lan: lan.options } : {}) });
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // the settings page shows the LAN addresses and QR code (and may start LAN mode from browser mode, on this same core)
  setLanController(
    running.core.ctx.dbPath,
    createLanController(running.core, running.lan ? { fromCommandLine: running, allowSubnets: lan!.options.allowSubnets ?? [] } : {}),
  );
  // 备份与恢复: automatic backups shortly after start and every N hours (--no-auto-backup: benchmarks, tests)
  if (!argv.includes('--no-auto-backup')) startBackupScheduler(running.core.ctx);
  if (running.lan) {
    console.log(`SalesDesk 局域网模式 / LAN office mode — 数据库 database: ${dbPath}`);
    console.log('在办公室其他电脑的 Edge 或 Chrome 中打开 / open on the other PCs:');
    for (const url of running.lan.urls) console.log(url);
    if (lan!.options.allowSubnets?.length) console.log(`只允许这些网段 / allowed subnets: ${lan!.options.allowSubnets.join(', ')}`);
    return;
  }
  console.log(`SalesDesk 浏览器模式 / browser mode — 数据库 database: ${dbPath}`);
  console.log(running.url);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`启动失败 / failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
