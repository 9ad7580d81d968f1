import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Every keyboard shortcut of the app; keep in step with the handlers (InboxPage, ChatList, …). */
const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: `${mod}+K`, what: 'Search chats and messages' },
  { keys: '↑ / ↓', what: 'Previous / next chat (in the chat list)' },
  { keys: 'Enter', what: 'From the chat list: write in the open chat' },
  { keys: 'Enter', what: 'In the message box: send' },
  { keys: 'Shift+Enter', what: 'In the message box: new line' },
  { keys: '/', what: 'In the message box: saved replies' },
  { keys: 'Esc', what: 'Close the contact panel, a dialog or the photo viewer; clear the search' },
  { keys: '← / →', what: 'Photo viewer: previous / next photo' },
  { keys: 'Z', what: 'Photo viewer: zoom' },
  { keys: 'Shift+click', what: 'Select mode: tick a range of chats' },
  { keys: '?', what: 'This list' },
];

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `?` (outside text fields) shows the keyboard shortcuts. */
export function ShortcutsHelp() {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  // The conversation's assignment shortcuts (pages/inbox/assignment/AssignmentBar.tsx).
  const assignment = [
    { keys: 'Alt+Shift+A', what: intl.formatMessage({ id: 'assignment.shortcuts.assign' }) },
    { keys: 'Alt+Shift+R', what: intl.formatMessage({ id: 'assignment.shortcuts.resolve' }) },
    { keys: 'Alt+Shift+S', what: intl.formatMessage({ id: 'assignment.shortcuts.snooze' }) },
  ];

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !typing(event.target) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="inbox-dialog shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={(event) => {
        event.preventDefault();
        setOpen(false);
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="shortcuts__list">
        {[...SHORTCUTS, ...assignment].map(({ keys, what }) => (
          <div key={`${keys} ${what}`} className="shortcuts__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="row inbox-dialog__actions">
        <button type="button" className="button button--primary" onClick={() => setOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
