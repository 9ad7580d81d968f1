import { FormattedMessage, useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { automationPartName } from '../../model/automation/part-name';
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
  const intl = useIntl();
  const t = useT();
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
      setError(t('automation.test.empty'));
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
      <h2 id="automation-test-title">{t('automation.test.title')}</h2>
      <p className="muted">{t('automation.test.intro', { dirty: dirty ? 'yes' : 'no' })}</p>
      <form
        className="stack"
        onSubmit={(event) => void run(event)}
        noValidate
        aria-label={t('automation.test.form')}
      >
        <div className="field">
          <label className="field__label" htmlFor="automation-test-text">
            {t('automation.test.text')}
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
            {t('automation.test.at')}
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
          <span>{t('automation.test.first')}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={inMenu} onChange={(event) => setInMenu(event.target.checked)} />
          <span>{t('automation.test.inMenu')}</span>
        </label>
        <div>
          <button type="submit" className="button button--primary" disabled={running}>
            {running ? t('automation.test.running') : t('automation.test.run')}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {result && (
        <div className="automation-result" role="status" aria-label={t('automation.test.result')}>
          <p>{result.openNow ? t('automation.test.open') : t('automation.test.closed')}</p>
          {result.skippedReason === 'automation_off' && <p className="muted">{t('automation.test.off')}</p>}
          {result.replies.length === 0 ? (
            <p>{t('automation.test.nothing')}</p>
          ) : (
            <ol className="automation-result__replies">
              {result.replies.map((reply, index) => (
                <li key={index}>
                  <span className="automation-result__rule">
                    <FormattedMessage
                      id="automation.test.rule"
                      values={{ rule: <bdi>{automationPartName(reply.rule, intl, reply.kind)}</bdi> }}
                    />
                  </span>
                  <p className="automation-result__text" dir="auto">
                    {reply.text}
                  </p>
                </li>
              ))}
            </ol>
          )}
          {result.actions.addTag && <p>{t('automation.test.addsTag')}</p>}
          {result.actions.stop && <p>{t('automation.test.stops')}</p>}
          {result.actions.handover && <p>{t('automation.test.handover')}</p>}
        </div>
      )}
    </section>
  );
}
