import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Tag } from '../../../src-shared/contract/organize';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TAG_PALETTE } from '../../components/organize/organize-logic';
import { TagChip } from '../../components/organize/TagChip';
import { useTransport } from '../../stores/connection';
import { useTags } from '../../stores/tags';
import { describeError } from '../../transport/rpc-error';
import { TagForm } from './TagForm';
import { TagLabelSync } from './TagLabelSync';
import { tagUsageText } from './usage';

/** Every tag with its colour and usage; create, rename, recolour and delete (confirming the count). */
export function TagsSection() {
  const intl = useIntl();
  const transport = useTransport();
  const { tags, loaded, error, load } = useTags();
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    void load(transport);
    // Usage counts follow taggings made anywhere (inbox, API, bots).
    return transport.subscribe((event) => {
      // …and labels made, renamed or deleted on a business number's phone (label sync).
      if (
        event.type === 'chat.tagged' ||
        event.type === 'message.tagged' ||
        event.type === 'tag.label_synced'
      )
        void load(transport);
    });
  }, [transport, load]);

  const create = async (draft: { name: string; color: string }) => {
    await transport.call('tags.create', draft);
    await load(transport);
  };

  const update = async (tag: Tag, draft: { name: string; color: string }) => {
    await transport.call('tags.update', { id: tag.id, ...draft });
    setEditing(null);
    await load(transport);
  };

  const remove = async (tag: Tag) => {
    setActionError(null);
    try {
      const inUse = tag.usage.chats + tag.usage.messages > 0;
      await transport.call('tags.delete', { id: tag.id, confirm: inUse });
    } catch (caught) {
      setActionError(describeError(caught));
    }
    await load(transport);
  };

  const nextColor = TAG_PALETTE[tags.length % TAG_PALETTE.length] ?? TAG_PALETTE[0];
  return (
    <section className="card" aria-labelledby="tags-title">
      <h2 id="tags-title">
        <FormattedMessage id="tags.tags.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="tags.tags.intro" />
      </p>
      <TagForm
        key={tags.length}
        initial={{ name: '', color: nextColor }}
        submitLabel={intl.formatMessage({ id: 'tags.tags.create' })}
        onSubmit={create}
      />
      {error && <p className="form-error">{error}</p>}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      {loaded && tags.length === 0 && (
        <p className="muted">
          <FormattedMessage id="tags.tags.none" />
        </p>
      )}
      <ul className="tag-list" aria-label={intl.formatMessage({ id: 'tags.tags.title' })}>
        {tags.map((tag) => {
          const inUse = tag.usage.chats + tag.usage.messages > 0;
          return (
            <li
              key={tag.id}
              className="tag-list__item"
              aria-label={intl.formatMessage({ id: 'tags.tags.item' }, { name: tag.name })}
            >
              {editing === tag.id ? (
                <div className="stack">
                  <TagForm
                    initial={tag}
                    submitLabel={intl.formatMessage({ id: 'tags.tags.save' })}
                    onSubmit={(draft) => update(tag, draft)}
                    onCancel={() => setEditing(null)}
                  />
                  <TagLabelSync tag={tag} onChanged={() => void load(transport)} />
                </div>
              ) : (
                <>
                  <TagChip tag={tag} />
                  {tag.syncedWith.length > 0 && (
                    <span
                      className="tag-sync-mark"
                      title={intl.formatMessage(
                        { id: 'tags.labels.syncedWith' },
                        { numbers: tag.syncedWith.join(', ') },
                      )}
                    >
                      <FormattedMessage id="tags.labels.mark" />
                    </span>
                  )}
                  <span className="tag-list__usage muted">
                    {inUse
                      ? intl.formatMessage(
                          { id: 'tags.tags.usedBy' },
                          { usage: tagUsageText(tag.usage, intl) },
                        )
                      : intl.formatMessage({ id: 'tags.tags.notUsed' })}
                  </span>
                  <div className="row tag-list__actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setEditing(tag.id)}
                    >
                      <FormattedMessage id="common.edit" />
                    </button>
                    <ConfirmButton
                      label={intl.formatMessage({ id: 'common.delete' })}
                      question={
                        inUse
                          ? intl.formatMessage(
                              { id: 'tags.tags.deleteUsed' },
                              { name: tag.name, usage: tagUsageText(tag.usage, intl) },
                            )
                          : intl.formatMessage({ id: 'tags.tags.deleteUnused' }, { name: tag.name })
                      }
                      confirmLabel={intl.formatMessage({ id: 'tags.tags.deleteConfirm' })}
                      onConfirm={() => remove(tag)}
                    />
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
