import type { Contact } from '../../../src-shared/messages';
import { contactName } from '../../model/inbox/format';
import { formatPhone } from '../../model/phone';

/** Stored contacts found by name or number, one button each (name above, number below), in a dialog. */
export function ContactMatchList({
  contacts,
  label,
  disabled = false,
  onPick,
}: {
  contacts: Contact[];
  label: string;
  disabled?: boolean;
  onPick: (contact: Contact) => void;
}) {
  if (contacts.length === 0) return null;
  return (
    <ul className="inbox-dialog__list" aria-label={label}>
      {contacts.map((contact) => (
        <li key={contact.jid}>
          <button type="button" className="search-hit" disabled={disabled} onClick={() => onPick(contact)}>
            <span className="search-hit__body">
              <span className="search-hit__title" dir="auto">
                {contactName(contact) ?? formatPhone(contact.phone)}
              </span>
              <bdi className="muted" dir="ltr">
                {formatPhone(contact.phone)}
              </bdi>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
