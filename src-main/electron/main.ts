/**
 * The desktop shell: boots the same core as `npm run serve`, then opens the window and the
 * tray. The only folder that imports 'electron'.
 */
import { app, dialog } from 'electron';
import { createCore, type Core } from '../app/container.js';
import { installProcessGuards } from '../core/process-guards.js';
import { loadConfig, reachableHost } from '../core/config.js';
import { registerIpc } from './ipc.js';
import { registerAppProtocol, registerAppScheme } from './protocol.js';
import { shellWords } from './shell-words.js';
import { createTray } from './tray.js';
import { MainWindow } from './window.js';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Chatdock owns the data dir and the port; it shows its window instead.
  app.quit();
} else {
  let core: Core | null = null;
  const mainWindow = new MainWindow();

  app.on('second-instance', () => mainWindow.show());

  app.whenReady().then(
    async () => {
      try {
        const config = loadConfig({
          ...process.env,
          CHATDOCK_DATA_DIR: process.env.CHATDOCK_DATA_DIR || app.getPath('userData'),
        });
        core = createCore(config);
        installProcessGuards(core.logger);
        await core.start();
        // Media links point at the API the same way messages.mediaLink builds them.
        const { boundHost, port } = core.runtime();
        registerAppProtocol(`http://${reachableHost(boundHost)}:${port}`);
        registerIpc(core, mainWindow);
        createTray(mainWindow, () => app.quit());
        mainWindow.show();
      } catch (error) {
        dialog.showErrorBox(
          shellWords(app.getPreferredSystemLanguages()).couldNotStart,
          error instanceof Error ? error.message : String(error),
        );
        app.exit(1);
      }
    },
    () => app.exit(1),
  );

  // Closing the window keeps the gateway running in the tray; quitting stops it cleanly.
  app.on('window-all-closed', () => undefined);
  let quitting = false;
  app.on('before-quit', (event) => {
    mainWindow.allowClose();
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    core.stop().finally(() => app.quit());
  });
}
