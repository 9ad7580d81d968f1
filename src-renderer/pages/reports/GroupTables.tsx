import { useIntl } from 'react-intl';
import type { ReportOverview, ReportRow } from '../../../src-shared/contract/reports';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import type { MessageId } from '../../i18n/messages/en';
import { useT } from '../../i18n/use-t';
import { formatDuration } from '../../model/reports/duration';
import { TableTools } from './TableTools';

const TABLES: { key: 'people' | 'teams' | 'tags' | 'numbers'; title: MessageId; name: MessageId }[] = [
  { key: 'people', title: 'reports.tables.people', name: 'reports.col.person' },
  { key: 'teams', title: 'reports.tables.teams', name: 'reports.col.team' },
  { key: 'tags', title: 'reports.tables.tags', name: 'reports.col.tag' },
  { key: 'numbers', title: 'reports.tables.numbers', name: 'reports.col.number' },
];

/** Per person, team, tag and number: who carries the load, and how fast they answer. */
export function GroupTables({ report }: { report: ReportOverview }) {
  const t = useT();
  const intl = useIntl();
  const n = (value: number) => intl.formatNumber(value);
  return (
    <section className="reports__section" aria-labelledby="reports-tables">
      <h2 id="reports-tables">{t('reports.tables.title')}</h2>
      <div className="reports__tables">
        {TABLES.map((table) => {
          const columns: Column<ReportRow>[] = [
            {
              id: 'name',
              header: t(table.name),
              cell: (row) => <span dir="auto">{row.name}</span>,
            },
            {
              id: 'conversations',
              header: t('reports.col.conversations'),
              cell: (row) => n(row.conversations),
            },
            { id: 'resolved', header: t('reports.col.resolved'), cell: (row) => n(row.resolved) },
            { id: 'received', header: t('reports.col.received'), cell: (row) => n(row.received) },
            { id: 'replies', header: t('reports.col.replies'), cell: (row) => n(row.replies) },
            {
              id: 'firstResponse',
              header: t('reports.col.firstResponse'),
              cell: (row) => formatDuration(intl, row.firstResponseMedianMs),
            },
            {
              id: 'resolution',
              header: t('reports.col.resolution'),
              cell: (row) => formatDuration(intl, row.resolutionMedianMs),
            },
          ];
          const rows = report[table.key];
          const copyRows = [
            columns.map((column) => column.header),
            ...rows.map((row) => [
              row.name,
              row.conversations,
              row.resolved,
              row.received,
              row.replies,
              formatDuration(intl, row.firstResponseMedianMs),
              formatDuration(intl, row.resolutionMedianMs),
            ]),
          ];
          return (
            <div key={table.key} className="reports__group" data-table={table.key}>
              <h3>{t(table.title)}</h3>
              <DataTable
                label={t(table.title)}
                columns={columns}
                rows={rows}
                rowKey={(row) => row.id}
                rowAttributes={(row) => ({ 'aria-label': row.name })}
                empty={t('reports.empty.rows')}
                scrollClassName="reports__table-scroll"
              />
              {rows.length > 0 && <TableTools table={table.key} overview={report} rows={copyRows} />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
