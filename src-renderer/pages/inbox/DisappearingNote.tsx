import { useIntl, type IntlShape } from 'react-intl';
import type { Chat } from '../../../src-shared/messages';

const DAY = 86_400;

/** "7 days", "24 hours" (as WhatsApp says it): whole days above one day, else hours. */
export function timerDuration(intl: IntlShape, seconds: number): string {
  return seconds > DAY && seconds % DAY === 0
    ? intl.formatMessage({ id: 'kinds.ephemeral.days' }, { count: seconds / DAY })
    : intl.formatMessage({ id: 'kinds.ephemeral.hours' }, { count: Math.round(seconds / 3600) });
}

/** Under the chat's name: "Messages disappear after 7 days", when the chat has a timer. */
export function DisappearingNote({ chat }: { chat: Chat }) {
  const intl = useIntl();
  if (!chat.ephemeralSeconds) return null;
  return (
    <span className="muted disappearing-note" data-testid="disappearing-note">
      ⏱{' '}
      {intl.formatMessage(
        { id: 'kinds.ephemeral.on' },
        { duration: timerDuration(intl, chat.ephemeralSeconds) },
      )}
    </span>
  );
}
