// Sign-in attempts over the LAN, limited per client address and per operator name: a PC guessing passwords is stopped,
// and so is guessing one operator's password from many PCs. Only failures count; a success clears the name's count.

export interface LimitRule {
  /** failures allowed within the window */
  max: number;
  windowMs: number;
}

export interface SignInLimits {
  perClient: LimitRule;
  perName: LimitRule;
}

/** 20 failures from one PC, or 5 on one name, in 15 minutes. */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perClient: { max: 20, windowMs: 15 * 60_000 },
  perName: { max: 5, windowMs: 15 * 60_000 },
};

/** Keys remembered at most; past this the oldest are forgotten (a flood of made-up names cannot fill memory). */
const MAX_KEYS = 10_000;

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; by: 'client' | 'name' };

class FailureWindow {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly rule: LimitRule) {}

  private recent(key: string, nowMs: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.rule.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** ms until the key may try again, 0 when it may now */
  wait(key: string, nowMs: number): number {
    const list = this.recent(key, nowMs);
    return list.length < this.rule.max ? 0 : list[list.length - this.rule.max]! + this.rule.windowMs - nowMs;
  }

  fail(key: string, nowMs: number): void {
    const list = this.recent(key, nowMs);
    list.push(nowMs);
    this.failures.delete(key); // re-inserted last: Map order is then oldest-touched first
    this.failures.set(key, list);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export class SignInLimiter {
  private readonly byClient: FailureWindow;
  private readonly byName: FailureWindow;

  constructor(
    limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    /** tests move the clock */
    readonly clock: () => number = () => Date.now(),
  ) {
    this.byClient = new FailureWindow(limits.perClient);
    this.byName = new FailureWindow(limits.perName);
  }

  check(client: string, name: string): LimitVerdict {
    const now = this.clock();
    const clientWait = this.byClient.wait(client, now);
    if (clientWait > 0) return { allowed: false, retryAfterMs: clientWait, by: 'client' };
    const nameWait = this.byName.wait(nameKey(name), now);
    if (nameWait > 0) return { allowed: false, retryAfterMs: nameWait, by: 'name' };
    return { allowed: true };
  }

  failed(client: string, name: string): void {
    const now = this.clock();
    this.byClient.fail(client, now);
    this.byName.fail(nameKey(name), now);
  }

  succeeded(name: string): void {
    this.byName.clear(nameKey(name));
  }
}

// the core trims names and compares them as stored; spaces around a name must not open a fresh count
const nameKey = (name: string) => name.trim().toLowerCase();

export function limitMessage(verdict: Extract<LimitVerdict, { allowed: false }>): string {
  const minutes = Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000));
  return verdict.by === 'client'
    ? `这台电脑登录失败次数过多，请 ${minutes} 分钟后再试`
    : `该用户名登录失败次数过多，请 ${minutes} 分钟后再试`;
}
