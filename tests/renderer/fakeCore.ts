// The fake core every component test talks to: it validates each input against the real contract,
// records the call and answers from the test's handlers.
import { setTransport } from '@/api';
import { contract, isMethodName } from '@shared/contract';
import type { AppErrorData } from '@shared/errors';

export type Handler = (input: any) => unknown;
export interface Call {
  method: string;
  input: any;
}

/** Installs a transport that validates every input against the real contract, records it and answers from `handlers`. */
export function fakeCore(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const rejected: Array<Call & { issues: string }> = [];
  setTransport(async (method, input) => {
    const copy = JSON.parse(JSON.stringify(input ?? {}));
    calls.push({ method, input: copy });
    if (!isMethodName(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    const parsed = contract[method].input.safeParse(copy);
    if (!parsed.success) {
      rejected.push({ method, input: copy, issues: parsed.error.message });
      return { ok: false, error: { code: 'VALIDATION', message: parsed.error.message } };
    }
    const handler = handlers[method];
    if (!handler) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `fake has no ${method}` } };
    try {
      return { ok: true, data: handler(copy) };
    } catch (e) {
      return { ok: false, error: e as AppErrorData };
    }
  });
  return { calls, rejected, of: (m: string) => calls.filter((c) => c.method === m) };
}
