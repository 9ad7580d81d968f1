import { useEffect } from 'react';
import { create } from 'zustand';
import { WantedQueue } from '../model/inbox/wanted-queue';
import { useTransport } from './connection';

/** Links last an hour on the server; use them for 50 minutes (as message media links). */
const REUSE_MS = 50 * 60 * 1000;
/** Requests in flight at once; the server queues WhatsApp queries further (two at a time). */
const MAX_LOADING = 4;

interface AvatarsState {
  /** `session|jid` → the picture link (null: no picture), and when it was asked for. */
  links: Record<string, { url: string | null; at: number }>;
  /** Marks a link outdated, so avatars on screen ask again (the picture may have changed). */
  outdate(session: string, jid: string): void;
}

/** Profile picture links, shared by every avatar on screen and kept while scrolling. */
export const useAvatars = create<AvatarsState>((set) => ({
  links: {},
  outdate(session, jid) {
    const key = `${session}|${jid}`;
    set((state) => {
      const entry = state.links[key];
      // The old picture stays on screen until the new link arrives.
      return entry ? { links: { ...state.links, [key]: { ...entry, at: 0 } } } : state;
    });
  },
}));

const requests = new WantedQueue(MAX_LOADING);

/**
 * The profile picture link of a contact or group, asked for while the caller is mounted (a
 * virtualised row only while it is rendered). Null: no picture, or not known yet.
 */
export function useAvatarUrl(session: string | undefined, jid: string | undefined): string | null {
  const transport = useTransport();
  const key = session && jid ? `${session}|${jid}` : null;
  const entry = useAvatars((state) => (key ? state.links[key] : undefined));
  const fresh = entry !== undefined && Date.now() - entry.at < REUSE_MS;

  useEffect(() => {
    if (!key || !session || !jid || fresh) return;
    return requests.want(key, async () => {
      let url: string | null = null;
      try {
        ({ url } = await transport.call('contacts.avatarLink', { session, chat: jid }));
      } catch {
        // The initials stay; the next ask is after the reuse time, not in a loop.
      }
      useAvatars.setState((state) => ({ links: { ...state.links, [key]: { url, at: Date.now() } } }));
    });
  }, [transport, key, session, jid, fresh]);

  return entry?.url ?? null;
}
