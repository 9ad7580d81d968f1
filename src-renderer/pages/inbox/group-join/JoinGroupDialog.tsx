import '../../../styles/group-join.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { GroupInvitePreview } from '../../../../src-shared/contract/group-admin';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { useSessions } from '../../../stores/sessions';
import { describeError } from '../../../transport/rpc-error';
import { sessionLabel } from '../new-chat/check-number';
import { chatPath } from '../paths';

type Stage =
  | { kind: 'link' }
  | { kind: 'preview'; preview: GroupInvitePreview }
  | { kind: 'requested'; subject: string };

/**
 * Join a group by pasting its invite link: the group is shown first (name, description, size,
 * whether admins approve newcomers), then joined, and its chat opens. Where admins approve,
 * the request is sent and the dialog says so. Problems show beside the link.
 */
export function JoinGroupDialog({
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
  const [stage, setStage] = useState<Stage>({ kind: 'link' });
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

  const previewLink = (event: FormEvent) => {
    event.preventDefault();
    if (!link.trim()) {
      setError(t('groupjoin.join.linkRequired'));
      return;
    }
    void run(async () => {
      const preview = await transport.call('groups.invitePreview', { session: sessionId, link });
      setStage({ kind: 'preview', preview });
    });
  };

  const join = (preview: GroupInvitePreview) =>
    run(async () => {
      if (preview.member) {
        onClose();
        void navigate(chatPath(sessionId, preview.jid));
        return;
      }
      const result = await transport.call('groups.join', { session: sessionId, link });
      if (result.status === 'requested') {
        setStage({ kind: 'requested', subject: preview.subject });
        return;
      }
      onClose();
      void navigate(chatPath(sessionId, result.group?.jid ?? preview.jid));
    });

  const preview = stage.kind === 'preview' ? stage.preview : null;
  return (
    <dialog
      ref={ref}
      className="inbox-dialog new-chat join-group"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={previewLink} noValidate>
        <h2 id={`${ids}-title`}>{t('groupjoin.join.title')}</h2>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-link`}>
            {t('groupjoin.join.linkLabel')}
          </label>
          <input
            id={`${ids}-link`}
            type="url"
            dir="ltr"
            autoComplete="off"
            autoFocus
            placeholder="https://chat.whatsapp.com/…"
            value={link}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ''}`}
            onChange={(event) => {
              setLink(event.target.value);
              setError(null);
              setStage({ kind: 'link' });
            }}
          />
          <p id={`${ids}-hint`} className="field__hint">
            {t('groupjoin.join.linkHint')}
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
              {t('groupjoin.join.number')}
            </label>
            <select
              id={`${ids}-session`}
              value={sessionId}
              onChange={(event) => {
                setSessionId(event.target.value);
                setStage({ kind: 'link' });
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
          <section className="join-group__preview" aria-label={t('groupjoin.join.previewTitle')}>
            <h3>{preview.subject}</h3>
            {preview.description && <p className="join-group__description">{preview.description}</p>}
            <p className="muted">{t('groupjoin.join.members', { count: preview.participantCount })}</p>
            {preview.member && <p role="status">{t('groupjoin.join.alreadyMember')}</p>}
            {!preview.member && preview.joinApproval && <p>{t('groupjoin.join.approvalNeeded')}</p>}
          </section>
        )}
        {stage.kind === 'requested' && (
          <p className="group-info__feedback" role="status">
            {t('groupjoin.join.requested', { subject: stage.subject })}
          </p>
        )}
        <div className="row inbox-dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t(stage.kind === 'requested' ? 'groupjoin.join.close' : 'groupjoin.join.cancel')}
          </button>
          {stage.kind === 'link' && (
            <button type="submit" className="button button--primary" disabled={busy}>
              {t(busy ? 'groupjoin.join.looking' : 'groupjoin.join.preview')}
            </button>
          )}
          {preview && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void join(preview)}
            >
              {t(
                preview.member
                  ? 'groupjoin.join.open'
                  : preview.joinApproval
                    ? 'groupjoin.join.ask'
                    : 'groupjoin.join.join',
              )}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
