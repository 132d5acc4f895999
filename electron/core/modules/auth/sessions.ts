// Sessions live in the core process's memory only: a random token per sign-in, ended by sign-out, by idle time, or
// when the operator is deactivated or their password is reset. Nothing about a session is written to the database.
import { createHash, randomBytes } from 'node:crypto';
import type { DB } from '../../db/connection';
import { defaultCost, type ScryptCost } from '../operators/passwords';

interface SessionEntry {
  operatorId: number;
  lastSeenMs: number;
}

/** More sessions than any office has; past this the longest-idle ones are dropped. */
const MAX_SESSIONS = 2000;

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export type Resolved = { operatorId: number } | { ended: 'unknown' | 'idle' };

export class SessionStore {
  // keyed by a hash of the token: the map's own string compare never sees a guessable prefix of a real token
  private readonly byKey = new Map<string, SessionEntry>();
  /** scrypt cost for passwords hashed from now on (tests use a cheap one) */
  passwordCost: ScryptCost = defaultCost;
  /**
   * The idle clock, in ms. Real time, not ctx.now(): reading the core's clock on every call would shift the stepping
   * clocks tests use for timestamps; tests that age a session replace this.
   */
  clock: () => number = () => Date.now();

  /** A new session for the operator: 32 random bytes, base64url. */
  create(operatorId: number): string {
    if (this.byKey.size >= MAX_SESSIONS) this.dropOldest();
    const token = randomBytes(32).toString('base64url');
    this.byKey.set(keyOf(token), { operatorId, lastSeenMs: this.clock() });
    return token;
  }

  /** The operator of a live session, refreshing its idle clock; an idle one ends here. */
  resolve(token: string, idleMs: number): Resolved {
    const nowMs = this.clock();
    const key = keyOf(token);
    const entry = this.byKey.get(key);
    if (!entry) return { ended: 'unknown' };
    if (nowMs - entry.lastSeenMs > idleMs) {
      this.byKey.delete(key);
      return { ended: 'idle' };
    }
    entry.lastSeenMs = Math.max(entry.lastSeenMs, nowMs);
    return { operatorId: entry.operatorId };
  }

  end(token: string): void {
    this.byKey.delete(keyOf(token));
  }

  /** Ends every session of an operator, except the one given (the caller's own, after changing their password). */
  endAllOf(operatorId: number, except?: string): void {
    const keep = except ? keyOf(except) : null;
    for (const [key, entry] of this.byKey) if (entry.operatorId === operatorId && key !== keep) this.byKey.delete(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  private dropOldest(): void {
    const oldest = [...this.byKey.entries()].sort((a, b) => a[1].lastSeenMs - b[1].lastSeenMs).slice(0, MAX_SESSIONS / 10);
    for (const [key] of oldest) this.byKey.delete(key);
  }
}

// one store per open database connection: two cores in one process (tests) never see each other's sessions
const stores = new WeakMap<DB, SessionStore>();

export function sessionStore(db: DB): SessionStore {
  let store = stores.get(db);
  if (!store) {
    store = new SessionStore();
    stores.set(db, store);
  }
  return store;
}
