import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEADERS_TIMEOUT_MS,
  MAX_BODY_BYTES,
  MAX_CONNECTIONS,
  parseArgs,
  REQUEST_TIMEOUT_MS,
  startServer,
  type RunningServer,
} from '../../electron/core/server';
import { contract } from '../../shared/contract';
import { FILE_BASE64_MAX_CHARS } from '../../shared/contract/common';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { addOperator, TEST_MANAGER } from './helpers';

let server: RunningServer;
let dir: string;
/** a manager's session, sent as X-Session with every API call here (two-operator behaviour: sessionsHttp.test.ts) */
let session = '';

/** Raw HTTP so Host and Origin can be set freely (fetch forbids setting Host). */
function request(
  pathName: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathName,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, 'X-Session': session, ...headers },
    body: JSON.stringify({ input }),
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-server-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>SalesDesk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  server = await startServer({ dbPath: path.join(dir, 'test.db'), port: 0, rendererDir });
  session = sessionStore(server.core.ctx.db).create(addOperator(server.core, TEST_MANAGER).id);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a fresh token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers an API call with an ok envelope', async () => {
    const res = await api('settings.get', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { initialized: false, companyName: '' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('carries typed errors naming the field in the envelope', async () => {
    const res = await api('customers.save', { name: '', creditLimitFen: 0 });
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.field).toBe('name');
    expect(body.error.message).toContain('名称');
  });

  it('rejects calls without the token or with a wrong one', async () => {
    const none = await request('/api/settings.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"input":{}}',
    });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.code).toBe('UNAUTHORIZED');
    const wrong = await api('settings.get', {}, { Authorization: `Bearer ${'x'.repeat(32)}` });
    expect(wrong.status).toBe(401);
  });

  it('rejects foreign Host headers (DNS rebinding) and foreign Origins', async () => {
    const badHost = await request('/', { headers: { Host: `evil.example:${server.port}` } });
    expect(badHost.status).toBe(421);
    const badOrigin = await api('settings.get', {}, { Origin: 'http://evil.example' });
    expect(badOrigin.status).toBe(403);
    const goodOrigin = await api('settings.get', {}, { Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` });
    expect(goodOrigin.status).toBe(200);
  });

  it('turns malformed bodies and unknown methods into envelopes', async () => {
    const badJson = await request('/api/settings.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: '{not json',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).ok).toBe(false);
    const extraKey = await request('/api/settings.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: '{"input":{},"method":"x"}',
    });
    expect(extraKey.status).toBe(400);
    const unknown = await api('__proto__', {});
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD');
    const get = await request('/api/settings.get', { headers: { Authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(405);
  });

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-type']).toContain('text/html');
    const asset = await request('/assets/app.js');
    expect(asset.headers['content-type']).toContain('javascript');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await request(p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('answers malformed percent-encoding in paths as bad input (400), not as a server fault', async () => {
    expect((await request('/%E0%A4%A')).status).toBe(400);
    const res = await api('%E0%A4%A', {});
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: '接口路径的百分号编码无效' } });
    expect((await api('settings.get', {})).status).toBe(200);
  });

  it('checks the Host header on /api too, before the token', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      `127.0.0.1.evil.example:${server.port}`,
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const res = await api('settings.get', {}, { Host: host });
      expect(res.status, host).toBe(421);
      expect(res.body, host).toBe('主机名不被允许');
    }
  });

  it('refuses Origin null (sandboxed frames, file:// pages)', async () => {
    const res = await api('settings.get', {}, { Origin: 'null' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '来源不被允许' } });
  });

  it('answers 415 to a body that is not declared JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await api('settings.get', {}, { 'Content-Type': type });
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body), type).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求体必须是 JSON' } });
    }
    const none = await request('/api/settings.get', {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{"input":{}}',
    });
    expect(none.status).toBe(415);
  });

  it('answers 413 to a body over the limit and keeps serving', async () => {
    const small = await startServer({ dbPath: '', core: server.core, port: 0, rendererDir: dir, maxBodyBytes: 1024 });
    try {
      const post = (body: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = http.request(
            {
              host: '127.0.0.1',
              port: small.port,
              path: '/api/settings.get',
              method: 'POST',
              headers: { Host: `127.0.0.1:${small.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${small.token}` },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      const big = await post(JSON.stringify({ input: { pad: 'x'.repeat(4 * 1024 * 1024) } }));
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求过大（超过 1.0 KB）' } });
      const fits = await post('{"input":{}}');
      expect(fits.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('takes the largest valid input, an import file of 40 M base64 characters, and refuses anything much bigger', () => {
    const largest = JSON.stringify({ input: { fileName: '客户.xlsx', base64: 'A'.repeat(FILE_BASE64_MAX_CHARS) } });
    expect(Buffer.byteLength(largest)).toBeLessThan(MAX_BODY_BYTES);
    expect(MAX_BODY_BYTES - FILE_BASE64_MAX_CHARS).toBeLessThanOrEqual(1024 * 1024);
    expect(contract['import.preview'].input.shape.base64.maxLength).toBe(FILE_BASE64_MAX_CHARS);
  });

  it('closes a connection whose headers never finish (408), and holds at most 128 connections at once', async () => {
    const slow = await startServer({
      dbPath: '',
      core: server.core,
      port: 0,
      rendererDir: dir,
      timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 100 },
    });
    try {
      expect([slow.http.headersTimeout, slow.http.requestTimeout, slow.http.maxConnections]).toEqual([300, 600, MAX_CONNECTIONS]);
      expect([server.http.headersTimeout, server.http.requestTimeout]).toEqual([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(slow.port, '127.0.0.1', () => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n`));
        let got = '';
        socket.on('data', (c: Buffer) => (got += c.toString('utf8')));
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
      });
      // 408 and closed by the server, not left open for ever (the test would time out)
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await slow.close();
    }
    expect(MAX_CONNECTIONS).toBe(128);
  });

  it('reads --db and --port from the command line', () => {
    expect(parseArgs(['--db', 'x.db', '--port', '8123'])).toEqual({ dbPath: path.resolve('x.db'), port: 8123 });
    expect(() => parseArgs(['--port', 'abc'])).toThrow();
  });
});
