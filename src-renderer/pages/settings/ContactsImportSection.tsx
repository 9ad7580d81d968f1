import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../i18n/messages/en';
import { useT } from '../../i18n/use-t';
import { describeRecipientProblem } from '../schedule/reasons';
import { useState } from 'react';
import type { ContactsImportResult } from '../../../src-shared/contract/contacts-import';
import type { CsvPreview } from '../../../src-shared/contract/schedule';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError, RpcError } from '../../transport/rpc-error';

type Role = 'phone' | 'name' | 'tags' | 'notes';
const ROLE_LABELS: Record<Role, MessageId> = {
  phone: 'contactimport.role.phone',
  name: 'contactimport.role.name',
  tags: 'contactimport.role.tags',
  notes: 'contactimport.role.notes',
};
/** What a column is imported as, under its header in the preview. */
const ROLE_NAMES: Record<Role, MessageId> = {
  phone: 'contactimport.as.phone',
  name: 'contactimport.as.name',
  tags: 'contactimport.as.tags',
  notes: 'contactimport.as.notes',
};
const FIELD_OF: Record<Role, string> = {
  phone: 'phoneColumn',
  name: 'nameColumn',
  tags: 'tagsColumn',
  notes: 'notesColumn',
};

/**
 * Settings → Contacts: import a CSV into one number with a column mapping preview (the campaign
 * import's reader), check it with a dry run, then import. Names show in the inbox; tags and
 * notes go on the contacts' chats, so a tag can be a campaign's recipients.
 */
export function ContactsImportSection() {
  const transport = useTransport();
  const t = useT();
  const sessions = useQuery('sessions.list', {});
  const [session, setSession] = useState('');
  const [csv, setCsv] = useState<{ text: string; fileName: string; preview: CsvPreview } | null>(null);
  const [columns, setColumns] = useState<Record<Role, string>>({ phone: '', name: '', tags: '', notes: '' });
  const [result, setResult] = useState<ContactsImportResult | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const chosenSession = session || sessions.data?.[0]?.id || '';

  const loadCsv = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      const text = await file.text();
      const preview = await transport.call('contactImport.preview', { csv: text });
      setCsv({ text, fileName: file.name, preview });
      setColumns({
        phone: preview.phoneColumn ?? preview.headers[0] ?? '',
        name: preview.nameColumn ?? '',
        tags: '',
        notes: '',
      });
    } catch (caught) {
      setCsv(null);
      setError({ field: 'csv', message: describeError(caught) });
    }
  };

  const run = async (dryRun: boolean) => {
    if (!csv) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await transport.call('contactImport.run', {
          session: chosenSession,
          csv: csv.text,
          phoneColumn: columns.phone,
          ...(columns.name ? { nameColumn: columns.name } : {}),
          ...(columns.tags ? { tagsColumn: columns.tags } : {}),
          ...(columns.notes ? { notesColumn: columns.notes } : {}),
          dryRun,
        }),
      );
    } catch (caught) {
      setError({
        field: caught instanceof RpcError ? (caught.field ?? '') : '',
        message: describeError(caught),
      });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) =>
    error?.field === field ? (
      <span className="form-error" role="alert">
        {error.message}
      </span>
    ) : null;
  const roleName = (header: string): MessageId => {
    const role = (Object.keys(columns) as Role[]).find((r) => columns[r] === header);
    return role ? ROLE_NAMES[role] : 'contactimport.notImported';
  };

  return (
    <section className="card" aria-labelledby="contacts-import-title">
      <h2 id="contacts-import-title">{t('contactimport.title')}</h2>
      <p className="muted">{t('contactimport.intro')}</p>
      {sessions.error && <p className="form-error">{sessions.error}</p>}
      {sessions.data && sessions.data.length === 0 && <p className="muted">{t('contactimport.linkFirst')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <div className="stack">
          <label className="field">
            <span className="field__label">{t('contactimport.number')}</span>
            <select value={chosenSession} onChange={(event) => setSession(event.target.value)}>
              {sessions.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {errorFor('session')}
          </label>
          <label className="field">
            <span className="field__label">{t('contactimport.file')}</span>
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void loadCsv(file);
              }}
            />
            {errorFor('csv')}
          </label>
          {csv && (
            <div className="csv-mapping" role="region" aria-label={t('contactimport.mapping')}>
              <p className="muted">
                <FormattedMessage
                  id="contactimport.rows"
                  values={{ file: <bdi>{csv.fileName}</bdi>, count: csv.preview.total }}
                />
              </p>
              <div className="when-fields__row">
                {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
                  <label key={role} className="field">
                    <span className="field__label">{t(ROLE_LABELS[role])}</span>
                    <select
                      value={columns[role]}
                      onChange={(event) => {
                        setColumns({ ...columns, [role]: event.target.value });
                        setResult(null);
                      }}
                    >
                      {role !== 'phone' && <option value="">{t('contactimport.none')}</option>}
                      {csv.preview.headers.map((h) => (
                        <option key={h} dir="auto">
                          {h}
                        </option>
                      ))}
                    </select>
                    {errorFor(FIELD_OF[role])}
                  </label>
                ))}
              </div>
              <div className="table-scroll">
                <table className="data-table">
                  <thead>
                    <tr>
                      {csv.preview.headers.map((h) => (
                        <th key={h}>
                          <bdi>{h}</bdi>
                          <div className="muted">{t(roleName(h))}</div>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {csv.preview.rows.map((row, index) => (
                      <tr key={index}>
                        {csv.preview.headers.map((h) => (
                          <td key={h} dir="auto">
                            {row[h]}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="when-fields__row">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => void run(true)}
                >
                  {t('contactimport.check')}
                </button>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={() => void run(false)}
                >
                  {t('contactimport.import')}
                </button>
              </div>
            </div>
          )}
          {error && !['session', 'csv', ...Object.values(FIELD_OF)].includes(error.field) && (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          )}
          {result && <ImportResult result={result} />}
        </div>
      )}
    </section>
  );
}

function ImportResult({ result }: { result: ContactsImportResult }) {
  const intl = useIntl();
  const t = useT();
  return (
    <div role="status" aria-label={t('contactimport.result')}>
      <p>
        {t('contactimport.summary', {
          dryRun: result.dryRun ? 'yes' : 'no',
          created: result.created,
          updated: result.updated,
          tagged: result.tagged,
          notes: result.notes,
          skipped: result.invalid.length,
        })}
      </p>
      {result.invalid.length > 0 && (
        <ul>
          {result.invalid.slice(0, 20).map((row) => (
            <li key={row.line}>
              <FormattedMessage
                id="contactimport.invalidRow"
                values={{
                  line: row.line,
                  input: row.input ? <bdi>{row.input}</bdi> : t('contactimport.emptyInput'),
                  error: describeRecipientProblem(row.error, intl),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
