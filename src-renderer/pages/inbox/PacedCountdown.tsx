import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';

/** Whole seconds left until `sendAt` (never below zero). */
export function secondsUntil(sendAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(sendAt) - now) / 1000));
}

/**
 * "sending in 3 s" on a human-paced group send still waiting its pause (issue #26 point 5). It
 * counts down once a second; at zero it says "sending…" until `message.sent` replaces the bubble.
 */
export function PacedCountdown({ sendAt }: { sendAt: string }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  const seconds = secondsUntil(sendAt, now);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [now, seconds]);
  return (
    <span className="msg-bubble__paced" title={t('pacing.bubble.why')}>
      {seconds > 0 ? t('pacing.bubble.sendingIn', { seconds }) : t('pacing.bubble.sendingNow')}
    </span>
  );
}
