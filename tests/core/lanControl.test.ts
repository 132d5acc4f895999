// lan.status / lan.start / lan.stop through the dispatcher: the controller a host registers starts a LAN server on the
// host's own core, refuses addresses this PC does not have and bad subnets, and leaves a command-line server alone.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { resumeLan, setLanController } from '../../electron/core/lan/control';
import { createLanController } from '../../electron/core/lan/controller';
import { startServer } from '../../electron/core/server';
import { addOperator, asOperator, TEST_COST, type Caller } from './helpers';
import { LanBrowser } from './lanHttp';

let dir: string;
let core: Core;
let admin: Caller;
const nics = () => [{ name: 'eth0', address: '192.0.2.77', cidr: '192.0.2.77/24' }];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-lanctl-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  core = createCore(path.join(dir, 'office.db'), { passwordCost: TEST_COST });
  addOperator(core, { name: '老板', role: 'admin', password: 'admin-pw-1' });
  addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
  admin = await asOperator(core, '老板', 'admin-pw-1');
});

afterAll(() => {
  setLanController(core.ctx.dbPath, null);
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('LAN mode started from the settings page', () => {
  it('without a controller (a plain core) it is not available here, and says where to start it', async () => {
    const status = await admin.call('lan.status', {});
    expect(status).toMatchObject({ ok: true, data: { available: false, running: false, urls: [] } });
    expect(await admin.call('lan.start', { addresses: ['127.0.0.1'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('npm run serve -- --lan') },
    });
  });

  it('starts on the chosen address, serves the same database, and stops; only admin and manager may', async () => {
    setLanController(
      core.ctx.dbPath,
      createLanController(core, {
        interfaces: nics,
        start: (o) => startServer({ ...o, rendererDir: dir, lan: { ...o.lan!, hostname: 'office-pc' } }),
      }),
    );
    const idle = await admin.call('lan.status', {});
    expect(idle).toMatchObject({ ok: true, data: { available: true, running: false, interfaces: nics() } });

    const clerk = await asOperator(core, '刘芳', 'clerk-pw');
    expect(await clerk.call('lan.start', { addresses: ['127.0.0.1'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // an address this PC does not have, a subnet typo, a port below 1024: refused, nothing started
    expect(await admin.call('lan.start', { addresses: ['10.1.1.1'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'addresses', message: '监听地址：本机没有地址 10.1.1.1' },
    });
    expect(await admin.call('lan.start', { addresses: ['127.0.0.1'], allowSubnets: ['192.168.1/24'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'allowSubnets' },
    });
    expect(await admin.call('lan.start', { addresses: ['127.0.0.1'], port: 80 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect((await admin.call('lan.status', {})) as { data: { running: boolean } }).toMatchObject({ data: { running: false } });

    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const started = await admin.call('lan.start', { addresses: ['127.0.0.1'], port, allowSubnets: ['127.0.0.0/8'] });
    expect(started).toMatchObject({
      ok: true,
      data: { running: true, fromCommandLine: false, urls: [`http://127.0.0.1:${port}/`], port, allowSubnets: ['127.0.0.0/8'] },
    });
    // a LAN client signs in and writes; this core (the desktop window's) sees it at once
    const b = new LanBrowser('127.0.0.1', port);
    expect((await b.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' })).body.ok).toBe(true);
    expect((await b.call('regions.save', { name: '华南' })).body.ok).toBe(true);
    expect(core.ctx.db.prepare("select client_address from audit_log where entity = 'region' order by id desc limit 1").get()).toEqual({
      client_address: '127.0.0.1',
    });
    // the same port taken by something else: a clear refusal
    const other = await startServer({ dbPath: '', core, rendererDir: dir, lan: { addresses: ['127.0.0.1'] } });
    try {
      expect(await admin.call('lan.start', { addresses: ['127.0.0.1'], port: other.port })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', field: 'port', message: `端口：${other.port} 已被其他程序占用，请换一个端口` },
      });
      // the office keeps the server it had
      expect(await admin.call('lan.status', {})).toMatchObject({ ok: true, data: { running: true, port } });
      expect((await new LanBrowser('127.0.0.1', port, new http.Agent({ keepAlive: false })).call('auth.me', {})).status).toBe(200);
    } finally {
      await other.close();
    }
    expect(await admin.call('lan.stop', {})).toMatchObject({ ok: true, data: { running: false, urls: [] } });
    // nothing listens there any more (a fresh connection, not a kept-alive one)
    await expect(new LanBrowser('127.0.0.1', port, new http.Agent({ keepAlive: false })).call('auth.me', {})).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('keeps the choice as an audited setting and starts it again at the next start; an address gone leaves it off', async () => {
    const startHere = (o: Parameters<typeof startServer>[0]) => startServer({ ...o, rendererDir: dir });
    const first = createLanController(core, { interfaces: nics, start: startHere });
    setLanController(core.ctx.dbPath, first);
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    expect(await admin.call('lan.start', { addresses: ['127.0.0.1'], port, allowSubnets: ['127.0.0.0/8'] })).toMatchObject({ ok: true });
    const setting = () => core.ctx.db.prepare("select value from settings where key = 'lanServer'").pluck().get() as string | undefined;
    expect(JSON.parse(setting()!)).toEqual({ addresses: ['127.0.0.1'], port, allowSubnets: ['127.0.0.0/8'] });
    const lastSettingsEntry = () =>
      core.ctx.db.prepare("select operator, before, after from audit_log where entity = 'settings' order by id desc limit 1").get();
    expect(lastSettingsEntry()).toEqual({
      operator: '老板',
      before: JSON.stringify({ lanServer: '' }),
      after: JSON.stringify({ lanServer: `127.0.0.1:${port} / 127.0.0.0/8` }),
    });

    // the app quits (the server goes with its process; the kept choice stays) and starts again: the server is back
    await first.stop();
    const again = createLanController(core, { interfaces: nics, start: startHere });
    setLanController(core.ctx.dbPath, again);
    expect(await resumeLan(core.ctx)).toMatchObject({ running: true, port, allowSubnets: ['127.0.0.0/8'] });
    const b = new LanBrowser('127.0.0.1', port, new http.Agent({ keepAlive: false }));
    expect((await b.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' })).body.ok).toBe(true);
    expect(await admin.call('lan.stop', {})).toMatchObject({ ok: true, data: { running: false } });
    expect(setting()).toBeUndefined();
    expect(lastSettingsEntry()).toMatchObject({ after: JSON.stringify({ lanServer: '' }) });
    expect(await resumeLan(core.ctx)).toBeNull();

    // kept for an address this PC no longer has: it stays off, and nothing throws
    core.ctx.db
      .prepare("insert into settings (key, value) values ('lanServer', ?)")
      .run(JSON.stringify({ addresses: ['10.9.9.9'], port, allowSubnets: [] }));
    expect(await resumeLan(core.ctx)).toBeNull();
    expect(again.status()).toMatchObject({ running: false });
    core.ctx.db.prepare("delete from settings where key = 'lanServer'").run();
  });

  it('a server started with npm run serve -- --lan is shown but stopped only where it was started', async () => {
    const running = await startServer({ dbPath: '', core, rendererDir: dir, lan: { addresses: ['127.0.0.1'], allowSubnets: [] } });
    try {
      setLanController(core.ctx.dbPath, createLanController(core, { fromCommandLine: running, interfaces: nics }));
      expect(await admin.call('lan.status', {})).toMatchObject({
        ok: true,
        data: { running: true, fromCommandLine: true, urls: [`http://127.0.0.1:${running.port}/`] },
      });
      expect(await admin.call('lan.stop', {})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('Ctrl+C') },
      });
    } finally {
      await running.close();
    }
  });
});
