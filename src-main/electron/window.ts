import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN } from './protocol.js';

const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');

/** The one app window; closing it hides it (the gateway keeps running in the tray). */
export class MainWindow {
  private window: BrowserWindow | null = null;
  private closeAllowed = false;

  get webContents() {
    return this.window?.webContents ?? null;
  }

  show(): void {
    if (!this.window) this.window = this.create();
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }

  allowClose(): void {
    this.closeAllowed = true;
  }

  setTitle(title: string): void {
    this.window?.setTitle(title);
  }

  private create(): BrowserWindow {
    const window = new BrowserWindow({
      width: 1200,
      height: 800,
      minWidth: 720,
      minHeight: 500,
      title: 'Chatdock',
      show: false,
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        nodeIntegration: false,
        sandbox: true,
        webSecurity: true,
        spellcheck: true,
      },
    });
    // No navigation away from the app, no new windows: external links open in the browser.
    window.webContents.on('will-navigate', (event, url) => {
      if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
    });
    window.webContents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    window.on('close', (event) => {
      if (this.closeAllowed) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      this.window = null;
    });
    void window.loadURL(`${APP_ORIGIN}/`);
    return window;
  }
}
