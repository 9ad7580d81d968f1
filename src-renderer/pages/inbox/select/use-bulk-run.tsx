import { useState } from 'react';
import { useChatSelection } from '../../../stores/chat-selection';
import { describeError } from '../../../transport/rpc-error';

/** How a bulk action words its result: all done, or stopped part-way with the reason. */
export interface BulkTexts {
  done: (count: number) => string;
  partial: (done: number, reason: string) => string;
}

/**
 * Select mode's bulk actions (mark read, archive, assign, resolve) run the same way: one at a
 * time, the buttons disabled meanwhile, "N chats archived" when all went through (the
 * selection is then cleared), and how far it got with the reason when one failed.
 */
export function useBulkRun() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** `work` calls `count(n)` for what it finished, so a failure can say how far it got. */
  const run = async (work: (count: (n: number) => void) => Promise<void>, texts: BulkTexts) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    let done = 0;
    try {
      await work((n) => {
        done += n;
      });
      setMessage(texts.done(done));
      useChatSelection.getState().clear();
    } catch (caught) {
      setError(texts.partial(done, describeError(caught)));
    } finally {
      setBusy(false);
    }
  };

  const outcome = (
    <>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );

  return { busy, run, showError: setError, outcome };
}
