import { FormattedMessage, useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { localMessagePreview } from '../../i18n/message-preview';
import { InboxIcon } from './InboxIcon';

/** Above the message box: the message being replied to or edited, with a way out. */
export function ComposerBanner({
  mode,
  message,
  author,
  onCancel,
}: {
  mode: 'reply' | 'edit';
  message: Message;
  author: string;
  onCancel: () => void;
}) {
  const intl = useIntl();
  return (
    <div className="composer__banner" role="status">
      <div className="composer__banner-text">
        <strong>
          {mode === 'reply' ? (
            <FormattedMessage id="composer.replyingTo" values={{ name: <bdi>{author}</bdi> }} />
          ) : (
            <FormattedMessage id="composer.editing" />
          )}
        </strong>
        <span dir="auto">{localMessagePreview(message, intl)}</span>
      </div>
      <button
        type="button"
        className="inbox-btn"
        aria-label={intl.formatMessage({
          id: mode === 'reply' ? 'composer.cancelReply' : 'composer.cancelEdit',
        })}
        onClick={onCancel}
      >
        <InboxIcon name="close" />
      </button>
    </div>
  );
}
