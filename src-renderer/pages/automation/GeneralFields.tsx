import { useT } from '../../i18n/use-t';
import { FieldError, TextField, useField, CheckboxField } from '../widget/fields';
import { HoursGrid } from '../widget/HoursGrid';
import { timeZoneOptions } from '../widget/time-zones';
import type { AutomationDraft } from './draft';

type Change = <K extends keyof AutomationDraft>(key: K, value: AutomationDraft[K]) => void;

function TimeZoneSelect({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { error, clear, controlProps } = useField('timeZone');
  const t = useT();
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        {t('automation.general.timeZone')}
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
      <FieldError field="timeZone" error={error} />
    </div>
  );
}

/** The master switch, where and when the number is open (the widget's hours editor), holidays. */
export function GeneralFields({ draft, change }: { draft: AutomationDraft; change: Change }) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="automation-general-title">
      <h2 id="automation-general-title">{t('automation.general.title')}</h2>
      <CheckboxField
        field="enabled"
        label={t('automation.general.enabled')}
        checked={draft.enabled}
        onChange={(enabled) => change('enabled', enabled)}
        hint={t('automation.general.enabledHint')}
      />
      <div className="automation-grid">
        <TimeZoneSelect value={draft.timeZone} onChange={(timeZone) => change('timeZone', timeZone)} />
        <TextField
          field="language"
          label={t('automation.general.language')}
          value={draft.language}
          onChange={(language) => change('language', language.trim())}
          hint={t('automation.general.languageHint')}
        />
      </div>
      <HoursGrid
        hours={draft.hours}
        path="hours"
        who={t('automation.general.who')}
        onChange={(hours) => change('hours', hours)}
      />
      <TextField
        field="closedDates"
        label={t('automation.general.closedDates')}
        multiline
        value={draft.closedDates.join('\n')}
        onChange={(text) =>
          change(
            'closedDates',
            text.split('\n').map((line) => line.trim()),
          )
        }
        hint={t('automation.general.closedDatesHint')}
      />
    </section>
  );
}
