// Sessions in Electron: main keeps each window's session token (by webContents id) and adds it to every call from that
// window, so the page never holds it. A sign-in through the relay stores it, sign-out and a closed window drop it; a
// window opened by another (the print preview) can share its opener's session.
import { sessionIssuingMethods } from '../../shared/contract/auth';
import type { Envelope } from '../../shared/errors';
import type { Relay } from './relay';

const issuing = new Set<string>(sessionIssuingMethods);

/** The part of a webContents the keeper uses: its id and the 'destroyed' event. */
export interface SenderLike {
  id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface SessionKeeper {
  /** One call from a window: the window's session goes with it; the answer's token is kept here, never sent to the page. */
  call(sender: SenderLike, method: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** A window opened by another acts as its opener (until either signs out). */
  share(child: SenderLike, openerId: number): void;
  /** The token a window holds (tests). */
  tokenOf(senderId: number): string | undefined;
}

export function createSessionKeeper(relay: Pick<Relay, 'call'>): SessionKeeper {
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  function dropToken(token: string): void {
    for (const [id, t] of tokens) if (t === token) tokens.delete(id);
  }

  /** When a window goes away its session ends too, unless another window still shares it. */
  function watch(sender: SenderLike): void {
    if (watched.has(sender.id)) return;
    watched.add(sender.id);
    sender.once('destroyed', () => {
      watched.delete(sender.id);
      const token = tokens.get(sender.id);
      tokens.delete(sender.id);
      if (token && ![...tokens.values()].includes(token)) void relay.call('auth.signOut', {}, token);
    });
  }

  return {
    async call(sender, method, input) {
      watch(sender);
      const token = tokens.get(sender.id);
      const envelope = await relay.call(method, input, token);
      if (typeof method !== 'string') return envelope;
      if (method === 'auth.signOut') {
        if (token) dropToken(token);
        return envelope;
      }
      if (envelope.ok && issuing.has(method)) {
        const data = envelope.data as { session?: unknown } | null;
        if (data && typeof data.session === 'string' && data.session) {
          // a new sign-in in a window replaces (and ends) its previous session
          if (token && token !== data.session) {
            dropToken(token);
            void relay.call('auth.signOut', {}, token);
          }
          tokens.set(sender.id, data.session);
          return { ok: true, data: { ...data, session: '' } };
        }
      }
      // the core ended the session (idle, deactivated): forget it here too
      if (token && !envelope.ok && envelope.error.code === 'UNAUTHORIZED') dropToken(token);
      return envelope;
    },

    share(child, openerId) {
      const token = tokens.get(openerId);
      if (token) tokens.set(child.id, token);
      watch(child);
    },

    tokenOf(senderId) {
      return tokens.get(senderId);
    },
  };
}
