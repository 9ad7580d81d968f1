import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ChatNote } from '../../../src-shared/contract/organize';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { ConfirmButton } from '../ConfirmButton';
import '../../styles/organize.css';

/** Private notes on a chat, for the contact panel: staff only, never sent to the customer. */
export function ChatNotes({ session, chat }: { session: string; chat: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const [notes, setNotes] = useState<ChatNote[]>([]);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setNotes((await transport.call('notes.list', { session, chat })).items);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [transport, session, chat]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await reload();
      return true;
    } catch (caught) {
      setError(describeError(caught));
      return false;
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    if (await run(() => transport.call('notes.create', { session, chat, text: draft }))) setDraft('');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const { id, text } = editing;
    if (await run(() => transport.call('notes.update', { session, chat, id, text }))) setEditing(null);
  };

  return (
    <section className="chat-notes" aria-label={intl.formatMessage({ id: 'organize.notes.title' })}>
      <h3 className="chat-notes__title">
        <FormattedMessage id="organize.notes.title" />
      </h3>
      <p className="muted chat-notes__hint">
        <FormattedMessage id="organize.notes.hint" />
      </p>
      <ul className="chat-notes__list">
        {notes.map((note) => (
          <li
            key={note.id}
            className="chat-note"
            aria-label={intl.formatMessage({ id: 'organize.notes.by' }, { author: note.author })}
          >
            {editing?.id === note.id ? (
              <form onSubmit={(event) => void save(event)} className="chat-note__edit">
                <textarea
                  aria-label={intl.formatMessage({ id: 'organize.notes.text' })}
                  rows={3}
                  value={editing.text}
                  onChange={(event) => setEditing({ id: note.id, text: event.target.value })}
                />
                <div className="row">
                  <button type="submit" className="button button--primary">
                    <FormattedMessage id="organize.notes.save" />
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
                    <FormattedMessage id="organize.cancel" />
                  </button>
                </div>
              </form>
            ) : (
              <>
                <p className="chat-note__text" dir="auto">
                  {note.text}
                </p>
                <p className="muted chat-note__meta">
                  <FormattedMessage
                    id="organize.notes.meta"
                    values={{
                      author: <bdi>{note.author}</bdi>,
                      when: intl.formatDate(note.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                      edited: note.updatedAt !== note.createdAt ? 'yes' : 'no',
                    }}
                  />
                </p>
                <div className="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setEditing({ id: note.id, text: note.text })}
                  >
                    <FormattedMessage id="organize.notes.edit" />
                  </button>
                  <ConfirmButton
                    label={intl.formatMessage({ id: 'organize.notes.delete' })}
                    question={intl.formatMessage({ id: 'organize.notes.deleteQuestion' })}
                    confirmLabel={intl.formatMessage({ id: 'organize.notes.deleteConfirm' })}
                    onConfirm={() =>
                      run(() => transport.call('notes.delete', { session, chat, id: note.id })).then(
                        () => undefined,
                      )
                    }
                  />
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      <form className="chat-notes__add" onSubmit={(event) => void add(event)}>
        <textarea
          aria-label={intl.formatMessage({ id: 'organize.notes.new' })}
          rows={2}
          placeholder={intl.formatMessage({ id: 'organize.notes.placeholder' })}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={!draft.trim()}>
          <FormattedMessage id="organize.notes.add" />
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
