import type { ReactNode } from 'react';
import { DateField } from '../../components/DateField';
import type { MessageId } from '../../i18n/messages/en';
import { useT } from '../../i18n/use-t';
import { PRESETS, type Preset } from '../../model/reports/period';

export interface ReportFilterState {
  preset: Preset;
  from: string;
  to: string;
  session: string;
  team: string;
  user: string;
  tag: string;
  businessHours: boolean;
}

export interface FilterChoices {
  sessions: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  people: { id: string; name: string }[];
  tags: { id: string; name: string }[];
}

const PRESET_TEXT: Record<Preset, MessageId> = {
  today: 'reports.period.today',
  '7': 'reports.period.7',
  '30': 'reports.period.30',
  custom: 'reports.period.custom',
};

/** The period (presets or two dates) and the filters; a bad custom period is named beside the dates. */
export function ReportFilters({
  value,
  onChange,
  choices,
  periodError,
}: {
  value: ReportFilterState;
  onChange: (next: Partial<ReportFilterState>) => void;
  choices: FilterChoices;
  periodError: string | null;
}) {
  const t = useT();
  const select = (
    label: MessageId,
    field: 'session' | 'team' | 'user' | 'tag',
    options: { id: string; name: string }[],
  ): ReactNode =>
    options.length > 0 && (
      <label className="field">
        <span className="field__label">{t(label)}</span>
        <select value={value[field]} onChange={(event) => onChange({ [field]: event.target.value })}>
          <option value="">{t('reports.filter.all')}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id} dir="auto">
              {option.name}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <div className="reports__filters">
      <fieldset className="reports__period">
        <legend className="field__label">{t('reports.period.label')}</legend>
        <div className="reports__presets" role="radiogroup" aria-label={t('reports.period.label')}>
          {PRESETS.map((preset) => (
            <label key={preset} className={value.preset === preset ? 'chip chip--active' : 'chip'}>
              <input
                type="radio"
                name="report-period"
                value={preset}
                checked={value.preset === preset}
                onChange={() => onChange({ preset })}
              />
              {t(PRESET_TEXT[preset])}
            </label>
          ))}
        </div>
        {value.preset === 'custom' && (
          <div className="reports__dates">
            <label className="field">
              <span className="field__label">{t('reports.period.from')}</span>
              <DateField
                value={value.from}
                onChange={(from) => onChange({ from })}
                aria-invalid={periodError ? true : undefined}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('reports.period.to')}</span>
              <DateField
                value={value.to}
                onChange={(to) => onChange({ to })}
                aria-invalid={periodError ? true : undefined}
                aria-describedby={periodError ? 'report-period-error' : undefined}
              />
            </label>
            {periodError && (
              <p id="report-period-error" className="form-error" role="alert">
                {periodError}
              </p>
            )}
          </div>
        )}
      </fieldset>
      <div className="reports__selects">
        {select('reports.filter.number', 'session', choices.sessions)}
        {select('reports.filter.team', 'team', choices.teams)}
        {select('reports.filter.person', 'user', choices.people)}
        {select('reports.filter.tag', 'tag', choices.tags)}
        <label className="field field--inline reports__business">
          <input
            type="checkbox"
            checked={value.businessHours}
            onChange={(event) => onChange({ businessHours: event.target.checked })}
          />
          <span>{t('reports.businessHours')}</span>
        </label>
      </div>
    </div>
  );
}
