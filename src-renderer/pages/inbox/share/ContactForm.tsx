import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ContactMatchList } from '../../../components/contacts/ContactMatchList';
import { useContactSearch } from '../../../components/contacts/use-contact-search';
import { contactName } from '../../../model/inbox/format';
import { checkContact, type ContactField, type FieldProblem } from '../../../model/inbox/share-forms';
import { countryOf, formatPhone } from '../../../model/phone';
import { useSessions } from '../../../stores/sessions';
import { ShareDialog } from './ShareDialog';
import { ShareField } from './ShareField';

/**
 * Share a contact card: a stored contact found by typing part of their name (or number), or a
 * name and number typed by hand. A number without + is read in the linked phone's country.
 */
export function ContactForm({
  session,
  jid,
  onClose,
}: {
  session: string;
  jid: string;
  onClose: () => void;
}) {
  const intl = useIntl();
  const linkedPhone = useSessions((state) => state.sessions.find((s) => s.id === session)?.phone ?? null);
  const [typed, setTyped] = useState({ name: '', phone: '' });
  const [picked, setPicked] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<ContactField, FieldProblem>>>({});
  const matches = useContactSearch(session, picked ? '' : typed.name, { numbersToo: true });

  const change = (field: ContactField) => (value: string) => {
    setPicked(false);
    setTyped((was) => ({ ...was, [field]: value }));
    setProblems((was) => ({ ...was, [field]: undefined }));
  };

  const check = () => {
    const checked = checkContact(jid, typed, countryOf(linkedPhone));
    if (checked.ok) return checked.input;
    setProblems(checked.problems);
    return null;
  };

  return (
    <ShareDialog title={<FormattedMessage id="inbox-share.contact.title" />} check={check} onClose={onClose}>
      {(ids) => (
        <>
          <ShareField
            id={`${ids}-name`}
            label={<FormattedMessage id="inbox-share.contact.name" />}
            hint={<FormattedMessage id="inbox-share.contact.nameHint" />}
            problem={problems.name}
            value={typed.name}
            onChange={change('name')}
            autoFocus
          />
          <ContactMatchList
            contacts={matches}
            label={intl.formatMessage({ id: 'inbox-share.contact.matches' })}
            onPick={(contact) => {
              setPicked(true);
              setProblems({});
              setTyped({
                name: contactName(contact) ?? formatPhone(contact.phone) ?? '',
                phone: formatPhone(contact.phone) ?? '',
              });
            }}
          />
          <ShareField
            id={`${ids}-phone`}
            label={<FormattedMessage id="inbox-share.contact.phone" />}
            problem={problems.phone}
            value={typed.phone}
            onChange={change('phone')}
            inputMode="tel"
            dir="ltr"
            placeholder="+44 7700 900999"
          />
        </>
      )}
    </ShareDialog>
  );
}
