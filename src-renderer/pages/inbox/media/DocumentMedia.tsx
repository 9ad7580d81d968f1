import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { formatBytes } from '../../../i18n/format';
import { InboxIcon } from '../InboxIcon';
import { useMediaLink } from './useMediaLink';

function extension(fileName: string | null, mimetype: string): string {
  const fromName = fileName?.match(/\.([A-Za-z0-9]{1,6})$/)?.[1];
  return (fromName ?? mimetype.split('/')[1] ?? 'file').toUpperCase();
}

/** A file: name, type and size, with a download link. */
export function DocumentMedia({ message }: { message: Message }) {
  const intl = useIntl();
  const { link, error } = useMediaLink(message);
  const media = message.media;
  if (!media) return null;
  const name = media.fileName ?? intl.formatMessage({ id: 'inbox.media.document' });
  return (
    <div className="media-document">
      <InboxIcon name="document" size={30} />
      <div className="media-document__info">
        <span className="media-document__name" dir="auto">
          {name}
        </span>
        <span className="muted">
          {media.size !== null
            ? intl.formatMessage(
                { id: 'inbox.media.documentInfo' },
                { type: extension(media.fileName, media.mimetype), size: formatBytes(media.size, intl) },
              )
            : extension(media.fileName, media.mimetype)}
        </span>
        {error && (
          <span className="form-error">
            {intl.formatMessage({ id: 'inbox.media.documentUnavailable' }, { error })}
          </span>
        )}
      </div>
      {link && (
        <a
          className="inbox-btn"
          href={link.url}
          download={name}
          aria-label={intl.formatMessage({ id: 'inbox.media.downloadFile' }, { name })}
          title={intl.formatMessage({ id: 'inbox.actions.download' })}
        >
          <InboxIcon name="download" />
        </a>
      )}
    </div>
  );
}
