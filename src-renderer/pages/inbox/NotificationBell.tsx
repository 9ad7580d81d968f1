import { useIntl } from 'react-intl';
import { useNotifications } from '../../stores/notifications';
import { InboxIcon } from './InboxIcon';

/** Turns on desktop notifications (the browser asks only after a click). */
export function NotificationBell() {
  const intl = useIntl();
  const permission = useNotifications((state) => state.permission);
  const request = useNotifications((state) => state.request);
  if (permission === 'unsupported') return null;
  const label = intl.formatMessage({
    id:
      permission === 'granted'
        ? 'inbox.notifications.on'
        : permission === 'denied'
          ? 'inbox.notifications.blocked'
          : 'inbox.notifications.turnOn',
  });
  return (
    <button
      type="button"
      className="inbox-btn"
      aria-label={label}
      title={label}
      aria-pressed={permission === 'granted'}
      disabled={permission !== 'default'}
      onClick={() => void request()}
    >
      <InboxIcon name={permission === 'granted' ? 'bell' : 'bellOff'} />
    </button>
  );
}
