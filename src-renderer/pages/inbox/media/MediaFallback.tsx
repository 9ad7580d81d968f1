import { useIntl } from 'react-intl';
import { InboxIcon, type InboxIconName } from '../InboxIcon';

/** The kind of file, which picks the words (each language names them in its own grammar). */
export type MediaKind = 'photo' | 'sticker' | 'video' | 'audio' | 'voice';

/** What a media bubble shows while its link loads, or when the file is not available. */
export function MediaFallback({
  icon,
  kind,
  error,
}: {
  icon: InboxIconName;
  kind: MediaKind;
  error: string | null;
}) {
  const intl = useIntl();
  return (
    <div className="media-fallback" role={error ? 'note' : 'status'}>
      <InboxIcon name={icon} size={28} />
      <span>
        {error
          ? intl.formatMessage({ id: 'inbox.media.unavailable' }, { kind, error })
          : intl.formatMessage({ id: 'inbox.media.loading' }, { kind })}
      </span>
    </div>
  );
}
