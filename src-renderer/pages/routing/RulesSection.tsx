import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { RoutingRule, RoutingRuleInput } from '../../../src-shared/contract/routing';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { emptyRule } from './draft';
import { RuleEditor } from './RuleEditor';
import { summarize } from './summary';
import type { RoutingRefs } from './use-routing-refs';

/** The ordered rules: each in plain words, moved with up/down, edited in place, deleted after asking. */
export function RulesSection({ refs }: { refs: RoutingRefs }) {
  const intl = useIntl();
  const transport = useTransport();
  const query = useQuery('routing.rules', {});
  /** The rule being edited: an index, `new`, or nothing. */
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rules = query.data?.rules ?? [];

  const apply = async (work: Promise<{ rules: RoutingRule[] }>) => {
    setError(null);
    try {
      query.setData(await work);
    } catch (caught) {
      setError(describeError(caught));
    }
  };
  const move = (index: number, by: -1 | 1) => {
    const ids = rules.map((rule) => rule.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    void apply(transport.call('routing.reorderRules', { ids }));
  };
  const save = async (draft: RoutingRuleInput) => {
    if (editing === 'new') {
      await transport.call('routing.addRule', draft);
      await query.reload();
    } else if (editing !== null) {
      const next = rules.map((rule, i) => (i === editing ? draft : rule));
      query.setData(await transport.call('routing.saveRules', { rules: next }));
    }
    setEditing(null);
  };
  const withDraft = (draft: RoutingRuleInput): RoutingRuleInput[] =>
    editing === 'new' ? [...rules, draft] : rules.map((rule, i) => (i === editing ? draft : rule));

  return (
    <section className="card" aria-labelledby="routing-rules-title">
      <div className="card__header">
        <h2 id="routing-rules-title">
          <FormattedMessage id="routing.rules.title" />
        </h2>
        {editing === null && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            <FormattedMessage id="routing.rules.add" />
          </button>
        )}
      </div>
      <p className="muted">
        <FormattedMessage id="routing.rules.help" />
      </p>
      {query.loading && !query.data && (
        <p className="muted" role="status">
          <FormattedMessage id="routing.loading" />
        </p>
      )}
      {(query.error ?? error) && (
        <p className="form-error" role="alert">
          {query.error ?? error}
        </p>
      )}
      {query.data && rules.length === 0 && editing === null && (
        <p className="muted">
          <FormattedMessage id="routing.rules.empty" />
        </p>
      )}
      <ol className="routing-rules" aria-label={intl.formatMessage({ id: 'routing.rules.listLabel' })}>
        {rules.map((rule, index) =>
          editing === index ? (
            <li key={rule.id}>
              <RuleEditor
                initial={rule}
                isNew={false}
                refs={refs}
                rulesWithDraft={withDraft}
                save={save}
                cancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={rule.id} className="routing-rule">
              <div className="routing-rule__text">
                <strong>{rule.name}</strong>
                {!rule.enabled && (
                  <span className="badge">
                    <FormattedMessage id="routing.rules.disabled" />
                  </span>
                )}
                <p className="muted">{summarize(rule, refs, intl)}</p>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={index === 0}
                  aria-label={intl.formatMessage({ id: 'routing.rules.up' }, { name: rule.name })}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={index === rules.length - 1}
                  aria-label={intl.formatMessage({ id: 'routing.rules.down' }, { name: rule.name })}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button type="button" className="button button--secondary" onClick={() => setEditing(index)}>
                  <FormattedMessage id="routing.rules.edit" />
                </button>
                <ConfirmButton
                  label={intl.formatMessage({ id: 'routing.rules.delete' })}
                  question={intl.formatMessage({ id: 'routing.rules.deleteQuestion' }, { name: rule.name })}
                  confirmLabel={intl.formatMessage({ id: 'routing.rules.delete' })}
                  onConfirm={() => apply(transport.call('routing.deleteRule', { id: rule.id }))}
                />
              </div>
            </li>
          ),
        )}
      </ol>
      {editing === 'new' && (
        <RuleEditor
          initial={emptyRule()}
          isNew
          refs={refs}
          rulesWithDraft={withDraft}
          save={save}
          cancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
