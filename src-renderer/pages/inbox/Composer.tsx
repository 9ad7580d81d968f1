import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { Message } from '../../../src-shared/messages';
import { drafts } from '../../model/drafts';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';
import { AttachmentPreview } from './AttachmentPreview';
import { ComposerBanner } from './ComposerBanner';
import { EmojiPicker } from './EmojiPicker';
import { filesOf, readAsDataUrl } from './files';
import { InboxIcon } from './InboxIcon';
import { sendKindFor, mediaMessage } from '../../model/inbox/media-kind';
import { edit } from './message-actions';
import { ComposerSavedRepliesSlot } from './organize-slots';
import { recordingMimetype, VoiceRecorder, type Recording } from './VoiceRecorder';

const TYPING_EVERY_MS = 4000;
const voiceMimetype = recordingMimetype();
/**
 * The message box: Enter sends, Shift+Enter starts a new line; emoji, files (picker, paste, or
 * dropped on the conversation), voice notes, replies and edits.
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
  const transport = useTransport();
  const replyTo = useConversation((state) => state.replyTo);
  const editing = useConversation((state) => state.editing);
  const draftKey = `${session}|${jid}`;
  const [text, setTextState] = useState(() => drafts.get(draftKey) ?? '');
  const setText = (value: string) => {
    setTextState(value);
    if (value) drafts.set(draftKey, value);
    else drafts.delete(draftKey);
  };
  const [emojiOpen, setEmojiOpen] = useState(false);
  /** The caption the attachment preview starts with (a saved reply's text). */
  const [captionSeed, setCaptionSeed] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const lastTyping = useRef(0);
  const store = useConversation.getState;

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
    // Only when the chat opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (editing) setTextState(editing.text ?? '');
    if (editing || replyTo) inputRef.current?.focus();
  }, [editing, replyTo]);

  // Grow with the text up to a limit (the CSS caps the height).
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
  }, [text]);

  const presence = (state: 'composing' | 'paused') => {
    void transport.call('chats.presence', { session, chat: jid, state }).catch(() => undefined);
  };

  const sendText = async () => {
    const body = text.trim();
    if (!body) return;
    if (editing) {
      setText('');
      store().setEditing(null);
      await edit(transport, editing, body);
      return;
    }
    setText('');
    const quote = replyTo?.id;
    store().setReplyTo(null);
    lastTyping.current = 0;
    presence('paused');
    await store().send(transport, {
      type: 'text',
      to: jid,
      text: body,
      ...(quote ? { replyTo: quote } : {}),
    });
  };

  const sendFiles = async (caption: string) => {
    const quote = replyTo?.id;
    const list = files;
    onFiles([]);
    setCaptionSeed('');
    store().setReplyTo(null);
    // The caption goes with the first file that can carry one; audio cannot, so with only audio
    // it is sent as a text first.
    const captioned = list.findIndex((file) => sendKindFor(file.type) !== 'audio');
    if (captioned === -1 && caption.trim()) {
      await store().send(transport, { type: 'text', to: jid, text: caption.trim() });
    }
    for (const [index, file] of list.entries()) {
      try {
        const dataUrl = await readAsDataUrl(file);
        const input = mediaMessage(
          jid,
          {
            dataUrl,
            mimetype: file.type || 'application/octet-stream',
            fileName: file.name,
            caption: index === captioned ? caption : undefined,
          },
          index === 0 ? quote : undefined,
        );
        const preview = sendKindFor(file.type) === 'image' ? URL.createObjectURL(file) : null;
        void store().send(transport, input, preview);
      } catch (error) {
        store().setNotice(error instanceof Error ? error.message : String(error));
      }
    }
    inputRef.current?.focus();
  };

  const sendRecording = async ({ blob, mimetype }: Recording) => {
    const dataUrl = await readAsDataUrl(blob);
    const extension = mimetype.startsWith('audio/ogg') ? 'ogg' : 'webm';
    await store().send(
      transport,
      mediaMessage(
        jid,
        { dataUrl, mimetype, fileName: `voice-note.${extension}`, voiceNote: true },
        replyTo?.id,
      ),
    );
    store().setReplyTo(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void sendText();
    } else if (event.key === 'Escape' && (replyTo || editing)) {
      event.stopPropagation();
      if (editing) setText('');
      store().setReplyTo(null);
      store().setEditing(null);
    }
  };

  const onPaste = (event: ClipboardEvent) => {
    const pasted = filesOf(event.clipboardData);
    if (pasted.length === 0) return;
    event.preventDefault();
    onFiles([...files, ...pasted]);
  };

  const onTyping = (value: string) => {
    setText(value);
    if (!editing && value && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = Date.now();
      presence('composing');
    }
  };

  const insert = (snippet: string) => {
    const input = inputRef.current;
    const start = input?.selectionStart ?? text.length;
    const end = input?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  /** A saved reply's media: to the preview, with the message box's text as its caption. */
  const attach = (file: File, caption: string) => {
    setText('');
    setCaptionSeed(caption);
    onFiles([...files, file]);
  };

  if (files.length > 0) {
    return (
      <AttachmentPreview
        files={files}
        initialCaption={captionSeed}
        onSend={(caption) => void sendFiles(caption)}
        onCancel={(caption) => {
          onFiles([]);
          setCaptionSeed('');
          // A caption typed (or brought by a saved reply) is not lost: it goes back to the message box.
          if (caption.trim() && !text.trim()) setText(caption);
        }}
      />
    );
  }

  return (
    <div className="composer">
      {replyTo && (
        <ComposerBanner
          mode="reply"
          message={replyTo}
          author={authorOf(replyTo)}
          onCancel={() => store().setReplyTo(null)}
        />
      )}
      {editing && (
        <ComposerBanner
          mode="edit"
          message={editing}
          author="You"
          onCancel={() => {
            setText('');
            store().setEditing(null);
          }}
        />
      )}
      <div className="composer__row">
        <div className="composer__emoji">
          <button
            type="button"
            className="inbox-btn"
            aria-label="Emoji"
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
        {!editing && (
          <>
            <button
              type="button"
              className="inbox-btn"
              aria-label="Attach files"
              onClick={() => fileRef.current?.click()}
            >
              <InboxIcon name="attach" />
            </button>
            <input
              ref={fileRef}
              type="file"
              multiple
              hidden
              aria-label="Files to send"
              onChange={(event) => {
                onFiles([...files, ...(event.target.files ? [...event.target.files] : [])]);
                event.target.value = '';
              }}
            />
          </>
        )}
        <textarea
          ref={inputRef}
          className="composer__input"
          rows={1}
          dir="auto"
          aria-label="Message"
          placeholder="Type a message"
          value={text}
          onChange={(event) => onTyping(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => lastTyping.current && presence('paused')}
        />
        {text.trim() || editing || !voiceMimetype ? (
          <button
            type="button"
            className="inbox-btn inbox-btn--accent"
            aria-label={editing ? 'Save edit' : 'Send'}
            disabled={!text.trim()}
            onClick={() => void sendText()}
          >
            <InboxIcon name="send" />
          </button>
        ) : (
          <VoiceRecorder
            mimetype={voiceMimetype}
            onRecorded={(recording) => void sendRecording(recording)}
            onError={(message) => store().setNotice(message)}
          />
        )}
      </div>
    </div>
  );
}
