import { useEffect, useState } from 'react';
import type { Tag } from '../../../src-shared/contract/organize';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TAG_PALETTE, usageText } from '../../components/organize/organize-logic';
import { TagChip } from '../../components/organize/TagChip';
import { useTransport } from '../../stores/connection';
import { useTags } from '../../stores/tags';
import { describeError } from '../../transport/rpc-error';
import { TagForm } from './TagForm';

/** Every tag with its colour and usage; create, rename, recolour and delete (confirming the count). */
export function TagsSection() {
  const transport = useTransport();
  const { tags, loaded, error, load } = useTags();
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    void load(transport);
    // Usage counts follow taggings made anywhere (inbox, API, bots).
    return transport.subscribe((event) => {
      if (event.type === 'chat.tagged' || event.type === 'message.tagged') void load(transport);
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
      <h2 id="tags-title">Tags</h2>
      <p className="muted">
        Tag chats (or single messages) in the inbox, filter the chat list by tag, and let bots tag over the
        API.
      </p>
      <TagForm
        key={tags.length}
        initial={{ name: '', color: nextColor }}
        submitLabel="Create tag"
        onSubmit={create}
      />
      {error && <p className="form-error">{error}</p>}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      {loaded && tags.length === 0 && <p className="muted">No tags yet.</p>}
      <ul className="tag-list" aria-label="Tags">
        {tags.map((tag) => {
          const inUse = tag.usage.chats + tag.usage.messages > 0;
          return (
            <li key={tag.id} className="tag-list__item" aria-label={`Tag ${tag.name}`}>
              {editing === tag.id ? (
                <TagForm
                  initial={tag}
                  submitLabel="Save tag"
                  onSubmit={(draft) => update(tag, draft)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <TagChip tag={tag} />
                  <span className="tag-list__usage muted">
                    {inUse ? `Used by ${usageText(tag.usage)}` : 'Not used'}
                  </span>
                  <div className="row tag-list__actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setEditing(tag.id)}
                    >
                      Edit
                    </button>
                    <ConfirmButton
                      label="Delete"
                      question={
                        inUse
                          ? `Delete “${tag.name}”? It is used by ${usageText(tag.usage)}; it will be removed from them.`
                          : `Delete “${tag.name}”? No chat or message uses it.`
                      }
                      confirmLabel="Delete tag"
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
