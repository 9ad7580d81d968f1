import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  CONVERSATION_EXPORT_FORMATS,
  type ConversationExportFormat,
} from '../../../src-shared/contract/constants/exports';
import type { Chat } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { InboxIcon } from './InboxIcon';
import type { MessageId } from '../../i18n/messages/en';
import '../../styles/export.css';

const FORMAT_LABELS: Record<ConversationExportFormat, MessageId> = {
  whatsapp: 'inbox.export.formatWhatsApp',
  html: 'inbox.export.formatHtml',
  json: 'inbox.export.formatJson',
};

/** "Export chat…": format and an optional date range, then the file downloads. */
export function ExportChatButton({ chat }: { chat: Chat }) {
  const intl = useIntl();
  const transport = useTransport();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ConversationExportFormat>('whatsapp');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const file = await transport.call('exports.chat', {
        session: chat.session,
        chat: chat.jid,
        format,
        timeZone,
        // Whole local days: from the start of `from` to the end of `to`.
        ...(from ? { from: new Date(`${from}T00:00:00`).getTime() } : {}),
        ...(to ? { to: new Date(`${to}T23:59:59.999`).getTime() } : {}),
      });
      download(file.fileName, file.contentType, file.base64);
      setOpen(false);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="inbox-btn"
        aria-label={intl.formatMessage({ id: 'inbox.export.open' })}
        title={intl.formatMessage({ id: 'inbox.export.open' })}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <InboxIcon name="download" />
      </button>
      {open && (
        <form
          className="export-chat"
          role="dialog"
          aria-label={intl.formatMessage({ id: 'inbox.export.label' })}
          onSubmit={(event) => void run(event)}
        >
          <label className="field">
            <span className="field__label">
              <FormattedMessage id="inbox.export.format" />
            </span>
            <select value={format} onChange={(e) => setFormat(e.target.value as ConversationExportFormat)}>
              {CONVERSATION_EXPORT_FORMATS.map((value) => (
                <option key={value} value={value}>
                  {intl.formatMessage({ id: FORMAT_LABELS[value] })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">
              <FormattedMessage id="inbox.export.from" />
            </span>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">
              <FormattedMessage id="inbox.export.to" />
            </span>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          {error && <p className="form-error">{error}</p>}
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              <FormattedMessage id="inbox.export.submit" />
            </button>{' '}
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              <FormattedMessage id="inbox.outgoing.cancel" />
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function download(fileName: string, contentType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
