import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { Chat } from '../../../src-shared/messages';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';
import { useInbox } from '../../stores/inbox';
import { describeError } from '../../transport/rpc-error';
import { formatPhone } from '../../model/inbox/format';

/**
 * A person's data on every number, for data-subject requests: download everything stored about
 * them, or forget them (after a confirmation: it cannot be undone). Only for 1:1 chats with a
 * phone number; needs the admin scope (the core refuses others, and says so here).
 */
export function ContactDataActions({ chat }: { chat: Chat }) {
  const intl = useIntl();
  const transport = useTransport();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (chat.kind !== 'user' || !chat.phone) return null;
  const phone = chat.phone;
  const shown = formatPhone(phone) ?? phone;

  const exportAll = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await transport.call('contactData.export', { phone });
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    setError(null);
    try {
      await transport.call('contactData.forget', { phone });
      navigate('/inbox');
      await useInbox.getState().load(transport);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <section className="contact-panel__section" aria-label={intl.formatMessage({ id: 'inbox.data.title' })}>
      <h3>
        <FormattedMessage id="inbox.data.title" />
      </h3>
      <p className="muted">
        <FormattedMessage id="inbox.data.intro" values={{ phone: <bdi>{shown}</bdi> }} />
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void exportAll()}
      >
        <FormattedMessage id="inbox.data.export" />
      </button>
      <ConfirmButton
        label={intl.formatMessage({ id: 'inbox.data.forget' })}
        question={<FormattedMessage id="inbox.data.forgetQuestion" values={{ phone: <bdi>{shown}</bdi> }} />}
        confirmLabel={intl.formatMessage({ id: 'inbox.data.forgetConfirm' })}
        onConfirm={forget}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
