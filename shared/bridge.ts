// The shape of window.salesdesk that the Electron preload exposes; renderer code types against this only.
import type { Envelope } from './errors';

export interface SalesdeskBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  readonly methods: readonly string[];
}

/** The IPC channel between preload and main; one channel for every contract method. */
export const bridgeChannel = 'salesdesk:call';

/** What the preload sends on bridgeChannel. */
export interface BridgeRequest {
  method: string;
  input: unknown;
}
