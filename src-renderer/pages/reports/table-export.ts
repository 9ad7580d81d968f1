/** A report table leaves the page as a CSV file (the same lines as the REST export) or as tab-separated text to paste. */
import type { CampaignReport, ReportOverview, ReportTable } from '../../../src-shared/contract/reports';
import { reportCsv } from '../../../src-shared/report-csv';

export function csvText(
  table: ReportTable,
  overview: ReportOverview | null,
  campaigns: CampaignReport | null,
): string {
  const empty: CampaignReport = { items: [] };
  return [
    ...reportCsv(
      table,
      () => overview as ReportOverview,
      () => campaigns ?? empty,
    ),
  ].join('');
}

export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rows as tab-separated lines: what a spreadsheet pastes into cells. */
export function tsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map((cell) => String(cell).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}
