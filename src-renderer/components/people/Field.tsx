import { useId, type ReactNode } from 'react';

/**
 * A labelled input with its error right under it (announced, and linked to the input by
 * `aria-describedby`), so a refusal from the server sits beside the field it is about.
 */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error: string | null;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className="field__hint muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
