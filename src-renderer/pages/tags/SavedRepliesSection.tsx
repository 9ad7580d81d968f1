import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SavedReply } from '../../../src-shared/contract/organize';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { MEDIA_TYPE_TEXT } from './media-types';
import { SavedReplyForm, type SavedReplyDraft } from './SavedReplyForm';

/** Saved replies: standard answers staff insert in the composer by typing `/shortcut`. */
export function SavedRepliesSection() {
  const intl = useIntl();
  const transport = useTransport();
  const replies = useQuery('savedReplies.list', {});
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async (draft: SavedReplyDraft) => {
    await transport.call('savedReplies.create', draft);
    setEditing(null);
    await replies.reload();
  };

  const update = async (reply: SavedReply, draft: SavedReplyDraft) => {
    await transport.call('savedReplies.update', { id: reply.id, ...draft });
    setEditing(null);
    await replies.reload();
  };

  const remove = async (reply: SavedReply) => {
    setError(null);
    try {
      await transport.call('savedReplies.delete', { id: reply.id });
    } catch (caught) {
      setError(describeError(caught));
    }
    await replies.reload();
  };

  const items = replies.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="replies-title">
      <div className="section-header">
        <h2 id="replies-title">
          <FormattedMessage id="tags.replies.title" />
        </h2>
        {editing !== 'new' && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            <FormattedMessage id="tags.replies.add" />
          </button>
        )}
      </div>
      <p className="muted">
        <FormattedMessage
          id="tags.replies.intro"
          values={{ slash: <kbd>/</kbd>, placeholder: <code>[name]</code> }}
        />
      </p>
      {editing === 'new' && (
        <SavedReplyForm initial={null} onSubmit={create} onCancel={() => setEditing(null)} />
      )}
      {(replies.error ?? error) && (
        <p className="form-error" role="alert">
          {replies.error ?? error}
        </p>
      )}
      {replies.data && items.length === 0 && editing !== 'new' && (
        <p className="muted">
          <FormattedMessage id="tags.replies.none" />
        </p>
      )}
      <ul className="reply-list" aria-label={intl.formatMessage({ id: 'tags.replies.title' })}>
        {items.map((reply) =>
          editing === reply.id ? (
            <li key={reply.id}>
              <SavedReplyForm
                initial={reply}
                onSubmit={(draft) => update(reply, draft)}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li
              key={reply.id}
              className="reply-list__item"
              aria-label={intl.formatMessage({ id: 'tags.replies.item' }, { shortcut: reply.shortcut })}
            >
              <div className="reply-list__head">
                <code>/{reply.shortcut}</code> <strong dir="auto">{reply.title}</strong>
                {reply.media && (
                  <span className="pill">
                    {intl.formatMessage({ id: MEDIA_TYPE_TEXT[reply.media.type] })}
                  </span>
                )}
              </div>
              <p className="reply-list__text" dir="auto">
                {reply.text}
              </p>
              <div className="row">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setEditing(reply.id)}
                >
                  <FormattedMessage id="common.edit" />
                </button>
                <ConfirmButton
                  label={intl.formatMessage({ id: 'common.delete' })}
                  question={intl.formatMessage(
                    { id: 'tags.replies.deleteQuestion' },
                    { shortcut: reply.shortcut },
                  )}
                  confirmLabel={intl.formatMessage({ id: 'tags.replies.deleteConfirm' })}
                  onConfirm={() => remove(reply)}
                />
              </div>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
