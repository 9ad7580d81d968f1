import { useIntl } from 'react-intl';
import type { CampaignReport, ReportOverview } from '../../../src-shared/contract/reports';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { useT } from '../../i18n/use-t';
import { TableTools } from './TableTools';

type Item = CampaignReport['items'][number];
const COUNTS = ['recipients', 'sent', 'delivered', 'read', 'replied', 'optedOut', 'failed'] as const;

/** Campaigns that ran in the period: how many got, read and answered them, opted out or failed. */
export function CampaignSection({
  campaigns,
  overview,
  error,
}: {
  campaigns: CampaignReport | null;
  overview: ReportOverview | null;
  error: string | null;
}) {
  const t = useT();
  const intl = useIntl();
  const header: Record<(typeof COUNTS)[number], string> = {
    recipients: t('reports.col.recipients'),
    sent: t('reports.col.sent'),
    delivered: t('reports.col.delivered'),
    read: t('reports.col.read'),
    replied: t('reports.col.replied'),
    optedOut: t('reports.col.optedOut'),
    failed: t('reports.col.failed'),
  };
  const columns: Column<Item>[] = [
    { id: 'name', header: t('reports.col.campaign'), cell: (item) => <span dir="auto">{item.name}</span> },
    ...COUNTS.map((key) => ({
      id: key,
      header: header[key],
      cell: (item: Item) => intl.formatNumber(item[key]),
    })),
  ];
  const items = campaigns?.items ?? null;
  return (
    <section className="reports__section" aria-labelledby="reports-campaigns">
      <h2 id="reports-campaigns">{t('reports.campaigns.title')}</h2>
      <DataTable
        label={t('reports.campaigns.title')}
        columns={columns}
        rows={items}
        rowKey={(item) => item.id}
        rowAttributes={(item) => ({ 'aria-label': item.name })}
        error={error}
        empty={t('reports.campaigns.empty')}
        scrollClassName="reports__table-scroll"
      />
      {items && items.length > 0 && (
        <TableTools
          table="campaigns"
          overview={overview}
          campaigns={campaigns}
          rows={[
            columns.map((column) => column.header),
            ...items.map((item) => [item.name, ...COUNTS.map((key) => item[key])]),
          ]}
        />
      )}
    </section>
  );
}
