import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AuditEntry } from '../../../../src-shared/contract/people';
import { useTransport } from '../../../stores/connection';
import { describeError, RpcError } from '../../../transport/rpc-error';
import { AuditEntries } from './AuditEntries';
import { AuditFilters } from './AuditFilters';
import { AuditSettings } from './AuditSettings';
import { EMPTY_AUDIT_FILTERS, type AuditFilterForm, type AuditQueryFilters } from './audit-query';
import '../../../styles/integrations.css';

const PAGE_SIZE = 50;

/**
 * Settings → Audit (owners and admins): who did what sensitive thing and when, filtered by
 * person, action and days; paged newest first; exported as CSV; kept as long as the retention
 * says. Hidden for anyone the server refuses (agents), like the operations behind it.
 */
export function AuditSection() {
  const intl = useIntl();
  const transport = useTransport();
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTERS);
  const [query, setQuery] = useState<AuditQueryFilters>({});
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);

  const load = useCallback(
    async (filters: AuditQueryFilters, cursor: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await transport.call('audit.list', {
          ...filters,
          ...(cursor ? { cursor } : {}),
          limit: PAGE_SIZE,
        });
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNext(page.next);
      } catch (caught) {
        if (caught instanceof RpcError && caught.code === 'FORBIDDEN') setForbidden(true);
        else setError(describeError(caught));
      } finally {
        setLoading(false);
      }
    },
    [transport],
  );

  useEffect(() => {
    void load(query, null);
  }, [load, query]);

  if (forbidden) return null;
  return (
    <section className="card" aria-labelledby="audit-title" data-testid="audit-section">
      <h2 id="audit-title">
        <FormattedMessage id="staff.audit.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="staff.audit.intro" />
      </p>
      <AuditFilters form={form} onChange={setForm} onApply={setQuery} busy={loading} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {loading && items.length === 0 && (
        <p className="muted" role="status">
          <FormattedMessage id="staff.audit.loading" />
        </p>
      )}
      {!loading && !error && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="staff.audit.empty" />
        </p>
      )}
      {items.length > 0 && <AuditEntries items={items} />}
      {next && (
        <button
          type="button"
          className="button"
          disabled={loading}
          onClick={() => void load(query, next)}
          aria-label={intl.formatMessage({ id: 'staff.audit.more' })}
        >
          <FormattedMessage id="staff.audit.more" />
        </button>
      )}
      <AuditSettings />
    </section>
  );
}
