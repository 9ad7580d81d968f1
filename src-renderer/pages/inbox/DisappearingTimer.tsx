import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { DISAPPEARING_TIMERS } from '../../../src-shared/contract/constants/disappearing';
import type { Chat } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useInbox } from '../../stores/inbox';
import { useMe } from '../../stores/me';
import { describeError } from '../../transport/rpc-error';
import { timerDuration } from './DisappearingNote';
import { mayChangeGroupTimer, useGroupInfo } from './group-info/useGroupInfo';
import { InboxIcon } from './InboxIcon';
import { chatRights } from './parity/chat-rights';

/**
 * The chat header's timer button and its menu: off, 24 hours, 7 days, 90 days (what WhatsApp
 * offers). One-to-one chats and groups, for who may write on the number; in a group whose info
 * only admins edit, admins only (as WhatsApp). The choice goes to WhatsApp, the other side follows.
 */
export function DisappearingMenu({ chat }: { chat: Chat }) {
  const { write } = chatRights(
    useMe((state) => state.principal),
    chat.session,
  );
  if (!write) return null;
  if (chat.kind === 'user') return <TimerMenu chat={chat} />;
  if (chat.kind === 'group') return <GroupTimerMenu chat={chat} />;
  return null;
}

function GroupTimerMenu({ chat }: { chat: Chat }) {
  const info = useGroupInfo(chat.session, chat.jid);
  return mayChangeGroupTimer(info.data) ? <TimerMenu chat={chat} /> : null;
}

function TimerMenu({ chat }: { chat: Chat }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
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

  const label = intl.formatMessage({ id: 'kinds.ephemeral.button' });
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
          <DisappearingChoices
            chat={chat}
            onChosen={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </div>
      )}
    </div>
  );
}

/** The timers as radio buttons; a choice is sent to WhatsApp at once. */
export function DisappearingChoices({ chat, onChosen }: { chat: Chat; onChosen?: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      onChosen?.();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <fieldset disabled={saving}>
        <legend>{intl.formatMessage({ id: 'kinds.ephemeral.button' })}</legend>
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
      <p className="muted">
        {intl.formatMessage({
          id: chat.kind === 'group' ? 'kinds.ephemeral.groupHint' : 'kinds.ephemeral.hint',
        })}
      </p>
    </>
  );
}
