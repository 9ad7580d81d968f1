import type { CampaignReport, ReportOverview, ReportTable } from '../../../src-shared/contract/reports';
import { CopyButton } from '../../components/CopyButton';
import { useT } from '../../i18n/use-t';
import { csvText, downloadCsv, tsv } from './table-export';

/** Under each table: copy it for a spreadsheet, or download it as CSV. */
export function TableTools({
  table,
  overview,
  campaigns,
  rows,
}: {
  table: ReportTable;
  overview: ReportOverview | null;
  campaigns?: CampaignReport | null;
  /** What is shown, header first, for the clipboard. */
  rows: readonly (readonly (string | number)[])[];
}) {
  const t = useT();
  const period = overview?.period;
  return (
    <div className="reports__tools">
      <CopyButton text={tsv(rows)} label={t('reports.copy')} />
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          downloadCsv(
            `report-${table}${period ? `-${period.from}-${period.to}` : ''}.csv`,
            csvText(table, overview, campaigns ?? null),
          )
        }
      >
        {t('reports.csv')}
      </button>
    </div>
  );
}
