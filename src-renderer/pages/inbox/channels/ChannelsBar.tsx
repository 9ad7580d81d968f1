import { useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useInbox } from '../../../stores/inbox';
import { FollowChannelDialog } from './FollowChannelDialog';

/** Above the chat list while it shows channels: what they are, and following one by link. */
export function ChannelsBar() {
  const t = useT();
  const [following, setFollowing] = useState(false);
  return (
    <div className="channels-bar">
      <p className="muted channels-bar__hint">{t('channels.bar.hint')}</p>
      <button type="button" className="button button--secondary" onClick={() => setFollowing(true)}>
        {t('channels.bar.follow')}
      </button>
      {following && (
        <FollowChannelDialog
          initialSession={useInbox.getState().filter.session}
          onClose={() => setFollowing(false)}
        />
      )}
    </div>
  );
}
