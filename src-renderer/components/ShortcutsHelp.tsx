import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../i18n/messages/en';
import { isTextEntry } from './text-entry';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Every keyboard shortcut of the app; keep in step with the handlers (InboxPage, ChatList, …). */
const SHORTCUTS: { keys: string; what: MessageId }[] = [
  { keys: `${mod}+K`, what: 'composer.shortcuts.search' },
  { keys: '↑ / ↓', what: 'composer.shortcuts.nextChat' },
  { keys: 'Enter', what: 'composer.shortcuts.writeHere' },
  { keys: 'Enter', what: 'composer.shortcuts.send' },
  { keys: 'Shift+Enter', what: 'composer.shortcuts.newLine' },
  { keys: '/', what: 'composer.shortcuts.savedReplies' },
  { keys: 'Esc', what: 'composer.shortcuts.escape' },
  { keys: '← / →', what: 'composer.shortcuts.photoNav' },
  { keys: 'Z', what: 'composer.shortcuts.zoom' },
  { keys: 'Shift+click', what: 'composer.shortcuts.range' },
  { keys: '?', what: 'composer.shortcuts.help' },
  { keys: `${mod}+Shift+L`, what: 'desktop.lock.shortcut' },
];

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
      if (event.key === '?' && !isTextEntry(event.target) && !event.ctrlKey && !event.metaKey) {
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
      <h2 id="shortcuts-title">{intl.formatMessage({ id: 'composer.shortcuts.title' })}</h2>
      <dl className="shortcuts__list">
        {[
          ...SHORTCUTS.map(({ keys, what }) => ({ keys, what: intl.formatMessage({ id: what }) })),
          ...assignment,
        ].map(({ keys, what }) => (
          <div key={`${keys} ${what}`} className="shortcuts__row">
            <dt>
              <kbd dir="ltr">{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="row inbox-dialog__actions">
        <button type="button" className="button button--primary" onClick={() => setOpen(false)} autoFocus>
          {intl.formatMessage({ id: 'composer.shortcuts.close' })}
        </button>
      </div>
    </dialog>
  );
}
