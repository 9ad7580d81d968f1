import { useIntl } from 'react-intl';
import type { ReportOverview } from '../../../src-shared/contract/reports';
import { useT } from '../../i18n/use-t';
import { TableTools } from './TableTools';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
// 1 January 2024 was a Monday: weekday names in the reader's language, Monday first like the data.
const weekdayDate = (day: number) => new Date(Date.UTC(2024, 0, 1 + day, 12));

/**
 * Incoming messages by weekday × hour in the business's time zone: a table (every cell has its
 * number and an accessible name) whose cells are shaded by how busy they are.
 */
export function BusiestHours({ report }: { report: ReportOverview }) {
  const t = useT();
  const intl = useIntl();
  const max = Math.max(1, ...report.busiestHours.flat());
  const dayName = (day: number, style: 'short' | 'long') =>
    intl.formatDate(weekdayDate(day), { weekday: style, timeZone: 'UTC' });
  const hour = (h: number) => intl.formatNumber(h, { minimumIntegerDigits: 2 });
  const copyRows = [
    ['', ...HOURS.map(hour)],
    ...report.busiestHours.map((row, day) => [dayName(day, 'long'), ...row]),
  ];
  return (
    <section className="reports__section" aria-labelledby="reports-hours">
      <h2 id="reports-hours">{t('reports.hours.title')}</h2>
      <div className="reports__heat-scroll">
        <table className="reports__heat">
          <caption>{t('reports.hours.caption')}</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col">
                  {hour(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.busiestHours.map((row, day) => (
              <tr key={day}>
                <th scope="row">{dayName(day, 'short')}</th>
                {row.map((count, h) => (
                  <td
                    key={h}
                    aria-label={t('reports.hours.cell', { day: dayName(day, 'long'), hour: hour(h), count })}
                    style={{ '--heat': count / max } as React.CSSProperties}
                    data-count={count}
                  >
                    {count > 0 ? intl.formatNumber(count) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TableTools table="hours" overview={report} rows={copyRows} />
    </section>
  );
}
