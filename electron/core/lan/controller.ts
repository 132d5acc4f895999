// The LAN server a host starts and stops on request (lan.start / lan.stop), on the host's own core: in the desktop app
// that is the core's utility process, so LAN clients and the desktop window share ONE database connection and writer.
import os from 'node:os';
import type { ParsedInput } from '../../../shared/contract';
import type { LanStatus } from '../../../shared/contract/lan';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { startServer, type RunningServer, type ServerOptions } from '../server';
import { idleLanStatus, type LanController } from './control';
import { lanInterfaces } from './network';
import { parseSubnet } from './subnets';

export interface LanControllerOptions {
  /** a LAN server already running, started by `npm run serve -- --lan` (not stoppable from a page) */
  fromCommandLine?: RunningServer;
  allowSubnets?: string[];
  /** this PC's adapters (tests give their own) */
  interfaces?: () => ReturnType<typeof lanInterfaces>;
  /** the server starter (tests pass startServer with a renderer folder of their own) */
  start?: (options: ServerOptions) => Promise<RunningServer>;
}

export function createLanController(core: Core, options: LanControllerOptions = {}): LanController {
  const interfaces = options.interfaces ?? (() => lanInterfaces());
  const start = options.start ?? startServer;
  let running: RunningServer | null = options.fromCommandLine ?? null;
  let subnets: string[] = options.allowSubnets ?? [];
  let busy: Promise<unknown> = Promise.resolve();

  const status = (): LanStatus =>
    running?.lan
      ? {
          available: true,
          running: true,
          fromCommandLine: running === options.fromCommandLine,
          urls: running.lan.urls,
          addresses: running.lan.addresses,
          port: running.port,
          allowSubnets: subnets,
          hostname: os.hostname(),
          interfaces: interfaces(),
        }
      : { ...idleLanStatus(true), interfaces: interfaces() };

  // one start or stop at a time: two clicks must not start two servers
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = busy.then(work, work);
    busy = next.catch(() => undefined);
    return next;
  };

  const refuseCommandLine = () => {
    if (running && running === options.fromCommandLine) {
      throw new DomainError('CONFLICT', '局域网服务是在服务器电脑上用命令行启动的，请在那里按 Ctrl+C 停止或重新启动');
    }
  };

  return {
    status,

    start: (input: ParsedInput<'lan.start'>) =>
      serially(async () => {
        refuseCommandLine();
        const own = interfaces().map((i) => i.address);
        const unknown = input.addresses.filter((a) => !own.includes(a) && a !== '127.0.0.1');
        if (unknown.length) {
          throw new DomainError(
            'VALIDATION',
            `监听地址：本机没有地址 ${unknown.join('、')}`,
            'addresses',
            `No such address here: ${unknown.join(', ')}`,
          );
        }
        for (const s of input.allowSubnets) {
          try {
            parseSubnet(s);
          } catch (err) {
            throw new DomainError('VALIDATION', (err as Error).message, 'allowSubnets');
          }
        }
        // a new choice of addresses or subnets: the old listeners go first (same port)
        const previous = running?.lan ? { addresses: running.lan.addresses, port: running.port, allowSubnets: subnets } : null;
        if (running) {
          await running.close();
          running = null;
        }
        const open = (choice: { addresses: string[]; port: number; allowSubnets: string[] }) =>
          start({
            dbPath: core.ctx.dbPath,
            core,
            port: choice.port,
            lan: { addresses: choice.addresses, allowSubnets: choice.allowSubnets },
          });
        try {
          running = await open(input);
        } catch (err) {
          // the new choice failed: the office keeps working on the one it had
          if (previous) running = await open(previous).catch(() => null);
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') throw new DomainError('CONFLICT', `端口：${input.port} 已被其他程序占用，请换一个端口`, 'port');
          if (code === 'EADDRNOTAVAIL') throw new DomainError('VALIDATION', '监听地址：这个地址现在不可用（网络已断开？）', 'addresses');
          if (err instanceof Error && !(err instanceof DomainError) && !code) throw new DomainError('CONFLICT', err.message);
          throw err;
        }
        subnets = input.allowSubnets;
        return status();
      }),

    stop: () =>
      serially(async () => {
        refuseCommandLine();
        if (running) {
          await running.close();
          running = null;
        }
        return status();
      }),
  };
}
