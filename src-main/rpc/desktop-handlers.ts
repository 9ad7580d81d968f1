import type { Handlers } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type DesktopOps = Extract<keyof Handlers<RpcContext>, `desktop.${string}`>;

/** Only the window may move its own seat: a browser or a key calling these is refused. */
function fromTheWindow(ctx: RpcContext): void {
  if (ctx.transport !== 'ipc') {
    throw new AppError('FORBIDDEN', 'only the desktop window chooses who is using it');
  }
}

/** The "who is using this PC" switcher (services/people/desktop-seat.ts). */
export function desktopHandlers({ people }: Services): Pick<Handlers<RpcContext>, DesktopOps> {
  return {
    'desktop.state': (_input, ctx) => {
      fromTheWindow(ctx);
      return people.desktop.state();
    },
    'desktop.switch': ({ userId, secret }, ctx) => {
      fromTheWindow(ctx);
      return people.desktop.switchTo(userId, secret);
    },
    'desktop.lock': (_input, ctx) => {
      fromTheWindow(ctx);
      return people.desktop.lock();
    },
  };
}
