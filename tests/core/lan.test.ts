// LAN office mode: sign-in is the only door (cookie session, no token), only this PC's Host names, same-site calls only,
// sign-in guesses limited, an optional client subnet allow-list, and the client's address in the audit log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/core/server';
import { createCore, type Core } from '../../electron/core/core';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { parseCookies, sessionFromCookie, SESSION_COOKIE } from '../../electron/core/lan/cookies';
import { allowedHostHeaders, lanInterfaces, plainAddress } from '../../electron/core/lan/network';
import { lanFromArgs, DEFAULT_LAN_PORT } from '../../electron/core/lan/options';
import { SignInLimiter } from '../../electron/core/lan/rateLimit';
import { inSubnets, parseSubnet } from '../../electron/core/lan/subnets';
import { addOperator, TEST_COST } from './helpers';
import { LanBrowser, lanRequest } from './lanHttp';

const ADDRESS = '127.0.0.1';
let dir: string;
let core: Core;
let server: RunningServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-lan-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>SalesDesk</title>');
  core = createCore(path.join(dir, 'lan.db'), { passwordCost: TEST_COST });
  addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
  addOperator(core, { name: '周敏', role: 'manager', password: 'manager-pw' });
  addOperator(core, { name: '王强', role: 'clerk', password: 'wang-pw-1' });
  server = await startServer({
    dbPath: '',
    core,
    rendererDir: dir,
    lan: {
      addresses: [ADDRESS],
      hostname: 'Office-PC',
      signInLimits: { perClient: { max: 8, windowMs: 60_000 }, perName: { max: 3, windowMs: 60_000 } },
    },
  });
});

afterAll(async () => {
  await server.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const browser = () => new LanBrowser(ADDRESS, server.port);

describe('LAN office mode over HTTP', () => {
  it('listens on the chosen address and names the address to open', () => {
    expect(server.lan).toEqual({ urls: [`http://${ADDRESS}:${server.port}/`], addresses: [ADDRESS] });
    expect(server.url).toBe(`http://${ADDRESS}:${server.port}/`);
  });

  it('answers this PC’s addresses and name as Host, and refuses any other Host (DNS rebinding)', async () => {
    const get = (host: string) => lanRequest(ADDRESS, server.port, { path: '/', headers: { Host: host } });
    expect((await get(`${ADDRESS}:${server.port}`)).status).toBe(200);
    expect((await get(`office-pc:${server.port}`)).status).toBe(200);
    expect((await get(`OFFICE-PC.local:${server.port}`)).status).toBe(200);
    const foreign = await get(`evil.example:${server.port}`);
    expect(foreign.status).toBe(421);
    expect(foreign.text).toBe('主机名不被允许');
    expect((await get(`${ADDRESS}:1`)).status).toBe(421);
    // an API call with a foreign Host is refused before it reaches the core
    const call = await lanRequest(ADDRESS, server.port, {
      method: 'POST',
      path: '/api/auth.signIn',
      headers: { Host: 'evil.example', Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { name: '刘芳', password: 'clerk-pw' } }),
    });
    expect(call.status).toBe(421);
    expect(call.headers['set-cookie']).toBeUndefined();
  });

  it('signs in by cookie only: HttpOnly SameSite=Strict, the token never in the page, no startup token needed', async () => {
    const b = browser();
    expect((await b.call('customers.list', {})).body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const signIn = await b.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    expect(signIn.body).toMatchObject({ ok: true, data: { session: '', operator: { name: '刘芳' } } });
    const set = signIn.headers['set-cookie']![0]!;
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    expect((await b.call('auth.me', {})).body.data.operator.name).toBe('刘芳');
    expect((await b.call('customers.list', {})).body.ok).toBe(true);
    // the loopback token and X-Session count for nothing here: only the cookie does
    const noCookie = await new LanBrowser(ADDRESS, server.port).call(
      'customers.list',
      {},
      {
        Authorization: `Bearer ${server.token}`,
        'X-Session': b.cookie.split('=')[1]!,
      },
    );
    expect(noCookie.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    // sign-out ends the session and clears the cookie
    const out = await b.call('auth.signOut', {});
    expect(out.headers['set-cookie']![0]).toMatch(/Max-Age=0/);
    expect(b.cookie).toBe('');
  });

  it('two browsers signed in as two operators act side by side, each change audited with operator and address', async () => {
    const a = browser();
    const b = browser();
    await a.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    await b.call('auth.signIn', { name: '周敏', password: 'manager-pw' });
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.call('regions.save', { name: '华东' })).body.ok).toBe(true);
    expect((await b.call('regions.save', { name: '华北' })).body.ok).toBe(true);
    const log = (await b.call('audit.list', { entity: 'region' })).body.data.rows as Array<{
      operator: string;
      clientAddress: string | null;
      after: { name: string };
    }>;
    expect(log.map((r) => [r.operator, r.after.name, r.clientAddress])).toEqual([
      ['周敏', '华北', ADDRESS],
      ['刘芳', '华东', ADDRESS],
    ]);
    // the address is part of the hash chain: the chain verifies, and changing the address breaks it
    expect((await b.call('audit.verify', {})).body.data).toMatchObject({ ok: true, broken: 0 });
    const row = core.ctx.db.prepare("select id, client_address from audit_log where entity = 'region' order by id desc limit 1").get() as {
      id: number;
    };
    const triggers = core.ctx.db
      .prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'")
      .all() as Array<{
      name: string;
      sql: string;
    }>;
    for (const t of triggers) core.ctx.db.exec(`drop trigger "${t.name}"`);
    core.ctx.db.prepare('update audit_log set client_address = ? where id = ?').run('10.9.9.9', row.id);
    expect((await b.call('audit.verify', {})).body.data).toMatchObject({
      ok: false,
      broken: 1,
      firstBroken: { id: row.id, reason: 'changed' },
    });
    core.ctx.db.prepare('update audit_log set client_address = ? where id = ?').run(ADDRESS, row.id);
    for (const t of triggers) core.ctx.db.exec(t.sql);
    expect((await b.call('audit.verify', {})).body.data.ok).toBe(true);
    // the office PC's own calls (no client address) are logged without one
    await core.call('regions.save', { name: '西南' }, { session: sessionStore(core.ctx.db).create(2) });
    const own = core.ctx.db.prepare("select client_address from audit_log where entity = 'region' order by id desc limit 1").get();
    expect(own).toEqual({ client_address: null });
  });

  it('refuses a forged cookie and clears it', async () => {
    const forged = browser();
    forged.cookie = `${SESSION_COOKIE}=${'A'.repeat(43)}`;
    const answer = await forged.call('customers.list', {});
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '登录已失效，请重新登录' } });
    expect(answer.headers['set-cookie']![0]).toMatch(/Max-Age=0/);
    // a cookie that is not even token-shaped is no session at all
    const junk = browser();
    junk.cookie = `${SESSION_COOKIE}=<script>`;
    expect((await junk.call('customers.list', {})).body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '请先登录' } });
  });

  it('ends an idle session: the expired cookie is refused with the idle reason and cleared', async () => {
    const b = browser();
    await b.call('auth.signIn', { name: '王强', password: 'wang-pw-1' });
    expect((await b.call('customers.list', {})).body.ok).toBe(true);
    const store = sessionStore(core.ctx.db);
    const realClock = store.clock;
    try {
      store.clock = () => realClock() + 31 * 60_000; // the default idle time is 30 minutes
      const answer = await b.call('customers.list', {});
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '长时间未操作，已自动登出，请重新登录' } });
      expect(b.cookie).toBe('');
    } finally {
      store.clock = realClock;
    }
  });

  it('refuses cross-site calls: another Origin, or none, even with a valid cookie', async () => {
    const b = browser();
    await b.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    const before = core.ctx.db.prepare('select count(*) as n from regions').get();
    const cross = await b.call('regions.save', { name: '跨站' }, { Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '来源不被允许' } });
    const none = await lanRequest(ADDRESS, server.port, {
      method: 'POST',
      path: '/api/regions.save',
      headers: { Host: `${ADDRESS}:${server.port}`, 'Content-Type': 'application/json', Cookie: b.cookie },
      body: JSON.stringify({ input: { name: '跨站' } }),
    });
    expect(none.status).toBe(403);
    // a plain HTML form post (no JSON content type) never reaches the core either
    const form = await b.call('regions.save', {}, { 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    expect(core.ctx.db.prepare('select count(*) as n from regions').get()).toEqual(before);
  });

  it('keeps the first run at the office PC: initializing or creating the first admin over the LAN is refused', async () => {
    const b = browser();
    const init = await b.call('auth.setupAdmin', { name: '外人', password: 'outsider-1' });
    expect(init.status).toBe(403);
    expect(init.body.error.message).toMatch(/服务器电脑上完成初始化/);
  });

  it('limits sign-in guesses per name, then per client, with the wait named', async () => {
    const b = browser();
    for (let i = 0; i < 3; i++) {
      expect((await b.call('auth.signIn', { name: '王强', password: `wrong-${i}-x` })).body.error.field).toBe('password');
    }
    const limited = await b.call('auth.signIn', { name: '王强', password: 'wang-pw-1' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toBe('该用户名登录失败次数过多，请 1 分钟后再试');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.headers['set-cookie']).toBeUndefined();
    // other names from this client still get their tries until the client's own limit (8) is reached
    for (let i = 0; i < 5; i++) await b.call('auth.signIn', { name: `无此人${i}`, password: 'whatever-1' });
    const clientLimited = await b.call('auth.signIn', { name: '周敏', password: 'manager-pw' });
    expect(clientLimited.status).toBe(429);
    expect(clientLimited.body.error.message).toBe('这台电脑登录失败次数过多，请 1 分钟后再试');
  });
});

describe('LAN start-up', () => {
  it('refuses a database without any operator (the first admin is made at the office PC)', async () => {
    const empty = createCore(':memory:', { passwordCost: TEST_COST });
    await expect(startServer({ dbPath: '', core: empty, rendererDir: dir, lan: { addresses: [ADDRESS] } })).rejects.toThrow(
      /请先在本机完成初始化/,
    );
    empty.close();
  });

  it('answers only clients inside the allowed subnets', async () => {
    const outside = await startServer({
      dbPath: '',
      core,
      rendererDir: dir,
      lan: { addresses: [ADDRESS], hostname: 'office-pc', allowSubnets: ['192.168.1.0/24'] },
    });
    const inside = await startServer({
      dbPath: '',
      core,
      rendererDir: dir,
      lan: { addresses: [ADDRESS], hostname: 'office-pc', allowSubnets: ['192.168.1.0/24', '127.0.0.0/8'] },
    });
    try {
      const refused = await lanRequest(ADDRESS, outside.port, { path: '/', headers: { Host: `${ADDRESS}:${outside.port}` } });
      expect(refused.status).toBe(403);
      expect(refused.text).toBe('这台电脑不在允许访问的网段内');
      const b = new LanBrowser(ADDRESS, outside.port);
      expect((await b.call('auth.signIn', { name: '刘芳', password: 'clerk-pw' })).status).toBe(403);
      expect(b.cookie).toBe('');
      expect((await lanRequest(ADDRESS, inside.port, { path: '/', headers: { Host: `${ADDRESS}:${inside.port}` } })).status).toBe(200);
    } finally {
      await outside.close();
      await inside.close();
    }
  });

  it('reads --lan, --listen and --allow from the command line, with a fixed default port', () => {
    const nics = {
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '', internal: true, cidr: '127.0.0.1/8' }],
      以太网: [
        { address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '', internal: false, cidr: '192.168.1.20/24' },
        { address: 'fe80::1', netmask: 'ffff::', family: 'IPv6', mac: '', internal: false, cidr: 'fe80::1/64', scopeid: 1 },
      ],
      WLAN: [{ address: '10.0.0.7', netmask: '255.0.0.0', family: 'IPv4', mac: '', internal: false, cidr: '10.0.0.7/8' }],
      断开: [{ address: '169.254.3.4', netmask: '255.255.0.0', family: 'IPv4', mac: '', internal: false, cidr: '169.254.3.4/16' }],
    } as unknown as NodeJS.Dict<os.NetworkInterfaceInfo[]>;
    expect(lanInterfaces(nics)).toEqual([
      { name: '以太网', address: '192.168.1.20', cidr: '192.168.1.20/24' },
      { name: 'WLAN', address: '10.0.0.7', cidr: '10.0.0.7/8' },
    ]);
    expect(lanFromArgs(['--db', 'x.db'], nics)).toBeNull();
    expect(lanFromArgs(['--lan'], nics)).toEqual({
      options: { addresses: ['192.168.1.20', '10.0.0.7'], allowSubnets: [] },
      port: DEFAULT_LAN_PORT,
    });
    expect(lanFromArgs(['--lan', '--listen', '192.168.1.20', '--allow', '192.168.1.0/24', '--port', '9000'], nics)).toEqual({
      options: { addresses: ['192.168.1.20'], allowSubnets: ['192.168.1.0/24'] },
      port: null,
    });
    expect(() => lanFromArgs(['--lan', '--listen', '192.168.9.9'], nics)).toThrow(
      '本机没有地址 192.168.9.9；本机的局域网地址：192.168.1.20、10.0.0.7',
    );
    expect(() => lanFromArgs(['--lan', '--allow', '192.168.1/24'], nics)).toThrow('允许的网段「192.168.1/24」无效');
    expect(() => lanFromArgs(['--lan'], { lo: nics.lo })).toThrow(/没有可用的局域网地址/);
  });

  it('subnets, Host names, client addresses and cookies parse as written', () => {
    const lanNet = parseSubnet('192.168.1.77/24');
    expect(lanNet.text).toBe('192.168.1.77/24');
    expect(inSubnets('192.168.1.200', [lanNet])).toBe(true);
    expect(inSubnets('192.168.2.1', [lanNet])).toBe(false);
    expect(inSubnets('fd00::2', [lanNet])).toBe(false);
    expect(inSubnets('8.8.8.8', [parseSubnet('0.0.0.0/0')])).toBe(true);
    expect(inSubnets('10.1.2.3', [parseSubnet('10.1.2.3')])).toBe(true);
    expect(inSubnets('10.1.2.4', [])).toBe(true);
    for (const bad of ['300.1.1.1/24', '10.0.0.0/33', 'abc', '10.0.0.0/8/1', '10.0.0.0/x']) expect(() => parseSubnet(bad)).toThrow(/无效/);
    expect(plainAddress('::ffff:192.168.1.5')).toBe('192.168.1.5');
    expect(plainAddress('fd00::2')).toBe('fd00::2');
    expect([...allowedHostHeaders(['192.168.1.20'], 'Front-Desk', 80)]).toEqual([
      '192.168.1.20:80',
      '192.168.1.20',
      'front-desk:80',
      'front-desk',
      'front-desk.local:80',
      'front-desk.local',
    ]);
    expect(parseCookies('a=1; b = 2; a=3; junk; =x')).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
    );
    expect(sessionFromCookie(`theme=dark; ${SESSION_COOKIE}=abc_DEF-123`)).toBe('abc_DEF-123');
    expect(sessionFromCookie(`${SESSION_COOKIE}=a%20b`)).toBeUndefined();
  });

  it('the limiter forgets failures once the window has passed, and a success clears the name', () => {
    let now = 0;
    const limiter = new SignInLimiter({ perClient: { max: 3, windowMs: 1000 }, perName: { max: 2, windowMs: 1000 } }, () => now);
    limiter.failed('10.0.0.1', '刘芳');
    limiter.failed('10.0.0.2', ' 刘芳 ');
    expect(limiter.check('10.0.0.3', '刘芳')).toEqual({ allowed: false, retryAfterMs: 1000, by: 'name' });
    now = 400;
    expect(limiter.check('10.0.0.3', '刘芳')).toMatchObject({ allowed: false, retryAfterMs: 600 });
    now = 1000;
    expect(limiter.check('10.0.0.3', '刘芳')).toEqual({ allowed: true });
    limiter.failed('10.0.0.3', '周敏');
    limiter.succeeded('周敏');
    limiter.failed('10.0.0.3', '周敏');
    expect(limiter.check('10.0.0.4', '周敏')).toEqual({ allowed: true });
    limiter.failed('10.0.0.3', '王强');
    expect(limiter.check('10.0.0.3', '谁')).toMatchObject({ allowed: false, by: 'client' });
  });
});
