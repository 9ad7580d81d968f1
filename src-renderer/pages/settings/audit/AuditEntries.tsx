import { FormattedMessage, useIntl } from 'react-intl';
import type { AuditEntry } from '../../../../src-shared/contract/people';

/** The entries, newest first: when, who, what, on what, from where. */
export function AuditEntries({ items }: { items: AuditEntry[] }) {
  const intl = useIntl();
  return (
    <div className="table-scroll">
      <table
        className="data-table data-table--stacks"
        aria-label={intl.formatMessage({ id: 'staff.audit.tableLabel' })}
      >
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="staff.audit.col.when" />
            </th>
            <th scope="col">
              <FormattedMessage id="staff.audit.col.who" />
            </th>
            <th scope="col">
              <FormattedMessage id="staff.audit.col.action" />
            </th>
            <th scope="col">
              <FormattedMessage id="staff.audit.col.target" />
            </th>
            <th scope="col">
              <FormattedMessage id="staff.audit.col.address" />
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td data-label={intl.formatMessage({ id: 'staff.audit.col.when' })}>
                <time dateTime={entry.at}>
                  {intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </td>
              <td data-label={intl.formatMessage({ id: 'staff.audit.col.who' })}>
                <bdi dir="auto">{entry.actor.name}</bdi>
              </td>
              <td data-label={intl.formatMessage({ id: 'staff.audit.col.action' })}>
                <code>{entry.action}</code>
              </td>
              <td data-label={intl.formatMessage({ id: 'staff.audit.col.target' })}>
                <bdi dir="auto">{entry.target ?? ''}</bdi>
              </td>
              <td data-label={intl.formatMessage({ id: 'staff.audit.col.address' })}>
                {entry.address ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
