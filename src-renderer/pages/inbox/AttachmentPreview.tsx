import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { useEffect, useMemo, useRef, useState } from 'react';
import { InboxIcon } from './InboxIcon';
import { formatBytes } from '../../model/inbox/format';
import { fileProblem, sendKindFor } from '../../model/inbox/media-kind';

/**
 * The files about to be sent: a preview of each, why one cannot be sent, and a caption.
 * Enter or Send sends them all (Shift+Enter starts a new caption line); Esc or Cancel drops them.
 */
export function AttachmentPreview({
  files,
  initialCaption = '',
  onSend,
  onCancel,
}: {
  files: File[];
  /** The caption to start with, e.g. a saved reply's text. */
  initialCaption?: string;
  onSend: (caption: string) => void;
  /** Called with the caption as it was, so it need not be lost. */
  onCancel: (caption: string) => void;
}) {
  const intl = useIntl();
  const t = useT();
  const [caption, setCaption] = useState(initialCaption);
  const captionRef = useRef<HTMLTextAreaElement>(null);
  const previews = useMemo(
    () => files.map((file) => (sendKindFor(file.type) === 'image' ? URL.createObjectURL(file) : null)),
    [files],
  );
  useEffect(() => () => previews.forEach((url) => url && URL.revokeObjectURL(url)), [previews]);
  useEffect(() => {
    const input = captionRef.current;
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }, []);
  // Grow with the caption up to a limit (the CSS caps the height).
  useEffect(() => {
    const input = captionRef.current;
    if (!input) return;
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
  }, [caption]);
  const problems = files.map((file) => fileProblem(file, intl));
  const blocked = problems.some(Boolean);

  return (
    <div
      className="attachments"
      role="dialog"
      aria-label={t('composer.sendFiles')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel(caption);
        }
      }}
    >
      <ul className="attachments__list">
        {files.map((file, index) => (
          <li key={`${file.name}-${index}`} className="attachments__item">
            {previews[index] ? (
              <img src={previews[index] ?? ''} alt={t('composer.previewOf', { name: file.name })} />
            ) : (
              <span className="attachments__icon">
                <InboxIcon name="document" size={32} />
              </span>
            )}
            <span className="attachments__name" title={file.name} dir="auto">
              {file.name}
            </span>
            <span className="muted">{formatBytes(file.size)}</span>
            {problems[index] && (
              <span className="form-error" role="alert">
                {problems[index]}
              </span>
            )}
          </li>
        ))}
      </ul>
      <form
        className="attachments__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!blocked) onSend(caption);
        }}
      >
        <textarea
          ref={captionRef}
          className="attachments__caption"
          aria-label={t('composer.caption')}
          placeholder={t('composer.captionPlaceholder')}
          dir="auto"
          rows={1}
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="button" className="button button--secondary" onClick={() => onCancel(caption)}>
          {t('composer.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={blocked}>
          <InboxIcon name="send" size={18} />
          {t('composer.sendCount', { count: files.length })}
        </button>
      </form>
    </div>
  );
}
