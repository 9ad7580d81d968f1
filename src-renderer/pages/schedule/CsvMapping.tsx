import type { CsvPreview } from '../../../src-shared/contract/schedule';
import { useT } from '../../i18n/use-t';

/** The CSV's columns: which holds the phone, which the name, and what each becomes in the template. */
export function CsvMapping({
  fileName,
  preview,
  phoneColumn,
  nameColumn,
  onPhoneColumn,
  onNameColumn,
}: {
  fileName: string;
  preview: CsvPreview;
  phoneColumn: string;
  nameColumn: string;
  onPhoneColumn: (column: string) => void;
  onNameColumn: (column: string) => void;
}) {
  const t = useT();
  return (
    <div className="csv-mapping" role="region" aria-label={t('schedule.csv.label')}>
      <p className="muted">{t('schedule.csv.rows', { file: fileName, count: preview.total })}</p>
      <div className="when-fields__row">
        <label className="field">
          <span className="field__label">{t('schedule.csv.phoneColumn')}</span>
          <select value={phoneColumn} onChange={(event) => onPhoneColumn(event.target.value)}>
            {preview.headers.map((h) => (
              <option key={h}>{h}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('schedule.csv.nameColumn')}</span>
          <select value={nameColumn} onChange={(event) => onNameColumn(event.target.value)}>
            <option value="">{t('schedule.csv.none')}</option>
            {preview.headers.map((h) => (
              <option key={h}>{h}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {preview.headers.map((h) => (
                <th key={h}>
                  {h}
                  <div className="muted">
                    {h === phoneColumn
                      ? t('schedule.csv.isPhone')
                      : h === nameColumn
                        ? '[name]'
                        : `[${h.toLowerCase()}]`}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, index) => (
              <tr key={index}>
                {preview.headers.map((h) => (
                  <td key={h}>{row[h]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
