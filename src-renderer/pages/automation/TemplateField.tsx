import { useIntl } from 'react-intl';
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
  const intl = useIntl();
  const warningId = `${fieldId(field)}-warning`;
  const { error, clear, controlProps } = useField(field, hint ? `${fieldId(field)}-hint` : undefined);
  const problem = spintaxProblem(value);
  // spintaxProblem's English reason names one of two mistakes: an extra "}" or a missing one.
  const typedError =
    error ??
    (problem
      ? intl.formatMessage({
          id: problem.startsWith('has a "}"')
            ? 'automation.template.unopened'
            : 'automation.template.unclosed',
        })
      : undefined);
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
          {intl.formatMessage(
            { id: 'automation.template.unknown' },
            { count: unknown.length, list: intl.formatList(unknown.map((name) => `[${name}]`)) },
          )}
        </p>
      )}
      <FieldError field={field} error={typedError} />
    </div>
  );
}
