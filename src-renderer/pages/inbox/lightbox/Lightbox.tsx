import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useConversation } from '../../../stores/conversation';
import type { MessageId } from '../../../i18n/messages/en';
import { InboxIcon } from '../InboxIcon';
import { useMediaLink } from '../media/useMediaLink';
import { useLightbox, viewableMedia } from './lightbox-state';

/**
 * The photo viewer: full size in a modal dialog, zoom (click the photo or Z), previous / next
 * through the conversation's loaded photos (← →, or the buttons), download, forward; Esc closes.
 */
export function Lightbox() {
  const intl = useIntl();
  const shown = useLightbox((state) => state.shown);
  const messages = useConversation((state) => state.messages);
  const ref = useRef<HTMLDialogElement>(null);
  const [zoomed, setZoomed] = useState(false);
  const media = viewableMedia(messages);
  const index = shown ? media.findIndex((m) => m.id === shown.id) : -1;
  const { link, error } = useMediaLink(
    shown ?? { session: '', chat: '', id: '', media: null, revoked: false },
  );

  useEffect(() => {
    const dialog = ref.current;
    if (shown && dialog && !dialog.open) dialog.showModal();
  }, [shown]);
  useEffect(() => setZoomed(false), [shown?.id]);
  // Another chat opened: the viewer closes.
  useEffect(() => () => useLightbox.getState().show(null), []);
  if (!shown) return null;

  const close = () => useLightbox.getState().show(null);
  const go = (step: number) => {
    const next = media[index + step];
    if (next) useLightbox.getState().show(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // In right-to-left text the "next" photo is to the left.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    if (event.key === 'ArrowRight') go(rtl ? -1 : 1);
    else if (event.key === 'ArrowLeft') go(rtl ? 1 : -1);
    else if (event.key.toLowerCase() === 'z') setZoomed(!zoomed);
    else return;
    event.preventDefault();
  };
  const label = shown.text || intl.formatMessage({ id: 'inbox.outgoing.image' });
  const t = (id: MessageId) => intl.formatMessage({ id });
  return (
    <dialog
      ref={ref}
      className="lightbox"
      aria-label={t('inbox.lightbox.label')}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="lightbox__bar">
        <span className="lightbox__count" aria-live="polite">
          {index >= 0
            ? intl.formatMessage({ id: 'inbox.lightbox.position' }, { index: index + 1, total: media.length })
            : ''}
        </span>
        <button
          type="button"
          className="lightbox__button"
          aria-label={t(zoomed ? 'inbox.lightbox.zoomOut' : 'inbox.lightbox.zoomIn')}
          title={t(zoomed ? 'inbox.lightbox.zoomOutKey' : 'inbox.lightbox.zoomInKey')}
          aria-pressed={zoomed}
          onClick={() => setZoomed(!zoomed)}
        >
          <InboxIcon name="search" size={20} />
        </button>
        {link && (
          <a
            className="lightbox__button"
            href={link.url}
            download={link.fileName ?? 'photo'}
            aria-label={t('inbox.actions.download')}
            title={t('inbox.actions.download')}
          >
            <InboxIcon name="download" size={20} />
          </a>
        )}
        <button
          type="button"
          className="lightbox__button"
          aria-label={t('inbox.actions.forward')}
          title={t('inbox.actions.forward')}
          onClick={() => {
            close();
            useConversation.getState().setForwarding(shown);
          }}
        >
          <InboxIcon name="forward" size={20} />
        </button>
        <button
          type="button"
          className="lightbox__button"
          aria-label={t('inbox.lightbox.close')}
          title={t('inbox.lightbox.closeKey')}
          onClick={close}
        >
          <InboxIcon name="close" size={20} />
        </button>
      </div>
      <div className={`lightbox__stage${zoomed ? ' lightbox__stage--zoomed' : ''}`}>
        <button
          type="button"
          className="lightbox__nav lightbox__nav--prev"
          aria-label={t('inbox.lightbox.previous')}
          title={t('inbox.lightbox.previousKey')}
          disabled={index <= 0}
          onClick={() => go(-1)}
        >
          <InboxIcon name="back" size={24} />
        </button>
        {link ? (
          <img src={link.url} alt={label} onClick={() => setZoomed(!zoomed)} />
        ) : (
          <p className="muted">{error ?? t('inbox.loading')}</p>
        )}
        <button
          type="button"
          className="lightbox__nav lightbox__nav--next"
          aria-label={t('inbox.lightbox.next')}
          title={t('inbox.lightbox.nextKey')}
          disabled={index < 0 || index >= media.length - 1}
          onClick={() => go(1)}
        >
          <InboxIcon name="next" size={24} />
        </button>
      </div>
      {shown.text && (
        <p className="lightbox__caption" dir="auto">
          {shown.text}
        </p>
      )}
    </dialog>
  );
}
