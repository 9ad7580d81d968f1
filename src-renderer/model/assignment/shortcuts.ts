/**
 * The conversation's assignment shortcuts: Alt+Shift+A assign, Alt+Shift+R resolve / reopen,
 * Alt+Shift+S snooze. They work in the message box too (Alt+Shift types nothing there), and are
 * read from the key's position (`code`) so every keyboard layout has them.
 */
export type AssignmentShortcut = 'assign' | 'resolve' | 'snooze';

export function assignmentShortcut(
  event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): AssignmentShortcut | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'KeyA') return 'assign';
  if (event.code === 'KeyR') return 'resolve';
  if (event.code === 'KeyS') return 'snooze';
  return null;
}
