import { useQuery } from '../../hooks';
import { formatPhone } from '../../model/phone';
import { formatBytes } from './backup-format';

/** Settings → Storage: the database, media per type and per number, and the biggest chats. */
export function StorageSection() {
  const report = useQuery('storage.report', {});
  const data = report.data;
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      {report.error && <p className="form-error">{report.error}</p>}
      {data && (
        <>
          <p aria-label="Database size">
            Database: {formatBytes(data.database.bytes + data.database.walBytes)}
            {data.database.freeBytes > 0 && ` (${formatBytes(data.database.freeBytes)} of it unused)`}. Media:{' '}
            {formatBytes(data.media.bytes)} in {data.media.files} files.
          </p>
          <table aria-label="Media by type">
            <thead>
              <tr>
                <th>Type</th>
                <th>Files</th>
                <th>Size</th>
              </tr>
            </thead>
            <tbody>
              {data.media.byType.map((row) => (
                <tr key={row.type}>
                  <td>{row.type}</td>
                  <td>{row.files}</td>
                  <td>{formatBytes(row.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label="Media by number">
            <thead>
              <tr>
                <th>Number</th>
                <th>Files</th>
                <th>Size</th>
              </tr>
            </thead>
            <tbody>
              {data.media.bySession.map((row) => (
                <tr key={row.session}>
                  <td>{row.session}</td>
                  <td>{row.files}</td>
                  <td>{formatBytes(row.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label="Biggest chats">
            <thead>
              <tr>
                <th>Chat</th>
                <th>Number</th>
                <th>Messages</th>
                <th>Media</th>
              </tr>
            </thead>
            <tbody>
              {data.biggestChats.map((row) => (
                <tr key={`${row.session}|${row.chat}`}>
                  <td dir="auto">{row.name ?? formatPhone(row.chat.split('@')[0]) ?? row.chat}</td>
                  <td>{row.session}</td>
                  <td>{row.messages}</td>
                  <td>{formatBytes(row.mediaBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <button type="button" className="button button--secondary" onClick={() => void report.reload()}>
              Refresh
            </button>
          </div>
        </>
      )}
    </section>
  );
}
