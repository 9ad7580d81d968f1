import { useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { actorText } from '../../model/staff/actor-text';
import { sentByLabel } from '../../model/staff/sent-by';

/**
 * Who sent an outgoing message, small and quiet in the bubble's meta line: the person, "API:
 * crm", "Campaign: Hanukkah", "Schedule", "Automation: …" or "Phone". Nothing on received
 * messages, nor where the bubble already names the automation rule.
 */
export function SentBy({
  message,
  automationRule,
}: {
  message: Message;
  /** The automation rule that sent it, which the bubble reads once for both (useAutomationRule). */
  automationRule: string | undefined;
}) {
  const intl = useIntl();
  const label = sentByLabel(message);
  if (!label || (automationRule && label.kind !== 'person')) return null;
  const text = actorText(label, intl);
  return (
    // `dir="auto"` isolates the name as a <bdi> would (HTML's own style for [dir]), without a second
    // element in each of our bubbles (issue #23 target 7).
    <span
      className="msg-bubble__actor"
      dir="auto"
      data-testid="sent-by"
      title={intl.formatMessage({ id: 'staff.sentBy.title' }, { name: text })}
    >
      {text}
    </span>
  );
}
