import { createContext, useContext, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { fieldId } from './draft';

/** Server validation errors by field path (`operators.0.number` → "must be a phone number …"). */
export interface FieldErrorState {
  errors: Record<string, string>;
  clear(field: string): void;
}

export const FieldErrors = createContext<FieldErrorState>({ errors: {}, clear: () => undefined });

/** The error for `field`, and the props that tie a control to it (id, aria-invalid, aria-describedby). */
export function useField(field: string, hintId?: string) {
  const { errors, clear } = useContext(FieldErrors);
  const id = fieldId(field);
  const error = errors[field];
  const describedBy = [error ? `${id}-error` : '', hintId ?? ''].filter(Boolean).join(' ');
  return {
    error,
    clear: () => error && clear(field),
    controlProps: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    } as const,
  };
}

export function FieldError({ field, error }: { field: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${fieldId(field)}-error`} className="field-error">
      {error}
    </p>
  );
}

interface TextFieldProps {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  type?: 'text' | 'url' | 'tel';
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  autoComplete?: string;
  /** The language of the value when it is not the UI's (text customers read). */
  lang?: string;
}

export function TextField({
  field,
  label,
  value,
  onChange,
  hint,
  type = 'text',
  multiline,
  ...rest
}: TextFieldProps) {
  const hintId = hint ? `${fieldId(field)}-hint` : undefined;
  const { error, clear, controlProps } = useField(field, hintId);
  const change = (next: string) => {
    clear();
    onChange(next);
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        {label}
      </label>
      {multiline ? (
        <textarea
          rows={3}
          value={value}
          dir="auto"
          onChange={(event) => change(event.target.value)}
          {...controlProps}
          {...rest}
        />
      ) : (
        <input
          type={type}
          value={value}
          dir="auto"
          onChange={(event) => change(event.target.value)}
          {...controlProps}
          {...rest}
        />
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError field={field} error={error} />
    </div>
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A colour as both a picker and its #rrggbb text, which is what is saved (and validated by the server). */
export function ColorField({
  field,
  label,
  value,
  onChange,
}: {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  const t = useT();
  const { error, clear, controlProps } = useField(field);
  const change = (next: string) => {
    clear();
    onChange(next);
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        {label}
      </label>
      <div className="color-field">
        <input
          type="color"
          aria-label={t('widget.look.picker', { label })}
          value={HEX.test(value) ? value.toLowerCase() : '#000000'}
          onChange={(event) => change(event.target.value)}
        />
        <input
          type="text"
          className="color-field__hex"
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          value={value}
          onChange={(event) => change(event.target.value.trim())}
          {...controlProps}
        />
      </div>
      <FieldError field={field} error={error} />
    </div>
  );
}

export function CheckboxField({
  field,
  label,
  checked,
  onChange,
  hint,
}: {
  field: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}) {
  const hintId = hint ? `${fieldId(field)}-hint` : undefined;
  const { error, clear, controlProps } = useField(field, hintId);
  return (
    <div className="field field--inline">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => {
            clear();
            onChange(event.target.checked);
          }}
          {...controlProps}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError field={field} error={error} />
    </div>
  );
}
