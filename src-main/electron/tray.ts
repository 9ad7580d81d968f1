import path from 'node:path';
import { Menu, Tray, app, nativeImage } from 'electron';
import { appRoot } from '../core/paths.js';
import { shellWords } from './shell-words.js';
import type { MainWindow } from './window.js';

/** The tray icon keeps Chatdock reachable while its window is closed. */
export function createTray(mainWindow: MainWindow, quit: () => void): Tray {
  const icon = nativeImage.createFromPath(path.join(appRoot(), 'assets', 'tray.png'));
  const tray = new Tray(icon);
  tray.setToolTip('Chatdock');
  const words = shellWords(app.getPreferredSystemLanguages());
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: words.open, click: () => mainWindow.show() },
      { type: 'separator' },
      { label: words.quit, click: quit },
    ]),
  );
  tray.on('click', () => mainWindow.show());
  return tray;
}
