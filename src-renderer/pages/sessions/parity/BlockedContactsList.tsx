import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { formatPhone } from '../../../model/inbox/format';
import { useBlocklist } from '../../../stores/blocklist';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';

/**
 * The contacts this number blocked (issue #19), here or on the phone, each with Unblock. Read
 * from WhatsApp when opened; kept current by `contact.blocked` / `contact.unblocked`.
 */
export function BlockedContactsList({ sessionId }: { sessionId: string }) {
  const transport = useTransport();
  const items = useBlocklist((state) => state.bySession[sessionId]);
  const loadError = useBlocklist((state) => state.errors[sessionId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ jid: string; text: string } | null>(null);

  useEffect(() => {
    void useBlocklist.getState().load(transport, sessionId, true);
  }, [transport, sessionId]);

  const unblock = async (jid: string) => {
    setBusy(jid);
    setError(null);
    try {
      await useBlocklist.getState().set(transport, sessionId, jid, false);
    } catch (caught) {
      setError({ jid, text: describeError(caught) });
    } finally {
      setBusy(null);
    }
  };

  if (loadError && !items) {
    return (
      <div role="alert">
        <p className="form-error">
          <FormattedMessage id="inbox-parity.blocklist.loadError" values={{ error: loadError }} />
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void useBlocklist.getState().load(transport, sessionId, true)}
        >
          <FormattedMessage id="inbox-parity.privacy.retry" />
        </button>
      </div>
    );
  }
  if (!items) {
    return (
      <p className="muted" role="status">
        <FormattedMessage id="inbox-parity.blocklist.loading" />
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="inbox-parity.blocklist.empty" />
      </p>
    );
  }
  return (
    <ul className="blocklist">
      {items.map((contact) => {
        const phone = formatPhone(contact.phone);
        return (
          <li key={contact.jid} className="blocklist__item">
            <span className="blocklist__who">
              <bdi>{contact.name ?? phone ?? contact.jid}</bdi>
              {contact.name && phone && (
                <span className="muted">
                  {' '}
                  <bdi>{phone}</bdi>
                </span>
              )}
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy === contact.jid}
              onClick={() => void unblock(contact.jid)}
            >
              <FormattedMessage
                id={busy === contact.jid ? 'inbox-parity.blocked.unblocking' : 'inbox-parity.blocked.unblock'}
              />
            </button>
            {error?.jid === contact.jid && (
              <span className="form-error" role="alert">
                {error.text}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
