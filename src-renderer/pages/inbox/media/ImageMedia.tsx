import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { useLightbox } from '../lightbox/lightbox-state';
import { MediaFallback } from './MediaFallback';
import { useMediaLink } from './useMediaLink';

const MAX_WIDTH = 300;
const MAX_HEIGHT = 320;

/** A photo (or sticker), sized from its known dimensions so the list does not jump when it loads. */
export function ImageMedia({ message, sticker = false }: { message: Message; sticker?: boolean }) {
  const intl = useIntl();
  const { link, error } = useMediaLink(message);
  const media = message.media;
  const label = intl.formatMessage({ id: sticker ? 'inbox.media.sticker' : 'inbox.outgoing.image' });
  const box = boxSize(
    media?.width ?? null,
    media?.height ?? null,
    sticker ? 160 : MAX_WIDTH,
    sticker ? 160 : MAX_HEIGHT,
  );
  if (!link) {
    return (
      <div className="media-box" style={box}>
        <MediaFallback icon="image" kind={sticker ? 'sticker' : 'photo'} error={error} />
      </div>
    );
  }
  const image = (
    <img
      className={sticker ? 'media-sticker' : 'media-image'}
      src={link.url}
      alt={message.text || label}
      style={box}
      loading="lazy"
    />
  );
  if (sticker) return image;
  return (
    <button
      type="button"
      className="media-link"
      aria-label={intl.formatMessage({ id: 'inbox.media.openFull' })}
      onClick={() => useLightbox.getState().show(message)}
    >
      {image}
    </button>
  );
}

/** Fits width × height into the box keeping the aspect ratio; a square guess when unknown. */
export function boxSize(width: number | null, height: number | null, maxWidth: number, maxHeight: number) {
  if (!width || !height) return { width: Math.min(maxWidth, 240), height: Math.min(maxHeight, 240) };
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.max(48, Math.round(width * scale)), height: Math.max(48, Math.round(height * scale)) };
}
