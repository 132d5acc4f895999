// The utilityProcess loop: every usable request gets exactly one envelope, nothing crashes the host.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { DomainError } from '../../electron/core/errors';
import { dbPathFromArgs, fatalError, handleHostMessage, migrationsDirFor, runHost, type HostPort } from '../../electron/core/host';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { addOperator } from '../core/helpers';

const cores: Core[] = [];
function memoryCore(): Core {
  const core = createCore(':memory:');
  cores.push(core);
  return core;
}

afterEach(() => {
  while (cores.length) cores.pop()!.close();
  vi.restoreAllMocks();
});

describe('handleHostMessage', () => {
  it('answers a good call with the same id and an ok envelope', async () => {
    const reply = await handleHostMessage(memoryCore(), { id: 7, method: 'settings.get', input: {} });
    expect(reply?.id).toBe(7);
    expect(reply?.envelope).toMatchObject({ ok: true, data: { databasePath: ':memory:' } });
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const reply = await handleHostMessage(memoryCore(), { id: 1, method: 'customers.drop', input: {} });
    expect(reply).toMatchObject({ id: 1, envelope: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
  });

  it('answers invalid input with VALIDATION from the contract', async () => {
    const core = memoryCore();
    const session = sessionStore(core.ctx.db).create(addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' }).id);
    const reply = await handleHostMessage(core, { id: 2, method: 'customers.get', input: { id: 'abc' }, session });
    expect(reply).toMatchObject({ id: 2, envelope: { ok: false, error: { code: 'VALIDATION' } } });
  });

  it('passes the session main sent with the request; without one only public methods answer', async () => {
    const core = memoryCore();
    const session = sessionStore(core.ctx.db).create(addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' }).id);
    expect(await handleHostMessage(core, { id: 8, method: 'customers.list', input: {} })).toMatchObject({
      envelope: { ok: false, error: { code: 'UNAUTHORIZED' } },
    });
    expect(await handleHostMessage(core, { id: 9, method: 'auth.me', input: {}, session })).toMatchObject({
      envelope: { ok: true, data: { operator: { name: '刘芳', role: 'clerk' } } },
    });
    expect(await handleHostMessage(core, { id: 10, method: 'customers.list', input: {}, session: 42 })).toMatchObject({
      envelope: { ok: false, error: { code: 'UNAUTHORIZED' } },
    });
  });

  it('answers a request without a method name with VALIDATION', async () => {
    const core = memoryCore();
    for (const data of [{ id: 3 }, { id: 3, method: 42 }, { id: 3, method: null, input: {} }]) {
      expect(await handleHostMessage(core, data)).toMatchObject({ id: 3, envelope: { ok: false, error: { code: 'VALIDATION' } } });
    }
  });

  it('ignores payloads without a usable id, since nobody waits for them', async () => {
    const call = vi.fn();
    for (const data of [
      undefined,
      null,
      'settings.get',
      42,
      [],
      {},
      { id: '1', method: 'settings.get' },
      { id: -1 },
      { id: 1.5 },
      { id: NaN },
      { id: Infinity },
    ]) {
      expect(await handleHostMessage({ call }, data), JSON.stringify(data)).toBeNull();
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('turns a throwing core into an envelope with a plain sentence, never the raw SQLite message', async () => {
    const ioError = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
    const core = { call: vi.fn().mockRejectedValue(ioError) };
    const reply = await handleHostMessage(core, { id: 4, method: 'settings.get', input: {} });
    expect(reply).toEqual({
      id: 4,
      envelope: {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: '读写数据库文件时出错（磁盘或文件系统的问题），请检查磁盘后重试',
          messageEn: 'The database file could not be read or written (a disk or file-system problem); check the disk and try again',
        },
      },
    });
    expect(JSON.stringify(reply)).not.toContain('disk I/O error');
  });

  it('answers every call with the open failure when the database could not be opened', async () => {
    const fatal = { code: 'DB_TOO_NEW' as const, message: '数据库来自更新版本' };
    const reply = await handleHostMessage(fatal, { id: 5, method: 'settings.get', input: {} });
    expect(reply).toEqual({ id: 5, envelope: { ok: false, error: fatal } });
  });
});

class FakePort extends EventEmitter implements HostPort {
  posted: any[] = [];
  failNext = 0;
  postMessage(message: unknown) {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('could not be cloned');
    }
    this.posted.push(message);
  }
  send(data: unknown) {
    this.emit('message', { data, ports: [] });
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runHost', () => {
  it('opens the --db file and serves requests on the port', async () => {
    const port = new FakePort();
    const open = vi.fn(() => memoryCore());
    runHost(port, ['/electron', 'host.js', '--db', ':memory:'], open);
    expect(open).toHaveBeenCalledWith(':memory:');
    port.send({ id: 1, method: 'settings.get', input: {} });
    port.send({ id: 2, method: 'nope', input: {} });
    port.send('garbage');
    port.emit('message', null);
    await flush();
    expect(port.posted).toHaveLength(2);
    expect(port.posted.find((m) => m.id === 1).envelope.ok).toBe(true);
    expect(port.posted.find((m) => m.id === 2).envelope.error.code).toBe('UNKNOWN_METHOD');
  });

  it('posts one fatal message when the database cannot be opened, then answers calls with that error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const port = new FakePort();
    runHost(port, ['--db', 'x.db'], () => {
      throw new DomainError('DB_TOO_NEW', '数据库来自更新版本的 SalesDesk');
    });
    expect(port.posted).toEqual([{ type: 'fatal', error: { code: 'DB_TOO_NEW', message: '数据库来自更新版本的 SalesDesk' } }]);
    port.send({ id: 1, method: 'settings.get', input: {} });
    port.send({ id: 2, method: 'settings.get', input: {} });
    await flush();
    expect(port.posted.filter((m) => m.type === 'fatal')).toHaveLength(1);
    expect(port.posted.slice(1)).toEqual([
      { id: 1, envelope: { ok: false, error: { code: 'DB_TOO_NEW', message: '数据库来自更新版本的 SalesDesk' } } },
      { id: 2, envelope: { ok: false, error: { code: 'DB_TOO_NEW', message: '数据库来自更新版本的 SalesDesk' } } },
    ]);
  });

  it('still answers when a result cannot be posted', async () => {
    const port = new FakePort();
    runHost(port, [], () => memoryCore());
    port.failNext = 1;
    port.send({ id: 9, method: 'settings.get', input: {} });
    await flush();
    expect(port.posted).toEqual([{ id: 9, envelope: { ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) } }]);
  });

  it('closes the database and exits on shutdown', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const port = new FakePort();
    const core = memoryCore();
    const close = vi.spyOn(core, 'close');
    runHost(port, [], () => core);
    port.send({ type: 'shutdown' });
    expect(close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });
});

describe('host helpers', () => {
  it('reads --db from argv and falls back to the default path', () => {
    expect(dbPathFromArgs(['--db', 'a.db'], () => 'default.db')).toBe('a.db');
    expect(dbPathFromArgs(['--db=b.db'], () => 'default.db')).toBe('b.db');
    expect(dbPathFromArgs(['--db', '--port', '1'], () => 'default.db')).toBe('default.db');
    expect(dbPathFromArgs([], () => 'default.db')).toBe('default.db');
    expect(dbPathFromArgs([])).toMatch(/SalesDesk[\\/]salesdesk\.db$/);
  });

  it('keeps domain errors and wraps anything else as INTERNAL', () => {
    expect(fatalError(new DomainError('DB_CORRUPT', '损坏'))).toEqual({ code: 'DB_CORRUPT', message: '损坏' });
    expect(fatalError(new Error('EACCES'))).toEqual({ code: 'INTERNAL', message: '无法打开数据库：EACCES' });
  });

  it('finds the migrations both from the source tree and from out/main of a packaged app', () => {
    const sourceDir = path.resolve('electron/core');
    expect(migrationsDirFor(sourceDir)).toBe(path.join(sourceDir, 'db', 'migrations'));
    expect(migrationsDirFor(path.resolve('out/main'))).toBe(path.resolve('electron/core/db/migrations'));
    expect(migrationsDirFor('/nowhere/out/main')).toBeUndefined();
  });
});
