/**
 * The key of a client address for per-address limits. An IPv6 host usually owns a whole
 * /64 (and picks new addresses in it at will), so IPv6 addresses count by their /64
 * prefix; an IPv4-mapped IPv6 address counts as the IPv4 address it carries.
 */
import { isIPv6 } from 'node:net';

/** See the module comment: `203.0.113.7`, or `2001:db8:1:2::/64` for any address of that /64. */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}
