import { isTextEntry } from '../../../components/text-entry';

/**
 * Keys typed between a click on a chat and its message box taking the focus. The box is focused
 * once the chat's first page is in (focusing it earlier laid the pane out before its rows, issue
 * #23 target 7, session 19), 10–60 ms after the click on a slow PC, and what was typed meanwhile
 * went to the chat list and was lost. From the click on, the characters typed anywhere but in a
 * text field are held here, for that chat only, and the box puts them in when it takes the focus.
 */

/** Held keys nobody took by then are dropped: the chat had no message box (read-only, blocked). */
const HOLD_MS = 10_000;

interface Held {
  chat: string;
  keys: string;
  listening: boolean;
  stop: () => void;
}

let held: Held | null = null;

/** Starts holding what is typed for `chat` (a `chatKey`); what was held for another chat is dropped. */
export function holdKeysFor(chat: string): void {
  dropHeldKeys();
  const hold: Held = { chat, keys: '', listening: true, stop: () => undefined };
  const onKeyDown = (event: KeyboardEvent) => {
    // The person went on to write somewhere (the search box, the message box itself): theirs.
    if (isTextEntry(event.target)) return stopListening();
    // A shortcut is not text; AltGr (Ctrl+Alt on Windows) types "@" or "€" on many keyboards.
    const shortcut = event.ctrlKey || event.metaKey || event.altKey;
    if ((shortcut && !event.getModifierState('AltGraph')) || event.isComposing) return;
    if (event.key === 'Backspace' && hold.keys) {
      hold.keys = [...hold.keys].slice(0, -1).join('');
    } else if ([...event.key].length === 1) {
      hold.keys += event.key;
    } else {
      // Enter, the arrows, Escape: the list's and the page's, as before.
      return;
    }
    // Neither the list (Space scrolls it) nor a page shortcut (`?`) acts on a held key.
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const stopListening = () => {
    if (!hold.listening) return;
    hold.listening = false;
    window.removeEventListener('keydown', onKeyDown, true);
  };
  const timer = setTimeout(dropHeldKeys, HOLD_MS);
  hold.stop = () => {
    stopListening();
    clearTimeout(timer);
  };
  // Capturing on the window: before the focused list and the page's own key handlers.
  window.addEventListener('keydown', onKeyDown, true);
  held = hold;
}

/** The keys held for `chat` (a `chatKey`), once: holding stops. Another chat's are left alone. */
export function takeHeldKeys(chat: string): string {
  if (!held || held.chat !== chat) return '';
  const { keys } = held;
  dropHeldKeys();
  return keys;
}

/** Stops holding keys and forgets those held (a chat opened from the keyboard keeps its focus). */
export function dropHeldKeys(): void {
  held?.stop();
  held = null;
}
