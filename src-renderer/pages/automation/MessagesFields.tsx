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

const TEXT_HINT =
  '{Hi|Hello} picks one variant; [name], [first_name], [phone], [time], [opens_at] are filled in.';

/** Greeting, away message and default reply. */
export function MessagesFields({ draft, change }: { draft: AutomationDraft; change: Change }) {
  const { greeting, away, defaultReply } = draft;
  return (
    <>
      <fieldset className="card stack">
        <legend className="field__label">Greeting</legend>
        <CheckboxField
          field="greeting.enabled"
          label="Greet a customer’s first message"
          checked={greeting.enabled}
          onChange={(enabled) => change('greeting', { ...greeting, enabled })}
        />
        <TemplateField
          field="greeting.text"
          label="Greeting text"
          value={greeting.text}
          hint={TEXT_HINT}
          onChange={(text) => change('greeting', { ...greeting, text })}
        />
        <NumberField
          field="greeting.afterDays"
          label="Greet again after days of silence (0: only the very first message)"
          min={0}
          max={365}
          value={greeting.afterDays}
          onChange={(afterDays) => change('greeting', { ...greeting, afterDays })}
        />
      </fieldset>
      <fieldset className="card stack">
        <legend className="field__label">Away message</legend>
        <CheckboxField
          field="away.enabled"
          label="Answer outside business hours"
          checked={away.enabled}
          onChange={(enabled) => change('away', { ...away, enabled })}
        />
        <TemplateField
          field="away.text"
          label="Away text"
          value={away.text}
          hint={TEXT_HINT}
          onChange={(text) => change('away', { ...away, text })}
        />
        <NumberField
          field="away.everyHours"
          label="At most once per chat every (hours)"
          min={1}
          max={168}
          value={away.everyHours}
          onChange={(everyHours) => change('away', { ...away, everyHours })}
        />
      </fieldset>
      <fieldset className="card stack">
        <legend className="field__label">Default reply</legend>
        <CheckboxField
          field="defaultReply.enabled"
          label="Answer when no keyword rule matches"
          checked={defaultReply.enabled}
          onChange={(enabled) => change('defaultReply', { ...defaultReply, enabled })}
        />
        <TemplateField
          field="defaultReply.text"
          label="Default reply text"
          value={defaultReply.text}
          onChange={(text) => change('defaultReply', { ...defaultReply, text })}
        />
      </fieldset>
    </>
  );
}
