import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Icon } from './icons';

/** Copies `text` to the clipboard and says so for two seconds. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const intl = useIntl();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="button button--secondary" onClick={() => void copy()}>
      <Icon name="copy" size={16} />
      <span aria-live="polite">
        {copied
          ? intl.formatMessage({ id: 'common.copied' })
          : (label ?? intl.formatMessage({ id: 'common.copy' }))}
      </span>
    </button>
  );
}
