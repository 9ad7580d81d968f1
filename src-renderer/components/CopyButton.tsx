import { useState } from 'react';
import { Icon } from './icons';

/** Copies `text` to the clipboard and says so for two seconds. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="button button--secondary" onClick={() => void copy()}>
      <Icon name="copy" size={16} />
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </button>
  );
}
