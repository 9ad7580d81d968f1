import { useState, type FormEvent } from 'react';
import type { AutomationTestResult } from '../../../src-shared/contract/automation';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** Local `YYYY-MM-DDTHH:MM` for a datetime-local input. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A pretend customer: type a message, choose when it is written, and see which rule fires and
 * exactly what would be sent. Uses the saved settings; nothing is sent.
 */
export function TestPanel({ session, dirty }: { session: string; dirty: boolean }) {
  const transport = useTransport();
  const [text, setText] = useState('');
  const [at, setAt] = useState(() => localInputValue(new Date()));
  const [firstMessage, setFirstMessage] = useState(true);
  const [inMenu, setInMenu] = useState(false);
  const [result, setResult] = useState<AutomationTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Type what the customer writes.');
      return;
    }
    setRunning(true);
    setError(null);
    try {
      const when = new Date(at);
      setResult(
        await transport.call('automation.test', {
          session,
          input: {
            text,
            ...(Number.isNaN(when.getTime()) ? {} : { at: when.toISOString() }),
            firstMessage,
            menuPath: inMenu ? [] : null,
          },
        }),
      );
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="automation-test-title">
      <h2 id="automation-test-title">Test</h2>
      <p className="muted">
        Nothing is sent. Uses the saved settings{dirty ? ' (save first to test your changes)' : ''}.
      </p>
      <form className="stack" onSubmit={(event) => void run(event)} noValidate aria-label="Test automation">
        <div className="field">
          <label className="field__label" htmlFor="automation-test-text">
            Customer writes
          </label>
          <textarea
            id="automation-test-text"
            rows={2}
            dir="auto"
            value={text}
            aria-invalid={error && !text.trim() ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="automation-test-at">
            At (your local time)
          </label>
          <input
            id="automation-test-at"
            type="datetime-local"
            value={at}
            onChange={(event) => setAt(event.target.value)}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={firstMessage}
            onChange={(event) => setFirstMessage(event.target.checked)}
          />
          <span>Their first message ever</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={inMenu} onChange={(event) => setInMenu(event.target.checked)} />
          <span>They are at the top of the menu</span>
        </label>
        <div>
          <button type="submit" className="button button--primary" disabled={running}>
            {running ? 'Testing…' : 'Test'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {result && (
        <div className="automation-result" role="status" aria-label="Test result">
          <p>{result.openNow ? 'Open at that time.' : 'Closed at that time.'}</p>
          {result.skipped && <p className="muted">{result.skipped}</p>}
          {result.replies.length === 0 ? (
            <p>No rule fires: nothing would be sent.</p>
          ) : (
            <ol className="automation-result__replies">
              {result.replies.map((reply, index) => (
                <li key={index}>
                  <span className="automation-result__rule">Automation: {reply.rule}</span>
                  <p className="automation-result__text" dir="auto">
                    {reply.text}
                  </p>
                </li>
              ))}
            </ol>
          )}
          {result.actions.addTag && <p>Adds a tag to the chat.</p>}
          {result.actions.stop && <p>Stops automation in this chat.</p>}
          {result.actions.handover && <p>Hands the chat over to a person.</p>}
        </div>
      )}
    </section>
  );
}
