import { useIntl } from 'react-intl';
import type { ReportOverview } from '../../../src-shared/contract/reports';
import { useT } from '../../i18n/use-t';
import { formatDuration } from '../../model/reports/duration';

/** The period's headline figures, each a labelled number (a description list, so screen readers pair them). */
export function Headline({ report }: { report: ReportOverview }) {
  const t = useT();
  const intl = useIntl();
  const s = report.summary;
  const sent = Object.values(s.messagesSent).reduce((sum, n) => sum + n, 0);
  const number = (n: number) => intl.formatNumber(n);
  const figures: { id: string; label: string; value: string; note?: string }[] = [
    { id: 'opened', label: t('reports.headline.opened'), value: number(s.conversationsOpened) },
    { id: 'resolved', label: t('reports.headline.resolved'), value: number(s.conversationsResolved) },
    {
      id: 'firstResponse',
      label: t('reports.headline.firstResponse'),
      value: formatDuration(intl, s.firstResponse.medianMs),
      note:
        s.firstResponse.count > 0
          ? `${t('reports.headline.p90', { value: formatDuration(intl, s.firstResponse.p90Ms) })} · ${t('reports.headline.measured', { count: s.firstResponse.count })}`
          : undefined,
    },
    {
      id: 'resolution',
      label: t('reports.headline.resolution'),
      value: formatDuration(intl, s.resolution.medianMs),
      note:
        s.resolution.count > 0
          ? `${t('reports.headline.p90', { value: formatDuration(intl, s.resolution.p90Ms) })} · ${t('reports.headline.measured', { count: s.resolution.count })}`
          : undefined,
    },
    { id: 'received', label: t('reports.headline.received'), value: number(s.messagesReceived) },
    {
      id: 'sent',
      label: t('reports.headline.sent'),
      value: number(sent),
      note: t('reports.headline.sentSplit', { ...s.messagesSent }),
    },
    { id: 'unanswered', label: t('reports.headline.unanswered'), value: number(s.unanswered) },
    {
      id: 'waiting',
      label: t('reports.headline.waiting'),
      value: number(s.waitingNow),
      note: s.oldestWaitingSince
        ? t('reports.headline.oldestWaiting', {
            time: intl.formatDate(s.oldestWaitingSince, { dateStyle: 'medium', timeStyle: 'short' }),
          })
        : t('reports.headline.nobodyWaiting'),
    },
  ];
  return (
    <dl className="reports__headline" aria-label={t('reports.headline.label')}>
      {figures.map((figure) => (
        <div key={figure.id} className="reports__figure" data-figure={figure.id}>
          <dt>{figure.label}</dt>
          <dd>
            <span className="reports__value">{figure.value}</span>
            {figure.note && <span className="reports__note">{figure.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
