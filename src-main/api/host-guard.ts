import { isIP } from 'node:net';
import os from 'node:os';
import type { Middleware } from 'koa';
import { AppError } from '../../src-shared/errors.js';

/**
 * Which `Host` headers the app answers, against DNS rebinding: a web page on a name its owner
 * controls can make that name resolve to 127.0.0.1 or this PC's LAN address, and its requests then
 * carry that foreign name. So names are allowed only when they are this machine's own
 * (`localhost`, `*.localhost`, the PC's host name and `<name>.local`), the host of
 * `CHATDOCK_PUBLIC_URL`, or listed in `CHATDOCK_ALLOWED_HOSTS`. IP literals are always allowed:
 * a page cannot rebind an address, only a name.
 */
export class HostAllowList {
  private readonly names: ReadonlySet<string>;

  constructor(options: { publicUrl: string | null; extraHosts: readonly string[] }) {
    const names = new Set(['localhost']);
    const machine = os.hostname().toLowerCase();
    if (machine) names.add(machine).add(`${machine}.local`);
    if (options.publicUrl) names.add(new URL(options.publicUrl).hostname.toLowerCase());
    for (const host of options.extraHosts) names.add(host.toLowerCase());
    this.names = names;
  }

  /** Whether `header` (`name`, `name:port`, `[v6]:port`, or absent) is one of ours. */
  allows(header: string | undefined): boolean {
    if (!header) return true;
    const name = hostnameOf(header);
    if (name === null) return false;
    if (isIP(name)) return true;
    return this.names.has(name) || name.endsWith('.localhost');
  }
}

/** The lower-case host name of a Host header, without port, brackets or a trailing dot. */
export function hostnameOf(header: string): string | null {
  const text = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(text);
  if (bracketed) return bracketed[1] ?? null;
  const plain = /^([a-z0-9.-]+?)\.?(?::\d+)?$/.exec(text);
  return plain?.[1] ?? null;
}

/**
 * Refuses requests whose Host is not ours (421), except the public widget paths that websites
 * load from whatever name a tunnel or proxy gives this app: they carry nothing secret.
 */
export function hostGuard(allowList: HostAllowList, isPublicPath: (path: string) => boolean): Middleware {
  return async (ctx, next) => {
    if (!allowList.allows(ctx.get('host') || undefined) && !isPublicPath(ctx.path)) {
      throw new AppError(
        'HOST_NOT_ALLOWED',
        "this host name is not one of this app's; set CHATDOCK_PUBLIC_URL or add it to CHATDOCK_ALLOWED_HOSTS",
      );
    }
    return next();
  };
}
