import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { CopyButton } from './CopyButton';

/** A secret shown once right after it was made (it is stored hashed or never shown again). */
export function RevealOnce({
  label,
  value,
  children,
  onDone,
}: {
  /** The region's accessible name, e.g. "New API key". */
  label: string;
  value: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  return (
    <div className="reveal" role="region" aria-label={label}>
      <p>
        <FormattedMessage id="common.revealOnce" values={{ strong: (text) => <strong>{text}</strong> }} />{' '}
        {children}
      </p>
      <code className="reveal__key" data-testid="revealed-secret">
        {value}
      </code>
      <div className="row">
        <CopyButton text={value} />
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="common.savedIt" />
        </button>
      </div>
    </div>
  );
}
