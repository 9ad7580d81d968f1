import { useState, type ClipboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { useConversation } from '../../stores/conversation';
import { AttachmentsMode } from './composer/AttachmentsMode';
import { ComposerTools } from './composer/ComposerTools';
import { SendOrRecord } from './composer/SendOrRecord';
import { useMessageText } from './composer/useMessageText';
import { useStable } from './use-stable';
import { ComposerBanner } from './ComposerBanner';
import { ForeignReplyNotice } from './assignment/ForeignReplyNotice';
import { filesOf } from './files';

/**
 * The message box: Enter sends, Shift+Enter starts a new line; emoji, files (picker, paste, or
 * dropped on the conversation), voice notes, replies and edits. The pieces live in `composer/`:
 * the text and its sending (useMessageText), the attached files (AttachmentsMode), the buttons
 * before the box (ComposerTools) and after it (SendOrRecord).
 */
export function Composer({
  session,
  jid,
  files,
  onFiles,
  authorOf,
  autoFocus,
}: {
  session: string;
  jid: string;
  files: File[];
  onFiles: (files: File[]) => void;
  authorOf: (message: Message) => string;
  /** Focus the message box when the chat opens (not when it was opened from the keyboard). */
  autoFocus: boolean;
}) {
  const intl = useIntl();
  const text = useMessageText({ session, jid, autoFocus });
  const { replyTo, editing } = text;
  /** The caption the attachment preview starts with (a saved reply's text). */
  const [captionSeed, setCaptionSeed] = useState('');

  const onPaste = (event: ClipboardEvent) => {
    const pasted = filesOf(event.clipboardData);
    if (pasted.length === 0) return;
    event.preventDefault();
    onFiles([...files, ...pasted]);
  };

  /** A saved reply's media: to the preview, with the message box's text as its caption. */
  const attach = useStable((file: File, caption: string) => {
    text.setText('');
    setCaptionSeed(caption);
    onFiles([...files, file]);
  });
  // Stable, so the memoised tools do not re-render on each keystroke.
  const insert = useStable(text.insert);
  const pickFiles = useStable((picked: File[]) => onFiles([...files, ...picked]));

  if (files.length > 0) {
    return (
      <AttachmentsMode
        jid={jid}
        files={files}
        captionSeed={captionSeed}
        onDone={() => {
          onFiles([]);
          setCaptionSeed('');
        }}
        onSent={() => text.inputRef.current?.focus()}
        onCancel={(caption) => {
          onFiles([]);
          setCaptionSeed('');
          // A caption typed (or brought by a saved reply) is not lost: it goes back to the message box.
          if (caption.trim() && !text.text.trim()) text.setText(caption);
        }}
      />
    );
  }

  return (
    <div className="composer">
      <ForeignReplyNotice onConfirm={() => void text.send(true)} />
      {replyTo && (
        <ComposerBanner
          mode="reply"
          message={replyTo}
          author={authorOf(replyTo)}
          onCancel={() => useConversation.getState().setReplyTo(null)}
        />
      )}
      {editing && (
        <ComposerBanner
          mode="edit"
          message={editing}
          author={intl.formatMessage({ id: 'inbox-composer.you' })}
          onCancel={text.cancelEdit}
        />
      )}
      <div className="composer__row">
        <ComposerTools
          session={session}
          jid={jid}
          editing={editing !== null}
          insert={insert}
          attach={attach}
          onPickFiles={pickFiles}
        />
        <textarea
          ref={text.inputRef}
          className="composer__input"
          rows={1}
          dir="auto"
          aria-label={intl.formatMessage({ id: 'inbox-composer.message' })}
          placeholder={intl.formatMessage({ id: 'inbox-composer.placeholder' })}
          value={text.text}
          onChange={(event) => text.onChange(event.target.value)}
          onKeyDown={text.onKeyDown}
          onPaste={onPaste}
          onFocus={text.onFocus}
          onBlur={text.onBlur}
        />
        <SendOrRecord
          jid={jid}
          hasText={text.text.trim() !== ''}
          editing={editing !== null}
          onSend={() => void text.send()}
        />
      </div>
    </div>
  );
}
