import { InboxIcon, type InboxIconName } from '../InboxIcon';

/** What a media bubble shows while its link loads, or when the file is not available. */
export function MediaFallback({
  icon,
  label,
  error,
}: {
  icon: InboxIconName;
  label: string;
  error: string | null;
}) {
  return (
    <div className="media-fallback" role={error ? 'note' : 'status'}>
      <InboxIcon name={icon} size={28} />
      <span>{error ? `${label} not available: ${error}` : `Loading ${label.toLowerCase()}…`}</span>
    </div>
  );
}
