import { useCallback, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { MessageMenu } from './MessageMenu';

/**
 * The ⌄ button on a bubble, and its menu while open. Every message row on screen has one, so it
 * is kept small (issue #23 target 7): one button, its caret drawn by CSS (inbox.css), and the
 * menu's state, store reads and listeners mounted only when it opens (MessageMenu).
 */
export function MessageActions({ message }: { message: Message }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [upwards, setUpwards] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  // A deleted message has nothing to reply to, copy, forward or edit.
  if (message.revoked) return null;
  const label = intl.formatMessage({ id: 'inbox.actions.label' });
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="message-actions__button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={(event) => {
          if (open) return close();
          setUpwards(event.currentTarget.getBoundingClientRect().top > window.innerHeight / 2);
          setOpen(true);
        }}
      />
      {open && <MessageMenu message={message} upwards={upwards} buttonRef={buttonRef} onClose={close} />}
    </>
  );
}
