/** Why a key stopped being valid; the event stream names it when it closes. */
export type KeyRevocationCause = 'revoked' | 'rotated' | 'session-removed';

export interface KeyRevocation {
  keyId: string;
  cause: KeyRevocationCause;
}

type KeyRevocationListener = (revocation: KeyRevocation) => void;

/**
 * Tells holders of a long-lived authentication that a key stopped being valid: a named key
 * revoked, a session or admin key rotated, a session key removed with its session. Requests
 * check their key every time; an event stream checks it once, at its first message, so it
 * must be told (api/event-socket.ts closes the streams of that key).
 */
export class KeyRevocations {
  private readonly listeners = new Set<KeyRevocationListener>();

  subscribe(listener: KeyRevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after the change is written: a listener may check the key again. */
  announce(keyIds: readonly string[], cause: KeyRevocationCause): void {
    for (const keyId of keyIds) {
      for (const listener of this.listeners) listener({ keyId, cause });
    }
  }
}
