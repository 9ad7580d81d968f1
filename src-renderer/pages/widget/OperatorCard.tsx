import { useT } from '../../i18n/use-t';
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
  const t = useT();
  const path = `operators.${index}`;
  const who = operator.name.trim() || t('widget.operator.fallbackName', { number: index + 1 });
  const set = <K extends keyof OperatorDraft>(key: K, value: OperatorDraft[K]) =>
    onChange({ ...operator, [key]: value });
  return (
    <li className="operator-card">
      <fieldset>
        <legend>
          <span className="operator-card__title">{who}</span>
          {!operator.active && <span className="badge">{t('widget.status.inactive')}</span>}
        </legend>
        <div className="operator-card__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('widget.operator.moveUp', { who })}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            {t('widget.operator.up')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('widget.operator.moveDown', { who })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            {t('widget.operator.down')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small button--danger-text"
            aria-label={t('widget.operator.remove', { who })}
            onClick={onRemove}
          >
            {t('widget.operator.removeButton')}
          </button>
        </div>
        <div className="widget-editor__pair">
          <TextField
            field={`${path}.name`}
            label={t('widget.operator.name')}
            value={operator.name}
            onChange={(value) => set('name', value)}
          />
          <TextField
            field={`${path}.role`}
            label={t('widget.operator.role')}
            value={operator.role}
            onChange={(value) => set('role', value)}
            placeholder={t('widget.operator.rolePlaceholder')}
          />
        </div>
        <TextField
          field={`${path}.number`}
          label={t('widget.operator.number')}
          type="tel"
          value={operator.number}
          onChange={(value) => set('number', value)}
          placeholder="+49 170 1234567"
          hint={t('widget.operator.numberHint')}
        />
        <TextField
          field={`${path}.prefill`}
          label={t('widget.operator.prefill')}
          value={operator.prefill}
          onChange={(value) => set('prefill', value)}
          hint={t('widget.operator.prefillHint')}
          multiline
        />
        <TextField
          field={`${path}.iconUrl`}
          label={t('widget.operator.photo')}
          type="url"
          value={operator.iconUrl}
          onChange={(value) => set('iconUrl', value)}
          placeholder="https://example.com/anna.jpg"
          hint={t('widget.operator.photoHint')}
        />
        <CheckboxField
          field={`${path}.active`}
          label={t('widget.status.active')}
          checked={operator.active}
          onChange={(value) => set('active', value)}
          hint={t('widget.operator.activeHint')}
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
