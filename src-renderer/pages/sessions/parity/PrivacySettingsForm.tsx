import { useCallback, useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PrivacySettings } from '../../../../src-shared/contract/privacy';
import { useTransport } from '../../../stores/connection';
import { usePrivacyLive } from '../../../stores/privacy-live';
import { describeError } from '../../../transport/rpc-error';
import { choiceLabel, PRIVACY_FIELDS } from './privacy-options';

type Key = keyof PrivacySettings;
type FieldState = { saving: boolean; saved: boolean; error: string | null };

/**
 * The number's WhatsApp privacy settings (issue #19), read from WhatsApp when opened. Each choice
 * is saved as it is made (the phone shows the same), with "Saved" or the refusal beside it; a
 * change made by someone else arrives as `session.privacy_updated` and shows at once.
 */
export function PrivacySettingsForm({ sessionId }: { sessionId: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const ids = useId();
  const [settings, setSettings] = useState<PrivacySettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<Key, FieldState>>>({});
  const live = usePrivacyLive((state) => state.bySession[sessionId]);

  const load = useCallback(() => {
    setLoadError(null);
    transport
      .call('privacy.get', { session: sessionId })
      .then(setSettings)
      .catch((caught: unknown) => setLoadError(describeError(caught)));
  }, [transport, sessionId]);
  useEffect(load, [load]);

  useEffect(() => {
    if (live) setSettings(live);
  }, [live]);

  const change = async (key: Key, value: string) => {
    setFields((all) => ({ ...all, [key]: { saving: true, saved: false, error: null } }));
    try {
      const now = await transport.call('privacy.update', { session: sessionId, [key]: value });
      setSettings(now);
      setFields((all) => ({ ...all, [key]: { saving: false, saved: true, error: null } }));
    } catch (caught) {
      setFields((all) => ({ ...all, [key]: { saving: false, saved: false, error: describeError(caught) } }));
    }
  };

  if (loadError) {
    return (
      <div className="privacy-form__error" role="alert">
        <p className="form-error">
          <FormattedMessage id="inbox-parity.privacy.loadError" values={{ error: loadError }} />
        </p>
        <button type="button" className="button button--secondary" onClick={load}>
          <FormattedMessage id="inbox-parity.privacy.retry" />
        </button>
      </div>
    );
  }
  if (!settings) {
    return (
      <p className="muted" role="status">
        <FormattedMessage id="inbox-parity.privacy.loading" />
      </p>
    );
  }
  return (
    <div className="privacy-form">
      {PRIVACY_FIELDS.map((field) => {
        const state = fields[field.key];
        const id = `${ids}-${field.key}`;
        return (
          <div key={field.key} className="privacy-form__field">
            <label htmlFor={id}>{intl.formatMessage({ id: field.label })}</label>
            <select
              id={id}
              value={settings[field.key]}
              disabled={state?.saving}
              aria-invalid={state?.error ? true : undefined}
              aria-describedby={`${id}-hint ${id}-status`}
              onChange={(event) => void change(field.key, event.target.value)}
            >
              {field.values.map((value) => (
                <option key={value} value={value}>
                  {intl.formatMessage({ id: choiceLabel(field.key, value) })}
                </option>
              ))}
            </select>
            <span id={`${id}-hint`} className="muted privacy-form__hint">
              {intl.formatMessage({ id: field.hint })}
            </span>
            <span
              id={`${id}-status`}
              className="privacy-form__status"
              role={state?.error ? 'alert' : 'status'}
            >
              {state?.saving && <FormattedMessage id="inbox-parity.privacy.saving" />}
              {state?.saved && <FormattedMessage id="inbox-parity.privacy.saved" />}
              {state?.error && <span className="form-error">{state.error}</span>}
            </span>
          </div>
        );
      })}
    </div>
  );
}
