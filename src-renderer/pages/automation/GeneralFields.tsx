import { FieldError, TextField, useField, CheckboxField } from '../widget/fields';
import { HoursGrid } from '../widget/HoursGrid';
import { timeZoneOptions } from '../widget/time-zones';
import type { AutomationDraft } from './draft';

type Change = <K extends keyof AutomationDraft>(key: K, value: AutomationDraft[K]) => void;

function TimeZoneSelect({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { error, clear, controlProps } = useField('timeZone');
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
      <FieldError field="timeZone" error={error} />
    </div>
  );
}

/** The master switch, where and when the number is open (the widget's hours editor), holidays. */
export function GeneralFields({ draft, change }: { draft: AutomationDraft; change: Change }) {
  return (
    <section className="card stack" aria-labelledby="automation-general-title">
      <h2 id="automation-general-title">Business hours</h2>
      <CheckboxField
        field="enabled"
        label="Automation on for this number"
        checked={draft.enabled}
        onChange={(enabled) => change('enabled', enabled)}
        hint="Off: nothing is sent automatically (the test panel still shows what would be)."
      />
      <div className="automation-grid">
        <TimeZoneSelect value={draft.timeZone} onChange={(timeZone) => change('timeZone', timeZone)} />
        <TextField
          field="language"
          label="Language of [time] and [opens_at]"
          value={draft.language}
          onChange={(language) => change('language', language.trim())}
          hint="A language tag: en, pt-BR, he…"
        />
      </div>
      <HoursGrid
        hours={draft.hours}
        path="hours"
        who="the number"
        onChange={(hours) => change('hours', hours)}
      />
      <TextField
        field="closedDates"
        label="Closed dates (holidays)"
        multiline
        value={draft.closedDates.join('\n')}
        onChange={(text) =>
          change(
            'closedDates',
            text.split('\n').map((line) => line.trim()),
          )
        }
        hint="One YYYY-MM-DD a line; closed all day in the number’s time zone."
      />
    </section>
  );
}
