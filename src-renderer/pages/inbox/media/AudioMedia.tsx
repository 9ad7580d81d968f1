import type { Message } from '../../../../src-shared/messages';
import { InboxIcon } from '../InboxIcon';
import { formatDuration } from '../../../model/inbox/format';
import { MediaFallback } from './MediaFallback';
import { useMediaLink } from './useMediaLink';

export function AudioMedia({ message }: { message: Message }) {
  const { link, error } = useMediaLink(message);
  const voice = message.media?.voiceNote ?? false;
  const label = voice ? 'Voice message' : 'Audio';
  if (!link) return <MediaFallback icon="mic" label={label} error={error} />;
  return (
    <div className="media-audio">
      <span className="media-audio__label">
        <InboxIcon name="mic" size={16} /> {label} {formatDuration(message.media?.seconds ?? null)}
      </span>
      <audio src={link.url} controls preload="none" aria-label={label} />
    </div>
  );
}
