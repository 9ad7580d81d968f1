import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import type { MessageId } from '../../../i18n/messages/en';

const LABELS: Record<string, MessageId> = {
  image: 'kinds.viewOnce.image',
  video: 'kinds.viewOnce.video',
  audio: 'kinds.viewOnce.audio',
};

/** The view-once marker: WhatsApp shows the media on the phone only, so this says where to look. */
export function ViewOnceView({ message }: { message: Pick<Message, 'content'> }) {
  const intl = useIntl();
  const label = LABELS[String(message.content?.mediaKind)] ?? 'kinds.viewOnce.unknown';
  return (
    <div className="view-once">
      <span className="view-once__icon" aria-hidden="true">
        ①
      </span>
      <span className="view-once__text">
        <strong>{intl.formatMessage({ id: label })}</strong>
        <span className="muted">{intl.formatMessage({ id: 'kinds.viewOnce.hint' })}</span>
      </span>
    </div>
  );
}
