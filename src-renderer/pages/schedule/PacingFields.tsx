import type { WorkingHours } from '../../../src-shared/contract/schedule';
import { useT } from '../../i18n/use-t';
import { timeZoneOptions } from '../widget/time-zones';
import { browserZone } from './when';

/** The pacing fields as typed (seconds as text, so a half-typed number is not lost). */
export interface Pacing {
  delayMin: string;
  delayMax: string;
  dailyCap: string;
  useHours: boolean;
  hours: WorkingHours;
}

export function defaultPacing(): Pacing {
  return {
    delayMin: '2',
    delayMax: '5',
    dailyCap: '',
    useHours: false,
    hours: { timeZone: browserZone(), from: '09:00', until: '18:00' },
  };
}

/** Delays between messages, a daily cap, and optional working hours. */
export function PacingFields({ value, onChange }: { value: Pacing; onChange: (value: Pacing) => void }) {
  const t = useT();
  const { delayMin, delayMax, dailyCap, useHours, hours } = value;
  const set = (patch: Partial<Pacing>) => onChange({ ...value, ...patch });
  const setHours = (next: WorkingHours) => set({ hours: next });
  return (
    <fieldset className="choices">
      <legend className="field__label">{t('schedule.pacing.legend')}</legend>
      <div className="when-fields__row">
        <label className="field">
          <span className="field__label">{t('schedule.pacing.delayMin')}</span>
          <input
            type="number"
            min={0}
            step={0.1}
            value={delayMin}
            onChange={(e) => set({ delayMin: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('schedule.pacing.delayMax')}</span>
          <input
            type="number"
            min={0}
            step={0.1}
            value={delayMax}
            onChange={(e) => set({ delayMax: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('schedule.pacing.dailyCap')}</span>
          <input
            type="number"
            min={1}
            placeholder={t('schedule.pacing.noCap')}
            value={dailyCap}
            onChange={(e) => set({ dailyCap: e.target.value })}
          />
        </label>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={useHours}
          onChange={(event) => set({ useHours: event.target.checked })}
        />
        <span>{t('schedule.pacing.useHours')}</span>
      </label>
      {useHours && (
        <div className="when-fields__row">
          <label className="field">
            <span className="field__label">{t('schedule.pacing.from')}</span>
            <input
              type="time"
              value={hours.from}
              onChange={(e) => setHours({ ...hours, from: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('schedule.pacing.until')}</span>
            <input
              type="time"
              value={hours.until}
              onChange={(e) => setHours({ ...hours, until: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('schedule.when.zone')}</span>
            <select value={hours.timeZone} onChange={(e) => setHours({ ...hours, timeZone: e.target.value })}>
              {timeZoneOptions(hours.timeZone).map((zone) => (
                <option key={zone} lang="en">
                  {zone}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </fieldset>
  );
}
