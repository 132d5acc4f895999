// The optional allow-list of client subnets (192.168.1.0/24 …): a LAN server answers only PCs inside one of them.
import net from 'node:net';

export interface Subnet {
  text: string;
  base: number;
  bits: number;
}

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const mask = (bits: number): number => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);

/** `a.b.c.d/n` (or a single address, /32); a typo is an Error naming it, in Chinese. */
export function parseSubnet(text: string): Subnet {
  const trimmed = text.trim();
  const [address, prefix, extra] = trimmed.split('/');
  const bits = prefix === undefined ? 32 : /^\d{1,2}$/.test(prefix) ? Number(prefix) : NaN;
  if (extra !== undefined || !address || !net.isIPv4(address) || !Number.isInteger(bits) || bits < 0 || bits > 32) {
    throw new Error(`允许的网段「${trimmed}」无效，应写成 192.168.1.0/24 这样的格式`);
  }
  return { text: `${address}/${bits}`, base: (ipv4ToInt(address) & mask(bits)) >>> 0, bits };
}

/** Whether a client address (already plain, see plainAddress) is inside one of the subnets; an empty list allows all. */
export function inSubnets(address: string, subnets: readonly Subnet[]): boolean {
  if (subnets.length === 0) return true;
  if (!net.isIPv4(address)) return false;
  const n = ipv4ToInt(address);
  return subnets.some((s) => (n & mask(s.bits)) >>> 0 === s.base);
}
