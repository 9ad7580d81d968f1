import '../../styles/team.css';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { AvailabilityItem } from '../assignment/AvailabilityItem';
import { Icon } from '../icons';

/**
 * The sidebar's footer for a signed-in person: their name, opening a small menu with Profile and
 * Sign out. Esc or a click elsewhere closes it; focus returns to the name.
 */
export function UserMenu({ name, onSignOut }: { name: string; onSignOut?: () => void }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const firstItemRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!open) return;
    firstItemRef.current?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div
      className="user-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) close();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="sidebar__link user-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        title={intl.formatMessage({ id: 'team.menu.label' }, { name })}
        onClick={() => setOpen(!open)}
      >
        <Icon name="person" />
        <span dir="auto">{name}</span>
      </button>
      {open && (
        <div
          className="user-menu__list"
          role="menu"
          aria-label={intl.formatMessage({ id: 'team.menu.label' }, { name })}
        >
          <Link
            ref={firstItemRef}
            role="menuitem"
            className="user-menu__item"
            to="/profile"
            onClick={() => setOpen(false)}
          >
            <FormattedMessage id="team.menu.profile" />
          </Link>
          <AvailabilityItem />
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
