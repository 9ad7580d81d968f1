import { CheckboxField, FieldError, TextField, useField } from '../widget/fields';
import type { AutomationDraft } from './draft';
import { NumberField } from './MessagesFields';

type Change = <K extends keyof AutomationDraft>(key: K, value: AutomationDraft[K]) => void;

const AUDIENCES = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'contacts', label: 'Saved contacts only' },
  { value: 'unknown', label: 'Unknown numbers only' },
] as const;

/** Who gets automatic answers, and the safety limits. */
export function SwitchesFields({ draft, change }: { draft: AutomationDraft; change: Change }) {
  const { switches } = draft;
  const audience = useField('switches.audience');
  return (
    <section className="card stack" aria-labelledby="automation-switches-title">
      <h2 id="automation-switches-title">Switches and safety</h2>
      <CheckboxField
        field="switches.replyInGroups"
        label="Reply in groups"
        checked={switches.replyInGroups}
        onChange={(replyInGroups) => change('switches', { ...switches, replyInGroups })}
      />
      <CheckboxField
        field="switches.replyToUnread"
        label="Reply to chats that already have unread messages"
        checked={switches.replyToUnread}
        onChange={(replyToUnread) => change('switches', { ...switches, replyToUnread })}
      />
      <CheckboxField
        field="typingDelay"
        label="Show “typing…” for 1–3 s before each automatic message"
        checked={draft.typingDelay}
        onChange={(typingDelay) => change('typingDelay', typingDelay)}
      />
      <div className="field">
        <label className="field__label" htmlFor={audience.controlProps.id}>
          Answer
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
              {option.label}
            </option>
          ))}
        </select>
        <FieldError field="switches.audience" error={audience.error} />
      </div>
      <TextField
        field="switches.ignoreNumbers"
        label="Never answer these numbers"
        multiline
        value={switches.ignoreNumbers.join('\n')}
        onChange={(text) =>
          change('switches', { ...switches, ignoreNumbers: text.split('\n').map((l) => l.trim()) })
        }
        hint="One phone number a line, in international format."
      />
      <div className="automation-grid">
        <NumberField
          field="pauseHours"
          label="Pause after a person replies (hours)"
          min={1}
          max={720}
          value={draft.pauseHours}
          onChange={(pauseHours) => change('pauseHours', pauseHours)}
        />
        <NumberField
          field="maxPerChatPerHour"
          label="At most automatic messages per chat an hour"
          min={1}
          max={60}
          value={draft.maxPerChatPerHour}
          onChange={(maxPerChatPerHour) => change('maxPerChatPerHour', maxPerChatPerHour)}
          hint="Stops loops with other bots."
        />
      </div>
      <p className="muted">
        Never answered: our own messages, statuses, channels, and numbers that opted out.
      </p>
    </section>
  );
}
