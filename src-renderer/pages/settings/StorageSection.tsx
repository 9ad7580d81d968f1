import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from '../../hooks';
import { formatBytes } from './backup-format';

/** Settings → Storage: the database, media per type and per number, and the biggest chats. */
export function StorageSection() {
  const intl = useIntl();
  const report = useQuery('storage.report', {});
  const data = report.data;
  const number = (value: number) => intl.formatNumber(value);
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">
        <FormattedMessage id="settings.storage.title" />
      </h2>
      {report.loading && !data && (
        <p className="muted" role="status">
          <FormattedMessage id="common.loading" />
        </p>
      )}
      {report.error && <p className="form-error">{report.error}</p>}
      {data && (
        <>
          <p aria-label={intl.formatMessage({ id: 'settings.storage.databaseSize' })}>
            <FormattedMessage
              id="settings.storage.summary"
              values={{
                database: formatBytes(data.database.bytes + data.database.walBytes, intl),
                unused: data.database.freeBytes > 0 ? formatBytes(data.database.freeBytes, intl) : 'none',
                media: formatBytes(data.media.bytes, intl),
                files: data.media.files,
              }}
            />
          </p>
          <table aria-label={intl.formatMessage({ id: 'settings.storage.byType' })}>
            <thead>
              <tr>
                <th>
                  <FormattedMessage id="settings.storage.col.type" />
                </th>
                <th>
                  <FormattedMessage id="settings.storage.col.files" />
                </th>
                <th>
                  <FormattedMessage id="settings.storage.col.size" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.media.byType.map((row) => (
                <tr key={row.type}>
                  <td>
                    <code>{row.type}</code>
                  </td>
                  <td>{number(row.files)}</td>
                  <td>{formatBytes(row.bytes, intl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label={intl.formatMessage({ id: 'settings.storage.byNumber' })}>
            <thead>
              <tr>
                <th>
                  <FormattedMessage id="settings.storage.col.number" />
                </th>
                <th>
                  <FormattedMessage id="settings.storage.col.files" />
                </th>
                <th>
                  <FormattedMessage id="settings.storage.col.size" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.media.bySession.map((row) => (
                <tr key={row.session}>
                  <td dir="auto">{row.session}</td>
                  <td>{number(row.files)}</td>
                  <td>{formatBytes(row.bytes, intl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label={intl.formatMessage({ id: 'settings.storage.biggestChats' })}>
            <thead>
              <tr>
                <th>
                  <FormattedMessage id="settings.storage.col.chat" />
                </th>
                <th>
                  <FormattedMessage id="settings.storage.col.number" />
                </th>
                <th>
                  <FormattedMessage id="settings.storage.col.messages" />
                </th>
                <th>
                  <FormattedMessage id="settings.storage.col.media" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.biggestChats.map((row) => (
                <tr key={`${row.session}|${row.chat}`}>
                  <td dir="auto">{row.name ?? `+${row.chat.split('@')[0]}`}</td>
                  <td dir="auto">{row.session}</td>
                  <td>{number(row.messages)}</td>
                  <td>{formatBytes(row.mediaBytes, intl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <button type="button" className="button button--secondary" onClick={() => void report.reload()}>
              <FormattedMessage id="common.refresh" />
            </button>
          </div>
        </>
      )}
    </section>
  );
}
