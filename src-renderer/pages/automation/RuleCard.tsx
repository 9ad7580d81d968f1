import { useT } from '../../i18n/use-t';
import type { MessageId } from '../../i18n/messages/en';
import type { SavedReply } from '../../../src-shared/contract/organize';
import {
  KEYWORD_MATCHES,
  type KeywordMatch,
  type KeywordRule,
} from '../../../src-shared/contract/automation';
import { regexProblem } from '../../../src-shared/automation-text';
import { useTags } from '../../stores/tags';
import { CheckboxField, FieldError, TextField, useField } from '../widget/fields';
import { RuleAssignField } from './RuleAssignField';
import { RuleWebhookField } from './RuleWebhookField';
import { TemplateField } from './TemplateField';

const MATCH_LABELS: Record<KeywordMatch, MessageId> = {
  exact: 'automation.match.exact',
  contains: 'automation.match.contains',
  startsWith: 'automation.match.startsWith',
  regex: 'automation.match.regex',
};

function PatternsField({
  index,
  rule,
  onChange,
}: {
  index: number;
  rule: KeywordRule;
  onChange(patterns: string[]): void;
}) {
  const field = `rules.${index}.patterns`;
  const { error, clear, controlProps } = useField(field);
  const t = useT();
  const badLine = rule.match === 'regex' ? rule.patterns.findIndex((pattern) => regexProblem(pattern)) : -1;
  const typed = badLine >= 0 ? t('automation.rule.badRegex', { line: badLine + 1 }) : null;
  const shown = error ?? typed ?? undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        {t('automation.rule.keywords')}
      </label>
      <textarea
        rows={2}
        dir="auto"
        value={rule.patterns.join('\n')}
        onChange={(event) => {
          clear();
          onChange(event.target.value.split('\n'));
        }}
        {...controlProps}
        aria-invalid={shown ? true : undefined}
      />
      <p className="field__hint">{t('automation.rule.keywordsHint')}</p>
      <FieldError field={field} error={shown} />
    </div>
  );
}

/** One keyword rule, edited in place: what it matches and how it answers; moved up or down, or removed. */
export function RuleCard({
  index,
  count,
  rule,
  onChange,
  onMove,
  onRemove,
  savedReplies,
}: {
  index: number;
  count: number;
  rule: KeywordRule;
  savedReplies: SavedReply[];
  onChange(rule: KeywordRule): void;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const tags = useTags((state) => state.tags);
  const matchField = useField(`rules.${index}.match`);
  const tagField = useField(`rules.${index}.addTag`);
  const savedField = useField(`rules.${index}.savedReplyId`);
  const t = useT();
  const label = rule.name || t('automation.rule.fallbackName', { number: index + 1 });
  return (
    <li
      className="card stack automation-rule"
      aria-label={t('automation.rule.label', { number: index + 1, name: label })}
    >
      <div className="row automation-rule__bar">
        <strong>
          {index + 1}. <bdi>{label}</bdi>
        </strong>
        <span className="row">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('automation.moveUp', { name: label })}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('automation.moveDown', { name: label })}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            aria-label={t('automation.removeNamed', { name: label })}
            onClick={onRemove}
          >
            {t('automation.remove')}
          </button>
        </span>
      </div>
      <div className="automation-grid">
        <TextField
          field={`rules.${index}.name`}
          label={t('automation.rule.name')}
          value={rule.name}
          onChange={(name) => onChange({ ...rule, name })}
        />
        <div className="field">
          <label className="field__label" htmlFor={matchField.controlProps.id}>
            {t('automation.rule.match')}
          </label>
          <select
            value={rule.match}
            onChange={(event) => {
              matchField.clear();
              onChange({ ...rule, match: event.target.value as KeywordMatch });
            }}
            {...matchField.controlProps}
          >
            {KEYWORD_MATCHES.map((match) => (
              <option key={match} value={match}>
                {t(MATCH_LABELS[match])}
              </option>
            ))}
          </select>
          <FieldError field={`rules.${index}.match`} error={matchField.error} />
        </div>
      </div>
      <PatternsField index={index} rule={rule} onChange={(patterns) => onChange({ ...rule, patterns })} />
      <TemplateField
        field={`rules.${index}.reply`}
        label={t('automation.rule.reply')}
        value={rule.reply}
        onChange={(reply) => onChange({ ...rule, reply })}
      />
      <div className="automation-grid">
        <div className="field">
          <label className="field__label" htmlFor={savedField.controlProps.id}>
            {t('automation.rule.savedReply')}
          </label>
          <select
            value={rule.savedReplyId ?? ''}
            onChange={(event) => {
              savedField.clear();
              onChange({ ...rule, savedReplyId: event.target.value || null });
            }}
            {...savedField.controlProps}
          >
            <option value="">{t('automation.rule.none')}</option>
            {savedReplies.map((reply) => (
              <option key={reply.id} value={reply.id}>
                {t('automation.rule.savedReplyOption', {
                  shortcut: reply.shortcut,
                  title: reply.title,
                  media: reply.media?.type ?? 'none',
                })}
              </option>
            ))}
          </select>
          <FieldError field={`rules.${index}.savedReplyId`} error={savedField.error} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={tagField.controlProps.id}>
            {t('automation.rule.addTag')}
          </label>
          <select
            value={rule.addTag ?? ''}
            onChange={(event) => {
              tagField.clear();
              onChange({ ...rule, addTag: event.target.value || null });
            }}
            {...tagField.controlProps}
          >
            <option value="">{t('automation.rule.noTag')}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
          <FieldError field={`rules.${index}.addTag`} error={tagField.error} />
        </div>
        <RuleAssignField
          index={index}
          value={rule.assign}
          onChange={(assign) => onChange({ ...rule, assign })}
        />
        <RuleWebhookField
          index={index}
          value={rule.webhookId}
          onChange={(webhookId) => onChange({ ...rule, webhookId })}
        />
        <div className="stack">
          <CheckboxField
            field={`rules.${index}.stop`}
            label={t('automation.rule.stop')}
            checked={rule.stop}
            onChange={(stop) => onChange({ ...rule, stop })}
          />
          <CheckboxField
            field={`rules.${index}.enabled`}
            label={t('automation.rule.enabled')}
            checked={rule.enabled}
            onChange={(enabled) => onChange({ ...rule, enabled })}
          />
        </div>
      </div>
    </li>
  );
}
