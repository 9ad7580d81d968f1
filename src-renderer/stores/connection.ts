import { create } from 'zustand';
import type { AppInfo } from '../../src-shared/model';
import { HttpTransport } from '../transport/http';
import { IpcTransport } from '../transport/ipc';
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
}

function storedKey(): string | null {
  return localStorage.getItem(KEY_STORAGE) ?? sessionStorage.getItem(KEY_STORAGE);
}

function forgetKey(): void {
  localStorage.removeItem(KEY_STORAGE);
  sessionStorage.removeItem(KEY_STORAGE);
}

export const useConnection = create<ConnectionState>((set, get) => {
  /** Connects a transport: fetches app info, follows the event link state. */
  async function connect(transport: Transport): Promise<void> {
    const appInfo = await transport.call('app.info', {});
    transport.onLinkState((linkState) => set({ linkState }));
    set({ status: 'ready', transport, appInfo, loginError: null });
  }

  function httpTransport(key: string): HttpTransport {
    return new HttpTransport(key, () => {
      if (get().status === 'ready') get().logout();
    });
  }

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
        if (error instanceof RpcError && error.code === 'UNAUTHORIZED') forgetKey();
        set({ status: 'login', loginError: error instanceof RpcError ? null : describeError(error) });
      }
    },

    async login(key, remember) {
      const trimmed = key.trim();
      if (!trimmed) {
        set({ loginError: 'Enter the admin API key.' });
        return false;
      }
      try {
        await connect(httpTransport(trimmed));
      } catch (error) {
        const unauthorized = error instanceof RpcError && error.code === 'UNAUTHORIZED';
        set({
          loginError: unauthorized
            ? 'That key was not accepted. Check it and try again.'
            : describeError(error),
        });
        return false;
      }
      forgetKey();
      (remember ? localStorage : sessionStorage).setItem(KEY_STORAGE, trimmed);
      return true;
    },

    logout() {
      get().transport?.close();
      forgetKey();
      set({ status: 'login', transport: null, appInfo: null, linkState: 'connecting' });
    },
  };
});

/** The connected transport; only call inside the logged-in shell. */
export function useTransport(): Transport {
  const transport = useConnection((state) => state.transport);
  if (!transport) throw new Error('useTransport used before the app connected');
  return transport;
}
