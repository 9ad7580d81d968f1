import '../../../styles/channels.css';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Channel, ChannelPostCounts } from '../../../../src-shared/contract/channels';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { describeError } from '../../../transport/rpc-error';
import { useBusyRun } from '../dialog-parts/use-busy-run';
import { ChannelDialog } from './ChannelDialog';

/**
 * Under a channel's conversation. A followed channel is read-only: it says so and offers to
 * unfollow. An owned one (the composer shows above) offers its link, editing and deleting it,
 * and the reaction counts per post: the stored ones at once, then live (`channel.reactions`,
 * announced whenever a follower reacts), and read from WhatsApp again when asked.
 */
export function ChannelNote({ session, jid }: { session: string; jid: string }) {
  const t = useT();
  const transport = useTransport();
  const navigate = useNavigate();
  const messages = useConversation((state) => state.messages);
  const [channel, setChannel] = useState<Channel | null | undefined>(undefined);
  const [counts, setCounts] = useState<ChannelPostCounts[] | null>(null);
  const { busy, error, setError, run } = useBusyRun();
  const [editing, setEditing] = useState(false);
  const owner = useRef(false);
  owner.current = channel?.role === 'owner';

  useEffect(() => {
    let current = true;
    setCounts(null);
    transport
      .call('channels.list', { session })
      .then(async (list) => {
        const found = list.find((c) => c.jid === jid) ?? null;
        if (!current) return;
        setChannel(found);
        if (found?.role !== 'owner') return;
        const stored = await transport.call('channels.counts', { session, chat: jid });
        // A live update that came meanwhile is newer than the stored counts.
        if (current) setCounts((live) => live ?? stored);
      })
      .catch((caught: unknown) => {
        if (current) setError(describeError(caught));
      });
    return () => {
      current = false;
    };
  }, [transport, session, jid, setError]);

  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.session !== session) return;
        if (event.type === 'channel.reactions' && event.data.jid === jid) setCounts(event.data.items);
        if (event.type === 'channel.updated' && event.data.jid === jid) setChannel(event.data);
        // A new post of ours: its row (no reactions yet) comes with the counts read from WhatsApp.
        if (event.type === 'message.sent' && event.data.chat === jid && owner.current) {
          transport
            .call('channels.reactions', { session, chat: jid })
            .then(setCounts)
            .catch(() => undefined);
        }
      }),
    [transport, session, jid],
  );

  const postText = (id: string) => {
    const message = messages.find((m) => m.id === id && m.chat === jid);
    return message?.text ?? t('channels.note.post');
  };

  if (channel === undefined && !error) return null;
  return (
    <section className="composer composer--readonly channel-note" aria-label={t('channels.note.label')}>
      {channel?.role === 'owner' ? (
        <>
          <p className="muted">
            {t('channels.note.owner')}{' '}
            {channel.inviteLink && (
              <bdi dir="ltr" className="channel-note__link">
                {channel.inviteLink}
              </bdi>
            )}
          </p>
          {channel.description && <p className="channel-note__description">{channel.description}</p>}
          <div className="channel-note__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() =>
                void run(async () =>
                  setCounts(await transport.call('channels.reactions', { session, chat: jid })),
                )
              }
            >
              {t(busy ? 'channels.note.counting' : 'channels.note.reactions')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t('channels.note.edit')}
            </button>
            <ConfirmButton
              label={t('channels.note.delete')}
              question={t('channels.note.deleteQuestion', { name: channel.name })}
              confirmLabel={t('channels.note.deleteConfirm')}
              disabled={busy}
              onConfirm={() =>
                run(async () => {
                  await transport.call('channels.delete', { session, chat: jid });
                  setChannel(null);
                })
              }
            />
          </div>
          {editing && (
            <ChannelDialog channel={channel} onClose={() => setEditing(false)} onSaved={setChannel} />
          )}
          {counts && (
            <ul className="channel-note__counts" aria-label={t('channels.note.countsLabel')}>
              {counts.length === 0 && <li className="muted">{t('channels.note.noPosts')}</li>}
              {counts.map((post) => (
                <li key={post.messageId}>
                  <span className="channel-note__post">{postText(post.messageId)}</span>
                  <span className="channel-note__reactions">
                    {post.reactions.length === 0
                      ? t('channels.note.noReactions')
                      : post.reactions.map((r) => `${r.emoji} ${r.count}`).join('  ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t(channel ? 'channels.note.follower' : 'channels.note.notFollowing')}</p>
          {channel && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await transport.call('channels.unfollow', { session, chat: jid });
                  setChannel(null);
                  void navigate('/inbox');
                })
              }
            >
              {t('channels.note.unfollow')}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
