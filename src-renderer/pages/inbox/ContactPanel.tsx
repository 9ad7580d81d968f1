import { ContactDataActions } from './ContactDataActions';
import { BlockContactButton } from './parity/BlockContactButton';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Chat } from '../../../src-shared/messages';
import { useQuery } from '../../hooks';
import { Avatar } from './Avatar';
import { InboxIcon } from './InboxIcon';
import { chatTitle, contactName, formatPhone } from '../../model/inbox/format';
import { SharedMedia } from './SharedMedia';
import { GroupInfoPanel } from './lazy-parts';
import { LinkedDevices } from './contact-details/LinkedDevices';
import { PhotoViewer } from './contact-details/PhotoViewer';
import '../../styles/contact-details.css';

/** The person's "about" text, asked from WhatsApp when the panel opens. */
function AboutFact({ session, jid }: { session: string; jid: string }) {
  const about = useQuery('contacts.about', { session, chat: jid });
  const text = about.data?.about;
  return (
    <>
      <dt>
        <FormattedMessage id="inbox.contact.about" />
      </dt>
      {about.loading ? (
        <dd className="muted" aria-busy="true">
          <FormattedMessage id="inbox.loading" />
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
  const intl = useIntl();
  const contact = useQuery('contacts.get', { session: chat.session, chat: chat.jid });
  const isGroup = chat.kind === 'group';
  const title = chatTitle(chat);
  const profile = contact.data;
  const savedName = contactName(profile ?? null);
  const [viewingPhoto, setViewingPhoto] = useState(false);
  const photoButton = useRef<HTMLButtonElement>(null);
  const wasViewingPhoto = useRef(false);
  // The viewer is unmounted, not closed, and the page behind a modal dialog is inert until then:
  // give focus back to the avatar that opened it once the viewer is gone.
  useEffect(() => {
    if (wasViewingPhoto.current && !viewingPhoto) photoButton.current?.focus();
    wasViewingPhoto.current = viewingPhoto;
  }, [viewingPhoto]);

  return (
    <aside
      id="contact-panel"
      className="contact-panel"
      aria-label={intl.formatMessage({ id: 'inbox.contact.title' })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="contact-panel__header">
        <h2>
          {intl.formatMessage({
            id: isGroup ? 'inbox.contact.groupTitle' : 'inbox.contact.title',
          })}
        </h2>
        <button
          type="button"
          className="inbox-btn"
          aria-label={intl.formatMessage({ id: 'inbox.contact.close' })}
          onClick={onClose}
        >
          <InboxIcon name="close" />
        </button>
      </header>
      <div className="contact-panel__who">
        <button
          ref={photoButton}
          type="button"
          className="contact-panel__photo-button"
          aria-label={intl.formatMessage({ id: 'contactdetails.photo.open' }, { name: title })}
          onClick={() => setViewingPhoto(true)}
        >
          <Avatar name={title} size={88} session={chat.session} jid={chat.jid} />
        </button>
        {viewingPhoto && (
          <PhotoViewer
            session={chat.session}
            jid={chat.jid}
            name={title}
            onClose={() => setViewingPhoto(false)}
          />
        )}
        <strong className="contact-panel__name" dir="auto">
          {title}
        </strong>
        {chat.phone && (
          <bdi className="muted" dir="ltr">
            {formatPhone(chat.phone)}
          </bdi>
        )}
      </div>
      <section
        className="contact-panel__section"
        aria-label={intl.formatMessage({ id: 'inbox.contact.details' })}
      >
        <dl className="facts">
          {chat.kind === 'user' && <AboutFact session={chat.session} jid={chat.jid} />}
          {savedName && savedName !== title && (
            <>
              <dt>
                <FormattedMessage id="inbox.contact.savedAs" />
              </dt>
              <dd dir="auto">{savedName}</dd>
            </>
          )}
          {profile?.notify && (
            <>
              <dt>
                <FormattedMessage id="inbox.contact.profileName" />
              </dt>
              <dd dir="auto">{profile.notify}</dd>
            </>
          )}
          {profile?.verifiedName && (
            <>
              <dt>
                <FormattedMessage id="inbox.contact.business" />
              </dt>
              <dd dir="auto">{profile.verifiedName}</dd>
            </>
          )}
          {/* A group has no number of its own (its id is no use to anyone). */}
          {!isGroup && (
            <>
              <dt>
                <FormattedMessage id="inbox.contact.number" />
              </dt>
              <dd>
                <bdi>{formatPhone(chat.phone) ?? chat.jid}</bdi>
              </dd>
            </>
          )}
          <dt>
            <FormattedMessage id="inbox.contact.chatsWith" />
          </dt>
          <dd>
            <bdi>{sessionName ?? chat.session}</bdi>
          </dd>
        </dl>
        {contact.error && !isGroup && <p className="form-error">{contact.error}</p>}
      </section>
      {chat.kind === 'user' && <LinkedDevices session={chat.session} jid={chat.jid} />}
      {isGroup && (
        <Suspense fallback={null}>
          <GroupInfoPanel chat={chat} />
        </Suspense>
      )}
      {children}
      <SharedMedia session={chat.session} jid={chat.jid} />
      <BlockContactButton chat={chat} />
      <ContactDataActions chat={chat} />
    </aside>
  );
}
