import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useIntl } from 'react-intl';
import type { SavedReply, SavedReplyMedia } from '../../../src-shared/contract/organize';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { matchReplies, moveActive, slashTokenAt, type SlashToken } from './organize-logic';
import '../../styles/organize.css';

/** A chosen reply: put `text` in place of `[start, end)` (the typed `/shortcut`) of the textarea. */
export interface ReplyChoice {
  /** The saved reply's id (to fetch its media). */
  id: string;
  start: number;
  end: number;
  text: string;
  media: SavedReplyMedia | null;
}

interface Position {
  /** From the window's start edge: the left, or the right in right-to-left. */
  start: number;
  bottom: number;
  width: number;
}

/**
 * Saved replies for a composer: typing `/` (at the start or after a space) in the textarea opens
 * a list that filters as you type; ↑/↓ move, Enter or Tab inserts, Esc closes. The chosen reply
 * replaces the `/shortcut` with its text, placeholders (`[name]`…) filled for the open chat.
 * It listens on the textarea itself, so a composer only renders it next to its textarea; while
 * the list is open, Enter picks a reply instead of reaching the composer (no accidental send).
 */
export function SavedReplyPicker({
  textareaRef,
  session,
  chat,
  onChoose,
  openRequest = 0,
}: {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  session: string;
  chat: string;
  /** Called with the rendered reply and the range of the typed `/shortcut` it replaces. */
  onChoose: (choice: ReplyChoice) => void;
  /** Change it to re-read the textarea (e.g. after a button put a `/` in it). */
  openRequest?: number;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const listId = useId();
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const [token, setToken] = useState<SlashToken | null>(null);
  const [active, setActive] = useState(0);
  const [position, setPosition] = useState<Position | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dismissedAt = useRef<number | null>(null);

  const matches = useMemo(
    () => (token && replies ? matchReplies(replies, token.query) : []),
    [token, replies],
  );
  const open = token !== null;

  /** Re-reads the token at the caret after every input or caret move. */
  const update = useCallback(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    const next = slashTokenAt(textarea.value, textarea.selectionStart ?? textarea.value.length);
    if (!next || next.start !== dismissedAt.current) dismissedAt.current = null;
    const shown = next && dismissedAt.current === null ? next : null;
    setToken((current) => {
      if (current?.start !== shown?.start || current?.query !== shown?.query) setActive(0);
      return shown;
    });
    if (shown) {
      const rect = textarea.getBoundingClientRect();
      // The page's direction (the message box itself is dir=auto, following what is typed).
      const rtl = document.documentElement.dir === 'rtl';
      setPosition({
        start: rtl ? window.innerWidth - rect.right : rect.left,
        bottom: window.innerHeight - rect.top + 6,
        width: rect.width,
      });
    }
  }, [textareaRef]);

  useEffect(() => {
    if (!open || replies) return;
    transport
      .call('savedReplies.list', {})
      .then(({ items }) => setReplies(items))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [open, replies, transport]);

  const choose = useCallback(
    async (reply: SavedReply) => {
      const textarea = textareaRef.current;
      if (!textarea || !token) return;
      setError(null);
      try {
        const rendered = await transport.call('savedReplies.render', { id: reply.id, session, chat });
        // A keyup still in flight would re-read the typed `/shortcut` before the reply replaces
        // it and reopen the list over the inserted text; that token counts as dismissed.
        dismissedAt.current = token.start;
        setToken(null);
        onChoose({
          id: reply.id,
          start: token.start,
          end: token.end,
          text: rendered.text,
          media: rendered.media,
        });
      } catch (caught) {
        setError(describeError(caught));
      }
    },
    [textareaRef, token, transport, session, chat, onChoose],
  );

  useEffect(() => {
    if (openRequest === 0) return;
    const frame = requestAnimationFrame(update);
    return () => cancelAnimationFrame(frame);
  }, [openRequest, update]);

  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!token) return;
      const handled = ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'];
      if (!handled.includes(event.key) || event.shiftKey || event.isComposing) return;
      if ((event.key === 'Enter' || event.key === 'Tab') && matches.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'ArrowDown') setActive((index) => moveActive(index, 1, matches.length));
      else if (event.key === 'ArrowUp') setActive((index) => moveActive(index, -1, matches.length));
      else if (event.key === 'Escape') {
        dismissedAt.current = token.start;
        setToken(null);
      } else {
        const reply = matches[active];
        if (reply) void choose(reply);
      }
    };
    const onBlur = () => setToken(null);
    textarea.addEventListener('keydown', onKeyDown);
    textarea.addEventListener('input', update);
    textarea.addEventListener('click', update);
    textarea.addEventListener('keyup', update);
    textarea.addEventListener('blur', onBlur);
    return () => {
      textarea.removeEventListener('keydown', onKeyDown);
      textarea.removeEventListener('input', update);
      textarea.removeEventListener('click', update);
      textarea.removeEventListener('keyup', update);
      textarea.removeEventListener('blur', onBlur);
    };
  }, [textareaRef, token, matches, active, choose, update]);

  // The textarea announces the list (combobox pattern) while it is open.
  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-expanded', String(open));
    if (open) textarea.setAttribute('aria-controls', listId);
    else textarea.removeAttribute('aria-controls');
    const activeReply = open ? matches[active] : undefined;
    if (activeReply) textarea.setAttribute('aria-activedescendant', `${listId}-${activeReply.id}`);
    else textarea.removeAttribute('aria-activedescendant');
  }, [textareaRef, open, matches, active, listId]);

  if (!open || !position) return error ? <p className="form-error">{error}</p> : null;
  return (
    <div
      className="reply-picker"
      style={{
        insetInlineStart: position.start,
        bottom: position.bottom,
        width: Math.min(position.width, 520),
      }}
    >
      <ul
        id={listId}
        role="listbox"
        aria-label={intl.formatMessage({ id: 'organize.replies.label' })}
        className="reply-picker__list"
      >
        {replies === null && (
          <li className="muted">{intl.formatMessage({ id: 'organize.replies.loading' })}</li>
        )}
        {replies !== null && matches.length === 0 && (
          <li className="muted">
            {replies.length === 0
              ? intl.formatMessage({ id: 'organize.replies.none' })
              : intl.formatMessage({ id: 'organize.replies.noMatch' }, { query: `/${token.query}` })}
          </li>
        )}
        {matches.map((reply, index) => (
          <li
            key={reply.id}
            id={`${listId}-${reply.id}`}
            role="option"
            aria-selected={index === active}
            className="reply-picker__option"
            // Keep the textarea focused: choosing happens on click, without a blur first.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => void choose(reply)}
          >
            <span className="reply-picker__shortcut">/{reply.shortcut}</span>
            <span className="reply-picker__title" dir="auto">
              {reply.title}
            </span>
            <span className="reply-picker__text muted">
              {reply.media &&
                `[${intl.formatMessage({ id: 'organize.replies.mediaKind' }, { kind: reply.media.type })}] `}
              <bdi>{reply.text}</bdi>
            </span>
          </li>
        ))}
      </ul>
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
