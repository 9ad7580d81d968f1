import { useT } from '../../i18n/use-t';

/**
 * A report that could not be computed (the server was busy or unreachable, a filter it refused):
 * what happened, the server's reason, and Retry, which asks the same report again. Figures shown
 * before stay on the page below, dimmed, until a new answer replaces them.
 */
export function ReportError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="reports__error" role="alert">
      <p className="reports__error-title">{t('reports.error.title')}</p>
      <p className="reports__error-reason">{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
