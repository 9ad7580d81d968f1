import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { newOperator, type OperatorDraft } from './draft';
import { FieldError, useField } from './fields';
import { OperatorCard } from './OperatorCard';

const MAX_OPERATORS = 50;

/** The operators in the order visitors see them: add, edit, reorder, remove. */
export function OperatorsEditor({
  operators,
  onChange,
}: {
  operators: OperatorDraft[];
  onChange(operators: OperatorDraft[]): void;
}) {
  const t = useT();
  // A new operator's hours start from the working week of the reader's language (Sun–Thu in Hebrew).
  const { locale } = useIntl();
  const { error } = useField('operators');
  const replace = (index: number, operator: OperatorDraft) =>
    onChange(operators.map((current, i) => (i === index ? operator : current)));
  const move = (index: number, offset: -1 | 1) => {
    const target = index + offset;
    const moved = operators[index];
    const other = operators[target];
    if (!moved || !other) return;
    const next = [...operators];
    next[target] = moved;
    next[index] = other;
    onChange(next);
  };
  return (
    <section className="card" aria-labelledby="widget-operators-title">
      <div className="card__header">
        <h2 id="widget-operators-title">{t('widget.operators.title')}</h2>
        <button
          type="button"
          className="button button--secondary"
          disabled={operators.length >= MAX_OPERATORS}
          onClick={() => onChange([...operators, newOperator(locale)])}
        >
          {t('widget.operators.add')}
        </button>
      </div>
      <p className="muted">{t('widget.operators.intro')}</p>
      <FieldError field="operators" error={error} />
      {operators.length === 0 ? (
        <p className="operators-empty">{t('widget.operators.empty')}</p>
      ) : (
        <ol className="operator-list">
          {operators.map((operator, index) => (
            <OperatorCard
              key={operator.key}
              operator={operator}
              index={index}
              count={operators.length}
              onChange={(next) => replace(index, next)}
              onMove={(offset) => move(index, offset)}
              onRemove={() => onChange(operators.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
