import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useModalDialog } from '../../../components/use-modal-dialog';
import { useTransport } from '../../../stores/connection';

type Photo = { state: 'loading' } | { state: 'none' } | { state: 'found'; url: string };

/**
 * The full-size profile photo in a modal dialog (issue #26 point 8): loading while the link is
 * asked for and the image downloads; "no photo" when there is none or privacy hides it (WhatsApp
 * does not say which). Esc or the close button closes it; the caller returns focus.
 */
export function PhotoViewer({
  session,
  jid,
  name,
  onClose,
}: {
  session: string;
  jid: string;
  name: string;
  onClose: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const ref = useModalDialog();
  const ids = useId();
  const [photo, setPhoto] = useState<Photo>({ state: 'loading' });
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let current = true;
    transport
      .call('contacts.avatarLink', { session, chat: jid })
      // The signed link names the person; `size=full` picks the full-size picture.
      .then(
        ({ url }) =>
          current && setPhoto(url ? { state: 'found', url: `${url}&size=full` } : { state: 'none' }),
      )
      .catch(() => current && setPhoto({ state: 'none' }));
    return () => {
      current = false;
    };
  }, [transport, session, jid]);

  return (
    <dialog
      ref={ref}
      className="inbox-dialog photo-viewer"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // Esc closes only the viewer, not the contact panel around it (which closes on Esc too).
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.stopPropagation();
      }}
    >
      <header className="photo-viewer__header">
        <h2 id={`${ids}-title`}>
          <FormattedMessage id="contactdetails.photo.title" values={{ name: <bdi>{name}</bdi> }} />
        </h2>
        <button type="button" className="inbox-btn" onClick={onClose}>
          <FormattedMessage id="contactdetails.photo.close" />
        </button>
      </header>
      {photo.state === 'none' ? (
        <p className="muted photo-viewer__none" role="status">
          <FormattedMessage id="contactdetails.photo.none" />
        </p>
      ) : (
        <div className="photo-viewer__frame" aria-busy={!loaded}>
          {!loaded && (
            <p className="muted" role="status">
              <FormattedMessage id="contactdetails.photo.loading" />
            </p>
          )}
          {photo.state === 'found' && (
            <img
              className="photo-viewer__image"
              src={photo.url}
              alt={intl.formatMessage({ id: 'contactdetails.photo.alt' }, { name })}
              hidden={!loaded}
              onLoad={() => setLoaded(true)}
              onError={() => setPhoto({ state: 'none' })}
            />
          )}
        </div>
      )}
    </dialog>
  );
}
