// lan.status / lan.start / lan.stop: answered by the LAN controller the host registered for this database (the desktop
// app's core process, a browser-mode server). Kept apart from the controller itself so the dispatcher never imports the
// HTTP server.
import os from 'node:os';
import type { Ctx } from '../context';
import type { Output, ParsedInput } from '../../../shared/contract';
import { lanMethods, type LanStatus } from '../../../shared/contract/lan';
import { DomainError } from '../errors';
import { recordAudit } from '../modules/audit/audit';
import { readSetting, writeSetting } from '../modules/settings/settings';
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

/** The LAN choice kept in settings, so the desktop app starts it again at its next start. */
const SETTING = 'lanServer';
type LanChoice = ParsedInput<'lan.start'>;

/** How the audit log shows a choice: `192.168.1.20:8420`, with the allowed subnets after a slash; empty when off. */
const shown = (choice: LanChoice | null): string =>
  choice
    ? `${choice.addresses.map((a) => `${a}:${choice.port}`).join(', ')}${choice.allowSubnets.length ? ` / ${choice.allowSubnets.join(', ')}` : ''}`
    : '';

function storedChoice(ctx: Ctx): LanChoice | null {
  const text = readSetting(ctx, SETTING);
  if (!text) return null;
  try {
    const parsed = lanMethods['lan.start'].input.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Opening the database to the office network (or closing it) is a settings change: kept and audited, one transaction. */
function keepChoice(ctx: Ctx, choice: LanChoice | null): void {
  const before = storedChoice(ctx);
  if (shown(before) === shown(choice)) return;
  ctx.db.transaction(() => {
    if (choice) writeSetting(ctx, SETTING, JSON.stringify(choice));
    else ctx.db.prepare('delete from settings where key = ?').run(SETTING);
    recordAudit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: null,
      before: { lanServer: shown(before) },
      after: { lanServer: shown(choice) },
    });
  })();
}

export async function startLan(ctx: Ctx, input: ParsedInput<'lan.start'>): Promise<Output<'lan.start'>> {
  const status = await controllerOf(ctx).start(input);
  keepChoice(ctx, input);
  return status;
}

export async function stopLan(ctx: Ctx): Promise<Output<'lan.stop'>> {
  const status = await controllerOf(ctx).stop();
  keepChoice(ctx, null);
  return status;
}

/**
 * At the desktop app's start: the LAN server the settings page last started, started again. An address that is gone
 * or a port now taken leaves it off (the page shows it off, the choice kept for the next try); never throws.
 */
export async function resumeLan(ctx: Ctx): Promise<LanStatus | null> {
  const choice = storedChoice(ctx);
  const controller = controllers.get(ctx.dbPath);
  if (!choice || !controller) return null;
  try {
    return await controller.start(choice);
  } catch (err) {
    console.error(`[lan] could not start the LAN server again: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
