import { useIntl } from 'react-intl';
import type { Chat } from '../../../../src-shared/messages';
import { useT } from '../../../i18n/use-t';
import { timerDuration } from '../DisappearingNote';
import { DisappearingChoices } from '../DisappearingTimer';

/**
 * The group's disappearing-messages timer in its info panel (issue #19): the choices for who may
 * change it, else what it is (and, in a group whose info only admins edit, why it cannot be
 * changed). A change made on a phone arrives as `chat.updated` and shows here at once.
 */
export function GroupDisappearing({
  chat,
  mayChange,
  adminsOnly,
}: {
  chat: Chat;
  mayChange: boolean;
  adminsOnly: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const title = intl.formatMessage({ id: 'kinds.ephemeral.button' });
  return (
    <section className="contact-panel__section group-disappearing" aria-label={title}>
      {mayChange ? (
        <DisappearingChoices chat={chat} />
      ) : (
        <>
          <h3 className="group-info__heading">{title}</h3>
          <p data-testid="group-disappearing-value">
            {chat.ephemeralSeconds
              ? timerDuration(intl, chat.ephemeralSeconds)
              : intl.formatMessage({ id: 'kinds.ephemeral.off' })}
          </p>
          {adminsOnly && <p className="muted">{t('groupinfo.disappearing.adminsOnly')}</p>}
        </>
      )}
    </section>
  );
}
