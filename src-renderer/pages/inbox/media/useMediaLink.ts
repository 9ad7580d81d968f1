import { useEffect, useState } from 'react';
import type { MediaLink } from '../../../../src-shared/contract/messaging';
import type { Message } from '../../../../src-shared/messages';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';

/** Links last an hour on the server; use them for 50 minutes. */
const REUSE_MS = 50 * 60 * 1000;
const cache = new Map<string, { link: MediaLink; at: number }>();

/** A short-lived same-origin URL for a message's media, for <img>, <video>, <audio> and downloads. */
export function useMediaLink(message: Pick<Message, 'session' | 'chat' | 'id' | 'media' | 'revoked'>): {
  link: MediaLink | null;
  error: string | null;
} {
  const transport = useTransport();
  const key = `${message.session}|${message.chat}|${message.id}`;
  const cached = cache.get(key);
  const fresh = cached && Date.now() - cached.at < REUSE_MS ? cached.link : null;
  const [state, setState] = useState<{ key: string; link: MediaLink | null; error: string | null }>({
    key,
    link: fresh,
    error: null,
  });
  const hasMedia = Boolean(message.media) && !message.revoked;

  useEffect(() => {
    if (!hasMedia) return;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < REUSE_MS) {
      setState({ key, link: hit.link, error: null });
      return;
    }
    let current = true;
    transport
      .call('messages.mediaLink', { session: message.session, chat: message.chat, id: message.id })
      .then((link) => {
        cache.set(key, { link, at: Date.now() });
        if (current) setState({ key, link, error: null });
      })
      .catch((error: unknown) => current && setState({ key, link: null, error: describeError(error) }));
    return () => {
      current = false;
    };
  }, [transport, key, hasMedia, message.session, message.chat, message.id]);

  if (state.key !== key) return { link: fresh, error: null };
  return { link: state.link, error: state.error };
}
