import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  ROUTING_TRIGGERS,
  type RoutingAction,
  type RoutingCondition,
  type RoutingRuleInput,
} from '../../../src-shared/contract/routing';
import { Field } from '../../components/people/Field';
import type { MessageId } from '../../i18n/messages/en';
import { ActionFields } from './ActionFields';
import { AddSelect } from './AddSelect';
import { ConditionFields } from './ConditionFields';
import { errorAt, newAction, newCondition, ruleError, type RuleError } from './draft';
import { ACTION_LABEL, CONDITION_LABEL, TRIGGER_LABEL } from './labels';
import { ChoiceSelect } from './RefSelect';
import { summarize } from './summary';
import { TestPreview } from './TestPreview';
import type { RoutingRefs } from './use-routing-refs';

/**
 * One rule's editor: name, trigger, conditions and actions, the rule in plain words as it is
 * typed, and the "test against a message" preview of the rules with this draft in its place.
 * `save` throws the server's refusal, shown beside the field it names.
 */
export function RuleEditor({
  initial,
  isNew,
  refs,
  rulesWithDraft,
  save,
  cancel,
}: {
  initial: RoutingRuleInput;
  isNew: boolean;
  refs: RoutingRefs;
  /** All rules with this draft in its place, for the preview. */
  rulesWithDraft: (draft: RoutingRuleInput) => RoutingRuleInput[];
  save: (draft: RoutingRuleInput) => Promise<void>;
  cancel: () => void;
}) {
  const intl = useIntl();
  const t = (id: MessageId) => intl.formatMessage({ id });
  const [draft, setDraft] = useState<RoutingRuleInput>(initial);
  const [error, setError] = useState<RuleError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<RoutingRuleInput>) => setDraft((current) => ({ ...current, ...changes }));
  const setCondition = (index: number, next: RoutingCondition | null) =>
    set({ conditions: replaceAt(draft.conditions, index, next) });
  const setAction = (index: number, next: RoutingAction | null) =>
    set({ actions: replaceAt(draft.actions, index, next) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await save(draft);
    } catch (caught) {
      setError(ruleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const shown = [
    'name',
    ...draft.conditions.map((_, i) => `conditions.${i}`),
    ...draft.actions.map((_, i) => `actions.${i}`),
  ];
  const general =
    error && (error.field === null || !shown.some((f) => error.field!.startsWith(f))) ? error.text : null;
  return (
    <form
      className="card routing-editor"
      aria-labelledby="routing-editor-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="routing-editor-title">{t(isNew ? 'routing.editor.newTitle' : 'routing.editor.editTitle')}</h2>
      <p className="muted">{t('routing.rules.help')}</p>
      <div className="routing-pair">
        <Field label={t('routing.editor.name')} error={errorAt(error, 'name')}>
          {(props) => (
            <input
              {...props}
              name="name"
              value={draft.name}
              maxLength={80}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <ChoiceSelect
          label={t('routing.editor.on')}
          value={draft.on}
          choices={ROUTING_TRIGGERS.map((on) => ({ value: on, label: t(TRIGGER_LABEL[on]) }))}
          onChange={(on) => set({ on })}
        />
      </div>
      <label className="row">
        <input
          type="checkbox"
          checked={draft.enabled !== false}
          onChange={(e) => set({ enabled: e.target.checked })}
        />
        {t('routing.editor.enabled')}
      </label>

      <fieldset className="routing-group">
        <legend>{t('routing.editor.conditions')}</legend>
        {draft.conditions.length === 0 && <p className="muted">{t('routing.editor.noConditions')}</p>}
        {draft.conditions.map((condition, index) => (
          <div className="routing-item" key={index}>
            <strong>{t(CONDITION_LABEL[condition.type])}</strong>
            <ConditionFields
              condition={condition}
              path={`conditions.${index}`}
              refs={refs}
              error={error}
              onChange={(next) => setCondition(index, next)}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setCondition(index, null)}
            >
              {t('routing.editor.remove')}
            </button>
          </div>
        ))}
        <AddSelect
          label={t('routing.editor.addCondition')}
          choices={(Object.keys(CONDITION_LABEL) as RoutingCondition['type'][])
            .filter((type) => type !== 'tagAdded' || draft.on === 'tag')
            .map((type) => ({ value: type, label: t(CONDITION_LABEL[type]) }))}
          onAdd={(type) => set({ conditions: [...draft.conditions, newCondition(type, refs)] })}
        />
      </fieldset>

      <fieldset className="routing-group">
        <legend>{t('routing.editor.actions')}</legend>
        {draft.actions.map((action, index) => (
          <div className="routing-item" key={index}>
            <strong>{t(ACTION_LABEL[action.type])}</strong>
            <ActionFields
              action={action}
              path={`actions.${index}`}
              refs={refs}
              error={error}
              onChange={(next) => setAction(index, next)}
            />
            <button type="button" className="button button--secondary" onClick={() => setAction(index, null)}>
              {t('routing.editor.remove')}
            </button>
          </div>
        ))}
        {errorAt(error, 'actions') && (
          <p className="form-error" role="alert">
            {errorAt(error, 'actions')}
          </p>
        )}
        <AddSelect
          label={t('routing.editor.addAction')}
          choices={(Object.keys(ACTION_LABEL) as RoutingAction['type'][]).map((type) => ({
            value: type,
            label: t(ACTION_LABEL[type]),
          }))}
          onAdd={(type) => set({ actions: [...draft.actions, newAction(type, refs)] })}
        />
      </fieldset>

      <p className="routing-summary" aria-live="polite">
        <strong>{t('routing.editor.summary')}: </strong>
        {summarize(draft, refs, intl)}
      </p>
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy}>
          <FormattedMessage id="routing.save" />
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          <FormattedMessage id="routing.cancel" />
        </button>
      </div>
      <TestPreview rules={rulesWithDraft(draft)} refs={refs} />
    </form>
  );
}

function replaceAt<T>(list: readonly T[], index: number, next: T | null): T[] {
  return next === null
    ? list.filter((_, i) => i !== index)
    : list.map((item, i) => (i === index ? next : item));
}
