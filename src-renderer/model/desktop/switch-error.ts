import type { ErrorCode } from '../../../src-shared/errors';

/** What the switcher says beside the PIN field when the core refuses a try. */
export type SwitchRefusal =
  | { id: 'desktop.switcher.wrongPin' | 'desktop.switcher.wrongPassword' | 'desktop.switcher.disabled' }
  | { id: 'desktop.switcher.tooMany'; seconds: number }
  | { id: 'desktop.switcher.failed' };

/**
 * The core's refusal (services/people/desktop-seat.ts) as the switcher's own sentence: a wrong
 * secret, a disabled person, or too many wrong tries with the seconds to wait (from "try again
 * in N s"). Anything else is the generic error text.
 */
export function switchRefusal(code: ErrorCode | string, message: string, hasPin: boolean): SwitchRefusal {
  switch (code) {
    case 'UNAUTHORIZED':
      return { id: hasPin ? 'desktop.switcher.wrongPin' : 'desktop.switcher.wrongPassword' };
    case 'FORBIDDEN':
      return { id: 'desktop.switcher.disabled' };
    case 'RATE_LIMITED': {
      const seconds = Number(/try again in (\d+) s/.exec(message)?.[1] ?? 60);
      return { id: 'desktop.switcher.tooMany', seconds };
    }
    default:
      return { id: 'desktop.switcher.failed' };
  }
}
