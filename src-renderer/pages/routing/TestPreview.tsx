import { useState } from 'react';
import { useIntl } from 'react-intl';
import type {
  RoutingRuleInput,
  RoutingTestResult,
  RoutingTrigger,
} from '../../../src-shared/contract/routing';
import { ROUTING_TRIGGERS } from '../../../src-shared/contract/routing';
import { Field } from '../../components/people/Field';
import type { MessageId } from '../../i18n/messages/en';
import { useTransport } from '../../stores/connection';
import { errorAt, ruleError, type RuleError } from './draft';
import { TRIGGER_LABEL } from './labels';
import { ChoiceSelect, RefSelect } from './RefSelect';
import { summarize } from './summary';
import type { RoutingRefs } from './use-routing-refs';

/** "Test against a message": the server runs the rules (as drafted) on a pretend event; nothing happens. */
export function TestPreview({ rules, refs }: { rules: RoutingRuleInput[]; refs: RoutingRefs }) {
  const intl = useIntl();
  const t = (id: MessageId, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const transport = useTransport();
  const [session, setSession] = useState(refs.sessions[0]?.id ?? '');
  const [on, setOn] = useState<RoutingTrigger>('conversation');
  const [text, setText] = useState('');
  const [tagAdded, setTagAdded] = useState(refs.tags[0]?.id ?? '');
  const [customer, setCustomer] = useState<'new' | 'returning'>('new');
  const [result, setResult] = useState<RoutingTestResult | null>(null);
  const [error, setError] = useState<RuleError | null>(null);

  const run = async () => {
    setError(null);
    try {
      setResult(
        await transport.call('routing.test', {
          session,
          on,
          text,
          customer,
          rules,
          ...(on === 'tag' ? { tagAdded } : {}),
        }),
      );
    } catch (caught) {
      setResult(null);
      setError(ruleError(caught));
    }
  };

  const who = (assignee: NonNullable<RoutingTestResult['assignee']>) => {
    if (assignee.user && assignee.team)
      return t('routing.test.personInTeam', { person: assignee.user.name, team: assignee.team.name });
    if (assignee.user) return assignee.user.name;
    return t('routing.test.teamQueue', { team: assignee.team?.name ?? '' });
  };
  const general = error && !['session', 'text', 'tagAdded'].includes(error.field ?? '') ? error.text : null;
  return (
    <section className="routing-test" aria-labelledby="routing-test-title">
      <h3 id="routing-test-title">{t('routing.test.title')}</h3>
      <p className="muted">{t('routing.test.intro')}</p>
      <div className="routing-pair">
        <RefSelect
          label={t('routing.field.number')}
          value={session}
          options={refs.sessions}
          error={errorAt(error, 'session')}
          onChange={setSession}
        />
        <ChoiceSelect
          label={t('routing.editor.on')}
          value={on}
          choices={ROUTING_TRIGGERS.map((value) => ({ value, label: t(TRIGGER_LABEL[value]) }))}
          onChange={setOn}
        />
        {on === 'tag' && (
          <RefSelect
            label={t('routing.condition.tagAdded')}
            value={tagAdded}
            options={refs.tags}
            error={errorAt(error, 'tagAdded')}
            onChange={setTagAdded}
          />
        )}
        <ChoiceSelect
          label={t('routing.condition.customer')}
          value={customer}
          choices={[
            { value: 'new', label: t('routing.customer.new') },
            { value: 'returning', label: t('routing.customer.returning') },
          ]}
          onChange={setCustomer}
        />
      </div>
      <Field label={t('routing.test.text')} error={errorAt(error, 'text')}>
        {(props) => (
          <input
            {...props}
            name="testText"
            value={text}
            dir="auto"
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <div className="row">
        <button type="button" className="button button--secondary" onClick={() => void run()}>
          {t('routing.test.run')}
        </button>
      </div>
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      {result && (
        <div className="routing-test__result" role="status">
          {result.matched.length === 0 ? (
            <p>{t('routing.test.none')}</p>
          ) : (
            <>
              <p>
                {t('routing.test.matched', {
                  rules: intl.formatList(
                    result.matched.map((m) => m.name),
                    { type: 'conjunction' },
                  ),
                })}
              </p>
              <ul>
                {result.matched.map((m) => {
                  // A draft without an id is tried as `draft_<index>`.
                  const source =
                    rules.find((r) => r.id === m.id) ?? rules[Number(m.id.replace('draft_', ''))];
                  return <li key={m.id}>{source ? summarize(source, refs, intl) : m.name}</li>;
                })}
              </ul>
            </>
          )}
          {result.stoppedBy && (
            <p>
              {t('routing.test.stopped', {
                rule: result.matched.find((m) => m.id === result.stoppedBy)?.name ?? '',
              })}
            </p>
          )}
          {result.assignee && <p>{t('routing.test.assignee', { who: who(result.assignee) })}</p>}
          <p className="muted">
            {t(result.insideHours ? 'routing.test.hoursInside' : 'routing.test.hoursOutside')}
          </p>
        </div>
      )}
    </section>
  );
}
