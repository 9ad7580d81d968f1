import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Tagging } from '../../../src-shared/contract/organize';
import { useTransport } from '../../stores/connection';
import { useTags } from '../../stores/tags';
import { describeError } from '../../transport/rpc-error';
import { Swatch, TagChip } from './TagChip';
import { LatestCall } from '../../transport/latest-call';

/**
 * The tags of one chat, for the contact panel: chips with a remove button, and "Add tag"
 * opening a colour-coded picker of the other tags. Follows `chat.tagged` events, so tags added
 * elsewhere (another window, a bot, a message tag) show up.
 */
export function TagChips({ session, chat }: { session: string; chat: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const { tags, load: loadTags } = useTags();
  const [taggings, setTaggings] = useState<Tagging[]>([]);
  const [picking, setPicking] = useState(false);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const [latest] = useState(() => new LatestCall());

  // After switching chats, a slow answer for the chat before must not show its tags here.
  const reload = useCallback(
    () =>
      latest.run(
        () => transport.call('tags.ofChat', { session, chat }),
        (page) => setTaggings(page.items),
        (caught) => setError(describeError(caught)),
      ),
    [latest, transport, session, chat],
  );

  useEffect(() => {
    void reload();
    void loadTags(transport);
  }, [reload, loadTags, transport]);

  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'chat.tagged' && event.session === session && event.data.chat === chat)
          void reload();
      }),
    [transport, session, chat, reload],
  );

  useEffect(() => {
    if (picking) filterRef.current?.focus();
  }, [picking]);

  const onChat = useMemo(() => new Set(taggings.map((t) => t.tag.id)), [taggings]);
  const choices = tags.filter(
    (tag) => !onChat.has(tag.id) && tag.name.toLowerCase().includes(filter.trim().toLowerCase()),
  );

  const run = async (action: () => Promise<{ items: Tagging[] }>) => {
    setError(null);
    try {
      setTaggings((await action()).items);
      void loadTags(transport);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const add = (tagId: string) => {
    setPicking(false);
    setFilter('');
    void run(() => transport.call('tags.addToChat', { session, chat, tagId }));
  };

  return (
    <section className="tag-chips" aria-label={intl.formatMessage({ id: 'organize.tags.label' })}>
      <ul className="tag-chips__list">
        {taggings.map(({ tag, addedBy, addedAt }) => (
          <li
            key={tag.id}
            title={intl.formatMessage(
              { id: 'organize.tags.addedBy' },
              { who: addedBy, when: intl.formatDate(addedAt, { dateStyle: 'medium', timeStyle: 'short' }) },
            )}
          >
            <TagChip tag={tag}>
              <button
                type="button"
                className="tag-chip__remove"
                aria-label={intl.formatMessage({ id: 'organize.tags.remove' }, { name: tag.name })}
                onClick={() =>
                  void run(() => transport.call('tags.removeFromChat', { session, chat, tagId: tag.id }))
                }
              >
                ×
              </button>
            </TagChip>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="link-button"
            aria-expanded={picking}
            onClick={() => setPicking(!picking)}
          >
            {intl.formatMessage({ id: picking ? 'organize.tags.close' : 'organize.tags.add' })}
          </button>
        </li>
      </ul>
      {picking && (
        <div
          className="tag-picker"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setPicking(false);
          }}
        >
          <input
            ref={filterRef}
            aria-label={intl.formatMessage({ id: 'organize.tags.find' })}
            placeholder={intl.formatMessage({ id: 'organize.tags.findPlaceholder' })}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            onKeyDown={(event) => {
              const first = choices[0];
              if (event.key === 'Enter' && first) {
                event.preventDefault();
                add(first.id);
              }
            }}
          />
          <ul
            role="listbox"
            aria-label={intl.formatMessage({ id: 'organize.tags.choices' })}
            className="tag-picker__options"
          >
            {choices.map((tag) => (
              <li key={tag.id} role="option" aria-selected={false}>
                <button type="button" className="tag-picker__option" onClick={() => add(tag.id)}>
                  <Swatch color={tag.color} /> <bdi>{tag.name}</bdi>
                </button>
              </li>
            ))}
            {choices.length === 0 && (
              <li className="muted">
                {intl.formatMessage({
                  id: tags.length === 0 ? 'organize.tags.none' : 'organize.tags.noOthers',
                })}
              </li>
            )}
          </ul>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
