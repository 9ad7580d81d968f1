import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Webhook } from '../../../src-shared/contract/webhooks';
import { useTransport } from '../../stores/connection';
import { FieldError, useField } from '../widget/fields';

/**
 * A keyword rule's "Call a webhook": one of Settings → Webhooks, sent an `automation.rule_matched`
 * event when the rule matches (that webhook only); its `{"reply": …}` answer reaches the customer.
 */
export function RuleWebhookField({
  index,
  value,
  onChange,
}: {
  index: number;
  value: string | null;
  onChange(webhookId: string | null): void;
}) {
  const transport = useTransport();
  const field = `rules.${index}.webhookId`;
  const { error, clear, controlProps } = useField(field);
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  useEffect(() => {
    // Without the list the rule keeps its webhook; only the picker would be empty.
    transport.call('webhooks.list', {}).then(
      ({ items }) => setWebhooks(items),
      () => setWebhooks([]),
    );
  }, [transport]);
  const known = webhooks?.some((webhook) => webhook.id === value) ?? true;
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        <FormattedMessage id="rulewebhook.label" />
      </label>
      <select
        value={value ?? ''}
        onChange={(event) => {
          clear();
          onChange(event.target.value || null);
        }}
        {...controlProps}
      >
        <FormattedMessage id="rulewebhook.none">
          {(text) => <option value="">{text}</option>}
        </FormattedMessage>
        {value && !known ? <option value={value}>{value}</option> : null}
        {(webhooks ?? []).map((webhook) => (
          <option key={webhook.id} value={webhook.id}>
            {webhook.name}
          </option>
        ))}
      </select>
      <p className="field__hint">
        <FormattedMessage id={webhooks?.length === 0 ? 'rulewebhook.noWebhooks' : 'rulewebhook.hint'} />
      </p>
      <FieldError field={field} error={error} />
    </div>
  );
}
