import { useIntl } from 'react-intl';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportOverview, TrendPoint } from '../../../src-shared/contract/reports';
import {
  CHART_GRID,
  CHART_MARGIN,
  CHART_TOOLTIP_STYLE,
  chartXAxis,
  chartYAxis,
} from '../../components/charts/chart-style';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { directionOf } from '../../i18n/locales';
import { useI18n } from '../../i18n/store';
import { useT } from '../../i18n/use-t';
import { formatDuration } from '../../model/reports/duration';
import { TableTools } from './TableTools';

const SERIES = [
  { key: 'opened', label: 'reports.col.opened', color: 'var(--report-1)' },
  { key: 'resolved', label: 'reports.col.resolved', color: 'var(--report-2)' },
  { key: 'received', label: 'reports.col.received', color: 'var(--report-3)' },
  { key: 'sent', label: 'reports.col.sent', color: 'var(--report-4)' },
] as const;

/**
 * The period day by day: a chart (SVG, colours from the theme's CSS variables, axes mirrored in
 * right-to-left languages) and the same numbers in a table below it, for reading and copying.
 */
export function TrendSection({ report }: { report: ReportOverview }) {
  const t = useT();
  const intl = useIntl();
  const rtl = directionOf(useI18n((state) => state.locale)) === 'rtl';
  const day = (date: string) =>
    intl.formatDate(`${date}T12:00:00Z`, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  const data = report.trend.map((point) => ({ ...point, label: day(point.date) }));
  const columns: Column<TrendPoint>[] = [
    { id: 'date', header: t('reports.col.date'), cell: (p) => day(p.date) },
    ...SERIES.map((series) => ({
      id: series.key,
      header: t(series.label),
      cell: (p: TrendPoint) => intl.formatNumber(p[series.key]),
    })),
    {
      id: 'firstResponse',
      header: t('reports.col.firstResponse'),
      cell: (p) => formatDuration(intl, p.firstResponseMedianMs),
    },
  ];
  const copyRows = [
    columns.map((column) => column.header),
    ...report.trend.map((p) => [
      p.date,
      p.opened,
      p.resolved,
      p.received,
      p.sent,
      formatDuration(intl, p.firstResponseMedianMs),
    ]),
  ];
  return (
    <section className="reports__section" aria-labelledby="reports-trend">
      <h2 id="reports-trend">{t('reports.trend.title')}</h2>
      <figure className="reports__chart" aria-label={t('reports.trend.chart')}>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={CHART_MARGIN}>
            <CartesianGrid {...CHART_GRID} />
            <XAxis dataKey="label" {...chartXAxis(rtl)} />
            <YAxis {...chartYAxis(rtl)} />
            <Tooltip
              contentStyle={CHART_TOOLTIP_STYLE}
              formatter={(value) => intl.formatNumber(Number(value))}
            />
            <Legend formatter={(value: string) => <span className="reports__legend">{value}</span>} />
            {SERIES.map((series) => (
              <Line
                key={series.key}
                type="linear"
                dataKey={series.key}
                name={t(series.label)}
                stroke={series.color}
                strokeWidth={2}
                dot={data.length <= 31}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <DataTable
        label={t('reports.trend.table')}
        columns={columns}
        rows={report.trend}
        rowKey={(p) => p.date}
        empty={t('reports.empty.rows')}
        scrollClassName="reports__table-scroll"
      />
      <TableTools table="trend" overview={report} rows={copyRows} />
    </section>
  );
}
