import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { isGroupJid } from '../../../../src-shared/jid';
import { useBlocklist, useIsBlocked } from '../../../stores/blocklist';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { useSideCallsReady } from '../side-calls';
import '../../../styles/inbox-parity.css';

/**
 * Whether the open chat's contact is blocked by its number (the list is read once per number,
 * then kept by events). A blocked chat shows `BlockedBanner` instead of the composer. The list is
 * read once `ready` (the pane's first page has painted: side-calls.ts).
 */
export function useBlockedChat(session: string, jid: string, paneReady?: boolean): boolean {
  const transport = useTransport();
  // The pane itself passes its own gate (it sits outside its provider); its children read it.
  const inPane = useSideCallsReady();
  const ready = paneReady ?? inPane;
  useEffect(() => {
    if (ready && !isGroupJid(jid)) void useBlocklist.getState().load(transport, session);
  }, [transport, session, jid, ready]);
  return useIsBlocked(session, jid);
}

/** "You blocked this contact" with Unblock, where the composer would be (WhatsApp does the same). */
export function BlockedBanner({ session, jid }: { session: string; jid: string }) {
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unblock = async () => {
    setBusy(true);
    setError(null);
    try {
      await useBlocklist.getState().set(transport, session, jid, false);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="composer composer--readonly blocked-banner" role="status">
      <span>
        <FormattedMessage id="inbox-parity.blocked.banner" />
      </span>
      <button type="button" className="link-button" disabled={busy} onClick={() => void unblock()}>
        <FormattedMessage id={busy ? 'inbox-parity.blocked.unblocking' : 'inbox-parity.blocked.unblock'} />
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
