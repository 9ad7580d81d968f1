import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { StatusContent } from '../../../../src-shared/contract/status';
import { STATUS_COLORS } from '../../../../src-shared/contract/constants/status';
import { newIdempotencyKey } from '../../../model/inbox/ids';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';

type Kind = 'text' | 'image' | 'video';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Posts a Status of the number: text on a colour, a photo or a video, to every contact or a
 * chosen list, now (`status.post`) or later (a schedule whose message is the Status).
 */
/** The kinds of Status one can post, with their labels (named in full so the catalogue check sees them). */
const KIND_LABELS = {
  text: 'status.kind.text',
  image: 'status.kind.image',
  video: 'status.kind.video',
} as const;

export function PostStatusForm({ session, onPosted }: { session: string; onPosted: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const [kind, setKind] = useState<Kind>('text');
  const [text, setText] = useState('');
  const [color, setColor] = useState<string>(STATUS_COLORS[0]);
  const [file, setFile] = useState<File | null>(null);
  // Bumped after a post so the file input is rebuilt empty (a file input cannot be cleared by value).
  const [fileInput, setFileInput] = useState(0);
  const [everyone, setEveryone] = useState(true);
  const [list, setList] = useState('');
  const [later, setLater] = useState(false);
  const [when, setWhen] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  // One key per post (or per scheduled post): posting the same draft again (after an error, such
  // as an answer lost with the connection) reuses it, so WhatsApp gets the post once; any change
  // to the draft or its time, or a post that went through, starts a new one.
  const [postKey, setPostKey] = useState(newIdempotencyKey);
  useEffect(() => {
    setPostKey(newIdempotencyKey());
  }, [kind, text, color, file, everyone, list, later, when]);

  const submit = async () => {
    setBusy(true);
    setNote(null);
    try {
      let status: StatusContent;
      if (kind === 'text') status = { type: 'text', text, backgroundColor: color };
      else {
        if (!file) throw new Error(intl.formatMessage({ id: 'status.post.fileMissing' }));
        const data = await readAsDataUrl(file);
        status = {
          type: kind,
          media: { data, mimetype: file.type || undefined },
          ...(text ? { caption: text } : {}),
        };
      }
      const audience = everyone
        ? ('contacts' as const)
        : list
            .split(/[\n,;]+/)
            .map((entry) => entry.trim())
            .filter(Boolean);
      if (later) {
        const sendAt = new Date(when);
        if (!when || Number.isNaN(sendAt.getTime()))
          throw new Error(intl.formatMessage({ id: 'status.post.whenMissing' }));
        await transport.call('schedules.create', {
          session,
          message: { type: 'status', status, audience },
          sendAt: sendAt.toISOString(),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          idempotencyKey: postKey,
        });
        setNote({ text: intl.formatMessage({ id: 'status.post.scheduled' }), error: false });
      } else {
        await transport.call('status.post', { session, status, audience, idempotencyKey: postKey });
        setNote({ text: intl.formatMessage({ id: 'status.post.done' }), error: false });
      }
      setText('');
      setFile(null);
      setFileInput((n) => n + 1);
      setPostKey(newIdempotencyKey());
      onPosted();
    } catch (caught) {
      setNote({ text: describeError(caught), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="status-post"
      aria-label={intl.formatMessage({ id: 'status.post.title' })}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>
        <FormattedMessage id="status.post.title" />
      </h2>
      <fieldset className="status-post__kinds">
        <legend>
          <FormattedMessage id="status.post.kind" />
        </legend>
        {(Object.keys(KIND_LABELS) as Array<keyof typeof KIND_LABELS>).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="status-kind"
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            <FormattedMessage id={KIND_LABELS[option]} />
          </label>
        ))}
      </fieldset>
      {kind === 'text' ? (
        <>
          <label>
            <FormattedMessage id="status.post.text" />
            <textarea
              value={text}
              maxLength={700}
              rows={3}
              required
              onChange={(event) => setText(event.target.value)}
              style={{ background: color, color: '#fff' }}
            />
          </label>
          <div
            className="status-post__colors"
            role="group"
            aria-label={intl.formatMessage({ id: 'status.post.color' })}
          >
            {STATUS_COLORS.map((option) => (
              <button
                key={option}
                type="button"
                className="status-post__color"
                style={{ background: option }}
                aria-pressed={color === option}
                aria-label={intl.formatMessage({ id: 'status.post.colorOption' }, { color: option })}
                onClick={() => setColor(option)}
              />
            ))}
          </div>
        </>
      ) : (
        <>
          <label>
            <FormattedMessage id={kind === 'image' ? 'status.post.photo' : 'status.post.video'} />
            <input
              key={fileInput}
              type="file"
              accept={kind === 'image' ? 'image/*' : 'video/*'}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <label>
            <FormattedMessage id="status.post.caption" />
            <input value={text} maxLength={4096} onChange={(event) => setText(event.target.value)} />
          </label>
        </>
      )}
      <fieldset>
        <legend>
          <FormattedMessage id="status.post.audience" />
        </legend>
        <label>
          <input type="radio" name="status-audience" checked={everyone} onChange={() => setEveryone(true)} />
          <FormattedMessage id="status.post.allContacts" />
        </label>
        <label>
          <input
            type="radio"
            name="status-audience"
            checked={!everyone}
            onChange={() => setEveryone(false)}
          />
          <FormattedMessage id="status.post.chosen" />
        </label>
        {!everyone && (
          <textarea
            aria-label={intl.formatMessage({ id: 'status.post.chosenList' })}
            placeholder={intl.formatMessage({ id: 'status.post.chosenList' })}
            value={list}
            rows={2}
            onChange={(event) => setList(event.target.value)}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>
          <FormattedMessage id="status.post.when" />
        </legend>
        <label>
          <input type="radio" name="status-when" checked={!later} onChange={() => setLater(false)} />
          <FormattedMessage id="status.post.now" />
        </label>
        <label>
          <input type="radio" name="status-when" checked={later} onChange={() => setLater(true)} />
          <FormattedMessage id="status.post.later" />
        </label>
        {later && (
          <input
            type="datetime-local"
            aria-label={intl.formatMessage({ id: 'status.post.at' })}
            value={when}
            required
            onChange={(event) => setWhen(event.target.value)}
          />
        )}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy}>
        <FormattedMessage id={later ? 'status.post.schedule' : 'status.post.submit'} />
      </button>
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'form-error' : 'muted'}>
          {note.text}
        </p>
      )}
    </form>
  );
}
