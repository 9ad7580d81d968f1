import { spintaxProblem, unknownPlaceholders } from '../../../src-shared/automation-text';
import { fieldId } from '../widget/draft';
import { FieldError, useField } from '../widget/fields';

/**
 * A text automation sends: spintax and placeholders allowed. Unbalanced braces show as an error
 * and unknown placeholders as a warning beside the field as you type (the server checks the same).
 */
export function TemplateField({
  field,
  label,
  value,
  onChange,
  hint,
  rows = 3,
}: {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  rows?: number;
}) {
  const warningId = `${fieldId(field)}-warning`;
  const { error, clear, controlProps } = useField(field, hint ? `${fieldId(field)}-hint` : undefined);
  const typedError = error ?? (spintaxProblem(value) ? `${spintaxProblem(value)}` : undefined);
  const unknown = unknownPlaceholders(value);
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        {label}
      </label>
      <textarea
        rows={rows}
        dir="auto"
        value={value}
        onChange={(event) => {
          clear();
          onChange(event.target.value);
        }}
        {...controlProps}
        aria-invalid={typedError ? true : undefined}
        aria-describedby={
          [
            controlProps['aria-describedby'],
            typedError ? `${fieldId(field)}-error` : '',
            unknown.length ? warningId : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined
        }
      />
      {hint && (
        <p id={`${fieldId(field)}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {unknown.length > 0 && (
        <p id={warningId} className="field-warning">
          {unknown.map((name) => `[${name}]`).join(', ')} {unknown.length === 1 ? 'is' : 'are'} not a known
          placeholder and will be sent as typed. Known: [name], [first_name], [phone], [time], [opens_at].
        </p>
      )}
      <FieldError field={field} error={typedError} />
    </div>
  );
}
