import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useConnection } from '../stores/connection';
import { Icon, type IconName } from './icons';
import { LiveEvents } from './LiveEvents';
import { ShortcutsHelp } from './ShortcutsHelp';

/** The product's areas, in the order the sidebar lists them. */
export const AREAS: { path: string; label: string; icon: IconName }[] = [
  { path: '/inbox', label: 'Inbox', icon: 'inbox' },
  { path: '/sessions', label: 'Sessions', icon: 'sessions' },
  { path: '/schedule', label: 'Schedule', icon: 'schedule' },
  { path: '/tags', label: 'Tags', icon: 'tags' },
  { path: '/widget', label: 'Widget', icon: 'widget' },
  { path: '/logs', label: 'Logs', icon: 'logs' },
  { path: '/settings', label: 'Settings', icon: 'settings' },
];

function LinkBanner() {
  const linkState = useConnection((state) => state.linkState);
  if (linkState !== 'closed') return null;
  return (
    <div className="banner banner--warning" role="status">
      Live updates are paused: reconnecting to Chatdock…
    </div>
  );
}

export function Shell() {
  const transportKind = useConnection((state) => state.transport?.kind);
  const logout = useConnection((state) => state.logout);
  const { pathname } = useLocation();
  return (
    <div className="shell">
      <LiveEvents />
      <ShortcutsHelp />
      <nav className="sidebar" aria-label="Main">
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
                title={area.label}
                className={({ isActive }) =>
                  // An open chat (/chats/…) belongs to the Inbox area.
                  isActive || (area.path === '/inbox' && pathname.startsWith('/chats'))
                    ? 'sidebar__link active'
                    : 'sidebar__link'
                }
              >
                <Icon name={area.icon} />
                <span>{area.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
        {transportKind === 'http' && (
          <button type="button" className="sidebar__link sidebar__logout" title="Log out" onClick={logout}>
            <Icon name="logout" />
            <span>Log out</span>
          </button>
        )}
      </nav>
      <main className="content">
        <LinkBanner />
        <Outlet />
      </main>
    </div>
  );
}
