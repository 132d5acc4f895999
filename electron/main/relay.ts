// Owns the core's utilityProcess: numbers each request, matches replies, and turns every failure into an envelope.
import { isMethodName } from '../../shared/contract';
import { isEnvelope, type AppErrorData, type Envelope } from '../../shared/errors';

/** The part of Electron's UtilityProcess the relay uses, so tests can hand in a fake child. */
export interface RelayChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface RelayOptions {
  /** Starts a fresh core process; called lazily on the first call and again after a crash. */
  fork: () => RelayChild;
  timeoutMs?: number;
  /** Told once per child when the core could not open the database. */
  onFatal?: (error: AppErrorData) => void;
  /** How long shutdown waits for the core to close the database before killing it. */
  shutdownGraceMs?: number;
}

export interface Relay {
  /** One call to the core; `session` is the token main keeps for the calling window (sessions.ts). */
  call(method: unknown, input: unknown, session?: string): Promise<Envelope<unknown>>;
  /** Asks the core to close the database, then kills it if it does not exit in time. */
  shutdown(): Promise<void>;
  readonly pendingCount: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** A call the core has not answered in time may still be done by it: not a failure, an unknown outcome. */
export function outcomeUnknown(seconds: number): Envelope<unknown> {
  return {
    ok: false,
    error: {
      code: 'OUTCOME_UNKNOWN',
      message: `核心进程 ${seconds} 秒内没有答复。如果这是一次保存或过账，它可能已经完成：请先在「审计日志」中查看，再决定是否重做，以免重复录入`,
      messageEn: `The core did not answer within ${seconds} s. If this was a save or a posting it may have been done: check the audit log before doing it again, so that nothing is entered twice`,
    },
  };
}

interface Pending {
  child: RelayChild;
  resolve: (envelope: Envelope<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

const failure = (code: AppErrorData['code'], message: string): Envelope<unknown> => ({ ok: false, error: { code, message } });

export function createRelay(options: RelayOptions): Relay {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  let child: { process: RelayChild; exited: Promise<void> } | null = null;
  let nextId = 0;
  let closing = false;

  function settle(id: number, envelope: Envelope<unknown>): void {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(id);
    entry.resolve(envelope);
  }

  function onMessage(from: RelayChild, message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { id?: unknown; envelope?: unknown; type?: unknown; error?: unknown };
    if (m.type === 'fatal') {
      options.onFatal?.(m.error as AppErrorData);
      return;
    }
    if (typeof m.id !== 'number') return;
    // a late reply from a process that already died belongs to nobody
    if (pending.get(m.id)?.child !== from) return;
    settle(m.id, isEnvelope(m.envelope) ? m.envelope : failure('INTERNAL', '核心进程返回了无法识别的结果'));
  }

  function onExit(from: RelayChild, code: number): void {
    if (child?.process === from) child = null;
    for (const [id, entry] of pending) {
      // it may have committed the call's transaction before it stopped: the outcome is unknown, not a failure
      if (entry.child === from)
        settle(id, {
          ok: false,
          error: {
            code: 'OUTCOME_UNKNOWN',
            message: `核心进程意外退出（退出代码 ${code}），下一次操作会自动重启它。如果刚才是一次保存或过账，请先在「审计日志」中查看它是否已完成，再决定是否重做`,
            messageEn: `The core stopped unexpectedly (exit code ${code}) and restarts on the next call. If this was a save or a posting, check the audit log for whether it was done before doing it again`,
          },
        });
    }
  }

  function ensureChild(): RelayChild {
    if (child) return child.process;
    const c = options.fork();
    let markExited!: () => void;
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    c.on('message', (message) => onMessage(c, message));
    c.on('exit', (code) => {
      onExit(c, code);
      markExited();
    });
    child = { process: c, exited };
    return c;
  }

  return {
    get pendingCount() {
      return pending.size;
    },

    call(method, input, session) {
      if (!isMethodName(method)) {
        return Promise.resolve(failure('UNKNOWN_METHOD', `未知的接口方法：${String(method).slice(0, 80)}`));
      }
      if (closing) return Promise.resolve(failure('INTERNAL', '应用正在退出，操作未执行'));
      return new Promise<Envelope<unknown>>((resolve) => {
        let target: RelayChild;
        try {
          target = ensureChild();
        } catch (err) {
          resolve(failure('INTERNAL', `无法启动核心进程：${err instanceof Error ? err.message : String(err)}`));
          return;
        }
        const id = ++nextId;
        const timer = setTimeout(() => settle(id, outcomeUnknown(Math.round(timeoutMs / 1000))), timeoutMs);
        pending.set(id, { child: target, resolve, timer });
        try {
          target.postMessage(session ? { id, method, input, session } : { id, method, input });
        } catch (err) {
          // e.g. an input that cannot be structured-cloned
          settle(id, failure('INTERNAL', `无法发送请求到核心进程：${err instanceof Error ? err.message : String(err)}`));
        }
      });
    },

    async shutdown() {
      closing = true;
      if (!child) return;
      const { process: c, exited: done } = child;
      try {
        c.postMessage({ type: 'shutdown' });
      } catch {
        c.kill();
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.shutdownGraceMs ?? 3000)));
      const outcome = await Promise.race([done, grace]);
      clearTimeout(timer);
      if (outcome === 'timeout') c.kill();
    },
  };
}

/** Reads `--db <file>` or `--db=<file>` from Electron's argv; the last one wins. */
export function dbArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--db' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) found = argv[i + 1];
    else if (arg.startsWith('--db=') && arg.length > 5) found = arg.slice(5);
  });
  return found;
}
