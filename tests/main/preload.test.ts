// The preload exposes one frozen object with call + methods, checks method names first, and never leaks ipcRenderer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), sendSync: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

const { createBridge } = await import('../../electron/preload/index');
const exposed = electron.contextBridge.exposeInMainWorld.mock.calls;

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

function deepValues(value: unknown, seen = new Set<unknown>()): unknown[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Reflect.ownKeys(value).flatMap((k) => deepValues((value as Record<PropertyKey, unknown>)[k], seen))];
}

describe('what the preload exposes', () => {
  it('exposes exactly one object, under the name salesdesk', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe('salesdesk');
  });

  it('is a frozen object with only call, methods, the print methods and saving a file', () => {
    const api = exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual(['call', 'files', 'methods', 'print']);
    expect(Object.keys(api.files).sort()).toEqual(['copyImage', 'save']);
    expect(Object.isFrozen(api.files)).toBe(true);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api.print).sort()).toEqual(['openPreview', 'print', 'printers', 'savePdf']);
    expect(Object.isFrozen(api.print)).toBe(true);
    expect(typeof api.call).toBe('function');
    expect(api.methods).toEqual(methodNames);
    expect(Object.isFrozen(api.methods)).toBe(true);
    expect(() => api.methods.push('x')).toThrow();
    expect(() => {
      api.call = () => 1;
    }).toThrow();
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const reachable = deepValues(exposed[0]![1]);
    expect(reachable).not.toContain(electron.ipcRenderer);
    for (const fn of Object.values(electron.ipcRenderer)) expect(reachable).not.toContain(fn);
  });

  it('relays a known method over the salesdesk:call channel', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, data: [1] });
    await expect(exposed[0]![1].call('customers.list', { page: 2 })).resolves.toEqual({ ok: true, data: [1] });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('salesdesk:call', { method: 'customers.list', input: { page: 2 } });
  });
});

describe('createBridge', () => {
  it('rejects unknown methods with an envelope and without invoking', async () => {
    const invoke = vi.fn();
    const api = createBridge(invoke);
    for (const method of ['customers.drop', '', 'constructor', '__proto__', 'toString', 42, null]) {
      await expect(api.call(method as string, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a failed invoke into an INTERNAL envelope instead of a rejection', async () => {
    const api = createBridge(vi.fn().mockRejectedValue(new Error('An object could not be cloned.')));
    await expect(api.call('settings.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '与主进程通信失败：An object could not be cloned.' },
    });
  });

  it('refuses a reply that is not an envelope', async () => {
    const api = createBridge(vi.fn().mockResolvedValue('surprise'));
    await expect(api.call('settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('copies the method list so later changes to the source cannot widen it', async () => {
    const names = ['a.b'];
    const invoke = vi.fn().mockResolvedValue({ ok: true, data: null });
    const api = createBridge(invoke, names);
    names.push('c.d');
    expect(api.methods).toEqual(['a.b']);
    await expect(api.call('c.d', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
