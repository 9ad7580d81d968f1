import { useEffect, useMemo, useRef, useState } from 'react';
import type { CampaignReport, ReportOverview } from '../../src-shared/contract/reports';
import { PageHeader } from '../components/PageHeader';
import type { MessageId } from '../i18n/messages/en';
import { useT } from '../i18n/use-t';
import { canManageTeam } from '../model/nav-access';
import { periodProblem, presetRange } from '../model/reports/period';
import { useTransport } from '../stores/connection';
import { useMe } from '../stores/me';
import { describeError } from '../transport/rpc-error';
import { BusiestHours } from './reports/BusiestHours';
import { CampaignSection } from './reports/CampaignSection';
import { GroupTables } from './reports/GroupTables';
import { Headline } from './reports/Headline';
import { ReportError } from './reports/ReportError';
import { ReportSkeleton } from './reports/ReportSkeleton';
import { LiveSection } from './reports/LiveSection';
import { ReportFilters, type ReportFilterState } from './reports/ReportFilters';
import { TrendSection } from './reports/TrendSection';
import { useReportChoices } from './reports/use-report-choices';
import '../styles/reports.css';

const PERIOD_PROBLEM: Record<NonNullable<ReturnType<typeof periodProblem>>, MessageId> = {
  missing: 'reports.period.missing',
  order: 'reports.period.order',
  length: 'reports.period.length',
};

const INITIAL: ReportFilterState = {
  preset: '7',
  ...presetRange('7', new Date()),
  session: '',
  team: '',
  user: '',
  tag: '',
  businessHours: false,
};

/**
 * Reports (issue #24): is the shop answering, and how fast? The period and filters, the headline
 * figures, the trend, the busiest hours, the per person / team / tag / number tables, and for
 * owners and admins the campaigns and the live board. Each table can be copied or saved as CSV.
 */
export function ReportsPage() {
  const t = useT();
  const transport = useTransport();
  const principal = useMe((state) => state.principal);
  const seesTeam = canManageTeam(principal);
  const choices = useReportChoices(seesTeam);
  const [filters, setFilters] = useState<ReportFilterState>(INITIAL);
  const [report, setReport] = useState<ReportOverview | null>(null);
  const [campaigns, setCampaigns] = useState<CampaignReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [campaignError, setCampaignError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  /** Bumped by Retry: the same query asked again. */
  const [attempt, setAttempt] = useState(0);
  const asked = useRef(0);

  const problem = periodProblem(filters.from, filters.to);
  const query = useMemo(
    () =>
      problem
        ? null
        : {
            from: filters.from,
            to: filters.to,
            businessHours: filters.businessHours,
            ...(filters.session ? { session: filters.session } : {}),
            ...(filters.team ? { team: filters.team } : {}),
            ...(filters.user ? { user: filters.user } : {}),
            ...(filters.tag ? { tag: filters.tag } : {}),
          },
    [filters, problem],
  );

  useEffect(() => {
    if (!query) return;
    const ask = ++asked.current;
    setLoading(true);
    setError(null);
    void transport
      .call('reports.overview', query)
      .then((answer) => {
        if (ask !== asked.current) return;
        setReport(answer);
        setError(null);
      })
      .catch((caught: unknown) => ask === asked.current && setError(describeError(caught)))
      .finally(() => ask === asked.current && setLoading(false));
    if (seesTeam) {
      const { from, to, session } = query;
      void transport
        .call('reports.campaigns', { from, to, ...(session ? { session } : {}) })
        .then((answer) => {
          setCampaigns(answer);
          setCampaignError(null);
        })
        .catch((caught: unknown) => setCampaignError(describeError(caught)));
    }
  }, [transport, query, seesTeam, attempt]);

  const change = (next: Partial<ReportFilterState>) =>
    setFilters((current) => {
      const merged = { ...current, ...next };
      return next.preset && next.preset !== 'custom'
        ? { ...merged, ...presetRange(next.preset, new Date()) }
        : merged;
    });

  const empty =
    report !== null &&
    report.summary.conversationsOpened +
      report.summary.messagesReceived +
      report.summary.conversationsResolved ===
      0 &&
    Object.values(report.summary.messagesSent).every((n) => n === 0);

  return (
    <section className="page reports">
      <PageHeader
        title={t('reports.title')}
        subtitle={report ? t('reports.subtitle', { timeZone: report.period.timeZone }) : undefined}
      />
      <ReportFilters
        value={filters}
        onChange={change}
        choices={choices}
        periodError={problem && filters.preset === 'custom' ? t(PERIOD_PROBLEM[problem]) : null}
      />
      {report?.scope === 'own' && <p className="muted">{t('reports.ownScope')}</p>}
      {report?.preparing && (
        <p className="muted" data-testid="reports-preparing">
          {t('reports.preparing', { count: report.preparing.chatsLeft })}
        </p>
      )}
      <div className="reports__state" role="status" aria-live="polite">
        {loading && (
          <>
            {/* Indeterminate: the server says how far a computation is only through `preparing`. */}
            <span className="reports__progress" aria-hidden="true" />
            {t('reports.loading')}
          </>
        )}
      </div>
      {error && <ReportError message={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!report && loading && <ReportSkeleton />}
      {report && (
        <div className={loading ? 'reports__body reports__body--stale' : 'reports__body'}>
          <Headline report={report} />
          {empty ? (
            <p className="reports__empty">{t('reports.empty.period')}</p>
          ) : (
            <>
              <TrendSection report={report} />
              <BusiestHours report={report} />
              <GroupTables report={report} />
            </>
          )}
          {seesTeam && <CampaignSection campaigns={campaigns} overview={report} error={campaignError} />}
        </div>
      )}
      {seesTeam && <LiveSection session={filters.session} />}
    </section>
  );
}
