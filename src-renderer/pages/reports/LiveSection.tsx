import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { LiveBoard } from '../../../src-shared/contract/reports';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** Events after which the board is read again (a burst of them reads it once). */
const LIVE_EVENTS = new Set(['chat.assigned', 'chat.status_changed', 'message.received', 'message.sent']);
const SETTLE_MS = 1500;
/** Availability changes announce no event: the board is also read now and then. */
const EVERY_MS = 30_000;

type Person = LiveBoard['people'][number];
type Team = LiveBoard['teams'][number];

/** Now: who is available and what they hold, what waits per team; kept live from the event stream. */
export function LiveSection({ session }: { session: string }) {
  const t = useT();
  const intl = useIntl();
  const transport = useTransport();
  const [board, setBoard] = useState<LiveBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const read = useCallback(async () => {
    try {
      setBoard(await transport.call('reports.live', session ? { session } : {}));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [transport, session]);

  useEffect(() => {
    void read();
    const every = setInterval(() => void read(), EVERY_MS);
    const unsubscribe = transport.subscribe((event) => {
      if (!LIVE_EVENTS.has(event.type) || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void read();
      }, SETTLE_MS);
    });
    return () => {
      clearInterval(every);
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [read, transport]);

  const n = (value: number) => intl.formatNumber(value);
  const people: Column<Person>[] = [
    { id: 'name', header: t('reports.col.person'), cell: (p) => <span dir="auto">{p.name}</span> },
    {
      id: 'status',
      header: t('reports.live.status'),
      cell: (p) => (
        <span className={p.available ? 'reports__presence reports__presence--on' : 'reports__presence'}>
          {t(p.available ? 'reports.live.available' : 'reports.live.away')}
        </span>
      ),
    },
    { id: 'open', header: t('reports.live.openChats'), cell: (p) => n(p.openChats) },
    { id: 'waiting', header: t('reports.live.waiting'), cell: (p) => n(p.waiting) },
  ];
  const teams: Column<Team>[] = [
    { id: 'name', header: t('reports.col.team'), cell: (team) => <span dir="auto">{team.name}</span> },
    { id: 'open', header: t('reports.live.openChats'), cell: (team) => n(team.open) },
    { id: 'waiting', header: t('reports.live.waiting'), cell: (team) => n(team.waiting) },
  ];
  return (
    <section className="reports__section" aria-labelledby="reports-live">
      <h2 id="reports-live">{t('reports.live.title')}</h2>
      {board && (
        <p className="muted" role="status">
          {t('reports.live.updated', { time: intl.formatTime(board.at, { timeStyle: 'medium' }) })} ·{' '}
          {t('reports.live.unassigned', { ...board.unassigned })}
        </p>
      )}
      <div className="reports__tables">
        <div className="reports__group" data-table="live-people">
          <h3>{t('reports.live.people')}</h3>
          <DataTable
            label={t('reports.live.people')}
            columns={people}
            rows={board?.people ?? null}
            rowKey={(p) => p.id}
            rowAttributes={(p) => ({ 'aria-label': p.name })}
            error={error}
            empty={t('reports.live.noPeople')}
          />
        </div>
        <div className="reports__group" data-table="live-teams">
          <h3>{t('reports.live.teams')}</h3>
          <DataTable
            label={t('reports.live.teams')}
            columns={teams}
            rows={board?.teams ?? null}
            rowKey={(team) => team.id}
            rowAttributes={(team) => ({ 'aria-label': team.name })}
            error={error}
            empty={t('reports.empty.rows')}
          />
        </div>
      </div>
    </section>
  );
}
