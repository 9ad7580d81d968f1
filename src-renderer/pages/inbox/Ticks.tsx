import { useIntl } from 'react-intl';
import type { MessageStatus } from '../../../src-shared/messages';
import { InboxIcon } from './InboxIcon';
import { TICK_LABEL, tickState, type TickState } from '../../model/inbox/ticks';

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
  // The ticks are drawn by CSS (inbox.css, a mask in the span's colour), not an inline SVG: a
  // third of a chat's bubbles carry them, and an SVG and its path are two elements more to style,
  // lay out and paint for each of those rows on screen (issue #23 target 7).
  return <span className={`ticks ticks--mark ticks--${state}`} role="img" aria-label={label} title={label} />;
}
