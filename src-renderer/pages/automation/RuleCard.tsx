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

const MATCH_LABELS: Record<KeywordMatch, string> = {
  exact: 'Is exactly',
  contains: 'Contains the word(s)',
  startsWith: 'Starts with',
  regex: 'Matches the regular expression',
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
  const typed =
    rule.match === 'regex'
      ? rule.patterns
          .map((pattern, line) =>
            regexProblem(pattern) ? `line ${line + 1}: ${regexProblem(pattern)}` : null,
          )
          .find(Boolean)
      : null;
  const shown = error ?? typed ?? undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlProps.id}>
        Keywords (one per line; any of them)
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
      <p className="field__hint">Case and accents are ignored (“precio” matches “PRÉCIO”).</p>
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
  const label = rule.name || `Rule ${index + 1}`;
  return (
    <li className="card stack automation-rule" aria-label={`Rule ${index + 1}: ${label}`}>
      <div className="row automation-rule__bar">
        <strong>
          {index + 1}. {label}
        </strong>
        <span className="row">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Move ${label} up`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Move ${label} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            aria-label={`Remove ${label}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </span>
      </div>
      <div className="automation-grid">
        <TextField
          field={`rules.${index}.name`}
          label="Rule name"
          value={rule.name}
          onChange={(name) => onChange({ ...rule, name })}
        />
        <div className="field">
          <label className="field__label" htmlFor={matchField.controlProps.id}>
            Match
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
                {MATCH_LABELS[match]}
              </option>
            ))}
          </select>
          <FieldError field={`rules.${index}.match`} error={matchField.error} />
        </div>
      </div>
      <PatternsField index={index} rule={rule} onChange={(patterns) => onChange({ ...rule, patterns })} />
      <TemplateField
        field={`rules.${index}.reply`}
        label="Reply"
        value={rule.reply}
        onChange={(reply) => onChange({ ...rule, reply })}
      />
      <div className="automation-grid">
        <div className="field">
          <label className="field__label" htmlFor={savedField.controlProps.id}>
            Then send a saved reply
          </label>
          <select
            value={rule.savedReplyId ?? ''}
            onChange={(event) => {
              savedField.clear();
              onChange({ ...rule, savedReplyId: event.target.value || null });
            }}
            {...savedField.controlProps}
          >
            <option value="">None</option>
            {savedReplies.map((reply) => (
              <option key={reply.id} value={reply.id}>
                /{reply.shortcut} · {reply.title}
                {reply.media ? ` (${reply.media.type})` : ''}
              </option>
            ))}
          </select>
          <FieldError field={`rules.${index}.savedReplyId`} error={savedField.error} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={tagField.controlProps.id}>
            Add tag
          </label>
          <select
            value={rule.addTag ?? ''}
            onChange={(event) => {
              tagField.clear();
              onChange({ ...rule, addTag: event.target.value || null });
            }}
            {...tagField.controlProps}
          >
            <option value="">No tag</option>
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
            label="Stop automation in this chat"
            checked={rule.stop}
            onChange={(stop) => onChange({ ...rule, stop })}
          />
          <CheckboxField
            field={`rules.${index}.enabled`}
            label="Rule on"
            checked={rule.enabled}
            onChange={(enabled) => onChange({ ...rule, enabled })}
          />
        </div>
      </div>
    </li>
  );
}
