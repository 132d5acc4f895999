// Exposes exactly one frozen object to the page: call(method, input), the method list, the print methods and saving a
// file; never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import {
  bridgeChannel,
  filesChannels,
  printChannels,
  type BridgeRequest,
  type FilesBridge,
  type PrintBridge,
  type PrintOutcome,
  type SalesdeskBridge,
} from '../../shared/bridge';
import { methodNames } from '../../shared/contract';
import { isEnvelope, type Envelope } from '../../shared/errors';

export type Invoke = (channel: string, request?: BridgeRequest | object) => Promise<unknown>;

const failure = (code: 'UNKNOWN_METHOD' | 'INTERNAL', message: string): Envelope<unknown> => ({ ok: false, error: { code, message } });

/** Builds the bridge from an invoke function; pure so tests can check it without Electron. */
export function createBridge(invoke: Invoke, names: readonly string[] = methodNames): SalesdeskBridge {
  const methods = Object.freeze([...names]);
  const known = new Set(methods);
  const call = async (method: string, input: unknown): Promise<Envelope<unknown>> => {
    // the main process checks again; this only saves a round trip for a typo
    if (typeof method !== 'string' || !known.has(method)) {
      return failure('UNKNOWN_METHOD', `未知的接口方法：${String(method).slice(0, 80)}`);
    }
    try {
      const result = await invoke(bridgeChannel, { method, input });
      return isEnvelope(result) ? result : failure('INTERNAL', '主进程返回了无法识别的结果');
    } catch (err) {
      return failure('INTERNAL', `与主进程通信失败：${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return Object.freeze({ call, methods, print: createPrintBridge(invoke), files: createFilesBridge(invoke) });
}

/** Saving a file the page made; only the plain fields are sent (the bytes as a Uint8Array), failures come back as outcomes. */
export function createFilesBridge(invoke: Invoke): FilesBridge {
  const outcome = async (channel: string, request: object): Promise<PrintOutcome> => {
    try {
      const result = (await invoke(channel, request)) as PrintOutcome | undefined;
      return result && typeof result.ok === 'boolean' ? result : { ok: false, error: '主进程返回了无法识别的结果' };
    } catch (err) {
      return { ok: false, error: `与主进程通信失败：${err instanceof Error ? err.message : String(err)}` };
    }
  };
  const bridge: FilesBridge = {
    save: ({ fileName, data, filterName, extensions }) => outcome(filesChannels.save, { fileName, data, filterName, extensions }),
    copyImage: ({ data }) => outcome(filesChannels.copyImage, { data }),
  };
  return Object.freeze(bridge);
}

/** Typed print methods over their own channels; only plain fields are sent, and failures come back as outcomes. */
export function createPrintBridge(invoke: Invoke): PrintBridge {
  const outcome = async (channel: string, request: object): Promise<PrintOutcome> => {
    try {
      const result = (await invoke(channel, request)) as PrintOutcome | undefined;
      return result && typeof result.ok === 'boolean' ? result : { ok: false, error: '主进程返回了无法识别的结果' };
    } catch (err) {
      return { ok: false, error: `与主进程通信失败：${err instanceof Error ? err.message : String(err)}` };
    }
  };
  const bridge: PrintBridge = {
    openPreview: (route) => outcome(printChannels.openPreview, { route: String(route) }),
    print: ({ paper, printer }) => outcome(printChannels.print, { paper, printer }),
    savePdf: ({ paper, fileName }) => outcome(printChannels.savePdf, { paper, fileName }),
    printers: async () => {
      try {
        const list = await invoke(printChannels.printers);
        return Array.isArray(list) ? list : [];
      } catch {
        return [];
      }
    },
  };
  return Object.freeze(bridge);
}

// wrap so the page can never reach ipcRenderer through the function's receiver
const invoke: Invoke = (channel, request) => ipcRenderer.invoke(channel, request);

contextBridge.exposeInMainWorld('salesdesk', createBridge(invoke));
