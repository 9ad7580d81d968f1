import { useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useInbox } from '../../../stores/inbox';
import { ChannelDialog } from './ChannelDialog';
import { FollowChannelDialog } from './FollowChannelDialog';

/** Above the chat list while it shows channels: what they are, following one by link, creating one. */
export function ChannelsBar() {
  const t = useT();
  const [open, setOpen] = useState<'follow' | 'create' | null>(null);
  const session = useInbox.getState().filter.session;
  return (
    <div className="channels-bar">
      <p className="muted channels-bar__hint">{t('channels.bar.hint')}</p>
      <div className="channels-bar__actions">
        <button type="button" className="button button--secondary" onClick={() => setOpen('follow')}>
          {t('channels.bar.follow')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen('create')}>
          {t('channels.bar.create')}
        </button>
      </div>
      {open === 'follow' && <FollowChannelDialog initialSession={session} onClose={() => setOpen(null)} />}
      {open === 'create' && <ChannelDialog initialSession={session} onClose={() => setOpen(null)} />}
    </div>
  );
}
