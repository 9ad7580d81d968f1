import { useState, type FormEvent } from 'react';
import type { Schedule } from '../../../src-shared/contract/schedule';
import type { SendMessageInput } from '../../../src-shared/send-schemas';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { browserZone, soon, toSendAt } from './when';
import { RepeatFields, repeatOf, WhenFields, type RepeatChoice } from './WhenFields';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A message as the composer has it, without the recipient (given separately). */
export type SendLaterDraft = DistributiveOmit<SendMessageInput, 'to'>;

/**
 * "Send later": picks a date and time (in the user's zone, showing the UTC it stores) and an
 * optional repetition, and schedules the draft. `onDone` gets the schedule, or null when the
 * user closed the dialog without scheduling.
 */
export function SendLaterDialog({
  session,
  to,
  message,
  onDone,
}: {
  session: string;
  to: string;
  message: SendLaterDraft;
  onDone: (schedule: Schedule | null) => void;
}) {
  const transport = useTransport();
  const [zone, setZone] = useState(browserZone);
  const [when, setWhen] = useState(() => soon(browserZone()));
  const [repeat, setRepeat] = useState<RepeatChoice>('none');
  const [expression, setExpression] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sendAt = toSendAt(when, zone);
    if (!sendAt) return setError('Pick a date and a time');
    setBusy(true);
    setError(null);
    try {
      const schedule = await transport.call('schedules.create', {
        session,
        message: { ...message, to } as SendMessageInput,
        sendAt: sendAt.iso,
        timeZone: zone,
        repeat: repeatOf(repeat, expression),
      });
      onDone(schedule);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="card dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Send later"
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => event.key === 'Escape' && onDone(null)}
      >
        <h2>Send later</h2>
        <p className="muted">
          To <strong>{to}</strong>
        </p>
        <WhenFields value={when} zone={zone} onChange={setWhen} onZoneChange={setZone} />
        <RepeatFields
          choice={repeat}
          expression={expression}
          onChange={(choice, text) => {
            setRepeat(choice);
            setExpression(text);
          }}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Scheduling…' : 'Schedule'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
