import { useEffect, useState, type FormEvent } from 'react';
import type {
  Campaign,
  CampaignPreview,
  CsvPreview,
  RecipientsInput,
  WorkingHours,
} from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { timeZoneOptions } from '../widget/time-zones';
import { browserZone } from './when';

type Source = RecipientsInput['source'];

/** Create a campaign: template with a live dry-run, recipients (paste, CSV, tag), pacing. */
export function CampaignWizard({
  sessions,
  onCreated,
  onCancel,
}: {
  sessions: Session[];
  onCreated: (campaign: Campaign) => void;
  onCancel: () => void;
}) {
  const transport = useTransport();
  const [session, setSession] = useState(sessions[0]?.id ?? '');
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('{Hi|Hello} [name], ');
  const [source, setSource] = useState<Source>('list');
  const [pasted, setPasted] = useState('');
  const [csv, setCsv] = useState<{ text: string; fileName: string; preview: CsvPreview } | null>(null);
  const [phoneColumn, setPhoneColumn] = useState('');
  const [nameColumn, setNameColumn] = useState('');
  const [tagId, setTagId] = useState('');
  const [delayMin, setDelayMin] = useState('2');
  const [delayMax, setDelayMax] = useState('5');
  const [dailyCap, setDailyCap] = useState('');
  const [useHours, setUseHours] = useState(false);
  const [hours, setHours] = useState<WorkingHours>({
    timeZone: browserZone(),
    from: '09:00',
    until: '18:00',
  });
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tags = useQuery('tags.list', {});

  const recipients: RecipientsInput | null =
    source === 'list'
      ? pasted.trim()
        ? { source: 'list', text: pasted }
        : null
      : source === 'csv'
        ? csv && phoneColumn
          ? { source: 'csv', csv: csv.text, phoneColumn, ...(nameColumn ? { nameColumn } : {}) }
          : null
        : tagId
          ? { source: 'tag', tagId }
          : null;
  const recipientsKey = JSON.stringify(recipients);

  // The dry run: the first three messages exactly as they would be sent, refreshed as you type.
  useEffect(() => {
    if (!recipients || !template.trim()) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      transport
        .call('campaigns.preview', { session: session || undefined, template, recipients, limit: 3 })
        .then(
          (result) => {
            setPreview(result);
            setPreviewError(null);
          },
          (caught: unknown) => {
            setPreview(null);
            setPreviewError(describeError(caught));
          },
        );
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recipientsKey stands for recipients
  }, [transport, session, template, recipientsKey]);

  const loadCsv = async (file: File) => {
    setError(null);
    try {
      const text = await file.text();
      const result = await transport.call('campaigns.csvPreview', { csv: text });
      setCsv({ text, fileName: file.name, preview: result });
      setPhoneColumn(result.phoneColumn ?? result.headers[0] ?? '');
      setNameColumn(result.nameColumn ?? '');
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!recipients) return setError('Add recipients first');
    setBusy(true);
    setError(null);
    try {
      const campaign = await transport.call('campaigns.create', {
        session,
        name,
        template,
        recipients,
        delayMinMs: Math.round(Number(delayMin) * 1000),
        delayMaxMs: Math.round(Number(delayMax) * 1000),
        dailyCap: dailyCap ? Number(dailyCap) : null,
        workingHours: useHours ? hours : null,
      });
      onCreated(campaign);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card campaign-wizard" aria-label="New campaign" onSubmit={(event) => void submit(event)}>
      <div className="when-fields__row">
        <label className="field">
          <span className="field__label">Campaign name</span>
          <input required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Session</span>
          <select value={session} onChange={(event) => setSession(event.target.value)}>
            {sessions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.id})
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field__label">Message template</span>
        <textarea rows={4} required value={template} onChange={(event) => setTemplate(event.target.value)} />
        <span className="muted">
          <code>{'{Hi|Hello}'}</code> picks one variant per recipient; <code>[name]</code>,{' '}
          <code>[phone]</code> and CSV columns like <code>[city]</code> are filled in.
        </span>
      </label>

      <fieldset className="choices">
        <legend className="field__label">Recipients</legend>
        <div className="row" role="radiogroup" aria-label="Recipients from">
          {(
            [
              ['list', 'Paste a list'],
              ['csv', 'CSV file'],
              ['tag', 'A tag'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="source"
                checked={source === value}
                onChange={() => setSource(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
        {source === 'list' && (
          <label className="field">
            <span className="field__label">Phone numbers</span>
            <textarea
              rows={6}
              value={pasted}
              placeholder={'+972 50-123-4567, Dana\n+972 52-765-4321, Avi'}
              onChange={(event) => setPasted(event.target.value)}
            />
            <span className="muted">One per line; a name may follow a comma.</span>
          </label>
        )}
        {source === 'csv' && (
          <div className="stack">
            <label className="field">
              <span className="field__label">CSV file</span>
              <input
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void loadCsv(file);
                }}
              />
            </label>
            {csv && (
              <div className="csv-mapping" role="region" aria-label="Column mapping">
                <p className="muted">
                  {csv.fileName}: {csv.preview.total} rows
                </p>
                <div className="when-fields__row">
                  <label className="field">
                    <span className="field__label">Phone column</span>
                    <select value={phoneColumn} onChange={(event) => setPhoneColumn(event.target.value)}>
                      {csv.preview.headers.map((h) => (
                        <option key={h}>{h}</option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span className="field__label">Name column</span>
                    <select value={nameColumn} onChange={(event) => setNameColumn(event.target.value)}>
                      <option value="">(none)</option>
                      {csv.preview.headers.map((h) => (
                        <option key={h}>{h}</option>
                      ))}
                    </select>
                  </label>
                </div>
                <div className="table-scroll">
                  <table className="data-table">
                    <thead>
                      <tr>
                        {csv.preview.headers.map((h) => (
                          <th key={h}>
                            {h}
                            <div className="muted">
                              {h === phoneColumn
                                ? 'phone'
                                : h === nameColumn
                                  ? '[name]'
                                  : `[${h.toLowerCase()}]`}
                            </div>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {csv.preview.rows.map((row, index) => (
                        <tr key={index}>
                          {csv.preview.headers.map((h) => (
                            <td key={h}>{row[h]}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            )}
          </div>
        )}
        {source === 'tag' && (
          <label className="field">
            <span className="field__label">Tag</span>
            <select value={tagId} onChange={(event) => setTagId(event.target.value)}>
              <option value="">Choose a tag…</option>
              {(tags.data?.items ?? []).map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
            {tags.error && <span className="form-error">{tags.error}</span>}
          </label>
        )}
      </fieldset>

      <section className="campaign-preview" aria-label="Dry run" aria-live="polite">
        <h3>Dry run</h3>
        {previewError && <p className="form-error">{previewError}</p>}
        {!preview && !previewError && <p className="muted">Add recipients to see the first messages.</p>}
        {preview && (
          <>
            <p className="muted">
              {preview.counts.valid} will be sent · {preview.counts.invalid} invalid ·{' '}
              {preview.counts.duplicates} duplicates · {preview.counts.optedOut} opted out
            </p>
            <ol className="preview-list">
              {preview.messages.map((message) => (
                <li key={message.to}>
                  <div className="muted">{message.to}</div>
                  <div className="bubble">{message.text}</div>
                </li>
              ))}
            </ol>
            {preview.invalid.length > 0 && (
              <p className="muted">
                Not sent: {preview.invalid.map((item) => `${item.input} (${item.error})`).join('; ')}
              </p>
            )}
          </>
        )}
      </section>

      <fieldset className="choices">
        <legend className="field__label">Pacing</legend>
        <div className="when-fields__row">
          <label className="field">
            <span className="field__label">Delay from (s)</span>
            <input
              type="number"
              min={0}
              step={0.1}
              value={delayMin}
              onChange={(e) => setDelayMin(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">Delay to (s)</span>
            <input
              type="number"
              min={0}
              step={0.1}
              value={delayMax}
              onChange={(e) => setDelayMax(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">Daily cap for this number</span>
            <input
              type="number"
              min={1}
              placeholder="no cap"
              value={dailyCap}
              onChange={(e) => setDailyCap(e.target.value)}
            />
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={useHours} onChange={(event) => setUseHours(event.target.checked)} />
          <span>Send only during working hours</span>
        </label>
        {useHours && (
          <div className="when-fields__row">
            <label className="field">
              <span className="field__label">From</span>
              <input
                type="time"
                value={hours.from}
                onChange={(e) => setHours({ ...hours, from: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">Until</span>
              <input
                type="time"
                value={hours.until}
                onChange={(e) => setHours({ ...hours, until: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">Time zone</span>
              <select
                value={hours.timeZone}
                onChange={(e) => setHours({ ...hours, timeZone: e.target.value })}
              >
                {timeZoneOptions(hours.timeZone).map((zone) => (
                  <option key={zone}>{zone}</option>
                ))}
              </select>
            </label>
          </div>
        )}
      </fieldset>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy || !recipients || !session}>
          {busy ? 'Checking numbers…' : 'Start campaign'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
