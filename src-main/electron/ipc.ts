import { ipcMain } from 'electron';
import { AppError } from '../../src-shared/errors.js';
import type { Core } from '../app/container.js';
import { answerDesktopCall } from '../api/desktop-invoke.js';
import { APP_ORIGIN } from './protocol.js';
import type { MainWindow } from './window.js';

export const IPC_INVOKE = 'chatdock:invoke';
export const IPC_EVENT = 'chatdock:event';

/**
 * The desktop transport: every contract call goes through the same dispatcher as the HTTP
 * bridge, as the window's principal (the owner, or the person chosen at the switcher), and the
 * bus events that principal may see are forwarded to the window. Calls from any frame not served
 * by app://chatdock are refused.
 */
export function registerIpc(core: Core, mainWindow: MainWindow): void {
  ipcMain.handle(IPC_INVOKE, async (event, operation: unknown, input: unknown) => {
    if (!event.senderFrame?.url.startsWith(APP_ORIGIN + '/')) {
      return {
        ok: false,
        error: new AppError('FORBIDDEN', 'calls are only accepted from the app window').toBody(),
      };
    }
    return answerDesktopCall(core.callFromDesktop, core.logger, operation, input);
  });
  // Filtered like the browser's stream: the chosen person's events only, none while locked.
  core.bus.subscribe((event) => {
    if (core.desktopSeesEvent(event)) mainWindow.webContents?.send(IPC_EVENT, event);
  });
}
