import type { WidgetPosition } from '../../../src-shared/widget';
import { useT } from '../../i18n/use-t';
import type { WidgetDraft } from './draft';
import { CheckboxField, ColorField, FieldError, TextField, useField } from './fields';
import { timeZoneOptions } from './time-zones';

type Change = <K extends keyof WidgetDraft>(key: K, value: WidgetDraft[K]) => void;

function TimeZoneField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const t = useT();
  const { error, clear, controlProps } = useField('timeZone', 'wf-timeZone-hint');
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        {t('widget.timeZone.label')}
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
          <option key={zone} value={zone} lang="en">
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <p id="wf-timeZone-hint" className="field__hint">
        {t('widget.timeZone.hint')}
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
  const t = useT();
  const { error, clear } = useField('position');
  const options: { value: WidgetPosition; label: string }[] = [
    { value: 'right', label: t('widget.position.right') },
    { value: 'left', label: t('widget.position.left') },
  ];
  return (
    <fieldset className="field choice" aria-describedby={error ? 'wf-position-error' : undefined}>
      <legend className="field__label">{t('widget.position.label')}</legend>
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
  const t = useT();
  return (
    <>
      <section className="card" aria-labelledby="widget-business-title">
        <h2 id="widget-business-title">{t('widget.business.title')}</h2>
        <TextField
          field="businessName"
          label={t('widget.business.name')}
          value={draft.businessName}
          onChange={(value) => change('businessName', value)}
          placeholder="Bäckerei Sonne"
          autoComplete="organization"
        />
        <TimeZoneField value={draft.timeZone} onChange={(value) => change('timeZone', value)} />
        <CheckboxField
          field="active"
          label={t('widget.status.active')}
          checked={draft.active}
          onChange={(value) => change('active', value)}
          hint={t('widget.active.hint')}
        />
      </section>

      <section className="card" aria-labelledby="widget-look-title">
        <h2 id="widget-look-title">{t('widget.look.title')}</h2>
        <div className="widget-editor__pair">
          <ColorField
            field="color"
            label={t('widget.look.color')}
            value={draft.color}
            onChange={(value) => change('color', value)}
          />
          <ColorField
            field="textColor"
            label={t('widget.look.textColor')}
            value={draft.textColor}
            onChange={(value) => change('textColor', value)}
          />
        </div>
        <PositionField value={draft.position} onChange={(value) => change('position', value)} />
        <CheckboxField
          field="openByDefault"
          label={t('widget.look.openByDefault')}
          checked={draft.openByDefault}
          onChange={(value) => change('openByDefault', value)}
          hint={t('widget.look.openByDefaultHint')}
        />
        <TextField
          field="buttonMessage"
          label={t('widget.look.buttonMessage')}
          value={draft.buttonMessage}
          onChange={(value) => change('buttonMessage', value)}
          hint={t('widget.look.buttonMessageHint')}
        />
        <TextField
          field="widgetMessage"
          label={t('widget.look.widgetMessage')}
          value={draft.widgetMessage}
          onChange={(value) => change('widgetMessage', value)}
          hint={t('widget.look.widgetMessageHint')}
          multiline
        />
        <TextField
          field="iconUrl"
          label={t('widget.look.iconUrl')}
          type="url"
          value={draft.iconUrl}
          onChange={(value) => change('iconUrl', value)}
          placeholder="https://example.com/logo.png"
          hint={t('widget.look.iconUrlHint')}
        />
      </section>
    </>
  );
}
