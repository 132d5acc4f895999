// `npm run serve -- --lan [--listen 192.168.1.20,…] [--allow 192.168.1.0/24,…] [--port 8420]`: LAN office mode's options.
import type os from 'node:os';
import { DEFAULT_LAN_PORT } from '../../../shared/contract/lan';
import type { LanOptions } from './gate';
import { lanInterfaces } from './network';
import { parseSubnet } from './subnets';

/** A fixed port by default (8420), so the address people bookmark stays the same from one start to the next. */
export { DEFAULT_LAN_PORT };

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * The LAN options from the command line, or null without --lan. --listen picks among this PC's LAN addresses (default:
 * all of them); an address this PC does not have is an error naming the ones it has.
 */
export function lanFromArgs(
  argv: readonly string[],
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>,
): { options: LanOptions; port: number | null } | null {
  if (!argv.includes('--lan')) return null;
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const own = lanInterfaces(interfaces).map((i) => i.address);
  const asked = list(get('--listen'));
  // 127.0.0.1 is allowed too: a PC without a network still serves itself (and the tests) in LAN mode
  const unknown = asked.filter((a) => !own.includes(a) && a !== '127.0.0.1');
  if (unknown.length) {
    throw new Error(`--listen：本机没有地址 ${unknown.join('、')}；本机的局域网地址：${own.join('、') || '（无）'}`);
  }
  const addresses = asked.length ? asked : own;
  if (addresses.length === 0) throw new Error('本机没有可用的局域网地址（未连接网络？），可用 --listen 127.0.0.1 只在本机试用');
  const allowSubnets = list(get('--allow'));
  allowSubnets.forEach(parseSubnet); // a typo stops the start, with the subnet named
  return { options: { addresses, allowSubnets }, port: argv.includes('--port') ? null : DEFAULT_LAN_PORT };
}
