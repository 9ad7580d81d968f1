import { useIntl } from 'react-intl';
import { Field } from '../../components/people/Field';
import type { Ref } from './use-routing-refs';

/** A labelled choice among named things (a tag, a team, a person…), its error under it. */
export function RefSelect({
  label,
  value,
  options,
  error,
  onChange,
}: {
  label: string;
  value: string;
  options: Ref[];
  error: string | null;
  onChange: (id: string) => void;
}) {
  const intl = useIntl();
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          {!options.some((option) => option.id === value) && (
            <option value={value}>{intl.formatMessage({ id: 'routing.editor.choose' })}</option>
          )}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A labelled choice among fixed values with catalogue labels. */
export function ChoiceSelect<V extends string>({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: V;
  choices: { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  return (
    <Field label={label} error={null}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value as V)}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
