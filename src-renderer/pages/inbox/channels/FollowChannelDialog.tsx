import '../../../styles/group-join.css';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ChannelPreview } from '../../../../src-shared/contract/channels';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { LinkField } from '../dialog-parts/LinkField';
import { ModalForm } from '../dialog-parts/ModalForm';
import { SessionField, useDialogSession } from '../dialog-parts/SessionField';
import { useBusyRun } from '../dialog-parts/use-busy-run';
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
  const ids = useId();
  const [link, setLink] = useState('');
  const [sessionId, setSessionId] = useDialogSession(initialSession);
  const [preview, setPreview] = useState<ChannelPreview | null>(null);
  const { busy, error, setError, run } = useBusyRun();

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
    <ModalForm
      ids={ids}
      className="join-group follow-channel"
      title={t('channels.follow.title')}
      onSubmit={look}
      onClose={onClose}
    >
      <LinkField
        ids={ids}
        label={t('channels.follow.linkLabel')}
        hint={t('channels.follow.linkHint')}
        placeholder="https://whatsapp.com/channel/…"
        value={link}
        error={error}
        onChange={(changed) => {
          setLink(changed);
          setError(null);
          setPreview(null);
        }}
      />
      <SessionField
        ids={ids}
        label={t('channels.follow.number')}
        value={sessionId}
        onChange={(changed) => {
          setSessionId(changed);
          setPreview(null);
        }}
      />
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
    </ModalForm>
  );
}
