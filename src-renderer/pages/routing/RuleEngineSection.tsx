import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { RULE_ENGINE_EVENTS } from '../../../src-shared/contract/routing';
import { Field } from '../../components/people/Field';
import type { MessageId } from '../../i18n/messages/en';
import { useTransport } from '../../stores/connection';
import { errorAt, ruleError, type RuleError } from './draft';
import { TRIGGER_LABEL } from './labels';
import { RefSelect } from './RefSelect';
import type { RoutingRefs } from './use-routing-refs';

type EngineEvent = (typeof RULE_ENGINE_EVENTS)[number];

/** Per number: the webhook asked first, its timeout, and which events it is sent. */
export function RuleEngineSection({ refs }: { refs: RoutingRefs }) {
  const intl = useIntl();
  const transport = useTransport();
  const [session, setSession] = useState(refs.sessions[0]?.id ?? '');
  const [webhookId, setWebhookId] = useState('');
  const [timeoutMs, setTimeoutMs] = useState('5000');
  const [events, setEvents] = useState<EngineEvent[]>(['conversation']);
  const [error, setError] = useState<RuleError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!session && refs.sessions[0]) setSession(refs.sessions[0].id);
  }, [refs.sessions, session]);
  useEffect(() => {
    if (!session) return;
    let live = true;
    transport
      .call('routing.ruleEngine', { session })
      .then((config) => {
        if (!live) return;
        setWebhookId(config.webhookId ?? '');
        setTimeoutMs(String(config.timeoutMs));
        setEvents(config.events);
      })
      .catch((caught: unknown) => live && setError(ruleError(caught)));
    return () => {
      live = false;
    };
  }, [transport, session]);

  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      await transport.call('routing.setRuleEngine', {
        session,
        webhookId: webhookId || null,
        timeoutMs: Number(timeoutMs),
        events,
      });
      setSaved(true);
    } catch (caught) {
      setError(ruleError(caught));
    }
  };
  const t = (id: MessageId) => intl.formatMessage({ id });
  return (
    <section className="card" aria-labelledby="routing-engine-title">
      <h2 id="routing-engine-title">
        <FormattedMessage id="routing.engine.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="routing.engine.intro" />
      </p>
      {refs.sessions.length === 0 ? (
        <p className="muted">{t('routing.engine.noNumbers')}</p>
      ) : (
        <form
          className="routing-engine"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="routing-pair">
            <RefSelect
              label={t('routing.engine.number')}
              value={session}
              options={refs.sessions}
              error={errorAt(error, 'session')}
              onChange={setSession}
            />
            <RefSelect
              label={t('routing.engine.webhook')}
              value={webhookId}
              options={[{ id: '', name: t('routing.engine.none') }, ...refs.webhooks]}
              error={errorAt(error, 'webhookId')}
              onChange={setWebhookId}
            />
            <Field label={t('routing.engine.timeout')} error={errorAt(error, 'timeoutMs')}>
              {(props) => (
                <input
                  {...props}
                  name="timeoutMs"
                  type="number"
                  min={500}
                  max={30000}
                  step={500}
                  value={timeoutMs}
                  onChange={(event) => setTimeoutMs(event.target.value)}
                />
              )}
            </Field>
          </div>
          {refs.webhooks.length === 0 && <p className="muted">{t('routing.engine.noWebhooks')}</p>}
          <fieldset className="routing-group">
            <legend>{t('routing.engine.events')}</legend>
            {RULE_ENGINE_EVENTS.map((event) => (
              <label key={event} className="row">
                <input
                  type="checkbox"
                  checked={events.includes(event)}
                  onChange={(e) =>
                    setEvents(e.target.checked ? [...events, event] : events.filter((x) => x !== event))
                  }
                />
                {t(TRIGGER_LABEL[event])}
              </label>
            ))}
            {errorAt(error, 'events') && (
              <span className="field__error form-error" role="alert">
                {errorAt(error, 'events')}
              </span>
            )}
          </fieldset>
          {error && !['session', 'webhookId', 'timeoutMs', 'events'].includes(error.field ?? '') && (
            <p className="form-error" role="alert">
              {error.text}
            </p>
          )}
          <div className="row">
            <button type="submit" className="button button--primary">
              <FormattedMessage id="routing.save" />
            </button>
            {saved && (
              <span className="muted" role="status">
                <FormattedMessage id="routing.saved" />
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
