import { messagePreview, type Message } from '../../../src-shared/messages';
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
  return (
    <div className="composer__banner" role="status">
      <div className="composer__banner-text">
        <strong>{mode === 'reply' ? `Replying to ${author}` : 'Editing message'}</strong>
        <span dir="auto">{messagePreview(message)}</span>
      </div>
      <button
        type="button"
        className="inbox-btn"
        aria-label={mode === 'reply' ? 'Cancel reply' : 'Cancel editing'}
        onClick={onCancel}
      >
        <InboxIcon name="close" />
      </button>
    </div>
  );
}
