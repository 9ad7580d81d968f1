import { useState } from 'react';
import { useAvatarUrl } from '../../stores/avatars';
import { hueOf, initials } from '../../model/inbox/format';

/**
 * A round badge: the profile picture when the contact (or group) has one, otherwise initials
 * coloured by the name. The initials stay underneath while the picture loads and when it fails.
 * Decorative (aria-hidden): the name is always written beside it. Without `session` and `jid`
 * only initials are drawn.
 */
export function Avatar({
  name,
  size = 44,
  session,
  jid,
}: {
  name: string;
  size?: number;
  session?: string;
  jid?: string;
}) {
  const url = useAvatarUrl(session, jid);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  return (
    <span
      className="avatar"
      aria-hidden="true"
      // Initials come from the person's name: user content, never translated.
      data-user-content
      style={{ width: size, height: size, fontSize: size * 0.38, ['--avatar-hue' as string]: hueOf(name) }}
    >
      {initials(name)}
      {url && url !== failedUrl && (
        <img
          className="avatar__picture"
          src={url}
          alt=""
          width={size}
          height={size}
          loading="lazy"
          decoding="async"
          draggable={false}
          onError={() => setFailedUrl(url)}
        />
      )}
    </span>
  );
}
