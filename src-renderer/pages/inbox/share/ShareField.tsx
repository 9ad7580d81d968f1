import type { InputHTMLAttributes, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { FieldProblem } from '../../../model/inbox/share-forms';

/** One labelled box of a share form, with its problem said right below it (and tied to it for screen readers). */
export function ShareField({
  id,
  label,
  hint,
  problem,
  value,
  onChange,
  ...input
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problem: FieldProblem | undefined;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  const intl = useIntl();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        dir="auto"
        {...input}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {intl.formatMessage({ id: problem.id }, problem.values)}
        </p>
      )}
    </div>
  );
}
