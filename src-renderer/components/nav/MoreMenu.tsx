import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { MessageId } from '../../i18n/messages/en';
import { Icon, type IconName } from '../icons';
import { usePopoverMenu } from './use-popover-menu';

export interface NavArea {
  path: string;
  label: MessageId;
  icon: IconName;
}

/**
 * The phone bar's last entry: the areas that do not fit in a 400 px bar. It shows as current
 * when one of them is open, so the bar always says where you are.
 */
export function MoreMenu({ areas, current }: { areas: NavArea[]; current: boolean }) {
  const intl = useIntl();
  const menu = usePopoverMenu<HTMLAnchorElement>();
  const label = intl.formatMessage({ id: 'common.nav.more' });
  return (
    <div className="nav-more" ref={menu.rootRef} onKeyDown={menu.onKeyDown}>
      <button
        ref={menu.buttonRef}
        type="button"
        className={current ? 'sidebar__link active' : 'sidebar__link'}
        aria-haspopup="menu"
        aria-expanded={menu.open}
        title={label}
        onClick={menu.toggle}
      >
        <Icon name="more" />
        <span>{label}</span>
      </button>
      {menu.open && (
        <div className="user-menu__list" role="menu" aria-label={label}>
          {areas.map((area, index) => (
            <NavLink
              key={area.path}
              ref={index === 0 ? menu.firstItemRef : undefined}
              role="menuitem"
              to={area.path}
              className={({ isActive }) =>
                isActive
                  ? 'user-menu__item nav-more__item nav-more__item--active'
                  : 'user-menu__item nav-more__item'
              }
              onClick={menu.dismiss}
            >
              <Icon name={area.icon} />
              {intl.formatMessage({ id: area.label })}
            </NavLink>
          ))}
        </div>
      )}
    </div>
  );
}
