import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type DesktopOps = Extract<keyof Handlers<RpcContext>, `desktop.${string}`>;

/**
 * The "who is using this PC" switcher (services/people/desktop-seat.ts). Only the desktop window
 * reaches these: the operations declare `desktopOnly` and the authorizer refuses anyone else.
 */
export function desktopHandlers({ people }: Services): Pick<Handlers<RpcContext>, DesktopOps> {
  return {
    'desktop.state': () => people.desktop.state(),
    'desktop.switch': ({ userId, secret }) => people.desktop.switchTo(userId, secret),
    'desktop.lock': () => people.desktop.lock(),
  };
}
