import { useT } from '../../i18n/use-t';
import { CheckboxField, FieldError, TextField, useField } from '../widget/fields';
import type { AutomationDraft } from './draft';
import { NumberField } from './MessagesFields';

type Change = <K extends keyof AutomationDraft>(key: K, value: AutomationDraft[K]) => void;

const AUDIENCES = [
  { value: 'everyone', label: 'automation.switches.audience.everyone' },
  { value: 'contacts', label: 'automation.switches.audience.contacts' },
  { value: 'unknown', label: 'automation.switches.audience.unknown' },
] as const;

/** Who gets automatic answers, and the safety limits. */
export function SwitchesFields({ draft, change }: { draft: AutomationDraft; change: Change }) {
  const { switches } = draft;
  const audience = useField('switches.audience');
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="automation-switches-title">
      <h2 id="automation-switches-title">{t('automation.switches.title')}</h2>
      <CheckboxField
        field="switches.replyInGroups"
        label={t('automation.switches.replyInGroups')}
        checked={switches.replyInGroups}
        onChange={(replyInGroups) => change('switches', { ...switches, replyInGroups })}
      />
      <CheckboxField
        field="switches.replyToUnread"
        label={t('automation.switches.replyToUnread')}
        checked={switches.replyToUnread}
        onChange={(replyToUnread) => change('switches', { ...switches, replyToUnread })}
      />
      <CheckboxField
        field="typingDelay"
        label={t('automation.switches.typingDelay')}
        checked={draft.typingDelay}
        onChange={(typingDelay) => change('typingDelay', typingDelay)}
      />
      <div className="field">
        <label className="field__label" htmlFor={audience.controlProps.id}>
          {t('automation.switches.audience')}
        </label>
        <select
          value={switches.audience}
          onChange={(event) => {
            audience.clear();
            change('switches', { ...switches, audience: event.target.value as typeof switches.audience });
          }}
          {...audience.controlProps}
        >
          {AUDIENCES.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
        </select>
        <FieldError field="switches.audience" error={audience.error} />
      </div>
      <TextField
        field="switches.ignoreNumbers"
        label={t('automation.switches.ignoreNumbers')}
        multiline
        value={switches.ignoreNumbers.join('\n')}
        onChange={(text) =>
          change('switches', { ...switches, ignoreNumbers: text.split('\n').map((l) => l.trim()) })
        }
        hint={t('automation.switches.ignoreNumbersHint')}
      />
      <div className="automation-grid">
        <NumberField
          field="pauseHours"
          label={t('automation.switches.pauseHours')}
          min={1}
          max={720}
          value={draft.pauseHours}
          onChange={(pauseHours) => change('pauseHours', pauseHours)}
        />
        <NumberField
          field="maxPerChatPerHour"
          label={t('automation.switches.maxPerHour')}
          min={1}
          max={60}
          value={draft.maxPerChatPerHour}
          onChange={(maxPerChatPerHour) => change('maxPerChatPerHour', maxPerChatPerHour)}
          hint={t('automation.switches.maxPerHourHint')}
        />
      </div>
      <p className="muted">{t('automation.switches.never')}</p>
    </section>
  );
}
