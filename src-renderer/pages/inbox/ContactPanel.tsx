import { ContactDataActions } from './ContactDataActions';
import type { ReactNode } from 'react';
import type { Chat } from '../../../src-shared/messages';
import { useQuery } from '../../hooks';
import { Avatar } from './Avatar';
import { InboxIcon } from './InboxIcon';
import { chatTitle, contactName, formatPhone } from './logic/format';
import { SharedMedia } from './SharedMedia';

/** The person's "about" text, asked from WhatsApp when the panel opens. */
function AboutFact({ session, jid }: { session: string; jid: string }) {
  const about = useQuery('contacts.about', { session, chat: jid });
  const text = about.data?.about;
  return (
    <>
      <dt>About</dt>
      {about.loading ? (
        <dd className="muted" aria-busy="true">
          Loading…
        </dd>
      ) : text ? (
        <dd dir="auto">{text}</dd>
      ) : (
        <dd className="muted">—</dd>
      )}
    </>
  );
}

/**
 * The right-hand panel about the person (or group) of the open chat: picture, names, about text,
 * number, the linked number the chat belongs to, then `children` (tags and the private note plug in there:
 * see organize-slots.tsx), then shared media. Esc closes it.
 */
export function ContactPanel({
  chat,
  sessionName,
  onClose,
  children,
}: {
  chat: Chat;
  sessionName: string | null;
  onClose: () => void;
  children?: ReactNode;
}) {
  const contact = useQuery('contacts.get', { session: chat.session, chat: chat.jid });
  const groups = useQuery('groups.list', { session: chat.session });
  const group = chat.kind === 'group' ? groups.data?.find((g) => g.jid === chat.jid) : undefined;
  const title = chatTitle(chat);
  const profile = contact.data;
  const savedName = contactName(profile ?? null);

  return (
    <aside
      id="contact-panel"
      className="contact-panel"
      aria-label="Contact info"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="contact-panel__header">
        <h2>{chat.kind === 'group' ? 'Group info' : 'Contact info'}</h2>
        <button type="button" className="inbox-btn" aria-label="Close contact info" onClick={onClose}>
          <InboxIcon name="close" />
        </button>
      </header>
      <div className="contact-panel__who">
        <Avatar name={title} size={88} session={chat.session} jid={chat.jid} />
        <strong className="contact-panel__name" dir="auto">
          {title}
        </strong>
        {chat.phone && <span className="muted">{formatPhone(chat.phone)}</span>}
      </div>
      <section className="contact-panel__section" aria-label="Details">
        <dl className="facts">
          {group?.description && (
            <>
              <dt>About</dt>
              <dd dir="auto">{group.description}</dd>
            </>
          )}
          {chat.kind === 'user' && <AboutFact session={chat.session} jid={chat.jid} />}
          {group && (
            <>
              <dt>Members</dt>
              <dd>{group.participantCount}</dd>
            </>
          )}
          {savedName && savedName !== title && (
            <>
              <dt>Saved as</dt>
              <dd dir="auto">{savedName}</dd>
            </>
          )}
          {profile?.notify && (
            <>
              <dt>Profile name</dt>
              <dd dir="auto">{profile.notify}</dd>
            </>
          )}
          {profile?.verifiedName && (
            <>
              <dt>Business</dt>
              <dd dir="auto">{profile.verifiedName}</dd>
            </>
          )}
          <dt>Number</dt>
          <dd>{formatPhone(chat.phone) ?? chat.jid}</dd>
          <dt>Chats with</dt>
          <dd>{sessionName ?? chat.session}</dd>
        </dl>
        {contact.error && <p className="form-error">{contact.error}</p>}
      </section>
      {children}
      <SharedMedia session={chat.session} jid={chat.jid} />
      <ContactDataActions chat={chat} />
    </aside>
  );
}
