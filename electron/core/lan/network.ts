// This PC on the office network: its LAN addresses (what a client types) and the Host names it answers to.
import os from 'node:os';

export interface LanInterface {
  /** the adapter's name (以太网, Wi-Fi, eth0) */
  name: string;
  address: string;
  /** address/prefix, e.g. 192.168.1.20/24 */
  cidr: string;
}

/** IPv4 addresses of the adapters that are up and not loopback: the addresses another PC can reach. */
export function lanInterfaces(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): LanInterface[] {
  const found: LanInterface[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // link-local 169.254.x.x is what Windows gives an adapter without a DHCP answer: nobody can reach it
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      found.push({ name, address: info.address, cidr: info.cidr ?? `${info.address}/32` });
    }
  }
  return found;
}

/**
 * The Host headers a LAN server answers: each address it listens on and this PC's name (plain and .local, any case),
 * with the port. A browser sent here by another name (DNS rebinding) is refused.
 */
export function allowedHostHeaders(addresses: readonly string[], hostname: string, port: number): Set<string> {
  const names = [...addresses, hostname.toLowerCase(), `${hostname.toLowerCase()}.local`];
  const hosts = new Set<string>();
  for (const name of names) {
    if (!name || name === '0.0.0.0') continue;
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

/** The address a client came from, as people write it (an IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d). */
export function plainAddress(remote: string | undefined): string {
  if (!remote) return '';
  return remote.startsWith('::ffff:') && remote.includes('.') ? remote.slice(7) : remote;
}
