import type { Session } from '../../../src-shared/model';

/** A labelled choice of linked number; `anyLabel` adds a first choice, "any number" (value ''). */
export function SessionSelect({
  label,
  sessions,
  value,
  onChange,
  anyLabel,
}: {
  label: string;
  sessions: Session[];
  value: string;
  onChange: (session: string) => void;
  anyLabel?: string;
}) {
  return (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {sessions.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );
}
