// The relay between ipcMain and the core process: id matching, timeouts, crashes and restarts, always envelopes.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelay, dbArg, DEFAULT_TIMEOUT_MS, type RelayChild } from '../../electron/main/relay';

vi.mock('electron', () => ({}));

class FakeChild extends EventEmitter implements RelayChild {
  sent: any[] = [];
  killed = false;
  throwOnPost = false;
  postMessage(message: unknown) {
    if (this.throwOnPost) throw new Error('An object could not be cloned.');
    this.sent.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
  reply(id: number, data: unknown) {
    this.emit('message', { id, envelope: { ok: true, data } });
  }
  requests() {
    return this.sent.filter((m) => typeof m.id === 'number');
  }
}

function setup(options: { timeoutMs?: number; shutdownGraceMs?: number } = {}) {
  const children: FakeChild[] = [];
  const onFatal = vi.fn();
  const relay = createRelay({
    fork: () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    onFatal,
    ...options,
  });
  return { relay, children, onFatal, latest: () => children[children.length - 1]! };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('relay', () => {
  it('does not start the core before the first call', () => {
    const { children } = setup();
    expect(children).toHaveLength(0);
  });

  it('numbers requests incrementally and matches out-of-order replies by id', async () => {
    const { relay, latest } = setup();
    const a = relay.call('customers.list', { page: 1 });
    const b = relay.call('regions.tree', {});
    const c = relay.call('settings.get', {});
    const child = latest();
    expect(child.requests()).toEqual([
      { id: 1, method: 'customers.list', input: { page: 1 } },
      { id: 2, method: 'regions.tree', input: {} },
      { id: 3, method: 'settings.get', input: {} },
    ]);
    child.reply(3, 'third');
    child.reply(1, 'first');
    child.reply(2, 'second');
    await expect(a).resolves.toEqual({ ok: true, data: 'first' });
    await expect(b).resolves.toEqual({ ok: true, data: 'second' });
    await expect(c).resolves.toEqual({ ok: true, data: 'third' });
    expect(relay.pendingCount).toBe(0);
  });

  it('sends the session main keeps for the window with the request, when there is one', async () => {
    const { relay, latest } = setup();
    void relay.call('customers.list', {}, 'token-1');
    void relay.call('settings.get', {});
    expect(latest().requests()).toStrictEqual([
      { id: 1, method: 'customers.list', input: {}, session: 'token-1' },
      { id: 2, method: 'settings.get', input: {} },
    ]);
  });

  it('passes error envelopes through unchanged', async () => {
    const { relay, latest } = setup();
    const p = relay.call('customers.get', { id: 9 });
    const error = { code: 'NOT_FOUND', message: '客户不存在（编号 9）' };
    latest().emit('message', { id: 1, envelope: { ok: false, error } });
    await expect(p).resolves.toEqual({ ok: false, error });
  });

  it('ignores replies for unknown ids, duplicates and junk without disturbing pending calls', async () => {
    const { relay, latest } = setup();
    const p = relay.call('settings.get', {});
    const child = latest();
    for (const junk of [null, 42, 'x', {}, { id: 'one' }, { id: 99, envelope: { ok: true, data: 1 } }]) child.emit('message', junk);
    expect(relay.pendingCount).toBe(1);
    child.reply(1, 'ok');
    child.reply(1, 'again');
    await expect(p).resolves.toEqual({ ok: true, data: 'ok' });
  });

  it('turns a malformed envelope for a pending id into an INTERNAL envelope', async () => {
    const { relay, latest } = setup();
    const p = relay.call('settings.get', {});
    latest().emit('message', { id: 1, envelope: { data: 'no ok flag' } });
    await expect(p).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers UNKNOWN_METHOD without starting or messaging the core', async () => {
    const { relay, children } = setup();
    for (const method of ['customers.drop', '', 'constructor', '__proto__', 42, null, undefined]) {
      await expect(relay.call(method, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(children).toHaveLength(0);
  });

  it('times out after 120 s by default saying the outcome is unknown and where to look, and forgets the call', async () => {
    vi.useFakeTimers();
    expect(DEFAULT_TIMEOUT_MS).toBe(120_000);
    const { relay, latest } = setup();
    const p = relay.call('customers.list', {});
    await vi.advanceTimersByTimeAsync(119_999);
    expect(relay.pendingCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const result = await p;
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    // not "failed, try again": a posting may have gone through, and doing it again would enter it twice
    expect(!result.ok && result.error.message).toBe(
      '核心进程 120 秒内没有答复。如果这是一次保存或过账，它可能已经完成：请先在「审计日志」中查看，再决定是否重做，以免重复录入',
    );
    expect(!result.ok && result.error.messageEn).toContain('check the audit log');
    expect(relay.pendingCount).toBe(0);
    latest().reply(1, 'too late');
    expect(relay.pendingCount).toBe(0);
  });

  it('honours a custom timeout and clears the timer when the reply arrives', async () => {
    vi.useFakeTimers();
    const { relay, latest } = setup({ timeoutMs: 50 });
    const p = relay.call('settings.get', {});
    latest().reply(1, 'fast');
    await expect(p).resolves.toEqual({ ok: true, data: 'fast' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves every pending call with an envelope when the core exits, then restarts it on the next call', async () => {
    const { relay, children } = setup();
    const a = relay.call('customers.list', {});
    const b = relay.call('regions.tree', {});
    children[0]!.emit('exit', 134);
    const [ra, rb] = await Promise.all([a, b]);
    for (const r of [ra, rb]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
      expect(!r.ok && r.error.message).toContain('134');
      expect(!r.ok && r.error.message).toContain('审计日志');
    }
    expect(relay.pendingCount).toBe(0);

    const c = relay.call('settings.get', {});
    expect(children).toHaveLength(2);
    expect(children[1]!.requests()).toEqual([{ id: 3, method: 'settings.get', input: {} }]);
    children[1]!.reply(3, 'back');
    await expect(c).resolves.toEqual({ ok: true, data: 'back' });
  });

  it('does not let a dead core settle or fail calls made to its replacement', async () => {
    const { relay, children } = setup();
    void relay.call('settings.get', {});
    children[0]!.emit('exit', 1);
    const p = relay.call('settings.get', {});
    children[0]!.reply(2, 'from the dead');
    children[0]!.emit('exit', 1);
    expect(relay.pendingCount).toBe(1);
    children[1]!.reply(2, 'alive');
    await expect(p).resolves.toEqual({ ok: true, data: 'alive' });
  });

  it('answers with an envelope when the input cannot be sent', async () => {
    const { relay, children } = setup();
    void relay.call('settings.get', {});
    children[0]!.throwOnPost = true;
    await expect(relay.call('settings.get', { fn: () => 1 })).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(relay.pendingCount).toBe(1);
  });

  it('answers with an envelope when the core cannot be started', async () => {
    const relay = createRelay({
      fork: () => {
        throw new Error('spawn failed');
      },
    });
    await expect(relay.call('settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('reports a fatal start-up error from the core', async () => {
    const { relay, latest, onFatal } = setup();
    void relay.call('settings.get', {});
    latest().emit('message', { type: 'fatal', error: { code: 'DB_TOO_NEW', message: '数据库版本较新' } });
    expect(onFatal).toHaveBeenCalledWith({ code: 'DB_TOO_NEW', message: '数据库版本较新' });
    expect(relay.pendingCount).toBe(1);
  });

  it('shuts down by asking the core to close, and refuses calls afterwards', async () => {
    const { relay, latest } = setup();
    void relay.call('settings.get', {});
    const child = latest();
    const done = relay.shutdown();
    expect(child.sent.at(-1)).toEqual({ type: 'shutdown' });
    child.emit('exit', 0);
    await done;
    expect(child.killed).toBe(false);
    await expect(relay.call('settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('kills a core that does not exit within the grace period', async () => {
    vi.useFakeTimers();
    const { relay, latest } = setup({ shutdownGraceMs: 500 });
    void relay.call('settings.get', {});
    const done = relay.shutdown();
    await vi.advanceTimersByTimeAsync(500);
    await done;
    expect(latest().killed).toBe(true);
  });

  it('shuts down instantly when no core was ever started', async () => {
    const { relay, children } = setup();
    await relay.shutdown();
    expect(children).toHaveLength(0);
  });
});

describe('dbArg', () => {
  it('reads --db <file> and --db=<file>, last one wins', () => {
    expect(dbArg(['electron', '.', '--db', 'a.db'])).toBe('a.db');
    expect(dbArg(['electron', '.', '--db=b.db'])).toBe('b.db');
    expect(dbArg(['x', '--db', 'a.db', '--db=c.db'])).toBe('c.db');
    expect(dbArg(['x', '--db'])).toBeUndefined();
    expect(dbArg(['x', '--db='])).toBeUndefined();
    expect(dbArg(['x', '--port', '3000'])).toBeUndefined();
  });
});
