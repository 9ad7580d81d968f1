import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Channel } from '../../../../src-shared/contract/channels';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError, describeFieldProblem, RpcError } from '../../../transport/rpc-error';
import { ModalForm } from '../dialog-parts/ModalForm';
import { SessionField, useDialogSession } from '../dialog-parts/SessionField';
import { chatPath } from '../paths';

const NAME_MAX = 100;
const DESCRIPTION_MAX = 2048;

/**
 * Creates a channel the number owns (then opens its chat, with the composer), or edits an owned
 * one's name and description. WhatsApp is asked first; what it or the core refuses shows beside
 * the field it concerns (name, description), anything else under the form.
 */
export function ChannelDialog({
  initialSession,
  channel,
  onClose,
  onSaved,
}: {
  initialSession?: string | null;
  /** Editing this channel; absent: creating one. */
  channel?: Channel;
  onClose: () => void;
  onSaved?: (channel: Channel) => void;
}) {
  const t = useT();
  const transport = useTransport();
  const navigate = useNavigate();
  const ids = useId();
  const [name, setName] = useState(channel?.name ?? '');
  const [description, setDescription] = useState(channel?.description ?? '');
  const [sessionId, setSessionId] = useDialogSession(channel?.session ?? initialSession);
  const [problem, setProblem] = useState<{ field: 'name' | 'description' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem({ field: 'name', text: t('channels.create.nameRequired') });
      return;
    }
    setBusy(true);
    setProblem(null);
    void (async () => {
      try {
        const saved = channel
          ? await transport.call('channels.update', {
              session: channel.session,
              chat: channel.jid,
              name,
              description,
            })
          : await transport.call('channels.create', {
              session: sessionId,
              name,
              ...(description.trim() ? { description } : {}),
            });
        onSaved?.(saved);
        onClose();
        if (!channel) void navigate(chatPath(saved.session, saved.jid));
      } catch (caught) {
        const field =
          caught instanceof RpcError && (caught.field === 'name' || caught.field === 'description')
            ? caught.field
            : null;
        setProblem({
          field,
          text: field && caught instanceof RpcError ? describeFieldProblem(caught) : describeError(caught),
        });
      } finally {
        setBusy(false);
      }
    })();
  };

  const fieldError = (field: 'name' | 'description') =>
    problem?.field === field ? (
      <p id={`${ids}-${field}-error`} className="field-error" role="alert">
        {problem.text}
      </p>
    ) : null;
  const describedBy = (field: 'name' | 'description', hint?: string) =>
    [hint, problem?.field === field ? `${ids}-${field}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <ModalForm
      ids={ids}
      className="channel-dialog"
      title={t(channel ? 'channels.edit.title' : 'channels.create.title')}
      onSubmit={submit}
      onClose={onClose}
    >
      {!channel && (
        <SessionField
          ids={ids}
          label={t('channels.create.number')}
          value={sessionId}
          onChange={setSessionId}
        />
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-name`}>
          {t('channels.create.name')}
        </label>
        <input
          id={`${ids}-name`}
          autoFocus
          autoComplete="off"
          maxLength={NAME_MAX}
          value={name}
          aria-invalid={problem?.field === 'name' ? true : undefined}
          aria-describedby={describedBy('name')}
          onChange={(event) => {
            setName(event.target.value);
            if (problem?.field === 'name') setProblem(null);
          }}
        />
        {fieldError('name')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-description`}>
          {t('channels.create.description')}
        </label>
        <textarea
          id={`${ids}-description`}
          rows={3}
          maxLength={DESCRIPTION_MAX}
          value={description}
          aria-invalid={problem?.field === 'description' ? true : undefined}
          aria-describedby={describedBy('description', `${ids}-description-hint`)}
          onChange={(event) => {
            setDescription(event.target.value);
            if (problem?.field === 'description') setProblem(null);
          }}
        />
        <p id={`${ids}-description-hint`} className="field__hint">
          {t('channels.create.descriptionHint')}
        </p>
        {fieldError('description')}
      </div>
      {problem && problem.field === null && (
        <p className="field-error" role="alert">
          {problem.text}
        </p>
      )}
      <div className="row inbox-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('channels.create.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(busy ? 'channels.create.saving' : channel ? 'channels.edit.save' : 'channels.create.create')}
        </button>
      </div>
    </ModalForm>
  );
}
