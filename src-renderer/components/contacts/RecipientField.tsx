import { useId, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Contact } from '../../../src-shared/messages';
import { contactName } from '../../model/inbox/format';
import { formatPhone } from '../../model/phone';
import { useContactSearch } from './use-contact-search';
import '../../styles/recipient-field.css';

/**
 * "To" as a contact picker: type a number in any format, or part of a stored contact's name or
 * number and pick them from the suggestions (mouse, or ↓ ↑ and Enter; Escape closes the list).
 * Picking puts the contact's number in the box and shows whose it is below.
 */
export function RecipientField({
  session,
  label,
  value,
  onChange,
  onPick,
  placeholder,
  required,
}: {
  session: string | null;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Instead of filling the box: what to do with a picked contact (the box is then emptied). */
  onPick?: (phone: string, name: string | null) => void;
  placeholder?: string;
  required?: boolean;
}) {
  const intl = useIntl();
  const ids = useId();
  const [picked, setPicked] = useState<Contact | null>(null);
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(0);
  const matches = useContactSearch(session, picked ? '' : value, { numbersToo: true });
  const showList = open && matches.length > 0;

  const choose = (contact: Contact) => {
    const phone = formatPhone(contact.phone) ?? contact.phone ?? '';
    if (onPick) {
      onPick(phone, contactName(contact));
      onChange('');
      return;
    }
    setPicked(contact);
    onChange(phone);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!showList) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((at) => (at + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      const contact = matches[active];
      if (!contact) return;
      event.preventDefault();
      choose(contact);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const pickedName = picked ? contactName(picked) : null;
  return (
    <div className="field recipient-field">
      <label className="field__label" htmlFor={`${ids}-input`}>
        {label}
      </label>
      <input
        id={`${ids}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={`${ids}-list`}
        aria-activedescendant={showList ? `${ids}-option-${active}` : undefined}
        aria-describedby={pickedName ? `${ids}-picked` : undefined}
        autoComplete="off"
        inputMode="text"
        dir="auto"
        required={required}
        value={value}
        placeholder={placeholder}
        onChange={(event) => {
          setPicked(null);
          setOpen(true);
          setActive(0);
          onChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul
        id={`${ids}-list`}
        role="listbox"
        className="recipient-field__list"
        hidden={!showList}
        aria-label={intl.formatMessage({ id: 'forms.recipient.suggestions' })}
      >
        {matches.map((contact, index) => (
          <li
            key={contact.jid}
            id={`${ids}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className="recipient-field__option"
            // mousedown, not click: the box's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(contact);
            }}
          >
            <span dir="auto">{contactName(contact) ?? formatPhone(contact.phone)}</span>
            <bdi dir="ltr" className="muted">
              {formatPhone(contact.phone)}
            </bdi>
          </li>
        ))}
      </ul>
      {pickedName && (
        <p id={`${ids}-picked`} className="field__hint">
          {intl.formatMessage({ id: 'forms.recipient.picked' }, { name: pickedName })}
        </p>
      )}
    </div>
  );
}
