import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { useDrafts } from '../../../stores/drafts';
import { useForeignReply } from '../../../stores/foreign-reply';
import { chatKey } from '../../../model/inbox/chat-order';
import { edit } from '../message-actions';
import { takeHeldKeys } from './keys-before-focus';
import { afterPaint } from '../../../model/inbox/after-first-page';

/** How often "typing…" is sent again while the person keeps typing. */
const TYPING_EVERY_MS = 4000;

/**
 * The message box's text: kept as a draft per chat (with the reply, see stores/drafts.ts), grown with its lines, sent (or saved as an
 * edit) with Enter, and announced to the chat as "typing…" while it is written.
 */
export function useMessageText({
  session,
  jid,
  autoFocus,
}: {
  session: string;
  jid: string;
  autoFocus: boolean;
}) {
  const transport = useTransport();
  const replyTo = useConversation((state) => state.replyTo);
  const editing = useConversation((state) => state.editing);
  const store = useConversation.getState;
  const draftKey = `${session}|${jid}`;
  const [text, setTextState] = useState(() => useDrafts.getState().drafts[draftKey]?.text ?? '');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);

  const setText = (value: string) => {
    setTextState(value);
    // An edit's text is the edited message's, not the chat's draft.
    if (!store().editing) useDrafts.getState().setText(draftKey, value);
  };

  // Focused once the chat's first page is in (or failed), and once the frame that paints its rows
  // is out: focusing a text box lays the page out, and on the pane's mount, before the rows were
  // there, that was a layout of its own in every opening (issue #23 target 7, session 19); in the
  // rows' commit it was the focus events, a style recalculation and the held keys' render
  // (keys-before-focus.ts) before the chat's first paint (session 21). Keys typed meanwhile are
  // held for the box as before.
  const opened = useConversation((state) => state.session === session && state.jid === jid && !state.loading);
  const focusedAtOpen = useRef(false);
  // The caret goes after a draft's text, to write on where it stopped (a focused box starts at 0).
  useEffect(() => {
    if (!autoFocus || !opened || focusedAtOpen.current) return;
    let live = true;
    afterPaint(() => {
      const input = inputRef.current;
      if (!live || focusedAtOpen.current || !input) return;
      focusedAtOpen.current = true;
      input.focus();
      if (input.value) input.setSelectionRange(input.value.length, input.value.length);
    });
    return () => {
      live = false;
    };
  }, [autoFocus, opened]);

  useEffect(() => {
    if (editing) setTextState(editing.text ?? '');
    if (editing || replyTo) inputRef.current?.focus();
  }, [editing, replyTo]);

  // Grow with the text up to a limit (the CSS caps the height). Reading its height lays the page
  // out too: from the chat's first page on, for the same reason as the focus above.
  useEffect(() => {
    const input = inputRef.current;
    if (!input || !opened) return;
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
  }, [text, opened]);

  const presence = (state: 'composing' | 'paused') => {
    void transport.call('chats.presence', { session, chat: jid, state }).catch(() => undefined);
  };

  // A question about another chat's owner does not follow the person to this chat; the text
  // typed here is stored as the chat is left (drafts are stored once typing settles).
  useEffect(
    () => () => {
      useForeignReply.getState().dismiss();
      useDrafts.getState().flush();
    },
    [draftKey],
  );

  /** After an edit, the box shows the chat's draft again. */
  const restoreDraft = () => {
    useDrafts.getState().flush();
    setTextState(useDrafts.getState().drafts[draftKey]?.text ?? '');
  };

  /** `confirmed`: the person answered the "someone else has this chat" question with Enter. */
  const send = async (confirmed = false) => {
    const body = text.trim();
    if (!body) return;
    if (!editing && useForeignReply.getState().check(confirmed) === 'wait') return;
    if (editing) {
      store().setEditing(null);
      restoreDraft();
      await edit(transport, editing, body);
      return;
    }
    setText('');
    const quote = replyTo?.id;
    store().setReplyTo(null);
    lastTyping.current = 0;
    presence('paused');
    await store().send(transport, {
      type: 'text',
      to: jid,
      text: body,
      ...(quote ? { replyTo: quote } : {}),
    });
  };

  const cancelEdit = () => {
    store().setEditing(null);
    restoreDraft();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const asking = useForeignReply.getState().asking;
    if (asking && event.key === 'Escape') {
      event.stopPropagation();
      useForeignReply.getState().dismiss();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send(asking?.mode === 'warn');
    } else if (event.key === 'Escape' && (replyTo || editing)) {
      event.stopPropagation();
      if (editing) cancelEdit();
      else store().setReplyTo(null);
    }
  };

  const onChange = (value: string) => {
    setText(value);
    if (!editing && value && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = Date.now();
      presence('composing');
    }
  };

  /**
   * Keys typed for this chat before the box had the focus (right after the click that opened it,
   * see keys-before-focus.ts) go in after its text; setting the value puts the caret after them.
   */
  const onFocus = () => {
    const keys = takeHeldKeys(chatKey(session, jid));
    if (keys) onChange(text + keys);
  };

  const onBlur = () => {
    if (lastTyping.current) presence('paused');
  };

  /** Puts `snippet` (an emoji, a saved reply) where the cursor is, and the cursor after it. */
  const insert = (snippet: string) => {
    const input = inputRef.current;
    const start = input?.selectionStart ?? text.length;
    const end = input?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  return {
    text,
    setText,
    inputRef,
    editing,
    replyTo,
    send,
    cancelEdit,
    onKeyDown,
    onChange,
    onFocus,
    onBlur,
    insert,
  };
}

export type MessageText = ReturnType<typeof useMessageText>;
