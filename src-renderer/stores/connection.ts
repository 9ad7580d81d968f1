import { create } from 'zustand';
import type { AppInfo, RotatedKey } from '../../src-shared/model';
import type { Confirmation } from '../../src-shared/contract/confirmation';
import { MIN_PASSWORD_LENGTH } from '../../src-shared/contract/constants/people';
import { HttpTransport } from '../transport/http';
import { IpcTransport } from '../transport/ipc';
import { currentIntl } from '../i18n/store';
import { describeError, RpcError } from '../transport/rpc-error';
import type { LinkState, Transport } from '../transport/types';

const KEY_STORAGE = 'chatdock.apiKey';

/** `switcher`: the desktop window asks who is using this PC (pages/desktop/DesktopSwitcher.tsx). */
type Status = 'starting' | 'login' | 'switcher' | 'ready';

interface ConnectionState {
  status: Status;
  transport: Transport | null;
  appInfo: AppInfo | null;
  linkState: LinkState;
  loginError: string | null;
  /** Picks IPC in the desktop app (the switcher first, when it asks); in a browser, tries the remembered key. */
  start(): Promise<void>;
  /** The desktop window, once a person is chosen at the switcher: goes on as them. */
  enterDesktop(): Promise<void>;
  login(key: string, remember: boolean): Promise<boolean>;
  /** Signs a person in with name and password (the session cookie); false with `loginError` set. */
  signIn(login: string, password: string): Promise<boolean>;
  /** First run: creates the owner's account with the terminal's setup code and signs them in. */
  setupOwner(input: { setupCode: string; name: string; login: string; password: string }): Promise<boolean>;
  /** An invited person (or one whose password was reset) chooses a password with their one-time code. */
  acceptCode(input: { login: string; code: string; newPassword: string }): Promise<boolean>;
  /** Whether the owner's account still has to be created (asked at the sign-in page). */
  setupNeeded(): Promise<boolean>;
  logout(): void;
  /**
   * Rotates the admin key. In a browser the UI goes on with the new key: calls, the event
   * stream and the remembered key switch to it (so a reload keeps working). Cannot be undone:
   * `confirm: true`, and a signed-in person's password.
   */
  rotateAdminKey(confirmation: Confirmation): Promise<RotatedKey>;
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

  function personTransport(csrfToken: string): HttpTransport {
    const transport: HttpTransport = new HttpTransport(
      '',
      () => {
        if (get().status !== 'ready' || get().transport !== transport) return;
        transport.close();
        // The server ended this sign-in: the person was disabled or deleted, their password was
        // changed, or they signed out everywhere from another browser. Say so on the sign-in page.
        set({
          status: 'login',
          transport: null,
          appInfo: null,
          linkState: 'connecting',
          loginError: currentIntl().formatMessage({ id: 'login.signedOutRemotely' }),
        });
      },
      window.location.origin,
      csrfToken,
    );
    return transport;
  }

  /** A still-valid sign-in cookie of this browser: its CSRF token (GET needs none), or null. */
  async function cookieSignIn(): Promise<string | null> {
    const response = await fetch('/api/v1/users/me').catch(() => null);
    if (!response?.ok) return null;
    const me = (await response.json()) as { csrfToken: string | null };
    return me.csrfToken;
  }

  /** POSTs a sign-in form; the CSRF token on success, else sets `loginError`. */
  async function postSignIn(path: string, body: unknown): Promise<string | null> {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as {
      csrfToken?: string;
      error?: { code: string; message: string; field?: string };
    } | null;
    if (response?.ok && json?.csrfToken) return json.csrfToken;
    const intl = currentIntl();
    const field = json?.error?.field;
    set({
      loginError:
        response?.status === 401
          ? intl.formatMessage({ id: 'login.refused' })
          : field === 'code'
            ? intl.formatMessage({ id: 'login.codeRefused' })
            : field === 'newPassword' || field === 'password'
              ? intl.formatMessage({ id: 'login.passwordTooShort' }, { min: MIN_PASSWORD_LENGTH })
              : (json?.error?.message ?? describeError(new Error(`HTTP ${response?.status ?? 0}`))),
    });
    return null;
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
        const transport = new IpcTransport(window.chatdock);
        const seat = await transport.call('desktop.state', {});
        if (seat.mode === 'locked') set({ status: 'switcher', transport });
        else await connect(transport);
        return;
      }
      const key = storedKey();
      if (!key) {
        const csrf = await cookieSignIn();
        if (csrf) {
          await connect(personTransport(csrf)).catch(() => set({ status: 'login' }));
          return;
        }
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

    async enterDesktop() {
      const transport = get().transport;
      if (transport) await connect(transport);
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

    async signIn(login, password) {
      if (!login.trim() || !password) {
        set({ loginError: currentIntl().formatMessage({ id: 'login.fieldsMissing' }) });
        return false;
      }
      const csrf = await postSignIn('/api/v1/auth/signin', { login: login.trim(), password });
      if (!csrf) return false;
      await connect(personTransport(csrf));
      return true;
    },

    async setupOwner(input) {
      if (!input.setupCode.trim() || !input.name.trim() || !input.login.trim() || !input.password) {
        set({ loginError: currentIntl().formatMessage({ id: 'login.fieldsMissing' }) });
        return false;
      }
      // Only these four: the route's input is strict, and callers may hand over a whole form.
      const csrf = await postSignIn('/api/v1/auth/setup', {
        setupCode: input.setupCode.trim(),
        name: input.name,
        login: input.login.trim(),
        password: input.password,
      });
      if (!csrf) return false;
      await connect(personTransport(csrf));
      return true;
    },

    async acceptCode(input) {
      if (!input.login.trim() || !input.code.trim() || !input.newPassword) {
        set({ loginError: currentIntl().formatMessage({ id: 'login.fieldsMissing' }) });
        return false;
      }
      const csrf = await postSignIn('/api/v1/auth/accept-code', {
        login: input.login.trim(),
        code: input.code.trim(),
        newPassword: input.newPassword,
      });
      if (!csrf) return false;
      await connect(personTransport(csrf));
      return true;
    },

    async setupNeeded() {
      const response = await fetch('/api/v1/auth/status').catch(() => null);
      if (!response?.ok) return false;
      return ((await response.json()) as { setupNeeded: boolean }).setupNeeded;
    },

    logout() {
      const transport = get().transport;
      if (transport instanceof HttpTransport && transport.signedInAsPerson) {
        // Ends the sign-in on the server (its cookie and streams), not just in this tab.
        void transport.call('people.me', {}).then(
          (me) =>
            fetch('/api/v1/auth/signout', {
              method: 'POST',
              headers: { 'X-CSRF-Token': me.csrfToken ?? '' },
            }),
          () => undefined,
        );
      }
      get().transport?.close();
      forgetKey();
      set({ status: 'login', transport: null, appInfo: null, linkState: 'connecting' });
    },

    async rotateAdminKey(confirmation) {
      const transport = get().transport;
      if (!transport) throw new Error('not connected');
      if (!(transport instanceof HttpTransport)) return transport.call('adminKey.rotate', confirmation);
      const rotated = await transport.callReplacingKey(
        'adminKey.rotate',
        confirmation,
        (result) => result.key,
      );
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
