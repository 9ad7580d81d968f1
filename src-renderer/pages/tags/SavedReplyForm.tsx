import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PLACEHOLDERS, type SavedReply, type SavedReplyMedia } from '../../../src-shared/contract/organize';
import { describeError } from '../../transport/rpc-error';
import { FormActions } from '../../components/FormActions';
import { MEDIA_TYPE_TEXT } from './media-types';

export interface SavedReplyDraft {
  shortcut: string;
  title: string;
  text: string;
  media: SavedReplyMedia | null;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MEDIA_TYPES = ['image', 'video', 'document', 'audio'] as const;

function mediaTypeOf(mimetype: string): SavedReplyMedia['type'] {
  if (mimetype.startsWith('image/')) return 'image';
  if (mimetype.startsWith('video/')) return 'video';
  if (mimetype.startsWith('audio/')) return 'audio';
  return 'document';
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Could not read “${file.name}”`));
    reader.readAsDataURL(file);
  });
}

/** Create or edit a saved reply: shortcut, title, text with placeholders, optional media. */
export function SavedReplyForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: SavedReply | null;
  onSubmit: (draft: SavedReplyDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const [shortcut, setShortcut] = useState(initial?.shortcut ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  const [media, setMedia] = useState<SavedReplyMedia | null>(initial?.media ?? null);
  const [mediaUrl, setMediaUrl] = useState('');
  const [urlType, setUrlType] = useState<SavedReplyMedia['type']>('image');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const insertPlaceholder = (name: string) => {
    const textarea = textRef.current;
    const at = textarea?.selectionStart ?? text.length;
    const end = textarea?.selectionEnd ?? at;
    const token = `[${name}]`;
    setText(text.slice(0, at) + token + text.slice(end));
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(intl.formatMessage({ id: 'tags.replyForm.fileTooLarge' }, { name: file.name }));
      return;
    }
    const type = mediaTypeOf(file.type);
    setMedia({
      type,
      data: await readAsDataUrl(file),
      mimetype: file.type || undefined,
      fileName: file.name,
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const linked = mediaUrl.trim() ? ({ type: urlType, url: mediaUrl.trim() } as SavedReplyMedia) : null;
      await onSubmit({
        shortcut: shortcut.trim().toLowerCase(),
        title: title.trim(),
        text,
        media: linked ?? media,
      });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="integration-form card"
      aria-label={
        initial
          ? intl.formatMessage({ id: 'tags.replyForm.editLabel' }, { shortcut: initial.shortcut })
          : intl.formatMessage({ id: 'tags.replyForm.newLabel' })
      }
      onSubmit={(event) => void submit(event)}
    >
      <div className="reply-form__row">
        <label className="field">
          <span className="field__label">
            <FormattedMessage id="tags.replyForm.shortcut" />
          </span>
          <span className="reply-form__shortcut">
            /
            <input
              required
              value={shortcut}
              maxLength={32}
              pattern="[a-zA-Z0-9_\-]{1,32}"
              title={intl.formatMessage({ id: 'tags.replyForm.shortcutRule' })}
              placeholder={intl.formatMessage({ id: 'tags.replyForm.shortcutPlaceholder' })}
              onChange={(event) => setShortcut(event.target.value)}
            />
          </span>
        </label>
        <label className="field">
          <span className="field__label">
            <FormattedMessage id="tags.replyForm.title" />
          </span>
          <input
            value={title}
            maxLength={80}
            placeholder={intl.formatMessage({ id: 'tags.replyForm.titlePlaceholder' })}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
      </div>
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="tags.replyForm.text" />
        </span>
        <textarea
          ref={textRef}
          rows={4}
          value={text}
          placeholder={intl.formatMessage({ id: 'tags.replyForm.textPlaceholder' })}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <p className="muted reply-form__help">
        <FormattedMessage id="tags.replyForm.placeholdersIntro" />{' '}
        {PLACEHOLDERS.map((name) => (
          <button
            key={name}
            type="button"
            className="link-button reply-form__placeholder"
            onClick={() => insertPlaceholder(name)}
          >
            [{name}]
          </button>
        ))}{' '}
        <FormattedMessage id="tags.replyForm.placeholdersHelp" />
      </p>
      <fieldset className="choices">
        <legend className="field__label">
          <FormattedMessage id="tags.replyForm.media" />
        </legend>
        {media ? (
          <p>
            {intl.formatMessage({ id: MEDIA_TYPE_TEXT[media.type] })}:{' '}
            <bdi>
              {media.fileName ?? media.url ?? intl.formatMessage({ id: 'tags.replyForm.attachedFile' })}
            </bdi>{' '}
            <button type="button" className="link-button" onClick={() => setMedia(null)}>
              <FormattedMessage id="tags.replyForm.removeMedia" />
            </button>
          </p>
        ) : (
          <div className="reply-form__row">
            <label className="field">
              <span className="field__label">
                <FormattedMessage id="tags.replyForm.file" />
              </span>
              <input type="file" onChange={(event) => void pickFile(event.target.files?.[0])} />
            </label>
            <label className="field">
              <span className="field__label">
                <FormattedMessage id="tags.replyForm.link" />
              </span>
              <input
                type="url"
                value={mediaUrl}
                placeholder="https://example.com/menu.jpg"
                onChange={(event) => setMediaUrl(event.target.value)}
              />
            </label>
            {mediaUrl && (
              <label className="field">
                <span className="field__label">
                  <FormattedMessage id="tags.replyForm.type" />
                </span>
                <select
                  value={urlType}
                  onChange={(event) => setUrlType(event.target.value as SavedReplyMedia['type'])}
                >
                  {MEDIA_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {intl.formatMessage({ id: MEDIA_TYPE_TEXT[type] })}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
      </fieldset>
      <FormActions
        error={error}
        submitLabel={intl.formatMessage({ id: initial ? 'tags.replyForm.save' : 'tags.replyForm.create' })}
        disabled={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
