import '../../../styles/group-join.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ChannelPreview } from '../../../../src-shared/contract/channels';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { useSessions } from '../../../stores/sessions';
import { describeError } from '../../../transport/rpc-error';
import { sessionLabel } from '../new-chat/check-number';
import { chatPath } from '../paths';

/**
 * Follow a channel by pasting its link: the channel is shown first (name, description,
 * followers, whether the number follows or owns it already), then followed, and its chat opens
 * (read-only: only the owner posts). Problems show beside the link. Looks like joining a group
 * by link (group-join.css), which it mirrors.
 */
export function FollowChannelDialog({
  initialSession,
  onClose,
}: {
  initialSession?: string | null;
  onClose: () => void;
}) {
  const t = useT();
  const transport = useTransport();
  const navigate = useNavigate();
  const sessions = useSessions((state) => state.sessions);
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [link, setLink] = useState('');
  const [sessionId, setSessionId] = useState(
    () => initialSession ?? sessions.find((s) => s.status === 'connected')?.id ?? sessions[0]?.id ?? '',
  );
  const [preview, setPreview] = useState<ChannelPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const look = (event: FormEvent) => {
    event.preventDefault();
    if (!link.trim()) {
      setError(t('channels.follow.linkRequired'));
      return;
    }
    void run(async () => setPreview(await transport.call('channels.preview', { session: sessionId, link })));
  };

  const follow = (found: ChannelPreview) =>
    run(async () => {
      if (found.role === 'guest') await transport.call('channels.follow', { session: sessionId, link });
      onClose();
      void navigate(chatPath(sessionId, found.jid));
    });

  return (
    <dialog
      ref={ref}
      className="inbox-dialog new-chat join-group follow-channel"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={look} noValidate>
        <h2 id={`${ids}-title`}>{t('channels.follow.title')}</h2>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-link`}>
            {t('channels.follow.linkLabel')}
          </label>
          <input
            id={`${ids}-link`}
            type="url"
            dir="ltr"
            autoComplete="off"
            autoFocus
            placeholder="https://whatsapp.com/channel/…"
            value={link}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ''}`}
            onChange={(event) => {
              setLink(event.target.value);
              setError(null);
              setPreview(null);
            }}
          />
          <p id={`${ids}-hint`} className="field__hint">
            {t('channels.follow.linkHint')}
          </p>
          {error && (
            <p id={`${ids}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        {sessions.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-session`}>
              {t('channels.follow.number')}
            </label>
            <select
              id={`${ids}-session`}
              value={sessionId}
              onChange={(event) => {
                setSessionId(event.target.value);
                setPreview(null);
              }}
            >
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {sessionLabel(s)}
                </option>
              ))}
            </select>
          </div>
        )}
        {preview && (
          <section className="join-group__preview" aria-label={t('channels.follow.previewTitle')}>
            <h3>{preview.name}</h3>
            {preview.description && <p className="join-group__description">{preview.description}</p>}
            {preview.followers !== null && (
              <p className="muted">{t('channels.follow.followers', { count: preview.followers })}</p>
            )}
            {preview.role === 'owner' && <p role="status">{t('channels.follow.owner')}</p>}
            {preview.role === 'follower' && <p role="status">{t('channels.follow.following')}</p>}
          </section>
        )}
        <div className="row inbox-dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('channels.follow.cancel')}
          </button>
          {preview ? (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void follow(preview)}
            >
              {t(preview.role === 'guest' ? 'channels.follow.follow' : 'channels.follow.openChat')}
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={busy}>
              {t(busy ? 'channels.follow.looking' : 'channels.follow.preview')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
