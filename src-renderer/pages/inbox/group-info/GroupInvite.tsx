import { useEffect, useState } from 'react';
import type { Chat } from '../../../../src-shared/messages';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { ActionFeedback } from './ActionFeedback';

/**
 * The invite link (admins only): shown on request with its QR code, copied, or revoked for a new
 * one. A link reset elsewhere (another admin's phone, another agent) arrives as `group.updated`;
 * the panel reloads and `known` brings the new link, which replaces the one shown.
 */
export function GroupInvite({ chat, known }: { chat: Chat; known: string | null }) {
  const t = useT();
  const transport = useTransport();
  // The link once known (asked for before, or announced by WhatsApp) shows at once.
  const [url, setUrl] = useState<string | null>(known);
  useEffect(() => {
    if (known) setUrl(known);
  }, [known]);
  const qr = useQrCode(url);
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
          <a href={url} target="_blank" rel="noreferrer" dir="ltr" data-testid="group-invite-url">
            {url}
          </a>
          {qr && (
            <img
              className="group-invite__qr"
              src={qr}
              alt={t('groupinfo.invite.qr')}
              data-link={url}
              width={168}
              height={168}
            />
          )}
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

/** The link as a QR code (a PNG data URL) for a phone's camera; null until drawn. */
function useQrCode(url: string | null): string | null {
  const [image, setImage] = useState<{ url: string; dataUrl: string } | null>(null);
  useEffect(() => {
    if (!url) return;
    let current = true;
    // Loaded when a link is shown, not with the inbox: most sign-ins never draw one (issue #23 target 7).
    import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toDataURL(url, { margin: 1, width: 336, errorCorrectionLevel: 'M' }),
      )
      .then(
        (dataUrl) => current && setImage({ url, dataUrl }),
        () => current && setImage(null),
      );
    return () => {
      current = false;
    };
  }, [url]);
  // A QR drawn for an older link is never shown beside the new one.
  return image && image.url === url ? image.dataUrl : null;
}
