import type { WidgetPosition } from '../../../src-shared/widget';
import type { WidgetDraft } from './draft';
import { CheckboxField, ColorField, FieldError, TextField, useField } from './fields';
import { timeZoneOptions } from './time-zones';

type Change = <K extends keyof WidgetDraft>(key: K, value: WidgetDraft[K]) => void;

function TimeZoneField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { error, clear, controlProps } = useField('timeZone', 'wf-timeZone-hint');
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        Time zone
      </label>
      <select
        value={value}
        onChange={(event) => {
          clear();
          onChange(event.target.value);
        }}
        {...controlProps}
      >
        {timeZoneOptions(value).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <p id="wf-timeZone-hint" className="field__hint">
        Opening hours are in this zone; visitors see who is available in their own time.
      </p>
      <FieldError field="timeZone" error={error} />
    </div>
  );
}

function PositionField({
  value,
  onChange,
}: {
  value: WidgetPosition;
  onChange(value: WidgetPosition): void;
}) {
  const { error, clear } = useField('position');
  const options: { value: WidgetPosition; label: string }[] = [
    { value: 'right', label: 'Bottom right' },
    { value: 'left', label: 'Bottom left' },
  ];
  return (
    <fieldset className="field choice" aria-describedby={error ? 'wf-position-error' : undefined}>
      <legend className="field__label">Position</legend>
      <div className="row">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="radio"
              name="widget-position"
              value={option.value}
              checked={value === option.value}
              onChange={() => {
                clear();
                onChange(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError field="position" error={error} />
    </fieldset>
  );
}

/** The business and how the button looks: everything but the operators. */
export function AppearanceFields({ draft, change }: { draft: WidgetDraft; change: Change }) {
  return (
    <>
      <section className="card" aria-labelledby="widget-business-title">
        <h2 id="widget-business-title">Business</h2>
        <TextField
          field="businessName"
          label="Business name"
          value={draft.businessName}
          onChange={(value) => change('businessName', value)}
          placeholder="Bäckerei Sonne"
          autoComplete="organization"
        />
        <TimeZoneField value={draft.timeZone} onChange={(value) => change('timeZone', value)} />
        <CheckboxField
          field="active"
          label="Active"
          checked={draft.active}
          onChange={(value) => change('active', value)}
          hint="Switched off, websites using the hosted snippet show no button."
        />
      </section>

      <section className="card" aria-labelledby="widget-look-title">
        <h2 id="widget-look-title">Appearance</h2>
        <div className="widget-editor__pair">
          <ColorField
            field="color"
            label="Colour"
            value={draft.color}
            onChange={(value) => change('color', value)}
          />
          <ColorField
            field="textColor"
            label="Text colour"
            value={draft.textColor}
            onChange={(value) => change('textColor', value)}
          />
        </div>
        <PositionField value={draft.position} onChange={(value) => change('position', value)} />
        <CheckboxField
          field="openByDefault"
          label="Open by default"
          checked={draft.openByDefault}
          onChange={(value) => change('openByDefault', value)}
          hint="Shows the operator list as soon as the page loads."
        />
        <TextField
          field="buttonMessage"
          label="Button message"
          value={draft.buttonMessage}
          onChange={(value) => change('buttonMessage', value)}
          hint="2 to 255 characters."
        />
        <TextField
          field="widgetMessage"
          label="Widget message"
          value={draft.widgetMessage}
          onChange={(value) => change('widgetMessage', value)}
          hint="The greeting at the top of the open panel; 2 to 255 characters."
          multiline
        />
        <TextField
          field="iconUrl"
          label="Icon URL"
          type="url"
          value={draft.iconUrl}
          onChange={(value) => change('iconUrl', value)}
          placeholder="https://example.com/logo.png"
          hint="Optional. An https image shown on the button and in the panel."
        />
      </section>
    </>
  );
}
