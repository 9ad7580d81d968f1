import { create } from 'zustand';
import type { AppInfo, RotatedKey } from '../../src-shared/model';
import { HttpTransport } from '../transport/http';
import { IpcTransport } from '../transport/ipc';
import { currentIntl } from '../i18n/store';
import { describeError, RpcError } from '../transport/rpc-error';
import type { LinkState, Transport } from '../transport/types';

const KEY_STORAGE = 'chatdock.apiKey';

type Status = 'starting' | 'login' | 'ready';

interface ConnectionState {
  status: Status;
  transport: Transport | null;
  appInfo: AppInfo | null;
  linkState: LinkState;
  loginError: string | null;
  /** Picks IPC in the desktop app; in a browser, tries the remembered key. */
  start(): Promise<void>;
  login(key: string, remember: boolean): Promise<boolean>;
  logout(): void;
  /**
   * Rotates the admin key. In a browser the UI goes on with the new key: calls, the event
   * stream and the remembered key switch to it (so a reload keeps working).
   */
  rotateAdminKey(): Promise<RotatedKey>;
}

/**
 * The browser keeps the key in one place: localStorage when "remember" was ticked at sign-in
 * (shared by the tabs), sessionStorage otherwise (this tab only).
 */
let keyStore: Storage = sessionStorage;

function storedKey(): string | null {
  const remembered = localStorage.getItem(KEY_STORAGE);
  keyStore = remembered ? localStorage : sessionStorage;
  return remembered ?? sessionStorage.getItem(KEY_STORAGE);
}

function saveKey(key: string, store: Storage = keyStore): void {
  forgetKey();
  keyStore = store;
  store.setItem(KEY_STORAGE, key);
}

/** Forgets the stored key; with `only`, just when it is that key (not a newer one from another tab). */
function forgetKey(only?: string): void {
  for (const store of [localStorage, sessionStorage]) {
    if (only === undefined || store.getItem(KEY_STORAGE) === only) store.removeItem(KEY_STORAGE);
  }
}

export const useConnection = create<ConnectionState>((set, get) => {
  /** Connects a transport: fetches app info, follows the event link state. */
  async function connect(transport: Transport): Promise<void> {
    const appInfo = await transport.call('app.info', {});
    transport.onLinkState((linkState) => set({ linkState }));
    set({ status: 'ready', transport, appInfo, loginError: null });
  }

  function httpTransport(key: string): HttpTransport {
    const transport: HttpTransport = new HttpTransport(key, () => {
      if (get().status !== 'ready' || get().transport !== transport) return;
      transport.close();
      // Only this key failed: a newer one another tab stored stays for the next sign-in.
      forgetKey(transport.key);
      set({ status: 'login', transport: null, appInfo: null, linkState: 'connecting' });
    });
    return transport;
  }

  // Another tab rotated the admin key (or signed in again): go on with the key it stored.
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY_STORAGE || event.storageArea !== localStorage || !event.newValue) return;
    const { status, transport } = get();
    if (status === 'ready' && transport instanceof HttpTransport) transport.useKey(event.newValue);
    else if (status === 'login' && !window.chatdock) void get().start();
  });

  return {
    status: 'starting',
    transport: null,
    appInfo: null,
    linkState: 'connecting',
    loginError: null,

    async start() {
      if (window.chatdock) {
        await connect(new IpcTransport(window.chatdock));
        return;
      }
      const key = storedKey();
      if (!key) {
        set({ status: 'login' });
        return;
      }
      try {
        await connect(httpTransport(key));
      } catch (error) {
        if (error instanceof RpcError && error.code === 'UNAUTHORIZED') forgetKey(key);
        set({ status: 'login', loginError: error instanceof RpcError ? null : describeError(error) });
      }
    },

    async login(key, remember) {
      const trimmed = key.trim();
      if (!trimmed) {
        set({ loginError: currentIntl().formatMessage({ id: 'login.keyMissing' }) });
        return false;
      }
      try {
        await connect(httpTransport(trimmed));
      } catch (error) {
        const unauthorized = error instanceof RpcError && error.code === 'UNAUTHORIZED';
        set({
          loginError: unauthorized
            ? currentIntl().formatMessage({ id: 'login.keyRefused' })
            : describeError(error),
        });
        return false;
      }
      saveKey(trimmed, remember ? localStorage : sessionStorage);
      return true;
    },

    logout() {
      get().transport?.close();
      forgetKey();
      set({ status: 'login', transport: null, appInfo: null, linkState: 'connecting' });
    },

    async rotateAdminKey() {
      const transport = get().transport;
      if (!transport) throw new Error('not connected');
      if (!(transport instanceof HttpTransport)) return transport.call('adminKey.rotate', {});
      const rotated = await transport.callReplacingKey('adminKey.rotate', {}, (result) => result.key);
      saveKey(rotated.key);
      return rotated;
    },
  };
});

/** The connected transport; only call inside the logged-in shell. */
export function useTransport(): Transport {
  const transport = useConnection((state) => state.transport);
  if (!transport) throw new Error('useTransport used before the app connected');
  return transport;
}
