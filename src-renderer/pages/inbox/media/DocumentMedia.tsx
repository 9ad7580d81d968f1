import type { Message } from '../../../../src-shared/messages';
import { InboxIcon } from '../InboxIcon';
import { formatBytes } from '../../../model/inbox/format';
import { useMediaLink } from './useMediaLink';

function extension(fileName: string | null, mimetype: string): string {
  const fromName = fileName?.match(/\.([A-Za-z0-9]{1,6})$/)?.[1];
  return (fromName ?? mimetype.split('/')[1] ?? 'file').toUpperCase();
}

/** A file: name, type and size, with a download link. */
export function DocumentMedia({ message }: { message: Message }) {
  const { link, error } = useMediaLink(message);
  const media = message.media;
  if (!media) return null;
  const name = media.fileName ?? 'Document';
  return (
    <div className="media-document">
      <InboxIcon name="document" size={30} />
      <div className="media-document__info">
        <span className="media-document__name" dir="auto">
          {name}
        </span>
        <span className="muted">
          {extension(media.fileName, media.mimetype)}
          {media.size !== null && ` · ${formatBytes(media.size)}`}
        </span>
        {error && <span className="form-error">Not available: {error}</span>}
      </div>
      {link && (
        <a
          className="inbox-btn"
          href={link.url}
          download={name}
          aria-label={`Download ${name}`}
          title="Download"
        >
          <InboxIcon name="download" />
        </a>
      )}
    </div>
  );
}
