import type { RefObject } from 'react';
import { useIntl } from 'react-intl';
import { InboxIcon } from './InboxIcon';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Searches names, numbers and message text; Ctrl/Cmd+K focuses it, Esc clears it. */
export function SearchBox({
  value,
  onChange,
  inputRef,
}: {
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const intl = useIntl();
  return (
    <div className="search-box" role="search">
      <InboxIcon name="search" size={18} />
      <input
        ref={inputRef}
        type="search"
        value={value}
        aria-label={intl.formatMessage({ id: 'inbox.search.label' })}
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        placeholder={intl.formatMessage(
          { id: 'inbox.search.placeholder' },
          { shortcut: isMac ? '⌘K' : 'Ctrl+K' },
        )}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.stopPropagation();
            onChange('');
          }
        }}
      />
    </div>
  );
}
