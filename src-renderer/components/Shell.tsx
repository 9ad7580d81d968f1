import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import type { MessageId } from '../i18n/messages/en';
import { useConnection } from '../stores/connection';
import { Icon, type IconName } from './icons';
import { LiveEvents } from './LiveEvents';
import { BackupOverdueBanner } from './BackupOverdueBanner';

/** The product's areas, in the order the sidebar lists them. */
export const AREAS: { path: string; label: MessageId; icon: IconName }[] = [
  { path: '/inbox', label: 'common.nav.inbox', icon: 'inbox' },
  { path: '/sessions', label: 'common.nav.sessions', icon: 'sessions' },
  { path: '/schedule', label: 'common.nav.schedule', icon: 'schedule' },
  { path: '/tags', label: 'common.nav.tags', icon: 'tags' },
  { path: '/widget', label: 'common.nav.widget', icon: 'widget' },
  { path: '/logs', label: 'common.nav.logs', icon: 'logs' },
  { path: '/settings', label: 'common.nav.settings', icon: 'settings' },
];

function LinkBanner() {
  const linkState = useConnection((state) => state.linkState);
  if (linkState !== 'closed') return null;
  return (
    <div className="banner banner--warning" role="status">
      <FormattedMessage id="common.liveUpdatesPaused" />
    </div>
  );
}

export function Shell() {
  const transportKind = useConnection((state) => state.transport?.kind);
  const logout = useConnection((state) => state.logout);
  const { pathname } = useLocation();
  const intl = useIntl();
  return (
    <div className="shell">
      <LiveEvents />
      <nav className="sidebar" aria-label={intl.formatMessage({ id: 'common.nav.label' })}>
        <div className="sidebar__brand" aria-label="Chatdock">
          <span className="sidebar__logo" aria-hidden="true">
            C
          </span>
          <span className="sidebar__name">Chatdock</span>
        </div>
        <ul className="sidebar__list">
          {AREAS.map((area) => (
            <li key={area.path}>
              <NavLink
                to={area.path}
                className={({ isActive }) =>
                  // An open chat (/chats/…) belongs to the Inbox area.
                  isActive || (area.path === '/inbox' && pathname.startsWith('/chats'))
                    ? 'sidebar__link active'
                    : 'sidebar__link'
                }
              >
                <Icon name={area.icon} />
                <span>{intl.formatMessage({ id: area.label })}</span>
              </NavLink>
            </li>
          ))}
        </ul>
        {transportKind === 'http' && (
          <button type="button" className="sidebar__link sidebar__logout" onClick={logout}>
            <Icon name="logout" />
            <span>
              <FormattedMessage id="common.nav.logOut" />
            </span>
          </button>
        )}
      </nav>
      <main className="content">
        <LinkBanner />
        <BackupOverdueBanner />
        <Outlet />
      </main>
    </div>
  );
}
