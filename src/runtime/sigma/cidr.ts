/**
 * CIDR containment for the Sigma `cidr` modifier, IPv4 and IPv6. Written here because it is a dozen
 * lines over node:net's address parsing; a dependency would add nothing.
 */
import { isIPv4, isIPv6 } from 'node:net';

function v4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function v6ToBigInt(ip: string): bigint {
  let addr = ip;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(addr);
  if (v4) {
    const n = v4ToBigInt(v4[1]);
    addr = addr.slice(0, -v4[1].length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = addr.includes('::') ? addr.split('::') : [addr, undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

export type IpTest = (ip: string) => boolean;

/** Compiles `10.0.0.0/8` or `fe80::/10` to a test; throws on a malformed network. */
export function compileCidr(cidr: string): IpTest {
  const [net, bitsText] = cidr.trim().split('/');
  const v6 = isIPv6(net);
  if (!v6 && !isIPv4(net)) throw new Error(`invalid CIDR network "${cidr}"`);
  const width = v6 ? 128 : 32;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) throw new Error(`invalid CIDR prefix "${cidr}"`);
  const toInt = v6 ? v6ToBigInt : v4ToBigInt;
  const shift = BigInt(width - bits);
  const base = toInt(net) >> shift;
  return (ip) => {
    const addr = ip.trim();
    if (v6 ? !isIPv6(addr) : !isIPv4(addr)) return false;
    return toInt(addr) >> shift === base;
  };
}
