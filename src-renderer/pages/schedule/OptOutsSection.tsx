import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { OptOut } from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { formatPhone } from '../../model/phone';
import { SessionSelect } from './SessionSelect';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** Numbers that never get campaign messages: STOP replies and numbers added by hand. */
export function OptOutsSection({ sessions }: { sessions: Session[] }) {
  const intl = useIntl();
  const transport = useTransport();
  const [items, setItems] = useState<OptOut[] | null>(null);
  const [session, setSession] = useState(sessions[0]?.id ?? '');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await transport.call('optOuts.list', {})).items);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [transport]);

  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await transport.call('optOuts.add', { session, phone });
      setPhone('');
      setError(null);
      await load();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const remove = async (item: OptOut) => {
    try {
      await transport.call('optOuts.remove', { session: item.session, jid: item.jid });
      await load();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const columns: Column<OptOut>[] = [
    {
      id: 'number',
      header: intl.formatMessage({ id: 'schedule.optOuts.col.number' }),
      cell: (item) => formatPhone(item.phone) ?? item.jid,
    },
    {
      id: 'session',
      header: intl.formatMessage({ id: 'schedule.optOuts.col.session' }),
      cell: (item) => item.session,
    },
    {
      id: 'why',
      header: intl.formatMessage({ id: 'schedule.optOuts.col.why' }),
      cell: (item) => intl.formatMessage({ id: 'schedule.optOuts.reason' }, { reason: item.reason }),
    },
    {
      id: 'since',
      header: intl.formatMessage({ id: 'schedule.optOuts.col.since' }),
      cell: (item) => intl.formatDate(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
    },
    {
      id: 'actions',
      header: intl.formatMessage({ id: 'common.actions' }),
      hideHeader: true,
      cell: (item) => (
        <button
          type="button"
          className="link-button"
          aria-label={intl.formatMessage(
            { id: 'schedule.optOuts.removeLabel' },
            { number: formatPhone(item.phone) ?? item.jid },
          )}
          onClick={() => void remove(item)}
        >
          <FormattedMessage id="schedule.optOuts.remove" />
        </button>
      ),
    },
  ];

  return (
    <section className="card" aria-label={intl.formatMessage({ id: 'schedule.optOuts.title' })}>
      <h2>{intl.formatMessage({ id: 'schedule.optOuts.title' })}</h2>
      <p className="muted">
        {/* The words customers type are the same in every language: marked as such. */}
        {intl.formatMessage(
          { id: 'schedule.optOuts.intro' },
          { kw: (words) => <code lang="en">{words}</code> },
        )}
      </p>
      <form className="toolbar" onSubmit={(event) => void add(event)}>
        <SessionSelect
          label={intl.formatMessage({ id: 'schedule.filter.session' })}
          sessions={sessions}
          value={session}
          onChange={setSession}
        />
        <label className="field field--inline">
          <span className="field__label">{intl.formatMessage({ id: 'schedule.optOuts.phone' })}</span>
          <input required value={phone} onChange={(event) => setPhone(event.target.value)} />
        </label>
        <button type="submit" className="button button--secondary" disabled={!session}>
          {intl.formatMessage({ id: 'schedule.optOuts.add' })}
        </button>
      </form>
      <DataTable
        label={intl.formatMessage({ id: 'schedule.optOuts.table' })}
        columns={columns}
        rows={items}
        rowKey={(item) => `${item.session}|${item.jid}`}
        error={error}
        empty={intl.formatMessage({ id: 'schedule.optOuts.none' })}
      />
    </section>
  );
}
