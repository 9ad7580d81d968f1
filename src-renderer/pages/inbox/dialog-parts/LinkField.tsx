/** A pasted invite link, with its hint and, when there is one, the problem beside it. */
export function LinkField({
  ids,
  label,
  hint,
  placeholder,
  value,
  error,
  onChange,
}: {
  ids: string;
  label: string;
  hint: string;
  placeholder: string;
  value: string;
  error: string | null;
  onChange: (link: string) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-link`}>
        {label}
      </label>
      <input
        id={`${ids}-link`}
        type="url"
        dir="ltr"
        autoComplete="off"
        autoFocus
        placeholder={placeholder}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${ids}-hint`} className="field__hint">
        {hint}
      </p>
      {error && (
        <p id={`${ids}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
