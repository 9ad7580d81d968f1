import '../../../styles/emoji.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { EmojiText } from '../../../components/emoji/EmojiText';
import { loadEmojiList } from './emoji-data';
import { EMOJI_GROUPS, searchEmoji, withSkinTone, type PickerEmoji, type SkinTone } from './emoji-model';
import { readRecent, readSkinTone, rememberRecent, saveSkinTone } from './emoji-prefs';
import { EmojiGrid, type GridItem } from './EmojiGrid';
import { SkinTonePicker } from './SkinTonePicker';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; list: PickerEmoji[] };

/**
 * The composer's emoji picker: search (in the user's language and English), categories, recently
 * used first, a skin tone remembered on this device. Esc or a click elsewhere closes it; Enter in
 * the search box picks the first match; arrow keys move through the grid.
 */
export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const intl = useIntl();
  const ref = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [query, setQuery] = useState('');
  const [tone, setTone] = useState<SkinTone>(readSkinTone);
  const [recent] = useState(readRecent);

  useEffect(() => {
    let live = true;
    loadEmojiList(intl.locale).then(
      (list) => live && setState({ kind: 'ready', list }),
      () => live && setState({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [intl.locale]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);

  const pick = (emoji: string) => {
    rememberRecent(emoji);
    onPick(emoji);
  };

  const sections = useMemo(() => {
    if (state.kind !== 'ready') return [];
    const toItem = (emoji: PickerEmoji): GridItem => ({
      emoji: withSkinTone(emoji, tone),
      label: emoji.label,
    });
    if (query.trim()) {
      const found = searchEmoji(state.list, query).map(toItem);
      return [
        {
          key: 'results',
          title: intl.formatMessage({ id: 'inbox-composer.emojiPicker.results' }),
          items: found,
        },
      ];
    }
    const byUnicode = new Map(
      state.list.flatMap((emoji) => [emoji, ...emoji.skins].map((e) => [e.unicode, e.label])),
    );
    const recentItems = recent.map((emoji) => ({ emoji, label: byUnicode.get(emoji) ?? emoji }));
    return [
      ...(recentItems.length
        ? [
            {
              key: 'recent',
              title: intl.formatMessage({ id: 'inbox-composer.emojiPicker.recent' }),
              items: recentItems,
            },
          ]
        : []),
      ...EMOJI_GROUPS.map((group) => ({
        key: group.key,
        title: intl.formatMessage({ id: `inbox-composer.emojiPicker.group.${group.key}` }),
        items: state.list.filter((emoji) => emoji.group === group.id).map(toItem),
      })),
    ];
  }, [state, query, tone, recent, intl]);

  const jumpTo = (key: string) =>
    bodyRef.current?.querySelector(`[data-section="${key}"]`)?.scrollIntoView({ block: 'start' });

  return (
    <div
      ref={ref}
      className="emoji-picker"
      role="dialog"
      aria-label={intl.formatMessage({ id: 'inbox-composer.emoji' })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="emoji-picker__top">
        <input
          type="search"
          className="emoji-picker__search"
          // The picker opens for typing: focus belongs in its search box.
          autoFocus
          value={query}
          placeholder={intl.formatMessage({ id: 'inbox-composer.emojiPicker.search' })}
          aria-label={intl.formatMessage({ id: 'inbox-composer.emojiPicker.search' })}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            const first = sections[0]?.items[0];
            if (event.key === 'Enter' && first) {
              event.preventDefault();
              pick(first.emoji);
            }
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              bodyRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
            }
          }}
        />
        <SkinTonePicker
          tone={tone}
          onChange={(next) => {
            setTone(next);
            saveSkinTone(next);
          }}
        />
      </div>
      {!query.trim() && state.kind === 'ready' && (
        <div
          className="emoji-picker__tabs"
          role="group"
          aria-label={intl.formatMessage({ id: 'inbox-composer.emojiPicker.categories' })}
        >
          {sections.map((section) => (
            <button
              key={section.key}
              type="button"
              title={section.title}
              aria-label={section.title}
              onClick={() => jumpTo(section.key)}
            >
              <EmojiText
                text={
                  section.key === 'recent'
                    ? '🕘'
                    : (EMOJI_GROUPS.find((group) => group.key === section.key)?.icon ?? '')
                }
              />
            </button>
          ))}
        </div>
      )}
      <div className="emoji-picker__body" ref={bodyRef}>
        {state.kind === 'loading' && (
          <p className="emoji-picker__status" role="status">
            {intl.formatMessage({ id: 'inbox-composer.emojiPicker.loading' })}
          </p>
        )}
        {state.kind === 'failed' && (
          <p className="emoji-picker__status" role="alert">
            {intl.formatMessage({ id: 'inbox-composer.emojiPicker.loadFailed' })}
          </p>
        )}
        {state.kind === 'ready' && sections.every((section) => section.items.length === 0) && (
          <p className="emoji-picker__status" role="status">
            {intl.formatMessage({ id: 'inbox-composer.emojiPicker.none' }, { query: query.trim() })}
          </p>
        )}
        {sections
          .filter((section) => section.items.length > 0)
          .map((section) => (
            <section key={section.key} data-section={section.key} aria-label={section.title}>
              <h3 className="emoji-picker__heading">{section.title}</h3>
              <EmojiGrid items={section.items} onPick={pick} />
            </section>
          ))}
      </div>
    </div>
  );
}
