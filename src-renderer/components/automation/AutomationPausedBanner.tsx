import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AutomationChatState } from '../../../src-shared/contract/automation';
import { useAutomationSenders } from '../../stores/automation-senders';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { useSideCallsReady } from '../../pages/inbox/side-calls';
import '../../styles/automation.css';

/**
 * "Automation paused until … · Resume" above the composer, while automation stays quiet in this
 * chat because a person replied, the menu handed the chat over, or a rule stopped the bot.
 * Re-read when a message is sent or received in the chat (a staff reply starts a pause). It also
 * loads which messages automation sent, for their "Automation: <rule>" label.
 */
export function AutomationPausedBanner({ session, jid }: { session: string; jid: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const [state, setState] = useState<AutomationChatState | null>(null);
  const [error, setError] = useState<string | null>(null);
  // In the conversation pane: not before the chat's first page has painted (side-calls.ts).
  const ready = useSideCallsReady();

  const read = useCallback(() => {
    transport.call('automation.chatState', { session, chat: jid }).then(setState, () => setState(null));
  }, [transport, session, jid]);

  useEffect(() => {
    setState(null);
    setError(null);
    if (!ready) return;
    read();
    void useAutomationSenders.getState().load(transport, session, jid);
    return transport.subscribe((event) => {
      if (event.session !== session) return;
      if (event.type === 'automation.replied' && event.data.chat === jid)
        useAutomationSenders.getState().add(session, jid, event.data.messageId, event.data.rule);
      if ((event.type === 'message.sent' || event.type === 'message.received') && event.data.chat === jid)
        read();
    });
  }, [transport, session, jid, read, ready]);

  if (!state || (!state.pausedUntil && !state.stopped)) return null;
  const until = state.pausedUntil
    ? intl.formatDate(state.pausedUntil, { weekday: 'short', hour: 'numeric', minute: '2-digit' })
    : '';
  const why = state.stopped
    ? intl.formatMessage({ id: 'organize.automation.stopped' })
    : intl.formatMessage(
        { id: 'organize.automation.paused' },
        { until, handover: state.pauseReason === 'handover' ? 'yes' : 'no' },
      );
  const resume = async () => {
    try {
      setState(await transport.call('automation.resume', { session, chat: jid }));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };
  return (
    <div className="banner banner--warning automation-paused" role="status">
      <span>{why}</span>
      <span aria-hidden="true">·</span>
      <button type="button" className="link-button" onClick={() => void resume()}>
        <FormattedMessage id="organize.automation.resume" />
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
