import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { DISAPPEARING_TIMERS } from '../../../src-shared/contract/disappearing';
import type { Chat } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useInbox } from '../../stores/inbox';
import { describeError } from '../../transport/rpc-error';
import { timerDuration } from './DisappearingNote';
import { InboxIcon } from './InboxIcon';

/**
 * The chat header's timer button and its menu: off, 24 hours, 7 days, 90 days (what WhatsApp
 * offers). One-to-one chats only; the choice goes to WhatsApp, and the customer's chat follows.
 */
export function DisappearingMenu({ chat }: { chat: Chat }) {
  const intl = useIntl();
  const transport = useTransport();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    const outside = (event: MouseEvent) => {
      if (!menu.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  if (chat.kind !== 'user') return null;
  const label = intl.formatMessage({ id: 'kinds.ephemeral.button' });

  const choose = async (seconds: number) => {
    setSaving(true);
    setError(null);
    try {
      const updated = await transport.call('disappearing.set', {
        session: chat.session,
        chat: chat.jid,
        seconds,
      });
      useInbox.getState().applyChat(updated);
      setOpen(false);
      button.current?.focus();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div
      className="disappearing"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="inbox-btn"
        aria-label={label}
        title={label}
        aria-haspopup="true"
        aria-expanded={open}
        aria-pressed={chat.ephemeralSeconds > 0}
        onClick={() => setOpen(!open)}
      >
        <InboxIcon name="clock" />
      </button>
      {open && (
        <div className="disappearing__menu" ref={menu}>
          <fieldset disabled={saving}>
            <legend>{label}</legend>
            {DISAPPEARING_TIMERS.map((seconds) => (
              <label key={seconds}>
                <input
                  type="radio"
                  name={`disappearing-${chat.jid}`}
                  checked={chat.ephemeralSeconds === seconds}
                  onChange={() => void choose(seconds)}
                />{' '}
                {seconds ? timerDuration(intl, seconds) : intl.formatMessage({ id: 'kinds.ephemeral.off' })}
              </label>
            ))}
          </fieldset>
          {saving && <p role="status">{intl.formatMessage({ id: 'kinds.ephemeral.saving' })}</p>}
          {error && <p role="alert">{error}</p>}
          <p className="muted">{intl.formatMessage({ id: 'kinds.ephemeral.hint' })}</p>
        </div>
      )}
    </div>
  );
}
