import { useState } from 'react';
import type { Chat } from '../../../../src-shared/messages';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { ActionFeedback } from './ActionFeedback';

/** The invite link (admins only): shown on request, copied, or revoked for a new one. */
export function GroupInvite({ chat, known }: { chat: Chat; known: string | null }) {
  const t = useT();
  const transport = useTransport();
  // The link once known (asked for before, or announced by WhatsApp) shows at once.
  const [url, setUrl] = useState<string | null>(known);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = { session: chat.session, chat: chat.jid };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="contact-panel__section" aria-label={t('groupinfo.invite.title')}>
      <h3 className="group-info__heading">{t('groupinfo.invite.title')}</h3>
      {url ? (
        <p className="group-invite__url">
          <a href={url} target="_blank" rel="noreferrer" dir="ltr">
            {url}
          </a>
        </p>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void run(async () => setUrl((await transport.call('groupInfo.invite', ref)).url))}
        >
          {t('groupinfo.invite.show')}
        </button>
      )}
      {url && (
        <div className="group-info__buttons">
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void run(async () => {
                await navigator.clipboard.writeText(url);
                setNotice(t('groupinfo.invite.copied'));
              })
            }
          >
            {t('groupinfo.invite.copy')}
          </button>
          <ConfirmButton
            label={t('groupinfo.invite.revoke')}
            question={t('groupinfo.invite.revokeQuestion')}
            confirmLabel={t('groupinfo.invite.revokeConfirm')}
            disabled={busy}
            onConfirm={() =>
              run(async () => {
                setUrl((await transport.call('groupInfo.revokeInvite', ref)).url);
                setNotice(t('groupinfo.invite.revoked'));
              })
            }
          />
        </div>
      )}
      <ActionFeedback notice={notice} error={error} />
    </section>
  );
}
