import { memo, Suspense } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useConnection } from '../stores/connection';
import { useMe } from '../stores/me';
import { areaOf, canSeeArea, type AreaPath } from '../model/nav-access';
import { MeSync } from './people/MeSync';
import { InboxPrefetch } from './InboxPrefetch';
import { NotAvailable } from './people/NotAvailable';
import { UserMenu } from './people/UserMenu';
import { useDesktopLock } from './people/use-desktop-lock';
import { Icon } from './icons';
import { MoreMenu, type NavArea } from './nav/MoreMenu';
import { LiveEvents } from './LiveEvents';
import { BackupOverdueBanner } from './BackupOverdueBanner';
import { ShortcutsHelp } from './ShortcutsHelp';

/** The product's areas, in the order the sidebar lists them. */
export const AREAS: (NavArea & { path: AreaPath })[] = [
  { path: '/inbox', label: 'common.nav.inbox', icon: 'inbox' },
  { path: '/sessions', label: 'common.nav.sessions', icon: 'sessions' },
  { path: '/schedule', label: 'common.nav.schedule', icon: 'schedule' },
  { path: '/tags', label: 'common.nav.tags', icon: 'tags' },
  { path: '/automation', label: 'common.nav.automation', icon: 'automation' },
  { path: '/widget', label: 'common.nav.widget', icon: 'widget' },
  { path: '/reports', label: 'reports.nav', icon: 'reports' },
  { path: '/logs', label: 'common.nav.logs', icon: 'logs' },
  { path: '/settings', label: 'common.nav.settings', icon: 'settings' },
];

/**
 * How many areas the phone's bottom bar shows before "More": with the person menu and "More"
 * that is six 44 px targets, which fit a 360 px screen. Wider screens list every area.
 */
const PHONE_BAR_AREAS = 4;

function LinkBanner() {
  const linkState = useConnection((state) => state.linkState);
  if (linkState !== 'closed') return null;
  return (
    <div className="banner banner--warning" role="status">
      <FormattedMessage id="common.liveUpdatesPaused" />
    </div>
  );
}

/**
 * The signed-in person, and whether the app knows who that is yet: until `people.me` answers, an
 * agent's deep link must not flash a page they may not use, nor the sidebar areas they may not see.
 */
function usePerson() {
  const principal = useMe((state) => state.principal);
  const meFailed = useMe((state) => state.error !== null);
  return { principal, knowsWho: principal !== null || meFailed };
}

/**
 * What the shell runs for the whole session (the signed-in person, the inbox's first page, the
 * event stream, the shortcuts' help). Memoised like the sidebar and the banners: a navigation
 * (every chat opened) re-rendered them all with the route (issue #23 target 7, session 24).
 */
const ShellServices = memo(function ShellServices() {
  return (
    <>
      <MeSync />
      <InboxPrefetch />
      <LiveEvents />
      <ShortcutsHelp />
    </>
  );
});

const ShellBanners = memo(function ShellBanners() {
  return (
    <>
      <LinkBanner />
      <BackupOverdueBanner />
    </>
  );
});

/**
 * The areas and the person's menu. Only what the current area is matters to it, so opening one
 * chat after another does not render it again (its links still follow the location themselves).
 */
const Sidebar = memo(function Sidebar({
  currentArea,
  inChat,
}: {
  currentArea: AreaPath | null;
  /** An open chat (/chats/…) belongs to the Inbox area. */
  inChat: boolean;
}) {
  const transportKind = useConnection((state) => state.transport?.kind);
  const logout = useConnection((state) => state.logout);
  const intl = useIntl();
  const { principal, knowsWho } = usePerson();
  const signOut = transportKind === 'http' ? logout : undefined;
  const lock = useDesktopLock();
  const visibleAreas = AREAS.filter((item) => knowsWho && canSeeArea(principal, item.path));
  // On a phone the bar holds this many areas plus "More" (the rest) and the person menu.
  const overflow = visibleAreas.length > PHONE_BAR_AREAS + 1 ? visibleAreas.slice(PHONE_BAR_AREAS) : [];
  return (
    <nav className="sidebar" aria-label={intl.formatMessage({ id: 'common.nav.label' })}>
      <div className="sidebar__brand" aria-label="Chatdock">
        <span className="sidebar__logo" aria-hidden="true">
          C
        </span>
        <span className="sidebar__name">Chatdock</span>
      </div>
      <ul className="sidebar__list">
        {visibleAreas.map((area, index) => (
          <li
            key={area.path}
            className={index >= PHONE_BAR_AREAS && overflow.length > 0 ? 'sidebar__overflow' : undefined}
          >
            <NavLink
              to={area.path}
              title={intl.formatMessage({ id: area.label })}
              className={({ isActive }) =>
                isActive || (area.path === '/inbox' && inChat) ? 'sidebar__link active' : 'sidebar__link'
              }
            >
              <Icon name={area.icon} />
              <span>{intl.formatMessage({ id: area.label })}</span>
            </NavLink>
          </li>
        ))}
        {overflow.length > 0 && (
          <li className="sidebar__more">
            <MoreMenu areas={overflow} current={overflow.some((area) => area.path === currentArea)} />
          </li>
        )}
      </ul>
      {principal?.user ? (
        <UserMenu name={principal.user.name} onSignOut={signOut} onLock={lock} />
      ) : (
        transportKind === 'http' && (
          <button
            type="button"
            className="sidebar__link sidebar__logout"
            title={intl.formatMessage({ id: 'common.nav.logOut' })}
            onClick={logout}
          >
            <Icon name="logout" />
            <span>
              <FormattedMessage id="common.nav.logOut" />
            </span>
          </button>
        )
      )}
    </nav>
  );
});

export function Shell() {
  const { pathname } = useLocation();
  const { principal, knowsWho } = usePerson();
  const currentArea = areaOf(pathname);
  const allowed = currentArea === null || canSeeArea(principal, currentArea);
  return (
    <div className="shell">
      <ShellServices />
      <Sidebar currentArea={currentArea} inChat={pathname.startsWith('/chats')} />
      <main className="content">
        <ShellBanners />
        {!knowsWho ? (
          <div className="splash" role="status">
            <FormattedMessage id="common.starting" />
          </div>
        ) : allowed ? (
          // Pages other than the inbox load on first visit (lazy-pages.ts).
          <Suspense
            fallback={
              <div className="splash" role="status">
                <FormattedMessage id="common.loading" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        ) : (
          <NotAvailable />
        )}
      </main>
    </div>
  );
}
