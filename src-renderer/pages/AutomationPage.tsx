import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n/use-t';
import { PageHeader } from '../components/PageHeader';
import { useTransport } from '../stores/connection';
import { useSessions } from '../stores/sessions';
import { AutomationEditor } from './automation/AutomationEditor';
import '../styles/widget-editor.css';
import '../styles/automation.css';

/** `/automation` and `/automation/:session`: one number's greeting, away, rules, menu and switches. */
export function AutomationPage() {
  const { session } = useParams();
  const navigate = useNavigate();
  const transport = useTransport();
  const { sessions, loaded, error, load } = useSessions();
  const t = useT();

  useEffect(() => {
    if (!loaded) void load(transport);
  }, [loaded, load, transport]);

  const chosen = session ?? sessions[0]?.id;
  useEffect(() => {
    if (!session && chosen) void navigate(`/automation/${encodeURIComponent(chosen)}`, { replace: true });
  }, [session, chosen, navigate]);

  const picker = sessions.length > 0 && (
    <label className="row">
      <span>{t('automation.number')}</span>
      <select
        aria-label={t('automation.number')}
        value={chosen ?? ''}
        onChange={(event) => void navigate(`/automation/${encodeURIComponent(event.target.value)}`)}
      >
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name || s.id}
            {s.phone ? ` (\u2066+${s.phone}\u2069)` : ''}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="page page--wide">
      <PageHeader title={t('common.nav.automation')} subtitle={t('automation.subtitle')} actions={picker} />
      {!loaded ? (
        <p className="muted" role="status">
          {t('automation.loadingNumbers')}
        </p>
      ) : error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : !chosen ? (
        <EmptyState icon="automation" title={t('automation.empty.title')}>
          {t('automation.empty.body')}
        </EmptyState>
      ) : (
        <AutomationEditor key={chosen} session={chosen} />
      )}
    </section>
  );
}
