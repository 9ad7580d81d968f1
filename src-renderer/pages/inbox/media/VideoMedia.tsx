import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { boxSize } from './ImageMedia';
import { MediaFallback } from './MediaFallback';
import { useMediaLink } from './useMediaLink';

export function VideoMedia({ message }: { message: Message }) {
  const intl = useIntl();
  const { link, error } = useMediaLink(message);
  const box = boxSize(message.media?.width ?? null, message.media?.height ?? null, 320, 320);
  if (!link) {
    return (
      <div className="media-box" style={box}>
        <MediaFallback icon="image" kind="video" error={error} />
      </div>
    );
  }
  return (
    <video
      className="media-video"
      src={link.url}
      controls
      preload="metadata"
      style={box}
      aria-label={message.text || intl.formatMessage({ id: 'inbox.outgoing.video' })}
    />
  );
}
