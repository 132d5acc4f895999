// Static files of browser mode: cached in memory, validated by ETag, gzip when the browser accepts it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, startServer, type RunningServer } from '../../electron/core/server';

let server: RunningServer;
let dir: string;
let rendererDir: string;
const bigJs = `export const rows = [${Array.from({ length: 400 }, (_, i) => `'客户${i}'`).join(', ')}];\n`;

function get(pathName: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathName, method, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-static-'));
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>SalesDesk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'big-abc123.js'), bigJs);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'tiny.js'), 'export {};\n');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  server = await startServer({ dbPath: path.join(dir, 'test.db'), port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode static files', () => {
  it('sends hashed assets as immutable, with an ETag, the CSP and the exact bytes', async () => {
    const res = await get('/assets/big-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(bigJs);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(bigJs));
  });

  it('gzips a text file when the browser accepts gzip, and the bytes unpack to the file', async () => {
    const res = await get('/assets/big-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.length).toBeLessThan(Buffer.byteLength(bigJs) / 2);
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(bigJs);
  });

  it('leaves a file under 1 KB uncompressed', async () => {
    const res = await get('/assets/tiny.js', { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe('export {};\n');
  });

  it('answers 304 without a body to a matching If-None-Match', async () => {
    const first = await get('/assets/big-abc123.js');
    const again = await get('/assets/big-abc123.js', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await get('/assets/big-abc123.js', { 'If-None-Match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('has index.html revalidated on every load, and serves a rebuilt index.html fresh', async () => {
    const first = await get('/');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.body.toString('utf8')).toContain('<title>SalesDesk</title>');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>SalesDesk rebuilt</title>');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(rendererDir, 'index.html'), later, later);
    const stale = await get('/', { 'If-None-Match': String(first.headers.etag) });
    expect(stale.status).toBe(200);
    expect(stale.headers.etag).not.toBe(first.headers.etag);
    expect(stale.body.toString('utf8')).toContain('rebuilt');
  });

  it('answers HEAD with the headers only', async () => {
    const res = await get('/assets/big-abc123.js', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(bigJs));
    expect(res.body.length).toBe(0);
  });

  it('still serves nothing outside the renderer folder, and 404s a missing file', async () => {
    expect((await get('/..%2Fsecret.txt')).status).toBe(404);
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
  });
});
