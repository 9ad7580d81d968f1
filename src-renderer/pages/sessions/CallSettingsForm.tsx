import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CallSettings } from '../../../src-shared/contract/calls';
import { useQuery } from '../../hooks';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

const MESSAGE_MAX = 1000;

/** Whether a session's number rejects calls automatically, and what it then tells the caller. */
export function CallSettingsForm({ sessionId }: { sessionId: string }) {
  const t = useT();
  const transport = useTransport();
  const settings = useQuery('calls.settings', { session: sessionId });
  const [rejectCalls, setRejectCalls] = useState(false);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  const stored = settings.data;
  useEffect(() => {
    if (!stored) return;
    setRejectCalls(stored.rejectCalls);
    setMessage(stored.rejectMessage ?? '');
  }, [stored]);

  const draft: CallSettings = { rejectCalls, rejectMessage: message.trim() || null };
  const changed =
    stored !== null &&
    (draft.rejectCalls !== stored.rejectCalls || draft.rejectMessage !== stored.rejectMessage);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      settings.setData(await transport.call('calls.updateSettings', { session: sessionId, ...draft }));
      setSaved(true);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  };

  if (!stored) {
    return settings.error ? (
      <p className="form-error" role="alert">
        {t('sessions.calls.loadError', { error: settings.error })}
      </p>
    ) : (
      <p className="muted" role="status">
        {t('sessions.calls.loading')}
      </p>
    );
  }

  return (
    <form
      className="call-settings"
      aria-label={t('sessions.calls.formLabel')}
      onSubmit={(event) => void save(event)}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={rejectCalls}
          onChange={(event) => {
            setRejectCalls(event.target.checked);
            setSaved(false);
          }}
        />
        <span>{t('sessions.calls.reject')}</span>
      </label>
      <label className="field">
        <span className="field__label">{t('sessions.calls.message')}</span>
        <textarea
          rows={2}
          maxLength={MESSAGE_MAX}
          value={message}
          disabled={!rejectCalls}
          aria-describedby={hintId}
          placeholder={t('sessions.calls.messagePlaceholder')}
          onChange={(event) => {
            setMessage(event.target.value);
            setSaved(false);
          }}
        />
        <span id={hintId} className="field__hint">
          {t('sessions.calls.messageHint')}
        </span>
      </label>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={!changed || saving}>
          {t(saving ? 'sessions.calls.saving' : 'sessions.calls.save')}
        </button>
        {saved && !changed && (
          <span className="muted" role="status">
            {t('common.saved')}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
