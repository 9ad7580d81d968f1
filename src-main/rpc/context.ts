import type { KeyPrincipal } from '../services/api-keys.js';

/** Who is calling an RPC operation and through which transport. */
export interface RpcContext {
  transport: 'ipc' | 'http';
  /** Set for HTTP callers (the web UI logs in with a key); the desktop IPC caller is the owner. */
  principal: KeyPrincipal | null;
}
