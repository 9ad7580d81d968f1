import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks';
import '../../styles/widget-editor.css';

/** `/widget`: the website widgets, or how to make the first one. */
export function WidgetListPage() {
  const navigate = useNavigate();
  const widgets = useQuery('widgets.list', {});
  const items = widgets.data?.items ?? [];
  const create = (
    <button type="button" className="button button--primary" onClick={() => void navigate('/widget/new')}>
      Create widget
    </button>
  );

  return (
    <section className="page">
      <PageHeader
        title="Widget"
        subtitle="A click-to-chat button for your website"
        actions={items.length > 0 ? create : undefined}
      />
      {widgets.loading && !widgets.data && (
        <p className="muted" role="status">
          Loading widgets…
        </p>
      )}
      {widgets.error && (
        <div className="card" role="alert">
          <p className="form-error">Could not load the widgets: {widgets.error}</p>
          <div className="row">
            <button type="button" className="button button--secondary" onClick={() => void widgets.reload()}>
              Retry
            </button>
          </div>
        </div>
      )}
      {widgets.data && items.length === 0 && (
        <EmptyState icon="widget" title="No widgets yet">
          <p>
            A widget shows a WhatsApp button on your website that routes visitors to whoever is available.
          </p>
          {create}
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className="widget-list" aria-label="Widgets">
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
                    {active === 1 ? '1 operator' : `${active} operators`} ·{' '}
                    {widget.timeZone.replace(/_/g, ' ')} · bottom {widget.position}
                  </span>
                </div>
                <span className={widget.active ? 'badge badge--on' : 'badge'}>
                  {widget.active ? 'Active' : 'Inactive'}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
