import type { KeyPrincipal } from './api-keys.js';

/**
 * The window of the desktop app, calling over Electron IPC: the PC's owner. It is a principal of
 * its own, given only by the IPC transport; a request that carries no principal never runs.
 */
interface DesktopPrincipal {
  kind: 'desktop';
}

export const DESKTOP: DesktopPrincipal = Object.freeze({ kind: 'desktop' });

/** Who is calling: a key (admin, session or named) or the desktop window. */
export type Principal = KeyPrincipal | DesktopPrincipal;
