import type { OperatorDraft } from './draft';
import { CheckboxField, TextField } from './fields';
import { HoursGrid } from './HoursGrid';

interface OperatorCardProps {
  operator: OperatorDraft;
  index: number;
  count: number;
  onChange(operator: OperatorDraft): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}

/** One operator: who they are, their WhatsApp number and prefill, and their hours. */
export function OperatorCard({ operator, index, count, onChange, onMove, onRemove }: OperatorCardProps) {
  const path = `operators.${index}`;
  const who = operator.name.trim() || `Operator ${index + 1}`;
  const set = <K extends keyof OperatorDraft>(key: K, value: OperatorDraft[K]) =>
    onChange({ ...operator, [key]: value });
  return (
    <li className="operator-card">
      <fieldset>
        <legend>
          <span className="operator-card__title">{who}</span>
          {!operator.active && <span className="badge">Inactive</span>}
        </legend>
        <div className="operator-card__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Move ${who} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑ Up
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Move ${who} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓ Down
          </button>
          <button
            type="button"
            className="button button--secondary button--small button--danger-text"
            aria-label={`Remove ${who}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
        <div className="widget-editor__pair">
          <TextField
            field={`${path}.name`}
            label="Name"
            value={operator.name}
            onChange={(value) => set('name', value)}
          />
          <TextField
            field={`${path}.role`}
            label="Role"
            value={operator.role}
            onChange={(value) => set('role', value)}
            placeholder="Sales"
          />
        </div>
        <TextField
          field={`${path}.number`}
          label="WhatsApp number"
          type="tel"
          value={operator.number}
          onChange={(value) => set('number', value)}
          placeholder="+49 170 1234567"
          hint="International format with country code."
        />
        <TextField
          field={`${path}.prefill`}
          label="Prefilled message"
          value={operator.prefill}
          onChange={(value) => set('prefill', value)}
          hint="Optional. Typed into WhatsApp for the visitor, who can edit it before sending."
          multiline
        />
        <TextField
          field={`${path}.iconUrl`}
          label="Photo URL"
          type="url"
          value={operator.iconUrl}
          onChange={(value) => set('iconUrl', value)}
          placeholder="https://example.com/anna.jpg"
          hint="Optional https image; initials are shown otherwise."
        />
        <CheckboxField
          field={`${path}.active`}
          label="Active"
          checked={operator.active}
          onChange={(value) => set('active', value)}
          hint="Inactive operators are never shown."
        />
        <HoursGrid
          hours={operator.hours}
          path={`${path}.hours`}
          who={who}
          onChange={(hours) => set('hours', hours)}
        />
      </fieldset>
    </li>
  );
}
