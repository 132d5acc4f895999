// LAN office mode (局域网多人使用): its state, and starting and stopping it from the settings page.
import { z } from 'zod';
import { noInput } from './common';

export const DEFAULT_LAN_PORT = 8420;

const lanInterface = z.object({ name: z.string(), address: z.string(), cidr: z.string() });

const lanStatus = z.object({
  /** whether this app can start and stop the LAN server here (the desktop app; a browser-mode server) */
  available: z.boolean(),
  running: z.boolean(),
  /** started by `npm run serve -- --lan`: stopped where it was started, not from a page */
  fromCommandLine: z.boolean(),
  /** the addresses to open on the other PCs, one per listening address */
  urls: z.array(z.string()),
  addresses: z.array(z.string()),
  port: z.int().nullable(),
  allowSubnets: z.array(z.string()),
  /** this PC's name (also accepted as the address's host name) */
  hostname: z.string(),
  /** this PC's LAN addresses to choose from */
  interfaces: z.array(lanInterface),
});
export type LanStatus = z.infer<typeof lanStatus>;

export const lanMethods = {
  'lan.status': { input: noInput(), output: lanStatus },
  'lan.start': {
    input: z
      .object({
        addresses: z
          .array(z.ipv4({ error: '应为 IPv4 地址（如 192.168.1.20）' }))
          .min(1, '至少选择一个')
          .max(16),
        port: z.int().min(1024, '应在 1024–65535 之间').max(65535, '应在 1024–65535 之间').default(DEFAULT_LAN_PORT),
        /** client subnets allowed in (192.168.1.0/24); empty: every PC that reaches the address */
        allowSubnets: z.array(z.string().trim().min(1).max(18)).max(32).default([]),
      })
      .strict(),
    output: lanStatus,
  },
  'lan.stop': { input: noInput(), output: lanStatus },
};
