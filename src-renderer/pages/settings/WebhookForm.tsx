import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { EventTypeList, Webhook } from '../../../src-shared/contract/webhooks';
import type { EventType } from '../../../src-shared/contract/events';
import type { Session } from '../../../src-shared/model';
import { currentIntl } from '../../i18n/store';
import { describeError } from '../../transport/rpc-error';
import { FormActions } from '../../components/FormActions';

export interface WebhookDraft {
  name: string;
  url: string;
  session: string | null;
  events: EventType[] | null;
  headers: Record<string, string>;
  enabled: boolean;
}

/** `Name: value` per line ↔ a header map. */
function headersToText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function textToHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new Error(
        currentIntl().formatMessage({ id: 'settings.webhookForm.badHeader' }, { line: line.trim() }),
      );
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Create or edit a webhook: URL, session, event types (all or chosen), extra headers, enabled. */
export function WebhookForm({
  initial,
  eventTypes,
  sessions,
  onSubmit,
  onCancel,
}: {
  initial: Webhook | null;
  eventTypes: EventTypeList['items'];
  sessions: Session[];
  onSubmit: (draft: WebhookDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const [name, setName] = useState(initial?.name ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [session, setSession] = useState(initial?.session ?? '');
  const [allEvents, setAllEvents] = useState(initial ? initial.events === null : true);
  const [chosen, setChosen] = useState<EventType[]>(
    (initial?.events as EventType[] | null) ?? ['message.received'],
  );
  const [headers, setHeaders] = useState(headersToText(initial?.headers ?? {}));
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await onSubmit({
        name: name.trim() || (URL.canParse(url) ? new URL(url).host : url),
        url: url.trim(),
        session: session || null,
        events: allEvents ? null : chosen,
        headers: textToHeaders(headers),
        enabled,
      });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (type: EventType, on: boolean) =>
    setChosen((current) => (on ? [...current, type] : current.filter((item) => item !== type)));

  return (
    <form
      className="integration-form card"
      aria-label={
        initial
          ? intl.formatMessage({ id: 'settings.webhookForm.editLabel' }, { name: initial.name })
          : intl.formatMessage({ id: 'settings.webhookForm.newLabel' })
      }
      onSubmit={(event) => void submit(event)}
    >
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="settings.webhookForm.url" />
        </span>
        <input
          type="url"
          required
          value={url}
          placeholder="https://crm.example/whatsapp"
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="settings.webhookForm.name" />
        </span>
        <input
          value={name}
          maxLength={80}
          placeholder={intl.formatMessage({ id: 'settings.webhookForm.namePlaceholder' })}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="settings.webhookForm.session" />
        </span>
        <select value={session} onChange={(event) => setSession(event.target.value)}>
          <option value="">{intl.formatMessage({ id: 'settings.webhooks.everySession' })}</option>
          {sessions.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name} ({item.id})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="choices">
        <legend className="field__label">
          <FormattedMessage id="settings.webhookForm.events" />
        </legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={allEvents}
            onChange={(event) => setAllEvents(event.target.checked)}
          />
          <span>
            <FormattedMessage id="settings.webhookForm.allEvents" />
          </span>
        </label>
        {!allEvents && (
          <div className="choices__grid">
            {eventTypes.map((item) => (
              <label key={item.type} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(item.type as EventType)}
                  onChange={(event) => toggle(item.type as EventType, event.target.checked)}
                />
                <span>
                  <code>{item.type}</code> <span className="muted">{item.description}</span>
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="settings.webhookForm.headers" />
        </span>
        <textarea
          rows={2}
          value={headers}
          placeholder="Authorization: Bearer …"
          onChange={(event) => setHeaders(event.target.value)}
        />
        {initial && Object.keys(initial.headers).length > 0 && (
          <span className="field__hint">
            <FormattedMessage id="settings.webhookForm.headersHidden" />
          </span>
        )}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <span>
          <FormattedMessage id="settings.webhooks.enabled" />
        </span>
      </label>
      <FormActions
        error={error}
        submitLabel={intl.formatMessage({
          id: initial ? 'settings.webhookForm.save' : 'settings.webhookForm.create',
        })}
        disabled={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
