import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { InboxIcon } from '../InboxIcon';
import { formatDuration } from '../../../model/inbox/format';
import { MediaFallback } from './MediaFallback';
import { useMediaLink } from './useMediaLink';

export function AudioMedia({ message }: { message: Message }) {
  const intl = useIntl();
  const { link, error } = useMediaLink(message);
  const voice = message.media?.voiceNote ?? false;
  const label = intl.formatMessage({ id: voice ? 'inbox.media.voice' : 'inbox.media.audio' });
  if (!link) return <MediaFallback icon="mic" kind={voice ? 'voice' : 'audio'} error={error} />;
  return (
    <div className="media-audio">
      <span className="media-audio__label">
        <InboxIcon name="mic" size={16} /> {label} {formatDuration(message.media?.seconds ?? null)}
      </span>
      <audio src={link.url} controls preload="none" aria-label={label} />
    </div>
  );
}
