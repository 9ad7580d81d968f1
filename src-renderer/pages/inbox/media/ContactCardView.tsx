import type { Message } from '../../../../src-shared/messages';
import { InboxIcon } from '../InboxIcon';
import { readContacts } from '../../../model/inbox/content';

/** Shared contact cards: names and numbers. */
export function ContactCardView({ message }: { message: Message }) {
  const cards = readContacts(message.content);
  return (
    <ul className="contact-cards" aria-label="Shared contacts">
      {cards.map((card, index) => (
        <li key={index} className="card-content">
          <InboxIcon name="person" size={28} />
          <div>
            <strong dir="auto">{card.name}</strong>
            {card.phones.map((phone) => (
              <div key={phone}>{phone}</div>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
