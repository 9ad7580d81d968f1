import { useState } from 'react';
import type { SavedReply } from '../../../src-shared/contract/organize';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { SavedReplyForm, type SavedReplyDraft } from './SavedReplyForm';

/** Saved replies: standard answers staff insert in the composer by typing `/shortcut`. */
export function SavedRepliesSection() {
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
        <h2 id="replies-title">Saved replies</h2>
        {editing !== 'new' && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            Add saved reply
          </button>
        )}
      </div>
      <p className="muted">
        In a chat, type <kbd>/</kbd> in the message box to pick one; <code>[name]</code> becomes the
        customer’s name.
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
        <p className="muted">No saved replies yet.</p>
      )}
      <ul className="reply-list" aria-label="Saved replies">
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
            <li key={reply.id} className="reply-list__item" aria-label={`Saved reply /${reply.shortcut}`}>
              <div className="reply-list__head">
                <code>/{reply.shortcut}</code> <strong>{reply.title}</strong>
                {reply.media && <span className="pill">{reply.media.type}</span>}
              </div>
              <p className="reply-list__text">{reply.text}</p>
              <div className="row">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setEditing(reply.id)}
                >
                  Edit
                </button>
                <ConfirmButton
                  label="Delete"
                  question={`Delete the saved reply /${reply.shortcut}?`}
                  confirmLabel="Delete reply"
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
