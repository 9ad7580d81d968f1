import { FormattedMessage, useIntl } from 'react-intl';
import type { CampaignRecipient } from '../../../src-shared/contract/schedule';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { describeSendFailure } from './send-failure';

/** A campaign's recipients in list order: who, their status (and why it failed), when sent. */
export function RecipientsTable({ recipients }: { recipients: CampaignRecipient[] | null }) {
  const intl = useIntl();
  const columns: Column<CampaignRecipient>[] = [
    {
      id: 'position',
      header: intl.formatMessage({ id: 'schedule.recipients.col.position' }),
      cell: (recipient) => intl.formatNumber(recipient.position),
    },
    {
      id: 'recipient',
      header: intl.formatMessage({ id: 'schedule.recipients.col.recipient' }),
      cell: (recipient) => recipient.input,
    },
    {
      id: 'name',
      header: intl.formatMessage({ id: 'schedule.recipients.col.name' }),
      cell: (recipient) => recipient.variables.name ?? '',
    },
    {
      id: 'status',
      header: intl.formatMessage({ id: 'schedule.recipients.col.status' }),
      cell: (recipient) => (
        <>
          <span className={`pill pill--recipient-${recipient.status}`}>
            <FormattedMessage id="schedule.recipientStatus" values={{ status: recipient.status }} />
          </span>
          {recipient.error && <div className="muted">{describeSendFailure(recipient.error, intl)}</div>}
        </>
      ),
    },
    {
      id: 'sent',
      header: intl.formatMessage({ id: 'schedule.recipients.col.sent' }),
      cell: (recipient) =>
        recipient.sentAt
          ? intl.formatDate(recipient.sentAt, { dateStyle: 'medium', timeStyle: 'short' })
          : '',
    },
  ];
  return (
    <DataTable
      label={intl.formatMessage({ id: 'schedule.recipients.table' })}
      columns={columns}
      rows={recipients}
      rowKey={(recipient) => recipient.id}
      rowAttributes={(recipient) => ({ 'data-status': recipient.status })}
      empty={intl.formatMessage({ id: 'schedule.recipients.none' })}
    />
  );
}
