import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { IntlShape } from 'react-intl';
import type { Message } from '../../../src-shared/messages';
import { MessageMenu } from './MessageMenu';

/**
 * The ⌄ button on a bubble, and its menu while open. Every message row on screen has one, so it
 * is kept small (issue #23 target 7): one button, its caret drawn by CSS (inbox.css), and the
 * menu's state, store reads and listeners mounted only when it opens (MessageMenu). A hook of the
 * bubble rather than a component of its own: the button is then one element of the bubble, not a
 * component and an element more for each of the ~10 rows a wheel step mounts (session 22). It is
 * always there, not mounted on hover, so keyboard and touch reach it as the mouse does.
 */
export function useMessageActions(message: Message, intl: IntlShape): { button: ReactNode; menu: ReactNode } {
  const [open, setOpen] = useState(false);
  const [upwards, setUpwards] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  // A deleted message has nothing to reply to, copy, forward or edit.
  if (message.revoked) return { button: null, menu: null };
  return {
    // Two children of the bubble, not a fragment: a fragment inside the bubble is a fiber too.
    button: (
      <button
        ref={buttonRef}
        type="button"
        className="message-actions__button"
        aria-label={intl.formatMessage({ id: 'inbox.actions.label' })}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={(event) => {
          if (open) return close();
          setUpwards(event.currentTarget.getBoundingClientRect().top > window.innerHeight / 2);
          setOpen(true);
        }}
      />
    ),
    menu: open && <MessageMenu message={message} upwards={upwards} buttonRef={buttonRef} onClose={close} />,
  };
}
