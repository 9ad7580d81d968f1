import { memo } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { hueOf, formatTime } from '../../model/inbox/format';
import { MessageActions } from './MessageActions';
import { MessageContent } from './MessageContent';
import { QuotedMessage } from './QuotedMessage';
import { Reactions } from './Reactions';
import { Ticks } from './Ticks';
import { PacedCountdown } from './PacedCountdown';
import { useAutomationRule } from '../../stores/automation-senders';
import { automationPartName } from '../../model/automation/part-name';
import { SentBy } from '../../components/staff/SentBy';
import { StarMark } from './parity/StarIcon';

/** One message: sender (in groups), quote, content, reactions, time, edited mark and ticks. */
export const MessageBubble = memo(function MessageBubble({
  message,
  showSender,
  highlighted,
  query,
  authorOf,
}: {
  message: Message;
  showSender: boolean;
  highlighted: boolean;
  query: string | null;
  authorOf: (message: Message) => string;
}) {
  const intl = useIntl();
  const author = authorOf(message);
  const automationRule = useAutomationRule(message.session, message.chat, message.id);
  const time = formatTime(message.timestamp, intl.locale);
  return (
    <article
      className={`msg-bubble msg-bubble--${message.fromMe ? 'out' : 'in'}${highlighted ? ' msg-bubble--highlight' : ''}${
        message.type === 'sticker' ? ' msg-bubble--sticker' : ''
      }`}
      aria-label={intl.formatMessage({ id: 'inbox.bubble.label' }, { author, time })}
      aria-current={highlighted ? 'true' : undefined}
      data-message-id={message.id}
    >
      {showSender && (
        <div
          className="msg-bubble__sender"
          style={{ ['--sender-hue' as string]: hueOf(message.sender ?? author) }}
        >
          {author}
        </div>
      )}
      {message.forwarded && !message.revoked && (
        <div className="msg-bubble__forwarded">
          <FormattedMessage id="inbox.bubble.forwarded" />
        </div>
      )}
      {message.quotedId && !message.revoked && <QuotedMessage message={message} authorOf={authorOf} />}
      <MessageContent message={message} query={highlighted ? query : null} />
      <Reactions reactions={message.reactions} />
      <div className="msg-bubble__meta">
        <SentBy message={message} automationRule={automationRule} />
        {automationRule && message.fromMe && (
          <span className="msg-bubble__actor">
            <FormattedMessage
              id="inbox.bubble.automation"
              values={{ rule: <bdi>{automationPartName(automationRule, intl)}</bdi> }}
            />
          </span>
        )}
        {message.edited && !message.revoked && (
          <span className="msg-bubble__edited">
            <FormattedMessage id="inbox.bubble.edited" />
          </span>
        )}
        {message.starred && <StarMark />}
        <time
          dateTime={message.timestamp}
          onPointerEnter={(event) => fullDateOnHover(event.currentTarget, message.timestamp, intl)}
        >
          {time}
        </time>
        {message.status === 'pending' && message.sendAt && <PacedCountdown sendAt={message.sendAt} />}
        <Ticks fromMe={message.fromMe} status={message.status} />
      </div>
      <MessageActions message={message} />
    </article>
  );
});

/**
 * The time's full date as its tooltip, formatted when the pointer first reaches it rather than for
 * every bubble rendered: each wheel step through a long chat mounts about ten bubbles, and few of
 * them are ever hovered (issue #23 target 7).
 */
function fullDateOnHover(element: HTMLElement, timestamp: string, intl: IntlShape) {
  if (!element.title) element.title = intl.formatDate(timestamp, { dateStyle: 'medium', timeStyle: 'short' });
}
