import { BlockList, isIP } from 'node:net';

/**
 * Addresses a media URL given by an API caller must not reach unless the owner allowed it
 * (CHATDOCK_MEDIA_URL_ALLOW_PRIVATE=1): this PC, the LAN, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast and the reserved ranges. Without this, a
 * caller could make Chatdock fetch an internal page and send it to a chat they can read.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches loopback on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the old IPv4-compatible form
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

/** Parses an IPv6 address (with `::` and an optional dotted IPv4 tail) into its 16 bytes. */
function ipv6Bytes(address: string): Buffer {
  let text = address.split('%')[0]!;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, null];
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...Array<string>(rest === null ? 0 : missing).fill('0'), ...restGroups];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16) & 0xffff, index * 2));
  return bytes;
}

/**
 * The IPv4 address an IPv6 address carries and that the network would deliver to: IPv4-mapped
 * (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 */
function embeddedIpv4(bytes: Buffer): string | null {
  const prefix = (length: number, hex: string) => bytes.subarray(0, length).toString('hex') === hex;
  const dotted = (offset: number) => [...bytes.subarray(offset, offset + 4)].join('.');
  if (prefix(12, '00000000000000000000ffff')) return dotted(12);
  if (prefix(12, '0064ff9b0000000000000000')) return dotted(12);
  if (prefix(2, '2002')) return dotted(2);
  return null;
}

/** True for an address of this PC, the LAN or a reserved range; false for a public one. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: never connect to it
  const bytes = ipv6Bytes(address);
  const v4 = embeddedIpv4(bytes);
  if (v4 !== null) return INTERNAL.check(v4, 'ipv4');
  return INTERNAL.check(address.split('%')[0]!, 'ipv6');
}
