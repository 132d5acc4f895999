// Electron main keeps each window's session: sign-in through the relay stores it (the page gets no token), every later
// call from that window carries it, sign-out and a closed window drop it, and two windows act as two operators.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { createSessionKeeper, type SenderLike } from '../../electron/main/sessions';

vi.mock('electron', () => ({}));

class FakeWindow extends EventEmitter implements SenderLike {
  constructor(readonly id: number) {
    super();
  }
}

/** A relay that answers sign-in with a fresh token and records what each call carried. */
function fakeRelay() {
  const calls: Array<{ method: unknown; input: unknown; session: string | undefined }> = [];
  let n = 0;
  const live = new Set<string>();
  const relay = {
    call: vi.fn(async (method: unknown, input: unknown, session?: string): Promise<Envelope<unknown>> => {
      calls.push({ method, input, session });
      if (method === 'auth.signIn' || method === 'settings.initialize') {
        const token = `token-${++n}`;
        live.add(token);
        return {
          ok: true,
          data: { session: token, operator: { id: n, name: (input as { name?: string }).name ?? 'admin' }, idleMinutes: 30 },
        };
      }
      if (method === 'auth.signOut') {
        if (session) live.delete(session);
        return { ok: true, data: { ok: true } };
      }
      if (!session || !live.has(session)) return { ok: false, error: { code: 'UNAUTHORIZED', message: '请先登录' } };
      return { ok: true, data: { as: session } };
    }),
  };
  return { relay, calls, live };
}

describe('session keeper (Electron main)', () => {
  it('keeps the token from auth.signIn for that window and never hands it to the page', async () => {
    const { relay, calls } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const win = new FakeWindow(7);
    expect(await keeper.call(win, 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const signed = await keeper.call(win, 'auth.signIn', { name: '刘芳', password: 'x' });
    expect(signed).toEqual({ ok: true, data: { session: '', operator: { id: 1, name: '刘芳' }, idleMinutes: 30 } });
    expect(keeper.tokenOf(7)).toBe('token-1');
    expect(await keeper.call(win, 'customers.list', {})).toEqual({ ok: true, data: { as: 'token-1' } });
    expect(calls.at(-1)).toEqual({ method: 'customers.list', input: {}, session: 'token-1' });
  });

  it('the first-run answer signs the window in too', async () => {
    const { relay } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const win = new FakeWindow(1);
    const init = await keeper.call(win, 'settings.initialize', { companyName: 'x', admin: { name: '老板', password: 'boss-pw' } });
    expect(init.ok && (init.data as { session: string }).session).toBe('');
    expect(keeper.tokenOf(1)).toBe('token-1');
  });

  it('two windows act as two operators', async () => {
    const { relay } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const a = new FakeWindow(1);
    const b = new FakeWindow(2);
    await keeper.call(a, 'auth.signIn', { name: '刘芳', password: 'x' });
    await keeper.call(b, 'auth.signIn', { name: '周敏', password: 'y' });
    expect(await keeper.call(a, 'regions.tree', {})).toEqual({ ok: true, data: { as: 'token-1' } });
    expect(await keeper.call(b, 'regions.tree', {})).toEqual({ ok: true, data: { as: 'token-2' } });
  });

  it('sign-out drops the token (and tells the core); later calls carry none', async () => {
    const { relay, calls, live } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const win = new FakeWindow(3);
    await keeper.call(win, 'auth.signIn', { name: '刘芳', password: 'x' });
    await keeper.call(win, 'auth.signOut', {});
    expect(calls.at(-1)).toEqual({ method: 'auth.signOut', input: {}, session: 'token-1' });
    expect(live.size).toBe(0);
    expect(keeper.tokenOf(3)).toBeUndefined();
    await keeper.call(win, 'customers.list', {});
    expect(calls.at(-1)!.session).toBeUndefined();
  });

  it('a closed window ends its session in the core', async () => {
    const { relay, live } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const win = new FakeWindow(4);
    await keeper.call(win, 'auth.signIn', { name: '刘芳', password: 'x' });
    win.emit('destroyed');
    await Promise.resolve();
    expect(keeper.tokenOf(4)).toBeUndefined();
    expect(live.size).toBe(0);
    expect(relay.call).toHaveBeenLastCalledWith('auth.signOut', {}, 'token-1');
  });

  it('signing in again in a window ends its previous session', async () => {
    const { relay, live } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const win = new FakeWindow(5);
    await keeper.call(win, 'auth.signIn', { name: '刘芳', password: 'x' });
    await keeper.call(win, 'auth.signIn', { name: '周敏', password: 'y' });
    expect(keeper.tokenOf(5)).toBe('token-2');
    expect([...live]).toEqual(['token-2']);
  });

  it('a window opened by another shares its session until the opener signs out; closing it keeps the opener signed in', async () => {
    const { relay, live } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const main = new FakeWindow(1);
    const preview = new FakeWindow(2);
    await keeper.call(main, 'auth.signIn', { name: '刘芳', password: 'x' });
    keeper.share(preview, 1);
    expect(await keeper.call(preview, 'regions.tree', {})).toEqual({ ok: true, data: { as: 'token-1' } });
    preview.emit('destroyed');
    expect(live.has('token-1')).toBe(true);
    expect(keeper.tokenOf(1)).toBe('token-1');
  });

  it('a session the core has ended (idle) is forgotten', async () => {
    const { relay, live } = fakeRelay();
    const keeper = createSessionKeeper(relay);
    const win = new FakeWindow(6);
    await keeper.call(win, 'auth.signIn', { name: '刘芳', password: 'x' });
    live.clear();
    expect(await keeper.call(win, 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(keeper.tokenOf(6)).toBeUndefined();
  });
});
