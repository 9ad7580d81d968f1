import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks';
import { useT } from '../../i18n/use-t';
import '../../styles/widget-editor.css';

/** `/widget`: the website widgets, or how to make the first one. */
export function WidgetListPage() {
  const navigate = useNavigate();
  const t = useT();
  const widgets = useQuery('widgets.list', {});
  const items = widgets.data?.items ?? [];
  const create = (
    <button type="button" className="button button--primary" onClick={() => void navigate('/widget/new')}>
      {t('widget.list.create')}
    </button>
  );

  return (
    <section className="page">
      <PageHeader
        title={t('widget.list.title')}
        subtitle={t('widget.list.subtitle')}
        actions={items.length > 0 ? create : undefined}
      />
      {widgets.loading && !widgets.data && (
        <p className="muted" role="status">
          {t('widget.list.loading')}
        </p>
      )}
      {widgets.error && (
        <div className="card" role="alert">
          <p className="form-error">{t('widget.list.loadError', { error: widgets.error })}</p>
          <div className="row">
            <button type="button" className="button button--secondary" onClick={() => void widgets.reload()}>
              {t('common.retry')}
            </button>
          </div>
        </div>
      )}
      {widgets.data && items.length === 0 && (
        <EmptyState icon="widget" title={t('widget.list.emptyTitle')}>
          <p>{t('widget.list.emptyText')}</p>
          {create}
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className="widget-list" aria-label={t('widget.list.label')}>
          {items.map((widget) => {
            const active = widget.operators.filter((operator) => operator.active).length;
            return (
              <li key={widget.id} className="widget-list__item card">
                <span
                  className="widget-list__swatch"
                  style={{ background: widget.color, color: widget.textColor }}
                  aria-hidden="true"
                >
                  Aa
                </span>
                <div className="widget-list__text">
                  <Link to={`/widget/${widget.id}`} className="widget-list__name">
                    {widget.businessName}
                  </Link>
                  <span className="muted">
                    {t('widget.list.summary', {
                      operators: active,
                      zone: widget.timeZone.replace(/_/g, ' '),
                      position: widget.position,
                    })}
                  </span>
                </div>
                <span className={widget.active ? 'badge badge--on' : 'badge'}>
                  {t(widget.active ? 'widget.status.active' : 'widget.status.inactive')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
