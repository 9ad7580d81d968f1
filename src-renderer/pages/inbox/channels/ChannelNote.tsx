import '../../../styles/channels.css';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Channel, ChannelPostCounts } from '../../../../src-shared/contract/channels';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { describeError } from '../../../transport/rpc-error';

/**
 * Under a channel's conversation. A followed channel is read-only: it says so and offers to
 * unfollow. An owned one (the composer shows above) offers its link and the reaction counts per
 * post, read from WhatsApp when asked.
 */
export function ChannelNote({ session, jid }: { session: string; jid: string }) {
  const t = useT();
  const transport = useTransport();
  const navigate = useNavigate();
  const messages = useConversation((state) => state.messages);
  const [channel, setChannel] = useState<Channel | null | undefined>(undefined);
  const [counts, setCounts] = useState<ChannelPostCounts[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    transport
      .call('channels.list', { session })
      .then((list) => {
        if (current) setChannel(list.find((c) => c.jid === jid) ?? null);
      })
      .catch((caught: unknown) => {
        if (current) setError(describeError(caught));
      });
    return () => {
      current = false;
    };
  }, [transport, session, jid]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

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
