import { useT } from '../../i18n/use-t';
import { useEffect, useState } from 'react';
import type { SavedReply } from '../../../src-shared/contract/organize';
import type { KeywordRule } from '../../../src-shared/contract/automation';
import { useTransport } from '../../stores/connection';
import { useTags } from '../../stores/tags';
import { moved, newRuleId } from './draft';
import { RuleCard } from './RuleCard';

/** Keyword rules in order: the first that matches answers. */
export function RulesEditor({
  rules,
  onChange,
}: {
  rules: KeywordRule[];
  onChange(rules: KeywordRule[]): void;
}) {
  const transport = useTransport();
  const t = useT();
  const loadTags = useTags((state) => state.load);
  const [savedReplies, setSavedReplies] = useState<SavedReply[]>([]);
  useEffect(() => {
    void loadTags(transport);
    // Without the list the rule still keeps its saved reply; only the picker would be empty.
    transport.call('savedReplies.list', {}).then(
      ({ items }) => setSavedReplies(items),
      () => undefined,
    );
  }, [loadTags, transport]);
  const add = () =>
    onChange([
      ...rules,
      {
        id: newRuleId(),
        name: '',
        enabled: true,
        match: 'contains',
        patterns: [''],
        reply: '',
        savedReplyId: null,
        addTag: null,
        assign: null,
        webhookId: null,
        stop: false,
      },
    ]);
  return (
    <section className="stack" aria-labelledby="automation-rules-title">
      <h2 id="automation-rules-title">{t('automation.rules.title')}</h2>
      <p className="muted">{t('automation.rules.intro')}</p>
      {rules.length === 0 ? (
        <p className="muted">{t('automation.rules.empty')}</p>
      ) : (
        <ol className="automation-rules">
          {rules.map((rule, index) => (
            <RuleCard
              key={rule.id}
              index={index}
              count={rules.length}
              rule={rule}
              onChange={(next) => onChange(rules.map((r, i) => (i === index ? next : r)))}
              onMove={(to) => onChange(moved(rules, index, to))}
              onRemove={() => onChange(rules.filter((_, i) => i !== index))}
              savedReplies={savedReplies}
            />
          ))}
        </ol>
      )}
      <div>
        <button type="button" className="button button--secondary" onClick={add}>
          {t('automation.rules.add')}
        </button>
      </div>
    </section>
  );
}
