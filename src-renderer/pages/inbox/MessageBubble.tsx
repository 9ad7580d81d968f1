import { memo } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { hueOf, formatTime } from '../../model/inbox/format';
import { useMessageActions } from './use-message-actions';
import { isPlainText, MessageContent, messageText } from './MessageContent';
import { QuotedMessage } from './QuotedMessage';
import { Reactions } from './Reactions';
import { TickMark } from './Ticks';
import { PacedCountdown } from './PacedCountdown';
import { automationPartName } from '../../model/automation/part-name';
import { tickState } from '../../model/inbox/ticks';
import { SentBy } from '../../components/staff/SentBy';
import { StarMark } from './parity/StarIcon';

/**
 * One message: sender (in groups), quote, content, reactions, time, edited mark and ticks.
 *
 * A wheel step through a long chat mounts about ten of these (issue #23 target 7), most of them
 * text alone, so each part is mounted only when the message has it and a plain text is written
 * here rather than by MessageContent: a received text bubble is the bubble and its elements, no
 * component of its own inside (MessageBubble.test.tsx).
 */
export const MessageBubble = memo(function MessageBubble({
  message,
  showSender,
  highlighted,
  query,
  authorOf,
  automationRule,
}: {
  message: Message;
  showSender: boolean;
  highlighted: boolean;
  query: string | null;
  authorOf: (message: Message) => string;
  /** The automation rule that sent it: the list reads its chat's rules once for all its bubbles. */
  automationRule: string | undefined;
}) {
  const intl = useIntl();
  const author = authorOf(message);
  const time = formatTime(message.timestamp, intl.locale);
  const ticks = tickState(message);
  const actions = useMessageActions(message, intl);
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
      {isPlainText(message) ? (
        messageText(message.text, highlighted ? query : null)
      ) : (
        <MessageContent message={message} query={highlighted ? query : null} />
      )}
      {message.reactions.length > 0 && <Reactions reactions={message.reactions} />}
      <div className="msg-bubble__meta">
        {message.fromMe && <SentBy message={message} automationRule={automationRule} />}
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
        {ticks && <TickMark state={ticks} />}
      </div>
      {actions.button}
      {actions.menu}
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
