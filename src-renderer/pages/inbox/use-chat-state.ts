import { useCallback, useState } from 'react';

/** A piece of state and the chat it belongs to. */
export interface Held<T> {
  chat: string;
  value: T;
}

/** The state shown for `chat`: what is held if it is that chat's, else a fresh `initial()`. */
export function heldFor<T>(held: Held<T>, chat: string, initial: () => T): Held<T> {
  return held.chat === chat ? held : { chat, value: initial() };
}

/** What a setter made for `chat` does: nothing once the state belongs to another chat. */
export function changeFor<T>(chat: string, next: T | ((current: T) => T)): (held: Held<T>) => Held<T> {
  return (held) =>
    held.chat !== chat
      ? held
      : { chat, value: typeof next === 'function' ? (next as (current: T) => T)(held.value) : next };
}

/**
 * State that belongs to the open chat while the conversation pane stays mounted across chats
 * (issue #23 target 7, session 18): it starts again from `initial()` when `chat` changes, in the
 * same render, so nothing of the chat left shows for a frame. A setter made for one chat changes
 * that chat's state only: an answer that arrives after the person moved on is dropped.
 */
export function useChatState<T>(
  chat: string,
  initial: () => T,
): [T, (next: T | ((current: T) => T)) => void] {
  const [held, setHeld] = useState<Held<T>>(() => ({ chat, value: initial() }));
  const current = heldFor(held, chat, initial);
  // React renders again at once with the new chat's state, before committing: no frame between.
  if (current !== held) setHeld(current);
  const set = useCallback((next: T | ((current: T) => T)) => setHeld(changeFor(chat, next)), [chat]);
  return [current.value, set];
}
