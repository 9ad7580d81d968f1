import { useId } from 'react';

/** "Add a condition / an action": choosing a kind adds one at once, and the select resets. */
export function AddSelect<V extends string>({
  label,
  choices,
  onAdd,
}: {
  label: string;
  choices: { value: V; label: string }[];
  onAdd: (value: V) => void;
}) {
  const id = useId();
  return (
    <div className="field routing-add">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        value=""
        onChange={(event) => {
          if (event.target.value) onAdd(event.target.value as V);
        }}
      >
        <option value="">…</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
