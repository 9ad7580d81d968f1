import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

/** What a page shows when it has nothing yet: what the area is for and the next step. */
export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: IconName;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="empty-state">
      <div className="empty-state__icon">
        <Icon name={icon} size={40} />
      </div>
      <h2>{title}</h2>
      <div className="empty-state__text">{children}</div>
    </div>
  );
}
