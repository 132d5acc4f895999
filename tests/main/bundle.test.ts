// Builds the preload and the core host with the project's electron-vite config and checks what actually ships.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-bundle-'));
const outDir = path.join(tmp, 'out');

beforeAll(async () => {
  const nodeEnv = process.env.NODE_ENV;
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig(
    { configFile: path.resolve('electron.vite.config.ts'), logLevel: 'silent', build: { outDir } },
    'build',
    'production',
  );
  process.env.NODE_ENV = nodeEnv; // resolveConfig sets it for the whole process
  const { main, preload } = resolved.config ?? {};
  if (!main || !preload) throw new Error('electron.vite.config.ts has no main or preload section');
  await build({ ...preload, logLevel: 'silent' });
  await build({ ...main, logLevel: 'silent' });
  // the packaged layout from electron-builder.yml: out/** plus electron/core/db/migrations/** under one app root
  fs.cpSync('electron/core/db/migrations', path.join(tmp, 'electron', 'core', 'db', 'migrations'), { recursive: true });
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('built preload', () => {
  it('is CommonJS that requires nothing but electron, as a sandboxed preload must', () => {
    const code = fs.readFileSync(path.join(outDir, 'preload', 'index.js'), 'utf8');
    expect(code).not.toMatch(/^\s*import\s/m);
    const required = [...code.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    // fails while electron.vite.config.ts externalises zod for the preload: set preload.build.externalizeDeps to false
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});

describe('built core host', () => {
  it('serves requests over process.parentPort from the packaged layout and shuts down cleanly', async () => {
    const shim = path.join(tmp, 'shim.cjs');
    // stands in for Electron's utilityProcess: lines on stdin become parentPort messages, posts become stdout lines
    fs.writeFileSync(
      shim,
      `const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (m) => process.stdout.write(JSON.stringify(m) + '\\n');
process.parentPort = port;
require('node:readline').createInterface({ input: process.stdin }).on('line', (l) => port.emit('message', { data: JSON.parse(l), ports: [] }));
require(process.argv[2]);`,
    );
    const db = path.join(tmp, 'data', 'salesdesk.db');
    const child = spawn(process.execPath, [shim, path.join(outDir, 'main', 'host.js'), '--db', db], {
      // cwd outside the app root, as in an installed app; NODE_PATH stands in for the packaged node_modules
      cwd: os.tmpdir(),
      env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines: any[] = [];
    let buffer = '';
    child.stdout.on('data', (d) => {
      buffer += d;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts.map((p) => JSON.parse(p)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const send = (m: unknown) => child.stdin.write(JSON.stringify(m) + '\n');
    send({ id: 1, method: 'settings.get', input: {} });
    send({ id: 2, method: 'customers.drop', input: {} });
    send({ nonsense: true });
    send({ id: 3, method: 'customers.get', input: { id: 'x' } });
    const deadline = Date.now() + 20_000;
    while (lines.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    send({ type: 'shutdown' });
    expect(await exited).toBe(0);
    const byId = new Map(lines.map((l) => [l.id, l.envelope]));
    expect(lines).toHaveLength(3);
    expect(byId.get(1)).toMatchObject({ ok: true, data: { databasePath: db } });
    expect(byId.get(2)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // no session came with it: the built host checks sessions before it even parses the input
    expect(byId.get(3)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(fs.existsSync(db)).toBe(true);
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
  }, 30_000);
});
