import { useT } from '../../i18n/use-t';
import { CheckboxField, FieldError, useField } from '../widget/fields';
import type { AutomationDraft } from './draft';
import { TemplateField } from './TemplateField';

type Change = <K extends keyof AutomationDraft>(key: K, value: AutomationDraft[K]) => void;

export function NumberField({
  field,
  label,
  value,
  min,
  max,
  onChange,
  hint,
}: {
  field: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  hint?: string;
}) {
  const { error, clear, controlProps } = useField(field);
  return (
    <div className="field field--number">
      <label className="field__label" htmlFor={controlProps.id}>
        {label}
      </label>
      <input
        type="number"
        min={min}
        max={max}
        value={Number.isFinite(value) ? value : ''}
        onChange={(event) => {
          clear();
          onChange(event.target.valueAsNumber);
        }}
        {...controlProps}
      />
      {hint && <p className="field__hint">{hint}</p>}
      <FieldError field={field} error={error} />
    </div>
  );
}

/** Greeting, away message and default reply. */
export function MessagesFields({ draft, change }: { draft: AutomationDraft; change: Change }) {
  const { greeting, away, defaultReply } = draft;
  const t = useT();
  const textHint = t('automation.textHint');
  return (
    <>
      <fieldset className="card stack">
        <legend className="field__label">{t('automation.greeting.legend')}</legend>
        <CheckboxField
          field="greeting.enabled"
          label={t('automation.greeting.enabled')}
          checked={greeting.enabled}
          onChange={(enabled) => change('greeting', { ...greeting, enabled })}
        />
        <TemplateField
          field="greeting.text"
          label={t('automation.greeting.text')}
          value={greeting.text}
          hint={textHint}
          onChange={(text) => change('greeting', { ...greeting, text })}
        />
        <NumberField
          field="greeting.afterDays"
          label={t('automation.greeting.afterDays')}
          min={0}
          max={365}
          value={greeting.afterDays}
          onChange={(afterDays) => change('greeting', { ...greeting, afterDays })}
        />
      </fieldset>
      <fieldset className="card stack">
        <legend className="field__label">{t('automation.away.legend')}</legend>
        <CheckboxField
          field="away.enabled"
          label={t('automation.away.enabled')}
          checked={away.enabled}
          onChange={(enabled) => change('away', { ...away, enabled })}
        />
        <TemplateField
          field="away.text"
          label={t('automation.away.text')}
          value={away.text}
          hint={textHint}
          onChange={(text) => change('away', { ...away, text })}
        />
        <NumberField
          field="away.everyHours"
          label={t('automation.away.everyHours')}
          min={1}
          max={168}
          value={away.everyHours}
          onChange={(everyHours) => change('away', { ...away, everyHours })}
        />
      </fieldset>
      <fieldset className="card stack">
        <legend className="field__label">{t('automation.defaultReply.legend')}</legend>
        <CheckboxField
          field="defaultReply.enabled"
          label={t('automation.defaultReply.enabled')}
          checked={defaultReply.enabled}
          onChange={(enabled) => change('defaultReply', { ...defaultReply, enabled })}
        />
        <TemplateField
          field="defaultReply.text"
          label={t('automation.defaultReply.text')}
          value={defaultReply.text}
          onChange={(text) => change('defaultReply', { ...defaultReply, text })}
        />
      </fieldset>
    </>
  );
}
