import { useEffect, useMemo, useRef, useState } from 'react';
import { InboxIcon } from './InboxIcon';
import { formatBytes } from './logic/format';
import { fileProblem, sendKindFor } from './logic/media-kind';

/**
 * The files about to be sent: a preview of each, why one cannot be sent, and a caption.
 * Enter or Send sends them all; Esc or Cancel drops them.
 */
export function AttachmentPreview({
  files,
  onSend,
  onCancel,
}: {
  files: File[];
  onSend: (caption: string) => void;
  onCancel: () => void;
}) {
  const [caption, setCaption] = useState('');
  const captionRef = useRef<HTMLInputElement>(null);
  const previews = useMemo(
    () => files.map((file) => (sendKindFor(file.type) === 'image' ? URL.createObjectURL(file) : null)),
    [files],
  );
  useEffect(() => () => previews.forEach((url) => url && URL.revokeObjectURL(url)), [previews]);
  useEffect(() => captionRef.current?.focus(), []);
  const problems = files.map((file) => fileProblem(file));
  const blocked = problems.some(Boolean);

  return (
    <div
      className="attachments"
      role="dialog"
      aria-label="Send files"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <ul className="attachments__list">
        {files.map((file, index) => (
          <li key={`${file.name}-${index}`} className="attachments__item">
            {previews[index] ? (
              <img src={previews[index] ?? ''} alt={`Preview of ${file.name}`} />
            ) : (
              <span className="attachments__icon">
                <InboxIcon name="document" size={32} />
              </span>
            )}
            <span className="attachments__name" title={file.name}>
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
        <input
          ref={captionRef}
          className="attachments__caption"
          aria-label="Caption"
          placeholder="Add a caption…"
          dir="auto"
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
        />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={blocked}>
          <InboxIcon name="send" size={18} />
          Send {files.length > 1 ? `${files.length} files` : ''}
        </button>
      </form>
    </div>
  );
}
