/** Ctrl+Shift+L (⌘+Shift+L on a Mac): Lock at the desktop switcher, like the person menu's item. */
export function isLockShortcut(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): boolean {
  return (
    event.shiftKey && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l'
  );
}
