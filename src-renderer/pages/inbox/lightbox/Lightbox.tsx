import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useConversation } from '../../../stores/conversation';
import { InboxIcon } from '../InboxIcon';
import { useMediaLink } from '../media/useMediaLink';
import { useLightbox, viewableMedia } from './lightbox-state';

/**
 * The photo viewer: full size in a modal dialog, zoom (click the photo or Z), previous / next
 * through the conversation's loaded photos (← →, or the buttons), download, forward; Esc closes.
 */
export function Lightbox() {
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
  const label = shown.text || 'Photo';
  return (
    <dialog
      ref={ref}
      className="lightbox"
      aria-label="Photo viewer"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="lightbox__bar">
        <span className="lightbox__count" aria-live="polite">
          {index >= 0 ? `${index + 1} of ${media.length}` : ''}
        </span>
        <button
          type="button"
          className="lightbox__button"
          aria-label={zoomed ? 'Zoom out' : 'Zoom in'}
          title={zoomed ? 'Zoom out (Z)' : 'Zoom in (Z)'}
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
            aria-label="Download"
            title="Download"
          >
            <InboxIcon name="download" size={20} />
          </a>
        )}
        <button
          type="button"
          className="lightbox__button"
          aria-label="Forward"
          title="Forward"
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
          aria-label="Close"
          title="Close (Esc)"
          onClick={close}
        >
          <InboxIcon name="close" size={20} />
        </button>
      </div>
      <div className={`lightbox__stage${zoomed ? ' lightbox__stage--zoomed' : ''}`}>
        <button
          type="button"
          className="lightbox__nav lightbox__nav--prev"
          aria-label="Previous photo"
          title="Previous (←)"
          disabled={index <= 0}
          onClick={() => go(-1)}
        >
          <InboxIcon name="back" size={24} />
        </button>
        {link ? (
          <img src={link.url} alt={label} onClick={() => setZoomed(!zoomed)} />
        ) : (
          <p className="muted">{error ?? 'Loading…'}</p>
        )}
        <button
          type="button"
          className="lightbox__nav lightbox__nav--next"
          aria-label="Next photo"
          title="Next (→)"
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
