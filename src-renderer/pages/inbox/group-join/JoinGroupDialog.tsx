import '../../../styles/group-join.css';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { GroupInvitePreview } from '../../../../src-shared/contract/group-admin';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { LinkField } from '../dialog-parts/LinkField';
import { ModalForm } from '../dialog-parts/ModalForm';
import { SessionField, useDialogSession } from '../dialog-parts/SessionField';
import { useBusyRun } from '../dialog-parts/use-busy-run';
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
  const ids = useId();
  const [link, setLink] = useState('');
  const [sessionId, setSessionId] = useDialogSession(initialSession);
  const [stage, setStage] = useState<Stage>({ kind: 'link' });
  const { busy, error, setError, run } = useBusyRun();

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
    <ModalForm
      ids={ids}
      className="join-group"
      title={t('groupjoin.join.title')}
      onSubmit={previewLink}
      onClose={onClose}
    >
      <LinkField
        ids={ids}
        label={t('groupjoin.join.linkLabel')}
        hint={t('groupjoin.join.linkHint')}
        placeholder="https://chat.whatsapp.com/…"
        value={link}
        error={error}
        onChange={(changed) => {
          setLink(changed);
          setError(null);
          setStage({ kind: 'link' });
        }}
      />
      <SessionField
        ids={ids}
        label={t('groupjoin.join.number')}
        value={sessionId}
        onChange={(changed) => {
          setSessionId(changed);
          setStage({ kind: 'link' });
        }}
      />
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
    </ModalForm>
  );
}
