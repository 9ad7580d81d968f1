import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { InboxIcon } from '../InboxIcon';
import { readContacts } from '../../../model/inbox/content';

/** Shared contact cards: names and numbers. */
export function ContactCardView({ message }: { message: Message }) {
  const intl = useIntl();
  const cards = readContacts(message.content);
  return (
    <ul className="contact-cards" aria-label={intl.formatMessage({ id: 'inbox.media.sharedContacts' })}>
      {cards.map((card, index) => (
        <li key={index} className="card-content">
          <InboxIcon name="person" size={28} />
          <div>
            <strong dir="auto">{card.name ?? intl.formatMessage({ id: 'inbox.media.contact' })}</strong>
            {card.phones.map((phone) => (
              <bdi key={phone} dir="ltr" className="contact-cards__phone">
                {phone}
              </bdi>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
