import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { USAGE_KINDS, type KeyUsage, type UsageKind } from '../../../../src-shared/contract/key-usage';
import {
  CHART_GRID,
  CHART_MARGIN,
  CHART_TOOLTIP_STYLE,
  chartXAxis,
  chartYAxis,
} from '../../../components/charts/chart-style';
import { DataTable, type Column } from '../../../components/data-table/DataTable';
import { useQuery } from '../../../hooks';
import { directionOf } from '../../../i18n/locales';
import type { MessageId } from '../../../i18n/messages/en';
import { useI18n } from '../../../i18n/store';
import { useT } from '../../../i18n/use-t';
import { formatTime } from '../time';
import './key-usage.css';

/** Each kind's label (literal ids, so the catalogue test sees them) and its colour token. */
const KINDS: Record<UsageKind, { label: MessageId; color: string }> = {
  read: { label: 'keyusage.kind.read', color: 'var(--usage-read)' },
  send: { label: 'keyusage.kind.send', color: 'var(--usage-send)' },
  write: { label: 'keyusage.kind.write', color: 'var(--usage-write)' },
  delete: { label: 'keyusage.kind.delete', color: 'var(--usage-delete)' },
  admin: { label: 'keyusage.kind.admin', color: 'var(--usage-admin)' },
};

type Day = KeyUsage['days'][number];

/**
 * A key's last 30 days (issue #26 point 3): requests per day stacked by kind, and the days with
 * use in a table (newest first, with errors), the totals and the last use.
 */
export function KeyUsagePanel({ keyId }: { keyId: string }) {
  const t = useT();
  const usage = useQuery('keyUsage.ofKey', { id: keyId, days: 30 });
  if (usage.error) {
    return (
      <p className="form-error" role="alert">
        {usage.error}
      </p>
    );
  }
  if (!usage.data) return <p className="muted">{t('keyusage.loading')}</p>;
  return <UsageView usage={usage.data} />;
}

function UsageView({ usage }: { usage: KeyUsage }) {
  const t = useT();
  const intl = useIntl();
  const rtl = directionOf(useI18n((state) => state.locale)) === 'rtl';
  const day = (date: string) =>
    intl.formatDate(`${date}T12:00:00Z`, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  const data = usage.days.map((entry) => ({ label: day(entry.day), ...entry.requests }));
  const used = usage.days.filter((entry) => USAGE_KINDS.some((kind) => entry.requests[kind] > 0)).reverse();
  const columns: Column<Day>[] = [
    { id: 'day', header: t('keyusage.col.day'), cell: (entry) => day(entry.day) },
    ...USAGE_KINDS.map((kind) => ({
      id: kind,
      header: t(KINDS[kind].label),
      cell: (entry: Day) => intl.formatNumber(entry.requests[kind]),
    })),
    {
      id: 'clientErrors',
      header: t('keyusage.col.clientErrors'),
      cell: (entry) => intl.formatNumber(entry.clientErrors),
    },
    {
      id: 'serverErrors',
      header: t('keyusage.col.serverErrors'),
      cell: (entry) => intl.formatNumber(entry.serverErrors),
    },
  ];
  return (
    <div className="key-usage">
      <p>
        {t('keyusage.totals', {
          requests: usage.totals.requests,
          clientErrors: usage.totals.clientErrors,
          serverErrors: usage.totals.serverErrors,
        })}{' '}
        {usage.lastUse
          ? t('keyusage.lastUse', {
              when: formatTime(usage.lastUse.at),
              address: usage.lastUse.address ?? '—',
            })
          : t('keyusage.neverUsed')}
      </p>
      {usage.totals.requests > 0 && (
        <figure aria-label={t('keyusage.chart')}>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={data} margin={CHART_MARGIN}>
              <CartesianGrid {...CHART_GRID} />
              <XAxis dataKey="label" {...chartXAxis(rtl)} />
              <YAxis {...chartYAxis(rtl)} />
              <Tooltip
                contentStyle={CHART_TOOLTIP_STYLE}
                formatter={(value) => intl.formatNumber(Number(value))}
              />
              <Legend />
              {USAGE_KINDS.map((kind) => (
                <Bar
                  key={kind}
                  dataKey={kind}
                  name={t(KINDS[kind].label)}
                  stackId="requests"
                  fill={KINDS[kind].color}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
      <DataTable
        label={t('keyusage.table')}
        columns={columns}
        rows={used}
        rowKey={(entry) => entry.day}
        empty={t('keyusage.empty')}
      />
    </div>
  );
}
