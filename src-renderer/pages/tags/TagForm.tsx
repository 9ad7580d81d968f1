import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TAG_PALETTE } from '../../components/organize/organize-logic';
import { Swatch } from '../../components/organize/TagChip';
import { describeError } from '../../transport/rpc-error';

/** Name and colour of a tag, to create one or to rename / recolour it in place. */
export function TagForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: { name: string; color: string };
  submitLabel: string;
  onSubmit: (draft: { name: string; color: string }) => Promise<void>;
  onCancel?: () => void;
}) {
  const intl = useIntl();
  const [name, setName] = useState(initial.name);
  const [color, setColor] = useState(initial.color);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ name: name.trim(), color });
      if (!onCancel) setName('');
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="tag-form"
      aria-label={
        onCancel
          ? intl.formatMessage({ id: 'tags.form.editLabel' }, { name: initial.name })
          : intl.formatMessage({ id: 'tags.form.newLabel' })
      }
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => event.key === 'Escape' && onCancel?.()}
    >
      <label className="field tag-form__name">
        <span className="field__label">
          <FormattedMessage id="tags.form.name" />
        </span>
        <input
          required
          maxLength={40}
          value={name}
          placeholder={intl.formatMessage({ id: 'tags.form.namePlaceholder' })}
          autoFocus={Boolean(onCancel)}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <fieldset className="tag-form__colors">
        <legend className="field__label">
          <FormattedMessage id="tags.form.colour" />
        </legend>
        <div className="row">
          {TAG_PALETTE.map((option) => (
            <button
              key={option}
              type="button"
              className="tag-form__color"
              aria-label={intl.formatMessage({ id: 'tags.form.colourOption' }, { colour: option })}
              aria-pressed={color === option}
              onClick={() => setColor(option)}
            >
              <Swatch color={option} />
            </button>
          ))}
          <input
            type="color"
            aria-label={intl.formatMessage({ id: 'tags.form.customColour' })}
            value={color}
            onChange={(event) => setColor(event.target.value)}
          />
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            <FormattedMessage id="common.cancel" />
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
