import { useEffect, useState } from 'react';
import type { GroupJoinRequest } from '../../../../src-shared/contract/group-admin';
import type { Chat } from '../../../../src-shared/messages';
import { useQuery } from '../../../hooks';
import { useT } from '../../../i18n/use-t';
import { formatPhone } from '../../../model/phone';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { ActionFeedback } from './ActionFeedback';

/**
 * People asking to join by link while admins approve newcomers (admins only): asked from
 * WhatsApp when the panel opens, then kept current by `group.join_requested` and
 * `group.join_request_decided` (a decision taken on a phone disappears here too).
 */
export function GroupJoinRequests({ chat }: { chat: Chat }) {
  const t = useT();
  const transport = useTransport();
  const query = useQuery('groups.joinRequests', { session: chat.session, chat: chat.jid });
  const { reload, setData } = query;
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The stored list answers at once; WhatsApp's own list (requests made while we were offline)
  // replaces it when it comes. Offline, the stored one stays.
  useEffect(() => {
    transport
      .call('groups.joinRequests', { session: chat.session, chat: chat.jid, refresh: true })
      .then(setData)
      .catch(() => undefined);
  }, [transport, chat.session, chat.jid, setData]);
  useEffect(
    () =>
      transport.subscribe((event) => {
        const about =
          (event.type === 'group.join_requested' || event.type === 'group.join_request_decided') &&
          event.session === chat.session &&
          event.data.chat === chat.jid;
        if (about) void reload();
      }),
    [transport, chat.session, chat.jid, reload],
  );

  const nameOf = (request: GroupJoinRequest) =>
    request.name ?? formatPhone(request.phone) ?? t('groupinfo.members.unknown');

  const decide = async (request: GroupJoinRequest, decision: 'approve' | 'reject') => {
    setBusy(request.jid);
    setError(null);
    setNotice(null);
    try {
      const { items } = await transport.call('groups.decideJoinRequests', {
        session: chat.session,
        chat: chat.jid,
        decision,
        participants: [request.jid],
      });
      if (items[0]?.status !== '200')
        throw new Error(t('groupjoin.requests.failed', { status: items[0]?.status ?? '?' }));
      const name = nameOf(request);
      setNotice(
        t(decision === 'approve' ? 'groupjoin.requests.approved' : 'groupjoin.requests.rejected', { name }),
      );
      await reload();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  };

  const items = query.data?.items ?? [];
  return (
    <section className="contact-panel__section" aria-label={t('groupjoin.requests.title')}>
      <h3 className="group-info__heading">{t('groupjoin.requests.title')}</h3>
      {query.loading && !query.data && (
        <p className="muted" aria-busy="true">
          {t('groupjoin.requests.loading')}
        </p>
      )}
      {query.error && !query.data && (
        <p className="form-error" role="alert">
          {t('groupjoin.requests.loadFailed', { error: query.error })}{' '}
          <button type="button" className="link-button" onClick={() => void reload()}>
            {t('groupinfo.retry')}
          </button>
        </p>
      )}
      {query.data && items.length === 0 && <p className="muted">{t('groupjoin.requests.none')}</p>}
      {items.length > 0 && (
        <ul className="group-requests" aria-label={t('groupjoin.requests.title')}>
          {items.map((request) => (
            <li key={request.jid} className="group-requests__row">
              <span className="group-member__names">
                <span className="group-member__name">{nameOf(request)}</span>
                {request.name && request.phone && (
                  <bdi className="group-member__phone" dir="ltr">
                    {formatPhone(request.phone)}
                  </bdi>
                )}
              </span>
              <span className="group-requests__actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy !== null}
                  aria-label={t('groupjoin.requests.approveName', { name: nameOf(request) })}
                  onClick={() => void decide(request, 'approve')}
                >
                  {t('groupjoin.requests.approve')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy !== null}
                  aria-label={t('groupjoin.requests.rejectName', { name: nameOf(request) })}
                  onClick={() => void decide(request, 'reject')}
                >
                  {t('groupjoin.requests.reject')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ActionFeedback notice={notice} error={error} />
    </section>
  );
}
