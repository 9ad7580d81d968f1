import '../../styles/team.css';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { AvailabilityItem } from '../assignment/AvailabilityItem';
import { Icon } from '../icons';
import { usePopoverMenu } from '../nav/use-popover-menu';

/**
 * The sidebar's footer for a signed-in person: their name, opening a small menu with Profile and
 * Sign out (in a browser) or Lock (at the desktop switcher). Esc or a click elsewhere closes it;
 * focus returns to the name.
 */
export function UserMenu({
  name,
  onSignOut,
  onLock,
}: {
  name: string;
  onSignOut?: () => void;
  onLock?: () => void;
}) {
  const intl = useIntl();
  const menu = usePopoverMenu<HTMLAnchorElement>();

  return (
    <div className="user-menu" ref={menu.rootRef} onKeyDown={menu.onKeyDown}>
      <button
        ref={menu.buttonRef}
        type="button"
        className="sidebar__link user-menu__button"
        aria-haspopup="menu"
        aria-expanded={menu.open}
        title={intl.formatMessage({ id: 'team.menu.label' }, { name })}
        onClick={menu.toggle}
      >
        <Icon name="person" />
        <span dir="auto">{name}</span>
      </button>
      {menu.open && (
        <div
          className="user-menu__list"
          role="menu"
          aria-label={intl.formatMessage({ id: 'team.menu.label' }, { name })}
        >
          <Link
            ref={menu.firstItemRef}
            role="menuitem"
            className="user-menu__item"
            to="/profile"
            onClick={menu.dismiss}
          >
            <FormattedMessage id="team.menu.profile" />
          </Link>
          <AvailabilityItem />
          {onLock && (
            <button
              type="button"
              role="menuitem"
              className="user-menu__item"
              onClick={onLock}
              aria-keyshortcuts="Control+Shift+L"
            >
              <FormattedMessage id="desktop.lock.item" />
            </button>
          )}
          {onSignOut && (
            <button type="button" role="menuitem" className="user-menu__item" onClick={onSignOut}>
              <FormattedMessage id="common.nav.logOut" />
            </button>
          )}
        </div>
      )}
    </div>
  );
}
