import { useRef, useState } from 'react';
import '../../../styles/share.css';
import { useIntl } from 'react-intl';
import { moveMenuFocus, usePopoverMenu } from '../../../components/nav/use-popover-menu';
import { InboxIcon } from '../InboxIcon';
import { ContactForm } from './ContactForm';
import { LocationForm } from './LocationForm';
import { PollForm } from './PollForm';

type Form = 'location' | 'contact' | 'poll';

const ENTRIES = [
  { kind: 'files', icon: 'document', label: 'inbox-share.menu.files' },
  { kind: 'location', icon: 'location', label: 'inbox-share.menu.location' },
  { kind: 'contact', icon: 'person', label: 'inbox-share.menu.contact' },
  { kind: 'poll', icon: 'poll', label: 'inbox-share.menu.poll' },
] as const;

/**
 * The composer's attach button, as in WhatsApp a small menu: photos and files (the file
 * picker), a place, a contact card, a poll. Arrow keys move through the entries; each of the
 * last three opens its form.
 */
export function AttachMenu({
  session,
  jid,
  onPickFiles,
}: {
  session: string;
  jid: string;
  onPickFiles: (files: File[]) => void;
}) {
  const intl = useIntl();
  const menu = usePopoverMenu<HTMLButtonElement>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState<Form | null>(null);
  const label = intl.formatMessage({ id: 'inbox-composer.attach' });

  const choose = (kind: (typeof ENTRIES)[number]['kind']) => {
    menu.dismiss();
    if (kind === 'files') fileRef.current?.click();
    else setForm(kind);
  };

  const closeForm = () => {
    setForm(null);
    menu.buttonRef.current?.focus();
  };

  return (
    <div className="attach-menu" ref={menu.rootRef} onKeyDown={menu.onKeyDown}>
      <button
        ref={menu.buttonRef}
        type="button"
        className="inbox-btn"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={menu.open}
        onClick={menu.toggle}
      >
        <InboxIcon name="attach" />
      </button>
      {menu.open && (
        <div
          className="user-menu__list attach-menu__list"
          role="menu"
          aria-label={label}
          onKeyDown={moveMenuFocus}
        >
          {ENTRIES.map((entry, index) => (
            <button
              key={entry.kind}
              ref={index === 0 ? menu.firstItemRef : undefined}
              type="button"
              role="menuitem"
              className="user-menu__item"
              onClick={() => choose(entry.kind)}
            >
              <InboxIcon name={entry.icon} />
              {intl.formatMessage({ id: entry.label })}
            </button>
          ))}
        </div>
      )}
      <input
        ref={fileRef}
        type="file"
        multiple
        hidden
        aria-label={intl.formatMessage({ id: 'inbox-composer.filesToSend' })}
        onChange={(event) => {
          onPickFiles(event.target.files ? [...event.target.files] : []);
          event.target.value = '';
        }}
      />
      {form === 'location' && <LocationForm jid={jid} onClose={closeForm} />}
      {form === 'contact' && <ContactForm session={session} jid={jid} onClose={closeForm} />}
      {form === 'poll' && <PollForm jid={jid} onClose={closeForm} />}
    </div>
  );
}
