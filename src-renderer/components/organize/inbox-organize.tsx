/**
 * The organize components as the inbox uses them (through pages/inbox/organize-slots.tsx):
 * tags and notes in the contact panel, the tag filter, bulk tagging and tag chips in the chat
 * list, and saved replies in the composer.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { create } from 'zustand';
import type { TagRef } from '../../../src-shared/contract/organize';
import { useTransport } from '../../stores/connection';
import { useInbox } from '../../stores/inbox';
import { useTags } from '../../stores/tags';
import { describeError } from '../../transport/rpc-error';
import type { Transport } from '../../transport/types';
import { ChatNotes } from './ChatNotes';
import { fileFromDataUrl, replaceRange } from './organize-logic';
import { SavedReplyPicker, type ReplyChoice } from './SavedReplyPicker';
import { TagChip } from './TagChip';
import { TagChips } from './TagChips';
import { TagFilter } from './TagFilter';
import '../../styles/organize.css';

const key = (session: string, jid: string) => `${session}|${jid}`;

/** Tags of the chat rows on screen, fetched in one call per session for every row rendered together. */
interface RowTagsState {
  tags: Record<string, TagRef[]>;
  want(transport: Transport, session: string, jid: string): void;
  refresh(transport: Transport, session: string, jid: string): void;
  /** Reads every cached row again (after a tag was renamed, recoloured or deleted). */
  refreshAll(transport: Transport): void;
}

const pending = new Map<string, Set<string>>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;

const useRowTags = create<RowTagsState>((set, get) => {
  const flush = (transport: Transport) => {
    flushTimer = null;
    const batches = [...pending];
    pending.clear();
    for (const [session, jids] of batches) {
      const chats = [...jids].slice(0, 500);
      transport
        .call('tags.ofChats', { session, chats })
        .then(({ items }) =>
          set((state) => {
            const tags = { ...state.tags };
            for (const item of items) tags[key(session, item.chat)] = item.tags;
            return { tags };
          }),
        )
        .catch(() => undefined);
    }
  };
  const request = (transport: Transport, session: string, jid: string) => {
    pending.set(session, (pending.get(session) ?? new Set()).add(jid));
    flushTimer ??= setTimeout(() => flush(transport), 0);
  };
  return {
    tags: {},
    want(transport, session, jid) {
      if (!(key(session, jid) in get().tags)) request(transport, session, jid);
    },
    refresh: request,
    refreshAll(transport) {
      for (const chatKey of Object.keys(get().tags)) {
        const [session = '', jid = ''] = chatKey.split('|');
        request(transport, session, jid);
      }
    },
  };
});

/** Contact panel: the chat's tags (add/remove) and the team's private notes. */
export function ChatOrganizePanel({ session, jid }: { session: string; jid: string }) {
  const intl = useIntl();
  return (
    <section
      className="contact-panel__section organize-panel"
      aria-label={intl.formatMessage({ id: 'organize.panel.label' })}
    >
      <TagChips session={session} chat={jid} />
      <ChatNotes session={session} chat={jid} />
    </section>
  );
}

/** Every chat (of one session, or all) carrying a tag, as chat keys; at most 2,000. */
async function chatsWithTag(
  transport: Transport,
  tagId: string,
  session: string | null,
): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await transport.call('chats.list', {
      tagId,
      limit: 200,
      ...(session ? { session } : {}),
      ...(cursor ? { cursor } : {}),
    });
    for (const chat of result.items) keys.add(key(chat.session, chat.jid));
    if (!result.next) break;
    cursor = result.next;
  }
  return keys;
}

/**
 * Chat list filter row: "Filter by tag" (limits the list to the chats carrying it, kept up to
 * date as chats are tagged). Tagging many chats at once is in select mode's bar (pages/inbox/select/).
 */
export function InboxTagFilter({ session }: { session: string | null }) {
  const transport = useTransport();
  const [tagId, setTagId] = useState<string | null>(null);
  // Names and colours only: usage counts change with every tagging and need no re-read.
  const looks = useTags((state) => state.tags.map((tag) => `${tag.id}:${tag.name}:${tag.color}`).join());

  useEffect(() => {
    const apply = async () => {
      if (!tagId) {
        await useInbox.getState().setSubset(transport, null);
        return;
      }
      const keys = await chatsWithTag(transport, tagId, session);
      const label = useTags.getState().tags.find((tag) => tag.id === tagId)?.name ?? 'Tag';
      await useInbox.getState().setSubset(transport, { label, keys });
    };
    void apply().catch(() => undefined);
    return transport.subscribe((event) => {
      if (event.type !== 'chat.tagged') return;
      useRowTags.getState().refresh(transport, event.session ?? '', event.data.chat);
      if (tagId && event.data.tag.id === tagId) void apply().catch(() => undefined);
    });
  }, [transport, tagId, session]);

  // Renamed, recoloured or deleted tags: the row chips are read again.
  useEffect(() => useRowTags.getState().refreshAll(transport), [looks, transport]);

  useEffect(
    () => () => {
      void useInbox.getState().setSubset(transport, null);
    },
    [transport],
  );

  return (
    <>
      <TagFilter value={tagId} onChange={setTagId} />
    </>
  );
}

/** Under a chat's preview: its tags. */
export function ChatRowTags({ session, jid }: { session: string; jid: string }) {
  const transport = useTransport();
  const chatKey = key(session, jid);
  const tags = useRowTags((state) => state.tags[chatKey]);

  useEffect(() => {
    useRowTags.getState().want(transport, session, jid);
  }, [transport, session, jid]);

  if (!tags?.length) return null;
  return (
    <span className="chat-row-tags">
      {tags?.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
    </span>
  );
}

/**
 * Composer: typing `/` in the message box (or this button) opens the saved replies; the chosen
 * one replaces the typed `/shortcut`, with `[name]` and friends filled for this chat. A reply
 * with media is attached instead: its file goes to the attachment preview, and the message box
 * (with the reply's text in place of the `/shortcut`) becomes the caption.
 */
export function SavedRepliesButton({
  session,
  jid,
  insert,
  attach,
}: {
  session: string;
  jid: string;
  insert: (text: string) => void;
  attach: (file: File, caption: string) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const anchorRef = useRef<HTMLButtonElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const [openRequest, setOpenRequest] = useState(0);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);

  // The composer's message box, next to this button.
  useLayoutEffect(() => {
    textareaRef.current = anchorRef.current?.closest('.composer')?.querySelector('textarea') ?? null;
  });

  const insertText = ({ start, end, text }: ReplyChoice) => {
    // The composer inserts over the selection: select the typed `/shortcut`, then insert.
    textareaRef.current?.setSelectionRange(start, end);
    insert(text);
  };

  const choose = async (choice: ReplyChoice) => {
    const { media } = choice;
    if (!media) {
      setNotice(null);
      insertText(choice);
      return;
    }
    setNotice({
      text: intl.formatMessage({ id: 'organize.replies.attaching' }, { kind: media.type }),
      failed: false,
    });
    try {
      const file = await transport.call('savedReplies.media', { id: choice.id });
      const typed = textareaRef.current?.value ?? '';
      const caption = replaceRange(typed, choice.start, choice.end, choice.text).text.trim();
      setNotice(null);
      attach(fileFromDataUrl(file.dataUrl, file.fileName, file.mimetype), caption);
    } catch (caught) {
      // The text is still useful: insert it, and say why the file is missing.
      insertText(choice);
      setNotice({
        text: intl.formatMessage(
          { id: 'organize.replies.attachFailed' },
          { kind: media.type, reason: describeError(caught) },
        ),
        failed: true,
      });
    }
  };

  return (
    <>
      <button
        ref={anchorRef}
        type="button"
        className="inbox-btn"
        aria-label={intl.formatMessage({ id: 'organize.replies.label' })}
        title={intl.formatMessage({ id: 'organize.replies.buttonTitle' })}
        onClick={() => {
          const textarea = textareaRef.current;
          const before = textarea ? textarea.value.slice(0, textarea.selectionStart ?? 0) : '';
          insert(before === '' || /\s$/.test(before) ? '/' : ' /');
          setOpenRequest((count) => count + 1);
        }}
      >
        <span aria-hidden="true" className="saved-replies-button">
          /
        </span>
      </button>
      <SavedReplyPicker
        textareaRef={textareaRef}
        session={session}
        chat={jid}
        onChoose={(choice) => void choose(choice)}
        openRequest={openRequest}
      />
      {notice && (
        <span
          role={notice.failed ? 'alert' : 'status'}
          className={notice.failed ? 'organize-notice form-error' : 'organize-notice muted'}
        >
          {notice.text}
        </span>
      )}
    </>
  );
}
