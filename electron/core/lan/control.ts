// lan.status / lan.start / lan.stop: answered by the LAN controller the host registered for this database (the desktop
// app's core process, a browser-mode server). Kept apart from the controller itself so the dispatcher never imports the
// HTTP server.
import os from 'node:os';
import type { Ctx } from '../context';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { LanStatus } from '../../../shared/contract/lan';
import { DomainError } from '../errors';
import { lanInterfaces } from './network';

export interface LanController {
  status(): LanStatus;
  start(input: ParsedInput<'lan.start'>): Promise<LanStatus>;
  stop(): Promise<LanStatus>;
}

// by database path: the host's core may be reopened (restore) and its ctx replaced, the controller stays
const controllers = new Map<string, LanController>();

export function setLanController(dbPath: string, controller: LanController | null): void {
  if (controller) controllers.set(dbPath, controller);
  else controllers.delete(dbPath);
}

/** What a host without a controller answers: not running, not startable here. */
export function idleLanStatus(available: boolean): LanStatus {
  return {
    available,
    running: false,
    fromCommandLine: false,
    urls: [],
    addresses: [],
    port: null,
    allowSubnets: [],
    hostname: os.hostname(),
    interfaces: lanInterfaces(),
  };
}

function controllerOf(ctx: Ctx): LanController {
  const controller = controllers.get(ctx.dbPath);
  if (!controller)
    throw new DomainError('CONFLICT', '此处不能开启局域网模式：请在桌面程序的设置中开启，或在服务器电脑上运行 npm run serve -- --lan');
  return controller;
}

export function lanStatus(ctx: Ctx): Output<'lan.status'> {
  return controllers.get(ctx.dbPath)?.status() ?? idleLanStatus(false);
}

export function startLan(ctx: Ctx, input: ParsedInput<'lan.start'>): Promise<Output<'lan.start'>> {
  return controllerOf(ctx).start(input);
}

export function stopLan(ctx: Ctx): Promise<Output<'lan.stop'>> {
  return controllerOf(ctx).stop();
}
