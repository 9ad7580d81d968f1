import { useIntl } from 'react-intl';
import type { MessageStatus } from '../../../src-shared/messages';
import { InboxIcon } from './InboxIcon';
import { TICK_LABEL, tickState, type TickState } from '../../model/inbox/ticks';

const SINGLE = 'M1.5 8.5 5 12l8-9';
const DOUBLE = 'M1 8.5 4.5 12l8-9M7.5 11l1 1 8-9';

/** WhatsApp's marks: clock (pending), one tick (sent), two (delivered), two blue (read). */
export function Ticks({ fromMe, status }: { fromMe: boolean; status: MessageStatus | null }) {
  const state = tickState({ fromMe, status });
  if (!state) return null;
  return <TickMark state={state} />;
}

export function TickMark({ state }: { state: TickState }) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: TICK_LABEL[state] });
  if (state === 'pending' || state === 'failed') {
    return (
      <span className={`ticks ticks--${state}`} role="img" aria-label={label} title={label}>
        <InboxIcon name={state === 'pending' ? 'clock' : 'alert'} size={14} />
      </span>
    );
  }
  return (
    <span className={`ticks ticks--${state}`} role="img" aria-label={label} title={label}>
      <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
        <path d={state === 'sent' ? SINGLE : DOUBLE} fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </span>
  );
}
