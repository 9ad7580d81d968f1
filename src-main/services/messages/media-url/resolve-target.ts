import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isInternalAddress } from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Host name → its addresses (dns.lookup by default; tests inject their own). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** Thrown when a URL's host is, or resolves to, an address the policy refuses. */
export class InternalTargetError extends Error {
  override name = 'InternalTargetError';
}

/**
 * The one address a download of `hostname` connects to, checked against the policy. The host is
 * resolved once here and the connection is pinned to the answer, so a DNS server that answers
 * with a public address for the check and a private one for the connection (DNS rebinding) gets
 * nowhere. A name with any internal address is refused as a whole.
 */
export async function resolveTarget(
  hostname: string,
  options: { allowInternal: boolean; resolve: HostResolver; isInternal?: (address: string) => boolean },
): Promise<ResolvedAddress> {
  // URL keeps IPv6 literals in brackets; decimal, octal and hex IPv4 spellings are already
  // normalised to dotted form by the URL parser.
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(bare);
  const addresses: ResolvedAddress[] = literal
    ? [{ address: bare, family: literal === 6 ? 6 : 4 }]
    : await options.resolve(bare);
  if (addresses.length === 0) throw new Error(`${bare} has no address`);
  const isInternal = options.isInternal ?? isInternalAddress;
  if (!options.allowInternal && addresses.some(({ address }) => isInternal(address))) {
    throw new InternalTargetError('the address is not public');
  }
  return addresses[0]!;
}
