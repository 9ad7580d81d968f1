import { memo, useState } from 'react';
import { useIntl } from 'react-intl';
import { EmojiPicker } from '../emoji/EmojiPicker';
import { InboxIcon } from '../InboxIcon';
import { ComposerSavedRepliesSlot } from '../organize-slots';
import { AttachMenu } from '../share/AttachMenu';

/** The buttons before the message box: emoji, saved replies and (unless editing) the attach menu: files, a place, a contact card, a poll. */
export const ComposerTools = memo(function ComposerTools({
  session,
  jid,
  editing,
  insert,
  attach,
  onPickFiles,
}: {
  session: string;
  jid: string;
  /** An edit changes text only: no files. */
  editing: boolean;
  insert: (snippet: string) => void;
  /** A saved reply's media, with its caption. */
  attach: (file: File, caption: string) => void;
  onPickFiles: (files: File[]) => void;
}) {
  const intl = useIntl();
  const [emojiOpen, setEmojiOpen] = useState(false);
  return (
    <>
      <div className="composer__emoji">
        <button
          type="button"
          className="inbox-btn"
          aria-label={intl.formatMessage({ id: 'inbox-composer.emoji' })}
          aria-expanded={emojiOpen}
          onClick={() => setEmojiOpen(!emojiOpen)}
        >
          <InboxIcon name="emoji" />
        </button>
        {emojiOpen && (
          <EmojiPicker
            onPick={(emoji) => {
              insert(emoji);
              setEmojiOpen(false);
            }}
            onClose={() => setEmojiOpen(false)}
          />
        )}
      </div>
      <ComposerSavedRepliesSlot session={session} jid={jid} insert={insert} attach={attach} />
      {!editing && <AttachMenu session={session} jid={jid} onPickFiles={onPickFiles} />}
    </>
  );
});
